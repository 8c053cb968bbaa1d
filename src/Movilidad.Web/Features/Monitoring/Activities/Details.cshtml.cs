using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Movilidad.Web.Features.Comments;
using Movilidad.Platform.Audit;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Monitoring;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Monitoring.Activities;

/// <summary>The meeting whose agreement an activity came from.</summary>
public sealed record MeetingLink(int Id, Bilingual Title, DateOnly Date);

[AllowAnonymous]
public class DetailsModel(MovilidadDb db, IAuthorizationService auth, TimeProvider clock) : WritePage
{
    public ActivitySnapshot Activity { get; private set; } = null!;
    public ActivityChoices Choices { get; private set; } = null!;
    public string? ActionCode { get; private set; }
    public Bilingual ActionTitle { get; private set; } = Bilingual.Empty;
    public bool CanEdit { get; private set; }

    /// <summary>Someone who does not work on the plans: the activity (of a published plan) read-only, without its history.</summary>
    public bool IsPublic { get; private set; }

    /// <summary>The countries whose share this person may edit.</summary>
    public IReadOnlySet<string> EditableShares { get; private set; } = new HashSet<string>();
    public CommentThread? Comments { get; private set; }

    /// <summary>The meeting whose agreement became this activity, when the reader may read that meeting.</summary>
    public MeetingLink? FromMeeting { get; private set; }

    [BindProperty]
    public ActivityStatus NewStatus { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        IsPublic = !await auth.CanAsync(User, MonitoringOperations.Read);
        return await ShowAsync(id, ct);
    }

    public async Task<IActionResult> OnPostStatusAsync(int id, CancellationToken ct)
    {
        var current = await db.Activities.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.WorkingGroupId, a.ActionId }).SingleOrDefaultAsync(ct);
        if (current is null)
        {
            return NotFound();
        }

        if (!await auth.CanAsync(User, MonitoringOperations.EditActivity, await db.ActivityScopeAsync(current.WorkingGroupId, current.ActionId, ct)))
        {
            return Forbid();
        }

        return await PageAfterWriteAsync(await db.ChangeStatusAsync(id, new StatusChange(Version, NewStatus, Reason), AuditActor.From(HttpContext), clock, ct), $"/monitoring/activities/{AuditTrail.Key(id)}", () => ShowAsync(id, ct));
    }

    private async Task<IActionResult> ShowAsync(int id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var activity = await db.FindForEditAsync(id, ct);
        if (activity is null)
        {
            return NotFound();
        }

        Activity = ActivityEditing.Snapshot(activity);
        Choices = await db.ActivityChoicesAsync(ct);
        var action = await db.PlanElements.AsNoTracking().Where(e => e.Id == activity.ActionId).Select(e => new { e.Code, e.Title }).SingleOrDefaultAsync(ct);
        ActionCode = action?.Code;
        ActionTitle = action?.Title ?? Bilingual.Empty;
        FromMeeting = await db.MeetingAgreements.AsNoTracking().Where(g => g.ActivityId == id)
            .Join(db.Meetings, g => g.MeetingId, m => m.Id, (g, m) => new MeetingLink(m.Id, m.Title, m.Date)).FirstOrDefaultAsync(ct);
        CanEdit = await auth.CanAsync(User, MonitoringOperations.EditActivity, await db.ActivityScopeAsync(activity.WorkingGroupId, activity.ActionId, ct));
        var editable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var share in Activity.Countries)
        {
            if (await auth.CanAsync(User, MonitoringOperations.EditCountryShare, new CountryScope(share.Country)))
            {
                editable.Add(share.Country);
            }
        }

        EditableShares = editable;
        Comments = await CommentThread.LoadAsync(db, auth, HttpContext, ActivityEditing.EntityType, AuditTrail.Key(id), clock, ct);
        return Page();
    }
}
