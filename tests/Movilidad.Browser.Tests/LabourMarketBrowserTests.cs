using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Writes;
using Movilidad.Platform.LabourMarket;
using Movilidad.Web.Tests.Features.LabourMarket;

namespace Movilidad.Browser.Tests;

/// <summary>The labour-market explorer, an occupation page and the dataset pages over a real imported file, for the public, checked with axe-core.</summary>
public abstract class LabourMarketBrowserTests(BrowserHost host)
{
    [Fact]
    public async Task ExplorerOccupationAndDatasetPages_ShowTheImportedFileAndAreAccessible()
    {
        LabourDatasetSummary dataset;
        await using (var scope = host.App.Services.CreateAsyncScope())
        await using (var stream = File.OpenRead(RecordFiles.PathOf(RecordFiles.NegativeLmia)))
        {
            var outcome = await LabourImport.ImportAsync(scope.ServiceProvider.GetRequiredService<MovilidadDb>(), new LabourImportRequest(stream, Path.GetFileName(RecordFiles.NegativeLmia)),
                _ => true, AuditActor.CommandLine(), TimeProvider.System, "es", null, CancellationToken.None);
            dataset = Assert.IsType<WriteOutcome<LabourDatasetSummary>.Saved>(outcome).Value;
        }

        var page = await host.NewPageAsync("es");
        await page.GotoAsync($"/labour-market?dataset={dataset.Id}&level=1");
        await Assertions.Expect(page.Locator("[data-testid=top-occupations] svg")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Explorador del mercado laboral");
        await Assertions.Expect(page.Locator("a", new() { HasTextString = "XLSX" })).ToBeVisibleAsync();
        await host.ScreenshotAsync(page, "labour-market-explorer");
        await BrowserHost.AssertAccessibleAsync(page);

        await page.Locator("[data-testid=top-occupations] ~ table a").First.ClickAsync();
        await page.ReachedAsync(url => url.Contains("/labour-market/occupations/", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("[data-testid=by-country]")).ToBeVisibleAsync();
        await host.ScreenshotAsync(page, "labour-market-occupation");
        await BrowserHost.AssertAccessibleAsync(page);

        await page.GotoAsync("/labour-market/datasets");
        await Assertions.Expect(page.Locator($"a[href='/labour-market/datasets/{dataset.Id}']")).ToBeVisibleAsync();
        await host.ScreenshotAsync(page, "labour-market-datasets");
        await BrowserHost.AssertAccessibleAsync(page);

        await page.GotoAsync($"/labour-market/datasets/{dataset.Id}");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(dataset.Sha256);
        await host.ScreenshotAsync(page, "labour-market-dataset");
        await BrowserHost.AssertAccessibleAsync(page);
        Assert.Empty(host.PageErrors);
    }
}

public sealed class LabourMarketBrowserTestsOnSqlite(SqliteBrowserHost host) : LabourMarketBrowserTests(host), IClassFixture<SqliteBrowserHost>;

public sealed class LabourMarketBrowserTestsOnPostgres(PostgresBrowserHost host) : LabourMarketBrowserTests(host), IClassFixture<PostgresBrowserHost>;
