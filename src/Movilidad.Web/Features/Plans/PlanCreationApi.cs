using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OutputCaching;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Plans;
using Movilidad.Platform.Writes;
using Movilidad.Web.Infrastructure.Api;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.Plans;

/// <summary>
/// Plans made in the platform: the Secretariat creates a plan of any kind, a working group's members draft their group's
/// work plan; both add its elements while it is a draft; the Secretariat approves a group's plan, which publishes it,
/// after the group submitted it (<c>POST /api/plans/{id}/submission</c>, <c>.../approval</c>, <c>.../return</c> with a
/// comment); the Secretariat's own plans are published (<c>PUT /api/plans/{id}/publication</c>).
/// </summary>
public static class PlanCreationApi
{
    public static IEndpointRouteBuilder MapPlanCreationApi(this IEndpointRouteBuilder app)
    {
        var plans = app.MapGroup("/api/plans").WithTags("Plans").RequireAuthorization().AddEndpointFilter(ApiAntiforgery.RequireForCookies);
        plans.MapPost("/", async Task<IResult> (PlanCreate create, HttpContext http, MovilidadDb db, IAuthorizationService auth, IOutputCacheStore cache, TimeProvider clock, CancellationToken ct) =>
            {
                // A working group's member creates their group's work plan, nothing else.
                if (!await auth.CanAsync(http.User, PlanOperations.Create, await db.OwnerScopeAsync(create.Owner, ct))
                    || (create.Kind != PlanKind.WorkingGroupWorkPlan && !await auth.CanAsync(http.User, PlanOperations.Publish)))
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
        plans.MapPost("/{id:int}/levels", async Task<IResult> (int id, LevelCreate level, HttpContext http, MovilidadDb db, IAuthorizationService auth, IOutputCacheStore cache, TimeProvider clock, CancellationToken ct) =>
            {
                if (await db.PlanScopeAsync(id, ct) is not { } scope)
                {
                    return NotFoundProblem.Of("plan", id);
                }

                if (!await auth.CanAsync(http.User, PlanOperations.Create, scope))
                {
                    return TypedResults.Forbid();
                }

                var outcome = await db.AddLevelAsync(id, level, AuditActor.From(http), clock, ct);
                if (outcome is WriteOutcome<PlanCreated>.Saved)
                {
                    await cache.EvictByTagAsync(PlanCache.Tag, ct);
                }

                return outcome.ToCreated("plan", p => $"/api/plans/{p.Id.ToString(CultureInfo.InvariantCulture)}");
            })
            .ProducesWrite<PlanCreated>(StatusCodes.Status201Created)
            .WithSummary("Adds a level at the end of a plan made here (bilingual name, actionable or not), draft or published: the Secretariat, or a working group's members on their group's draft. A plan shipped with its document keeps the document's levels (400, field plan).");
        plans.MapPost("/{id:int}/submission", async Task<IResult> (int id, PlanStep step, HttpContext http, MovilidadDb db, IAuthorizationService auth, IOutputCacheStore cache, TimeProvider clock, CancellationToken ct) =>
                await db.OwnerGroupScopeAsync(id, ct) is not { } scope ? NotFoundProblem.Of("plan", id)
                : !await auth.CanAsync(http.User, PlanOperations.Create, scope) ? TypedResults.Forbid()
                : await ApprovalResultAsync(await db.SubmitAsync(id, step, AuditActor.From(http), clock, ct), id, cache, ct))
            .ProducesWrite<PlanApprovalView>()
            .WithSummary("Submits a working group's draft work plan for the Secretariat's approval (its members or the Secretariat). Send the plan's version; while it waits, the group adds no elements.");
        plans.MapPost("/{id:int}/approval", async Task<IResult> (int id, PlanStep step, HttpContext http, MovilidadDb db, IAuthorizationService auth, IOutputCacheStore cache, TimeProvider clock, CancellationToken ct) =>
                !await auth.CanAsync(http.User, PlanOperations.Publish) ? TypedResults.Forbid()
                : await ApprovalResultAsync(await db.ApproveAsync(id, step, AuditActor.From(http), clock, ct), id, cache, ct))
            .ProducesWrite<PlanApprovalView>()
            .WithSummary("The Secretariat approves a plan submitted for approval, which publishes it. Send the plan's version; a stale one gets 409.");
        plans.MapPost("/{id:int}/return", async Task<IResult> (int id, PlanStep step, HttpContext http, MovilidadDb db, IAuthorizationService auth, IOutputCacheStore cache, TimeProvider clock, CancellationToken ct) =>
                !await auth.CanAsync(http.User, PlanOperations.Publish) ? TypedResults.Forbid()
                : await ApprovalResultAsync(await db.ReturnAsync(id, step, AuditActor.From(http), clock, ct), id, cache, ct))
            .ProducesWrite<PlanApprovalView>()
            .WithSummary("The Secretariat returns a plan submitted for approval to its working group with a comment (required) on what to change.");
        return app;
    }

    private static async Task<IResult> ApprovalResultAsync(WriteOutcome<PlanApprovalView> outcome, int id, IOutputCacheStore cache, CancellationToken ct)
    {
        if (outcome is WriteOutcome<PlanApprovalView>.Saved)
        {
            await cache.EvictByTagAsync(PlanCache.Tag, ct);
        }

        return outcome.ToHttp("plan", id);
    }
}
