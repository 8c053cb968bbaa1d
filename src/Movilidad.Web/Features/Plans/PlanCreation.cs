using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Institutions;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Plans;
using Movilidad.Platform.Search;
using Movilidad.Platform.Writes;

namespace Movilidad.Web.Features.Plans;

/// <summary>A level of a plan made here, named in both languages; activities hang under the elements of an actionable level.</summary>
public sealed record LevelCreate(string Key, Bilingual Name, bool Actionable);

/// <summary>A plan made in the platform (not shipped in <c>data/plans</c>): it starts unpublished, as a draft.</summary>
public sealed record PlanCreate(
    string Key, PlanKind Kind, Bilingual Title, Bilingual? Summary, int PeriodStart, int PeriodEnd, string? Owner, string? Parent,
    IReadOnlyList<LevelCreate> Levels);

public sealed record PlanCreated(int Id, string Key, PlanKind Kind, Bilingual Title, int PeriodStart, int PeriodEnd, string? Owner, bool IsPublished, IReadOnlyList<LevelCreate> Levels);

/// <summary>An institution named on an element, by its code, with its role.</summary>
public sealed record ElementInstitutionCreate(string Code, InstitutionRole Role);

/// <summary>
/// An element of a plan made here, with the fields the shipped plans have: code, bilingual title and text, timeframe,
/// institutions by role, GCM objectives and SDG targets, and the Strategic Plan's results and indicators it contributes to (by code).
/// </summary>
public sealed record ElementCreate(
    int? ParentId, string Level, string? Code, Bilingual Title, Bilingual? Text, Term? Term, DateOnly? StartDate, DateOnly? EndDate,
    IReadOnlyList<ElementInstitutionCreate>? Institutions, IReadOnlyList<int>? GcmObjectives, IReadOnlyList<string>? SdgTargets,
    IReadOnlyList<string>? Results = null, IReadOnlyList<string>? Indicators = null);

public sealed record ElementCreated(int Id, int PlanId, int? ParentId, string Key, string Level, string? Code, Bilingual Title, bool IsActionable, int Version);

/// <summary>Creates plans and their elements in the platform: validated field by field, audited, one transaction each.</summary>
public static partial class PlanCreation
{
    public const string PlanEntityType = "plan";

    /// <summary>The working group that owns a plan, when its owner is one: its members draft the plan while it is unpublished.</summary>
    public static async Task<WorkingGroupScope> OwnerScopeAsync(this MovilidadDb db, string? owner, CancellationToken ct) =>
        new(owner is null ? [] : await db.Institutions.Where(i => i.Code == owner && i.Kind == InstitutionKind.WorkingGroup).Select(i => i.Id).ToListAsync(ct));

    /// <summary>
    /// Who may add elements to a plan: the Secretariat, and while a working group's plan is a draft not waiting for the
    /// Secretariat's approval, that group's members.
    /// </summary>
    public static async Task<WorkingGroupScope?> PlanScopeAsync(this MovilidadDb db, int planId, CancellationToken ct) =>
        await db.Plans.IgnoreQueryFilters().Where(p => p.Id == planId).Select(p => new { p.IsPublished, p.Review, p.OwnerId, Kind = (InstitutionKind?)p.Owner!.Kind }).SingleOrDefaultAsync(ct) is { } plan
            ? new WorkingGroupScope(!plan.IsPublished && plan.Review != PlanReview.Submitted && plan.Kind == InstitutionKind.WorkingGroup && plan.OwnerId is { } owner ? [owner] : [])
            : null;

    public static async Task<WriteOutcome<PlanCreated>> CreatePlanAsync(this MovilidadDb db, PlanCreate create, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [message];
        var key = create.Key?.Trim() ?? string.Empty;
        if (!KeyPattern().IsMatch(key) || key == "new")
        {
            Add("key", "The key is 3 to 64 lower-case letters, digits and hyphens, starting with a letter (not 'new').");
        }
        else if (await db.Plans.IgnoreQueryFilters().AnyAsync(p => p.Key == key, ct))
        {
            Add("key", $"A plan already has the key {key}.");
        }

        BilingualRequired(errors, "title", create.Title, 400);
        BilingualOptional(errors, "summary", create.Summary, 20000);
        if (create.PeriodStart is < 2000 or > 2100)
        {
            Add("periodStart", "The period starts in a year between 2000 and 2100.");
        }

        if (create.PeriodEnd < create.PeriodStart || create.PeriodEnd > 2100)
        {
            Add("periodEnd", "The period ends in a year from its start to 2100.");
        }

        var owner = create.Owner is { Length: > 0 } code ? await db.Institutions.SingleOrDefaultAsync(i => i.Code == code, ct) : null;
        if (create.Owner is { Length: > 0 } && owner is null)
        {
            Add("owner", $"No institution has the code {create.Owner}.");
        }

        if (create.Kind == PlanKind.WorkingGroupWorkPlan && owner?.Kind != InstitutionKind.WorkingGroup)
        {
            Add("owner", "A working group's work plan is owned by a working group (its code, such as GT-ML).");
        }

        var parent = create.Parent is { Length: > 0 } parentKey ? await db.Plans.IgnoreQueryFilters().SingleOrDefaultAsync(p => p.Key == parentKey, ct) : null;
        if (create.Parent is { Length: > 0 } && parent is null)
        {
            Add("parent", $"No plan has the key {create.Parent}.");
        }

        var levels = create.Levels ?? [];
        if (levels.Count == 0)
        {
            Add("levels", "A plan has at least one level (line of action, activity...).");
        }

        foreach (var (level, i) in levels.Select((l, i) => (l, i)))
        {
            if (level.Key is not { Length: >= 1 and <= 64 } levelKey || !LevelKeyPattern().IsMatch(levelKey))
            {
                Add($"levels[{i}].key", "A level's key is lower-case letters, digits and hyphens.");
            }

            BilingualRequired(errors, $"levels[{i}].name", level.Name, 200);
        }

        if (levels.Select(l => l.Key).Distinct(StringComparer.Ordinal).Count() != levels.Count)
        {
            Add("levels", "Each level has its own key.");
        }

        if (errors.Count > 0)
        {
            return new WriteOutcome<PlanCreated>.Invalid(errors);
        }

        var plan = new Plan
        {
            Key = key,
            Number = string.Empty,
            SourceDocument = string.Empty,
            Kind = create.Kind,
            Title = Trim(create.Title),
            Summary = Trim(create.Summary),
            PeriodStart = create.PeriodStart,
            PeriodEnd = create.PeriodEnd,
            Owner = owner,
            ParentPlan = parent,
            IsPublished = false,
            SortOrder = 1000,
            Levels = levels.Select((l, i) => new PlanLevel { Key = l.Key, Name = Trim(l.Name), SortOrder = i, Actionable = l.Actionable }).ToList(),
        };
        db.Plans.Add(plan);
        await db.SaveAuditedAsync(actor, () => new AuditRecord(AuditActions.Create, PlanEntityType, plan.Id.ToString(CultureInfo.InvariantCulture), null, View(plan)), clock, ct);
        return new WriteOutcome<PlanCreated>.Saved(View(plan));
    }

    /// <summary>
    /// Adds a level at the end of a plan made here, draft or published: the elements already there keep their levels. A
    /// plan shipped with its source document keeps the document's levels: one added here would make the plan count as
    /// edited, and it would stop taking its file's corrections (<c>PlanContentLoader</c>), so it is refused.
    /// </summary>
    public static async Task<WriteOutcome<PlanCreated>> AddLevelAsync(this MovilidadDb db, int planId, LevelCreate level, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        var plan = await db.Plans.IgnoreQueryFilters().Include(p => p.Levels).Include(p => p.Owner).SingleOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
        {
            return new WriteOutcome<PlanCreated>.NotFound();
        }

        var errors = new Dictionary<string, string[]>();
        if (plan.SourceDocument.Length > 0)
        {
            errors["plan"] = [$"The plan {plan.Key} is shipped with its source document ({plan.SourceDocument}): its levels are the document's, and a level added here would stop it from taking its file's corrections. Make a plan here for another structure."];
        }

        if (level.Key is not { Length: >= 1 and <= 64 } levelKey || !LevelKeyPattern().IsMatch(levelKey))
        {
            errors["key"] = ["A level's key is lower-case letters, digits and hyphens."];
        }
        else if (plan.Levels.Any(l => l.Key == levelKey))
        {
            errors["key"] = [$"The plan already has a level '{levelKey}'."];
        }

        BilingualRequired(errors, "name", level.Name, 200);
        if (errors.Count > 0)
        {
            return new WriteOutcome<PlanCreated>.Invalid(errors);
        }

        var before = View(plan);
        plan.Levels.Add(new PlanLevel { Key = level.Key, Name = Trim(level.Name), SortOrder = plan.Levels.Select(l => l.SortOrder).DefaultIfEmpty(-1).Max() + 1, Actionable = level.Actionable });
        await db.SaveAuditedAsync(actor, () => new AuditRecord(AuditActions.Update, PlanEntityType, plan.Id.ToString(CultureInfo.InvariantCulture), before, View(plan)), clock, ct);
        return new WriteOutcome<PlanCreated>.Saved(View(plan));
    }

    public static async Task<WriteOutcome<ElementCreated>> CreateElementAsync(this MovilidadDb db, int planId, ElementCreate create, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        var plan = await db.Plans.IgnoreQueryFilters().Include(p => p.Levels).SingleOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
        {
            return new WriteOutcome<ElementCreated>.NotFound();
        }

        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [message];
        var level = plan.Levels.FirstOrDefault(l => l.Key == create.Level);
        if (level is null)
        {
            Add("level", $"The plan has no level '{create.Level}' ({string.Join(", ", plan.Levels.OrderBy(l => l.SortOrder).Select(l => l.Key))}).");
        }

        PlanElement? parent = null;
        if (create.ParentId is { } parentId)
        {
            parent = await db.PlanElements.SingleOrDefaultAsync(e => e.Id == parentId && e.PlanId == planId, ct);
            if (parent is null)
            {
                Add("parentId", $"No element of this plan has the id {parentId}.");
            }
        }

        if (create.Code is { Length: > 32 })
        {
            Add("code", "The code is at most 32 characters.");
        }

        BilingualRequired(errors, "title", create.Title, ElementEditing.TitleMaxLength);
        BilingualOptional(errors, "text", create.Text, ElementEditing.TextMaxLength);
        foreach (var (field, date) in new[] { ("startDate", create.StartDate), ("endDate", create.EndDate) })
        {
            if (date is { } d && (d.Year < plan.PeriodStart || d.Year > plan.PeriodEnd))
            {
                Add(field, $"{d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} is outside the plan's period {plan.PeriodStart}-{plan.PeriodEnd}.");
            }
        }

        if (create.StartDate is { } start && create.EndDate is { } end && end < start)
        {
            Add("endDate", "The end date is before the start date.");
        }

        foreach (var (objective, i) in (create.GcmObjectives ?? []).Select((o, i) => (o, i)).Where(p => p.o is < 1 or > 23))
        {
            Add($"gcmObjectives[{i}]", $"The Global Compact has objectives 1 to 23, not {objective}.");
        }

        foreach (var (target, i) in (create.SdgTargets ?? []).Select((t, i) => (t, i)).Where(p => !SdgPattern().IsMatch(p.t ?? string.Empty)))
        {
            Add($"sdgTargets[{i}]", $"'{target}' is not an SDG target (such as 8.8 or 10.7).");
        }

        var links = create.Institutions ?? [];
        foreach (var (_, i) in links.Select((l, i) => (l, i)).Where(p => p.l is not { Code.Length: > 0 }))
        {
            Add($"institutions[{i}].code", "Name the institution by its code.");
        }

        var codes = links.Where(l => l is { Code.Length: > 0 }).Select(l => l.Code).Distinct(StringComparer.Ordinal).ToList();
        var institutions = await db.Institutions.Where(i => codes.Contains(i.Code)).ToDictionaryAsync(i => i.Code, ct);
        foreach (var (link, i) in links.Select((l, i) => (l, i)).Where(p => p.l is { Code.Length: > 0 } && !institutions.ContainsKey(p.l.Code)))
        {
            Add($"institutions[{i}].code", $"No institution has the code {link.Code}.");
        }

        var targets = await db.ResolveTargetsAsync(create.Results, create.Indicators, errors, ct);
        if (errors.Count > 0)
        {
            return new WriteOutcome<ElementCreated>.Invalid(errors);
        }

        var siblings = await db.PlanElements.IgnoreQueryFilters().CountAsync(e => e.PlanId == planId && e.ParentId == create.ParentId, ct);
        var count = await db.PlanElements.IgnoreQueryFilters().CountAsync(e => e.PlanId == planId, ct);
        var element = new PlanElement
        {
            PlanId = planId,
            Plan = plan,
            Parent = parent,
            Key = $"e{count + 1}",
            LevelKey = level!.Key,
            Code = create.Code?.Trim() is { Length: > 0 } code ? code : null,
            Title = Trim(create.Title),
            Text = Trim(create.Text),
            Section = string.Empty,
            SortOrder = siblings,
            Depth = parent is null ? 0 : parent.Depth + 1,
            Term = create.Term,
            StartDate = create.StartDate,
            EndDate = create.EndDate,
            IsActionable = level.Actionable,
            Institutions = (create.Institutions ?? []).Select(i => (institutions[i.Code].Id, i.Role)).Distinct().Select(i => new ElementInstitution { InstitutionId = i.Id, Role = i.Role }).ToList(),
            GcmObjectives = (create.GcmObjectives ?? []).Distinct().Select(o => new GcmLink { Objective = o }).ToList(),
            SdgTargets = (create.SdgTargets ?? []).Distinct(StringComparer.Ordinal).Select(t => new SdgLink { Target = t }).ToList(),
        };
        targets.ApplyTo(element);
        element.SearchText = TextSearch.Fold(string.Join(' ', element.Code, element.Title.Es, element.Title.En, element.Text.Es, element.Text.En));
        var outcome = await db.CreateAsync(ElementEditing.Elements, element, actor, clock, ct);
        return outcome is WriteOutcome<ElementSnapshot>.Saved
            ? new WriteOutcome<ElementCreated>.Saved(new ElementCreated(element.Id, planId, element.ParentId, element.Key, element.LevelKey, element.Code, element.Title, element.IsActionable, element.Version))
            : new WriteOutcome<ElementCreated>.Invalid(new Dictionary<string, string[]> { ["element"] = ["The element was not saved."] });
    }

    private static PlanCreated View(Plan plan) => new(
        plan.Id, plan.Key, plan.Kind, plan.Title, plan.PeriodStart, plan.PeriodEnd, plan.Owner?.Code, plan.IsPublished,
        plan.Levels.OrderBy(l => l.SortOrder).Select(l => new LevelCreate(l.Key, l.Name, l.Actionable)).ToList());

    private static void BilingualRequired(Dictionary<string, string[]> errors, string field, Bilingual? value, int max)
    {
        foreach (var (language, text) in new[] { ("es", value?.Es), ("en", value?.En) })
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                errors[$"{field}.{language}"] = [$"{field}.{language} is required."];
            }
            else if (text.Length > max)
            {
                errors[$"{field}.{language}"] = [$"{field}.{language} is longer than {max} characters."];
            }
        }
    }

    private static void BilingualOptional(Dictionary<string, string[]> errors, string field, Bilingual? value, int max)
    {
        foreach (var (language, text) in new[] { ("es", value?.Es), ("en", value?.En) })
        {
            if (text?.Length > max)
            {
                errors[$"{field}.{language}"] = [$"{field}.{language} is longer than {max} characters."];
            }
        }
    }

    private static Bilingual Trim(Bilingual? text) => text is null ? Bilingual.Empty : new Bilingual(text.Es?.Trim() ?? string.Empty, text.En?.Trim() ?? string.Empty);

    [GeneratedRegex("^[a-z][a-z0-9-]{2,63}$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex LevelKeyPattern();

    [GeneratedRegex(@"^\d{1,2}\.[0-9a-c]{1,2}$")]
    private static partial Regex SdgPattern();
}
