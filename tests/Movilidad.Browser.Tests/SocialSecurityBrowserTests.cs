using Microsoft.Playwright;

namespace Movilidad.Browser.Tests;

/// <summary>
/// The portability checker as a worker meets it: on a 390 px phone in Spanish (two countries with no agreement, then
/// three with two agreements), and at desktop width in English the instruments registry and a convention; axe finds
/// nothing serious and nothing scrolls sideways on the phone.
/// </summary>
public abstract class SocialSecurityBrowserTests(BrowserHost host)
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
    public async Task OnAPhone_TheCheckerAnswersNoAgreementThenTwoAgreements()
    {
        var page = await host.NewPageAsync("es");
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/social-security/portability");
        await Assertions.Expect(page.GetByTestId("disclaimer")).ToContainTextAsync("no una decisión legal");
        await page.Locator("#country-0").SelectOptionAsync("MX");
        await page.Locator("#country-1").SelectOptionAsync("US");
        await page.GetByLabel("Por cuenta propia").CheckAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Ver mi respuesta" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("no-instrument")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("not-applying")).ToContainTextAsync("México");
        await Assertions.Expect(page.GetByTestId("country-MX").GetByTestId("option").First).ToBeVisibleAsync();
        await host.ScreenshotAsync(page, "portability-none-390");
        await AssertAccessible(page);
        await AssertNoSidewaysScroll(page);

        await page.GotoAsync("/social-security/portability?country=CA&country=MX&country=US&years=10&years=4&years=6&status=employee");
        await Assertions.Expect(page.GetByTestId("pair-CA-US").GetByTestId("applies")).ToContainTextAsync("16");
        Assert.Equal(2, await page.GetByTestId("applies").CountAsync());
        await host.ScreenshotAsync(page, "portability-three-390");
        await AssertAccessible(page);
        await AssertNoSidewaysScroll(page);

        await page.GotoAsync("/social-security");
        await host.ScreenshotAsync(page, "social-security-390");
        await AssertAccessible(page);
        Assert.Empty(host.PageErrors);
    }

    [Fact]
    public async Task OnADesktop_TheRegistryAndAConvention_ReadWellAndAreAccessible()
    {
        var page = await host.NewPageAsync("en");
        await page.GotoAsync("/social-security");
        await Assertions.Expect(page.GetByTestId("instruments-ilo-convention")).ToContainTextAsync("C189");
        await Assertions.Expect(page.GetByTestId("instruments-agreement")).ToContainTextAsync("Ibero-American");
        await host.ScreenshotAsync(page, "social-security-desktop-en");
        await AssertAccessible(page);

        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "C102: Social Security (Minimum Standards) Convention, 1952" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("states")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("sources")).ToBeVisibleAsync();
        await host.ScreenshotAsync(page, "ilo-convention-desktop-en");
        await AssertAccessible(page);

        await page.GotoAsync("/social-security/portability?country=SV&country=DO");
        await Assertions.Expect(page.GetByTestId("applies")).ToContainTextAsync("Ibero-American Multilateral Agreement");
        await host.ScreenshotAsync(page, "portability-desktop-en");
        await AssertAccessible(page);
        Assert.Empty(host.PageErrors);
    }
}

public sealed class SocialSecurityBrowserTestsOnSqlite(SqliteBrowserHost host) : SocialSecurityBrowserTests(host), IClassFixture<SqliteBrowserHost>;

public sealed class SocialSecurityBrowserTestsOnPostgres(PostgresBrowserHost host) : SocialSecurityBrowserTests(host), IClassFixture<PostgresBrowserHost>;
