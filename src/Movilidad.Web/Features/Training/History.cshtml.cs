using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Training;

/// <summary>The history tab of a course: when it was recorded and every change, with what changed; for those who may change it.</summary>
public class HistoryModel(MovilidadDb db, IAuthorizationService authorization) : HistoryPage(authorization)
{
    public Bilingual Title { get; private set; } = Bilingual.Empty;

    protected override async Task<IActionResult?> OpenAsync(int id, CancellationToken ct)
    {
        var course = await db.Courses.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Title, c.ProviderId, c.RecordedById }).SingleOrDefaultAsync(ct);
        if (course is null)
        {
            return NotFound();
        }

        if (!await Authorization.CanAsync(User, CourseOperations.Edit, await CourseEditing.ScopeAsync(db, course.ProviderId, course.RecordedById, AuditActor.From(HttpContext).AccountId, ct)))
        {
            return Forbid();
        }

        Title = course.Title;
        return null;
    }

    protected override Task<List<HistoryEntry>> EntriesAsync(int id, CancellationToken ct) => db.HistoryAsync(CourseEditing.EntityType, AuditTrail.Key(id), ct);
}
