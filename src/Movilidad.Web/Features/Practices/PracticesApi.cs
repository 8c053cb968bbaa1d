using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Web.Infrastructure.Api;
using Movilidad.Web.Infrastructure.Data;
using Movilidad.Web.Infrastructure.Localization;

namespace Movilidad.Web.Features.Practices;

/// <summary>One line of the practice list.</summary>
public sealed record PracticeSummary(
    int Id, Bilingual Title, Bilingual Summary, int InstitutionId, Bilingual Institution, PracticeStatus Status, DateOnly? ScheduledMonth, DateTime? PublishedAt,
    IReadOnlyList<int> GcmObjectives, IReadOnlyList<string> Countries);

/// <summary>Good practices for machine readers: the ones the reader may see (published ones for everyone), filtered by country and GCM objective.</summary>
public static class PracticesApi
{
    public static IEndpointRouteBuilder MapPracticesApi(this IEndpointRouteBuilder app)
    {
        var practices = app.MapGroup("/api/practices").WithTags("Practices").AllowAnonymous();

        practices.MapGet("/", async (string? country, int? gcm, HttpContext http, MovilidadDb db, CancellationToken ct) =>
                TypedResults.Ok(await db.Practices.AsNoTracking().VisibleTo(http.User).PracticeSummariesAsync(country, gcm, ct)))
            .WithSummary("Good practices, newest publication first, filtered by country (ISO 3166 alpha-2) and GCM objective (1-23).");

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
            .WithSummary("A good practice in both languages with its GCM objectives, plan elements and countries.");
        return app;
    }

    public static async Task<List<PracticeSummary>> PracticeSummariesAsync(this IQueryable<Practice> practices, string? country, int? gcm, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(country))
        {
            practices = practices.Where(p => p.Countries.Any(c => c.CountryCode == country));
        }

        if (gcm is { } objective)
        {
            practices = practices.Where(p => p.GcmObjectives.Any(g => g.Objective == objective));
        }

        return await practices
            .OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.ScheduledMonth).ThenByDescending(p => p.Id)
            .Select(p => new PracticeSummary(p.Id, p.Title, p.Summary, p.InstitutionId, p.Institution!.Name, p.Status, p.ScheduledMonth, p.PublishedAt,
                p.GcmObjectives.OrderBy(g => g.Objective).Select(g => g.Objective).ToList(),
                p.Countries.OrderBy(c => c.CountryCode).Select(c => c.CountryCode).ToList()))
            .AsSplitQuery()
            .ToListAsync(ct);
    }
}
