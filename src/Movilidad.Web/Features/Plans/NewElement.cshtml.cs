using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Plans;
using Movilidad.Platform.Writes;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Web.Infrastructure.Localization;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Plans;

/// <summary>The form of a new element: every field of <see cref="ElementCreate"/>, dates and lists as typed.</summary>
public sealed class NewElementForm
{
    public string? Level { get; set; }
    public int? ParentId { get; set; }
    public string? Code { get; set; }
    public string? TitleEs { get; set; }
    public string? TitleEn { get; set; }
    public string? TextEs { get; set; }
    public string? TextEn { get; set; }
    public string? Term { get; set; }
    public string? StartDate { get; set; }
    public string? EndDate { get; set; }
    public List<string> Responsible { get; set; } = [];
    public List<string> Accompanying { get; set; } = [];
    public string? GcmObjectives { get; set; }
    public string? SdgTargets { get; set; }

    /// <summary>The Strategic Plan's results and indicators ticked, by code.</summary>
    public List<string> Results { get; set; } = [];
    public List<string> Indicators { get; set; } = [];

    /// <summary>What the API takes, and the errors of what did not read as a date, a term or an objective number.</summary>
    public (ElementCreate Create, FieldErrors Errors) ToCreate()
    {
        var typed = new TypedFields(CultureInfo.InvariantCulture);
        Term? term = null;
        if (!string.IsNullOrEmpty(Term))
        {
            if (Enum.TryParse<Term>(Term, out var parsed) && Enum.IsDefined(parsed))
            {
                term = parsed;
            }
            else
            {
                typed.Errors["term"] = [$"{Term} is not a term."];
            }
        }

        var start = typed.Date("startDate", StartDate);
        var end = typed.Date("endDate", EndDate);
        var objectives = ElementInput.Objectives(GcmObjectives, "gcmObjectives", typed.Errors);
        var targets = (SdgTargets ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var institutions = Responsible.Select(c => new ElementInstitutionCreate(c, InstitutionRole.Responsible))
            .Concat(Accompanying.Select(c => new ElementInstitutionCreate(c, InstitutionRole.Accompanying))).ToList();
        var create = new ElementCreate(
            ParentId is > 0 ? ParentId : null, Level ?? string.Empty, Code, new Bilingual(TitleEs ?? string.Empty, TitleEn ?? string.Empty),
            new Bilingual(TextEs ?? string.Empty, TextEn ?? string.Empty), term, start, end, institutions, objectives, targets, Results, Indicators);
        return (create, typed.Errors);
    }
}

/// <summary>
/// Adds an element to a plan made here (<c>/plans/{key}/elements/new</c>, <c>?parent=</c> to start under an element):
/// the Secretariat, and a working group's members while their group's draft is not waiting for approval, as in the API.
/// </summary>
public class NewElementModel(MovilidadDb db, IAuthorizationService auth, IOutputCacheStore cache, TimeProvider clock) : WritePage
{
    [BindProperty]
    public NewElementForm Form { get; set; } = new();

    public PlanRef? Plan { get; private set; }
    public IReadOnlyList<Choice> Levels { get; private set; } = [];
    public IReadOnlyList<Choice> Parents { get; private set; } = [];
    public IReadOnlyList<Choice> Institutions { get; private set; } = [];
    public ContributionChoices Choices { get; private set; } = new([], []);

    public async Task<IActionResult> OnGetAsync(string key, int? parent, CancellationToken ct)
    {
        if (await LoadAsync(key, ct) is { } refused)
        {
            return refused;
        }

        Form.ParentId = parent;
        var planId = Plan!.Id;
        var levels = await db.PlanLevelsAsync(planId, ct);
        var parentLevel = parent is { } p ? await db.PlanElements.Where(e => e.Id == p && e.PlanId == planId).Select(e => e.LevelKey).SingleOrDefaultAsync(ct) : null;
        var index = parentLevel is null ? -1 : levels.FindIndex(l => l.Key == parentLevel);
        Form.Level = levels.ElementAtOrDefault(Math.Min(index + 1, levels.Count - 1))?.Key;
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(string key, CancellationToken ct)
    {
        if (await LoadAsync(key, ct) is { } refused)
        {
            return refused;
        }

        var (create, typed) = Form.ToCreate();
        if (typed.Count > 0)
        {
            return await RefuseAsync(typed, () => ShowAsync(ct));
        }

        var plan = Plan!;
        return await PageAfterWriteAsync(await db.CreateElementAsync(plan.Id, create, AuditActor.From(HttpContext), clock, ct), async _ =>
        {
            await cache.EvictByTagAsync(PlanCache.Tag, ct);
            return Redirect("/plans/" + plan.Key);
        }, () => ShowAsync(ct));
    }

    /// <summary>The plan, whoever may see it; 404 when there is none, 403 when the person may not add to it.</summary>
    private async Task<IActionResult?> LoadAsync(string key, CancellationToken ct)
    {
        var plan = await db.Plans.IgnoreQueryFilters().AsNoTracking().Where(p => p.Key == key).Select(p => new PlanRef(p.Id, p.Key, p.Title)).SingleOrDefaultAsync(ct);
        if (plan is null)
        {
            return NotFound();
        }

        if (await db.PlanScopeAsync(plan.Id, ct) is not { } scope || !await auth.CanAsync(User, PlanOperations.Create, scope))
        {
            return Forbid();
        }

        Plan = plan;
        return null;
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var planId = Plan!.Id;
        Levels = (await db.PlanLevelsAsync(planId, ct)).Select(l => new Choice(l.Key, l.Name.Current)).ToList();
        var elements = await db.PlanElements.IgnoreQueryFilters().AsNoTracking().Where(e => e.PlanId == planId && e.DeletedAt == null)
            .Select(e => new { e.Id, e.ParentId, e.SortOrder, e.Code, e.Title }).ToListAsync(ct);
        var byParent = elements.ToLookup(e => e.ParentId);
        var parents = new List<Choice>();
        void Walk(int? parent, int depth)
        {
            foreach (var e in byParent[parent].OrderBy(e => e.SortOrder))
            {
                parents.Add(new Choice(e.Id.ToString(CultureInfo.InvariantCulture), new string('\u00a0', depth * 3) + (e.Code is { } code ? code + " · " : "") + PageFormats.Shorten(e.Title.Current)));
                Walk(e.Id, depth + 1);
            }
        }

        Walk(null, 0);
        Parents = parents;
        var institutions = await db.Institutions.AsNoTracking().OrderBy(i => i.Kind).ThenBy(i => i.Code).Select(i => new { i.Code, i.Acronym, i.Name }).ToListAsync(ct);
        Institutions = institutions.Select(i => new Choice(i.Code, $"{i.Acronym.Current} · {PageFormats.Shorten(i.Name.Current)}")).ToList();
        Choices = await db.ContributionChoicesAsync(ct);
        return Page();
    }
}
