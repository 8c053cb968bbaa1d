using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Pledges;

/// <summary>
/// The history tab of a pledge: every version saved, its quarterly updates and publication, with what changed. Read by
/// those who read unpublished pledges (the staff, and whoever recorded it), as the versions before publication are.
/// </summary>
public class HistoryModel(MovilidadDb db, IAuthorizationService authorization) : HistoryPage(authorization)
{
    public Bilingual Title { get; private set; } = Bilingual.Empty;

    protected override async Task<IActionResult?> OpenAsync(int id, CancellationToken ct)
    {
        if (await db.FindPledgeAsync(id, ct) is not { } pledge)
        {
            return NotFound();
        }

        if (!await Authorization.CanAsync(User, PledgeOperations.ReadUnpublished, await db.PledgeScopeAsync(pledge, User, ct)))
        {
            return Forbid();
        }

        Title = pledge.Title;
        return null;
    }

    protected override Task<List<HistoryEntry>> EntriesAsync(int id, CancellationToken ct) => db.HistoryAsync(PledgeEditing.EntityType, PledgeEditing.Id(id), ct);
}
