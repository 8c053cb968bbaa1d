using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;

namespace Movilidad.Web.Features.Plans;

/// <summary>The history tab of an element: every saved version, newest first, with what changed, and any two compared.</summary>
public class HistoryModel(MovilidadDb db, IAuthorizationService authorization) : PageModel
{
    public int Id { get; private set; }
    public string? Code { get; private set; }
    public HistoryView History { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, long? from, long? to, CancellationToken ct)
    {
        var element = await db.PlanElements.IgnoreQueryFilters().AsNoTracking().Where(e => e.Id == id).Select(e => new { e.Code }).SingleOrDefaultAsync(ct);
        if (element is null)
        {
            return NotFound();
        }

        if (!await authorization.CanAsync(User, PlanOperations.Read, new PublicationScope(false)))
        {
            return Forbid();
        }

        Id = id;
        Code = element.Code;
        var entries = await db.HistoryAsync(ElementEditing.EntityType, id.ToString(CultureInfo.InvariantCulture), ct);
        History = ItemHistory.View(entries, from, to, await authorization.CanAsync(User, AuditOperations.Read));
        return Page();
    }
}
