using System.Collections.Concurrent;
using System.Globalization;
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
/// The dashboard's figures, from the counted values (submitted and approved) summed per indicator and period and per
/// indicator and country, which <see cref="IndicatorTotals"/> keeps as reports change status. The reduction to one
/// figure per indicator (sum over the periods, or the latest period for cumulative indicators), the targets and the
/// countries' progress are computed in SQL, so a plan of 20,000 indicators reads about 20,000 rows; automatic
/// indicators are counted live and merged in. An indicator's trend is read when first asked for and kept with the rest.
/// </summary>
public static class IndicatorDashboard
{
    /// <summary>The counted values of a plan, as each indicator's aggregation rule makes a regional figure of each period.</summary>
    private const string RegionalValues = """
        SELECT t."IndicatorId", p."Start", p."Code",
            CASE i."Aggregation" WHEN 'Average' THEN t."Sum" / t."Count" WHEN 'CountOfCountries' THEN CAST(t."Positive" AS DOUBLE PRECISION) ELSE t."Sum" END AS "Value"
        FROM "IndicatorPeriodTotals" t JOIN "ReportingPeriods" p ON p."Id" = t."PeriodId" JOIN "Indicators" i ON i."Id" = t."IndicatorId"
        WHERE p."PlanId" = {0}
        """;

    /// <summary>
    /// Per indicator, for each aggregation rule (the sum of the countries' values, their average, the number of
    /// countries above zero): the sum of its regional figures over the periods and the figure of the latest period.
    /// The rule is applied afterwards, so no row needs its indicator.
    /// </summary>
    private const string ActualsSql = """
        SELECT x."IndicatorId", SUM(x."Sum") AS "Sums", SUM(x."Average") AS "Averages", SUM(x."Positive") AS "Positives",
            MAX(CASE WHEN x."Rank" = 1 THEN x."Sum" END) AS "LatestSum", MAX(CASE WHEN x."Rank" = 1 THEN x."Average" END) AS "LatestAverage",
            MAX(CASE WHEN x."Rank" = 1 THEN x."Positive" END) AS "LatestPositive"
        FROM (SELECT t."IndicatorId", t."Sum", t."Sum" / t."Count" AS "Average", CAST(t."Positive" AS DOUBLE PRECISION) AS "Positive",
                ROW_NUMBER() OVER (PARTITION BY t."IndicatorId" ORDER BY p."Start" DESC) AS "Rank"
            FROM "IndicatorPeriodTotals" t JOIN "ReportingPeriods" p ON p."Id" = t."PeriodId" WHERE p."PlanId" = {0}) x
        GROUP BY x."IndicatorId"
        """;

    /// <summary>
    /// The target of each indicator (of those a condition on <c>i</c> keeps) for the region (no country) and for each
    /// country: incremental targets add up over the periods, a cumulative one is the target of its latest period; with
    /// the country's actual (sum, and latest value). The country totals are joined by an expression (<c>+ 0</c>) so
    /// that PostgreSQL reads them once, sorted or hashed, instead of probing their key 220,000 times at stress size.
    /// </summary>
    private static string Targets(string indicators) => $$"""
        WITH g AS (
            SELECT y."IndicatorId", y."CountryCode", y."TargetType", y."Source", SUM(y."Value") AS "Sum", MAX(CASE WHEN y."Rank" = 1 THEN y."Value" END) AS "Latest",
                MAX(y."ActualSum") AS "ActualSum", MAX(y."ActualLatest") AS "ActualLatest"
            FROM (SELECT t."IndicatorId", t."CountryCode", i."TargetType", i."Source", CAST(t."Value" AS DOUBLE PRECISION) AS "Value",
                    ROW_NUMBER() OVER (PARTITION BY t."IndicatorId", t."CountryCode" ORDER BY t."PeriodCode" DESC) AS "Rank",
                    COALESCE(c."Sum", 0) AS "ActualSum", COALESCE(c."Latest", 0) AS "ActualLatest"
                FROM "IndicatorTargets" t JOIN "Indicators" i ON i."Id" = t."IndicatorId"
                    LEFT JOIN "IndicatorCountryTotals" c ON c."IndicatorId" + 0 = t."IndicatorId" AND c."CountryCode" = t."CountryCode"
                WHERE i."PlanId" = {0} AND {{indicators}}) y
            GROUP BY y."IndicatorId", y."CountryCode", y."TargetType", y."Source"),
        v AS (SELECT g."IndicatorId", g."CountryCode", g."TargetType", g."Source", CASE WHEN g."TargetType" = 'Cumulative' THEN g."Latest" ELSE g."Sum" END AS "Target",
            CASE WHEN g."TargetType" = 'Cumulative' THEN g."ActualLatest" ELSE g."ActualSum" END AS "Actual" FROM g)
        """;

    /// <summary>
    /// In one pass over the targets: per indicator (no country), its regional target if it has one and the sum of its
    /// countries' targets; per country (indicator 0), over the reported indicators with a target there, the sum of their
    /// progress (actual over target, at most 1; the actual is the sum over the periods, or the latest value for
    /// cumulative indicators) and their number.
    /// </summary>
    private static readonly string TargetsSql = Targets("1 = 1") + """
        SELECT v."IndicatorId", NULL AS "CountryCode", MAX(CASE WHEN v."CountryCode" IS NULL THEN v."Target" END) AS "Value",
            COUNT(CASE WHEN v."CountryCode" IS NULL THEN 1 END) AS "Count", SUM(CASE WHEN v."CountryCode" IS NOT NULL THEN v."Target" END) AS "Countries"
        FROM v GROUP BY v."IndicatorId"
        UNION ALL
        SELECT 0, v."CountryCode", SUM(CASE WHEN v."Actual" / v."Target" > 1 THEN 1.0 ELSE v."Actual" / v."Target" END), COUNT(*), NULL
        FROM v
        WHERE v."CountryCode" IS NOT NULL AND v."Target" > 0 AND v."Source" = 'Reported'
        GROUP BY v."CountryCode"
        """;

    /// <summary>The targets of the automatic indicators, per country (whose actuals are counted live).</summary>
    private static readonly string AutomaticTargetsSql = Targets("""i."Source" <> 'Reported'""") + """SELECT v."IndicatorId", v."CountryCode", v."TargetType", v."Target" FROM v""";

    /// <summary>A row of <see cref="ActualsSql"/>.</summary>
    private sealed class ReductionRow
    {
        public int IndicatorId { get; set; }
        public double? Sums { get; set; }
        public double? Averages { get; set; }
        public double? Positives { get; set; }
        public double? LatestSum { get; set; }
        public double? LatestAverage { get; set; }
        public double? LatestPositive { get; set; }
    }

    /// <summary>An indicator's regional figures summed over the periods, and that of its latest period.</summary>
    private sealed record ActualRow(double? Total, double? Latest);

    /// <summary>A row of <see cref="TargetsSql"/>: an indicator's targets, or (indicator 0) a country's progress.</summary>
    private sealed class TargetRow
    {
        public int IndicatorId { get; set; }
        public string? CountryCode { get; set; }

        /// <summary>The regional target, or the sum of the country's capped progress.</summary>
        public double? Value { get; set; }

        /// <summary>How many regional targets (0 or 1), or how many indicators have a target in the country.</summary>
        public long Count { get; set; }
        public double? Countries { get; set; }
    }

    private sealed class CountryTargetRow
    {
        public int IndicatorId { get; set; }
        public string? CountryCode { get; set; }
        public string TargetType { get; set; } = string.Empty;
        public double? Target { get; set; }
    }

    /// <summary>Everything but the trend, with what the trend of any indicator is drawn from, and the trends drawn so far.</summary>
    private sealed record Snapshot(
        IndicatorDashboardData Data, int PlanId, IReadOnlyDictionary<int, (AggregationRule Aggregation, TargetType TargetType)> Rules,
        IReadOnlyDictionary<(int Indicator, string Country, string Period), decimal> Automatic, ConcurrentDictionary<int, IReadOnlyList<TrendPoint>> Trends);

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

        return await WithTrendAsync(db, kept.Snapshot, trendIndicator, ct);
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

        // The plan above was found through the visibility filters; the queries below read its rows by id.
        var aggregations = indicators.ToDictionary(i => i.Id, i => i.Aggregation);
        var actuals = (await db.Database.SqlQueryRaw<ReductionRow>(ActualsSql, plan.Id).ToListAsync(ct))
            .Where(r => aggregations.ContainsKey(r.IndicatorId))
            .ToDictionary(r => r.IndicatorId, r => aggregations[r.IndicatorId] switch
            {
                AggregationRule.Sum => new ActualRow(r.Sums, r.LatestSum),
                AggregationRule.Average => new ActualRow(r.Averages, r.LatestAverage),
                _ => new ActualRow(r.Positives, r.LatestPositive),
            });
        var targetRows = await db.Database.SqlQueryRaw<TargetRow>(TargetsSql, plan.Id).ToListAsync(ct);
        var targets = targetRows.Where(t => t.CountryCode is null).ToDictionary(t => t.IndicatorId);
        var countryIndicators = await db.IndicatorCountryTotals.AsNoTracking().Where(t => db.Indicators.IgnoreQueryFilters().Any(i => i.Id == t.IndicatorId && i.PlanId == plan.Id))
            .GroupBy(t => t.CountryCode).Select(g => new { Country = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Country, g => g.Count, StringComparer.Ordinal, ct);

        // Automatic indicators: counted live, then treated like reported ones; their period figures override reported ones.
        var automatic = await db.AutomaticValuesAsync(plan.Id, periods, null, ct);
        var automaticIds = indicators.Where(i => i.Source != IndicatorSource.Reported).Select(i => i.Id).ToList();
        var perCountry = targetRows.Where(t => t.CountryCode is not null).Select(c => (Country: c.CountryCode!, Capped: c.Value ?? 0, Count: (int)c.Count)).ToList();
        if (automaticIds.Count > 0)
        {
            var reported = (await db.Database.SqlQueryRaw<RegionalRow>(RegionalValues, plan.Id).Where(r => automaticIds.Contains(r.IndicatorId)).ToListAsync(ct))
                .ToDictionary(r => (r.IndicatorId, r.Code), r => r.Value);
            foreach (var group in automatic.GroupBy(a => (a.Key.Indicator, a.Key.Period)))
            {
                var values = group.Select(g => (double)g.Value).ToList();
                reported[group.Key] = aggregations[group.Key.Indicator] switch { AggregationRule.Sum => values.Sum(), AggregationRule.Average => values.Average(), _ => values.Count(v => v > 0) };
            }

            foreach (var id in automaticIds)
            {
                var series = codes.Where(c => reported.ContainsKey((id, c))).Select(c => reported[(id, c)]).ToList();
                actuals[id] = new ActualRow(series.Count > 0 ? series.Sum() : null, series.Count > 0 ? series[^1] : null);
            }

            var countryActuals = automatic.GroupBy(a => (a.Key.Indicator, a.Key.Country))
                .ToDictionary(g => g.Key, g => (Sum: g.Sum(x => (double)x.Value), Latest: (double)g.OrderBy(x => x.Key.Period, StringComparer.Ordinal).Last().Value));
            foreach (var country in countryActuals.Keys.Select(k => k.Country))
            {
                countryIndicators[country] = countryIndicators.GetValueOrDefault(country) + 1;
            }

            var automaticTargets = await db.Database.SqlQueryRaw<CountryTargetRow>(AutomaticTargetsSql, plan.Id)
                .ToListAsync(ct);
            foreach (var target in automaticTargets.Where(t => t.CountryCode is not null && t.Target is > 0))
            {
                var row = countryActuals.GetValueOrDefault((target.IndicatorId, target.CountryCode!));
                var actual = target.TargetType == nameof(TargetType.Cumulative) ? row.Latest : row.Sum;
                perCountry.Add((target.CountryCode!, Math.Min(actual / target.Target!.Value, 1), 1));
            }

            foreach (var target in automaticTargets.GroupBy(t => t.IndicatorId))
            {
                targets[target.Key] = new TargetRow
                {
                    IndicatorId = target.Key, Value = target.FirstOrDefault(t => t.CountryCode is null)?.Target, Count = target.Count(t => t.CountryCode is null),
                    Countries = target.Any(t => t.CountryCode is not null) ? target.Where(t => t.CountryCode is not null).Sum(t => t.Target) : null,
                };
            }
        }

        var lines = await LinesAsync(db, plan.Id, ct);
        var progress = indicators.Select(i =>
        {
            var actual = actuals.GetValueOrDefault(i.Id) is { } a ? i.TargetType == TargetType.Cumulative ? a.Latest : a.Total : null;
            var target = targets.GetValueOrDefault(i.Id) is { } t ? t.Count > 0 ? t.Value : i.Aggregation == AggregationRule.Sum ? t.Countries : null : null;
            return new IndicatorProgress(i.Id, i.Code, i.Name, i.Type, i.Source, i.UnitCode, i.ElementId is { } element ? lines.GetValueOrDefault(element) : null, i.WorkingGroupId, actual, target);
        }).ToList();

        var lineTitles = await db.PlanElements.AsNoTracking().Where(e => e.PlanId == plan.Id && e.ParentId == null)
            .Select(e => new { e.Id, e.Code, e.Title, e.SortOrder }).ToListAsync(ct);
        var countryNames = await db.Countries.AsNoTracking().Select(c => new { c.Alpha2, c.Name }).ToDictionaryAsync(c => c.Alpha2, c => c.Name, StringComparer.Ordinal, ct);
        var groupIds = progress.Where(p => p.WorkingGroupId is not null).Select(p => p.WorkingGroupId!.Value).Distinct().ToList();
        var groupNames = await db.Institutions.AsNoTracking().Where(i => groupIds.Contains(i.Id)).Select(i => new { i.Id, i.Acronym, i.Name }).ToListAsync(ct);

        var lineBars = progress.Where(p => p.LineId is not null).GroupBy(p => p.LineId!.Value)
            .Select(g => (Line: lineTitles.FirstOrDefault(l => l.Id == g.Key), Items: g.ToList()))
            .Where(x => x.Line is not null)
            .OrderBy(x => x.Line!.SortOrder)
            .Select(x => Bar(x.Line!.Id.ToString(CultureInfo.InvariantCulture), Label(x.Line.Code, x.Line.Title), x.Items))
            .ToList();
        var groupBars = progress.Where(p => p.WorkingGroupId is not null).GroupBy(p => p.WorkingGroupId!.Value)
            .Select(g => (Group: groupNames.FirstOrDefault(n => n.Id == g.Key), Items: g.ToList()))
            .Where(x => x.Group is not null)
            .OrderBy(x => x.Group!.Acronym.Es, StringComparer.Ordinal)
            .Select(x => Bar(x.Group!.Id.ToString(CultureInfo.InvariantCulture), new Bilingual($"{x.Group.Acronym.Es} · {x.Group.Name.Es}", $"{x.Group.Acronym.En} · {x.Group.Name.En}"), x.Items))
            .ToList();
        var countryBars = perCountry.GroupBy(c => c.Country).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ProgressBar(g.Key, countryNames.GetValueOrDefault(g.Key) ?? new Bilingual(g.Key, g.Key), g.Sum(x => x.Capped) / g.Sum(x => x.Count),
                countryIndicators.GetValueOrDefault(g.Key), g.Sum(x => x.Count)))
            .ToList();

        var statuses = await db.IndicatorReports.AsNoTracking().IgnoreQueryFilters().Where(r => r.Period!.PlanId == plan.Id)
            .GroupBy(r => new { r.PeriodId, r.Status }).Select(g => new { g.Key.PeriodId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var members = countryNames.Count == 0 ? 0 : await db.Institutions.CountAsync(i => i.Kind == Institutions.InstitutionKind.MemberState && i.CountryCode != null, ct);
        var reporting = periods.Select(p =>
        {
            int Count(ReportStatus s) => statuses.Where(x => x.PeriodId == p.Id && x.Status == s).Sum(x => x.Count);
            return new PeriodStatus(p.Code, p.LockedAt is not null, Count(ReportStatus.Submitted), Count(ReportStatus.Approved), Count(ReportStatus.Returned), Count(ReportStatus.Draft), members);
        }).ToList();

        return new Snapshot(new IndicatorDashboardData(plan.Key, plan.Title, codes, progress, lineBars, countryBars, groupBars, null, [], reporting), plan.Id,
            indicators.ToDictionary(i => i.Id, i => (i.Aggregation, i.TargetType)), automatic, new ConcurrentDictionary<int, IReadOnlyList<TrendPoint>>());
    }

    private sealed class RegionalRow
    {
        public int IndicatorId { get; set; }
        public DateOnly Start { get; set; }
        public string Code { get; set; } = string.Empty;
        public double Value { get; set; }
    }

    /// <summary>The trend of the asked indicator (or of the first with a value) over the plan's periods: read once per snapshot, then kept with it.</summary>
    private static async Task<IndicatorDashboardData> WithTrendAsync(MovilidadDb db, Snapshot snapshot, int? trendIndicator, CancellationToken ct)
    {
        var (data, planId, rules, automatic, trends) = snapshot;
        var progress = data.Indicators;
        var trendId = trendIndicator is { } wanted && rules.ContainsKey(wanted)
            ? wanted
            : progress.FirstOrDefault(p => p.Actual is not null)?.Id ?? (progress.Count > 0 ? progress[0].Id : null);
        if (trendId is not { } id)
        {
            return data;
        }

        if (!trends.TryGetValue(id, out var trend))
        {
            trend = await TrendAsync(db, planId, id, data.Periods, rules[id], automatic, ct);
            trends[id] = trend;
        }

        return data with { TrendIndicatorId = id, Trend = trend };
    }

    private static async Task<IReadOnlyList<TrendPoint>> TrendAsync(
        MovilidadDb db, int planId, int id, IReadOnlyList<string> codes, (AggregationRule Aggregation, TargetType TargetType) rule,
        IReadOnlyDictionary<(int Indicator, string Country, string Period), decimal> automatic, CancellationToken ct)
    {
        var (aggregation, targetType) = rule;
        var periods = db.ReportingPeriods.AsNoTracking().IgnoreQueryFilters().Where(p => p.PlanId == planId);
        var regional = (await db.IndicatorPeriodTotals.AsNoTracking().Where(t => t.IndicatorId == id)
                .Join(periods, t => t.PeriodId, p => p.Id, (t, p) => new { p.Code, t.Sum, t.Count, t.Positive }).ToListAsync(ct))
            .ToDictionary(r => r.Code, r => aggregation switch { AggregationRule.Sum => r.Sum, AggregationRule.Average => r.Sum / r.Count, _ => (double)r.Positive });
        foreach (var group in automatic.Where(a => a.Key.Indicator == id).GroupBy(a => a.Key.Period))
        {
            var values = group.Select(g => (double)g.Value).ToList();
            regional[group.Key] = aggregation switch { AggregationRule.Sum => values.Sum(), AggregationRule.Average => values.Average(), _ => values.Count(v => v > 0) };
        }

        var targets = await db.IndicatorTargets.AsNoTracking().Where(t => t.IndicatorId == id).Select(t => new { t.CountryCode, t.PeriodCode, t.Value }).ToListAsync(ct);
        var trend = new List<TrendPoint>();
        var running = 0.0;
        foreach (var code in codes)
        {
            double? value = regional.TryGetValue(code, out var v) ? v : null;
            var periodTargets = targets.Where(t => t.PeriodCode == code).ToList();
            double? target = periodTargets.FirstOrDefault(t => t.CountryCode == null) is { } regionalTarget ? (double)regionalTarget.Value
                : periodTargets.Count > 0 && aggregation == AggregationRule.Sum ? (double)periodTargets.Sum(t => t.Value) : null;
            if (targetType == TargetType.Incremental && value is { } reached)
            {
                // An incremental indicator's trend shows what has been reached so far.
                running += reached;
                value = running;
            }

            trend.Add(new TrendPoint(code, value, target));
        }

        return trend;
    }

    private static Bilingual Label(string? code, Bilingual title) =>
        code is null ? title : new Bilingual($"{code} {title.Es}", $"{code} {title.En}");

    private static ProgressBar Bar(string key, Bilingual label, List<IndicatorProgress> items)
    {
        var measured = items.Where(i => i.Target is > 0).ToList();
        return new ProgressBar(key, label, measured.Count == 0 ? null : measured.Average(i => Math.Min(i.Ratio ?? 0, 1)), items.Count, measured.Count);
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
