using Microsoft.Playwright;
using Movilidad.Web.Tests.Features.LabourMarket;

namespace Movilidad.Browser.Tests;

/// <summary>The occupation outlook and the methodology page in a real browser, as the public reads them: filters, charts, tables, axe-checked, screenshots.</summary>
public abstract class OutlookBrowserTests(BrowserHost host)
{
    /// <summary>The ranking chart and one chart for each of the five occupations.</summary>
    private const int OutlookModelCharts = 6;

    private static async Task AssertAccessible(IPage page)
    {
        var violations = await BrowserHost.SeriousAccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task Outlook_FilteredBySector_ThenMethodology_ReadWellAndAreAccessible()
    {
        await using (var db = host.App.CreateDb())
        {
            await OutlookApp.WriteAsync(db);
        }

        var page = await host.NewPageAsync("es");
        await page.GotoAsync($"/labour-market/outlook?area={OutlookApp.Country}");
        Assert.Equal("Perspectiva de ocupaciones", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(5, await page.GetByTestId("ranking").Locator("tbody tr").CountAsync());
        Assert.Contains("9211", await page.GetByTestId("ranking").Locator("tbody tr").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(OutlookModelCharts, await page.Locator("figure.chart svg").CountAsync());
        await host.ScreenshotAsync(page, "outlook");
        await AssertAccessible(page);

        await page.Locator("select[name=sector]").SelectOptionAsync("care");
        await page.Locator("form.activity-filters button[type=submit]").ClickAsync();
        await page.ReachedAsync("**sector=care**");
        Assert.Equal(1, await page.GetByTestId("ranking").Locator("tbody tr").CountAsync());
        Assert.Contains("5322", await page.GetByTestId("ranking").InnerTextAsync(), StringComparison.Ordinal);
        await host.ScreenshotAsync(page, "outlook-care");

        var english = await host.NewPageAsync("en");
        await english.GotoAsync("/labour-market/methodology");
        Assert.Equal("Demand estimation methodology", await english.Locator("h1").InnerTextAsync());
        Assert.Contains("Canada", await english.GetByTestId("calibration-canada").InnerTextAsync(), StringComparison.Ordinal);
        await host.ScreenshotAsync(english, "methodology-en");
        await AssertAccessible(english);
        Assert.Empty(host.PageErrors);
    }
}

public sealed class OutlookBrowserTestsOnSqlite(SqliteBrowserHost host) : OutlookBrowserTests(host), IClassFixture<SqliteBrowserHost>;

public sealed class OutlookBrowserTestsOnPostgres(PostgresBrowserHost host) : OutlookBrowserTests(host), IClassFixture<PostgresBrowserHost>;
