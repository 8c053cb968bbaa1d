using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Practices;

/// <summary>The history tab of a good practice: every step of its pipeline and every edit, with what changed.</summary>
public class HistoryModel(MovilidadDb db, IAuthorizationService authorization) : HistoryPage(authorization)
{
    public Bilingual Title { get; private set; } = Bilingual.Empty;

    protected override async Task<IActionResult?> OpenAsync(int id, CancellationToken ct)
    {
        var practice = await db.Practices.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Title, p.SubmittedById }).SingleOrDefaultAsync(ct);
        if (practice is null)
        {
            return NotFound();
        }

        if (!await Authorization.CanAsync(User, PracticeOperations.ReadUnpublished, PracticeWorkflow.ScopeOf(practice.SubmittedById, User)))
        {
            return Forbid();
        }

        Title = practice.Title;
        return null;
    }

    protected override Task<List<HistoryEntry>> EntriesAsync(int id, CancellationToken ct) => db.HistoryAsync(PracticeWorkflow.EntityType, PracticeWorkflow.Id(id), ct);
}
