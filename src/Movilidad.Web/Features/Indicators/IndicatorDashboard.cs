using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Movilidad.Web.Features.Plans;
using Movilidad.Web.Infrastructure.Data;
using Movilidad.Web.Infrastructure.Localization;

namespace Movilidad.Web.Features.Indicators;

/// <summary>Where an indicator stands over the plan: its actual against its target (ratio 1 = reached); null when it has no target or no value yet.</summary>
public sealed record IndicatorProgress(
    int Id, string Code, Bilingual Name, IndicatorType Type, IndicatorSource Source, string UnitCode, int? LineId, int? WorkingGroupId, double? Actual, double? Target)
{
    public double? Ratio => Target is > 0 && Actual is { } actual ? actual / Target : null;
}

/// <summary>One bar of a progress chart: the mean achievement (each indicator capped at 100 %) of the indicators with a target.</summary>
public sealed record ProgressBar(string Key, Bilingual Label, double? Ratio, int Indicators, int WithTarget);

public sealed record TrendPoint(string Period, double? Actual, double? Target);

public sealed record PeriodStatus(string Period, bool Locked, int Submitted, int Approved, int Returned, int Draft, int Countries);

public sealed record IndicatorDashboardData(
    string PlanKey, Bilingual PlanTitle, IReadOnlyList<string> Periods, IReadOnlyList<IndicatorProgress> Indicators,
    IReadOnlyList<ProgressBar> Lines, IReadOnlyList<ProgressBar> Countries, IReadOnlyList<ProgressBar> WorkingGroups,
    int? TrendIndicatorId, IReadOnlyList<TrendPoint> Trend, IReadOnlyList<PeriodStatus> Reporting);

/// <summary>
/// The dashboard's figures, aggregated in SQL: one query groups the reported values by indicator and period (the
/// regional figure and the trend), one by indicator and country (the sum, and the value of the latest period for
/// cumulative indicators); automatic indicators are counted live and merged in. Only submitted and approved values count.
/// </summary>
public static class IndicatorDashboard
{
    private sealed record CountryRow(int IndicatorId, string Country, double Sum, double? Latest);

    private sealed record TargetRow(int IndicatorId, string? CountryCode, string PeriodCode, decimal Value);

    /// <summary>Everything but the trend, with what the trend of any indicator is drawn from.</summary>
    private sealed record Snapshot(
        IndicatorDashboardData Data, IReadOnlyDictionary<int, (AggregationRule Aggregation, TargetType TargetType)> Rules,
        IReadOnlyDictionary<(int IndicatorId, string Period), (double Sum, double Average, double Positive)> Regional, IReadOnlyList<TargetRow> Targets);

    private sealed record Kept(long Version, DateTime At, Snapshot Snapshot);

    /// <summary>Snapshots by database, visibility and asked plan, kept while <see cref="DataVersion"/> stays the same (and at most <see cref="DataVersion.MaximumAge"/>).</summary>
    private static readonly ConcurrentDictionary<(string? Database, bool ShowsUnpublished, string? Plan), Kept> Cache = new();

    /// <summary>The dashboard of a plan (the first with indicators and a calendar when none is named), with the trend of one indicator.</summary>
    public static async Task<IndicatorDashboardData?> ComputeAsync(this MovilidadDb db, string? planKey, int? trendIndicator, CancellationToken ct)
    {
        var version = DataVersion.Current;
        var now = DateTime.UtcNow;
        var key = (db.Database.GetConnectionString(), db.ShowsUnpublished, planKey);
        if (!Cache.TryGetValue(key, out var kept) || kept.Version != version || now - kept.At > DataVersion.MaximumAge)
        {
            // Only plans that exist are kept, so the cache holds no more entries than there are plans.
            if (await SnapshotAsync(db, planKey, ct) is not { } computed)
            {
                return null;
            }

            kept = new Kept(version, now, computed);
            Cache[key] = kept;
        }

        return WithTrend(kept.Snapshot, trendIndicator);
    }

    private static async Task<Snapshot?> SnapshotAsync(MovilidadDb db, string? planKey, CancellationToken ct)
    {
        var plans = db.Plans.AsNoTracking().Where(p => db.ReportingCalendars.Any(c => c.PlanId == p.Id) && db.Indicators.Any(i => i.PlanId == p.Id));
        var plan = await (planKey is null ? plans.OrderBy(p => p.SortOrder) : plans.Where(p => p.Key == planKey))
            .Select(p => new { p.Id, p.Key, p.Title }).FirstOrDefaultAsync(ct);
        if (plan is null)
        {
            return null;
        }

        var periods = await db.ReportingPeriods.AsNoTracking().Where(p => p.PlanId == plan.Id).OrderBy(p => p.Start).ToListAsync(ct);
        var codes = periods.Select(p => p.Code).ToList();
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.PlanId == plan.Id).OrderBy(i => i.SortOrder).ThenBy(i => i.Code)
            .Select(i => new { i.Id, i.Code, i.Name, i.Type, i.Source, i.UnitCode, i.ElementId, i.WorkingGroupId, i.TargetType, i.Aggregation }).ToListAsync(ct);
        var targets = await db.IndicatorTargets.AsNoTracking().Where(t => db.Indicators.IgnoreQueryFilters().Any(i => i.Id == t.IndicatorId && i.PlanId == plan.Id))
            .Select(t => new { t.IndicatorId, t.CountryCode, t.PeriodCode, t.Value }).ToListAsync(ct);

        // The plan above was found through the visibility filters; below, the filters' nested joins only slow the aggregation down.
        var counted = db.IndicatorValues.AsNoTracking().IgnoreQueryFilters()
            .Where(v => v.Dimension == Disaggregation.All && v.Total != null && v.Report!.Period!.PlanId == plan.Id
                && (v.Report.Status == ReportStatus.Submitted || v.Report.Status == ReportStatus.Approved))
#pragma warning disable CA1305 // Translated to SQL (CAST AS TEXT / ::text): no .NET culture takes part.
            .Select(v => new { v.IndicatorId, v.Report!.CountryCode, v.Report.Period!.Code, Total = (double)v.Total!, Text = v.Total!.Value.ToString() });
#pragma warning restore CA1305
        var byPeriod = await counted.GroupBy(v => new { v.IndicatorId, v.Code })
            .Select(g => new { g.Key.IndicatorId, Period = g.Key.Code, Sum = g.Sum(v => v.Total), Average = g.Average(v => v.Total), Positive = g.Count(v => v.Total > 0) })
            .ToListAsync(ct);

        // One pass per indicator and country: the sum, and the latest period's value as the largest "code|value"
        // (codes of one plan sort by time). A join back to the latest row would scan the values once per group.
        var byCountry = (await counted.GroupBy(v => new { v.IndicatorId, v.CountryCode })
                .Select(g => new { g.Key.IndicatorId, g.Key.CountryCode, Sum = g.Sum(v => v.Total), Latest = g.Max(v => v.Code + "|" + v.Text) })
                .ToListAsync(ct))
            .Select(r => new CountryRow(r.IndicatorId, r.CountryCode, r.Sum, r.Latest is { } latest
                ? double.Parse(latest[(latest.IndexOf('|', StringComparison.Ordinal) + 1)..], System.Globalization.CultureInfo.InvariantCulture) : null))
            .ToList();

        // Automatic indicators: counted live, then treated like reported ones.
        var automatic = await db.AutomaticValuesAsync(plan.Id, periods, null, ct);
        var regional = byPeriod.ToDictionary(r => (r.IndicatorId, r.Period), r => (Sum: r.Sum, Average: r.Average, Positive: (double)r.Positive));
        foreach (var group in automatic.GroupBy(a => (a.Key.Indicator, a.Key.Period)))
        {
            var values = group.Select(g => (double)g.Value).ToList();
            regional[group.Key] = (values.Sum(), values.Average(), (double)values.Count(v => v > 0));
        }

        byCountry.AddRange(automatic.GroupBy(a => (a.Key.Indicator, a.Key.Country)).Select(g =>
            new CountryRow(g.Key.Indicator, g.Key.Country, g.Sum(x => (double)x.Value), (double)g.OrderBy(x => x.Key.Period, StringComparer.Ordinal).Last().Value)));

        var countryRows = byCountry.ToDictionary(r => (r.IndicatorId, r.Country));
        var targetsOf = targets.ToLookup(t => t.IndicatorId);
        var lines = await LinesAsync(db, plan.Id, ct);
        var progress = new List<IndicatorProgress>();
        var perCountry = new List<(string Country, double Capped)>();
        var countryIndicators = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var indicator in indicators)
        {
            double? Regional(string period)
            {
                if (!regional.TryGetValue((indicator.Id, period), out var r))
                {
                    return null;
                }

                return indicator.Aggregation switch
                {
                    AggregationRule.Sum => r.Sum,
                    AggregationRule.Average => r.Average,
                    AggregationRule.CountOfCountries => r.Positive,
                    _ => throw new ArgumentOutOfRangeException(nameof(planKey), indicator.Aggregation, null),
                };
            }

            var series = codes.Select(Regional).ToList();
            double? actual = indicator.TargetType == TargetType.Cumulative
                ? series.LastOrDefault(v => v is not null)
                : series.Any(v => v is not null) ? series.Sum(v => v ?? 0) : null;
            var regionalTargets = targetsOf[indicator.Id].Where(t => t.CountryCode == null).ToList();
            var countryTargets = targetsOf[indicator.Id].Where(t => t.CountryCode != null).ToList();
            double? target = TargetOf(indicator.TargetType, regionalTargets.Select(t => (t.PeriodCode, t.Value)))
                ?? (indicator.Aggregation == AggregationRule.Sum ? SumOfCountries(indicator.TargetType, countryTargets.Select(t => (t.CountryCode!, t.PeriodCode, t.Value))) : null);
            progress.Add(new IndicatorProgress(indicator.Id, indicator.Code, indicator.Name, indicator.Type, indicator.Source, indicator.UnitCode,
                indicator.ElementId is { } element ? lines.GetValueOrDefault(element) : null, indicator.WorkingGroupId, actual, target));

            foreach (var country in countryTargets.GroupBy(t => t.CountryCode!))
            {
                var countryTarget = TargetOf(indicator.TargetType, country.Select(t => (t.PeriodCode, t.Value)));
                var row = countryRows.GetValueOrDefault((indicator.Id, country.Key));
                var countryActual = row is null ? 0 : indicator.TargetType == TargetType.Cumulative ? row.Latest ?? 0 : row.Sum;
                if (countryTarget is > 0)
                {
                    perCountry.Add((country.Key, Math.Min(countryActual / countryTarget.Value, 1)));
                }
            }
        }

        foreach (var row in byCountry)
        {
            countryIndicators[row.Country] = countryIndicators.GetValueOrDefault(row.Country) + 1;
        }

        var lineTitles = await db.PlanElements.AsNoTracking().Where(e => e.PlanId == plan.Id && e.ParentId == null)
            .Select(e => new { e.Id, e.Code, e.Title, e.SortOrder }).ToListAsync(ct);
        var countryNames = await db.Countries.AsNoTracking().Select(c => new { c.Alpha2, c.Name }).ToDictionaryAsync(c => c.Alpha2, c => c.Name, StringComparer.Ordinal, ct);
        var groupNames = await db.Institutions.AsNoTracking().Where(i => progress.Select(p => p.WorkingGroupId).Contains(i.Id)).Select(i => new { i.Id, i.Acronym, i.Name }).ToListAsync(ct);

        var lineBars = progress.Where(p => p.LineId is not null).GroupBy(p => p.LineId!.Value)
            .Select(g => (Line: lineTitles.FirstOrDefault(l => l.Id == g.Key), Items: g.ToList()))
            .Where(x => x.Line is not null)
            .OrderBy(x => x.Line!.SortOrder)
            .Select(x => Bar(x.Line!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Label(x.Line.Code, x.Line.Title), x.Items))
            .ToList();
        var groupBars = progress.Where(p => p.WorkingGroupId is not null).GroupBy(p => p.WorkingGroupId!.Value)
            .Select(g => (Group: groupNames.FirstOrDefault(n => n.Id == g.Key), Items: g.ToList()))
            .Where(x => x.Group is not null)
            .OrderBy(x => x.Group!.Acronym.Es, StringComparer.Ordinal)
            .Select(x => Bar(x.Group!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), new Bilingual($"{x.Group.Acronym.Es} · {x.Group.Name.Es}", $"{x.Group.Acronym.En} · {x.Group.Name.En}"), x.Items))
            .ToList();
        var countryBars = perCountry.GroupBy(c => c.Country).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ProgressBar(g.Key, countryNames.GetValueOrDefault(g.Key) ?? new Bilingual(g.Key, g.Key), g.Average(x => x.Capped), countryIndicators.GetValueOrDefault(g.Key), g.Count()))
            .ToList();

        var statuses = await db.IndicatorReports.AsNoTracking().IgnoreQueryFilters().Where(r => r.Period!.PlanId == plan.Id)
            .GroupBy(r => new { r.PeriodId, r.Status }).Select(g => new { g.Key.PeriodId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var members = countryNames.Count == 0 ? 0 : await db.Institutions.CountAsync(i => i.Kind == Institutions.InstitutionKind.MemberState && i.CountryCode != null, ct);
        var reporting = periods.Select(p =>
        {
            int Count(ReportStatus s) => statuses.Where(x => x.PeriodId == p.Id && x.Status == s).Sum(x => x.Count);
            return new PeriodStatus(p.Code, p.LockedAt is not null, Count(ReportStatus.Submitted), Count(ReportStatus.Approved), Count(ReportStatus.Returned), Count(ReportStatus.Draft), members);
        }).ToList();

        var rules = indicators.ToDictionary(i => i.Id, i => (i.Aggregation, i.TargetType));
        var targetRows = targets.Select(t => new TargetRow(t.IndicatorId, t.CountryCode, t.PeriodCode, t.Value)).ToList();
        return new Snapshot(new IndicatorDashboardData(plan.Key, plan.Title, codes, progress, lineBars, countryBars, groupBars, null, [], reporting), rules, regional, targetRows);
    }

    /// <summary>The trend of the asked indicator (or of the first with a value) over the plan's periods, from a computed snapshot.</summary>
    private static IndicatorDashboardData WithTrend(Snapshot snapshot, int? trendIndicator)
    {
        var (data, rules, regional, targets) = snapshot;
        var codes = data.Periods;
        var progress = data.Indicators;
        var trendId = trendIndicator is { } wanted && rules.ContainsKey(wanted)
            ? wanted
            : progress.FirstOrDefault(p => p.Actual is not null)?.Id ?? (progress.Count > 0 ? progress[0].Id : null);
        var trend = new List<TrendPoint>();
        if (trendId is { } id)
        {
            var (aggregation, targetType) = rules[id];
            var running = 0.0;
            foreach (var code in codes)
            {
                var value = regional.TryGetValue((id, code), out var r)
                    ? aggregation switch { AggregationRule.Sum => r.Sum, AggregationRule.Average => r.Average, _ => r.Positive }
                    : (double?)null;
                var periodTargets = targets.Where(t => t.IndicatorId == id && t.PeriodCode == code).ToList();
                double? target = periodTargets.FirstOrDefault(t => t.CountryCode == null) is { } regionalTarget ? (double)regionalTarget.Value
                    : periodTargets.Count > 0 && aggregation == AggregationRule.Sum ? (double)periodTargets.Sum(t => t.Value) : null;
                if (targetType == TargetType.Incremental && value is { } v)
                {
                    // An incremental indicator's trend shows what has been reached so far.
                    running += v;
                    value = running;
                }

                trend.Add(new TrendPoint(code, value, target));
            }
        }

        return data with { TrendIndicatorId = trendId, Trend = trend };
    }

    private static Bilingual Label(string? code, Bilingual title) =>
        code is null ? title : new Bilingual($"{code} {title.Es}", $"{code} {title.En}");

    private static ProgressBar Bar(string key, Bilingual label, List<IndicatorProgress> items)
    {
        var measured = items.Where(i => i.Target is > 0).ToList();
        return new ProgressBar(key, label, measured.Count == 0 ? null : measured.Average(i => Math.Min(i.Ratio ?? 0, 1)), items.Count, measured.Count);
    }

    /// <summary>Incremental targets add up over the periods; a cumulative one is the target of its latest period.</summary>
    private static double? TargetOf(TargetType type, IEnumerable<(string Period, decimal Value)> targets)
    {
        var list = targets.OrderBy(t => t.Period, StringComparer.Ordinal).ToList();
        return list.Count == 0 ? null : type == TargetType.Cumulative ? (double)list[^1].Value : (double)list.Sum(t => t.Value);
    }

    private static double? SumOfCountries(TargetType type, IEnumerable<(string Country, string Period, decimal Value)> targets)
    {
        var perCountry = targets.GroupBy(t => t.Country).Select(g => TargetOf(type, g.Select(t => (t.Period, t.Value)))).ToList();
        return perCountry.Count == 0 ? null : perCountry.Sum();
    }

    /// <summary>Each element of the plan mapped to its top-level ancestor (the plan's line, pillar or chapter).</summary>
    private static async Task<Dictionary<int, int>> LinesAsync(MovilidadDb db, int planId, CancellationToken ct)
    {
        var parents = await db.PlanElements.AsNoTracking().Where(e => e.PlanId == planId).Select(e => new { e.Id, e.ParentId }).ToDictionaryAsync(e => e.Id, e => e.ParentId, ct);
        var lines = new Dictionary<int, int>();
        foreach (var id in parents.Keys)
        {
            var top = id;
            while (parents.GetValueOrDefault(top) is { } parent && parents.ContainsKey(parent))
            {
                top = parent;
            }

            lines[id] = top;
        }

        return lines;
    }
}
