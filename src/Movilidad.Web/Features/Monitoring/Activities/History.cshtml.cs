using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Monitoring.Activities;

/// <summary>The history tab of an activity: its versions, its country shares' and its concept note's, with what changed.</summary>
public class HistoryModel(MovilidadDb db, IAuthorizationService authorization) : HistoryPage(authorization)
{
    public string Code { get; private set; } = string.Empty;

    protected override async Task<IActionResult?> OpenAsync(int id, CancellationToken ct)
    {
        if (!await Authorization.CanAsync(User, MonitoringOperations.Read))
        {
            return Forbid();
        }

        // A deleted activity keeps its history.
        var code = await db.Activities.IgnoreQueryFilters().AsNoTracking().Where(a => a.Id == id).Select(a => a.Code).SingleOrDefaultAsync(ct);
        if (code is null)
        {
            return NotFound();
        }

        Code = code;
        return null;
    }

    protected override Task<List<HistoryEntry>> EntriesAsync(int id, CancellationToken ct) => db.ActivityHistoryAsync(id, ct);
}
