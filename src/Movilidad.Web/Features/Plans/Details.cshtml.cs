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
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Plans;

/// <summary>
/// A plan's page: its tree and facts for everyone who may see it; for a plan made here, where it stands in its approval,
/// its steps (who, when) and the buttons of the next ones for the people who may take them.
/// </summary>
[OutputCache(PolicyName = PlanCache.Policy)]
[AllowAnonymous]
public class DetailsModel(MovilidadDb db, IAuthorizationService auth, IOutputCacheStore cache, TimeProvider clock) : WritePage
{
    public PlanDetail? Plan { get; private set; }
    public IReadOnlyList<TreeNode> Tree { get; private set; } = [];
    public IReadOnlyDictionary<string, Bilingual> LevelNames { get; private set; } = new Dictionary<string, Bilingual>();
    public IReadOnlyList<PlanSummary> ServedBy { get; private set; } = [];

    /// <summary>Where a plan made here stands, for the people who work on it; null for the shipped plans and for other readers.</summary>
    public PlanApprovalView? Approval { get; private set; }
    public bool IsGroupPlan { get; private set; }
    public IReadOnlyList<PlanStepView> Steps { get; private set; } = [];
    public bool CanAddElements { get; private set; }
    public bool CanSubmit { get; private set; }
    public bool CanDecide { get; private set; }
    public bool CanPublish { get; private set; }

    /// <summary>Whether the person adds a level at the end: those who add elements.</summary>
    public bool CanAddLevel { get; private set; }

    /// <summary>The version of the plan the person read, sent back with a step.</summary>
    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    /// <summary>A level to add at the end of the plan: its key, its name in both languages, whether it takes activities.</summary>
    [BindProperty]
    public NewLevelForm NewLevel { get; set; } = new();

    public Task<IActionResult> OnGetAsync(string key, CancellationToken ct) => ShowAsync(key, ct);

    public Task<IActionResult> OnPostSubmitAsync(string key, CancellationToken ct) =>
        StepAsync(key, async id => await db.OwnerGroupScopeAsync(id, ct) is { } scope && await auth.CanAsync(User, PlanOperations.Create, scope),
            id => db.SubmitAsync(id, new PlanStep(Version), AuditActor.From(HttpContext), clock, ct), ct);

    public Task<IActionResult> OnPostApproveAsync(string key, CancellationToken ct) =>
        StepAsync(key, _ => auth.CanAsync(User, PlanOperations.Publish), id => db.ApproveAsync(id, new PlanStep(Version), AuditActor.From(HttpContext), clock, ct), ct);

    public Task<IActionResult> OnPostReturnAsync(string key, CancellationToken ct) =>
        StepAsync(key, _ => auth.CanAsync(User, PlanOperations.Publish), id => db.ReturnAsync(id, new PlanStep(Version, Comment), AuditActor.From(HttpContext), clock, ct), ct);

    /// <summary>The Secretariat publishes a plan of its own (a working group's goes through approval).</summary>
    public async Task<IActionResult> OnPostPublishAsync(string key, CancellationToken ct)
    {
        if (await db.Plans.IgnoreQueryFilters().Where(p => p.Key == key).Select(p => (int?)p.Id).SingleOrDefaultAsync(ct) is not { } id)
        {
            return NotFound();
        }

        if (!await auth.CanAsync(User, PlanOperations.Publish))
        {
            return Forbid();
        }

        await db.SetPublishedAsync(id, true, AuditActor.From(HttpContext), clock, ct);
        await cache.EvictByTagAsync(PlanCache.Tag, ct);
        return Redirect("/plans/" + key);
    }

    /// <summary>Adds a level at the end, as the API does (<c>POST /api/plans/{id}/levels</c>); errors are shown at the form's fields.</summary>
    public async Task<IActionResult> OnPostAddLevelAsync(string key, CancellationToken ct)
    {
        if (await db.Plans.IgnoreQueryFilters().Where(p => p.Key == key).Select(p => (int?)p.Id).SingleOrDefaultAsync(ct) is not { } id)
        {
            return NotFound();
        }

        if (await db.PlanScopeAsync(id, ct) is not { } scope || !await auth.CanAsync(User, PlanOperations.Create, scope))
        {
            return Forbid();
        }

        var outcome = await db.AddLevelAsync(id, new LevelCreate(NewLevel.Key?.Trim() ?? string.Empty, new Bilingual(NewLevel.NameEs ?? string.Empty, NewLevel.NameEn ?? string.Empty), NewLevel.Actionable),
            AuditActor.From(HttpContext), clock, ct);
        if (outcome is WriteOutcome<PlanCreated>.Invalid invalid)
        {
            outcome = new WriteOutcome<PlanCreated>.Invalid(invalid.Errors.ToDictionary(e => NewLevelForm.Prefix + e.Key, e => e.Value));
        }

        db.ChangeTracker.Clear();
        return await PageAfterWriteAsync(outcome, async _ =>
        {
            await cache.EvictByTagAsync(PlanCache.Tag, ct);
            return Redirect("/plans/" + key);
        }, () => ShowAsync(key, ct));
    }

    private async Task<IActionResult> StepAsync(string key, Func<int, Task<bool>> may, Func<int, Task<WriteOutcome<PlanApprovalView>>> step, CancellationToken ct)
    {
        if (await db.Plans.IgnoreQueryFilters().Where(p => p.Key == key).Select(p => (int?)p.Id).SingleOrDefaultAsync(ct) is not { } id)
        {
            return NotFound();
        }

        if (!await may(id))
        {
            return Forbid();
        }

        var outcome = await step(id);
        db.ChangeTracker.Clear();
        return await PageAfterWriteAsync(outcome, async _ =>
        {
            await cache.EvictByTagAsync(PlanCache.Tag, ct);
            return Redirect("/plans/" + key);
        }, () => ShowAsync(key, ct));
    }

    private async Task<IActionResult> ShowAsync(string key, CancellationToken ct)
    {
        Plan = await db.PlanDetailAsync(null, key, ct);
        if (Plan is null)
        {
            return NotFound();
        }

        Tree = await db.PlanTreeAsync(Plan.Id, ct) ?? [];
        LevelNames = Plan.Levels.ToDictionary(l => l.Key, l => l.Name);
        ServedBy = (await db.PlanSummariesAsync(ct)).Where(p => p.ParentKey == Plan.Key).ToList();
        if (Plan.SourceDocument.Length == 0 && User.Identity?.IsAuthenticated == true && PlanPermissions.ReadsUnpublished(User))
        {
            var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == Plan.Id, ct);
            Approval = PlanApproval.View(plan);
            IsGroupPlan = plan.Kind == PlanKind.WorkingGroupWorkPlan;
            Steps = await db.StepsAsync(Plan.Id, ct);
            CanAddElements = await db.PlanScopeAsync(Plan.Id, ct) is { } scope && await auth.CanAsync(User, PlanOperations.Create, scope);
            CanAddLevel = CanAddElements;
            CanSubmit = IsGroupPlan && !plan.IsPublished && plan.Review != PlanReview.Submitted
                && await db.OwnerGroupScopeAsync(Plan.Id, ct) is { } owners && await auth.CanAsync(User, PlanOperations.Create, owners);
            var secretariat = await auth.CanAsync(User, PlanOperations.Publish);
            CanDecide = secretariat && !plan.IsPublished && plan.Review == PlanReview.Submitted;
            CanPublish = secretariat && !plan.IsPublished && !IsGroupPlan;
            Version = plan.Version;
        }

        return Page();
    }
}

/// <summary>The plan page's form of a new level; its errors are named <c>newLevel.key</c>, <c>newLevel.name.es</c>...</summary>
public sealed class NewLevelForm
{
    public const string Prefix = "newLevel.";

    public string? Key { get; set; }
    public string? NameEs { get; set; }
    public string? NameEn { get; set; }
    public bool Actionable { get; set; }
}
