using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Movilidad.Platform.Institutions;
using Movilidad.Web.Tests.Features.Monitoring;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Browser.Tests;

/// <summary>
/// The header's navigation and account menus at desktop and phone widths, signed out and in, comments with script payloads, the history tab
/// with a comparison, and the password page: in a real browser, checked with axe-core and kept as screenshots.
/// </summary>
public abstract class AccountBrowserTests(BrowserHost host)
{
    private static async Task AssertAccessible(IPage page)
    {
        var violations = await BrowserHost.SeriousAccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{page.Url}:\n" + string.Join('\n', violations));
    }

    private async Task<(IPage Page, Person Person)> SignedInAsync(string language, params string[] grants)
    {
        var person = await host.App.AddPersonAsync($"{grants[0].Replace(':', '-')}-{Guid.NewGuid().ToString("N")[..6]}@example.org", twoFactor: grants.Contains("secretariat"), grants);
        var page = await host.NewPageAsync(language);
        await page.GotoAsync("/account/sign-in");
        await page.Locator("#Email").FillAsync(person.Email);
        await page.Locator("#Password").FillAsync(person.Password);
        await Task.WhenAll(page.ReachedAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal)), page.Locator("main button[type=submit]").ClickAsync());
        if (person.AuthenticatorKey is { } key)
        {
            await page.Locator("#Code").FillAsync(People.Totp(key, DateTimeOffset.UtcNow));
            await Task.WhenAll(page.ReachedAsync(url => !url.Contains("/account/two-factor", StringComparison.Ordinal)), page.Locator("main button[type=submit]").ClickAsync());
        }

        Assert.Equal(person.Email, await page.GetByTestId("account").InnerTextAsync());
        return (page, person);
    }

    /// <summary>A machine client of the running server (a real port), with a fresh token of a new person holding the grants.</summary>
    private async Task<HttpClient> ApiClientAsync(params string[] grants)
    {
        var person = await host.App.AddPersonAsync($"api-{Guid.NewGuid():N}@example.org", twoFactor: grants.Contains("secretariat"), grants);
        var (token, row) = Web.Features.Accounts.ApiTokens.Create(person.Id, "browser test", DateTimeOffset.UtcNow, TimeSpan.FromDays(1));
        await using (var db = host.App.CreateDb())
        {
            db.ApiTokens.Add(row);
            await db.SaveChangesAsync();
        }

        var client = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task Header_SecretariatAtDesktopAndPhoneWidths_FoldsTheAccountLinksIntoOneMenu()
    {
        var (page, _) = await SignedInAsync("es", "secretariat");
        await page.GotoAsync("/plans");
        await host.ScreenshotAsync(page, "header-1280");
        var bar = (await page.Locator(".topbar-inner").BoundingBoxAsync())!;
        Assert.True(bar.Height <= 72, $"The header at 1280 px is {bar.Height} px high: it wrapped onto a second row.");
        Assert.False(await page.Locator(".account-links").IsVisibleAsync());

        await page.Locator(".account-menu > summary").ClickAsync();
        var links = page.Locator(".account-links");
        Assert.True(await links.IsVisibleAsync());
        Assert.Equal(["Mi cuenta y su seguridad", "Cambiar la contraseña", "Tokens de la API", "Primeros pasos de la Secretaría", "Cuentas", "Auditoría"], await links.Locator("a").AllInnerTextsAsync());
        await AssertAccessible(page);
        await host.ScreenshotAsync(page, "header-menu-1280");

        await page.Keyboard.PressAsync("Escape");
        Assert.False(await links.IsVisibleAsync());

        // Opening a navigation menu closes the account menu: one menu is open at a time.
        await page.Locator(".account-menu > summary").ClickAsync();
        await page.GetByTestId("nav-follow-up").Locator("summary").ClickAsync();
        Assert.False(await links.IsVisibleAsync());
        Assert.True(await page.GetByTestId("nav-follow-up").Locator(".nav-links").IsVisibleAsync());
        await AssertAccessible(page);
        await host.ScreenshotAsync(page, "header-nav-1280");
        await page.Keyboard.PressAsync("Escape");

        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await host.ScreenshotAsync(page, "header-390");
        await page.Locator(".account-menu > summary").ClickAsync();
        await AssertWithinPhoneScreen(page, links);
        await AssertAccessible(page);
        await host.ScreenshotAsync(page, "header-menu-390");
        await page.Keyboard.PressAsync("Escape");
        await page.GetByTestId("nav-plans").Locator("summary").ClickAsync();
        await AssertWithinPhoneScreen(page, page.GetByTestId("nav-plans").Locator(".nav-links"));
        await AssertAccessible(page);
        await host.ScreenshotAsync(page, "header-nav-390");
        Assert.Empty(host.PageErrors);
    }

    private static async Task AssertWithinPhoneScreen(IPage page, ILocator menu)
    {
        Assert.True(await menu.IsVisibleAsync());
        var box = (await menu.BoundingBoxAsync())!;
        Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"The open menu spans {box.X}–{box.X + box.Width} px, outside the 390 px screen.");
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"The page is {width} px wide at a 390 px screen: it scrolls sideways.");
    }

    [Fact]
    public async Task Navigation_SignedOut_MenusByMouseAndKeyboardMarkTheCurrentPage()
    {
        var page = await host.NewPageAsync("es");
        await page.GotoAsync("/practices/calendar");
        var bar = (await page.Locator(".topbar-inner").BoundingBoxAsync())!;
        Assert.True(bar.Height <= 72, $"The header at 1280 px is {bar.Height} px high: it wrapped onto a second row.");
        Assert.Equal(["Inicio", "Planes", "Seguimiento", "Movilidad laboral"], await page.Locator(".mainnav > a, .nav-menu > summary").AllInnerTextsAsync());

        // The section's menu is marked (closed), and inside it the page's own link.
        var followUp = page.GetByTestId("nav-follow-up");
        Assert.Equal("true", await followUp.Locator("summary").GetAttributeAsync("aria-current"));
        Assert.Null(await page.GetByTestId("nav-plans").Locator("summary").GetAttributeAsync("aria-current"));
        Assert.Equal(["/practices/calendar"], await followUp.Locator("a[aria-current=page]").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"));
        Assert.False(await followUp.Locator(".nav-links").IsVisibleAsync());

        // By keyboard: Enter opens, Tab walks the links, Escape closes and gives focus back to the menu's button. Signed out,
        // the pages of work in progress (country values, the matrix) are not offered.
        await followUp.Locator("summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.True(await followUp.Locator(".nav-links").IsVisibleAsync());
        Assert.Equal(["Actividades", "Tablero de indicadores", "Reuniones y foros", "Red de las Naciones Unidas", "Informes", "Compromisos", "Tablero de compromisos", "Buenas prácticas", "Calendario de publicación"], await followUp.Locator(".nav-links a").AllInnerTextsAsync());
        Assert.Equal(["/monitoring/activities", "/indicators", "/meetings", "/network", "/reports", "/pledges", "/pledges/dashboard", "/practices", "/practices/calendar"],
            await followUp.Locator(".nav-links a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("/monitoring/activities", await page.EvaluateAsync<string>("document.activeElement.getAttribute('href')"));
        await AssertAccessible(page);
        await host.ScreenshotAsync(page, "nav-open-1280");
        await page.Keyboard.PressAsync("Escape");
        Assert.False(await followUp.Locator(".nav-links").IsVisibleAsync());
        Assert.Equal("Seguimiento", await page.EvaluateAsync<string>("document.activeElement.textContent.trim()"));

        // By mouse: a click elsewhere closes a menu; a link goes to its page, which its menu then marks.
        await followUp.Locator("summary").ClickAsync();
        await page.Locator("main h1").ClickAsync();
        Assert.False(await followUp.Locator(".nav-links").IsVisibleAsync());
        await page.GetByTestId("nav-plans").Locator("summary").ClickAsync();
        await Task.WhenAll(page.ReachedAsync("**/roadmap"), page.GetByTestId("nav-plans").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Hoja de ruta" }).ClickAsync());
        Assert.Equal("true", await page.GetByTestId("nav-plans").Locator("summary").GetAttributeAsync("aria-current"));
        Assert.Equal("/roadmap", await page.Locator(".nav-links a[aria-current=page]").GetAttributeAsync("href"));

        // A page of a section with no link of its own (an element of a plan) marks the section's first link.
        int element;
        await using (var db = host.App.CreateDb())
        {
            element = await db.PlanElements.Where(e => e.Plan!.IsPublished).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
        }

        await page.GotoAsync($"/elements/{element}");
        Assert.Equal("/plans", await page.Locator(".nav-links a[aria-current=page]").GetAttributeAsync("href"));
        Assert.Equal("true", await page.GetByTestId("nav-plans").Locator("summary").GetAttributeAsync("aria-current"));

        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/pledges/dashboard");
        await host.ScreenshotAsync(page, "nav-390");
        await followUp.Locator("summary").ClickAsync();
        await AssertWithinPhoneScreen(page, followUp.Locator(".nav-links"));
        Assert.Equal("/pledges/dashboard", await followUp.Locator("a[aria-current=page]").GetAttributeAsync("href"));
        await AssertAccessible(page);
        await host.ScreenshotAsync(page, "nav-open-390");

        var english = await host.NewPageAsync("en");
        await english.GotoAsync("/");
        Assert.Equal(["Home", "Plans", "Follow-up", "Labour mobility"], await english.Locator(".mainnav > a, .nav-menu > summary").AllInnerTextsAsync());
        Assert.Equal("page", await english.Locator(".mainnav > a[href='/']").GetAttributeAsync("aria-current"));
        Assert.Empty(host.PageErrors);
    }

    [Fact]
    public async Task Comment_ScriptAndImagePayloads_ShowLiterallyAndNothingRuns()
    {
        const string payload = "<script>window.__xss = 1; alert('xss')</script> <img src=x onerror=\"window.__xss = 1; alert('xss')\"> Comentario de la OIM";
        int element;
        await using (var db = host.App.CreateDb())
        {
            element = await db.PlanElements.Where(e => e.Plan!.IsPublished && e.LevelKey == "action").OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
        }

        var (page, _) = await SignedInAsync("es", "observer");
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        await page.GotoAsync($"/elements/{element}");
        await page.Locator("#comment-new").FillAsync(payload);
        await Task.WhenAll(page.ReachedAsync(url => url.Contains("#comment-", StringComparison.Ordinal)), page.Locator(".comment-form button[type=submit]").ClickAsync());

        Assert.Equal(payload, await page.GetByTestId("comment-text").Last.InnerTextAsync());
        Assert.Empty(dialogs);
        Assert.Null(await page.EvaluateAsync<int?>("window.__xss"));
        await AssertAccessible(page);
        await page.Locator("#comments").ScrollIntoViewIfNeededAsync();
        await host.ScreenshotAsync(page, "comments");
        Assert.Empty(host.PageErrors);
    }

    [Fact]
    public async Task History_InstitutionAndActivity_ListVersionsAndCompareTwo()
    {
        using var secretariat = await ApiClientAsync("secretariat");
        int institution;
        await using (var db = host.App.CreateDb())
        {
            institution = await db.Institutions.Where(i => i.CountryCode == "PA" && i.Kind == InstitutionKind.MemberState).Select(i => i.Id).SingleAsync();
        }

        var version = 0;
        foreach (var name in new[] { "República de Panamá", "Panamá (Ministerio de Trabajo)" })
        {
            var saved = await secretariat.PutAsJsonAsync($"/api/institutions/{institution}", new { version, acronym = new { es = "PA", en = "PA" }, name = new { es = name, en = name }, url = "https://www.mitradel.gob.pa" });
            version = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
        }

        using var member = await ApiClientAsync("working-group-member:GT-ML");
        var created = await member.PostAsJsonAsync("/api/activities", ActivityBuilders.Activity(await host.App.ActionIdAsync(), await host.App.WorkingGroupIdAsync(), "B." + Guid.NewGuid().ToString("N")[..4]));
        var activity = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        using var focal = await ApiClientAsync("focal-point:HN");
        await focal.PutAsJsonAsync($"/api/activities/{activity}/countries/HN", new { version = 0, status = "postponed", statusReason = "Elecciones" });

        var (page, _) = await SignedInAsync("es", "presidency");
        await page.GotoAsync($"/institutions/{institution}/history");
        var options = await page.Locator("#history-from option").AllAsync();
        Assert.Equal(2, options.Count);
        await page.Locator("#history-from").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("#history-to").SelectOptionAsync(new SelectOptionValue { Index = 0 });
        await Task.WhenAll(page.ReachedAsync(url => url.Contains("from=", StringComparison.Ordinal)), page.Locator("[data-testid=compare] button").ClickAsync());
        var comparison = await page.GetByTestId("comparison").InnerTextAsync();
        Assert.Contains("República de Panamá", comparison, StringComparison.Ordinal);
        Assert.Contains("Panamá (Ministerio de Trabajo)", comparison, StringComparison.Ordinal);
        await AssertAccessible(page);
        await host.ScreenshotAsync(page, "institution-history");

        await page.GotoAsync($"/monitoring/activities/{activity.ToString(CultureInfo.InvariantCulture)}");
        await Task.WhenAll(page.ReachedAsync("**/history"), page.GetByTestId("history-link").ClickAsync());
        Assert.Contains("Elecciones", await page.GetByTestId("history").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessible(page);
        await host.ScreenshotAsync(page, "activity-history");
        Assert.Empty(host.PageErrors);
    }

    [Fact]
    public async Task PasswordAndSecurityPages_AreAccessible()
    {
        var (page, _) = await SignedInAsync("en", "civil-society");
        await page.GotoAsync("/account/password");
        await AssertAccessible(page);
        await host.ScreenshotAsync(page, "account-password");
        await page.GotoAsync("/account/security");
        await AssertAccessible(page);
        await host.ScreenshotAsync(page, "account-security");
        Assert.Empty(host.PageErrors);
    }
}

public sealed class AccountBrowserTestsOnSqlite(SqliteBrowserHost host) : AccountBrowserTests(host), IClassFixture<SqliteBrowserHost>;

public sealed class AccountBrowserTestsOnPostgres(PostgresBrowserHost host) : AccountBrowserTests(host), IClassFixture<PostgresBrowserHost>;
