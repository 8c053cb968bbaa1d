using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Movilidad.Platform.Audit;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Practices;
using Movilidad.Platform.Writes;

namespace Movilidad.Web.Features.Practices;

public sealed class PracticeForm
{
    public int Version { get; set; }
    public int InstitutionId { get; set; }
    public string? TitleEs { get; set; }
    public string? TitleEn { get; set; }
    public string? SummaryEs { get; set; }
    public string? SummaryEn { get; set; }
    public string? BodyEs { get; set; }
    public string? BodyEn { get; set; }
    public List<int> GcmObjectives { get; set; } = [];
    public List<int> Elements { get; set; } = [];
    public List<string> Countries { get; set; } = [];

    public static PracticeForm From(PracticeSnapshot p) => new()
    {
        Version = p.Version,
        InstitutionId = p.InstitutionId,
        TitleEs = p.Title.Es,
        TitleEn = p.Title.En,
        SummaryEs = p.Summary.Es,
        SummaryEn = p.Summary.En,
        BodyEs = p.Body.Es,
        BodyEn = p.Body.En,
        GcmObjectives = [.. p.GcmObjectives],
        Elements = [.. p.Elements],
        Countries = [.. p.Countries],
    };

    public PracticeEdit ToEdit() => new(
        Version, InstitutionId, new Bilingual(TitleEs ?? string.Empty, TitleEn ?? string.Empty), new Bilingual(SummaryEs ?? string.Empty, SummaryEn ?? string.Empty),
        new Bilingual(BodyEs ?? string.Empty, BodyEn ?? string.Empty), GcmObjectives, Elements, Countries);
}

/// <summary>Submits a good practice, or edits and resubmits one's own while it is submitted or returned.</summary>
public class SubmitModel(MovilidadDb db, IAuthorizationService auth, TimeProvider clock) : PracticePage
{
    [BindProperty]
    public PracticeForm Form { get; set; } = new();

    public int? Id { get; private set; }
    public PracticeChoices Choices { get; private set; } = null!;
    public string? ReturnComment { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (!await auth.CanAsync(User, PracticeOperations.Submit))
        {
            return Forbid();
        }

        if (id is { } existing)
        {
            if (await db.FindPracticeAsync(existing, ct) is not { } practice)
            {
                return NotFound();
            }

            if (!await auth.CanAsync(User, PracticeOperations.EditOwn, PracticeWorkflow.ScopeOf(practice.SubmittedById, User)))
            {
                return Forbid();
            }

            Form = PracticeForm.From(PracticeWorkflow.Snapshot(practice));
            ReturnComment = practice.Status == PracticeStatus.Returned ? practice.ReviewComment : null;
        }

        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (!await auth.CanAsync(User, PracticeOperations.Submit))
        {
            return Forbid();
        }

        var actor = AuditActor.From(HttpContext);
        WriteOutcome<PracticeSnapshot> outcome;
        if (id is { } existing)
        {
            if (await db.SubmitterScopeAsync(existing, User, ct) is not { } scope)
            {
                return NotFound();
            }

            if (!await auth.CanAsync(User, PracticeOperations.EditOwn, scope))
            {
                return Forbid();
            }

            outcome = await db.ResubmitAsync(existing, Form.ToEdit(), actor, clock, ct);
        }
        else
        {
            outcome = await db.SubmitAsync(Form.ToEdit(), actor, clock, ct);
        }

        return await PageAfterWriteAsync(outcome, saved => Task.FromResult<IActionResult>(Redirect($"/practices/{Int(saved.Id)}")), () => ShowAsync(ct),
            current => Form.Version = current.Version);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Choices = await db.PracticeChoicesAsync(ct);
        return Page();
    }
}
