using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.Knowledge;

/// <summary>An item: its metadata (the missing language marked), gender-perspective review, files, a toolkit's guide; the curator's review and publication forms.</summary>
[AllowAnonymous]
public class DetailsModel(MovilidadDb db, IAuthorizationService authorization, TimeProvider clock) : RepositoryPageBase
{
    public RepositoryItemView Item { get; private set; } = null!;
    public bool Curates { get; private set; }
    public bool IsProposer { get; private set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Decision { get; set; }

    [BindProperty]
    public List<string> Checklist { get; set; } = [];

    [BindProperty]
    public string? GenderLens { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    [BindProperty]
    public string? Audience { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await ShowAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostReviewAsync(int id, CancellationToken ct)
    {
        if (!await authorization.CanAsync(User, RepositoryOperations.Curate))
        {
            return Forbid();
        }

        var outcome = await RepositoryEditing.ReviewAsync(db, id, new RepositoryReview(Version, Decision, Checklist, string.IsNullOrEmpty(GenderLens) ? null : GenderLens, Comment), AuditActor.From(HttpContext), clock, ct);
        return await PageAfterWriteAsync(outcome, $"/repository/{id}", async () => await ShowAsync(id, ct) ?? Page());
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct)
    {
        if (!await authorization.CanAsync(User, RepositoryOperations.Curate))
        {
            return Forbid();
        }

        var outcome = await RepositoryEditing.PublishAsync(db, id, new RepositoryPublication(Version, Audience), AuditActor.From(HttpContext), clock, ct);
        return await PageAfterWriteAsync(outcome, $"/repository/{id}", async () => await ShowAsync(id, ct) ?? Page());
    }

    private async Task<IActionResult?> ShowAsync(int id, CancellationToken ct)
    {
        if (!await db.RepositoryItems.VisibleTo(User).AnyAsync(i => i.Id == id, ct) || await RepositoryEditing.FindAsync(db, id, ct) is not { } item)
        {
            return NotFound();
        }

        db.ChangeTracker.Clear();
        await LoadCountriesAsync(db, ct);
        Item = RepositoryEditing.View(item);
        Curates = RepositoryEditing.Curates(User);
        IsProposer = RepositoryEditing.ScopeOf(item.ProposedById, User).IsProposer;
        return null;
    }
}
