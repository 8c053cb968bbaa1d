using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Mentoring;
using Movilidad.Platform.Writes;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Web.Infrastructure.Localization;

namespace Movilidad.Web.Features.Mentoring;

/// <summary>
/// One mentoring request, for its mentee, its expert and the Secretariat (and, while open, the experts proposed for it):
/// the experts ranked with the reasons of their rank (the nearest, said so, when nobody covers the topic), accepting it,
/// the sessions logged and both sides' feedback. Every step goes through the API's own writes (versions, 409, audit).
/// </summary>
[Authorize]
public class RequestModel(MovilidadDb db, IAuthorizationService auth, TimeProvider clock) : MentoringPage
{
    public RequestView Item { get; private set; } = null!;

    public bool Manages { get; private set; }

    /// <summary>The reader's own expert registration, when validated.</summary>
    public ExpertView? Me { get; private set; }

    /// <summary>Whether the reader is the mentee (true), the matched expert (false) or neither (null).</summary>
    public bool? Side { get; private set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public int? ExpertId { get; set; }

    [BindProperty]
    public SessionForm Session { get; set; } = new();

    [BindProperty]
    public FeedbackForm Feedback { get; set; } = new();

    public string? Done { get; private set; }

    /// <summary>Which form was sent (accept, session, feedback), to show its errors beside it.</summary>
    public string? Posted { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string? done, CancellationToken ct)
    {
        Done = done is "asked" or "accepted" or "logged" or "feedback" ? done : null;
        return await ShowAsync(id, ct)();
    }

    public Task<IActionResult> OnPostAcceptAsync(int id, CancellationToken ct) =>
        StepAsync(id, "accept", MentoringApi.Party.Secretariat | MentoringApi.Party.AnyExpert, "accepted",
            () => MentoringApi.AcceptAsync(db, id, new MentoringAccept(Version, ExpertId), User, auth, AuditActor.From(HttpContext), clock, ct), ct);

    public Task<IActionResult> OnPostSessionAsync(int id, CancellationToken ct) =>
        StepAsync(id, "session", MentoringApi.Party.Secretariat | MentoringApi.Party.Mentee | MentoringApi.Party.Expert, "logged", () =>
        {
            var date = PageFormats.TryParseDate(Session.Date, out var d) ? d : (DateOnly?)null;
            return MentoringApi.LogSessionAsync(db, id, new SessionLog(Version, date, Session.Minutes, Session.Topics, Session.FollowUps), AuditActor.From(HttpContext), clock, ct);
        }, ct);

    public Task<IActionResult> OnPostFeedbackAsync(int id, CancellationToken ct) =>
        StepAsync(id, "feedback", MentoringApi.Party.Mentee | MentoringApi.Party.Expert, "feedback",
            () => MentoringApi.FeedbackAsync(db, id, new MentoringFeedback(Version, Feedback.Rating, Feedback.Comment), AuditActor.From(HttpContext), clock, ct), ct);

    private async Task<IActionResult> StepAsync(int id, string form, MentoringApi.Party allowed, string done, Func<Task<WriteOutcome<RequestView>>> write, CancellationToken ct)
    {
        Posted = form;
        switch (await MentoringApi.AllowsAsync(db, id, HttpContext, auth, allowed, ct))
        {
            case null:
                return NotFound();
            case false:
                return Forbid();
        }

        return await PageAfterWriteAsync(await write(), $"/mentoring/requests/{id}?done={done}", ShowAsync(id, ct));
    }

    private Func<Task<IActionResult>> ShowAsync(int id, CancellationToken ct) => async () =>
    {
        var view = await MentoringApi.RequestAsync(db, id, User, auth, ct);
        if (view is null)
        {
            return await db.MentoringRequests.AnyAsync(r => r.Id == id, ct) ? Forbid() : NotFound();
        }

        Item = view;
        Manages = await auth.CanAsync(User, MentoringOperations.Manage, null);
        var account = AuditActor.From(HttpContext).AccountId;
        var me = await db.MentoringExperts.AsNoTracking().FirstOrDefaultAsync(e => e.AccountId == account && e.Status == ExpertStatus.Validated, ct);
        Me = me is null ? null : ExpertView.Of(me);
        var menteeAccount = await db.MentoringRequests.AsNoTracking().Where(r => r.Id == id).Select(r => r.MenteeAccountId).FirstAsync(ct);
        Side = menteeAccount == account ? true : me is not null && view.ExpertId == me.Id ? false : null;
        await LoadNamesAsync(db, ct);
        return Page();
    };

    /// <summary>Whether the reader may accept the request for <paramref name="expertId"/>: the Secretariat for anyone, an expert for themselves.</summary>
    public bool MayAccept(int expertId) => Item.Status == MentoringStatus.Open && (Manages || Me?.Id == expertId);
}

/// <summary>The session form.</summary>
public sealed class SessionForm
{
    public string? Date { get; set; }

    public int? Minutes { get; set; }

    public string? Topics { get; set; }

    public string? FollowUps { get; set; }
}

/// <summary>One side's feedback form.</summary>
public sealed class FeedbackForm
{
    public int? Rating { get; set; }

    public string? Comment { get; set; }
}
