using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Movilidad.Platform.Audit;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;

namespace Movilidad.Web.Features.Pledges;

/// <summary>
/// The history tab of a pledge: every version saved, its quarterly updates and publication, with what changed. Read by
/// those who read unpublished pledges (the staff, and whoever recorded it), as the versions before publication are.
/// </summary>
public class HistoryModel(MovilidadDb db, IAuthorizationService authorization) : PageModel
{
    public int Id { get; private set; }
    public Bilingual Title { get; private set; } = Bilingual.Empty;
    public HistoryView History { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, long? from, long? to, CancellationToken ct)
    {
        if (await db.FindPledgeAsync(id, ct) is not { } pledge)
        {
            return NotFound();
        }

        if (!await authorization.CanAsync(User, PledgeOperations.ReadUnpublished, await db.PledgeScopeAsync(pledge, User, ct)))
        {
            return Forbid();
        }

        Id = id;
        Title = pledge.Title;
        History = ItemHistory.View(await db.HistoryAsync(PledgeEditing.EntityType, PledgeEditing.Id(id), ct), from, to, await authorization.CanAsync(User, AuditOperations.Read));
        return Page();
    }
}
