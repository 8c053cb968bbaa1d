using Microsoft.AspNetCore.Http.HttpResults;
using Movilidad.Web.Infrastructure.Api;
using Movilidad.Platform.Data;

namespace Movilidad.Web.Features.Plans;

public static class PlansApi
{
    public static IEndpointRouteBuilder MapPlansApi(this IEndpointRouteBuilder app)
    {
        // Public reads: unpublished plans are filtered out for readers who may not see them (Visibility).
        var plans = app.MapGroup("/api/plans").WithTags("Plans").AllowAnonymous();
        plans.MapGet("/", async (MovilidadDb db, CancellationToken ct) => TypedResults.Ok(await db.PlanSummariesAsync(ct)))
            .WithSummary("The plans, in the order the platform presents them.");
        plans.MapGet("/{id:int}", async Task<Results<Ok<PlanDetail>, ProblemHttpResult>> (int id, MovilidadDb db, CancellationToken ct) =>
                await db.PlanDetailAsync(id, null, ct) is { } plan ? TypedResults.Ok(plan) : NotFoundProblem.Of("plan", id))
            .WithSummary("A plan: kind, period, owner, approval and the names of its levels.");
        plans.MapGet("/{id:int}/tree", async Task<Results<Ok<IReadOnlyList<TreeNode>>, ProblemHttpResult>> (int id, MovilidadDb db, CancellationToken ct) =>
                await db.PlanTreeAsync(id, ct) is { } tree ? TypedResults.Ok(tree) : NotFoundProblem.Of("plan", id))
            .WithSummary("A plan's elements as a tree.")
            .CacheOutput(PlanCache.Policy);

        app.MapGet("/api/elements/{id:int}", async Task<Results<Ok<ElementDetail>, ProblemHttpResult>> (int id, MovilidadDb db, CancellationToken ct) =>
                await db.ElementDetailAsync(id, ct) is { } element ? TypedResults.Ok(element) : NotFoundProblem.Of("element", id))
            .WithTags("Plans")
            .AllowAnonymous()
            .WithSummary("A plan element: text, footnotes, institutions by role, timeframe, GCM and SDG links, source.");
        return app;
    }
}
