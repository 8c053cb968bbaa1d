using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Monitoring;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.Network;

/// <summary>
/// One activity of the network's work plan: its status from the approved updates, the quarters overdue, every update
/// (returned ones with the co-chairs' comment); the responsible agency's people write an update or change a returned one,
/// the co-chairs approve or return those submitted.
/// </summary>
[AllowAnonymous]
public class ActivityModel(MovilidadDb db, IAuthorizationService auth, TimeProvider clock) : NetworkPage
{
    public NetworkActivityView Follow { get; private set; } = null!;

    /// <summary>The responsible agencies the reader writes for (empty: the form is not shown).</summary>
    public IReadOnlyList<AgencyRef> WritesFor { get; private set; } = [];
    public bool IsCoChair { get; private set; }

    /// <summary>The update being changed (0: a new one).</summary>
    [BindProperty]
    public int UpdateId { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public int? InstitutionId { get; set; }

    [BindProperty]
    public string? Quarter { get; set; }

    [BindProperty]
    public string? ProgressEs { get; set; }

    [BindProperty]
    public string? ProgressEn { get; set; }

    [BindProperty]
    public string? Status { get; set; }

    [BindProperty]
    public int? Percent { get; set; }

    [BindProperty]
    public string? MilestoneEs { get; set; }

    [BindProperty]
    public string? MilestoneEn { get; set; }

    [BindProperty]
    public string? EvidenceUrl { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, int? edit, CancellationToken ct)
    {
        if (await ShowAsync(id, ct) is { } missing)
        {
            return missing;
        }

        if (edit is { } change && Follow.Updates.FirstOrDefault(u => u.Id == change && u.State != "approved") is { } u)
        {
            (UpdateId, Version, InstitutionId, Quarter, ProgressEs, ProgressEn, Status, Percent, MilestoneEs, MilestoneEn, EvidenceUrl) =
                (u.Id, u.Version, u.InstitutionId, u.Quarter, u.Progress.Es, u.Progress.En, u.Status, u.Percent, u.Milestone.Es, u.Milestone.En, u.EvidenceUrl);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostUpdateAsync(int id, CancellationToken ct)
    {
        var input = new NetworkUpdateInput(Version, InstitutionId, Quarter, new Bilingual(ProgressEs ?? string.Empty, ProgressEn ?? string.Empty), Status, Percent,
            new Bilingual(MilestoneEs ?? string.Empty, MilestoneEn ?? string.Empty), EvidenceUrl);
        Task<bool> May(Operation operation, object scope) => auth.CanAsync(User, operation, scope);
        var outcome = UpdateId == 0
            ? await NetworkEditing.CreateAsync(db, id, input, May, AuditActor.From(HttpContext), clock, ct)
            : await NetworkEditing.EditAsync(db, UpdateId, input, May, AuditActor.From(HttpContext), clock, ct);
        return await PageAfterWriteAsync(outcome, $"/network/activities/{Int(id)}#updates", async () => await ShowAsync(id, ct) ?? Page(), current => Version = current.Version);
    }

    public Task<IActionResult> OnPostApproveAsync(int id, CancellationToken ct) => DecideAsync(id, approve: true, ct);

    public Task<IActionResult> OnPostReturnAsync(int id, CancellationToken ct) => DecideAsync(id, approve: false, ct);

    private async Task<IActionResult> DecideAsync(int id, bool approve, CancellationToken ct)
    {
        var outcome = await NetworkEditing.DecideAsync(db, UpdateId, approve, new NetworkDecisionInput(Version, Comment),
            (operation, scope) => auth.CanAsync(User, operation, scope), AuditActor.From(HttpContext), clock, ct);
        return await PageAfterWriteAsync(outcome, $"/network/activities/{Int(id)}#updates", async () => await ShowAsync(id, ct) ?? Page());
    }

    private async Task<IActionResult?> ShowAsync(int id, CancellationToken ct)
    {
        var readsDrafts = await auth.CanAsync(User, NetworkOperations.Read);
        if (await NetworkQueries.ActivityAsync(db, id, readsDrafts, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct) is not { } view)
        {
            return NotFound();
        }

        Follow = view;
        var grants = Grants.Of(User);
        WritesFor = NetworkQueries.Writers(view.Activity, view.CoChairs).Where(r => grants.Any(g => new InstitutionScope([r.Id]).HasAgency(g))).ToList();
        IsCoChair = grants.Any(g => new InstitutionScope(view.CoChairs.Select(c => c.Id).ToList()).HasAgency(g));
        return null;
    }

    /// <summary>The statuses an update may propose now: the current one and those the workflow leads to.</summary>
    public IEnumerable<string> Proposable =>
        Enum.GetValues<ActivityStatus>().Where(s => ActivityWorkflow.Reachable(RepositoryStatus(Follow.Status)).Contains(s)).Select(ActivityWorkflow.Kebab);

    private static ActivityStatus RepositoryStatus(string kebab) => Enum.GetValues<ActivityStatus>().First(s => ActivityWorkflow.Kebab(s) == kebab);
}
