using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Indicators;
using Movilidad.Platform.Institutions;
using Movilidad.Platform.Search;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Plans;
using Movilidad.Platform.Writes;

namespace Movilidad.Web.Features.Plans;

/// <summary>
/// What a person may change in a plan element, with the version they started from. The Global Compact objectives the
/// document states (<c>gcmObjectives</c>) and those inferred here (<c>gcmInferred</c>), the Strategic Plan's results
/// (<c>results</c>: R1...) and indicators (<c>indicators</c>: R3.GF, P1...) it contributes to: left out (null), they keep their links.
/// </summary>
public sealed record ElementEdit(int Version, Bilingual Title, Bilingual Text, Bilingual TimeframeLabel, IReadOnlyList<FootnoteView> Footnotes,
    IReadOnlyList<int>? GcmObjectives = null, IReadOnlyList<int>? GcmInferred = null, IReadOnlyList<string>? Results = null, IReadOnlyList<string>? Indicators = null);

/// <summary>An element's editable content as saved at one version: the audit trail keeps one before and after each write.</summary>
public sealed record ElementSnapshot(int Version, Bilingual Title, Bilingual Text, Bilingual TimeframeLabel, IReadOnlyList<FootnoteView> Footnotes,
    IReadOnlyList<int> GcmObjectives, IReadOnlyList<int> GcmInferred, IReadOnlyList<string> Results, IReadOnlyList<string> Indicators, bool Deleted);

/// <summary>Edits, deletes and restores plan elements: one transaction per write, with its audit entry, and the plan cache evicted.</summary>
public static class ElementEditing
{
    public const int TitleMaxLength = 2000;
    public const int TextMaxLength = 20000;

    public const string EntityType = "plan-element";

    public static ElementSnapshot Snapshot(PlanElement e) => new(
        e.Version, e.Title, e.Text, e.TimeframeLabel,
        e.Footnotes.OrderBy(f => f.Number).Select(f => new FootnoteView(f.Number, f.Text)).ToList(),
        e.GcmObjectives.Where(g => !g.Inferred).Select(g => g.Objective).Order().ToList(),
        e.GcmObjectives.Where(g => g.Inferred).Select(g => g.Objective).Order().ToList(),
        e.Results.Where(r => r.Result is not null).Select(r => StrategicPlanTargets.ResultCode(r.Result!.Key)).Order(StringComparer.Ordinal).ToList(),
        e.Indicators.Where(i => i.Indicator is not null).Select(i => i.Indicator!.Code).Order(StringComparer.Ordinal).ToList(),
        e.DeletedAt is not null);

    /// <summary>The working groups an element names: their members may edit it.</summary>
    public static async Task<WorkingGroupScope> ScopeAsync(this MovilidadDb db, int id, CancellationToken ct) =>
        new(await db.ElementInstitutions.Where(l => l.ElementId == id && l.Institution!.Kind == InstitutionKind.WorkingGroup)
            .Select(l => l.InstitutionId).Distinct().ToListAsync(ct));

    public static Task<PlanElement?> FindForEditAsync(this MovilidadDb db, int id, CancellationToken ct) =>
        db.PlanElements.IgnoreQueryFilters().Include(e => e.Footnotes).Include(e => e.GcmObjectives)
            .Include(e => e.Results).ThenInclude(r => r.Result).Include(e => e.Indicators).ThenInclude(i => i.Indicator)
            .AsSplitQuery().SingleOrDefaultAsync(e => e.Id == id, ct);

    public static IDictionary<string, string[]> Validate(ElementEdit edit)
    {
        var errors = new Dictionary<string, string[]>();
        void Check(string field, string? value, int max, bool required)
        {
            if (required && string.IsNullOrWhiteSpace(value))
            {
                errors[field] = [$"{field} is required."];
            }
            else if (value?.Length > max)
            {
                errors[field] = [$"{field} is longer than {max} characters."];
            }
        }

        Check("title.es", edit.Title?.Es, TitleMaxLength, required: true);
        Check("title.en", edit.Title?.En, TitleMaxLength, required: true);
        Check("text.es", edit.Text?.Es, TextMaxLength, required: false);
        Check("text.en", edit.Text?.En, TextMaxLength, required: false);
        Check("timeframeLabel.es", edit.TimeframeLabel?.Es, 200, required: false);
        Check("timeframeLabel.en", edit.TimeframeLabel?.En, 200, required: false);
        var footnotes = edit.Footnotes ?? [];
        if (footnotes.Select(f => f.Number).Distinct().Count() != footnotes.Count || footnotes.Any(f => f.Number < 1))
        {
            errors["footnotes"] = ["Footnote numbers must be positive and distinct."];
        }

        foreach (var (f, i) in footnotes.Select((f, i) => (f, i)))
        {
            Check($"footnotes[{i}].text.es", f.Text?.Es, TextMaxLength, required: true);
            Check($"footnotes[{i}].text.en", f.Text?.En, TextMaxLength, required: false);
        }

        foreach (var (field, list) in new[] { ("gcmObjectives", edit.GcmObjectives), ("gcmInferred", edit.GcmInferred) })
        {
            foreach (var (objective, i) in (list ?? []).Select((o, i) => (o, i)).Where(p => p.o is < 1 or > 23))
            {
                errors[$"{field}[{i}]"] = [$"The Global Compact has objectives 1 to 23, not {objective}."];
            }
        }

        if (edit.GcmObjectives is { } stated && edit.GcmInferred is { } inferred && stated.Intersect(inferred).Any())
        {
            errors["gcmInferred"] = [$"Objective {stated.Intersect(inferred).First()} is either stated by the document or inferred, not both."];
        }

        return errors;
    }

    /// <summary>How an element is written through the kernel: a deleted one is found only to be restored.</summary>
    internal static readonly Editable<PlanElement, ElementSnapshot> Elements = new(EntityType, FindLiveAsync, Snapshot, e => e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static async Task<PlanElement?> FindLiveAsync(MovilidadDb db, int id, CancellationToken ct) =>
        await db.FindForEditAsync(id, ct) is { DeletedAt: null } element ? element : null;

    public static async Task<WriteOutcome<ElementSnapshot>> SaveAsync(this MovilidadDb db, int id, ElementEdit edit, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        var errors = Validate(edit);
        var targets = await db.ResolveTargetsAsync(edit.Results, edit.Indicators, errors, ct);
        if (errors.Count > 0)
        {
            return new WriteOutcome<ElementSnapshot>.Invalid(errors);
        }

        return await db.EditAsync(Elements, id, edit.Version, AuditActions.Update, element =>
        {
            element.Title = Trim(edit.Title);
            element.Text = Trim(edit.Text);
            element.TimeframeLabel = Trim(edit.TimeframeLabel);
            element.Footnotes.Clear();
            element.Footnotes.AddRange((edit.Footnotes ?? []).OrderBy(f => f.Number).Select(f => new Footnote { Number = f.Number, Text = Trim(f.Text) }));
            if (edit.GcmObjectives is not null || edit.GcmInferred is not null)
            {
                var stated = edit.GcmObjectives ?? element.GcmObjectives.Where(g => !g.Inferred).Select(g => g.Objective).ToList();
                var inferred = edit.GcmInferred ?? element.GcmObjectives.Where(g => g.Inferred).Select(g => g.Objective).ToList();
                element.GcmObjectives.Clear();
                element.GcmObjectives.AddRange(stated.Distinct().Select(o => new GcmLink { Objective = o })
                    .Concat(inferred.Distinct().Except(stated).Select(o => new GcmLink { Objective = o, Inferred = true })));
            }

            targets.ApplyTo(element);

            element.SearchText = TextSearch.Fold(string.Join(' ',
                new[] { element.Code, element.Title.Es, element.Title.En, element.Text.Es, element.Text.En }
                    .Concat(element.Footnotes.SelectMany(f => new[] { f.Text.Es, f.Text.En }))));
        }, actor, clock, ct);
    }

    /// <summary>
    /// The Strategic Plan's results and indicators named by their codes (case aside), as tracked entities; a code that names
    /// none is an error at its field (<c>results[0]</c>, <c>indicators[2]</c>). A list left out (null) stays null: no change.
    /// </summary>
    public static async Task<ContributionTargets> ResolveTargetsAsync(this MovilidadDb db, IReadOnlyList<string>? results, IReadOnlyList<string>? indicators, IDictionary<string, string[]> errors, CancellationToken ct)
    {
        List<PlanElement>? resultTargets = null;
        List<Indicator>? indicatorTargets = null;
        if (results is not null)
        {
            var known = await db.StrategicResults().ToListAsync(ct);
            resultTargets = Match(results, known, r => StrategicPlanTargets.ResultCode(r.Key), "results", "result", errors);
        }

        if (indicators is not null)
        {
            var known = await db.StrategicIndicators().ToListAsync(ct);
            indicatorTargets = Match(indicators, known, i => i.Code, "indicators", "indicator", errors);
        }

        return new ContributionTargets(resultTargets, indicatorTargets);
    }

    /// <summary>The expected results of the Strategic Plan's Table 2, in the document's order.</summary>
    public static IQueryable<PlanElement> StrategicResults(this MovilidadDb db) =>
        db.PlanElements.Where(e => e.Plan!.Key == StrategicPlanTargets.PlanKey && e.LevelKey == StrategicPlanTargets.ResultLevel && e.Parent!.Key == StrategicPlanTargets.ResultsTable)
            .OrderBy(e => e.SortOrder);

    /// <summary>The Strategic Plan's indicators, in their order.</summary>
    public static IQueryable<Indicator> StrategicIndicators(this MovilidadDb db) =>
        db.Indicators.Where(i => i.Plan!.Key == StrategicPlanTargets.PlanKey).OrderBy(i => i.SortOrder);

    private static List<T> Match<T>(IReadOnlyList<string> codes, List<T> known, Func<T, string> code, string field, string noun, IDictionary<string, string[]> errors)
    {
        var byCode = known.ToDictionary(k => code(k), StringComparer.OrdinalIgnoreCase);
        var matched = new List<T>();
        foreach (var (value, i) in codes.Select((c, i) => (c?.Trim() ?? string.Empty, i)))
        {
            if (byCode.TryGetValue(value, out var target))
            {
                matched.Add(target);
            }
            else
            {
                errors[$"{field}[{i}]"] = [$"The Strategic Plan has no {noun} '{value}' ({string.Join(", ", known.Select(code))})."];
            }
        }

        return matched.Distinct().ToList();
    }

    /// <summary>Deletes a live element or restores a deleted one; the other way round it is not found.</summary>
    public static Task<WriteOutcome<ElementSnapshot>> SetDeletedAsync(this MovilidadDb db, int id, bool deleted, int version, AuditActor actor, TimeProvider clock, CancellationToken ct) =>
        db.EditAsync(
            Elements with { Find = async (db, id, ct) => await db.FindForEditAsync(id, ct) is { } element && (element.DeletedAt is not null) != deleted ? element : null },
            id, version, deleted ? AuditActions.Delete : AuditActions.Restore, element => element.DeletedAt = deleted ? clock.GetUtcNow().UtcDateTime : null, actor, clock, ct);

    private static Bilingual Trim(Bilingual? text) => text is null ? Bilingual.Empty : new Bilingual(text.Es?.Trim() ?? string.Empty, text.En?.Trim() ?? string.Empty);
}

/// <summary>The results and indicators an element is to contribute to, resolved; a list that is null leaves the element's links as they are.</summary>
public sealed record ContributionTargets(IReadOnlyList<PlanElement>? Results, IReadOnlyList<Indicator>? Indicators)
{
    /// <summary>Links the element to exactly these targets: links no longer named go, new ones come, the others stay.</summary>
    public void ApplyTo(PlanElement element)
    {
        if (Results is { } results)
        {
            element.Results.RemoveAll(r => !results.Any(t => t.Id == r.ResultId));
            element.Results.AddRange(results.Where(t => !element.Results.Any(r => r.ResultId == t.Id)).Select(t => new ResultContribution { ResultId = t.Id, Result = t }));
        }

        if (Indicators is { } indicators)
        {
            element.Indicators.RemoveAll(r => !indicators.Any(t => t.Id == r.IndicatorId));
            element.Indicators.AddRange(indicators.Where(t => !element.Indicators.Any(r => r.IndicatorId == t.Id)).Select(t => new IndicatorContribution { IndicatorId = t.Id, Indicator = t }));
        }
    }
}
