using Microsoft.EntityFrameworkCore;
using Movilidad.Web.Features.Monitoring;
using Movilidad.Web.Features.Plans;
using Movilidad.Web.Infrastructure.Audit;
using Movilidad.Web.Infrastructure.Data;
using Movilidad.Web.Infrastructure.Localization;

namespace Movilidad.Web.Features.Indicators;

/// <summary>A target: a country's (or, with no country, the region's) value to reach in a period.</summary>
public sealed record TargetEdit(string? Country, string Period, decimal Value);

/// <summary>What the Secretariat edits on an indicator, with the version read.</summary>
public sealed record IndicatorEdit(int Version, Bilingual Name, Bilingual Definition, Bilingual Unit, decimal? Baseline, int? BaselineYear, IReadOnlyList<TargetEdit>? Targets);

public sealed record IndicatorView(
    int Id, string Plan, string Key, string Code, IndicatorType Type, Bilingual Name, Bilingual Definition, Bilingual Unit, string UnitCode,
    decimal? Baseline, int? BaselineYear, TargetType TargetType, AggregationRule Aggregation, IndicatorSource Source, bool Automatic,
    IReadOnlyList<string> Dimensions, int? ElementId, int? ActivityId, int? WorkingGroupId, string SourceReference, bool Edited, int Version, IReadOnlyList<TargetEdit> Targets);

/// <summary>Reading and editing an indicator's definition, baseline and targets; an edit marks it so a reload of the shipped file keeps it.</summary>
public static class IndicatorEditing
{
    public const string EntityType = "indicator";

    /// <summary>The indicators of one plan (or of all), in plan order, with their targets.</summary>
    public static async Task<List<IndicatorView>> IndicatorViewsAsync(this MovilidadDb db, string? planKey, int? id, CancellationToken ct) =>
        (await db.Indicators.AsNoTracking().Include(i => i.Plan).Include(i => i.Targets)
            .Where(i => (planKey == null || i.Plan!.Key == planKey) && (id == null || i.Id == id))
            .OrderBy(i => i.Plan!.SortOrder).ThenBy(i => i.SortOrder).ThenBy(i => i.Code).AsSplitQuery().ToListAsync(ct))
        .Select(View).ToList();

    public static async Task<WriteOutcome<IndicatorView>> SaveIndicatorAsync(this MovilidadDb db, int id, IndicatorEdit edit, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        var indicator = await db.Indicators.Include(i => i.Targets).Include(i => i.Plan).SingleOrDefaultAsync(i => i.Id == id, ct);
        if (indicator is null)
        {
            return new WriteOutcome<IndicatorView>.NotFound();
        }

        if (indicator.Version != edit.Version)
        {
            return new WriteOutcome<IndicatorView>.Conflict(View(indicator));
        }

        var errors = new Dictionary<string, string[]>();
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

        if (edit.Baseline is < 0)
        {
            errors["baseline"] = ["The baseline cannot be negative."];
        }

        if (edit.BaselineYear is { } year && (year < 1990 || year > indicator.Plan!.PeriodEnd))
        {
            errors["baselineYear"] = [$"The baseline year is between 1990 and {indicator.Plan!.PeriodEnd}."];
        }

        var periods = (await db.ReportingPeriods.Where(p => p.PlanId == indicator.PlanId).Select(p => p.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var members = await db.MemberCountriesAsync(ct);
        var targets = edit.Targets ?? [];
        var seen = new HashSet<(string?, string)>();
        for (var i = 0; i < targets.Count; i++)
        {
            var t = targets[i];
            var at = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"targets[{i}]");
            if (!periods.Contains(t.Period ?? string.Empty))
            {
                errors[at + ".period"] = [$"{t.Period} is not a reporting period of the plan {indicator.Plan!.Key}."];
            }

            if (t.Country is { } country && !members.Contains(country))
            {
                errors[at + ".country"] = [$"{country} is not a member country of the RCM."];
            }

            if (t.Value < 0 || decimal.Round(t.Value, 2) != t.Value || t.Value >= 1e15m)
            {
                errors[at + ".value"] = ["A target is zero or more, with at most 2 decimals."];
            }

            if (!seen.Add((t.Country, t.Period ?? string.Empty)))
            {
                errors[at + ".period"] = [$"The target of {t.Country ?? "the region"} for {t.Period} is given twice."];
            }
        }

        if (errors.Count > 0)
        {
            return new WriteOutcome<IndicatorView>.Invalid(errors);
        }

        var before = View(indicator);
        indicator.Name = new Bilingual(edit.Name.Es.Trim(), edit.Name.En.Trim());
        indicator.Definition = new Bilingual(edit.Definition.Es.Trim(), edit.Definition.En.Trim());
        indicator.Unit = new Bilingual(edit.Unit.Es.Trim(), edit.Unit.En.Trim());
        indicator.Baseline = edit.Baseline;
        indicator.BaselineYear = edit.BaselineYear;
        indicator.Targets.Clear();
        indicator.Targets.AddRange(targets.Select(t => new IndicatorTarget { CountryCode = t.Country, PeriodCode = t.Period, Value = t.Value }));
        indicator.EditedAt = clock.GetUtcNow().UtcDateTime;
        indicator.Version++;
        try
        {
            await db.SaveAuditedAsync(actor, () => new AuditRecord(AuditActions.Update, EntityType, ActivityEditing.Id(id), before, View(indicator)), clock, ct);
            return new WriteOutcome<IndicatorView>.Saved(View(indicator));
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return (await db.IndicatorViewsAsync(null, id, ct)) is [var current] ? new WriteOutcome<IndicatorView>.Conflict(current) : new WriteOutcome<IndicatorView>.NotFound();
        }
    }

    public static IndicatorView View(Indicator i) => new(i.Id, i.Plan?.Key ?? string.Empty, i.Key, i.Code, i.Type, i.Name, i.Definition, i.Unit, i.UnitCode, i.Baseline, i.BaselineYear,
        i.TargetType, i.Aggregation, i.Source, i.IsAutomatic, i.DimensionKeys, i.ElementId, i.ActivityId, i.WorkingGroupId, i.SourceReference, i.EditedAt is not null, i.Version,
        i.Targets.OrderBy(t => t.PeriodCode, StringComparer.Ordinal).ThenBy(t => t.CountryCode, StringComparer.Ordinal).Select(t => new TargetEdit(t.CountryCode, t.PeriodCode, t.Value)).ToList());
}
