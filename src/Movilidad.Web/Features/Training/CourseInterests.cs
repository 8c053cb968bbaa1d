using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Training;
using Movilidad.Platform.Writes;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.Training;

/// <summary>A person who said they are interested in a course, as its provider sees them.</summary>
public sealed record InterestedPerson(string Name, string Email, DateTime At);

/// <summary>
/// "I am interested" in a course for the reader: whether they are, and for those who provide the course (its country's
/// focal point, the person who recorded it, the Secretariat) how many people are and who; null for everyone else.
/// </summary>
public sealed record CourseInterestView(int CourseId, bool Interested, int? Count, IReadOnlyList<InterestedPerson>? People);

/// <summary>One row per person and course: saying it twice or withdrawing it twice changes nothing; every change is audited.</summary>
public static class CourseInterests
{
    public const string EntityType = "course-interest";

    public static class Actions
    {
        public const string Interested = "interest";
        public const string Withdrawn = "withdraw-interest";
    }

    /// <summary>Whether the reader sees who is interested in the course (null when there is no such course).</summary>
    public static async Task<bool?> SeesWhoAsync(MovilidadDb db, IAuthorizationService auth, ClaimsPrincipal reader, int courseId, int? readerId, CancellationToken ct)
    {
        var course = await db.Courses.AsNoTracking().Where(c => c.Id == courseId).Select(c => new { c.ProviderId, c.RecordedById }).SingleOrDefaultAsync(ct);
        return course is null ? null
            : reader.Identity?.IsAuthenticated == true
              && await auth.CanAsync(reader, CourseOperations.ReadInterest, await CourseEditing.ScopeAsync(db, course.ProviderId, course.RecordedById, readerId, ct));
    }

    /// <summary>Marks (<paramref name="interested"/>) or withdraws the signed-in reader's interest; <paramref name="seesWho"/> says whether the answer lists who is interested.</summary>
    public static async Task<WriteOutcome<CourseInterestView>> SetAsync(
        MovilidadDb db, int courseId, bool interested, bool seesWho, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        if (actor.AccountId is not { } account)
        {
            return new WriteOutcome<CourseInterestView>.Forbidden();
        }

        if (!await db.Courses.AnyAsync(c => c.Id == courseId, ct))
        {
            return new WriteOutcome<CourseInterestView>.NotFound();
        }

        var row = await db.CourseInterests.SingleOrDefaultAsync(i => i.CourseId == courseId && i.AccountId == account, ct);
        if ((row is not null) != interested)
        {
            if (interested)
            {
                db.CourseInterests.Add(new CourseInterest { CourseId = courseId, AccountId = account, At = clock.GetUtcNow().UtcDateTime });
            }
            else
            {
                db.CourseInterests.Remove(row!);
            }

            var change = new { course = courseId, account };
            try
            {
                await db.SaveAuditedAsync(actor, () => new AuditRecord(
                    interested ? Actions.Interested : Actions.Withdrawn, EntityType, AuditTrail.Key(courseId), interested ? null : change, interested ? change : null), clock, ct);
            }
            catch (DbUpdateException)
            {
                // The same person's other click saved (or removed) the row first: the outcome they asked for is already there.
                db.ChangeTracker.Clear();
            }
        }

        return new WriteOutcome<CourseInterestView>.Saved(await ViewAsync(db, courseId, account, seesWho, ct));
    }

    /// <summary>The reader's interest in a course and, when <paramref name="seesWho"/>, the count and the people, first interested first.</summary>
    public static async Task<CourseInterestView> ViewAsync(MovilidadDb db, int courseId, int? readerId, bool seesWho, CancellationToken ct)
    {
        var interested = readerId is { } reader && await db.CourseInterests.AnyAsync(i => i.CourseId == courseId && i.AccountId == reader, ct);
        if (!seesWho)
        {
            return new CourseInterestView(courseId, interested, null, null);
        }

        var people = await db.CourseInterests.AsNoTracking().Where(i => i.CourseId == courseId)
            .Join(db.Accounts, i => i.AccountId, a => a.Id, (i, a) => new { a.DisplayName, a.Email, i.At, i.Id })
            .OrderBy(p => p.At).ThenBy(p => p.Id)
            .Select(p => new InterestedPerson(p.DisplayName, p.Email, p.At)).ToListAsync(ct);
        return new CourseInterestView(courseId, interested, people.Count, people);
    }
}
