using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Movilidad.Web.Features.Monitoring;
using Movilidad.Platform.Audit;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;

namespace Movilidad.Web.Features.Indicators;

/// <summary>The history tab of an indicator: every audited version of its definition and targets, with what changed.</summary>
public class HistoryModel(MovilidadDb db, IAuthorizationService auth) : PageModel
{
    public int Id { get; private set; }
    public string Code { get; private set; } = string.Empty;
    public HistoryView History { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, long? from, long? to, CancellationToken ct)
    {
        if (!await auth.CanAsync(User, IndicatorOperations.Read))
        {
            return Forbid();
        }

        var code = await db.Indicators.AsNoTracking().Where(i => i.Id == id).Select(i => i.Code).SingleOrDefaultAsync(ct);
        if (code is null)
        {
            return NotFound();
        }

        Id = id;
        Code = code;
        History = ItemHistory.View(await db.HistoryAsync(IndicatorEditing.EntityType, ActivityEditing.Id(id), ct), from, to, await auth.CanAsync(User, AuditOperations.Read));
        return Page();
    }
}
