using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Movilidad.Web.Infrastructure.Api;
using Movilidad.Platform.Audit;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Writes;

namespace Movilidad.Web.Features.Plans;

public sealed record PublicationChange(bool IsPublished);

/// <summary>The writes on plans: element edit, delete and restore, plan publication. Every one is authorised, audited and evicts the plan cache.</summary>
public static class PlanEditingApi
{
    public static IEndpointRouteBuilder MapPlanEditingApi(this IEndpointRouteBuilder app)
    {
        var elements = app.MapGroup("/api/elements").WithTags("Plans").RequireAuthorization()
            .AddEndpointFilter(ApiAntiforgery.RequireForCookies);
        elements.MapPut("/{id:int}", async Task<IResult> (int id, ElementEdit edit, HttpContext http, MovilidadDb db, IAuthorizationService auth, IOutputCacheStore cache, TimeProvider clock, CancellationToken ct) =>
            {
                if (!await auth.CanAsync(http.User, PlanOperations.Edit, await db.ScopeAsync(id, ct)))
                {
                    return TypedResults.Forbid();
                }

                var outcome = await db.SaveAsync(id, edit, AuditActor.From(http), clock, ct);
                return await ToResultAsync(outcome, id, cache, ct);
            })
            .ProducesWrite<ElementSnapshot>()
            .WithSummary("Saves an element's title, text, timeframe label and footnotes (both languages). Send the version you read; a stale one gets 409 with the current content.");
        elements.MapDelete("/{id:int}", async Task<IResult> (int id, [FromQuery] int version, HttpContext http, MovilidadDb db, IAuthorizationService auth, IOutputCacheStore cache, TimeProvider clock, CancellationToken ct) =>
                await auth.CanAsync(http.User, PlanOperations.Edit, await db.ScopeAsync(id, ct))
                    ? await ToResultAsync(await db.SetDeletedAsync(id, deleted: true, version, AuditActor.From(http), clock, ct), id, cache, ct)
                    : TypedResults.Forbid())
            .ProducesWrite<ElementSnapshot>()
            .WithSummary("Deletes an element (soft: it can be restored).");
        elements.MapPost("/{id:int}/restore", async Task<IResult> (int id, [FromQuery] int version, HttpContext http, MovilidadDb db, IAuthorizationService auth, IOutputCacheStore cache, TimeProvider clock, CancellationToken ct) =>
                await auth.CanAsync(http.User, PlanOperations.Edit, await db.ScopeAsync(id, ct))
                    ? await ToResultAsync(await db.SetDeletedAsync(id, deleted: false, version, AuditActor.From(http), clock, ct), id, cache, ct)
                    : TypedResults.Forbid())
            .ProducesWrite<ElementSnapshot>()
            .WithSummary("Restores a deleted element.");
        elements.MapGet("/{id:int}/history", async Task<IResult> (int id, HttpContext http, MovilidadDb db, IAuthorizationService auth, CancellationToken ct) =>
                await auth.CanAsync(http.User, PlanOperations.Read, new PublicationScope(false))
                    ? TypedResults.Ok(ItemHistory.ForReader(await db.HistoryAsync(ElementEditing.EntityType, id.ToString(CultureInfo.InvariantCulture), ct), await auth.CanAsync(http.User, AuditOperations.Read)))
                    : TypedResults.Forbid())
            .ProducesRead<IReadOnlyList<HistoryEntry>>()
            .WithSummary("Every saved version of an element, newest first, with the values before and after.");

        app.MapPut("/api/plans/{id:int}/publication", async Task<IResult> (int id, PublicationChange change, HttpContext http, MovilidadDb db, IAuthorizationService auth, IOutputCacheStore cache, TimeProvider clock, CancellationToken ct) =>
            {
                if (!await auth.CanAsync(http.User, PlanOperations.Publish))
                {
                    return TypedResults.Forbid();
                }

                if (!await db.SetPublishedAsync(id, change.IsPublished, AuditActor.From(http), clock, ct))
                {
                    return NotFoundProblem.Of("plan", id);
                }

                await cache.EvictByTagAsync(PlanCache.Tag, ct);
                return TypedResults.NoContent();
            })
            .WithTags("Plans").RequireAuthorization().AddEndpointFilter(ApiAntiforgery.RequireForCookies)
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Publishes a plan (everyone reads it) or withdraws it (only the people who work on plans read it).");
        return app;
    }

    private static async Task<IResult> ToResultAsync(WriteOutcome<ElementSnapshot> outcome, int id, IOutputCacheStore cache, CancellationToken ct)
    {
        if (outcome is WriteOutcome<ElementSnapshot>.Saved)
        {
            await cache.EvictByTagAsync(PlanCache.Tag, ct);
        }

        return outcome.ToHttp("element", id);
    }
}
