using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Movilidad.Platform.Data;
using Movilidad.Web.Features.Indicators;
using Movilidad.Web.Infrastructure.Observability;

namespace Movilidad.Web.Tests.Infrastructure;

/// <summary>The platform with its metrics scrape endpoint turned on, and one path that fails, as an operator would see it.</summary>
public abstract class ObservedApp(DatabaseProvider provider) : MovilidadApp(provider)
{
    public const string MetricsToken = "test-scrape-token";

    public const string FailingPath = "/test/unhandled-error";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Observability:MetricsToken", MetricsToken);
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, FailingPathFilter>());
    }

    /// <summary>Adds, after the whole pipeline (so behind the error pages), a path whose handler throws.</summary>
    private sealed class FailingPathFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map(FailingPath, failing => failing.Run(_ => throw new InvalidOperationException("A failure for the error page test.")));
        };
    }
}

public sealed class ObservedSqliteApp() : ObservedApp(DatabaseProvider.Sqlite);

public sealed class ObservedPostgresApp() : ObservedApp(DatabaseProvider.Postgres);

public abstract partial class ObservabilityTests(ObservedApp app)
{
    [Fact]
    public void TestHost_SettingsFilesAndWebRoot_HoldNoFileWatcher()
    {
        // A watched file costs an inotify instance per host until it is finalised; hundreds of test hosts exhausted CI's 128.
        var configuration = (IConfigurationRoot)app.Services.GetRequiredService<IConfiguration>();
        var files = configuration.Providers.OfType<FileConfigurationProvider>().ToList();
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.False(f.Source.ReloadOnChange, f.Source.Path));
        var webRoot = Assert.IsType<PhysicalFileProvider>(app.Services.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider);
        Assert.True(webRoot.UsePollingFileWatcher);
        Assert.True(webRoot.UseActivePolling);
    }

    [Fact]
    public async Task MetricsScrape_AfterRequests_CountsAndTimesThemByRoute()
    {
        var browser = app.Browser();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/plans")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/plans")).StatusCode);
        }

        // A request's measure is recorded as its response ends, which may follow the client's read by a moment: scrape until
        // both are in. Routes are named by their templates: the API group's "/api/plans/", the page's "plans".
        var text = string.Empty;
        for (var attempt = 0; attempt < 50 && !(Count(text, "/api/plans/") >= 3 && Count(text, "plans") >= 3); attempt++)
        {
            await Task.Delay(100);
            text = await ScrapeAsync();
        }

        Assert.True(Count(text, "/api/plans/") >= 3, "No request count for /api/plans/ in:\n" + text);
        Assert.True(Count(text, "plans") >= 3, "No request count for the plans page in:\n" + text);
        Assert.Matches(new Regex("http_server_request_duration_seconds_sum\\{[^}]*http_route=\"/api/plans/\"[^}]*\\} [0-9.eE+-]+"), text);
        Assert.Matches(new Regex("http_server_request_duration_seconds_bucket\\{[^}]*http_route=\"/api/plans/\"[^}]*le=\"[0-9.]+\"[^}]*\\} [0-9]+"), text);
        Assert.Matches(new Regex("movilidad_db_command_duration_seconds_count\\{[^}]*db_operation=\"query\"[^}]*\\} [1-9][0-9]*"), text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-the-token")]
    public async Task MetricsScrape_WithoutTheToken_IsRefused(string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await app.Browser().SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("http_server_request_duration", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorPage_UnhandledError_ShowsTheCorrelationIdOfTheRequest()
    {
        var response = await app.ClientIn("en").GetAsync(ObservedApp.FailingPath);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var id = Assert.Single(response.Headers.GetValues("X-Correlation-Id"));
        Assert.Matches("^[0-9a-f]{32}$", id);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("If you tell the Secretariat, quote this reference:", page, StringComparison.Ordinal);
        Assert.Contains($"<code>{id}</code>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WarmUp_HeavyPagesAndDashboards_AllAnswerWithoutError()
    {
        var warmUp = ActivatorUtilities.CreateInstance<StartupWarmUp>(app.Services);
        var statuses = await warmUp.RequestPagesAsync(app.Browser(), CancellationToken.None);
        Assert.Equal(StartupWarmUp.Pages.Count, statuses.Count);
        Assert.All(statuses, s => Assert.True(s.Status == 200, $"{s.Page} answered {s.Status}"));

        await using var scope = app.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<IndicatorsWarmUp>(scope.ServiceProvider).WarmUpAsync(CancellationToken.None);
    }

    private async Task<string> ScrapeAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ObservedApp.MetricsToken);
        var response = await app.Browser().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The request count of a route (summed over methods and statuses) in a Prometheus text exposition.</summary>
    private static long Count(string exposition, string route) =>
        CountLine().Matches(exposition).Where(m => m.Groups["labels"].Value.Contains($"http_route=\"{route}\"", StringComparison.Ordinal))
            .Sum(m => long.Parse(m.Groups["count"].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex("^http_server_request_duration_seconds_count\\{(?<labels>[^}]*)\\} (?<count>[0-9]+)", RegexOptions.Multiline)]
    private static partial Regex CountLine();
}

public sealed class ObservabilityTestsOnSqlite(ObservedSqliteApp app) : ObservabilityTests(app), IClassFixture<ObservedSqliteApp>;

public sealed class ObservabilityTestsOnPostgres(ObservedPostgresApp app) : ObservabilityTests(app), IClassFixture<ObservedPostgresApp>;
