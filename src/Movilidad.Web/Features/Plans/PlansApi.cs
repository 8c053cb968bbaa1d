using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Movilidad.Web.Infrastructure.Api;
using Microsoft.EntityFrameworkCore;
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
        plans.MapGet("/{plan}", async Task<Results<Ok<PlanDetail>, ProblemHttpResult>> (string plan, MovilidadDb db, CancellationToken ct) =>
                await db.PlanDetailAsync(Id(plan), Id(plan) is null ? plan : null, ct) is { } detail ? TypedResults.Ok(detail) : NotFoundProblem.Of("plan", plan))
            .WithSummary("A plan, by its numeric id or its key (the slug of its page, /plans/{key}): kind, period, owner, approval and the names of its levels.");
        plans.MapGet("/{plan}/tree", async Task<Results<Ok<IReadOnlyList<TreeNode>>, ProblemHttpResult>> (string plan, MovilidadDb db, CancellationToken ct) =>
                await db.PlanIdAsync(plan, ct) is { } id && await db.PlanTreeAsync(id, ct) is { } tree ? TypedResults.Ok(tree) : NotFoundProblem.Of("plan", plan))
            .WithSummary("A plan's elements as a tree, the plan named by its numeric id or its key.")
            .CacheOutput(PlanCache.Policy);
        plans.MapGet("/{plan}/source", async Task<IResult> (string plan, MovilidadDb db, CancellationToken ct) =>
            {
                var source = await db.PlanIdAsync(plan, ct) is { } id ? await db.Plans.Where(p => p.Id == id).Select(p => p.SourceDocument).SingleOrDefaultAsync(ct) : null;

                // The text of the document the plan was read from, shipped with the platform in data/sources (a bare file name, never a path).
                var path = source is null || Path.GetFileName(source) != source ? null : Path.Combine(ShippedData.Folder, "sources", source);
                return path is not null && File.Exists(path)
                    ? TypedResults.PhysicalFile(path, "text/plain; charset=utf-8")
                    : NotFoundProblem.Of("plan source", plan);
            })
            .ProducesFile("text/plain")
            .WithSummary("The text of the document a plan was read from (in its original language, Spanish), the plan named by its numeric id or its key.");

        app.MapGet("/api/elements/{id:int}", async Task<Results<Ok<ElementDetail>, ProblemHttpResult>> (int id, MovilidadDb db, CancellationToken ct) =>
                await db.ElementDetailAsync(id, ct) is { } element ? TypedResults.Ok(element) : NotFoundProblem.Of("element", id))
            .WithTags("Plans")
            .AllowAnonymous()
            .WithSummary("A plan element: text, footnotes, institutions by role, timeframe, GCM and SDG links, source.");
        return app;
    }

    private static int? Id(string plan) => int.TryParse(plan, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static async Task<int?> PlanIdAsync(this MovilidadDb db, string plan, CancellationToken ct) =>
        Id(plan) ?? await db.Plans.Where(p => p.Key == plan).Select(p => (int?)p.Id).SingleOrDefaultAsync(ct);
}
