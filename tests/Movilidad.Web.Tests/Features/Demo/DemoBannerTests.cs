using System.Net;
using Movilidad.Platform.Data;
using Movilidad.Platform.Demo;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Demo;

/// <summary>The demonstration data set seen through the pages: a banner on every page while it is present, its activities public, nothing left after removal.</summary>
public abstract class DemoBannerTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Banner_OnEveryPageInBothLanguagesWhileDemoDataIsPresent_AndGoneOnceRemoved()
    {
        // Its own app: the demonstration fills the real plans, which the shared apps' tests read.
        MovilidadApp app = provider == DatabaseProvider.Sqlite ? new SqliteApp() : new PostgresApp();
        var lifetime = (IAsyncLifetime)app;
        await lifetime.InitializeAsync();
        try
        {
            string[] pages = ["/", "/plans", "/monitoring/activities", "/pledges", "/practices"];
            async Task<List<string>> PagesAsync(string language)
            {
                var client = app.ClientIn(language);
                var html = new List<string>();
                foreach (var page in pages)
                {
                    var response = await client.GetAsync(page);
                    Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {response.StatusCode}");
                    html.Add(await response.Content.ReadAsStringAsync());
                }

                return html;
            }

            Assert.All(await PagesAsync("es"), html => Assert.DoesNotContain("demo-banner", html, StringComparison.Ordinal));
            await using (var db = app.CreateDb())
            {
                await DemoData.SeedAsync(db, DateOnly.FromDateTime(DateTime.UtcNow), CancellationToken.None);
            }

            var spanish = await PagesAsync("es");
            Assert.All(spanish, html => Assert.Contains("Datos de demostración", html, StringComparison.Ordinal));
            Assert.All(await PagesAsync("en"), html => Assert.Contains("Demonstration data", html, StringComparison.Ordinal));
            Assert.Contains(DemoData.ActivityCodePrefix, spanish[2], StringComparison.Ordinal);

            await using (var db = app.CreateDb())
            {
                await DemoData.RemoveAsync(db, CancellationToken.None);
            }

            var after = await PagesAsync("es");
            Assert.All(after, html => Assert.DoesNotContain("demo-banner", html, StringComparison.Ordinal));
            Assert.DoesNotContain(DemoData.ActivityCodePrefix, after[2], StringComparison.Ordinal);
        }
        finally
        {
            await lifetime.DisposeAsync();
        }
    }
}

public sealed class DemoBannerTestsOnSqlite() : DemoBannerTests(DatabaseProvider.Sqlite);

public sealed class DemoBannerTestsOnPostgres() : DemoBannerTests(DatabaseProvider.Postgres);
