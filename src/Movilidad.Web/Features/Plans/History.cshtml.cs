using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Web.Infrastructure.Data;

namespace Movilidad.Web.Features.Plans;

/// <summary>The history tab of an element: every saved version, newest first, with what changed.</summary>
public class HistoryModel(MovilidadDb db, IAuthorizationService authorization) : PageModel
{
    public int Id { get; private set; }
    public string? Code { get; private set; }
    public IReadOnlyList<HistoryEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
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
        Entries = await db.HistoryAsync(ElementEditing.EntityType, id.ToString(CultureInfo.InvariantCulture), ct);
        return Page();
    }
}
