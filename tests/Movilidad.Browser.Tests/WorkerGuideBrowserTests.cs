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

    private static async Task SignInAsync(IPage page, Person person)
    {
        await page.GotoAsync("/account/sign-in");
        await page.Locator("#Email").FillAsync(person.Email);
        await page.Locator("#Password").FillAsync(person.Password);
        await Task.WhenAll(page.ReachedAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal)), page.Locator("main button[type=submit]").ClickAsync());
    }

    private static Task<int> PageHeightAsync(IPage page) => page.EvaluateAsync<int>("document.documentElement.scrollHeight");

    [Fact]
    public async Task EditForm_AFocalPointSavesADraftAfterAnErrorNamingTheField_AndSendsItForReview()
    {
        var person = await host.App.AddPersonAsync($"{Guid.NewGuid():N}@example.org", twoFactor: false, "focal-point:GT");
        var page = await host.NewPageAsync("es");
        await page.SetViewportSizeAsync(1366, 900);
        await SignInAsync(page, person);

        await page.GotoAsync("/programmes/gt-programa-trabajo-temporal");
        await page.GetByTestId("registry-actions").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Editar" }).ClickAsync();

        // The form is folded by section: only the first (name, kind and status) is open, and the page is a few screens long.
        var sections = page.Locator("details.registry-section");
        Assert.True(await sections.CountAsync() >= 6);
        Assert.Equal(1, await page.Locator("details.registry-section[open]").CountAsync());
        Assert.Equal("identity", await page.Locator("details.registry-section[open]").GetAttributeAsync("data-section"));
        var folded = await PageHeightAsync(page);
        Assert.True(folded < 3000, $"The folded form is {folded} px high at 1366 px.");
        var sources = page.Locator("input[name='l:rights[0].sources']");
        await Assertions.Expect(sources).ToBeHiddenAsync();
        await host.ScreenshotAsync(page, "registry-edit-folded-1366-es");
        await AssertAccessible(page);

        // The section index opens the section it links to.
        await page.GetByTestId("registry-index").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Derechos, deberes y seguridad social" }).ClickAsync();
        await Assertions.Expect(sources).ToBeVisibleAsync();
        Assert.NotEqual(string.Empty, await sources.InputValueAsync());
        var kept = await sources.InputValueAsync();

        // A statement without its source, then the section folded again before saving: the page answers with that section
        // open, scrolled to, the cursor in the field, the error at the field and named in the summary, which links to it.
        await sources.FillAsync(string.Empty);
        await page.Locator("details.registry-section[data-section=rights] > summary").ClickAsync();
        await Assertions.Expect(sources).ToBeHiddenAsync();
        await page.GetByTestId("registry-savebar").GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.GetByTestId("registry-errors")).ToContainTextAsync("Derechos 1 · Fuentes");
        await Assertions.Expect(page.Locator("details.registry-section[data-section=rights][open]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("registry-index")).ToContainTextAsync("1 por revisar");
        await Assertions.Expect(page.Locator("#error-rights-0--sources")).ToBeInViewportAsync();
        await Assertions.Expect(sources).ToBeFocusedAsync();
        Assert.Equal("error-rights-0--sources", await sources.GetAttributeAsync("aria-describedby"));
        Assert.Equal("true", await sources.GetAttributeAsync("aria-invalid"));
        Assert.Equal(0, await page.Locator("details.registry-section[data-section=identity][open]").CountAsync());
        await host.ScreenshotAsync(page, "registry-edit-error-1366-es");
        await AssertAccessible(page);

        await page.SetViewportSizeAsync(390, 844);
        await host.ScreenshotAsync(page, "registry-edit-error-390-es");
        await AssertAccessible(page);
        await AssertNoSidewaysScroll(page);

        await sources.FillAsync(kept);
        await Task.WhenAll(page.ReachedAsync(url => url.Contains("done=saved", StringComparison.Ordinal)), page.GetByTestId("registry-savebar").GetByRole(AriaRole.Button).ClickAsync());
        await Assertions.Expect(page.GetByTestId("registry-stage")).ToContainTextAsync("Borrador");
        await Task.WhenAll(page.ReachedAsync(url => url.Contains("done=submitted", StringComparison.Ordinal)),
            page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Enviar a revisión" }).ClickAsync());
        await Assertions.Expect(page.GetByTestId("registry-stage")).ToContainTextAsync("En revisión");
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Publicar" }).CountAsync());
        await host.ScreenshotAsync(page, "registry-edit-folded-390-es");
        await AssertAccessible(page);
        await AssertNoSidewaysScroll(page);

        await page.GotoAsync("/fraud-reports");
        await host.ScreenshotAsync(page, "fraud-dashboard-390");
        await AssertAccessible(page);
        await AssertNoSidewaysScroll(page);
        Assert.Empty(host.PageErrors);
    }

    [Fact]
    public async Task EditForm_WithoutJavaScript_FoldsOpenFromTheIndexAndAnErrorOpensItsSection()
    {
        var person = await host.App.AddPersonAsync($"{Guid.NewGuid():N}@example.org", twoFactor: false, "focal-point:GT");
        var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseUrl,
            Locale = "en",
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = "en" },
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            JavaScriptEnabled = false,
        });
        context.SetDefaultTimeout(90_000);
        var page = await context.NewPageAsync();
        await SignInAsync(page, person);

        await page.GotoAsync("/agreements/edit/us-gt-dol-h2a-2019");
        Assert.Equal("identity", await page.Locator("details.registry-section[open]").GetAttributeAsync("data-section"));
        var country = page.Locator("input[name='t:parties[1].country']");
        await Assertions.Expect(country).ToBeHiddenAsync();
        await host.ScreenshotAsync(page, "registry-edit-folded-390-en");

        // Following the index's link opens the section without any script (the browser opens a fold it navigates into).
        await page.GetByTestId("registry-index").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Parties and dates" }).ClickAsync();
        await Assertions.Expect(country).ToBeVisibleAsync();

        await country.FillAsync("ZZ");
        await page.Locator("details.registry-section[data-section=parties] > summary").ClickAsync();
        await page.GetByTestId("registry-savebar").GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.GetByTestId("registry-errors")).ToContainTextAsync("Parties 2: not an ISO 3166-1 alpha-2 country code");
        await Assertions.Expect(country).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#error-parties-1--country")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("registry-index")).ToContainTextAsync("1 to check");
        await host.ScreenshotAsync(page, "registry-edit-error-390-en");

        await page.SetViewportSizeAsync(1366, 900);
        await host.ScreenshotAsync(page, "registry-edit-error-1366-en");
        await page.GetByTestId("registry-errors").GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(country).ToBeInViewportAsync();
        await context.CloseAsync();
    }
}

public sealed class WorkerGuideBrowserTestsOnSqlite(SqliteBrowserHost host) : WorkerGuideBrowserTests(host), IClassFixture<SqliteBrowserHost>;

public sealed class WorkerGuideBrowserTestsOnPostgres(PostgresBrowserHost host) : WorkerGuideBrowserTests(host), IClassFixture<PostgresBrowserHost>;
