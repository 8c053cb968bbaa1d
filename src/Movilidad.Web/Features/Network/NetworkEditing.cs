using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Knowledge;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Monitoring;
using Movilidad.Platform.Network;
using Movilidad.Platform.Writes;

namespace Movilidad.Web.Features.Network;

/// <summary>
/// A quarterly update as written or changed (version 0 for a new one): the quarter (<c>2024-Q2</c>), what was done
/// (ES/EN, one may be empty), the status it proposes (planned, concept-note-complete, approved, in-progress, done,
/// postponed, cancelled), a percentage (0-100) or a milestone, a link to evidence, and the responsible agency writing it
/// (<c>institutionId</c>; the first one the writer acts for when left out).
/// </summary>
public sealed record NetworkUpdateInput(int Version, int? InstitutionId, string? Quarter, Bilingual? Progress, string? Status, int? Percent, Bilingual? Milestone, string? EvidenceUrl);

/// <summary>The co-chairs' decision on an update: the version read and a comment (required to return it).</summary>
public sealed record NetworkDecisionInput(int Version, string? Comment);

/// <summary>The mid-term review as recorded (version 0 for the first time): its date, findings and the changes it makes to the plan.</summary>
public sealed record NetworkReviewInput(int Version, DateOnly? Date, Bilingual? Findings, Bilingual? Changes);

/// <summary>An update as saved at one version: what the API answers and the audit trail keeps.</summary>
public sealed record NetworkUpdateView(
    int Id, int Version, int ElementId, int InstitutionId, string Quarter, Bilingual Progress, string Status, int? Percent, Bilingual Milestone, string? EvidenceUrl,
    string State, string? Comment, int? AuthorId, DateTime CreatedAt, int? DecidedById, DateTime? DecidedAt);

/// <summary>The mid-term review as saved at one version.</summary>
public sealed record NetworkReviewView(int Id, int Version, int PlanId, DateOnly Date, Bilingual Findings, Bilingual Changes, bool Approved, int? ApprovedById, DateTime? ApprovedAt);

/// <summary>The network's follow-up written through the write kernel: authorised by agency or co-chair, validated by field, version-checked, audited.</summary>
public static class NetworkEditing
{
    public static NetworkUpdateView View(NetworkUpdate u) => new(
        u.Id, u.Version, u.ElementId, u.InstitutionId, u.Quarter, u.Progress, ActivityWorkflow.Kebab(u.Status), u.Percent, u.Milestone, u.EvidenceUrl,
        RepositoryVocabulary.Kebab(u.State), u.Comment, u.AuthorId, u.CreatedAt, u.DecidedById, u.DecidedAt);

    public static NetworkReviewView View(NetworkReview r) => new(r.Id, r.Version, r.PlanId, r.Date, r.Findings, r.Changes, r.Approved, r.ApprovedById, r.ApprovedAt);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static readonly Editable<NetworkUpdate, NetworkUpdateView> Updates = new(
        "network-update", (db, id, ct) => db.NetworkUpdates.SingleOrDefaultAsync(u => u.Id == id, ct), View, u => Int(u.Id));

    public static readonly Editable<NetworkReview, NetworkReviewView> Reviews = new(
        "network-review", (db, id, ct) => db.NetworkReviews.SingleOrDefaultAsync(r => r.Id == id, ct), View, r => Int(r.Id));

    private static Bilingual Trim(Bilingual? text) => new(text?.Es?.Trim() ?? string.Empty, text?.En?.Trim() ?? string.Empty);

    private static string Statuses(IEnumerable<ActivityStatus> statuses) => string.Join(", ", statuses.Select(ActivityWorkflow.Kebab));

    /// <summary>Checks an update against its activity, the plan's period, today and the activity's other updates (<paramref name="others"/>: all but the one being changed).</summary>
    public static FieldErrors Validate(NetworkActivityInfo activity, NetworkPlanInfo plan, NetworkUpdateInput input, IReadOnlyList<NetworkUpdate> others, DateOnly today)
    {
        var errors = new FieldErrors();
        if (!NetworkQuarter.TryParse(input.Quarter?.Trim(), out var quarter))
        {
            errors.Add("quarter", "quarter is a quarter written yyyy-Qn, such as 2024-Q2.");
        }
        else if (quarter.Year < plan.PeriodStart || quarter.Year > plan.PeriodEnd)
        {
            errors.Add("quarter", $"{quarter} is outside the plan's period ({Int(plan.PeriodStart)}-{Int(plan.PeriodEnd)}).");
        }
        else if (quarter.Start > today)
        {
            errors.Add("quarter", $"{quarter} has not begun yet.");
        }
        else if (others.FirstOrDefault(u => u.Quarter == quarter.ToString()) is { } same)
        {
            errors.Add("quarter", $"The activity has an update for {quarter} already (id {Int(same.Id)}): change that one.");
        }
        else if (others.Where(u => u.State == UpdateState.Approved && string.CompareOrdinal(u.Quarter, quarter.ToString()) > 0).Select(u => u.Quarter).Max(StringComparer.Ordinal) is { } later)
        {
            errors.Add("quarter", $"The update of {later} is approved already: write the update of a later quarter.");
        }

        errors.Text("progress.es", input.Progress?.Es, NetworkLimits.Text, required: false);
        errors.Text("progress.en", input.Progress?.En, NetworkLimits.Text, required: false);
        if (string.IsNullOrWhiteSpace(input.Progress?.Es) && string.IsNullOrWhiteSpace(input.Progress?.En))
        {
            errors.Add("progress.es", "Say what was done in the quarter, in Spanish, in English or both.");
        }

        var current = NetworkQueries.CurrentStatus(others);
        if (RepositoryVocabulary.Parse<ActivityStatus>(input.Status) is not { } status)
        {
            errors.Add("status", "status is one of " + Statuses(Enum.GetValues<ActivityStatus>()) + ".");
        }
        else if (!ActivityWorkflow.Reachable(current).Contains(status))
        {
            errors.Add("status", $"The activity is {ActivityWorkflow.Kebab(current)}: an update can propose {Statuses(ActivityWorkflow.Reachable(current).Order())}.");
        }

        if (input.Percent is < 0 or > 100)
        {
            errors.Add("percent", "percent is how much of the activity is done, from 0 to 100.");
        }

        errors.Text("milestone.es", input.Milestone?.Es, NetworkLimits.Milestone, required: false);
        errors.Text("milestone.en", input.Milestone?.En, NetworkLimits.Milestone, required: false);
        if (input.Percent is null && string.IsNullOrWhiteSpace(input.Milestone?.Es) && string.IsNullOrWhiteSpace(input.Milestone?.En))
        {
            errors.Add("percent", "Give the percentage done or the milestone reached.");
        }

        if (!string.IsNullOrWhiteSpace(input.EvidenceUrl))
        {
            if (input.EvidenceUrl.Length > NetworkLimits.Url)
            {
                errors.Add("evidenceUrl", $"evidenceUrl is longer than {Int(NetworkLimits.Url)} characters.");
            }
            else if (!Uri.TryCreate(input.EvidenceUrl.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                errors.Add("evidenceUrl", "evidenceUrl is a web address (https://...).");
            }
        }

        return errors;
    }

    private static void Apply(NetworkUpdate update, NetworkUpdateInput input)
    {
        update.Quarter = NetworkQuarter.TryParse(input.Quarter?.Trim(), out var quarter) ? quarter.ToString() : throw new InvalidOperationException("An update is applied once its quarter is checked.");
        update.Progress = Trim(input.Progress);
        update.Status = RepositoryVocabulary.Parse<ActivityStatus>(input.Status)!.Value;
        update.Percent = input.Percent;
        update.Milestone = Trim(input.Milestone);
        update.EvidenceUrl = string.IsNullOrWhiteSpace(input.EvidenceUrl) ? null : input.EvidenceUrl.Trim();
        update.State = UpdateState.Submitted;
    }

    private static Task<List<NetworkUpdate>> UpdatesOfAsync(MovilidadDb db, int elementId, int? except, CancellationToken ct) =>
        db.NetworkUpdates.AsNoTracking().Where(u => u.ElementId == elementId && u.Id != except).ToListAsync(ct);

    /// <summary>An agency's people write an update of an activity their agency is responsible for; it waits for the co-chairs.</summary>
    public static async Task<WriteOutcome<NetworkUpdateView>> CreateAsync(
        MovilidadDb db, int elementId, NetworkUpdateInput input, Func<Operation, object, Task<bool>> may, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        if ((await NetworkQueries.ActivitiesAsync(db, null, elementId, ct)).SingleOrDefault() is not { } activity || await NetworkQueries.PlanAsync(db, Int(activity.PlanId), ct) is not { } plan)
        {
            return new WriteOutcome<NetworkUpdateView>.NotFound();
        }

        int? agency = null;
        var writers = NetworkQueries.Writers(activity, plan.CoChairs);
        foreach (var responsible in writers.Where(r => input.InstitutionId is null || r.Id == input.InstitutionId))
        {
            if (await may(NetworkOperations.WriteUpdate, new InstitutionScope([responsible.Id])))
            {
                agency = responsible.Id;
                break;
            }
        }

        if (agency is null)
        {
            return input.InstitutionId is { } asked && writers.All(r => r.Id != asked) && await may(NetworkOperations.WriteUpdate, new InstitutionScope([asked]))
                ? new WriteOutcome<NetworkUpdateView>.Invalid(new FieldErrors { ["institutionId"] = [$"The institution {Int(asked)} is not responsible for this activity."] })
                : new WriteOutcome<NetworkUpdateView>.Forbidden();
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (Validate(activity, plan, input, await UpdatesOfAsync(db, elementId, null, ct), today) is { Count: > 0 } errors)
        {
            return new WriteOutcome<NetworkUpdateView>.Invalid(errors);
        }

        var update = new NetworkUpdate { ElementId = elementId, InstitutionId = agency.Value, Quarter = string.Empty, AuthorId = actor.AccountId, CreatedAt = clock.GetUtcNow().UtcDateTime };
        Apply(update, input);
        return await db.CreateAsync(Updates, update, actor, clock, ct);
    }

    /// <summary>The agency's people change an update not approved yet (a returned one, to answer the co-chairs' comment); it waits for the co-chairs again.</summary>
    public static async Task<WriteOutcome<NetworkUpdateView>> EditAsync(
        MovilidadDb db, int id, NetworkUpdateInput input, Func<Operation, object, Task<bool>> may, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        var saved = await db.NetworkUpdates.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.ElementId, u.InstitutionId }).SingleOrDefaultAsync(ct);
        if (saved is null || (await NetworkQueries.ActivitiesAsync(db, null, saved.ElementId, ct)).SingleOrDefault() is not { } activity
            || await NetworkQueries.PlanAsync(db, Int(activity.PlanId), ct) is not { } plan)
        {
            return new WriteOutcome<NetworkUpdateView>.NotFound();
        }

        if (!await may(NetworkOperations.WriteUpdate, new InstitutionScope([saved.InstitutionId])))
        {
            return new WriteOutcome<NetworkUpdateView>.Forbidden();
        }

        var others = await UpdatesOfAsync(db, saved.ElementId, id, ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return await db.EditAsync(Updates, id, input.Version, AuditActions.Update,
            update => Task.FromResult<IDictionary<string, string[]>>(update.State == UpdateState.Approved
                ? new FieldErrors { ["state"] = ["An approved update is final: write the next quarter's."] }
                : Validate(activity, plan, input, others, today)),
            update =>
            {
                Apply(update, input);
                return Task.CompletedTask;
            }, actor, clock, ct);
    }

    /// <summary>The co-chairs approve a submitted update (the activity then has the status it proposed) or return it with a comment.</summary>
    public static async Task<WriteOutcome<NetworkUpdateView>> DecideAsync(
        MovilidadDb db, int id, bool approve, NetworkDecisionInput input, Func<Operation, object, Task<bool>> may, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        var saved = await db.NetworkUpdates.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.ElementId, u.Element!.PlanId }).SingleOrDefaultAsync(ct);
        if (saved is null)
        {
            return new WriteOutcome<NetworkUpdateView>.NotFound();
        }

        var coChairs = await NetworkQueries.CoChairsAsync(db, saved.PlanId, ct);
        if (!await may(NetworkOperations.CoChair, new InstitutionScope(coChairs.Select(c => c.Id).ToList())))
        {
            return new WriteOutcome<NetworkUpdateView>.Forbidden();
        }

        var others = await UpdatesOfAsync(db, saved.ElementId, id, ct);
        return await db.EditAsync(Updates, id, input.Version, approve ? "approve" : "return",
            update =>
            {
                var errors = new FieldErrors();
                if (update.State != UpdateState.Submitted)
                {
                    errors.Add("state", $"The update is {RepositoryVocabulary.Kebab(update.State)}: only a submitted update is approved or returned.");
                }

                errors.Text("comment", input.Comment, NetworkLimits.Comment, required: !approve);
                var current = NetworkQueries.CurrentStatus(others);
                if (approve && !ActivityWorkflow.Reachable(current).Contains(update.Status))
                {
                    errors.Add("status", $"The activity is {ActivityWorkflow.Kebab(current)} now: it cannot become {ActivityWorkflow.Kebab(update.Status)}; return the update.");
                }

                if (approve && others.Any(u => u.State == UpdateState.Approved && string.CompareOrdinal(u.Quarter, update.Quarter) > 0))
                {
                    errors.Add("quarter", "A later quarter's update is approved already; return this one.");
                }

                return Task.FromResult<IDictionary<string, string[]>>(errors);
            },
            update =>
            {
                update.State = approve ? UpdateState.Approved : UpdateState.Returned;
                update.Comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim();
                update.DecidedById = actor.AccountId;
                update.DecidedAt = clock.GetUtcNow().UtcDateTime;
                return Task.CompletedTask;
            }, actor, clock, ct);
    }

    private static FieldErrors Validate(NetworkReviewInput input)
    {
        var errors = new FieldErrors();
        if (input.Date is not { } date || date.Year is < 2000 or > 2100)
        {
            errors.Add("date", "date is the day of the review, as yyyy-mm-dd.");
        }

        foreach (var (field, text) in new[] { ("findings", input.Findings), ("changes", input.Changes) })
        {
            errors.Text(field + ".es", text?.Es, NetworkLimits.Review, required: false);
            errors.Text(field + ".en", text?.En, NetworkLimits.Review, required: false);
        }

        if (string.IsNullOrWhiteSpace(input.Findings?.Es) && string.IsNullOrWhiteSpace(input.Findings?.En))
        {
            errors.Add("findings.es", "Write the review's findings, in Spanish, in English or both.");
        }

        return errors;
    }

    /// <summary>The co-chairs record the plan's mid-term review, and change it until they approve it.</summary>
    public static async Task<WriteOutcome<NetworkReviewView>> SaveReviewAsync(
        MovilidadDb db, string planKey, NetworkReviewInput input, Func<Operation, object, Task<bool>> may, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        if (await NetworkQueries.PlanAsync(db, planKey, ct) is not { } plan)
        {
            return new WriteOutcome<NetworkReviewView>.NotFound();
        }

        if (!await may(NetworkOperations.CoChair, new InstitutionScope(plan.CoChairs.Select(c => c.Id).ToList())))
        {
            return new WriteOutcome<NetworkReviewView>.Forbidden();
        }

        void Apply(NetworkReview review)
        {
            review.Date = input.Date!.Value;
            review.Findings = Trim(input.Findings);
            review.Changes = Trim(input.Changes);
        }

        var id = await db.NetworkReviews.Where(r => r.PlanId == plan.Id).Select(r => (int?)r.Id).SingleOrDefaultAsync(ct);
        if (id is null)
        {
            if (Validate(input) is { Count: > 0 } errors)
            {
                return new WriteOutcome<NetworkReviewView>.Invalid(errors);
            }

            var review = new NetworkReview { PlanId = plan.Id };
            Apply(review);
            return await db.CreateAsync(Reviews, review, actor, clock, ct);
        }

        return await db.EditAsync(Reviews, id.Value, input.Version, AuditActions.Update,
            review => Task.FromResult<IDictionary<string, string[]>>(review.Approved ? new FieldErrors { ["state"] = ["The approved review is final."] } : Validate(input)),
            review =>
            {
                Apply(review);
                return Task.CompletedTask;
            }, actor, clock, ct);
    }

    /// <summary>The co-chairs approve the mid-term review; it is final from then on.</summary>
    public static async Task<WriteOutcome<NetworkReviewView>> ApproveReviewAsync(
        MovilidadDb db, string planKey, int version, Func<Operation, object, Task<bool>> may, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        if (await NetworkQueries.PlanAsync(db, planKey, ct) is not { } plan)
        {
            return new WriteOutcome<NetworkReviewView>.NotFound();
        }

        if (!await may(NetworkOperations.CoChair, new InstitutionScope(plan.CoChairs.Select(c => c.Id).ToList())))
        {
            return new WriteOutcome<NetworkReviewView>.Forbidden();
        }

        if (await db.NetworkReviews.Where(r => r.PlanId == plan.Id).Select(r => (int?)r.Id).SingleOrDefaultAsync(ct) is not { } id)
        {
            return new WriteOutcome<NetworkReviewView>.NotFound();
        }

        return await db.EditAsync(Reviews, id, version, "approve",
            review => Task.FromResult<IDictionary<string, string[]>>(review.Approved ? new FieldErrors { ["state"] = ["The review is approved already."] } : new FieldErrors()),
            review =>
            {
                review.Approved = true;
                review.ApprovedById = actor.AccountId;
                review.ApprovedAt = clock.GetUtcNow().UtcDateTime;
                return Task.CompletedTask;
            }, actor, clock, ct);
    }
}
