using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Movilidad.Web.Features.Pledges;
using Movilidad.Platform.Pledges;
using Movilidad.Platform.Practices;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Browser.Tests;

/// <summary>Pledges and good practices in a real browser: recording a pledge and its quarterly update, the dashboard, submitting a practice, the public practice pages; axe-checked.</summary>
public abstract partial class PledgeBrowserTests(BrowserHost host)
{
    private static async Task AssertAccessible(IPage page)
    {
        var violations = await BrowserHost.SeriousAccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{page.Url}:\n" + string.Join('\n', violations));
    }

    private async Task<IPage> SignedInAsync(string language, string grant)
    {
        var person = await host.App.AddPersonAsync($"{Guid.NewGuid():N}@example.org", twoFactor: false, grant);
        var page = await host.NewPageAsync(language);
        await page.GotoAsync("/account/sign-in");
        await page.Locator("#Email").FillAsync(person.Email);
        await page.Locator("#Password").FillAsync(person.Password);
        await Task.WhenAll(
            page.ReachedAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal)),
            page.Locator("main button[type=submit]").ClickAsync());
        return page;
    }

    private async Task<int> InstitutionAsync(string code)
    {
        await using var db = host.App.CreateDb();
        return await db.Institutions.Where(i => i.Code == code).Select(i => i.Id).SingleAsync();
    }

    /// <summary>Published pledges of every kind of pledger, some reported, one withdrawn, one never reported: what a dashboard shows.</summary>
    private async Task SeedPledgesAsync()
    {
        var due = YearQuarter.LastEnded(DateOnly.FromDateTime(DateTime.UtcNow));
        var old = due.Start.AddDays(-200).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        await using var db = host.App.CreateDb();
        var ids = await db.Institutions.Where(i => i.Code == "MX" || i.Code == "OIT" || i.Code == "RROCM" || i.Code == "PA" || i.Code == "OIM")
            .ToDictionaryAsync(i => i.Code, i => i.Id);
        Pledge Make(string title, string[] pledgers, int[] objectives, (YearQuarter Quarter, PledgeStatus Status)[] updates) => new()
        {
            Title = new(title, title),
            IsPublished = true,
            CreatedAt = old,
            Pledgers = [.. pledgers.Select(p => new PledgePledger { InstitutionId = ids[p] })],
            GcmObjectives = [.. objectives.Select(o => new PledgeGcmObjective { Objective = o })],
            Updates = [.. updates.Select(u => new PledgeUpdate { Year = u.Quarter.Year, Quarter = u.Quarter.Quarter, Status = u.Status, Narrative = "Avance", RecordedAt = old })],
        };
        db.Pledges.AddRange(
            Make("Programa binacional de trabajo temporal", ["MX", "PA"], [5, 6], [(due, PledgeStatus.InProgress)]),
            Make("Guía de contratación equitativa", ["OIT"], [6], [(due.Previous, PledgeStatus.InProgress)]),
            Make("Observatorio ciudadano de derechos laborales", ["RROCM"], [6, 16], []),
            Make("Datos de movilidad laboral desagregados", ["OIM"], [1], [(due.Previous, PledgeStatus.Withdrawn)]),
            Make("Reconocimiento de competencias", ["MX"], [18], [(due, PledgeStatus.Fulfilled)]));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task RecordPledgeAndQuarterlyUpdate_ThenDashboard_ShowsChartsAndOverduePledges()
    {
        await SeedPledgesAsync();
        var page = await SignedInAsync("es", "focal-point:GT");
        await page.GotoAsync("/pledges/edit");
        await page.Locator("#title-es").FillAsync("Ventanilla de orientación a trabajadores temporales");
        await page.Locator("#title-en").FillAsync("Guidance desk for temporary workers");
        await page.Locator("#description-es").FillAsync("Oficinas en los consulados para orientar antes de partir.");
        await page.Locator("#pledgers").SelectOptionAsync([(await InstitutionAsync("GT")).ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await page.Locator("input[name='Form.GcmObjectives'][value='6']").CheckAsync();
        await page.Locator("input[name='Form.GcmObjectives'][value='14']").CheckAsync();
        await page.Locator("input[name='Form.Milestones[0].Title']").FillAsync("Primera ventanilla abierta");
        await page.Locator("input[name='Form.Milestones[0].DueDate']").FillAsync("2026-12-31");
        await host.ScreenshotAsync(page, "pledge-edit");
        await AssertAccessible(page);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Guardar" }).ClickAsync();
        await page.ReachedAsync(PledgePage());
        Assert.Equal("Ventanilla de orientación a trabajadores temporales", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("Sin iniciar", await page.GetByTestId("status").InnerTextAsync());

        await page.Locator("#narrative").FillAsync("Se abrió la primera ventanilla en Los Ángeles.");
        await page.Locator("#update-status").SelectOptionAsync("InProgress");
        await page.Locator("#evidence-file").SetInputFilesAsync(new FilePayload { Name = "acta.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n%%EOF"u8.ToArray() });
        await host.ScreenshotAsync(page, "pledge-details");
        await AssertAccessible(page);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Guardar el informe" }).ClickAsync();
        await page.ReachedAsync(PledgePage());
        Assert.Equal("En curso", await page.GetByTestId("status").InnerTextAsync());
        Assert.Contains("acta.pdf", await page.GetByTestId("updates").InnerTextAsync(), StringComparison.Ordinal);

        // The history tab: the pledge as recorded, then with its quarterly update, compared.
        await Task.WhenAll(page.ReachedAsync("**/history"), page.GetByTestId("history-link").ClickAsync());
        Assert.Equal(2, await page.Locator("[data-testid=history] > li").CountAsync());
        await Task.WhenAll(page.ReachedAsync(url => url.Contains("from=", StringComparison.Ordinal)), page.Locator("[data-testid=compare] button").ClickAsync());
        Assert.Contains("Se abrió la primera ventanilla en Los Ángeles.", await page.GetByTestId("comparison").InnerTextAsync(), StringComparison.Ordinal);
        await host.ScreenshotAsync(page, "pledge-history");
        await AssertAccessible(page);

        await page.GotoAsync("/pledges/dashboard");
        var overdue = await page.GetByTestId("overdue").InnerTextAsync();
        Assert.Contains("Guía de contratación equitativa", overdue, StringComparison.Ordinal);
        Assert.Contains("Observatorio ciudadano de derechos laborales", overdue, StringComparison.Ordinal);
        Assert.DoesNotContain("Datos de movilidad laboral desagregados", overdue, StringComparison.Ordinal);
        Assert.DoesNotContain("Programa binacional", overdue, StringComparison.Ordinal);
        Assert.Equal(3, await page.Locator("svg.bars").CountAsync());
        await host.ScreenshotAsync(page, "pledge-dashboard");
        await AssertAccessible(page);

        var anonymous = await host.NewPageAsync("en");
        await anonymous.GotoAsync("/pledges/dashboard");
        Assert.DoesNotContain("Guidance desk", await anonymous.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await host.ScreenshotAsync(anonymous, "pledge-dashboard-public-en");
        await AssertAccessible(anonymous);

        // On a phone the charts shrink to the screen: nothing scrolls sideways.
        await anonymous.SetViewportSizeAsync(390, 844);
        await host.ScreenshotAsync(anonymous, "pledge-dashboard-390");
        var widths = await anonymous.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, document.querySelector('main').scrollWidth, document.querySelector('main').clientWidth]");
        Assert.True(widths[0] <= 390 && widths[1] <= widths[2], $"At a 390 px screen the page is {widths[0]} px wide and its content {widths[1]} px in {widths[2]} px: it scrolls sideways.");
        Assert.Empty(host.PageErrors);
    }

    [Fact]
    public async Task SubmitPractice_ThenPublishedPracticePages_ReadWellAndAreAccessible()
    {
        var page = await SignedInAsync("es", "civil-society");
        await page.GotoAsync("/practices/submit");
        await page.Locator("#institution").SelectOptionAsync([(await InstitutionAsync("RROCM")).ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await page.Locator("#title-es").FillAsync("Red de albergues con orientación laboral");
        await page.Locator("#title-en").FillAsync("Shelter network with labour guidance");
        await page.Locator("#summary-es").FillAsync("Los albergues orientan sobre vías regulares de empleo.");
        await page.Locator("#summary-en").FillAsync("Shelters give guidance on regular employment pathways.");
        await page.Locator("#body-es").FillAsync("Primer párrafo.\n\nSegundo párrafo.");
        await page.Locator("#body-en").FillAsync("First paragraph.\n\nSecond paragraph.");
        await page.Locator("input[name='Form.GcmObjectives'][value='6']").CheckAsync();
        await page.Locator("#countries").SelectOptionAsync(["GT", "MX"]);
        await host.ScreenshotAsync(page, "practice-submit");
        await AssertAccessible(page);
        await Task.WhenAll(page.ReachedAsync(PracticePage()), page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Enviar a revisión" }).ClickAsync());
        Assert.Equal("Enviada", await page.GetByTestId("status").InnerTextAsync());
        await host.ScreenshotAsync(page, "practice-submitted");
        await AssertAccessible(page);

        // The submitter corrects the summary, then reads both versions side by side in the history tab.
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Editar y reenviar" }).ClickAsync();
        await page.Locator("#summary-es").FillAsync("Los albergues orientan sobre vías regulares de empleo y de estudio.");
        await Task.WhenAll(page.ReachedAsync(PracticePage()), page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Reenviar para revisión" }).ClickAsync());
        await Task.WhenAll(page.ReachedAsync("**/history"), page.GetByTestId("history-link").ClickAsync());
        Assert.Equal(2, await page.Locator("[data-testid=history] > li").CountAsync());
        await Task.WhenAll(page.ReachedAsync(url => url.Contains("from=", StringComparison.Ordinal)), page.Locator("[data-testid=compare] button").ClickAsync());
        Assert.Contains("y de estudio", await page.GetByTestId("comparison").InnerTextAsync(), StringComparison.Ordinal);
        await host.ScreenshotAsync(page, "practice-history");
        await AssertAccessible(page);

        await using (var db = host.App.CreateDb())
        {
            var month = new DateOnly(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1);
            db.Practices.Add(new Practice
            {
                Title = new("Certificación de competencias para trabajadores agrícolas", "Skills certification for farm workers"),
                Summary = new("Un examen práctico reconocido en los dos países.", "A practical test recognised in both countries."),
                Body = new("La práctica comenzó en 2023.\n\nHoy certifica a 400 personas por año.", "The practice began in 2023.\n\nToday it certifies 400 people a year."),
                InstitutionId = await InstitutionAsync("OIT"),
                Status = PracticeStatus.Published,
                SubmittedAt = DateTime.UtcNow,
                ConsentGivenBy = "Director de la oficina",
                ConsentGivenOn = DateOnly.FromDateTime(DateTime.UtcNow),
                ConsentRecordedAt = DateTime.UtcNow,
                ScheduledMonth = month.AddMonths(-1),
                PublishedAt = DateTime.UtcNow,
                GcmObjectives = [new() { Objective = 18 }],
                Countries = [new() { CountryCode = "GT" }, new() { CountryCode = "MX" }],
            });
            await db.SaveChangesAsync();
        }

        var visitor = await host.NewPageAsync("en");
        await visitor.GotoAsync("/practices?country=MX");
        var published = await visitor.GetByTestId("published").InnerTextAsync();
        Assert.Contains("Skills certification for farm workers", published, StringComparison.Ordinal);
        Assert.DoesNotContain("Shelter network", await visitor.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await host.ScreenshotAsync(visitor, "practice-list-public");
        await AssertAccessible(visitor);
        await visitor.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Skills certification for farm workers" }).ClickAsync();
        await visitor.ReachedAsync(PracticePage());
        Assert.Equal(2, await visitor.GetByTestId("body").Locator("p").CountAsync());
        await host.ScreenshotAsync(visitor, "practice-public");
        await AssertAccessible(visitor);
        await visitor.GotoAsync("/practices/calendar");
        await host.ScreenshotAsync(visitor, "practice-calendar");
        await AssertAccessible(visitor);
        Assert.Empty(host.PageErrors);
    }

    [GeneratedRegex("/pledges/[0-9]+$")]
    private static partial Regex PledgePage();

    [GeneratedRegex("/practices/[0-9]+$")]
    private static partial Regex PracticePage();
}

public sealed class PledgeBrowserTestsOnSqlite(SqliteBrowserHost host) : PledgeBrowserTests(host), IClassFixture<SqliteBrowserHost>;

public sealed class PledgeBrowserTestsOnPostgres(PostgresBrowserHost host) : PledgeBrowserTests(host), IClassFixture<PostgresBrowserHost>;
