using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Institutions;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Plans;
using Movilidad.Platform.Writes;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Web.Infrastructure.Localization;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Plans;

/// <summary>A level of the plan as typed (a blank row is left out).</summary>
public sealed class LevelRow
{
    public string? Key { get; set; }
    public string? NameEs { get; set; }
    public string? NameEn { get; set; }
    public bool Actionable { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Key) && string.IsNullOrWhiteSpace(NameEs) && string.IsNullOrWhiteSpace(NameEn);
}

/// <summary>The form of a new plan: every field of <see cref="PlanCreate"/>, years as typed, the levels as rows.</summary>
public sealed class PlanForm
{
    public string? Kind { get; set; } = nameof(PlanKind.WorkingGroupWorkPlan);
    public string? Key { get; set; }
    public string? TitleEs { get; set; }
    public string? TitleEn { get; set; }
    public string? SummaryEs { get; set; }
    public string? SummaryEn { get; set; }
    public string? PeriodStart { get; set; }
    public string? PeriodEnd { get; set; }
    public string? Owner { get; set; }
    public string? Parent { get; set; }
    public List<LevelRow> Levels { get; set; } = [];

    /// <summary>What the API takes, and the errors of what did not read as a year or a kind.</summary>
    public (PlanCreate Create, FieldErrors Errors) ToCreate()
    {
        var typed = new TypedFields(CultureInfo.InvariantCulture);
        var start = typed.Count("periodStart", PeriodStart);
        var end = typed.Count("periodEnd", PeriodEnd);
        if (!Enum.TryParse<PlanKind>(Kind, out var kind) || !Enum.IsDefined(kind))
        {
            typed.Errors["kind"] = [$"{Kind} is not a kind of plan."];
        }

        var levels = Levels.Where(l => !l.IsBlank)
            .Select(l => new LevelCreate(l.Key?.Trim() ?? string.Empty, new Bilingual(l.NameEs ?? string.Empty, l.NameEn ?? string.Empty), l.Actionable)).ToList();
        var create = new PlanCreate(
            Key ?? string.Empty, kind, new Bilingual(TitleEs ?? string.Empty, TitleEn ?? string.Empty), new Bilingual(SummaryEs ?? string.Empty, SummaryEn ?? string.Empty),
            start ?? 0, end ?? 0, string.IsNullOrWhiteSpace(Owner) ? null : Owner, string.IsNullOrWhiteSpace(Parent) ? null : Parent, levels);
        return (create, typed.Errors);
    }
}

/// <summary>
/// Creates a plan as a draft (<c>/plans/new</c>): the Secretariat any kind, a working group's member their group's work
/// plan; who may is decided as in the API (<c>POST /api/plans</c>).
/// </summary>
public class NewModel(MovilidadDb db, IAuthorizationService auth, IOutputCacheStore cache, TimeProvider clock) : WritePage
{
    public const int BlankLevels = 2;

    [BindProperty]
    public PlanForm Form { get; set; } = new();

    /// <summary>The kinds the person may create: every kind for the Secretariat, a working group's work plan for its members.</summary>
    public IReadOnlyList<PlanKind> Kinds { get; private set; } = [];
    public IReadOnlyList<Choice> Owners { get; private set; } = [];
    public IReadOnlyList<Choice> Parents { get; private set; } = [];

    /// <summary>Whether the person creates plans of every kind (the Secretariat) rather than only their own group's.</summary>
    public bool AnyKind { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await MayCreateAsync())
        {
            return Forbid();
        }

        Form.Levels =
        [
            new() { Key = "line", NameEs = "Línea de acción", NameEn = "Line of action" },
            new() { Key = "activity", NameEs = "Actividad", NameEn = "Activity", Actionable = true },
        ];
        var year = clock.GetUtcNow().Year;
        (Form.PeriodStart, Form.PeriodEnd) = (year.ToString(CultureInfo.InvariantCulture), (year + 1).ToString(CultureInfo.InvariantCulture));
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await MayCreateAsync())
        {
            return Forbid();
        }

        // Blank rows are left out, so the errors' row numbers are those of the rows shown again.
        Form.Levels = Form.Levels.Where(l => !l.IsBlank).ToList();
        var (create, typed) = Form.ToCreate();
        if (typed.Count == 0 && create.Kind != PlanKind.WorkingGroupWorkPlan && !AnyKind)
        {
            typed["kind"] = ["A working group's member creates their group's work plan."];
        }

        if (typed.Count > 0)
        {
            return await RefuseAsync(typed, () => ShowAsync(ct));
        }

        if (!await auth.CanAsync(User, PlanOperations.Create, await db.OwnerScopeAsync(create.Owner, ct)))
        {
            return Forbid();
        }

        return await PageAfterWriteAsync(await db.CreatePlanAsync(create, AuditActor.From(HttpContext), clock, ct), async saved =>
        {
            await cache.EvictByTagAsync(PlanCache.Tag, ct);
            return Redirect("/plans/" + saved.Key);
        }, () => ShowAsync(ct));
    }

    /// <summary>An error of a field in the reader's language (<c>PlansError.{field}</c>).</summary>
    public static string MessageKey(string field) => "Plans" + ErrorKey(field);

    /// <summary>The Secretariat, or a member of a working group (who creates that group's plan).</summary>
    private async Task<bool> MayCreateAsync()
    {
        AnyKind = await auth.CanAsync(User, PlanOperations.Publish);
        return await auth.CreatesPlansAsync(User);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Kinds = AnyKind ? Enum.GetValues<PlanKind>() : [PlanKind.WorkingGroupWorkPlan];
        var groups = PlanVisibility.DraftGroups(User) ?? [];
        var owners = await db.Institutions.AsNoTracking()
            .Where(i => AnyKind || (i.Kind == InstitutionKind.WorkingGroup && groups.Contains(i.Id)))
            .OrderBy(i => i.Kind).ThenBy(i => i.Code).Select(i => new { i.Code, i.Acronym, i.Name }).ToListAsync(ct);
        Owners = owners.Select(i => new Choice(i.Code, $"{i.Acronym.Current} · {PageFormats.Shorten(i.Name.Current)}")).ToList();
        if (!AnyKind && string.IsNullOrEmpty(Form.Owner))
        {
            Form.Owner = Owners.Count > 0 ? Owners[0].Value : null;
        }

        var parents = await db.Plans.AsNoTracking().Where(p => p.IsPublished).OrderBy(p => p.SortOrder).Select(p => new { p.Key, p.Title }).ToListAsync(ct);
        Parents = parents.Select(p => new Choice(p.Key, PageFormats.Shorten(p.Title.Current))).ToList();
        Form.Levels.AddRange(Enumerable.Range(0, Math.Max(0, BlankLevels - Form.Levels.Count(l => l.IsBlank))).Select(_ => new LevelRow()));
        return Page();
    }
}
