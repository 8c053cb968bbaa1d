using Microsoft.Playwright;
using Movilidad.Platform.Mentoring;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Browser.Tests;

/// <summary>
/// Virtual mentoring as its people meet it: on a 390 px phone in Spanish a newly appointed focal point asks for
/// mentoring and reads the experts ranked with their reasons; at 1366 px in English the Secretariat validates an expert
/// from its queue, matches the request, logs a session and reads the counts. Axe finds nothing serious, nothing scrolls
/// sideways on the phone, screenshots of every step.
/// </summary>
public abstract class MentoringBrowserTests(BrowserHost host)
{
    private static async Task AssertNoSidewaysScroll(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, document.querySelector('main').scrollWidth, document.querySelector('main').clientWidth]");
        Assert.True(widths[0] <= 390 && widths[1] <= widths[2], $"{page.Url} at 390 px is {widths[0]} px wide and its content {widths[1]} px in {widths[2]} px: it scrolls sideways.");
    }

    /// <summary>An expert of a fresh account on <paramref name="area"/>, at <paramref name="status"/>.</summary>
    private async Task<int> ExpertAsync(string name, string area, ExpertStatus status)
    {
        var person = await host.App.AddPersonAsync($"{Guid.NewGuid():N}@example.org", twoFactor: false, "observer");
        await using var db = host.App.CreateDb();
        var expert = new MentoringExpert
        {
            AccountId = person.Id, Name = name, Country = "CR", Kind = "crm-member", Areas = $" {area} ", Languages = " es en ", HoursPerMonth = 6,
            Contact = $"{name.Split(' ')[0].ToLowerInvariant()}@example.org", Status = status,
        };
        db.MentoringExperts.Add(expert);
        await db.SaveChangesAsync();
        return expert.Id;
    }

    [Fact]
    public async Task AMenteeAsksOnAPhone_TheSecretariatValidatesMatchesAndLogsOnALaptop()
    {
        var lucia = await ExpertAsync("Lucía Brenes", "tema-3-6", ExpertStatus.Validated);
        var queued = await ExpertAsync("Mario Solís", "tema-3-6", ExpertStatus.Proposed);

        var phone = await host.SignedInAsync("es", "focal-point:HN");
        await phone.SetViewportSizeAsync(390, 844);
        await phone.GotoAsync("/mentoring");
        await phone.Locator("#ask-country").SelectOptionAsync("HN");
        await phone.Locator("#ask-topic").SelectOptionAsync("tema-3-6");
        await phone.Locator("#ask-description").FillAsync("Recién designada en la oficina de migración laboral.");
        await phone.Locator("#ask-contact").FillAsync("hn@example.org");
        await host.ScreenshotAsync(phone, "mentoring-ask-390-es");
        await BrowserHost.AssertAccessibleAsync(phone);
        await AssertNoSidewaysScroll(phone);
        await phone.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Enviar la solicitud" }).ClickAsync();
        await Assertions.Expect(phone.GetByTestId($"proposal-{lucia}")).ToContainTextAsync("cubre el tema");
        await Assertions.Expect(phone.GetByTestId("done")).ToBeVisibleAsync();
        await host.ScreenshotAsync(phone, "mentoring-request-390-es");
        await BrowserHost.AssertAccessibleAsync(phone);
        await AssertNoSidewaysScroll(phone);
        var url = new Uri(phone.Url).AbsolutePath;

        var laptop = await host.SignedInAsync("en", "secretariat");
        await laptop.SetViewportSizeAsync(1366, 900);
        await laptop.GotoAsync("/mentoring/experts");
        await Assertions.Expect(laptop.GetByTestId($"queued-{queued}")).ToBeVisibleAsync();
        await host.ScreenshotAsync(laptop, "mentoring-experts-1366-en");
        await BrowserHost.AssertAccessibleAsync(laptop);
        await laptop.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Validate Mario Solís" }).ClickAsync();
        await Assertions.Expect(laptop.GetByTestId("done")).ToBeVisibleAsync();
        await Assertions.Expect(laptop.GetByTestId($"expert-{queued}")).ToBeVisibleAsync();

        await laptop.GotoAsync(url);
        await laptop.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Match with Lucía Brenes" }).ClickAsync();
        await Assertions.Expect(laptop.GetByTestId("expert-contact")).ToContainTextAsync("lucía@example.org");
        await laptop.Locator("#session-date").FillAsync("2026-02-03");
        await laptop.Locator("#session-minutes").FillAsync("50");
        await laptop.Locator("#session-topics").FillAsync("Labour migration data sources");
        await laptop.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Log the session" }).ClickAsync();
        await Assertions.Expect(laptop.GetByTestId("sessions")).ToContainTextAsync("Labour migration data sources");
        await host.ScreenshotAsync(laptop, "mentoring-request-1366-en");
        await BrowserHost.AssertAccessibleAsync(laptop);

        await laptop.GotoAsync("/mentoring/counts");
        await Assertions.Expect(laptop.GetByTestId("by-country-HN")).ToBeVisibleAsync();
        await host.ScreenshotAsync(laptop, "mentoring-counts-1366-en");
        await BrowserHost.AssertAccessibleAsync(laptop);

        // The mentee, on the phone, now sees the expert's contact and the session, and gives feedback.
        await phone.GotoAsync(url);
        await Assertions.Expect(phone.GetByTestId("sessions")).ToContainTextAsync("Labour migration data sources");
        await phone.GetByLabel("5", new PageGetByLabelOptions { Exact = true }).CheckAsync();
        await phone.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Enviar mi valoración" }).ClickAsync();
        await Assertions.Expect(phone.GetByTestId("feedback")).ToContainTextAsync("5 de 5");
        await host.ScreenshotAsync(phone, "mentoring-feedback-390-es");
        await BrowserHost.AssertAccessibleAsync(phone);
        await AssertNoSidewaysScroll(phone);
        Assert.Empty(host.PageErrors);
    }
}

public sealed class MentoringBrowserTestsOnSqlite(SqliteBrowserHost host) : MentoringBrowserTests(host), IClassFixture<SqliteBrowserHost>;

public sealed class MentoringBrowserTestsOnPostgres(PostgresBrowserHost host) : MentoringBrowserTests(host), IClassFixture<PostgresBrowserHost>;
