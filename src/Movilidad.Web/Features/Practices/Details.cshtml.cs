using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Writes;
using Movilidad.Web.Infrastructure.Localization;

namespace Movilidad.Web.Features.Practices;

/// <summary>A good practice: public once published; the submitter, the Secretariat and observers see it on its way, and the Secretariat moves it along.</summary>
[AllowAnonymous]
public class DetailsModel(MovilidadDb db, IAuthorizationService auth, TimeProvider clock) : PracticePage
{
    public PracticeSnapshot Practice { get; private set; } = null!;
    public PracticeChoices Choices { get; private set; } = null!;
    public Bilingual Institution { get; private set; } = Bilingual.Empty;
    public bool IsSubmitter { get; private set; }
    public bool CanReview { get; private set; }
    public bool ReadsHistory { get; private set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public ReviewDecision Decision { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    [BindProperty]
    public string? ConsentGivenBy { get; set; }

    [BindProperty]
    public string? ConsentGivenOn { get; set; }

    [BindProperty]
    public string? Month { get; set; }

    public Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => ShowAsync(id, ct);

    public async Task<IActionResult> OnPostReviewAsync(int id, CancellationToken ct) =>
        await auth.CanAsync(User, PracticeOperations.Review)
            ? await OutcomeAsync(id, await db.ReviewAsync(id, Version, Decision, Comment, AuditActor.From(HttpContext), clock, ct), ct)
            : Forbid();

    public async Task<IActionResult> OnPostConsentAsync(int id, CancellationToken ct)
    {
        if (await db.SubmitterScopeAsync(id, User, ct) is not { } scope)
        {
            return NotFound();
        }

        if (!await auth.CanAsync(User, PracticeOperations.EditOwn, scope))
        {
            return Forbid();
        }

        DateOnly? on = PageFormats.TryParseDate(ConsentGivenOn, out var date) ? date : null;
        return await OutcomeAsync(id, await db.RecordConsentAsync(id, Version, ConsentGivenBy, on, AuditActor.From(HttpContext), clock, ct), ct);
    }

    public async Task<IActionResult> OnPostScheduleAsync(int id, CancellationToken ct)
    {
        if (!await auth.CanAsync(User, PracticeOperations.Review))
        {
            return Forbid();
        }

        return await OutcomeAsync(id, await db.ScheduleAsync(id, Version, PracticeWorkflow.ParseMonth(Month), AuditActor.From(HttpContext), clock, ct), ct);
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct) =>
        await auth.CanAsync(User, PracticeOperations.Review)
            ? await OutcomeAsync(id, await db.PublishAsync(id, Version, AuditActor.From(HttpContext), clock, ct), ct)
            : Forbid();

    private Task<IActionResult> OutcomeAsync(int id, WriteOutcome<PracticeSnapshot> outcome, CancellationToken ct) =>
        PageAfterWriteAsync(outcome, $"/practices/{Int(id)}", () => ShowAsync(id, ct));

    private async Task<IActionResult> ShowAsync(int id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        if (!await db.Practices.VisibleTo(User).AnyAsync(p => p.Id == id, ct) || await db.FindPracticeAsync(id, ct) is not { } practice)
        {
            return NotFound();
        }

        Practice = PracticeWorkflow.Snapshot(practice);
        Choices = await db.PracticeChoicesAsync(ct);
        Institution = await db.Institutions.AsNoTracking().Where(i => i.Id == practice.InstitutionId).Select(i => i.Name).SingleAsync(ct);
        var scope = PracticeWorkflow.ScopeOf(practice.SubmittedById, User);
        IsSubmitter = await auth.CanAsync(User, PracticeOperations.EditOwn, scope);
        ReadsHistory = await auth.CanAsync(User, PracticeOperations.ReadUnpublished, scope);
        CanReview = await auth.CanAsync(User, PracticeOperations.Review);
        return Page();
    }
}
