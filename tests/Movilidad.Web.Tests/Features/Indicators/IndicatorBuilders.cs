using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Indicators;
using Movilidad.Platform.Plans;
using Movilidad.Platform.Data;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Indicators;

/// <summary>The Strategic Plan (004) and its shipped indicators, plus one indicator that counts people by sex and age group.</summary>
public static class IndicatorBuilders
{
    public const string Plan = "pe-crm-2023-2026";
    public const string PeopleKey = "test-people-trained";

    /// <summary>Adds (once) an indicator of plan 004 counting people, split by sex and age group, as the Secretariat could define one.</summary>
    public static async Task<int> PeopleIndicatorAsync(this MovilidadApp app)
    {
        await using var db = app.CreateDb();
        db.ShowsUnpublished = true;
        var plan = await db.Plans.SingleAsync(p => p.Key == Plan);
        var existing = await db.Indicators.Where(i => i.PlanId == plan.Id && i.Key == PeopleKey).Select(i => (int?)i.Id).SingleOrDefaultAsync();
        if (existing is { } id)
        {
            return id;
        }

        var indicator = new Indicator
        {
            PlanId = plan.Id, Key = PeopleKey, Code = "T1", UnitCode = "PERSONS", Type = IndicatorType.Result,
            Name = new("Personas funcionarias capacitadas", "Officials trained"), Definition = new("Personas capacitadas.", "People trained."),
            Unit = new("Personas", "People"), Dimensions = Disaggregation.AgeGroup, SortOrder = 100, EditedAt = DateTime.UtcNow,
        };
        db.Indicators.Add(indicator);
        await db.SaveChangesAsync();
        return indicator.Id;
    }

    /// <summary>Adds (once) a plan with one line and <paramref name="count"/> indicators under it, each with a regional target: more than a page of them.</summary>
    public static async Task<string> PlanOfManyIndicatorsAsync(this MovilidadApp app, int count)
    {
        const string key = "test-many-indicators";
        await using var db = app.CreateDb();
        db.ShowsUnpublished = true;
        if (await db.Plans.AnyAsync(p => p.Key == key))
        {
            return key;
        }

        var plan = new Plan
        {
            Key = key, Number = "M", Kind = PlanKind.OperationalPlan, SourceDocument = "test", PeriodStart = 2025, PeriodEnd = 2025, SortOrder = 2_000, SourceHash = "test",
            Title = new("Plan de muchos indicadores", "Plan of many indicators"), Levels = [new() { Key = "line", Name = new("Línea", "Line") }],
        };
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        var line = new PlanElement { PlanId = plan.Id, Key = "l1", LevelKey = "line", Code = "1", Title = new("Línea 1", "Line 1"), Section = "test" };
        db.PlanElements.Add(line);
        db.ReportingCalendars.Add(new ReportingCalendar { PlanId = plan.Id, PeriodType = PeriodType.Semester, DueDays = 30, SourceReference = "test" });
        db.ReportingPeriods.AddRange(Periods.Between(2025, 2025, PeriodType.Semester)
            .Select(p => new ReportingPeriod { PlanId = plan.Id, Code = p.Code, Type = p.Type, Start = p.Start, End = p.End, Due = p.End.AddDays(30) }));
        await db.SaveChangesAsync();
        for (var i = 1; i <= count; i++)
        {
            db.Indicators.Add(new Indicator
            {
                PlanId = plan.Id, ElementId = line.Id, Key = $"m{i:D2}", Code = $"M{i:D2}", UnitCode = "NUMBER", Type = IndicatorType.Process, SortOrder = i, EditedAt = DateTime.UtcNow,
                Name = new($"Muchos {i:D2}", $"Many {i:D2}"), Unit = new("Número", "Number"),
                Targets = [new IndicatorTarget { PeriodCode = "2025-S2", Value = i }],
            });
        }

        await db.SaveChangesAsync();
        return key;
    }

    public static async Task<int> IndicatorIdAsync(this MovilidadApp app, string key)
    {
        await using var db = app.CreateDb();
        return await db.Indicators.Where(i => i.Key == key && i.Plan!.Key == Plan).Select(i => i.Id).SingleAsync();
    }

    /// <summary>A values body with a total of 0 for every reported indicator of the plan, then the given rows replacing theirs.</summary>
    public static async Task<object> ValuesAsync(this MovilidadApp app, int version, params object[] rows)
    {
        await using var db = app.CreateDb();
        var reported = await db.Indicators.Where(i => i.Plan!.Key == Plan && i.Source == IndicatorSource.Reported).Select(i => i.Id).ToListAsync();
        var given = rows.Select(r => JsonSerializer.SerializeToElement(r)).ToList();
        var ids = given.Select(g => g.GetProperty("indicatorId").GetInt32()).ToHashSet();
        var all = reported.Where(id => !ids.Contains(id)).Select(id => (object)new { indicatorId = id, total = 0 }).Concat(rows).ToList();
        return new { version, values = all };
    }

    /// <summary>
    /// Asserts that the dashboard's totals (<see cref="IndicatorTotals"/>) equal a recomputation from the values
    /// themselves: only the totals of submitted and approved reports, summed per indicator and period and per
    /// indicator and country, with each country's latest value.
    /// </summary>
    public static async Task AssertTotalsMatchValuesAsync(MovilidadDb db)
    {
        var counted = await db.IndicatorValues.IgnoreQueryFilters()
            .Where(v => v.Dimension == Disaggregation.All && v.Total != null && (v.Report!.Status == ReportStatus.Submitted || v.Report.Status == ReportStatus.Approved))
            .Select(v => new { v.IndicatorId, v.Report!.PeriodId, v.Report.CountryCode, v.Report.Period!.Code, Total = (double)v.Total!.Value })
            .ToListAsync();
        var byPeriod = counted.GroupBy(v => (v.IndicatorId, v.PeriodId))
            .Select(g => (g.Key.IndicatorId, g.Key.PeriodId, g.Sum(v => v.Total), g.Count(), g.Count(v => v.Total > 0))).Order().ToList();
        var byCountry = counted.GroupBy(v => (v.IndicatorId, v.CountryCode))
            .Select(g => (g.Key.IndicatorId, g.Key.CountryCode, g.Sum(v => v.Total), g.MaxBy(v => v.Code)!.Code, g.MaxBy(v => v.Code)!.Total)).Order().ToList();
        var periodTotals = (await db.IndicatorPeriodTotals.ToListAsync()).Select(t => (t.IndicatorId, t.PeriodId, t.Sum, t.Count, t.Positive)).Order().ToList();
        var countryTotals = (await db.IndicatorCountryTotals.ToListAsync()).Select(t => (t.IndicatorId, t.CountryCode, t.Sum, t.LatestPeriod, t.Latest)).Order().ToList();
        Assert.Equal(byPeriod, periodTotals);
        Assert.Equal(byCountry, countryTotals);
    }

    public static string Report(string period, string country) => $"/api/indicators/reports/{Plan}/{period}/{country}";

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    public static async Task<Dictionary<string, string[]>> ErrorsAsync(this HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray());
    }
}
