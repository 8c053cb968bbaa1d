using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Auth;
using Movilidad.Web.Features.Plans;
using Movilidad.Platform.Data;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Institutions;

/// <summary>The history tab of an institution: every saved version, newest first, with what changed.</summary>
public class HistoryModel(MovilidadDb db, IAuthorizationService authorization) : HistoryPage(authorization)
{
    public string Code { get; private set; } = string.Empty;
    public string Acronym { get; private set; } = string.Empty;
    public bool CanEdit { get; private set; }

    protected override async Task<IActionResult?> OpenAsync(int id, CancellationToken ct)
    {
        var institution = await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (institution is null)
        {
            return NotFound();
        }

        if (!await Authorization.CanAsync(User, PlanOperations.Read, new PublicationScope(false)))
        {
            return Forbid();
        }

        Code = institution.Code;
        Acronym = institution.Acronym.Current;
        CanEdit = await Authorization.CanAsync(User, InstitutionOperations.Edit, InstitutionEditing.ScopeOf(institution));
        return null;
    }

    protected override Task<List<HistoryEntry>> EntriesAsync(int id, CancellationToken ct) =>
        db.HistoryAsync(InstitutionEditing.EntityType, id.ToString(CultureInfo.InvariantCulture), ct);
}
