using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Movilidad.Platform.Monitoring;
using Movilidad.Platform.Pledges;
using Movilidad.Platform.Practices;
using Movilidad.Web.Features.Reports;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Localization;
using Movilidad.Web.Tests.Infrastructure;
using Movilidad.Platform.Writes;

namespace Movilidad.Browser.Tests;

/// <summary>A focal point writes their country's narrative in the semi-annual report and the Presidency approves it, in a real browser, checked with axe-core.</summary>
public abstract class ReportBrowserTests(BrowserHost host)
{
    private static async Task AssertAccessible(IPage page)
    {
        var violations = await BrowserHost.SeriousAccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{page.Url}:\n" + string.Join('\n', violations));
    }

    /// <summary>Signs in through the pages; the Secretariat's role needs two-step verification, so its code is typed too.</summary>
    private async Task<IPage> SignedInAsync(string language, params string[] grants)
    {
        var person = await host.App.AddPersonAsync($"{Guid.NewGuid():N}@example.org", twoFactor: grants.Contains("secretariat"), grants);
        var page = await host.NewPageAsync(language);
        await page.GotoAsync("/account/sign-in");
        await page.Locator("#Email").FillAsync(person.Email);
        await page.Locator("#Password").FillAsync(person.Password);
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.ReachedAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
        if (person.AuthenticatorKey is { } key)
        {
            await page.Locator("#Code").FillAsync(People.Totp(key, DateTimeOffset.UtcNow));
            await page.Locator("main button[type=submit]").ClickAsync();
            await page.ReachedAsync(url => !url.Contains("/account/two-factor", StringComparison.Ordinal));
        }

        return page;
    }

    /// <summary>
    /// Three activities of the working group on labour migration in the first half of 2025, a joint pledge reported on in
    /// its first quarter, an unpublished pledge, a good practice published in March, and a draft report with a summary.
    /// </summary>
    private async Task<int> DraftReportAsync()
    {
        await using var db = host.App.CreateDb();
        db.ShowsUnpublished = true;
        var plan = await db.Plans.SingleAsync(p => p.Key == "prml-2023-2027");
        var group = await db.Institutions.Where(i => i.Code == "GT-ML").Select(i => i.Id).SingleAsync();
        async Task AddAsync(string action, string code, Bilingual title, ActivityStatus status, string[] countries, decimal planned, decimal? executed)
        {
            var activity = new Activity
            {
                ActionId = await db.PlanElements.Where(e => e.PlanId == plan.Id && e.LevelKey == "action" && e.Code == action).Select(e => e.Id).SingleAsync(),
                Code = code, Title = title, WorkingGroupId = group, Status = status, CreatedAt = DateTime.UtcNow,
                StartDate = new DateOnly(2025, 2, 1), EndDate = new DateOnly(2025, 6, 15),
                Countries = countries.Select(c => new ActivityCountry { CountryCode = c, Status = status }).ToList(),
                BudgetLines = [new() { Kind = BudgetKind.Planned, Amount = planned, CurrencyCode = "USD", Source = "Fondo de la CRM" }],
            };
            if (executed is { } spent)
            {
                activity.BudgetLines.Add(new() { Kind = BudgetKind.Executed, Amount = spent, CurrencyCode = "USD", Source = "Fondo de la CRM" });
            }

            db.Activities.Add(activity);
            await db.SaveChangesAsync();
        }

        await AddAsync("1.1", "1.1.1", new("Taller regional sobre reconocimiento de competencias", "Regional workshop on skills recognition"), ActivityStatus.Done, ["GT", "HN", "SV"], 18000, 16250.40m);
        await AddAsync("1.2", "1.2.1", new("Diagnóstico de las oficinas de empleo", "Assessment of the employment offices"), ActivityStatus.InProgress, ["CR", "PA"], 9500, 3100);
        await AddAsync("2.1", "2.1.1", new("Guía de certificación de competencias laborales", "Guide to the certification of occupational skills"), ActivityStatus.Planned, ["MX", "GT"], 12000, null);
        var ilo = await db.Institutions.Where(i => i.Code == "OIT").Select(i => i.Id).SingleAsync();
        var recorded = new DateTime(2024, 11, 4, 0, 0, 0, DateTimeKind.Utc);
        db.Pledges.AddRange(
            new Pledge
            {
                Title = new("Ampliar las visas de trabajo temporal", "Expand temporary work visas"), IsPublished = true, CreatedAt = recorded, Version = 1,
                Pledgers = [new() { InstitutionId = await db.Institutions.Where(i => i.Code == "GT").Select(i => i.Id).SingleAsync() }, new() { InstitutionId = await db.Institutions.Where(i => i.Code == "MX").Select(i => i.Id).SingleAsync() }],
                GcmObjectives = [new() { Objective = 5 }, new() { Objective = 6 }],
                Updates = [new() { Year = 2025, Quarter = 1, Status = PledgeStatus.InProgress, Narrative = "Guatemala y México firmaron el memorando de entendimiento sobre trabajo temporal agrícola.", RecordedAt = recorded }],
            },
            new Pledge
            {
                Title = new("Formar a 60 inspectores de trabajo", "Train 60 labour inspectors"), CreatedAt = recorded, Version = 1,
                Pledgers = [new() { InstitutionId = ilo }], GcmObjectives = [new() { Objective = 18 }],
            });
        db.Practices.Add(new Practice
        {
            Title = new("Ventanilla única de certificación de competencias", "One-stop window for skills certification"),
            Summary = new("Un solo lugar donde las personas trabajadoras migrantes certifican sus competencias antes de viajar.", "One place where migrant workers certify their skills before they travel."),
            Body = new("Texto.", "Text."), InstitutionId = ilo, Status = PracticeStatus.Published, SubmittedAt = recorded,
            ScheduledMonth = new DateOnly(2025, 3, 1), PublishedAt = new DateTime(2025, 3, 10, 15, 0, 0, DateTimeKind.Utc), Version = 1,
            GcmObjectives = [new() { Objective = 18 }], Countries = [new() { CountryCode = "GT" }, new() { CountryCode = "SV" }],
        });
        await db.SaveChangesAsync();
        var created = await db.CreateReportAsync(new ReportCreate(plan.Id, "2025-S1"), AuditActor.CommandLine(), TimeProvider.System, default);
        var report = Assert.IsType<WriteOutcome<ReportView>.Saved>(created).Value;
        await db.SaveSummaryAsync(report.Id, new SummaryEdit(report.Version, new Bilingual(
            "En el primer semestre de 2025 la Conferencia concluyó el taller regional sobre reconocimiento de competencias y avanzó en el diagnóstico de las oficinas de empleo.",
            "In the first half of 2025 the Conference completed the regional workshop on skills recognition and advanced the assessment of the employment offices.")),
            AuditActor.CommandLine(), TimeProvider.System, default);
        return report.Id;
    }

    [Fact]
    public async Task Report_FocalPointWritesNarrativeThenPresidencyApproves_ShowsTheFrozenReport()
    {
        var id = await DraftReportAsync();
        var page = await SignedInAsync("es", "focal-point:GT");
        await page.GotoAsync("/reports");
        Assert.Contains("Primer semestre de 2025", await page.GetByTestId("reports").InnerTextAsync(), StringComparison.Ordinal);
        await host.ScreenshotAsync(page, "report-list");
        await AssertAccessible(page);

        await page.GotoAsync($"/reports/{id}");
        Assert.Equal("Borrador", await page.GetByTestId("status").InnerTextAsync());
        Assert.Equal(0, await page.Locator($"a[href='/reports/{id}/narratives/HN']").CountAsync());
        await page.Locator($"a[href='/reports/{id}/narratives/GT']").ClickAsync();
        await page.ReachedAsync(url => url.EndsWith("/narratives/GT", StringComparison.Ordinal));
        await page.Locator("#text-es").FillAsync("Guatemala realizó el taller nacional de reconocimiento de competencias con 35 participantes.\n\nEn el segundo semestre se certificarán las primeras personas trabajadoras.");
        await host.ScreenshotAsync(page, "report-narrative");
        await AssertAccessible(page);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Guardar la narrativa" }).ClickAsync();
        await page.ReachedAsync(url => url.EndsWith($"/reports/{id}", StringComparison.Ordinal));
        Assert.Contains("En el segundo semestre se certificarán", await page.Locator(".report-sheet").InnerTextAsync(), StringComparison.Ordinal);
        await host.ScreenshotAsync(page, "report-page");
        await AssertAccessible(page);

        var secretariat = await SignedInAsync("es", "secretariat");
        await secretariat.GotoAsync($"/reports/{id}");
        await secretariat.Locator("#summary-es").FillAsync("En el primer semestre de 2025 la Conferencia concluyó el taller regional y Guatemala presentó su narrativa.");
        await secretariat.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Guardar el resumen" }).ClickAsync();
        await secretariat.ReachedAsync(url => url.EndsWith($"/reports/{id}", StringComparison.Ordinal));
        Assert.Contains("Guatemala presentó su narrativa", await secretariat.Locator(".report-sheet").InnerTextAsync(), StringComparison.Ordinal);
        await host.ScreenshotAsync(secretariat, "report-secretariat");
        await AssertAccessible(secretariat);
        await secretariat.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Presentar a la Presidencia" }).ClickAsync();
        await secretariat.ReachedAsync(url => url.EndsWith($"/reports/{id}", StringComparison.Ordinal));
        Assert.Equal("Presentado a la Presidencia Pro-Tempore", await secretariat.GetByTestId("status").InnerTextAsync());

        var presidency = await SignedInAsync("en", "presidency");
        await presidency.GotoAsync($"/reports/{id}");
        Assert.Equal("Submitted to the Pro-Tempore Presidency", await presidency.GetByTestId("status").InnerTextAsync());
        var sheet = await presidency.Locator(".report-sheet").InnerTextAsync();
        Assert.Contains("Guatemala realizó el taller nacional", sheet, StringComparison.Ordinal);
        Assert.Contains("Expand temporary work visas", sheet, StringComparison.Ordinal);
        Assert.Contains("Train 60 labour inspectors\n(unpublished)", sheet, StringComparison.Ordinal);
        Assert.Contains("One-stop window for skills certification", sheet, StringComparison.Ordinal);
        await host.ScreenshotAsync(presidency, "report-submitted-en");
        await AssertAccessible(presidency);
        await presidency.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Approve the report" }).ClickAsync();
        await presidency.ReachedAsync(url => url.EndsWith($"/reports/{id}", StringComparison.Ordinal));
        Assert.Equal("Approved", await presidency.GetByTestId("status").InnerTextAsync());
        await host.ScreenshotAsync(presidency, "report-approved-en");
        await AssertAccessible(presidency);
        Assert.Empty(host.PageErrors);
    }
}

public sealed class ReportBrowserTestsOnSqlite(SqliteBrowserHost host) : ReportBrowserTests(host), IClassFixture<SqliteBrowserHost>;

public sealed class ReportBrowserTestsOnPostgres(PostgresBrowserHost host) : ReportBrowserTests(host), IClassFixture<PostgresBrowserHost>;
