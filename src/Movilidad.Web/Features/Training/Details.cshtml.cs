using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Knowledge;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.Training;

/// <summary>A source a shipped course's facts were read from.</summary>
public sealed record CourseSource(string Key, string Title, string? Url, string? Publisher);

/// <summary>
/// A course of the catalogue with every field, the unverified facts of a shipped one and its sources; "I am interested"
/// for a signed-in reader; for its provider, who is interested; edit and history links for those who may change it.
/// </summary>
[AllowAnonymous]
public class DetailsModel(MovilidadDb db, IAuthorizationService auth, TimeProvider clock) : TrainingPage
{
    public CourseView Course { get; private set; } = null!;
    public string? Provider { get; private set; }
    public IReadOnlyList<CourseSource> Sources { get; private set; } = [];
    public IReadOnlyDictionary<string, string> OccupationNames { get; private set; } = new Dictionary<string, string>();
    public bool MayEdit { get; private set; }

    /// <summary>The reader's interest, and for the provider who is interested; null when not signed in.</summary>
    public CourseInterestView? Interest { get; private set; }

    /// <summary>What the interest form sends: true to say one is interested, false to withdraw it.</summary>
    [BindProperty]
    public bool Interested { get; set; }

    public Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => ShowAsync(id, ct);

    public async Task<IActionResult> OnPostInterestAsync(int id, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        if (!await auth.CanAsync(User, CourseOperations.Interest))
        {
            return Forbid();
        }

        var actor = AuditActor.From(HttpContext);
        var seesWho = await CourseInterests.SeesWhoAsync(db, auth, User, id, actor.AccountId, ct) == true;
        return await PageAfterWriteAsync(await CourseInterests.SetAsync(db, id, Interested, seesWho, actor, clock, ct), $"/courses/{Int(id)}#interest");
    }

    private async Task<IActionResult> ShowAsync(int id, CancellationToken ct)
    {
        if (await db.Courses.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct) is not { } course)
        {
            return NotFound();
        }

        Course = CourseEditing.View(course);
        await LoadCountriesAsync(db, ct);
        Provider = course.ProviderId is { } provider ? await db.Institutions.Where(i => i.Id == provider).Select(i => i.Acronym.Es).SingleOrDefaultAsync(ct) : null;
        var keys = Course.Sources.ToList();
        Sources = (await db.SourceReferences.AsNoTracking().Where(s => keys.Contains(s.Key)).Select(s => new CourseSource(s.Key, s.Title, s.Url, s.Publisher)).ToListAsync(ct))
            .OrderBy(s => keys.IndexOf(s.Key)).ToList();
        var codes = Course.Occupations.ToList();
        OccupationNames = (await db.Occupations.AsNoTracking().Where(o => codes.Contains(o.Code)).Select(o => new { o.Code, o.Name }).ToListAsync(ct))
            .ToDictionary(o => o.Code, o => o.Name.Current, StringComparer.Ordinal);
        var reader = int.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var readerId) ? readerId : (int?)null;
        MayEdit = User.Identity?.IsAuthenticated == true
            && await auth.CanAsync(User, CourseOperations.Edit, await CourseEditing.ScopeAsync(db, course.ProviderId, course.RecordedById, reader, ct));
        if (User.Identity?.IsAuthenticated == true)
        {
            Interest = await CourseInterests.ViewAsync(db, id, reader, await CourseInterests.SeesWhoAsync(db, auth, User, id, reader, ct) == true, ct);
        }

        return Page();
    }

    public static string Codes(IEnumerable<string> codes) => string.Join(", ", codes);

    public static string Amount(decimal value) => value.ToString("#,##0.##", CultureInfo.CurrentCulture);

    public static IReadOnlyList<string> Lines(string text) => CodeList.Split(text.Replace('\n', '|'));
}
