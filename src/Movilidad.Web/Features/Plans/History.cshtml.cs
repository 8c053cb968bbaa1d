using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Plans;

/// <summary>The history tab of an element: every saved version, newest first, with what changed, and any two compared.</summary>
public class HistoryModel(MovilidadDb db, IAuthorizationService authorization) : HistoryPage(authorization)
{
    public string? Code { get; private set; }

    protected override async Task<IActionResult?> OpenAsync(int id, CancellationToken ct)
    {
        var element = await db.PlanElements.IgnoreQueryFilters().AsNoTracking().Where(e => e.Id == id).Select(e => new { e.Code }).SingleOrDefaultAsync(ct);
        if (element is null)
        {
            return NotFound();
        }

        if (!await Authorization.CanAsync(User, PlanOperations.Read, new PublicationScope(false)))
        {
            return Forbid();
        }

        Code = element.Code;
        return null;
    }

    protected override Task<List<HistoryEntry>> EntriesAsync(int id, CancellationToken ct) =>
        db.HistoryAsync(ElementEditing.EntityType, id.ToString(CultureInfo.InvariantCulture), ct);
}
