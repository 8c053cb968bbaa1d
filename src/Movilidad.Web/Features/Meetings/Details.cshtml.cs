using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Web.Infrastructure.Localization;

namespace Movilidad.Web.Features.Meetings;

/// <summary>An actionable plan element an agreement can become an activity under.</summary>
public sealed record ActionChoice(int Id, string Label);

/// <summary>
/// A meeting with everything recorded: convener, place, participants by institution, kind of actor and sex, agenda,
/// minutes, agreements (each with the activity it became, or the one-click form that makes it one) and attachments.
/// </summary>
[AllowAnonymous]
[RequestSizeLimit(MeetingsApi.UploadBodyBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MeetingsApi.UploadBodyBytes)]
public class DetailsModel(MovilidadDb db, IAuthorizationService auth, TimeProvider clock) : MeetingsPage
{
    public MeetingView Meeting { get; private set; } = null!;
    public IReadOnlyDictionary<int, Bilingual> Institutions { get; private set; } = new Dictionary<int, Bilingual>();
    public IReadOnlyList<ActionChoice> Actions { get; private set; } = [];
    public bool MayEdit { get; private set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public int AgreementId { get; set; }

    [BindProperty]
    public int ActionId { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await ShowAsync(id, ct) ?? Page();

    /// <summary>The one click: the agreement becomes an activity under the element chosen.</summary>
    public async Task<IActionResult> OnPostActivityAsync(int id, CancellationToken ct)
    {
        var outcome = await MeetingEditing.AgreementToActivityAsync(db, id, AgreementId, new AgreementActivityInput(Version, ActionId, null, null),
            (operation, scope) => auth.CanAsync(User, operation, scope), AuditActor.From(HttpContext), clock, ct);
        return await PageAfterWriteAsync(outcome, "/meetings/" + Int(id), async () => await ShowAsync(id, ct) ?? Page());
    }

    /// <summary>Attaches a file; who may is decided before the file is read (no file is an error of the form, for those who may).</summary>
    public async Task<IActionResult> OnPostFileAsync(int id, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        if (Upload is not null)
        {
            await Upload.CopyToAsync(buffer, ct);
        }

        var outcome = await MeetingEditing.AttachAsync(db, id, Version, Upload?.FileName ?? string.Empty, buffer.ToArray(),
            (operation, scope) => auth.CanAsync(User, operation, scope), AuditActor.From(HttpContext), clock, ct);
        return await PageAfterWriteAsync(outcome, "/meetings/" + Int(id), async () => await ShowAsync(id, ct) ?? Page());
    }

    private async Task<IActionResult?> ShowAsync(int id, CancellationToken ct)
    {
        if (await MeetingEditing.FindAsync(db, id, ct) is not { } meeting)
        {
            return NotFound();
        }

        Meeting = MeetingEditing.View(meeting);
        Version = meeting.Version;
        await LoadNamesAsync(db, ct);
        var ids = Meeting.Participants.Select(p => p.InstitutionId).Concat(Meeting.Agreements.Select(a => a.OwnerId)).OfType<int>().Distinct().ToList();
        Institutions = await db.Institutions.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Acronym, ct);
        MayEdit = User.Identity?.IsAuthenticated == true && await auth.CanAsync(User, MeetingOperations.Edit, MeetingEditing.Scope(meeting));
        if (MayEdit && Meeting.Agreements.Any(a => a.ActivityId is null))
        {
            var actions = await db.PlanElements.AsNoTracking().Where(e => e.IsActionable)
                .OrderBy(e => e.Plan!.Key).ThenBy(e => e.Id).Select(e => new { e.Id, PlanKey = e.Plan!.Key, e.Code, e.Title }).ToListAsync(ct);
            Actions = actions.Select(a => new ActionChoice(a.Id, $"{a.PlanKey} · {a.Code} {PageFormats.Shorten(a.Title.Current)}")).ToList();
        }

        return null;
    }

    public string Institution(int? id, string? name) =>
        string.Join(" · ", new[] { id is { } i && Institutions.TryGetValue(i, out var acronym) ? acronym.Current : null, name }.Where(t => !string.IsNullOrWhiteSpace(t)));
}
