using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;

namespace Movilidad.Web.Features.Monitoring.Activities;

/// <summary>The history tab of an activity: its versions, its country shares' and its concept note's, with what changed.</summary>
public class HistoryModel(MovilidadDb db, IAuthorizationService authorization) : PageModel
{
    public int Id { get; private set; }
    public string Code { get; private set; } = string.Empty;
    public HistoryView History { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, long? from, long? to, CancellationToken ct)
    {
        if (!await authorization.CanAsync(User, MonitoringOperations.Read))
        {
            return Forbid();
        }

        // A deleted activity keeps its history.
        var code = await db.Activities.IgnoreQueryFilters().AsNoTracking().Where(a => a.Id == id).Select(a => a.Code).SingleOrDefaultAsync(ct);
        if (code is null)
        {
            return NotFound();
        }

        Id = id;
        Code = code;
        History = ItemHistory.View(await db.ActivityHistoryAsync(id, ct), from, to, await authorization.CanAsync(User, AuditOperations.Read));
        return Page();
    }
}
