using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Institutions;
using Movilidad.Platform.Plans;
using Movilidad.Platform.Writes;

namespace Movilidad.Web.Features.Plans;

/// <summary>An approval step on a plan, from the version the person read; a return carries the Secretariat's comment.</summary>
public sealed record PlanStep(int Version, string? Comment = null);

/// <summary>Where a plan stands in its approval, as the API answers and the audit trail keeps before and after each step.</summary>
public sealed record PlanApprovalView(int Id, string Key, bool IsPublished, PlanReview? Review, string? ReturnComment, int Version);

/// <summary>A step of a plan's approval as the plan's page shows it: what, who and when.</summary>
public sealed record PlanStepView(string Action, string Actor, DateTime At, string? Comment);

/// <summary>
/// The approval of a working group's draft work plan: the group submits it, the Secretariat approves it (which publishes
/// it) or returns it with a comment, and the group may submit it again. Each step is versioned and audited.
/// </summary>
public static class PlanApproval
{
    public const string Submit = "submit";
    public const string Approve = "approve";
    public const string Return = "return";

    private static readonly string[] Steps = [AuditActions.Create, Submit, Return, Approve, AuditActions.Publish];

    internal static readonly Editable<Plan, PlanApprovalView> Plans = new(
        PlanCreation.PlanEntityType, (db, id, ct) => db.Plans.IgnoreQueryFilters().SingleOrDefaultAsync(p => p.Id == id, ct), View, p => p.Id.ToString(CultureInfo.InvariantCulture));

    public static PlanApprovalView View(Plan plan) => new(plan.Id, plan.Key, plan.IsPublished, plan.Review, plan.ReturnComment, plan.Version);

    /// <summary>
    /// Who may submit a working group's draft: the Secretariat, and that group's members while the plan is unpublished.
    /// Null when there is no such plan.
    /// </summary>
    public static async Task<WorkingGroupScope?> OwnerGroupScopeAsync(this MovilidadDb db, int planId, CancellationToken ct) =>
        await db.Plans.IgnoreQueryFilters().Where(p => p.Id == planId).Select(p => new { p.IsPublished, p.OwnerId, Kind = (InstitutionKind?)p.Owner!.Kind }).SingleOrDefaultAsync(ct) is { } plan
            ? new WorkingGroupScope(!plan.IsPublished && plan.Kind == InstitutionKind.WorkingGroup && plan.OwnerId is { } owner ? [owner] : [])
            : null;

    public static Task<WriteOutcome<PlanApprovalView>> SubmitAsync(this MovilidadDb db, int id, PlanStep step, AuditActor actor, TimeProvider clock, CancellationToken ct) =>
        db.EditAsync(Plans, id, step.Version, Submit,
            plan => Refuse(plan.IsPublished ? "The plan is published already." : plan.Review == PlanReview.Submitted ? "The plan waits for the Secretariat's approval already." : null),
            plan =>
            {
                plan.Review = PlanReview.Submitted;
                return Task.CompletedTask;
            }, actor, clock, ct);

    public static Task<WriteOutcome<PlanApprovalView>> ApproveAsync(this MovilidadDb db, int id, PlanStep step, AuditActor actor, TimeProvider clock, CancellationToken ct) =>
        db.EditAsync(Plans, id, step.Version, Approve,
            plan => Refuse(plan.Review == PlanReview.Submitted && !plan.IsPublished ? null : "Only a plan submitted for approval is approved."),
            plan =>
            {
                plan.Review = PlanReview.Approved;
                plan.ReturnComment = null;
                plan.IsPublished = true;
                return Task.CompletedTask;
            }, actor, clock, ct);

    public static Task<WriteOutcome<PlanApprovalView>> ReturnAsync(this MovilidadDb db, int id, PlanStep step, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        var comment = step.Comment?.Trim() ?? string.Empty;
        return db.EditAsync(Plans, id, step.Version, Return,
            plan => Task.FromResult<IDictionary<string, string[]>>(
                plan.Review != PlanReview.Submitted || plan.IsPublished ? new Dictionary<string, string[]> { ["review"] = ["Only a plan submitted for approval is returned."] }
                : comment.Length == 0 ? new Dictionary<string, string[]> { ["comment"] = ["Say what the working group should change."] }
                : comment.Length > PlanReviews.CommentMaxLength ? new Dictionary<string, string[]> { ["comment"] = [$"The comment is longer than {PlanReviews.CommentMaxLength} characters."] }
                : new Dictionary<string, string[]>()),
            plan =>
            {
                plan.Review = PlanReview.Returned;
                plan.ReturnComment = comment;
                return Task.CompletedTask;
            }, actor, clock, ct);
    }

    /// <summary>Publishes a plan or withdraws it (audited as publish); false when there is no such plan.</summary>
    public static async Task<bool> SetPublishedAsync(this MovilidadDb db, int id, bool published, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        var plan = await db.Plans.IgnoreQueryFilters().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
        {
            return false;
        }

        var before = new { plan.IsPublished };
        plan.IsPublished = published;
        await db.SaveAuditedAsync(actor, () => new AuditRecord(AuditActions.Publish, PlanCreation.PlanEntityType, plan.Id.ToString(CultureInfo.InvariantCulture), before, new { plan.IsPublished }), clock, ct);
        return true;
    }

    /// <summary>The plan's creation and approval steps, oldest first, from the audit trail.</summary>
    public static async Task<IReadOnlyList<PlanStepView>> StepsAsync(this MovilidadDb db, int planId, CancellationToken ct)
    {
        var key = planId.ToString(CultureInfo.InvariantCulture);
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == PlanCreation.PlanEntityType && e.EntityId == key && Steps.Contains(e.Action))
            .OrderBy(e => e.Id).Select(e => new { e.Action, e.Actor, e.At, e.After }).ToListAsync(ct);
        return entries.Select(e => new PlanStepView(e.Action, e.Actor, e.At, e.Action == Return ? Comment(e.After) : null)).ToList();
    }

    private static string? Comment(string? after)
    {
        if (after is null)
        {
            return null;
        }

        using var json = JsonDocument.Parse(after);
        var root = json.RootElement;
        return root.ValueKind == JsonValueKind.Object && (root.TryGetProperty("returnComment", out var value) || root.TryGetProperty("ReturnComment", out value))
            && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    private static Task<IDictionary<string, string[]>> Refuse(string? message) =>
        Task.FromResult<IDictionary<string, string[]>>(message is null ? new Dictionary<string, string[]>() : new Dictionary<string, string[]> { ["review"] = [message] });
}
