using Microsoft.Playwright;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Browser.Tests;

/// <summary>A working-group member plans an activity and its concept note in a real browser, checked with axe-core.</summary>
public abstract class ActivityBrowserTests(BrowserHost host)
{
    private static async Task AssertAccessible(IPage page)
    {
        var violations = await BrowserHost.SeriousAccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{page.Url}:\n" + string.Join('\n', violations));
    }

    private async Task<IPage> SignedInAsync(string language, params string[] grants)
    {
        var person = await host.App.AddPersonAsync($"{Guid.NewGuid():N}@example.org", twoFactor: false, grants);
        var page = await host.NewPageAsync(language);
        var response = await page.GotoAsync("/account/sign-in");
        Assert.True(response?.Ok, $"{response?.Status} {await page.ContentAsync()}");
        await page.Locator("#Email").FillAsync(person.Email);
        await page.Locator("#Password").FillAsync(person.Password);
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.ReachedAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
        return page;
    }

    [Fact]
    public async Task PlanActivity_WithDecimalCommaThenConceptNote_ShowsItAndWhatTheNoteMisses()
    {
        var page = await SignedInAsync("es", "working-group-member:GT-ML");
        await page.GotoAsync("/monitoring/activities/edit");
        await page.Locator("#action").SelectOptionAsync(new SelectOptionValue { Label = (await page.Locator("#action option").Nth(1).InnerTextAsync()).Trim() });
        await page.Locator("#code").FillAsync("1.1.1");
        await page.Locator("#title-es").FillAsync("Taller regional sobre reconocimiento de competencias");
        await page.Locator("#title-en").FillAsync("Regional workshop on skills recognition");
        await page.Locator("#start").FillAsync("2025-03-01");
        await page.Locator("#end").FillAsync("2025-06-30");
        await page.Locator("#group").SelectOptionAsync(new SelectOptionValue { Label = (await page.Locator("#group option", new PageLocatorOptions { HasText = "GT-ML" }).InnerTextAsync()).Trim() });
        await page.Locator("input[name='Form.Countries'][value='GT']").CheckAsync();
        await page.Locator("input[name='Form.Countries'][value='HN']").CheckAsync();
        await page.Locator("input[name='Form.BudgetLines[0].Amount']").FillAsync("1500,75");
        await page.Locator("input[name='Form.BudgetLines[0].Source']").FillAsync("Fondo de la CRM");
        await page.Locator("input[name='Form.GcmObjectives'][value='6']").CheckAsync();
        await host.ScreenshotAsync(page, "activity-edit");
        await AssertAccessible(page);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Guardar" }).ClickAsync();

        await page.ReachedAsync(new System.Text.RegularExpressions.Regex("/monitoring/activities/[0-9]+$"));
        Assert.Equal("Taller regional sobre reconocimiento de competencias", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("1.500,75 USD", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Planificada", await page.GetByTestId("status").InnerTextAsync());
        Assert.Contains("Riesgos", await page.GetByTestId("missing").InnerTextAsync(), StringComparison.Ordinal);
        await host.ScreenshotAsync(page, "activity-details");
        await AssertAccessible(page);

        var conceptNote = await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Nota conceptual" }).GetAttributeAsync("href");
        Assert.EndsWith("/concept-note", conceptNote, StringComparison.Ordinal);
        await page.GotoAsync(conceptNote!);
        await page.Locator("#objective").FillAsync("Acordar un marco regional de reconocimiento.");
        await host.ScreenshotAsync(page, "concept-note");
        await AssertAccessible(page);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Guardar" }).ClickAsync();
        await page.ReachedAsync(new System.Text.RegularExpressions.Regex("/monitoring/activities/[0-9]+$"));
        Assert.DoesNotContain("Objetivo", await page.GetByTestId("missing").InnerTextAsync(), StringComparison.Ordinal);

        await page.GotoAsync("/monitoring/activities");
        Assert.Contains("Taller regional sobre reconocimiento de competencias", await page.Locator("table.data").InnerTextAsync(), StringComparison.Ordinal);
        await host.ScreenshotAsync(page, "activity-list");
        await AssertAccessible(page);
        Assert.Empty(host.PageErrors);
    }

    /// <summary>
    /// The meetings pages (issue 15) in the browser: a working group's member records a meeting through the form (a
    /// missing place refused at its field first), then the meeting, the list, the civil-society tables' and the national
    /// forums' registers and the form are read at laptop and phone widths in both languages, axe-checked.
    /// </summary>
    [Fact]
    public async Task Meetings_RecordedThroughTheForm_ThenEveryMeetingsPage_AtLaptopAndPhoneWidths_InBothLanguages()
    {
        int group;
        await using (var db = host.App.CreateDb())
        {
            group = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Institutions.Where(i => i.Code == "GT-ML").Select(i => i.Id));
        }

        var page = await SignedInAsync("es", "working-group-member:GT-ML");
        await page.GotoAsync("/meetings/edit");
        await page.Locator("#kind").SelectOptionAsync("working-group-meeting");
        await page.Locator("#date").FillAsync("2025-05-14");
        await page.Locator("#Title-es").FillAsync("Reunión del grupo en el navegador");
        await page.Locator("#convener").SelectOptionAsync("working-group");
        await page.Locator("#group").SelectOptionAsync(group.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("main form button[type=submit]").Last.ClickAsync();
        await Assertions.Expect(page.GetByTestId("errors")).ToBeVisibleAsync();
        Assert.Equal("error-place", await page.Locator("#place").GetAttributeAsync("aria-describedby"));
        await host.ScreenshotAsync(page, "meetings-edit-refused");
        await AssertAccessible(page);
        await page.Locator("#place").FillAsync("Ciudad de Guatemala");
        await page.Locator("main form button[type=submit]").Last.ClickAsync();
        await page.ReachedAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/meetings/[0-9]+$"));
        var meeting = page.Url[(page.Url.LastIndexOf('/') + 1)..];

        foreach (var language in new[] { "es", "en" })
        {
            var reader = await SignedInAsync(language, "working-group-member:GT-ML");
            foreach (var (path, name) in new[] { ("/meetings", "list"), ($"/meetings/{meeting}", "meeting"), ($"/meetings/edit/{meeting}", "edit"), ("/meetings/tables", "tables"), ("/meetings/forums", "forums") })
            {
                foreach (var width in new[] { 1366, 390 })
                {
                    await reader.SetViewportSizeAsync(width, width == 390 ? 844 : 900);
                    var response = await reader.GotoAsync(path);
                    Assert.True(response?.Ok, $"{path}: {response?.Status}");
                    Assert.True(await reader.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), $"{path} scrolls sideways at {width} px");
                    await host.ScreenshotAsync(reader, $"meetings-{name}-{language}-{width}");
                    await AssertAccessible(reader);
                }
            }
        }

        Assert.Empty(host.PageErrors);
    }
}

public sealed class ActivityBrowserTestsOnSqlite(SqliteBrowserHost host) : ActivityBrowserTests(host), IClassFixture<SqliteBrowserHost>;

public sealed class ActivityBrowserTestsOnPostgres(PostgresBrowserHost host) : ActivityBrowserTests(host), IClassFixture<PostgresBrowserHost>;
