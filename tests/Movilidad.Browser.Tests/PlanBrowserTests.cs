using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Movilidad.Browser.Tests;

/// <summary>What a secretariat officer does on the foundation's pages, in a real browser, checked with axe-core.</summary>
public abstract class PlanBrowserTests(BrowserHost host)
{
    private static async Task AssertAccessible(IPage page)
    {
        var violations = await BrowserHost.SeriousAccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{page.Url}:\n" + string.Join('\n', violations));
    }

    [Fact]
    public async Task Home_InSpanishThenEnglish_ShowsThePlansAndTheChoiceSticks()
    {
        var page = await host.NewPageAsync("es");
        await page.GotoAsync("/");
        Assert.Equal("Gobernanza de la movilidad laboral en la región de la CRM", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(5, await page.Locator(".cards article.card:has(h3 a[href^='/plans/'])").CountAsync());
        await host.ScreenshotAsync(page, "home.es");
        await AssertAccessible(page);

        await page.GetByTestId("language-switch").ClickAsync();
        await page.ReachedAsync("**/");
        Assert.Equal("Governing labour mobility in the RCM region", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await host.ScreenshotAsync(page, "home.en");
        await AssertAccessible(page);

        await page.GotoAsync("/roadmap");
        Assert.Equal("Roadmap", await page.Locator("h1").InnerTextAsync());
        Assert.Empty(host.PageErrors);
    }

    [Fact]
    public async Task PlanTree_ExpandLineToAction_OpensTheActionWithItsFootnote()
    {
        var page = await host.NewPageAsync("es");
        await page.GotoAsync("/plans/prml-2023-2027");
        await AssertAccessible(page);
        var line = page.Locator("li[data-level='line']").First;
        var action = line.Locator("li[data-level='action'] a.leaf").Filter(new LocatorFilterOptions { HasText = "1.6" });
        Assert.False(await action.IsVisibleAsync());
        await line.Locator("summary").First.ClickAsync();
        Assert.True(await action.IsVisibleAsync());
        await host.ScreenshotAsync(page, "plan-tree");
        await action.ClickAsync();
        await page.ReachedAsync("**/elements/*");
        Assert.Contains("metodología estandarizada", await page.Locator(".prose").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("dinámica de sistemas", await page.Locator(".footnotes").InnerTextAsync(), StringComparison.Ordinal);
        await host.ScreenshotAsync(page, "element");
        await AssertAccessible(page);

        await page.GoBackAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Desplegar todo" }).ClickAsync();
        Assert.Equal(26, await page.Locator("li[data-level='action'] a.leaf:visible").CountAsync());
        Assert.Empty(host.PageErrors);
    }

    [Fact]
    public async Task Roadmap_ShowsTheGanttWithTodayAndFiltersByPlan()
    {
        var page = await host.NewPageAsync("en");
        await page.GotoAsync("/roadmap");
        Assert.True(await page.Locator("svg.gantt rect.bar").CountAsync() >= 15);
        Assert.Equal(1, await page.Locator("svg.gantt line.today").CountAsync());
        await host.ScreenshotAsync(page, "roadmap");
        await AssertAccessible(page);
        await page.Locator("#plan").SelectOptionAsync("po-prml-2023-2027");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Show" }).ClickAsync();
        await page.ReachedAsync("**plan=po-prml-2023-2027");
        await using var db = host.App.CreateDb();
        var dated = await db.PlanElements.CountAsync(e => e.Plan!.Key == "po-prml-2023-2027" && (e.StartDate != null || e.EndDate != null));
        Assert.InRange(dated, 1, 20);
        Assert.Equal(dated, await page.Locator("svg.gantt rect.bar").CountAsync());
        Assert.Empty(host.PageErrors);
    }

    [Fact]
    public async Task Search_WithoutAccents_FindsAndOpensAnElement()
    {
        var page = await host.NewPageAsync("es");
        await page.GotoAsync("/");
        await page.Locator("#site-search").FillAsync("reclutamiento etico");
        await page.Locator("#site-search").PressAsync("Enter");
        await page.ReachedAsync("**/search?q=*");
        var results = page.Locator("ol.results li");
        Assert.True(await results.CountAsync() >= 1);
        await host.ScreenshotAsync(page, "search");
        await AssertAccessible(page);
        Assert.True(await page.Locator(".search-facets a").CountAsync() >= 2);
        await results.Locator("a[href^='/elements/']").First.ClickAsync();
        await page.ReachedAsync("**/elements/*");
        Assert.Contains("ético", (await page.ContentAsync()).ToLowerInvariant(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Institutions_ListsMembersAndAgencies()
    {
        var page = await host.NewPageAsync("en");
        await page.GotoAsync("/institutions");
        Assert.Contains("International Labour Organization", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await host.ScreenshotAsync(page, "institutions");
        await AssertAccessible(page);
    }
}

public sealed class PlanBrowserTestsOnSqlite(SqliteBrowserHost host) : PlanBrowserTests(host), IClassFixture<SqliteBrowserHost>;

public sealed class PlanBrowserTestsOnPostgres(PostgresBrowserHost host) : PlanBrowserTests(host), IClassFixture<PostgresBrowserHost>;
