using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Knowledge;

/// <summary>The history tab of a repository item: proposal, edits, files added, reviews and publication, with what changed.</summary>
public class HistoryModel(MovilidadDb db, IAuthorizationService authorization) : HistoryPage(authorization)
{
    public Bilingual Title { get; private set; } = Bilingual.Empty;

    protected override async Task<IActionResult?> OpenAsync(int id, CancellationToken ct)
    {
        var item = await db.RepositoryItems.AsNoTracking().Where(i => i.Id == id).Select(i => new { i.Title, i.ProposedById }).SingleOrDefaultAsync(ct);
        if (item is null)
        {
            return NotFound();
        }

        if (!await Authorization.CanAsync(User, RepositoryOperations.ReadUnpublished, RepositoryEditing.ScopeOf(item.ProposedById, User)))
        {
            return Forbid();
        }

        Title = item.Title;
        return null;
    }

    protected override Task<List<HistoryEntry>> EntriesAsync(int id, CancellationToken ct) => db.HistoryAsync(RepositoryEditing.EntityType, RepositoryEditing.Id(id), ct);
}
