using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Institutions;
using Movilidad.Platform.Plans;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Indicators;
using Movilidad.Platform.Writes;

namespace Movilidad.Web.Features.Indicators;

/// <summary>A target: a country's (or, with no country, the region's) value to reach in a period.</summary>
public sealed record TargetEdit(string? Country, string Period, decimal Value);

/// <summary>
/// What the Secretariat edits on an indicator, with the version read. Targets, type, target type, aggregation, plan
/// element and working group left out (null) keep their values; a list of targets, even empty, replaces them all.
/// </summary>
public sealed record IndicatorEdit(
    int Version, Bilingual Name, Bilingual Definition, Bilingual Unit, decimal? Baseline, int? BaselineYear, IReadOnlyList<TargetEdit>? Targets,
    IndicatorType? Type = null, TargetType? TargetType = null, AggregationRule? Aggregation = null, int? ElementId = null, int? WorkingGroupId = null);

/// <summary>
/// A new indicator of a plan, typed by the Secretariat; its values are reported by the countries, or counted by the
/// platform from its own records when a source other than <see cref="IndicatorSource.Reported"/> is chosen.
/// </summary>
public sealed record IndicatorCreate(
    string Plan, string Code, IndicatorType Type, Bilingual Name, Bilingual Definition, Bilingual Unit, string UnitCode, decimal? Baseline, int? BaselineYear,
    TargetType TargetType, AggregationRule Aggregation, int? ElementId, int? WorkingGroupId, IReadOnlyList<TargetEdit>? Targets,
    IndicatorSource Source = IndicatorSource.Reported);

/// <summary>Every target of an indicator at once (all or nothing), with the indicator's version read.</summary>
public sealed record TargetsEdit(int Version, IReadOnlyList<TargetEdit> Targets);

public sealed record IndicatorView(
    int Id, string Plan, string Key, string Code, IndicatorType Type, Bilingual Name, Bilingual Definition, Bilingual Unit, string UnitCode,
    decimal? Baseline, int? BaselineYear, TargetType TargetType, AggregationRule Aggregation, IndicatorSource Source, bool Automatic,
    IReadOnlyList<string> Dimensions, int? ElementId, int? ActivityId, int? WorkingGroupId, string SourceReference, bool Edited, int Version, IReadOnlyList<TargetEdit> Targets);

/// <summary>Creating, reading and editing an indicator's definition, baseline and targets; an edit marks it so a reload of the shipped file keeps it.</summary>
public static class IndicatorEditing
{
    public const string EntityType = "indicator";

    /// <summary>The prefix of the keys of indicators created in the platform, apart from the shipped file's keys.</summary>
    public const string CreatedKeyPrefix = "new-";

    /// <summary>The indicators of one plan (or of all), in plan order, with their targets.</summary>
    public static async Task<List<IndicatorView>> IndicatorViewsAsync(this MovilidadDb db, string? planKey, int? id, CancellationToken ct) =>
        (await db.Indicators.AsNoTracking().Include(i => i.Plan).Include(i => i.Targets)
            .Where(i => (planKey == null || i.Plan!.Key == planKey) && (id == null || i.Id == id))
            .OrderBy(i => i.Plan!.SortOrder).ThenBy(i => i.SortOrder).ThenBy(i => i.Code).AsSplitQuery().ToListAsync(ct))
        .Select(View).ToList();

    public static async Task<WriteOutcome<IndicatorView>> CreateIndicatorAsync(this MovilidadDb db, IndicatorCreate create, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var plan = await db.Plans.SingleOrDefaultAsync(p => p.Key == create.Plan, ct);
        if (plan is null)
        {
            return new WriteOutcome<IndicatorView>.Invalid(new Dictionary<string, string[]> { ["plan"] = [$"No plan has the key '{create.Plan}'."] });
        }

        var code = create.Code?.Trim() ?? string.Empty;
        if (code.Length == 0 || code.Length > IndicatorConfiguration.CodeMaxLength)
        {
            errors["code"] = [$"The code is required, at most {IndicatorConfiguration.CodeMaxLength} characters."];
        }
        else if (await db.Indicators.AnyAsync(i => i.PlanId == plan.Id && i.Code == code, ct))
        {
            errors["code"] = [$"The plan {plan.Key} already has an indicator {code}."];
        }

        if (!Enum.IsDefined(create.Source))
        {
            errors["source"] = ["The source is one of reported, activities-done, countries-reporting, mentoring-sessions."];
        }

        if (!IndicatorLoader.UnitCodes.Contains(create.UnitCode ?? string.Empty))
        {
            errors["unitCode"] = [$"The unit code is one of {string.Join(", ", IndicatorLoader.UnitCodes)}."];
        }

        var edit = new IndicatorEdit(0, create.Name, create.Definition, create.Unit, create.Baseline, create.BaselineYear, create.Targets,
            create.Type, create.TargetType, create.Aggregation, create.ElementId, create.WorkingGroupId);
        await CheckAsync(db, plan, edit, errors, ct);
        if (errors.Count > 0)
        {
            return new WriteOutcome<IndicatorView>.Invalid(errors);
        }

        var order = await db.Indicators.Where(i => i.PlanId == plan.Id).MaxAsync(i => (int?)i.SortOrder, ct) ?? 0;
        var indicator = new Indicator
        {
            PlanId = plan.Id, Plan = plan, Key = CreatedKeyPrefix + code.ToLowerInvariant().Replace(' ', '-'), Code = code, UnitCode = create.UnitCode!,
            Source = create.Source, SortOrder = order + 1,
        };
        Apply(indicator, edit, clock);
        db.Indicators.Add(indicator);
        await db.SaveAuditedAsync(actor, () => new AuditRecord(AuditActions.Create, EntityType, AuditTrail.Key(indicator.Id), null, View(indicator)), clock, ct);
        return new WriteOutcome<IndicatorView>.Saved(View(indicator));
    }

    public static Task<WriteOutcome<IndicatorView>> SaveIndicatorAsync(this MovilidadDb db, int id, IndicatorEdit edit, AuditActor actor, TimeProvider clock, CancellationToken ct) =>
        WriteAsync(db, id, edit.Version, async (indicator, errors) =>
        {
            await CheckAsync(db, indicator.Plan!, edit, errors, ct);
            return () => Apply(indicator, edit, clock);
        }, actor, clock, ct);

    /// <summary>Replaces every target of an indicator, leaving its definition as it is.</summary>
    public static Task<WriteOutcome<IndicatorView>> SaveTargetsAsync(this MovilidadDb db, int id, TargetsEdit edit, AuditActor actor, TimeProvider clock, CancellationToken ct) =>
        WriteAsync(db, id, edit.Version, async (indicator, errors) =>
        {
            await CheckTargetsAsync(db, indicator.Plan!, edit.Targets ?? [], errors, ct);
            return () =>
            {
                ReplaceTargets(indicator, edit.Targets ?? []);
                indicator.EditedAt = clock.GetUtcNow().UtcDateTime;
            };
        }, actor, clock, ct);

    /// <summary>How an indicator is written through the kernel: with its targets and plan, which its view shows.</summary>
    private static readonly Editable<Indicator, IndicatorView> Indicators = new(EntityType, FindAsync, View, i => AuditTrail.Key(i.Id));

    private static Task<Indicator?> FindAsync(MovilidadDb db, int id, CancellationToken ct) =>
        db.Indicators.Include(i => i.Targets).Include(i => i.Plan).SingleOrDefaultAsync(i => i.Id == id, ct);

    /// <summary>One edit of an existing indicator: found, version checked, validated, applied and saved with its audit entry, or refused whole.</summary>
    private static async Task<WriteOutcome<IndicatorView>> WriteAsync(
        MovilidadDb db, int id, int version, Func<Indicator, Dictionary<string, string[]>, Task<Action>> check, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        var indicator = await FindAsync(db, id, ct);
        if (indicator is null)
        {
            return new WriteOutcome<IndicatorView>.NotFound();
        }

        if (indicator.Version != version)
        {
            return new WriteOutcome<IndicatorView>.Conflict(View(indicator));
        }

        var errors = new Dictionary<string, string[]>();
        var apply = await check(indicator, errors);
        if (errors.Count > 0)
        {
            return new WriteOutcome<IndicatorView>.Invalid(errors);
        }

        var before = View(indicator);
        apply();
        indicator.Version++;
        return await db.CommitAsync(Indicators, id, indicator, AuditActions.Update, before, actor, clock, ct);
    }

    private static async Task CheckAsync(MovilidadDb db, Plan plan, IndicatorEdit edit, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        foreach (var (field, text, max) in new[] { ("name", edit.Name, IndicatorConfiguration.NameMaxLength), ("definition", edit.Definition, IndicatorConfiguration.TextMaxLength), ("unit", edit.Unit, IndicatorConfiguration.UnitMaxLength) })
        {
            foreach (var (language, value) in new[] { ("es", text?.Es), ("en", text?.En) })
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    errors[$"{field}.{language}"] = [$"The {field} in {(language == "es" ? "Spanish" : "English")} is required."];
                }
                else if (value.Trim().Length > max)
                {
                    errors[$"{field}.{language}"] = [$"The {field} is longer than {max} characters."];
                }
            }
        }

        if (edit.Baseline is < 0 || (edit.Baseline is { } baseline && (decimal.Round(baseline, 2) != baseline || baseline >= 1e15m)))
        {
            errors["baseline"] = ["The baseline is zero or more, with at most 2 decimals."];
        }

        if (edit.BaselineYear is { } year && (year < 1990 || year > plan.PeriodEnd))
        {
            errors["baselineYear"] = [$"The baseline year is between 1990 and {plan.PeriodEnd}."];
        }

        foreach (var (field, defined) in new[] { ("type", edit.Type is not { } t || Enum.IsDefined(t)), ("targetType", edit.TargetType is not { } tt || Enum.IsDefined(tt)), ("aggregation", edit.Aggregation is not { } a || Enum.IsDefined(a)) })
        {
            if (!defined)
            {
                errors[field] = [$"The {field} is not one of the listed values."];
            }
        }

        if (edit.ElementId is { } element && !await db.PlanElements.IgnoreQueryFilters().AnyAsync(e => e.Id == element && e.PlanId == plan.Id, ct))
        {
            errors["elementId"] = [$"No element of the plan {plan.Key} has the id {element}."];
        }

        if (edit.WorkingGroupId is { } group && !await db.Institutions.AnyAsync(i => i.Id == group && i.Kind == InstitutionKind.WorkingGroup, ct))
        {
            errors["workingGroupId"] = [$"No working group has the id {group}."];
        }

        if (edit.Targets is { } targets)
        {
            await CheckTargetsAsync(db, plan, targets, errors, ct);
        }
    }

    private static async Task CheckTargetsAsync(MovilidadDb db, Plan plan, IReadOnlyList<TargetEdit> targets, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var periods = (await db.ReportingPeriods.Where(p => p.PlanId == plan.Id).Select(p => p.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var members = await db.MemberCountriesAsync(ct);
        var seen = new HashSet<(string?, string)>();
        for (var i = 0; i < targets.Count; i++)
        {
            var t = targets[i];
            var at = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"targets[{i}]");
            if (t is null)
            {
                errors[at] = ["A target is an object with a country (none for the region), a period and a value."];
                continue;
            }

            if (!periods.Contains(t.Period ?? string.Empty))
            {
                errors[at + ".period"] = [$"{t.Period} is not a reporting period of the plan {plan.Key}."];
            }

            if (t.Country is { } country && !members.Contains(country))
            {
                errors[at + ".country"] = [$"{country} is not a member country of the RCM."];
            }

            if (t.Value < 0 || decimal.Round(t.Value, 2) != t.Value || t.Value >= 1e15m)
            {
                errors[at + ".value"] = [$"The target of {t.Country ?? "the region"} for {t.Period} is zero or more, with at most 2 decimals."];
            }

            if (!seen.Add((t.Country, t.Period ?? string.Empty)))
            {
                errors[at + ".period"] = [$"The target of {t.Country ?? "the region"} for {t.Period} is given twice."];
            }
        }
    }

    private static void Apply(Indicator indicator, IndicatorEdit edit, TimeProvider clock)
    {
        indicator.Name = new Bilingual(edit.Name.Es.Trim(), edit.Name.En.Trim());
        indicator.Definition = new Bilingual(edit.Definition.Es.Trim(), edit.Definition.En.Trim());
        indicator.Unit = new Bilingual(edit.Unit.Es.Trim(), edit.Unit.En.Trim());
        indicator.Baseline = edit.Baseline;
        indicator.BaselineYear = edit.BaselineYear;
        indicator.Type = edit.Type ?? indicator.Type;
        indicator.TargetType = edit.TargetType ?? indicator.TargetType;
        indicator.Aggregation = edit.Aggregation ?? indicator.Aggregation;
        indicator.ElementId = edit.ElementId ?? indicator.ElementId;
        indicator.WorkingGroupId = edit.WorkingGroupId ?? indicator.WorkingGroupId;
        if (edit.Targets is { } targets)
        {
            ReplaceTargets(indicator, targets);
        }

        indicator.EditedAt = clock.GetUtcNow().UtcDateTime;
    }

    private static void ReplaceTargets(Indicator indicator, IReadOnlyList<TargetEdit> targets)
    {
        indicator.Targets.Clear();
        indicator.Targets.AddRange(targets.Select(t => new IndicatorTarget { CountryCode = t.Country, PeriodCode = t.Period, Value = t.Value }));
    }

    public static IndicatorView View(Indicator i) => new(i.Id, i.Plan?.Key ?? string.Empty, i.Key, i.Code, i.Type, i.Name, i.Definition, i.Unit, i.UnitCode, i.Baseline, i.BaselineYear,
        i.TargetType, i.Aggregation, i.Source, i.IsAutomatic, i.DimensionKeys, i.ElementId, i.ActivityId, i.WorkingGroupId, i.SourceReference, i.EditedAt is not null, i.Version,
        i.Targets.OrderBy(t => t.PeriodCode, StringComparer.Ordinal).ThenBy(t => t.CountryCode, StringComparer.Ordinal).Select(t => new TargetEdit(t.CountryCode, t.PeriodCode, t.Value)).ToList());
}
