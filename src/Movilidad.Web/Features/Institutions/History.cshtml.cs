using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;

namespace Movilidad.Web.Features.Institutions;

/// <summary>
/// The history tab of an institution: every version saved here, with what changed. Read by the people who work on
/// the plans, like an element's history; the addresses writes came from only by those who read the whole audit.
/// </summary>
public class HistoryModel(MovilidadDb db, IAuthorizationService authorization) : PageModel
{
    public int Id { get; private set; }
    public string Code { get; private set; } = string.Empty;
    public string Acronym { get; private set; } = string.Empty;
    public bool CanEdit { get; private set; }
    public HistoryView History { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, long? from, long? to, CancellationToken ct)
    {
        var institution = await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (institution is null)
        {
            return NotFound();
        }

        if (!await authorization.CanAsync(User, PlanOperations.Read, new PublicationScope(false)))
        {
            return Forbid();
        }

        Id = id;
        Code = institution.Code;
        Acronym = institution.Acronym.Current;
        CanEdit = await authorization.CanAsync(User, InstitutionOperations.Edit, InstitutionEditing.ScopeOf(institution));
        var entries = await db.HistoryAsync(InstitutionEditing.EntityType, id.ToString(CultureInfo.InvariantCulture), ct);
        History = ItemHistory.View(entries, from, to, await authorization.CanAsync(User, AuditOperations.Read));
        return Page();
    }
}
