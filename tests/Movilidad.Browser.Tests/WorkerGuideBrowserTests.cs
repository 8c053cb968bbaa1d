using Microsoft.Playwright;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Browser.Tests;

/// <summary>
/// The worker's guide as a worker meets it: on a 390 px phone in Spanish ("I have a job offer", then "Before and after
/// return") and at desktop width in English through to a programme's page and the agreements; axe finds nothing serious.
/// </summary>
public abstract class WorkerGuideBrowserTests(BrowserHost host)
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
    public async Task OnAPhone_JobOfferThenReturn_ShowChannelsFeesAndReintegration()
    {
        var page = await host.NewPageAsync("es");
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/guide");
        Assert.Equal("/recruiters/check", await page.GetByTestId("recruiter-check").GetAttributeAsync("href"));
        Assert.Equal("/fraud-reports/new", await page.GetByTestId("fraud-report").GetAttributeAsync("href"));
        await host.ScreenshotAsync(page, "guide-390");
        await AssertAccessible(page);
        await AssertNoSidewaysScroll(page);

        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Tengo una oferta de trabajo" }).ClickAsync();
        await page.GetByLabel("¿En qué país es el trabajo?").SelectOptionAsync("US");
        await page.GetByLabel("¿Qué tipo de trabajo?").SelectOptionAsync("6");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Ver" }).ClickAsync();
        var channels = page.GetByTestId("channels");
        await Assertions.Expect(channels).ToContainTextAsync("H-2A");
        await Assertions.Expect(channels).ToContainTextAsync("Nadie le puede cobrar esto");
        await host.ScreenshotAsync(page, "guide-offer-390");
        await AssertAccessible(page);
        await AssertNoSidewaysScroll(page);

        await page.GotoAsync("/guide/return");
        await page.GetByLabel("Su país").SelectOptionAsync("MX");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Ver" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("reintegration").GetByTestId("channel").First).ToBeVisibleAsync();
        await host.ScreenshotAsync(page, "guide-return-390");
        await AssertAccessible(page);
        await AssertNoSidewaysScroll(page);

        await page.GotoAsync("/programmes/us-h2a");
        await host.ScreenshotAsync(page, "programme-390");
        await AssertAccessible(page);
        await AssertNoSidewaysScroll(page);
        Assert.Empty(host.PageErrors);
    }

    [Fact]
    public async Task OnADesktop_JobOfferToAProgrammeAndItsAgreements_ReadWellAndAreAccessible()
    {
        var page = await host.NewPageAsync("en");
        await page.GotoAsync("/guide/offer?destination=CA&occupation=6");
        await Assertions.Expect(page.GetByTestId("channels")).ToContainTextAsync("Seasonal Agricultural Worker");
        await host.ScreenshotAsync(page, "guide-offer-desktop-en");
        await AssertAccessible(page);

        await page.GetByTestId("channel").First.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("sources")).ToBeVisibleAsync();
        await host.ScreenshotAsync(page, "programme-desktop-en");
        await AssertAccessible(page);

        await page.GotoAsync("/agreements");
        await host.ScreenshotAsync(page, "agreements-desktop-en");
        await AssertAccessible(page);
        await page.GotoAsync("/agreements/cmiss");
        await Assertions.Expect(page.GetByTestId("parties")).ToBeVisibleAsync();
        await host.ScreenshotAsync(page, "agreement-desktop-en");
        await AssertAccessible(page);
        Assert.Empty(host.PageErrors);
    }

    [Fact]
    public async Task EditForm_AFocalPointSavesADraftAfterAnErrorNamingTheField_AndSendsItForReview()
    {
        var person = await host.App.AddPersonAsync($"{Guid.NewGuid():N}@example.org", twoFactor: false, "focal-point:GT");
        var page = await host.NewPageAsync("es");
        await page.GotoAsync("/account/sign-in");
        await page.Locator("#Email").FillAsync(person.Email);
        await page.Locator("#Password").FillAsync(person.Password);
        await Task.WhenAll(page.ReachedAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal)), page.Locator("main button[type=submit]").ClickAsync());

        await page.GotoAsync("/programmes/gt-programa-trabajo-temporal");
        await page.GetByTestId("registry-actions").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Editar" }).ClickAsync();
        var sources = page.Locator("input[name='l:rights[0].sources']");
        await Assertions.Expect(sources).Not.ToHaveValueAsync(string.Empty);
        var kept = await sources.InputValueAsync();
        await host.ScreenshotAsync(page, "registry-edit-desktop");
        await AssertAccessible(page);

        // A statement without its source: the page answers with the error at the field, named, and the summary links to it.
        await sources.FillAsync(string.Empty);
        await page.Locator("form.registry-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.GetByTestId("registry-errors")).ToContainTextAsync("Derechos 1 · Fuentes");
        await Assertions.Expect(page.Locator("#error-rights-0--sources")).ToBeVisibleAsync();
        Assert.Equal("error-rights-0--sources", await sources.GetAttributeAsync("aria-describedby"));
        await host.ScreenshotAsync(page, "registry-edit-error-desktop");
        await AssertAccessible(page);

        await sources.FillAsync(kept);
        await Task.WhenAll(page.ReachedAsync(url => url.Contains("done=saved", StringComparison.Ordinal)), page.Locator("form.registry-form button[type=submit]").ClickAsync());
        await Assertions.Expect(page.GetByTestId("registry-stage")).ToContainTextAsync("Borrador");
        await Task.WhenAll(page.ReachedAsync(url => url.Contains("done=submitted", StringComparison.Ordinal)),
            page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Enviar a revisión" }).ClickAsync());
        await Assertions.Expect(page.GetByTestId("registry-stage")).ToContainTextAsync("En revisión");
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Publicar" }).CountAsync());

        await page.SetViewportSizeAsync(390, 844);
        await host.ScreenshotAsync(page, "registry-edit-390");
        await AssertAccessible(page);
        await AssertNoSidewaysScroll(page);

        await page.GotoAsync("/fraud-reports");
        await host.ScreenshotAsync(page, "fraud-dashboard-390");
        await AssertAccessible(page);
        await AssertNoSidewaysScroll(page);
        Assert.Empty(host.PageErrors);
    }
}

public sealed class WorkerGuideBrowserTestsOnSqlite(SqliteBrowserHost host) : WorkerGuideBrowserTests(host), IClassFixture<SqliteBrowserHost>;

public sealed class WorkerGuideBrowserTestsOnPostgres(PostgresBrowserHost host) : WorkerGuideBrowserTests(host), IClassFixture<PostgresBrowserHost>;
