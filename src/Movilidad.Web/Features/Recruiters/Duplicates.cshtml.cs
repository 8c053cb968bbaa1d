using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Recruiters;
using Movilidad.Platform.Writes;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.Recruiters;

/// <summary>The Secretariat's review of proposed duplicates: merge, keep apart, or undo; nothing merges by itself.</summary>
[Authorize]
public class DuplicatesModel(MovilidadDb db, IAuthorizationService auth, TimeProvider clock) : PageModel
{
    public IReadOnlyList<DuplicateView> Duplicates { get; private set; } = [];
    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await auth.CanAsync(User, RecruiterOperations.ReviewDuplicates))
        {
            return Forbid();
        }

        Duplicates = await RecruitersApi.DuplicatesAsync(db, null, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int version, DuplicateDecision decision, CancellationToken ct)
    {
        if (!await auth.CanAsync(User, RecruiterOperations.ReviewDuplicates))
        {
            return Forbid();
        }

        var outcome = await RecruiterEditing.ReviewAsync(db, id, new DuplicateReview(version, decision), AuditActor.From(HttpContext), clock, ct);
        if (outcome is WriteOutcome<RecruiterDuplicate>.Saved)
        {
            return Redirect("/recruiters/duplicates");
        }

        if (outcome is WriteOutcome<RecruiterDuplicate>.NotFound)
        {
            return NotFound();
        }

        Conflict = true;
        Response.StatusCode = outcome is WriteOutcome<RecruiterDuplicate>.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        Duplicates = await RecruitersApi.DuplicatesAsync(db, null, ct);
        return Page();
    }
}
