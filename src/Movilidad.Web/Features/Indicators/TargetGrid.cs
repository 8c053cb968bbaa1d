using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Indicators;
using Movilidad.Platform.Institutions;

namespace Movilidad.Web.Features.Indicators;

/// <summary>One row of the targets grid: a member country, or the region (no country).</summary>
public sealed record TargetRow(string? Country, Bilingual Name);

/// <summary>
/// An indicator's targets by country (and for the region) and period, with the actuals submitted or approved for
/// each: what the indicator page shows and the edit page's grid is laid out on.
/// </summary>
public sealed record TargetGrid(IReadOnlyList<string> Periods, IReadOnlyList<TargetRow> Rows, IReadOnlyDictionary<string, decimal> Targets, IReadOnlyDictionary<string, decimal> Actuals)
{
    /// <summary>The key of one cell, also the name of its input on the edit page: <c>GT_2025-S1</c>, <c>region_2025-S1</c>.</summary>
    public static string Cell(string? country, string period) => $"{country ?? "region"}_{period}";

    public decimal? TargetAt(string? country, string period) => Targets.TryGetValue(Cell(country, period), out var v) ? v : null;

    public decimal? ActualAt(string? country, string period) => Actuals.TryGetValue(Cell(country, period), out var v) ? v : null;
}

public static class TargetGrids
{
    /// <summary>
    /// The grid of one indicator: the plan's periods, the region then the member countries, its targets and its actuals
    /// (submitted and approved, or the approved ones alone for the public: <paramref name="approvedOnly"/>).
    /// </summary>
    public static async Task<TargetGrid> TargetGridAsync(this MovilidadDb db, Indicator indicator, bool approvedOnly, CancellationToken ct)
    {
        var periods = await db.ReportingPeriods.AsNoTracking().Where(p => p.PlanId == indicator.PlanId).OrderBy(p => p.Start).ToListAsync(ct);
        var members = await db.MemberCountriesAsync(ct);
        var names = await db.Countries.AsNoTracking().Where(c => members.Contains(c.Alpha2)).ToDictionaryAsync(c => c.Alpha2, c => c.Name, StringComparer.Ordinal, ct);
        var rows = new List<TargetRow> { new(null, new Bilingual("Región (CRM)", "Region (RCM)")) };
        rows.AddRange(members.Order(StringComparer.Ordinal).Select(c => new TargetRow(c, names.GetValueOrDefault(c) ?? new Bilingual(c, c))));

        var actuals = new Dictionary<(string Country, string Period), decimal>();
        if (indicator.IsAutomatic)
        {
            foreach (var (key, value) in (await db.AutomaticValuesAsync(indicator.PlanId, periods, null, ct)).Where(a => a.Key.Indicator == indicator.Id))
            {
                actuals[(key.Country, key.Period)] = value;
            }
        }
        else
        {
            var values = await db.IndicatorValues.AsNoTracking().IgnoreQueryFilters()
                .Where(v => v.IndicatorId == indicator.Id && v.Dimension == Disaggregation.All && v.Total != null
                    && ((!approvedOnly && v.Report!.Status == ReportStatus.Submitted) || v.Report!.Status == ReportStatus.Approved))
                .Select(v => new { v.Report!.CountryCode, v.Report.Period!.Code, Total = v.Total!.Value }).ToListAsync(ct);
            foreach (var v in values)
            {
                actuals[(v.CountryCode, v.Code)] = v.Total;
            }
        }

        var cells = actuals.ToDictionary(a => TargetGrid.Cell(a.Key.Country, a.Key.Period), a => a.Value, StringComparer.Ordinal);
        foreach (var period in periods.Select(p => p.Code))
        {
            var reported = actuals.Where(a => a.Key.Period == period).Select(a => a.Value).ToList();
            if (reported.Count > 0)
            {
                cells[TargetGrid.Cell(null, period)] = indicator.Aggregation switch
                {
                    AggregationRule.Sum => reported.Sum(),
                    AggregationRule.Average => decimal.Round(reported.Average(), 2),
                    AggregationRule.CountOfCountries => reported.Count(v => v > 0),
                    _ => throw new ArgumentOutOfRangeException(nameof(indicator), indicator.Aggregation, null),
                };
            }
        }

        return new TargetGrid(periods.Select(p => p.Code).ToList(), rows,
            indicator.Targets.ToDictionary(t => TargetGrid.Cell(t.CountryCode, t.PeriodCode), t => t.Value, StringComparer.Ordinal), cells);
    }
}

public static class IndicatorLabels
{
    /// <summary>"1.2 Title of the element" in the reader's language, or null.</summary>
    public static async Task<string?> ElementLabelAsync(this MovilidadDb db, int? elementId, CancellationToken ct) =>
        elementId is not { } id ? null : await db.PlanElements.AsNoTracking().IgnoreQueryFilters().Where(e => e.Id == id).Select(e => new { e.Code, e.Title }).SingleOrDefaultAsync(ct) is { } e
            ? $"{e.Code} {e.Title.Current}".Trim()
            : null;

    /// <summary>"ACRONYM · Name" of a working group in the reader's language, or null.</summary>
    public static async Task<string?> WorkingGroupLabelAsync(this MovilidadDb db, int? groupId, CancellationToken ct) =>
        groupId is not { } id ? null : await db.Institutions.AsNoTracking().Where(i => i.Id == id).Select(i => new { i.Acronym, i.Name }).SingleOrDefaultAsync(ct) is { } g
            ? $"{g.Acronym.Current} · {g.Name.Current}"
            : null;
}
