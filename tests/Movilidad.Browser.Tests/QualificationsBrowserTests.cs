using Microsoft.Playwright;

namespace Movilidad.Browser.Tests;

/// <summary>
/// Qualifications and their recognition as an adviser meets them: on a 390 px phone in Spanish the procedures of a
/// country; at desktop width in English the list filtered by occupation and the comparison. Axe finds nothing serious and nothing scrolls sideways on the phone.
/// </summary>
public abstract class QualificationsBrowserTests(BrowserHost host)
{
    private static async Task AssertAccessible(IPage page)
    {
        var violations = await BrowserHost.SeriousAccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{page.Url}:\n" + string.Join('\n', violations));
    }

    private static async Task AssertNoSidewaysScroll(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, document.querySelector('main').scrollWidth, document.querySelector('main').clientWidth]");
        Assert.True(widths[0] <= 390 && widths[1] <= widths[2], $"{page.Url} at 390 px is {widths[0]} px wide and its content {widths[1]} px in {widths[2]} px: it scrolls sideways.");
    }

    [Fact]
    public async Task OnAPhone_ACountrysProcedures()
    {
        var page = await host.NewPageAsync("es");
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/qualifications?country=MX");
        await Assertions.Expect(page.GetByTestId("procedure-mx-conocer-certificacion")).ToBeVisibleAsync();
        await host.ScreenshotAsync(page, "qualifications-mx-390");
        await AssertAccessible(page);
        await AssertNoSidewaysScroll(page);

        Assert.Empty(host.PageErrors);
    }

    [Fact]
    public async Task OnADesktop_FilterByOccupation_AndCompare()
    {
        var page = await host.NewPageAsync("en");
        await page.GotoAsync("/qualifications");
        await page.Locator("select[name=occupation]").SelectOptionAsync("7411");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Filter" }).ClickAsync();
        await page.ReachedAsync(new System.Text.RegularExpressions.Regex("occupation=7411"));
        await Assertions.Expect(page.GetByTestId("procedure-ca-foreign-credential-recognition")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("procedure-gt-intecap-certificacion")).ToBeVisibleAsync();
        await host.ScreenshotAsync(page, "qualifications-7411-desktop-en");
        await AssertAccessible(page);

        await page.GotoAsync("/qualifications/compare?occupation=7411");
        await Assertions.Expect(page.GetByTestId("compare-table")).ToContainTextAsync("Foreign credential recognition");
        await Assertions.Expect(page.GetByTestId("compare-BZ")).ToContainTextAsync("No sourced procedure");
        await host.ScreenshotAsync(page, "qualifications-compare-desktop-en");
        await AssertAccessible(page);
        Assert.Empty(host.PageErrors);
    }
}

public sealed class QualificationsBrowserTestsOnSqlite(SqliteBrowserHost host) : QualificationsBrowserTests(host), IClassFixture<SqliteBrowserHost>;

public sealed class QualificationsBrowserTestsOnPostgres(PostgresBrowserHost host) : QualificationsBrowserTests(host), IClassFixture<PostgresBrowserHost>;
