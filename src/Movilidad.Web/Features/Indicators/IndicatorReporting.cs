using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Movilidad.Platform.Monitoring;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Indicators;
using Movilidad.Platform.Institutions;
using Movilidad.Platform.Writes;

namespace Movilidad.Web.Features.Indicators;

/// <summary>One row of values sent by a focal point: an indicator, for everyone or one category, and its split by sex.</summary>
public sealed record ValueRow(int IndicatorId, string? Dimension, decimal? Total, decimal? Women, decimal? Men, decimal? Other, decimal? NotReported);

/// <summary>The values of a report to save, with the report's version read (0 when it does not exist yet).</summary>
public sealed record ValuesEdit(int Version, IReadOnlyList<ValueRow> Values);

/// <summary>A workflow step (submit, approve, return with a comment) on the version read.</summary>
public sealed record ReportStep(int Version, string? Comment);

/// <summary>Reopening a locked period: its version and why.</summary>
public sealed record PeriodStep(int Version, string? Reason);

/// <summary>A value as the report shows it; an automatic one is counted by the platform and cannot be typed.</summary>
public sealed record ReportValue(int IndicatorId, string Code, string Dimension, bool Automatic, decimal? Total, decimal? Women, decimal? Men, decimal? Other, decimal? NotReported);

/// <summary>One country's report for one period, as saved at one version.</summary>
public sealed record ReportView(string Plan, string Period, string Country, ReportStatus Status, string? Comment, bool Locked, DateOnly Due, int Version, IReadOnlyList<ReportValue> Values);

public sealed record PeriodView(string Plan, string Period, DateOnly Start, DateOnly End, DateOnly Due, bool Locked, int Version);

/// <summary>Where the report of a country and period is: which plan period it is and whether it can be written.</summary>
public sealed record ReportAddress(int PlanId, string PlanKey, ReportingPeriod Period, string Country);

public static class ReportActions
{
    public const string Submit = "submit";
    public const string Approve = "approve";
    public const string Return = "return";
    public const string Lock = "lock";
    public const string Reopen = "reopen";
}

/// <summary>
/// The values workflow: a focal point saves their country's values (draft), submits them; the Secretariat approves or
/// returns them with a comment, and locks a period, after which nothing in it changes until it is reopened. Every
/// write is validated whole (nothing partial is saved), version-checked and audited.
/// </summary>
public static class IndicatorReporting
{
    public const string ReportEntity = "indicator-report";
    public const string PeriodEntity = "reporting-period";

    /// <summary>Finds the plan period and checks the country, or says which is wrong, keyed by its name; null errors and address when the plan does not exist.</summary>
    public static async Task<(ReportAddress? Address, Dictionary<string, string[]>? Errors)> AddressAsync(
        this MovilidadDb db, string planKey, string period, string? country, IStringLocalizer text, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var plan = await db.Plans.AsNoTracking().Where(p => p.Key == planKey).Select(p => new { p.Id, p.Key }).SingleOrDefaultAsync(ct);
        if (plan is null)
        {
            return (null, null);
        }

        var code = country?.ToUpperInvariant() ?? string.Empty;
        if (country is not null && !(await db.MemberCountriesAsync(ct)).Contains(code))
        {
            errors["country"] = [text["Indicators.Error.Country", country]];
        }

        var found = await db.ReportingPeriods.SingleOrDefaultAsync(p => p.PlanId == plan.Id && p.Code == period, ct);
        if (found is null)
        {
            var codes = await db.ReportingPeriods.Where(p => p.PlanId == plan.Id).OrderBy(p => p.Start).Select(p => p.Code).ToListAsync(ct);
            errors["period"] = [codes.Count == 0
                ? text["Indicators.Error.NoCalendar", planKey]
                : Periods.Parse(period) is null
                    ? text["Indicators.Error.PeriodFormat", period]
                    : text["Indicators.Error.PeriodOutside", period, planKey, codes[0], codes[^1]]];
        }

        return (errors.Count > 0 ? null : new ReportAddress(plan.Id, plan.Key, found!, code), errors);
    }

    public static async Task<ReportView> ViewAsync(this MovilidadDb db, ReportAddress address, CancellationToken ct)
    {
        var report = await db.IndicatorReports.AsNoTracking().Include(r => r.Values)
            .SingleOrDefaultAsync(r => r.PeriodId == address.Period.Id && r.CountryCode == address.Country, ct);
        return await ViewAsync(db, address, report, ct);
    }

    private static async Task<ReportView> ViewAsync(MovilidadDb db, ReportAddress address, IndicatorReport? report, CancellationToken ct)
    {
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.PlanId == address.PlanId).OrderBy(i => i.SortOrder).ThenBy(i => i.Code)
            .Select(i => new { i.Id, i.Code, i.Source, i.WorkingGroupId }).ToListAsync(ct);
        var automatic = await db.AutomaticValuesAsync(address.PlanId, [address.Period], address.Country, ct);
        var saved = (report?.Values ?? []).ToLookup(v => v.IndicatorId);
        var values = new List<ReportValue>();
        foreach (var indicator in indicators)
        {
            if (indicator.Source != IndicatorSource.Reported)
            {
                var count = automatic.GetValueOrDefault((indicator.Id, address.Country, address.Period.Code));
                values.Add(new ReportValue(indicator.Id, indicator.Code, Disaggregation.All, true, count, null, null, null, null));
                continue;
            }

            values.AddRange(saved[indicator.Id].OrderBy(v => v.Dimension, StringComparer.Ordinal)
                .Select(v => new ReportValue(indicator.Id, indicator.Code, v.Dimension, false, v.Total, v.Women, v.Men, v.Other, v.NotReported)));
        }

        return new ReportView(address.PlanKey, address.Period.Code, address.Country, report?.Status ?? ReportStatus.Draft, report?.Comment,
            address.Period.LockedAt is not null, address.Period.Due, report?.Version ?? 0, values);
    }

    /// <summary>Saves a draft: the rows sent replace the report's values of those indicators (a row with no number removes one).</summary>
    public static async Task<WriteOutcome<ReportView>> SaveValuesAsync(this MovilidadDb db, ReportAddress address, ValuesEdit edit, IStringLocalizer text, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        if (edit.Values is null)
        {
            return new WriteOutcome<ReportView>.Invalid(new Dictionary<string, string[]> { ["values"] = [text["Indicators.Error.ValuesRequired"]] });
        }

        var report = await db.IndicatorReports.Include(r => r.Values).SingleOrDefaultAsync(r => r.PeriodId == address.Period.Id && r.CountryCode == address.Country, ct);
        if ((report?.Version ?? 0) != edit.Version)
        {
            return new WriteOutcome<ReportView>.Conflict(await ViewAsync(db, address, report, ct));
        }

        var errors = new Dictionary<string, string[]>();
        if (Writable(address, report, text, errors))
        {
            var indicators = await db.Indicators.AsNoTracking().Where(i => i.PlanId == address.PlanId).ToDictionaryAsync(i => i.Id, ct);
            Validate(edit.Values, indicators, text, errors);
        }

        if (errors.Count > 0)
        {
            return new WriteOutcome<ReportView>.Invalid(errors);
        }

        var before = report is null ? null : await ViewAsync(db, address, report, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (report is null)
        {
            report = new IndicatorReport { PeriodId = address.Period.Id, CountryCode = address.Country, Status = ReportStatus.Draft };
            db.IndicatorReports.Add(report);
        }

        foreach (var row in edit.Values)
        {
            var dimension = row.Dimension ?? Disaggregation.All;
            var total = row.Total ?? Sum(row);
            var existing = report.Values.SingleOrDefault(v => v.IndicatorId == row.IndicatorId && v.Dimension == dimension);
            if (total is null)
            {
                if (existing is not null)
                {
                    report.Values.Remove(existing);
                }

                continue;
            }

            if (existing is null)
            {
                existing = new IndicatorValue { IndicatorId = row.IndicatorId, Dimension = dimension };
                report.Values.Add(existing);
            }

            (existing.Total, existing.Women, existing.Men, existing.Other, existing.NotReported) = (total, row.Women, row.Men, row.Other, row.NotReported);
        }

        // Editing a returned report starts a new draft; the Secretariat's comment stays until the next review.
        report.Status = ReportStatus.Draft;
        report.UpdatedAt = now;
        report.Version++;
        return await CommitAsync(db, address, report, report.Version == 1 ? AuditActions.Create : AuditActions.Update, before, actor, clock, ct);
    }

    public static async Task<WriteOutcome<ReportView>> StepAsync(this MovilidadDb db, ReportAddress address, string step, ReportStep edit, IStringLocalizer text, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        var report = await db.IndicatorReports.Include(r => r.Values).SingleOrDefaultAsync(r => r.PeriodId == address.Period.Id && r.CountryCode == address.Country, ct);
        if (report is null)
        {
            return new WriteOutcome<ReportView>.Invalid(new Dictionary<string, string[]> { ["status"] = [text["Indicators.Error.NothingSaved", address.Country, address.Period.Code]] });
        }

        if (report.Version != edit.Version)
        {
            return new WriteOutcome<ReportView>.Conflict(await ViewAsync(db, address, report, ct));
        }

        var errors = new Dictionary<string, string[]>();
        if (address.Period.LockedAt is not null)
        {
            errors["period"] = [text["Indicators.Error.Locked", address.Period.Code]];
        }

        var (allowed, to) = step switch
        {
            ReportActions.Submit => (report.Status is ReportStatus.Draft or ReportStatus.Returned, ReportStatus.Submitted),
            ReportActions.Approve => (report.Status == ReportStatus.Submitted, ReportStatus.Approved),
            ReportActions.Return => (report.Status is ReportStatus.Submitted or ReportStatus.Approved, ReportStatus.Returned),
            _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
        };
        if (!allowed)
        {
            errors["status"] = [text["Indicators.Error.Transition", text["ValueReportStatus." + report.Status], text["ValueReportStatus." + to]]];
        }

        if (step == ReportActions.Return && string.IsNullOrWhiteSpace(edit.Comment))
        {
            errors["comment"] = [text["Indicators.Error.CommentRequired"]];
        }
        else if (edit.Comment is { Length: > IndicatorConfiguration.CommentMaxLength })
        {
            errors["comment"] = [text["Indicators.Error.CommentLength", IndicatorConfiguration.CommentMaxLength]];
        }

        if (step == ReportActions.Submit && errors.Count == 0)
        {
            var reported = await db.Indicators.AsNoTracking().Where(i => i.PlanId == address.PlanId && i.Source == IndicatorSource.Reported)
                .OrderBy(i => i.SortOrder).Select(i => new { i.Id, i.Code }).ToListAsync(ct);
            var given = report.Values.Where(v => v.Dimension == Disaggregation.All && v.Total is not null).Select(v => v.IndicatorId).ToHashSet();
            var missing = reported.Where(i => !given.Contains(i.Id)).Select(i => i.Code).ToList();
            if (missing.Count > 0)
            {
                errors["values"] = [text["Indicators.Error.MissingTotals", string.Join(", ", missing)]];
            }
        }

        if (errors.Count > 0)
        {
            return new WriteOutcome<ReportView>.Invalid(errors);
        }

        var before = await ViewAsync(db, address, report, ct);
        report.Status = to;
        report.Comment = step == ReportActions.Return ? edit.Comment!.Trim() : step == ReportActions.Approve ? null : report.Comment;
        report.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        report.Version++;
        return await CommitAsync(db, address, report, step, before, actor, clock, ct);
    }

    /// <summary>Locks a period (no value of it changes) or reopens it with a reason; both audited.</summary>
    public static async Task<WriteOutcome<PeriodView>> LockAsync(this MovilidadDb db, ReportAddress address, bool locking, PeriodStep edit, IStringLocalizer text, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        var period = await db.ReportingPeriods.SingleAsync(p => p.Id == address.Period.Id, ct);
        if (period.Version != edit.Version)
        {
            return new WriteOutcome<PeriodView>.Conflict(View(address.PlanKey, period));
        }

        var errors = new Dictionary<string, string[]>();
        if (locking == (period.LockedAt is not null))
        {
            errors["period"] = [text[locking ? "Indicators.Error.AlreadyLocked" : "Indicators.Error.NotLocked", period.Code]];
        }

        if (!locking && string.IsNullOrWhiteSpace(edit.Reason))
        {
            errors["reason"] = [text["Indicators.Error.ReasonRequired"]];
        }

        if (errors.Count > 0)
        {
            return new WriteOutcome<PeriodView>.Invalid(errors);
        }

        var before = View(address.PlanKey, period);
        period.LockedAt = locking ? clock.GetUtcNow().UtcDateTime : null;
        period.Version++;
        try
        {
            await db.SaveAuditedAsync(actor, () => new AuditRecord(locking ? ReportActions.Lock : ReportActions.Reopen, PeriodEntity, $"{address.PlanKey}/{period.Code}",
                before, new { Period = View(address.PlanKey, period), Reason = edit.Reason?.Trim() }), clock, ct);
            return new WriteOutcome<PeriodView>.Saved(View(address.PlanKey, period));
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new WriteOutcome<PeriodView>.Conflict(View(address.PlanKey, await db.ReportingPeriods.AsNoTracking().SingleAsync(p => p.Id == address.Period.Id, ct)));
        }
    }

    public static PeriodView View(string plan, ReportingPeriod p) => new(plan, p.Code, p.Start, p.End, p.Due, p.LockedAt is not null, p.Version);

    public static string Kebab(ReportStatus status) => status switch
    {
        ReportStatus.Draft => "draft",
        ReportStatus.Submitted => "submitted",
        ReportStatus.Approved => "approved",
        ReportStatus.Returned => "returned",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    private static bool Writable(ReportAddress address, IndicatorReport? report, IStringLocalizer text, Dictionary<string, string[]> errors)
    {
        if (address.Period.LockedAt is not null)
        {
            errors["period"] = [text["Indicators.Error.Locked", address.Period.Code]];
        }
        else if (report?.Status is ReportStatus.Submitted or ReportStatus.Approved)
        {
            errors["status"] = [text["Indicators.Error.NotEditable", text["ValueReportStatus." + report.Status]]];
        }

        return errors.Count == 0;
    }

    /// <summary>A value's field as the reader calls it (Women, Mujeres...).</summary>
    public static string Field(IStringLocalizer text, string field) => text["Indicators.Field." + field];

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.CurrentCulture);

    private static decimal? Sum(ValueRow row) =>
        row.Women is null && row.Men is null && row.Other is null && row.NotReported is null ? null : (row.Women ?? 0) + (row.Men ?? 0) + (row.Other ?? 0) + (row.NotReported ?? 0);

    /// <summary>Every rule of a value, each error keyed by the field to fix (<c>values[2].women</c>).</summary>
    internal static void Validate(IReadOnlyList<ValueRow> rows, IReadOnlyDictionary<int, Indicator> indicators, IStringLocalizer text, Dictionary<string, string[]> errors)
    {
        void Add(string field, string message) => errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
        var seen = new Dictionary<(int, string), int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"values[{i}]");
            if (!indicators.TryGetValue(row.IndicatorId, out var indicator))
            {
                Add(at + ".indicatorId", text["Indicators.Error.UnknownIndicator", row.IndicatorId]);
                continue;
            }

            if (indicator.IsAutomatic)
            {
                Add(at + ".indicatorId", text["Indicators.Error.Automatic", indicator.Code]);
                continue;
            }

            var dimension = row.Dimension ?? Disaggregation.All;
            if (!Disaggregation.IsValidRow(indicator.DimensionKeys, dimension))
            {
                Add(at + ".dimension", text["Indicators.Error.Dimension", indicator.Code, dimension]);
                continue;
            }

            if (!seen.TryAdd((row.IndicatorId, dimension), i))
            {
                Add(at + ".dimension", text["Indicators.Error.Twice", indicator.Code, dimension]);
                continue;
            }

            var people = indicator.UnitCode == "PERSONS";
            foreach (var (field, value) in new[] { ("total", row.Total), ("women", row.Women), ("men", row.Men), ("other", row.Other), ("notReported", row.NotReported) })
            {
                if (value is not { } number)
                {
                    continue;
                }

                if (field != "total" && !people)
                {
                    Add($"{at}.{field}", text["Indicators.Error.NoSexSplit", indicator.Code, Field(text, field)]);
                }
                else if (number < 0)
                {
                    Add($"{at}.{field}", text["Indicators.Error.Negative", indicator.Code, Field(text, field)]);
                }
                else if (number >= 1e15m || decimal.Round(number, 2) != number)
                {
                    Add($"{at}.{field}", text["Indicators.Error.Decimals", indicator.Code, Field(text, field)]);
                }
                else if (indicator.UnitCode is "NUMBER" or "PERSONS" && decimal.Truncate(number) != number)
                {
                    Add($"{at}.{field}", text["Indicators.Error.Whole", indicator.Code, Field(text, field)]);
                }
                else if (indicator.UnitCode == "PERCENT" && number > 100)
                {
                    Add($"{at}.{field}", text["Indicators.Error.Percent", indicator.Code, Field(text, field)]);
                }
            }

            if (row.Total is { } total && Sum(row) is { } parts && people && !errors.Keys.Any(k => k.StartsWith(at + ".", StringComparison.Ordinal)))
            {
                if (parts > total)
                {
                    Add(at + ".total", text["Indicators.Error.PartsAbove", indicator.Code, Number(parts), Number(total)]);
                }
                else if (row.Women is not null && row.Men is not null && row.Other is not null && row.NotReported is not null && parts != total)
                {
                    Add(at + ".total", text["Indicators.Error.PartsNotEqual", indicator.Code, Number(parts), Number(total)]);
                }
            }
        }

        // The categories of one disaggregation never add up to more than the indicator's total.
        foreach (var group in seen.Where(s => s.Key.Item2 != Disaggregation.All).GroupBy(s => (s.Key.Item1, s.Key.Item2.Split(':')[0])))
        {
            var indicator = indicators[group.Key.Item1];
            var total = seen.TryGetValue((group.Key.Item1, Disaggregation.All), out var allIndex) ? rows[allIndex].Total ?? Sum(rows[allIndex]) : null;
            var parts = group.Sum(s => rows[s.Value].Total ?? Sum(rows[s.Value]) ?? 0);
            if (total is null && parts > 0)
            {
                Add(string.Create(CultureInfo.InvariantCulture, $"values[{group.Min(s => s.Value)}].total"), text["Indicators.Error.DimensionTotalMissing", indicator.Code, Disaggregation.DimensionName(group.Key.Item2).Current]);
            }
            else if (total is { } whole && parts > whole)
            {
                Add(string.Create(CultureInfo.InvariantCulture, $"values[{allIndex}].total"), text["Indicators.Error.DimensionAbove", indicator.Code, Disaggregation.DimensionName(group.Key.Item2).Current, Number(parts), Number(whole)]);
            }
        }
    }

    private static async Task<WriteOutcome<ReportView>> CommitAsync(MovilidadDb db, ReportAddress address, IndicatorReport report, string action, ReportView? before, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        try
        {
            // The report is saved first inside the transaction, so the view recorded as "after" counts it as it now is.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            if (IndicatorTotals.Counts(before?.Status ?? ReportStatus.Draft) || IndicatorTotals.Counts(report.Status))
            {
                // The report's values start or stop counting: the dashboard's totals change with them, in this transaction.
                await IndicatorTotals.RefreshAsync(db, address.PlanId, address.Period.Id, address.Country, ct);
            }

            var after = await ViewAsync(db, address, report, ct);
            await db.SaveAuditedAsync(actor, () => new AuditRecord(action, ReportEntity, $"{address.PlanKey}/{address.Period.Code}/{address.Country}", before, after, address.Country), clock, ct);

            // The data version moves when this commits (not at the save above), so a dashboard read in between expires too.
            await transaction.CommitAsync(ct);
            return new WriteOutcome<ReportView>.Saved(after);
        }
        catch (DbUpdateException)
        {
            // Someone saved the same report first (its version, or its creation: the unique country and period).
            db.ChangeTracker.Clear();
            return new WriteOutcome<ReportView>.Conflict(await db.ViewAsync(address, ct));
        }
    }

    /// <summary>
    /// The values the platform counts itself, for the given periods of a plan (of one country, or all): keyed by
    /// indicator, country and period code. Counted live, never stored.
    /// </summary>
    public static async Task<Dictionary<(int Indicator, string Country, string Period), decimal>> AutomaticValuesAsync(
        this MovilidadDb db, int planId, IReadOnlyList<ReportingPeriod> periods, string? country, CancellationToken ct)
    {
        var result = new Dictionary<(int, string, string), decimal>();
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.PlanId == planId && i.Source != IndicatorSource.Reported)
            .Select(i => new { i.Id, i.Source, i.WorkingGroupId }).ToListAsync(ct);
        if (indicators.Count == 0 || periods.Count == 0)
        {
            return result;
        }

        var first = periods.Min(p => p.Start);
        var last = periods.Max(p => p.End);
        var ordered = periods.OrderBy(p => p.Start).ToList();
        string? PeriodOf(DateOnly day) => ordered.FirstOrDefault(p => p.Start <= day && day <= p.End)?.Code;

        if (indicators.Any(i => i.Source == IndicatorSource.ActivitiesDone))
        {
            var shares = db.ActivityCountries.AsNoTracking().Join(db.Activities.AsNoTracking(), c => c.ActivityId, a => a.Id, (c, a) => new
            {
                c.CountryCode, a.WorkingGroupId, End = c.EndDate ?? a.EndDate, Done = c.Status == ActivityStatus.Done || a.Status == ActivityStatus.Done,
            }).Where(s => s.Done && s.End != null && s.End >= first && s.End <= last);
            if (country is not null)
            {
                shares = shares.Where(s => s.CountryCode == country);
            }

            var done = await shares.GroupBy(s => new { s.CountryCode, s.WorkingGroupId, s.End }).Select(g => new { g.Key.CountryCode, g.Key.WorkingGroupId, g.Key.End, Count = g.Count() }).ToListAsync(ct);
            foreach (var indicator in indicators.Where(i => i.Source == IndicatorSource.ActivitiesDone))
            {
                foreach (var row in done.Where(d => indicator.WorkingGroupId is null || d.WorkingGroupId == indicator.WorkingGroupId))
                {
                    if (PeriodOf(row.End!.Value) is { } period)
                    {
                        var key = (indicator.Id, row.CountryCode, period);
                        result[key] = result.GetValueOrDefault(key) + row.Count;
                    }
                }
            }
        }

        if (indicators.Any(i => i.Source == IndicatorSource.MentoringSessions))
        {
            var sessions = db.MentoringSessions.AsNoTracking().Join(db.MentoringRequests.AsNoTracking(), s => s.RequestId, r => r.Id, (s, r) => new { r.Country, s.Date })
                .Where(s => s.Date >= first && s.Date <= last);
            if (country is not null)
            {
                sessions = sessions.Where(s => s.Country == country);
            }

            var held = await sessions.GroupBy(s => new { s.Country, s.Date }).Select(g => new { g.Key.Country, g.Key.Date, Count = g.Count() }).ToListAsync(ct);
            foreach (var indicator in indicators.Where(i => i.Source == IndicatorSource.MentoringSessions))
            {
                foreach (var row in held)
                {
                    if (PeriodOf(row.Date) is { } period)
                    {
                        var key = (indicator.Id, row.Country, period);
                        result[key] = result.GetValueOrDefault(key) + row.Count;
                    }
                }
            }
        }

        if (indicators.Any(i => i.Source == IndicatorSource.CountriesReporting))
        {
            var ids = periods.Select(p => p.Id).ToList();
            var reports = db.IndicatorReports.AsNoTracking().Where(r => ids.Contains(r.PeriodId) && (r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Approved));
            if (country is not null)
            {
                reports = reports.Where(r => r.CountryCode == country);
            }

            var reporting = await reports.Select(r => new { r.CountryCode, r.Period!.Code }).ToListAsync(ct);
            foreach (var indicator in indicators.Where(i => i.Source == IndicatorSource.CountriesReporting))
            {
                foreach (var row in reporting)
                {
                    result[(indicator.Id, row.CountryCode, row.Code)] = 1;
                }
            }
        }

        return result;
    }
}
