using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OutputCaching;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Writes;
using Movilidad.Web.Infrastructure.Api;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.Plans;

/// <summary>
/// Plans made in the platform: the Secretariat creates a plan of any kind, a working group's members draft their group's
/// work plan; both add its elements while it is a draft; the Secretariat approves it by publishing it
/// (<c>PUT /api/plans/{id}/publication</c>).
/// </summary>
public static class PlanCreationApi
{
    public static IEndpointRouteBuilder MapPlanCreationApi(this IEndpointRouteBuilder app)
    {
        var plans = app.MapGroup("/api/plans").WithTags("Plans").RequireAuthorization().AddEndpointFilter(ApiAntiforgery.RequireForCookies);
        plans.MapPost("/", async Task<IResult> (PlanCreate create, HttpContext http, MovilidadDb db, IAuthorizationService auth, IOutputCacheStore cache, TimeProvider clock, CancellationToken ct) =>
            {
                if (!await auth.CanAsync(http.User, PlanOperations.Create, await db.OwnerScopeAsync(create.Owner, ct)))
                {
                    return TypedResults.Forbid();
                }

                var outcome = await db.CreatePlanAsync(create, AuditActor.From(http), clock, ct);
                if (outcome is WriteOutcome<PlanCreated>.Saved)
                {
                    await cache.EvictByTagAsync(PlanCache.Tag, ct);
                }

                return outcome.ToCreated("plan", p => $"/api/plans/{p.Id.ToString(CultureInfo.InvariantCulture)}");
            })
            .ProducesWrite<PlanCreated>(StatusCodes.Status201Created)
            .WithSummary("Creates a plan (unpublished) with its levels; a level marked actionable takes activities under its elements. The Secretariat creates any plan, a working group's members their group's work plan.");
        plans.MapPost("/{id:int}/elements", async Task<IResult> (int id, ElementCreate create, HttpContext http, MovilidadDb db, IAuthorizationService auth, IOutputCacheStore cache, TimeProvider clock, CancellationToken ct) =>
            {
                if (await db.PlanScopeAsync(id, ct) is not { } scope)
                {
                    return NotFoundProblem.Of("plan", id);
                }

                if (!await auth.CanAsync(http.User, PlanOperations.Create, scope))
                {
                    return TypedResults.Forbid();
                }

                var outcome = await db.CreateElementAsync(id, create, AuditActor.From(http), clock, ct);
                if (outcome is WriteOutcome<ElementCreated>.Saved)
                {
                    await cache.EvictByTagAsync(PlanCache.Tag, ct);
                }

                return outcome.ToCreated("element", e => $"/api/elements/{e.Id.ToString(CultureInfo.InvariantCulture)}");
            })
            .ProducesWrite<ElementCreated>(StatusCodes.Status201Created)
            .WithSummary("Adds an element to a plan made here (bilingual title and text, code, timeframe, institutions, GCM objectives, SDG targets), under a parent element or at the top.");
        return app;
    }
}
