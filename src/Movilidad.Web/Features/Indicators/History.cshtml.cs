using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Indicators;

/// <summary>The history tab of an indicator: its definition's and its targets' versions, with what changed.</summary>
public class HistoryModel(MovilidadDb db, IAuthorizationService authorization) : HistoryPage(authorization)
{
    public string Code { get; private set; } = string.Empty;

    protected override async Task<IActionResult?> OpenAsync(int id, CancellationToken ct)
    {
        if (!await Authorization.CanAsync(User, IndicatorOperations.Read))
        {
            return Forbid();
        }

        var code = await db.Indicators.AsNoTracking().Where(i => i.Id == id).Select(i => i.Code).SingleOrDefaultAsync(ct);
        if (code is null)
        {
            return NotFound();
        }

        Code = code;
        return null;
    }

    protected override Task<List<HistoryEntry>> EntriesAsync(int id, CancellationToken ct) =>
        db.HistoryAsync(IndicatorEditing.EntityType, id.ToString(CultureInfo.InvariantCulture), ct);
}
