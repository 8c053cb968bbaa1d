using System.Net;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Indicators;
using Movilidad.Platform.Plans;
using Movilidad.Web.Tests.Infrastructure;
using PlanReport = Movilidad.Platform.Reports.Report;
using PlanReportStatus = Movilidad.Platform.Reports.ReportStatus;

namespace Movilidad.Web.Tests.Features.Indicators;

/// <summary>
/// What a visitor who does not work on the plans sees of indicators and reports: the approved values and approved
/// reports, read-only, with a sentence on what signing in adds; never a value that is only submitted or a report in draft.
/// </summary>
public abstract class PublicFollowUpTests(MovilidadApp app)
{
    private const string Plan = IndicatorBuilders.Plan;

    /// <summary>An indicator of its own with one approved value (GT, 2023-S1: 4,321), one submitted (HN, 2023-S2: 98,765) and one in draft (NI: 55,555).</summary>
    private async Task<int> IndicatorWithValuesAsync()
    {
        await using var db = app.CreateDb();
        db.ShowsUnpublished = true;
        var plan = await db.Plans.SingleAsync(p => p.Key == Plan);
        var indicator = new Indicator
        {
            PlanId = plan.Id, Key = "test-public", Code = "PUB1", UnitCode = "NUMBER", Type = IndicatorType.Result, SortOrder = 0, EditedAt = DateTime.UtcNow,
            Name = new("Indicador público de prueba", "Public test indicator"), Unit = new("Número", "Number"), Aggregation = AggregationRule.Sum,
            Targets = [new IndicatorTarget { PeriodCode = "2023-S2", Value = 200_000 }],
        };
        db.Indicators.Add(indicator);
        await db.SaveChangesAsync();
        var periods = await db.ReportingPeriods.Where(p => p.PlanId == plan.Id).ToDictionaryAsync(p => p.Code, p => p.Id);
        foreach (var (period, country, status, total) in new[] { ("2023-S1", "GT", ReportStatus.Approved, 4_321m), ("2023-S2", "HN", ReportStatus.Submitted, 98_765m), ("2024-S1", "NI", ReportStatus.Draft, 55_555m) })
        {
            db.IndicatorReports.Add(new IndicatorReport
            {
                PeriodId = periods[period], CountryCode = country, Status = status, UpdatedAt = DateTime.UtcNow,
                Values = [new IndicatorValue { IndicatorId = indicator.Id, Total = total }],
            });
            await db.SaveChangesAsync();
            await IndicatorTotals.RefreshAsync(db, plan.Id, periods[period], country, CancellationToken.None);
        }

        return indicator.Id;
    }

    [Fact]
    public async Task Indicators_NotSignedIn_ShowTheApprovedValuesAlone_ReadOnly_WithWhatSigningInAdds()
    {
        var id = await IndicatorWithValuesAsync();
        var anonymous = app.ClientIn("en");
        var observer = await app.ClientInAsync("en", "observer");

        // The dashboard's trend adds up what was reached (4,321, then 103,086 with the submitted value); the indicator's grid shows each value.
        foreach (var (page, staffSees) in new[] { ($"/indicators?plan={Plan}&indicator={id}", "103,086"), ($"/indicators/{id}", "98,765") })
        {
            var response = await anonymous.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {response.StatusCode}");
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Contains("data-testid=\"public-note\"", html, StringComparison.Ordinal);
            Assert.Contains("4,321", html, StringComparison.Ordinal);
            Assert.DoesNotContain("98,765", html, StringComparison.Ordinal);
            Assert.DoesNotContain("103,086", html, StringComparison.Ordinal);
            Assert.DoesNotContain("55,555", html, StringComparison.Ordinal);
            var main = html.Split("<main")[1];
            Assert.DoesNotContain("/indicators/reports", main, StringComparison.Ordinal);
            Assert.DoesNotContain("history-link", main, StringComparison.Ordinal);
            Assert.DoesNotContain("id=\"reporting\"", main, StringComparison.Ordinal);

            // Those who work on the plans see the submitted value too, and no public note.
            var staff = WebUtility.HtmlDecode(await observer.GetStringAsync(page));
            Assert.Contains(staffSees, staff, StringComparison.Ordinal);
            Assert.DoesNotContain("data-testid=\"public-note\"", staff, StringComparison.Ordinal);
        }

        // The grid of the indicator's page: the approved cell is shown, the submitted one is empty for the public.
        var details = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/indicators/{id}"));
        Assert.Matches("data-cell=\"GT_2023-S1\">\\s*<span class=\"indedit-actual\">Actual: 4,321", details);
        Assert.DoesNotMatch("data-cell=\"HN_2023-S2\">[^<]*<span class=\"indedit-target\">[^<]*</span>\\s*<span class=\"indedit-actual\">", details);

        // The menu leaves out the pages of work in progress for the public; its history stays for those who work on the plans.
        Assert.DoesNotContain("href=\"/monitoring/matrix\"", details, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync($"/indicators/{id}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync($"/indicators/reports?plan={Plan}")).StatusCode);
    }

    [Fact]
    public async Task Reports_NotSignedIn_ListAndShowTheApprovedOnes_ReadOnly_AndNoDraft()
    {
        int approved, draft;
        await using (var db = app.CreateDb())
        {
            db.ShowsUnpublished = true;
            var plan = await db.Plans.SingleAsync(p => p.Key == Plan);
            var a = new PlanReport { PlanId = plan.Id, Year = 2024, Half = 1, Status = PlanReportStatus.Approved, CreatedAt = DateTime.UtcNow, SubmittedAt = DateTime.UtcNow, ApprovedAt = DateTime.UtcNow, ApprovedBy = "Presidencia" };
            var d = new PlanReport { PlanId = plan.Id, Year = 2024, Half = 2, Status = PlanReportStatus.Draft, CreatedAt = DateTime.UtcNow, Summary = new("Borrador secreto", "Secret draft") };
            db.Reports.AddRange(a, d);
            await db.SaveChangesAsync();
            (approved, draft) = (a.Id, d.Id);
        }

        var anonymous = app.ClientIn("es");
        var list = await anonymous.GetAsync("/reports");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var html = await list.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"public-note\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/reports/{approved}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/reports/{draft}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Create", html, StringComparison.Ordinal);

        var page = await anonymous.GetAsync($"/reports/{approved}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var report = await page.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"public-note\"", report, StringComparison.Ordinal);
        Assert.DoesNotContain("<form method=\"post\"", report, StringComparison.Ordinal);
        var pdf = await anonymous.GetAsync($"/api/reports/{approved}/document?format=pdf&language=es");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);

        // A report in draft does not exist for the public, as a page or as a document.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/reports/{draft}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/reports/{draft}/document?format=pdf&language=es")).StatusCode);
        Assert.Contains("Borrador secreto", await (await app.ClientInAsync("es", "observer")).GetStringAsync($"/reports/{draft}"), StringComparison.Ordinal);
    }
}

public sealed class PublicFollowUpTestsOnSqlite(SqliteApp app) : PublicFollowUpTests(app), IClassFixture<SqliteApp>;

public sealed class PublicFollowUpTestsOnPostgres(PostgresApp app) : PublicFollowUpTests(app), IClassFixture<PostgresApp>;
