using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Movilidad.Platform.Institutions;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Browser.Tests;

/// <summary>
/// The security baseline against the real server (Kestrel) and a real browser: script and event-handler payloads
/// saved in every text field of a plan element run nowhere and show literally; an oversized body is refused.
/// </summary>
public abstract class SecurityBrowserTests(BrowserHost host)
{
    private const string Script = "<script>window.__xss = (window.__xss || 0) + 1; alert('xss')</script>";
    private const string Image = "<img src=x onerror=\"window.__xss = (window.__xss || 0) + 1; alert('xss')\">";

    [Fact]
    public async Task ElementEdit_ScriptAndImagePayloadsInEveryField_NothingRunsAndTheTextShowsLiterally()
    {
        var person = await host.App.AddPersonAsync($"xss-{Guid.NewGuid():N}@example.org", twoFactor: false, "presidency");
        int id;
        string planKey;
        await using (var db = host.App.CreateDb())
        {
            var element = await db.PlanElements.Include(e => e.Plan)
                .Where(e => !e.Children.Any() && !db.ElementInstitutions.Any(l => l.ElementId == e.Id && l.Institution!.Kind == InstitutionKind.WorkingGroup))
                .OrderBy(e => e.Id).FirstAsync();
            id = element.Id;
            planKey = element.Plan!.Key;
        }

        var page = await host.NewPageAsync("es");
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };

        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#Email", person.Email);
        await page.FillAsync("#Password", person.Password);
        await Task.WhenAll(
            page.ReachedAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal)),
            page.ClickAsync("form.form button[type=submit]"));
        Assert.Equal(person.Email, await page.GetByTestId("account").InnerTextAsync());

        await page.GotoAsync($"/elements/{id}/edit");
        var fields = new Dictionary<string, string>
        {
            ["#Input_TitleEs"] = "Título " + Script,
            ["#Input_TitleEn"] = "Title " + Image,
            ["#Input_TextEs"] = "Texto " + Image,
            ["#Input_TextEn"] = "Text " + Script,
            ["#Input_LabelEs"] = "Plazo " + Script,
            ["#Input_LabelEn"] = "Timeframe " + Image,
        };
        foreach (var (selector, value) in fields)
        {
            await page.FillAsync(selector, value);
        }

        var lastNoteEs = page.Locator("textarea[name$='.Es'][id^='footnote-']").Last;
        var lastNoteEn = page.Locator("textarea[name$='.En'][id^='footnote-']").Last;
        await lastNoteEs.FillAsync("Nota " + Image);
        await lastNoteEn.FillAsync("Note " + Script);
        await page.ClickAsync("[data-testid=element-form] button[type=submit]");
        await page.ReachedAsync($"**/elements/{id}");

        var spanish = await page.Locator("main").InnerTextAsync();
        Assert.Contains("Título " + Script, spanish, StringComparison.Ordinal);
        Assert.Contains("Texto " + Image, spanish, StringComparison.Ordinal);
        Assert.Contains("Plazo " + Script, spanish, StringComparison.Ordinal);
        Assert.Contains("Nota " + Image, spanish, StringComparison.Ordinal);
        await AssertNothingRan(page, dialogs);

        await page.GotoAsync($"/elements/{id}?lang=en");
        var english = await page.Locator("main").InnerTextAsync();
        Assert.Contains("Title " + Image, english, StringComparison.Ordinal);
        Assert.Contains("Text " + Script, english, StringComparison.Ordinal);
        Assert.Contains("Timeframe " + Image, english, StringComparison.Ordinal);
        Assert.Contains("Note " + Script, english, StringComparison.Ordinal);
        await AssertNothingRan(page, dialogs);

        foreach (var url in new[] { $"/elements/{id}/edit", $"/elements/{id}/history", $"/plans/{planKey}", "/search?q=xss", "/audit" })
        {
            await page.GotoAsync(url);
            await AssertNothingRan(page, dialogs);
        }

        await page.GotoAsync($"/elements/{id}/history");
        Assert.Contains(Script, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await host.ScreenshotAsync(page, "xss-history");
        Assert.Empty(host.PageErrors);
    }

    [Fact]
    public async Task Put_BodyOverTheLimit_IsRefusedBeforeItIsRead()
    {
        var person = await host.App.AddPersonAsync($"big-{Guid.NewGuid():N}@example.org", twoFactor: false, "presidency");
        var token = await host.App.TokenClientAsync(person);
        using var client = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = token.DefaultRequestHeaders.Authorization;
        var huge = new string('x', 2_000_000);
        using var content = new StringContent($"{{\"version\":0,\"title\":{{\"es\":\"{huge}\",\"en\":\"x\"}}}}", System.Text.Encoding.UTF8, "application/json");
        var response = await client.PutAsync("/api/elements/1", content);
        Assert.Equal(System.Net.HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private static async Task AssertNothingRan(IPage page, List<string> dialogs)
    {
        Assert.Empty(dialogs);
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__xss"));
        Assert.Equal(0, await page.Locator("main script, main img[onerror]").CountAsync());
    }
}

public sealed class SecurityBrowserTestsOnSqlite(SqliteBrowserHost host) : SecurityBrowserTests(host), IClassFixture<SqliteBrowserHost>;

public sealed class SecurityBrowserTestsOnPostgres(PostgresBrowserHost host) : SecurityBrowserTests(host), IClassFixture<PostgresBrowserHost>;
