using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Browser.Tests;

/// <summary>The demand models in a real browser: the library, a model's page with its diagram, a simulation's chart, a Monte Carlo set with its progress across a reload and its bands; axe-checked, screenshots saved.</summary>
public abstract partial class DemandBrowserTests(BrowserHost host)
{
    private static async Task AssertAccessible(IPage page)
    {
        var violations = await BrowserHost.SeriousAccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{page.Url}:\n" + string.Join('\n', violations));
    }

    [Fact]
    public async Task ModelPage_RunAndMonteCarlo_WorkInTheBrowser()
    {
        var person = await host.App.AddPersonAsync($"{Guid.NewGuid():N}@example.org", twoFactor: false, "focal-point:GT");
        var page = await host.NewPageAsync("es");
        await page.GotoAsync("/account/sign-in");
        await page.Locator("#Email").FillAsync(person.Email);
        await page.Locator("#Password").FillAsync(person.Password);
        await Task.WhenAll(page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal)), page.Locator("main button[type=submit]").ClickAsync());

        await page.GotoAsync("/models");
        await Assertions.Expect(page.GetByTestId("models")).ToContainTextAsync("Seasonal agricultural demand");
        await AssertAccessible(page);
        await host.ScreenshotAsync(page, "demand-library");

        await page.GetByTestId("models").Locator("a").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("diagram").Locator("svg rect")).ToHaveCountAsync(7);
        await Assertions.Expect(page.GetByTestId("variables")).ToContainTextAsync("domestic seasonal workforce");
        await Assertions.Expect(page.GetByTestId("variables")).ToContainTextAsync("Acervo");
        await AssertAccessible(page);
        await host.ScreenshotAsync(page, "demand-model");
        var modelUrl = page.Url;

        await page.Locator("#run-scenario").SelectOptionAsync(new SelectOptionValue { Label = "Faster mechanisation" });
        await Task.WhenAll(page.WaitForURLAsync(RunPage()), page.GetByTestId("run").Locator("button").ClickAsync());
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("terminada");
        await Assertions.Expect(page.GetByTestId("chart").Locator("polyline")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("series-table").Locator("tbody tr")).ToHaveCountAsync(81);
        await AssertAccessible(page);
        await host.ScreenshotAsync(page, "demand-run");

        // Too many runs: refused on the page with the limit, not a server error.
        await page.GotoAsync(modelUrl);
        await page.Locator("#mc-runs").FillAsync("10000000");
        await page.Locator("#mc-name-0").SelectOptionAsync("domestic tenure");
        await page.Locator("#mc-dist-0").FillAsync("uniform(6,10)");
        await page.GetByTestId("sensitivity").Locator("button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("errors")).ToContainTextAsync("100,000");
        await AssertAccessible(page);

        await page.Locator("#mc-runs").FillAsync("300");
        await Task.WhenAll(page.WaitForURLAsync(RunPage()), page.GetByTestId("sensitivity").Locator("button").ClickAsync());
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("terminada", new() { Timeout = 120_000 });
        await Assertions.Expect(page.GetByTestId("chart").Locator("path.band")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("correlations")).ToContainTextAsync("domestic tenure");
        await AssertAccessible(page);
        await host.ScreenshotAsync(page, "demand-monte-carlo");
        Assert.Empty(host.PageErrors);
    }

    [GeneratedRegex("/models/runs/[0-9]+$")]
    private static partial Regex RunPage();
}

public sealed class DemandBrowserTestsOnSqlite(SqliteBrowserHost host) : DemandBrowserTests(host), IClassFixture<SqliteBrowserHost>;

public sealed class DemandBrowserTestsOnPostgres(PostgresBrowserHost host) : DemandBrowserTests(host), IClassFixture<PostgresBrowserHost>;
