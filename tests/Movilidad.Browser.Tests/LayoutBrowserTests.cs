using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Movilidad.Platform.Demo;

namespace Movilidad.Browser.Tests;

/// <summary>
/// Every main page on a 390 px phone and a 1366 px laptop, in Spanish and English, over the demonstration data: the
/// document never scrolls sideways (a wide table scrolls in its own box; one marked to fit a laptop does not scroll at 1366 px), no visible text is drawn smaller than 12 px
/// (SVG text measured as drawn, after the chart is scaled) and axe finds nothing serious or critical. One host, one
/// browser, one page per audience; a page is added to the lists below. Each database's run opens every page in two of
/// the four language and width pairs and the other database's run in the other two, so together they cover all four
/// while every page still runs on both databases (the layout does not depend on the database; its data does).
/// </summary>
public abstract class LayoutBrowserTests(BrowserHost host)
{
    /// <summary>Pages anyone can open. {element} and {indicator} are filled from the database.</summary>
    public static readonly string[] PublicPages =
    [
        "/", "/plans", "/plans/prml-2023-2027", "/elements/{element}", "/monitoring/activities", "/indicators", "/indicators/{indicator}", "/reports",
        "/pledges", "/practices", "/search?q=migraci%C3%B3n", "/account/sign-in", "/recruiters", "/labour-market/datasets", "/roadmap", "/institutions",
        "/courses", "/courses/calendar?month=2025-10", "/courses/dashboard",
        "/qualifications", "/qualifications/compare?occupation=7411", "/qualifications/mx-conocer-certificacion", "/qualifications/rates",
        "/social-security/portability?country=CA&country=MX&country=US&years=10&years=4&years=6&status=employee",
    ];

    /// <summary>Pages the Secretariat opens signed in.</summary>
    public static readonly string[] SignedInPages =
        ["/indicators", "/indicators/reports", "/monitoring/matrix", "/first-run", "/audit", "/accounts/users", "/account/security", "/fraud-reports", "/monitoring/due",
         "/mentoring", "/mentoring/experts", "/mentoring/profile", "/mentoring/counts", "/qualifications/rates"];

    /// <summary>The language and width pairs this database's run opens: SQLite Spanish on the phone and English on the laptop, PostgreSQL the other way round.</summary>
    private (string Language, int Width)[] Views => host.Provider == Movilidad.Platform.Data.DatabaseProvider.Sqlite
        ? [("es", 390), ("en", 1366)]
        : [("en", 390), ("es", 1366)];

    [Fact]
    public async Task PublicPages_OnPhoneAndLaptop_InBothLanguages_FitReadAndAreAccessible()
    {
        var page = await host.NewPageAsync("es");
        var problems = await CheckAsync(page, PublicPages, "public");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task SecretariatPages_OnPhoneAndLaptop_InBothLanguages_FitReadAndAreAccessible()
    {
        var page = await host.SignedInAsync("es", "secretariat");
        var problems = await CheckAsync(page, SignedInPages, "secretariat");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    /// <summary>Visits every page at every width in both languages and returns what is wrong, one line each.</summary>
    private async Task<List<string>> CheckAsync(IPage page, string[] paths, string audience)
    {
        var fill = await PlaceholdersAsync();
        var problems = new List<string>();
        foreach (var (language, width) in Views)
        {
            await page.GotoAsync($"/language/{language}?returnUrl=/");
            await page.SetViewportSizeAsync(width, width < 800 ? 844 : 900);
            foreach (var template in paths)
            {
                var path = fill.Aggregate(template, (p, f) => p.Replace(f.Key, f.Value, StringComparison.Ordinal));
                var response = await page.GotoAsync(path);
                var where = $"{language} {width} px {path}";
                if (response is not { Ok: true })
                {
                    problems.Add($"{where}: status {response?.Status}");
                    continue;
                }

                problems.AddRange((await page.EvaluateAsync<string[]>(SidewaysScroll)).Select(p => $"{where}: scrolls sideways: {p}"));
                problems.AddRange((await page.EvaluateAsync<string[]>(SmallText)).Select(p => $"{where}: text under 12 px: {p}"));
                if (width >= 1366)
                {
                    problems.AddRange((await page.EvaluateAsync<string[]>(FitsLaptop)).Select(p => $"{where}: a box meant to fit a laptop scrolls: {p}"));
                }

                problems.AddRange((await BrowserHost.SeriousAccessibilityViolationsAsync(page)).Select(v => $"{where}: {v}"));
                var name = path.Trim('/').Split('?')[0].Replace('/', '-');
                await host.ScreenshotAsync(page, $"layout-{audience}-{(name.Length == 0 ? "home" : name)}-{width}-{language}");
            }
        }

        problems.AddRange(host.PageErrors.Select(e => $"script error: {e}"));
        return problems;
    }

    /// <summary>The demonstration data (loaded once per host) and the ids of an element and an indicator to open.</summary>
    private async Task<Dictionary<string, string>> PlaceholdersAsync()
    {
        await using var db = host.App.CreateDb();
        if (!await DemoData.IsPresentAsync(db, CancellationToken.None))
        {
            await DemoData.SeedAsync(db, DateOnly.FromDateTime(DateTime.UtcNow), CancellationToken.None);
        }

        var element = await db.PlanElements.Where(e => e.Plan!.Key == "prml-2023-2027" && e.LevelKey == "action").OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
        var indicator = await db.Indicators.Where(i => i.Plan!.Key == DemoData.StrategicPlan).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
        return new()
        {
            ["{element}"] = element.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["{indicator}"] = indicator.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The document wider than the viewport, and the outermost elements that stick out (outside any box that scrolls itself).</summary>
    internal const string SidewaysScroll = """
        () => {
          const width = window.innerWidth;
          if (document.documentElement.scrollWidth <= width) return [];
          const scrolls = e => { for (let p = e.parentElement; p; p = p.parentElement) { const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; } return false; };
          const out = [...document.body.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > width + 1 && !scrolls(e));
          const outer = out.filter(e => !out.includes(e.parentElement)).slice(0, 3);
          return [`document ${document.documentElement.scrollWidth} px in ${width} px; ` + outer.map(e => `<${e.tagName.toLowerCase()} class="${e.className?.baseVal ?? e.className}"> to ${Math.round(e.getBoundingClientRect().right)} px`).join(', ')];
        }
        """;

    /// <summary>The boxes marked <c>data-fits="laptop"</c> (a table that scrolls in its own box on a phone) wider inside than they are.</summary>
    private const string FitsLaptop = """
        () => [...document.querySelectorAll('[data-fits="laptop"]')].filter(e => e.scrollWidth > e.clientWidth + 1)
          .map(e => `<${e.tagName.toLowerCase()} class="${e.className}"> ${e.scrollWidth} px in ${e.clientWidth} px`)
        """;

    /// <summary>Visible text drawn under 12 px; in SVG the font size is scaled by the chart's transform to the screen.</summary>
    internal const string SmallText = """
        () => {
          const small = new Set();
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const node = walker.currentNode, e = node.parentElement;
            if (!e || !node.textContent.trim() || e.closest('title, desc, script, style, .visually-hidden')) continue;
            const box = e.getBoundingClientRect();
            const style = getComputedStyle(e);
            if (box.width <= 1 || box.height <= 1 || style.visibility === 'hidden') continue;
            let size = parseFloat(style.fontSize);
            if (e instanceof SVGGraphicsElement) { const m = e.getScreenCTM(); size *= Math.hypot(m.a, m.b); }
            if (size < 11.95) small.add(`${size.toFixed(1)} px <${e.tagName.toLowerCase()}> "${node.textContent.trim().slice(0, 40)}"`);
          }
          return [...small].slice(0, 5);
        }
        """;
}

public sealed class LayoutBrowserTestsOnSqlite(SqliteBrowserHost host) : LayoutBrowserTests(host), IClassFixture<SqliteBrowserHost>;

public sealed class LayoutBrowserTestsOnPostgres(PostgresBrowserHost host) : LayoutBrowserTests(host), IClassFixture<PostgresBrowserHost>;
