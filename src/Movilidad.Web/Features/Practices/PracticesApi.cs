using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Movilidad.Web.Infrastructure.Api;
using Movilidad.Platform.Audit;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Practices;
using Movilidad.Platform.Writes;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Practices;

/// <summary>One line of the practice list.</summary>
public sealed record PracticeSummary(
    int Id, Bilingual Title, Bilingual Summary, int InstitutionId, Bilingual Institution, PracticeStatus Status, DateOnly? ScheduledMonth, DateTime? PublishedAt,
    IReadOnlyList<int> GcmObjectives, IReadOnlyList<string> Countries);

/// <summary>The Secretariat's review through the API: accept, or return or reject with a comment for the submitter.</summary>
public sealed record PracticeReview(int Version, ReviewDecision Decision, string? Comment);

/// <summary>The submitting institution's consent to publish: who gave it (name and position) and on which day.</summary>
public sealed record PracticeConsent(int Version, string? ConsentGivenBy, DateOnly? ConsentGivenOn);

/// <summary>The month (yyyy-mm) an accepted practice is published in.</summary>
public sealed record PracticeSchedule(int Version, string? Month);

/// <summary>The version a transition without other data (publication) starts from.</summary>
public sealed record PracticeVersion(int Version);

/// <summary>
/// Good practices for machine readers: the ones the reader may see (published ones for everyone), filtered by country
/// and GCM objective; and the pipeline the pages offer, through the same operations: every write authorised, validated,
/// audited and version-checked.
/// </summary>
public static class PracticesApi
{
    public static IEndpointRouteBuilder MapPracticesApi(this IEndpointRouteBuilder app)
    {
        var practices = app.MapGroup("/api/practices").WithTags("Practices").AddEndpointFilter(ApiAntiforgery.RequireForCookies);

        practices.MapGet("/", async (string? country, int? gcm, int? start, int? size, HttpContext http, MovilidadDb db, CancellationToken ct) =>
                TypedResults.Ok(ListPage.Of(await db.Practices.AsNoTracking().VisibleTo(http.User).Matching(country, gcm).Newest()
                    .PageAsync(start ?? 0, size ?? Paging.DefaultSize, (page, token) => page.SummariesAsync(token), ct))))
            .AllowAnonymous()
            .WithSummary("Good practices, newest publication first, filtered by country (ISO 3166 alpha-2) and GCM objective (1-23); start (0-based) and size (25, 50, 100 or 200) page them.");

        practices.MapGet("/{id:int}", async Task<IResult> (int id, HttpContext http, MovilidadDb db, IAuthorizationService auth, CancellationToken ct) =>
            {
                if (!await db.Practices.VisibleTo(http.User).AnyAsync(p => p.Id == id, ct) || await db.FindPracticeAsync(id, ct) is not { } practice)
                {
                    return NotFoundProblem.Of("practice", id);
                }

                // The review comment and who consented, and when, are for the submitter and the Secretariat.
                var snapshot = PracticeWorkflow.Snapshot(practice);
                return TypedResults.Ok(await auth.CanAsync(http.User, PracticeOperations.EditOwn, PracticeWorkflow.ScopeOf(practice.SubmittedById, http.User))
                    ? snapshot
                    : snapshot with { ReviewComment = null, SubmittedById = null, ConsentGivenBy = null, ConsentGivenOn = null, ConsentRecordedAt = null });
            })
            .AllowAnonymous()
            .ProducesRead<PracticeSnapshot>()
            .WithSummary("A good practice in both languages with its GCM objectives, plan elements and countries.");

        practices.MapPost("/", async Task<IResult> (PracticeEdit edit, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
            {
                if (!await auth.CanAsync(http.User, PracticeOperations.Submit))
                {
                    return TypedResults.Forbid();
                }

                return (await db.SubmitAsync(edit, AuditActor.From(http), clock, ct)).ToCreated("practice", created => $"/api/practices/{created.Id.ToString(CultureInfo.InvariantCulture)}");
            })
            .RequireAuthorization()
            .ProducesWrite<PracticeSnapshot>(StatusCodes.Status201Created)
            .WithSummary("Submits a good practice for review (version 0): anyone signed in. Titles, summaries and texts in Spanish and English.");

        practices.MapStep<PracticeEdit>(HttpMethods.Put, "/{id:int}", AsSubmitterAsync, (db, id, edit, actor, clock, ct) => db.ResubmitAsync(id, edit, actor, clock, ct))
            .WithSummary("Its submitter edits a practice while it is submitted or returned; a returned one goes back to review. Send the version you read; a stale one gets 409.");

        practices.MapStep<PracticeReview>(HttpMethods.Post, "/{id:int}/review", AsSecretariatAsync,
                (db, id, review, actor, clock, ct) => db.ReviewAsync(id, review.Version, review.Decision, review.Comment, actor, clock, ct))
            .WithSummary("The Secretariat accepts a submitted practice, or returns or rejects it with a comment (decision: accept, return, reject).");

        practices.MapStep<PracticeConsent>(HttpMethods.Post, "/{id:int}/consent", AsSubmitterAsync,
                (db, id, consent, actor, clock, ct) => db.RecordConsentAsync(id, consent.Version, consent.ConsentGivenBy, consent.ConsentGivenOn, actor, clock, ct))
            .WithSummary("Records the submitting institution's consent to publish an accepted practice: who gave it and when (yyyy-mm-dd). The submitter or the Secretariat.");

        practices.MapStep<PracticeSchedule>(HttpMethods.Post, "/{id:int}/schedule", AsSecretariatAsync,
                (db, id, schedule, actor, clock, ct) => db.ScheduleAsync(id, schedule.Version, PracticeWorkflow.ParseMonth(schedule.Month), actor, clock, ct))
            .WithSummary("The Secretariat schedules an accepted practice into a month (yyyy-mm, this month or later): one practice a month.");

        practices.MapStep<PracticeVersion>(HttpMethods.Post, "/{id:int}/publish", AsSecretariatAsync, (db, id, publish, actor, clock, ct) => db.PublishAsync(id, publish.Version, actor, clock, ct))
            .WithSummary("The Secretariat publishes an accepted practice with its institution's consent, in or after its scheduled month.");
        return app;
    }

    /// <summary>
    /// A step on one practice: its body read (a value of the wrong kind is named), the reader checked by
    /// <paramref name="refusal"/>, then the operation the pages call, answered as the rest of the API answers a write.
    /// </summary>
    private static RouteHandlerBuilder MapStep<T>(
        this RouteGroupBuilder practices, string method, string pattern,
        Func<int, HttpContext, MovilidadDb, IAuthorizationService, CancellationToken, Task<IResult?>> refusal,
        Func<MovilidadDb, int, T, AuditActor, TimeProvider, CancellationToken, Task<WriteOutcome<PracticeSnapshot>>> write)
        where T : class =>
        practices.MapMethods(pattern, [method], async Task<IResult> (int id, T value, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
                await refusal(id, http, db, auth, ct) ?? WriteResults.ToHttp(await write(db, id, value, AuditActor.From(http), clock, ct), "practice", id))
            .RequireAuthorization()
            .ProducesWrite<PracticeSnapshot>();

    /// <summary>Null when the reader reviews practices (the Secretariat); otherwise 403.</summary>
    private static async Task<IResult?> AsSecretariatAsync(int id, HttpContext http, MovilidadDb db, IAuthorizationService auth, CancellationToken ct) =>
        await auth.CanAsync(http.User, PracticeOperations.Review) ? null : TypedResults.Forbid();

    /// <summary>Null when the reader may act as the practice's submitter; otherwise the answer: 404 for no such practice, 403 for someone else's.</summary>
    private static async Task<IResult?> AsSubmitterAsync(int id, HttpContext http, MovilidadDb db, IAuthorizationService auth, CancellationToken ct)
    {
        if (await db.SubmitterScopeAsync(id, http.User, ct) is not { } scope)
        {
            return NotFoundProblem.Of("practice", id);
        }

        return await auth.CanAsync(http.User, PracticeOperations.EditOwn, scope) ? null : TypedResults.Forbid();
    }

    /// <summary>The practices about a country (ISO 3166 alpha-2) and serving a GCM objective (1-23), each when given.</summary>
    public static IQueryable<Practice> Matching(this IQueryable<Practice> practices, string? country, int? gcm)
    {
        if (!string.IsNullOrEmpty(country))
        {
            practices = practices.Where(p => p.Countries.Any(c => c.CountryCode == country));
        }

        if (gcm is { } objective)
        {
            practices = practices.Where(p => p.GcmObjectives.Any(g => g.Objective == objective));
        }

        return practices;
    }

    /// <summary>
    /// Newest publication first, then the latest scheduled month, then the latest submitted; the unpublished and unscheduled after the
    /// others (said outright: PostgreSQL puts nulls first in a descending order, SQLite last).
    /// </summary>
    public static IOrderedQueryable<Practice> Newest(this IQueryable<Practice> practices) =>
        practices.OrderBy(p => p.PublishedAt == null).ThenByDescending(p => p.PublishedAt).ThenBy(p => p.ScheduledMonth == null).ThenByDescending(p => p.ScheduledMonth)
            .ThenByDescending(p => p.Id);

    /// <summary>The summaries of the practices of an ordered query, in its order.</summary>
    public static Task<List<PracticeSummary>> SummariesAsync(this IQueryable<Practice> ordered, CancellationToken ct) =>
        ordered
            .Select(p => new PracticeSummary(p.Id, p.Title, p.Summary, p.InstitutionId, p.Institution!.Name, p.Status, p.ScheduledMonth, p.PublishedAt,
                p.GcmObjectives.OrderBy(g => g.Objective).Select(g => g.Objective).ToList(),
                p.Countries.OrderBy(c => c.CountryCode).Select(c => c.CountryCode).ToList()))
            .AsSplitQuery()
            .ToListAsync(ct);
}
