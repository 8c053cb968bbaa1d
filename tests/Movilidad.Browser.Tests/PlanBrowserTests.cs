using Microsoft.Playwright;
using Movilidad.Platform.Demo;
using Movilidad.Web.Tests.Infrastructure;
using UglyToad.PdfPig;

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
    public async Task WorkingGroupPlan_CreatedWithAnElementAndSubmitted_OnThePagesAtLaptopAndPhoneWidths()
    {
        var key = $"gt-ml-browser-{Guid.NewGuid():N}"[..28];
        var page = await host.SignedInAsync("es", "working-group-member:GT-ML");
        await page.SetViewportSizeAsync(1366, 900);
        await page.GotoAsync("/plans");
        await page.GetByTestId("new-plan").ClickAsync();
        await page.ReachedAsync("**/plans/new");
        await page.Locator("#Title-es").FillAsync("Plan de trabajo del GT de Migración Laboral 2025-2026");
        await page.Locator("#Title-en").FillAsync("Labour Migration WG work plan 2025-2026");
        await page.Locator("#key").FillAsync(key);
        await page.Locator("#period-start").FillAsync("2025");
        await page.Locator("#period-end").FillAsync("2026");
        await host.ScreenshotAsync(page, "plan-new-1366");
        await AssertAccessible(page);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Crear el borrador" }).ClickAsync();
        await page.ReachedAsync($"**/plans/{key}");
        await Assertions.Expect(page.GetByTestId("review-state")).ToContainTextAsync("Borrador");

        await page.GetByTestId("add-element").ClickAsync();
        await page.ReachedAsync($"**/plans/{key}/elements/new");
        await page.Locator("#level").SelectOptionAsync("activity");
        await page.Locator("#code").FillAsync("1");
        await page.Locator("#Title-es").FillAsync("Mesa técnica sobre reclutamiento equitativo");
        await page.Locator("#Title-en").FillAsync("Technical round table on fair recruitment");
        await page.Locator("#start").FillAsync("2025-03-01");
        await page.Locator("#end").FillAsync("2025-11-30");
        await page.Locator("#responsible").SelectOptionAsync("GT-ML");
        await page.Locator("#gcm").FillAsync("6");
        await page.SetViewportSizeAsync(390, 844);
        await host.ScreenshotAsync(page, "plan-element-new-390");
        await AssertAccessible(page);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Añadir el elemento" }).ClickAsync();
        await page.ReachedAsync($"**/plans/{key}");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Mesa técnica sobre reclutamiento equitativo");

        await page.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("review-state")).ToContainTextAsync("Enviado a la Secretaría");
        await Assertions.Expect(page.GetByTestId("review-steps")).ToContainTextAsync("Enviado para aprobación");
        await host.ScreenshotAsync(page, "plan-submitted-390");
        await AssertAccessible(page);
        await page.SetViewportSizeAsync(1366, 900);
        await host.ScreenshotAsync(page, "plan-submitted-1366");
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
    public async Task Roadmap_AtPhoneAndDesktopWidths_DrawsActivitiesByStatusWithFixedLabels()
    {
        await using (var db = host.App.CreateDb())
        {
            if (!await DemoData.IsPresentAsync(db, CancellationToken.None))
            {
                await DemoData.SeedAsync(db, DateOnly.FromDateTime(DateTime.UtcNow), CancellationToken.None);
            }
        }

        foreach (var (language, width) in new[] { ("es", 390), ("en", 390), ("es", 1366), ("en", 1366) })
        {
            var page = await host.NewPageAsync(language);
            await page.SetViewportSizeAsync(width, 900);
            await page.GotoAsync("/roadmap");
            var where = $"{language} {width} px";
            Assert.True(await page.Locator("svg.rm-row rect.bar.element").CountAsync() >= 15, where);
            Assert.True(await page.Locator("tr.rm-activity[data-status]").CountAsync() >= 5, where);
            Assert.True(await page.Locator("svg.rm-row line.today").CountAsync() >= 20, where);
            Assert.Empty(await page.EvaluateAsync<string[]>(LayoutBrowserTests.SidewaysScroll));
            Assert.Empty(await page.EvaluateAsync<string[]>(LayoutBrowserTests.SmallText));
            await AssertAccessible(page);
            await host.ScreenshotAsync(page, $"roadmap-{width}-{language}");

            // The chart scrolls in its own box; the labels stay where they were while the bars move under them.
            var box = page.GetByTestId("roadmap");
            var label = page.Locator("tr.rm-activity th.rm-label").First;
            var bar = page.Locator("tr.rm-activity svg").First;
            var (labelBefore, barBefore) = ((await label.BoundingBoxAsync())!.X, (await bar.BoundingBoxAsync())!.X);
            var scrolled = await box.EvaluateAsync<double>("b => { b.scrollLeft = 300; return b.scrollLeft; }");
            if (width == 390)
            {
                Assert.True(scrolled > 0, "the chart does not scroll in its box at 390 px");
            }

            Assert.Equal(labelBefore, (await label.BoundingBoxAsync())!.X, 0.5);
            Assert.Equal(barBefore - scrolled, (await bar.BoundingBoxAsync())!.X, 0.5);
        }

        Assert.Empty(host.PageErrors);
    }

    [Fact]
    public async Task Roadmap_FiltersAreKeptInTheAddress_AndThePlanPrintsLandscape()
    {
        await using (var db = host.App.CreateDb())
        {
            if (!await DemoData.IsPresentAsync(db, CancellationToken.None))
            {
                await DemoData.SeedAsync(db, DateOnly.FromDateTime(DateTime.UtcNow), CancellationToken.None);
            }
        }

        var page = await host.NewPageAsync("en");
        await page.GotoAsync("/roadmap");
        await page.Locator("#plan").SelectOptionAsync("prml-2023-2027");
        await page.Locator("#status").SelectOptionAsync("done");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Show" }).ClickAsync();
        await page.ReachedAsync("**/roadmap?plan=prml-2023-2027*status=done*");
        var statuses = await page.Locator("tr.rm-activity").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.status)");
        Assert.NotEmpty(statuses);
        Assert.All(statuses, s => Assert.Equal("done", s));
        Assert.Equal(0, await page.Locator("svg.rm-row rect.bar.element").CountAsync());
        Assert.Equal("done", await page.Locator("#status").InputValueAsync());

        await page.GotoAsync("/roadmap?plan=prml-2023-2027");
        var rows = await page.Locator("tr.rm-activity").CountAsync();
        var labelWords = (await page.Locator("tr.rm-activity th.rm-label a").AllInnerTextsAsync())
            .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(w => w.Length > 3).ToHashSet(StringComparer.Ordinal);
        var folder = Path.Combine(LocalizationTests.RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        foreach (var paper in new[] { "A4", "Letter" })
        {
            var pdf = await page.PdfAsync(new PagePdfOptions { Format = paper, PreferCSSPageSize = true, PrintBackground = true });
            await File.WriteAllBytesAsync(Path.Combine(folder, $"roadmap-print-{paper}.pdf"), pdf);
            using var document = PdfDocument.Open(pdf);
            var pages = document.GetPages().ToList();
            Assert.All(pages, p => Assert.True(p.Width > p.Height, $"{paper} page {p.Number} is {p.Width} x {p.Height} pt, not landscape"));

            // The activities' labels are printed as text, not cut off, and at a readable size: nothing in the print layout is wider
            // than the paper, so Chromium does not shrink the page to fit (it did: labels near 5.7 pt on A4).
            var text = string.Join(' ', pages.Select(p => p.Text));
            Assert.Contains("Regional Plan on Labour Mobility", text, StringComparison.Ordinal);
            var words = pages.SelectMany(p => p.GetWords()).Where(w => w.Text.Length > 2).ToList();
            Assert.True(words.Count > rows * 3, $"{paper}: {words.Count} words for {rows} activities");
            var labels = words.Where(w => labelWords.Contains(w.Text)).ToList();
            Assert.True(labels.Count >= rows, $"{paper}: {labels.Count} words of the activities' labels for {rows} activities");
            var smallest = labels.SelectMany(w => w.Letters).Min(l => l.PointSize);
            Assert.True(smallest >= 8, $"{paper}: the activities' labels print at {smallest:0.0} pt");
        }
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
