using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Movilidad.Platform.Plans;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Indicators;

using Movilidad.Platform.Institutions;
using Movilidad.Web.Infrastructure.Web;

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
/// countries' progress are reduced in one pass over those rows and the targets, read plainly (no entities): a plan of
/// 20,000 indicators reads three times a few hundred thousand narrow rows, which SQL sorting and windows did slower; automatic
/// indicators are counted live and merged in. An indicator's trend is read when first asked for and kept with the rest.
/// The figures are kept per database, visibility and asked plan in the host's <see cref="ContentCache"/>, until the
/// content changes (on this node, another node or by the command line) or for at most <see cref="DataVersion.MaximumAge"/>.
/// Other features read it through <see cref="ProgressAsync"/>, the public query of indicators' progress.
/// </summary>
public sealed class IndicatorDashboard(ContentCache cache)
{
    /// <summary>The counted values of the plan summed per indicator and period (for the regional figures).</summary>
    private const string PeriodTotalsSql = """
        SELECT t."IndicatorId", t."PeriodId", t."Sum", t."Count", t."Positive"
        FROM "IndicatorPeriodTotals" t JOIN "ReportingPeriods" p ON p."Id" = t."PeriodId" WHERE p."PlanId" = @plan
        """;

    /// <summary>The counted values of the plan summed per indicator and country, with the latest period's value.</summary>
    private const string CountryTotalsSql = """
        SELECT c."IndicatorId", c."CountryCode", c."Sum", c."Latest"
        FROM "IndicatorCountryTotals" c JOIN "Indicators" i ON i."Id" = c."IndicatorId" WHERE i."PlanId" = @plan
        """;

    /// <summary>The approved values of the plan (what the public sees), joined to their report and period.</summary>
    private const string Approved = """
        FROM "IndicatorValues" v JOIN "IndicatorReports" r ON r."Id" = v."ReportId" JOIN "ReportingPeriods" p ON p."Id" = r."PeriodId"
        WHERE v."Dimension" = '' AND v."Total" IS NOT NULL AND r."Status" = 'Approved' AND p."PlanId" = @plan
        """;

    /// <summary>The approved values of the plan summed per indicator and period, as <see cref="PeriodTotalsSql"/> reads the counted ones.</summary>
    private const string ApprovedPeriodTotalsSql = $"""
        SELECT v."IndicatorId", r."PeriodId", SUM(CAST(v."Total" AS DOUBLE PRECISION)), CAST(COUNT(*) AS INTEGER),
            CAST(SUM(CASE WHEN CAST(v."Total" AS DOUBLE PRECISION) > 0 THEN 1 ELSE 0 END) AS INTEGER)
        {Approved}
        GROUP BY v."IndicatorId", r."PeriodId"
        """;

    /// <summary>The approved values of the plan one by one with their country and period, which are reduced here to each country's sum and latest value.</summary>
    private const string ApprovedCountryValuesSql = $"""
        SELECT v."IndicatorId", r."CountryCode", p."Code", CAST(v."Total" AS DOUBLE PRECISION)
        {Approved}
        """;

    /// <summary>The targets of the plan's indicators, for the region (no country) and per country.</summary>
    private const string TargetsSql = """
        SELECT t."IndicatorId", t."CountryCode", t."PeriodCode", CAST(t."Value" AS DOUBLE PRECISION)
        FROM "IndicatorTargets" t JOIN "Indicators" i ON i."Id" = t."IndicatorId" WHERE i."PlanId" = @plan
        """;

    /// <summary>An indicator's regional figures summed over the periods, and that of its latest period.</summary>
    private sealed record ActualRow(double? Total, double? Latest);

    /// <summary>An indicator's targets: the regional one (when it has one) and the sum of its countries' targets (null when none).</summary>
    private sealed record IndicatorTargets(double? Regional, double? Countries);

    /// <summary>Targets of one indicator in one place (country, or "" for the region): incremental ones add up over the periods, a cumulative one is its latest period's.</summary>
    private struct TargetSpan
    {
        public double Sum;
        public string LatestPeriod;
        public double Latest;

        public readonly double Of(TargetType type) => type == TargetType.Cumulative ? Latest : Sum;
    }

    /// <summary>Everything but the trend, with what the trend of any indicator is drawn from, and the trends drawn so far.</summary>
    private sealed record Snapshot(
        IndicatorDashboardData Data, int PlanId, IReadOnlyDictionary<int, (AggregationRule Aggregation, TargetType TargetType)> Rules,
        IReadOnlyDictionary<(int Indicator, string Country, string Period), decimal> Automatic, ConcurrentDictionary<int, IReadOnlyList<TrendPoint>> Trends);

    private sealed record Key(string? Database, string Visibility, bool ApprovedOnly, string? Plan);

    /// <summary>
    /// The dashboard of a plan (the first with indicators and a calendar when none is named), with the trend of one
    /// indicator. Those who work on the plans see the counted values (submitted and approved); the public
    /// (<paramref name="approvedOnly"/>) sees the approved values alone, as the open data publishes them.
    /// </summary>
    public async Task<IndicatorDashboardData?> ComputeAsync(MovilidadDb db, string? planKey, int? trendIndicator, bool approvedOnly, CancellationToken ct)
    {
        // Only plans that exist are kept, so the cache holds no more entries than there are plans.
        var snapshot = await cache.GetOrComputeAsync(new Key(db.Database.GetConnectionString(), db.Visibility, approvedOnly, planKey), () => SnapshotAsync(db, planKey, approvedOnly, ct), ct);
        return snapshot is null ? null : await WithTrendAsync(db, snapshot, trendIndicator, approvedOnly, ct);
    }

    /// <summary>
    /// The figures as the API sends them (UTF-8 JSON in the host's options), serialised once per plan, visibility and trend
    /// indicator and kept until the content changes; the figures are read again inside, after the cache has taken its
    /// change token, so a change made meanwhile is never kept (a key the fresh figures do not fit is answered unkept).
    /// </summary>
    public async Task<byte[]?> JsonAsync(MovilidadDb db, string? planKey, int? trendIndicator, bool approvedOnly, JsonSerializerOptions json, CancellationToken ct)
    {
        if (await ComputeAsync(db, planKey, trendIndicator, approvedOnly, ct) is not { } data)
        {
            return null;
        }

        var key = new JsonKey(db.Database.GetConnectionString(), db.Visibility, approvedOnly, data.PlanKey, data.TrendIndicatorId);
        return await cache.GetOrComputeAsync(key, async () =>
                await ComputeAsync(db, data.PlanKey, data.TrendIndicatorId, approvedOnly, ct) is { } fresh && fresh.TrendIndicatorId == data.TrendIndicatorId
                    ? JsonSerializer.SerializeToUtf8Bytes(fresh, json)
                    : null, ct)
            ?? JsonSerializer.SerializeToUtf8Bytes(data, json);
    }

    private sealed record JsonKey(string? Database, string Visibility, bool ApprovedOnly, string Plan, int? TrendIndicator);

    /// <summary>
    /// The public query other features use: the progress of the given indicators (those the reader sees), as the dashboard
    /// of each one's plan computes it.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, IndicatorProgress>> ProgressAsync(MovilidadDb db, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var plans = await db.Indicators.AsNoTracking().Where(i => ids.Contains(i.Id)).Select(i => i.Plan!.Key).Distinct().ToListAsync(ct);
        var progress = new Dictionary<int, IndicatorProgress>();
        foreach (var plan in plans)
        {
            foreach (var p in (await ComputeAsync(db, plan, null, approvedOnly: false, ct))?.Indicators.Where(p => ids.Contains(p.Id)) ?? [])
            {
                progress[p.Id] = p;
            }
        }

        return progress;
    }

    private static async Task<Snapshot?> SnapshotAsync(MovilidadDb db, string? planKey, bool approvedOnly, CancellationToken ct)
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
        var rules = indicators.ToDictionary(i => i.Id, i => (i.Aggregation, i.TargetType, i.Source));
        var automaticIds = indicators.Where(i => i.Source != IndicatorSource.Reported).Select(i => i.Id).ToList();
        var (actuals, reported) = await ActualsAsync(db, plan.Id, periods, rules, approvedOnly, automaticIds.ToHashSet(), ct);
        var countryTotals = await CountryTotalsAsync(db, plan.Id, approvedOnly, ct);
        var countryIndicators = countryTotals.Keys.GroupBy(k => k.Country, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var spans = await TargetSpansAsync(db, plan.Id, ct);

        // Automatic indicators: counted live, then treated like reported ones; their period figures override reported ones.
        var automatic = await db.AutomaticValuesAsync(plan.Id, periods, null, ct);
        if (automaticIds.Count > 0)
        {
            foreach (var group in automatic.GroupBy(a => (a.Key.Indicator, a.Key.Period)))
            {
                var values = group.Select(g => (double)g.Value).ToList();
                reported[group.Key] = rules[group.Key.Indicator].Aggregation switch { AggregationRule.Sum => values.Sum(), AggregationRule.Average => values.Average(), _ => values.Count(v => v > 0) };
            }

            foreach (var id in automaticIds)
            {
                var series = codes.Where(c => reported.ContainsKey((id, c))).Select(c => reported[(id, c)]).ToList();
                actuals[id] = new ActualRow(series.Count > 0 ? series.Sum() : null, series.Count > 0 ? series[^1] : null);
            }

            foreach (var group in automatic.GroupBy(a => (a.Key.Indicator, a.Key.Country)))
            {
                countryTotals[group.Key] = (group.Sum(x => (double)x.Value), (double)group.OrderBy(x => x.Key.Period, StringComparer.Ordinal).Last().Value);
                countryIndicators[group.Key.Country] = countryIndicators.GetValueOrDefault(group.Key.Country) + 1;
            }
        }

        // Each indicator's targets, and each country's progress: over the indicators with a target there, the mean of
        // their actual over target (at most 1; the actual is the sum over the periods, or the latest value for cumulative ones).
        var targets = new Dictionary<int, IndicatorTargets>();
        var perCountry = new Dictionary<string, (double Capped, int Count)>(StringComparer.Ordinal);
        foreach (var ((id, place), span) in spans)
        {
            if (!rules.TryGetValue(id, out var rule))
            {
                continue;
            }

            var target = span.Of(rule.TargetType);
            var known = targets.GetValueOrDefault(id) ?? new IndicatorTargets(null, null);
            if (place.Length == 0)
            {
                targets[id] = known with { Regional = target };
                continue;
            }

            targets[id] = known with { Countries = (known.Countries ?? 0) + target };
            if (target > 0)
            {
                var total = countryTotals.GetValueOrDefault((id, place));
                var actual = rule.TargetType == TargetType.Cumulative ? total.Latest : total.Sum;
                var sofar = perCountry.GetValueOrDefault(place);
                perCountry[place] = (sofar.Capped + Math.Min(actual / target, 1), sofar.Count + 1);
            }
        }

        var lines = await LinesAsync(db, plan.Id, ct);
        var progress = indicators.Select(i =>
        {
            var actual = actuals.GetValueOrDefault(i.Id) is { } a ? i.TargetType == TargetType.Cumulative ? a.Latest : a.Total : null;
            var target = targets.GetValueOrDefault(i.Id) is { } t ? t.Regional ?? (i.Aggregation == AggregationRule.Sum ? t.Countries : null) : null;
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
        var countryBars = perCountry.OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new ProgressBar(c.Key, countryNames.GetValueOrDefault(c.Key) ?? new Bilingual(c.Key, c.Key), c.Value.Capped / c.Value.Count,
                countryIndicators.GetValueOrDefault(c.Key), c.Value.Count))
            .ToList();

        var statuses = await db.IndicatorReports.AsNoTracking().IgnoreQueryFilters().Where(r => r.Period!.PlanId == plan.Id)
            .GroupBy(r => new { r.PeriodId, r.Status }).Select(g => new { g.Key.PeriodId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var members = countryNames.Count == 0 ? 0 : await db.Institutions.CountAsync(i => i.Kind == InstitutionKind.MemberState && i.CountryCode != null, ct);
        // The public sees no work in progress: how many reports are drafts, submitted or returned is for those who work on the plans.
        var reporting = approvedOnly ? new List<PeriodStatus>() : periods.Select(p =>
        {
            int Count(ReportStatus s) => statuses.Where(x => x.PeriodId == p.Id && x.Status == s).Sum(x => x.Count);
            return new PeriodStatus(p.Code, p.LockedAt is not null, Count(ReportStatus.Submitted), Count(ReportStatus.Approved), Count(ReportStatus.Returned), Count(ReportStatus.Draft), members);
        }).ToList();

        return new Snapshot(new IndicatorDashboardData(plan.Key, plan.Title, codes, progress, lineBars, countryBars, groupBars, null, [], reporting), plan.Id,
            rules.ToDictionary(r => r.Key, r => (r.Value.Aggregation, r.Value.TargetType)), automatic, new ConcurrentDictionary<int, IReadOnlyList<TrendPoint>>());
    }

    /// <summary>
    /// Each indicator's regional figures reduced over the periods: per period, the countries' values make one figure by
    /// the indicator's aggregation rule (sum, average, count of countries above zero); those add up over the periods,
    /// and the latest period's figure is kept for cumulative indicators. The figures of each period are also answered
    /// for the <paramref name="kept"/> indicators (the automatic ones, whose live counts replace some of them).
    /// </summary>
    private static async Task<(Dictionary<int, ActualRow> Actuals, Dictionary<(int Indicator, string Period), double> Figures)> ActualsAsync(
        MovilidadDb db, int planId, List<ReportingPeriod> periods, Dictionary<int, (AggregationRule Aggregation, TargetType TargetType, IndicatorSource Source)> rules,
        bool approvedOnly, HashSet<int> kept, CancellationToken ct)
    {
        var order = periods.Select((p, index) => (p.Id, index)).ToDictionary(p => p.Id, p => p.index);
        var reduced = new Dictionary<int, (double Total, int LatestIndex, double Latest)>();
        var figures = new Dictionary<(int Indicator, string Period), double>();
        await ReadAsync(db, approvedOnly ? ApprovedPeriodTotalsSql : PeriodTotalsSql, planId, row =>
        {
            var id = row.GetInt32(0);
            if (!rules.TryGetValue(id, out var rule) || !order.TryGetValue(row.GetInt32(1), out var index))
            {
                return;
            }

            var sum = row.GetDouble(2);
            var figure = rule.Aggregation switch
            {
                AggregationRule.Sum => sum,
                AggregationRule.Average => sum / row.GetInt32(3),
                _ => row.GetInt32(4),
            };
            var known = reduced.TryGetValue(id, out var r) ? r : (Total: 0, LatestIndex: -1, Latest: 0);
            reduced[id] = (known.Total + figure, Math.Max(known.LatestIndex, index), index > known.LatestIndex ? figure : known.Latest);
            if (kept.Contains(id))
            {
                figures[(id, periods[index].Code)] = figure;
            }
        }, ct);
        return (reduced.ToDictionary(r => r.Key, r => new ActualRow(r.Value.Total, r.Value.Latest)), figures);
    }

    /// <summary>Each indicator's values in each country: their sum over the periods and the latest period's value (approved ones alone for the public).</summary>
    private static async Task<Dictionary<(int Indicator, string Country), (double Sum, double Latest)>> CountryTotalsAsync(MovilidadDb db, int planId, bool approvedOnly, CancellationToken ct)
    {
        var totals = new Dictionary<(int Indicator, string Country), (double Sum, double Latest)>();
        if (!approvedOnly)
        {
            await ReadAsync(db, CountryTotalsSql, planId, row => totals[(row.GetInt32(0), row.GetString(1))] = (row.GetDouble(2), row.GetDouble(3)), ct);
            return totals;
        }

        // The period codes of one plan sort by time, as the kept totals' latest period is found.
        var latest = new Dictionary<(int Indicator, string Country), string>();
        await ReadAsync(db, ApprovedCountryValuesSql, planId, row =>
        {
            var key = (row.GetInt32(0), row.GetString(1));
            var (period, value) = (row.GetString(2), row.GetDouble(3));
            var known = totals.GetValueOrDefault(key);
            var newer = !latest.TryGetValue(key, out var was) || string.CompareOrdinal(period, was) > 0;
            totals[key] = (known.Sum + value, newer ? value : known.Latest);
            if (newer)
            {
                latest[key] = period;
            }
        }, ct);
        return totals;
    }

    /// <summary>The targets of a plan's indicators per indicator and place (a country, or "" for the region), reduced over the periods.</summary>
    private static async Task<Dictionary<(int Indicator, string Place), TargetSpan>> TargetSpansAsync(MovilidadDb db, int planId, CancellationToken ct)
    {
        var spans = new Dictionary<(int Indicator, string Place), TargetSpan>();
        await ReadAsync(db, TargetsSql, planId, row =>
        {
            var key = (row.GetInt32(0), row.IsDBNull(1) ? string.Empty : row.GetString(1));
            var period = row.GetString(2);
            var value = row.GetDouble(3);
            if (spans.TryGetValue(key, out var span))
            {
                span.Sum += value;
                if (string.CompareOrdinal(period, span.LatestPeriod) > 0)
                {
                    span.LatestPeriod = period;
                    span.Latest = value;
                }
            }
            else
            {
                span = new TargetSpan { Sum = value, LatestPeriod = period, Latest = value };
            }

            spans[key] = span;
        }, ct);
        return spans;
    }

    /// <summary>
    /// Reads the rows of a query on the plan (<c>@plan</c>) straight from the connection, one row at a time: the
    /// summary tables of a large plan hold hundreds of thousands of rows, which need no entities.
    /// </summary>
    private static async Task ReadAsync(MovilidadDb db, string sql, int planId, Action<System.Data.Common.DbDataReader> row, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var plan = command.CreateParameter();
            plan.ParameterName = "@plan";
            plan.Value = planId;
            command.Parameters.Add(plan);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                row(reader);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The trend of the asked indicator (or of the first with a value) over the plan's periods: read once per snapshot, then kept with it.</summary>
    private static async Task<IndicatorDashboardData> WithTrendAsync(MovilidadDb db, Snapshot snapshot, int? trendIndicator, bool approvedOnly, CancellationToken ct)
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
            trend = await TrendAsync(db, planId, id, data.Periods, rules[id], automatic, approvedOnly, ct);
            trends[id] = trend;
        }

        return data with { TrendIndicatorId = id, Trend = trend };
    }

    private static async Task<IReadOnlyList<TrendPoint>> TrendAsync(
        MovilidadDb db, int planId, int id, IReadOnlyList<string> codes, (AggregationRule Aggregation, TargetType TargetType) rule,
        IReadOnlyDictionary<(int Indicator, string Country, string Period), decimal> automatic, bool approvedOnly, CancellationToken ct)
    {
        var (aggregation, targetType) = rule;
        var periods = db.ReportingPeriods.AsNoTracking().IgnoreQueryFilters().Where(p => p.PlanId == planId);
        var totals = approvedOnly
            ? (await db.IndicatorValues.AsNoTracking()
                    .Where(v => v.IndicatorId == id && v.Dimension == Disaggregation.All && v.Total != null && v.Report!.Status == ReportStatus.Approved)
                    .Select(v => new { v.Report!.Period!.Code, Total = v.Total!.Value }).ToListAsync(ct))
                .GroupBy(v => v.Code, StringComparer.Ordinal)
                .Select(g => (Code: g.Key, Sum: g.Sum(v => (double)v.Total), Count: g.Count(), Positive: g.Count(v => v.Total > 0))).ToList()
            : (await db.IndicatorPeriodTotals.AsNoTracking().Where(t => t.IndicatorId == id)
                    .Join(periods, t => t.PeriodId, p => p.Id, (t, p) => new { p.Code, t.Sum, t.Count, t.Positive }).ToListAsync(ct))
                .Select(t => (t.Code, t.Sum, t.Count, t.Positive)).ToList();
        var regional = totals.ToDictionary(r => r.Code, r => aggregation switch { AggregationRule.Sum => r.Sum, AggregationRule.Average => r.Sum / r.Count, _ => (double)r.Positive });
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

public static class IndicatorDashboardSetup
{
    /// <summary>One dashboard per host, its figures in the host's memory cache.</summary>
    public static IServiceCollection AddIndicatorDashboard(this IServiceCollection services) =>
        services.AddContentCache().AddSingleton<IndicatorDashboard>();
}
