using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;

namespace Movilidad.Web.Features.Practices;

/// <summary>
/// The history tab of a good practice: every step of its pipeline, with what changed. The versions hold the review
/// comment and the consent, so they are read by those who read unpublished practices: its submitter, the
/// Secretariat and observers.
/// </summary>
public class HistoryModel(MovilidadDb db, IAuthorizationService authorization) : PageModel
{
    public int Id { get; private set; }
    public Bilingual Title { get; private set; } = Bilingual.Empty;
    public HistoryView History { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, long? from, long? to, CancellationToken ct)
    {
        var practice = await db.Practices.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Title, p.SubmittedById }).SingleOrDefaultAsync(ct);
        if (practice is null)
        {
            return NotFound();
        }

        if (!await authorization.CanAsync(User, PracticeOperations.ReadUnpublished, PracticeWorkflow.ScopeOf(practice.SubmittedById, User)))
        {
            return Forbid();
        }

        Id = id;
        Title = practice.Title;
        History = ItemHistory.View(await db.HistoryAsync(PracticeWorkflow.EntityType, PracticeWorkflow.Id(id), ct), from, to, await authorization.CanAsync(User, AuditOperations.Read));
        return Page();
    }
}
