using Microsoft.AspNetCore.Authorization;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Web.Infrastructure.Api;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.Network;

/// <summary>The UN Regional Network's follow-up for machine readers: a plan's dashboard, an activity's updates, writing, approving and returning updates, the mid-term review.</summary>
public static class NetworkApi
{
    public static IEndpointRouteBuilder MapNetworkApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/network").WithTags("Network").AddEndpointFilter(ApiAntiforgery.RequireForCookies);

        api.MapGet("/plans/{plan}", async Task<IResult> (string plan, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
                await NetworkQueries.DashboardAsync(db, plan, await auth.CanAsync(http.User, NetworkOperations.Read), Today(clock), ct) is { } dashboard
                    ? TypedResults.Ok(dashboard)
                    : NotFoundProblem.Of("network plan", plan))
            .AllowAnonymous()
            .ProducesRead<NetworkDashboard>()
            .WithSummary("A network work plan's progress (key or id): activities by status per priority and per responsible agency, each activity's latest approved update and the ended quarters it has no approved update for, and the mid-term review. Updates and a review not approved yet count only for those who work on the plans and the network's agencies.");

        api.MapGet("/activities/{id:int}", async Task<IResult> (int id, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
                await NetworkQueries.ActivityAsync(db, id, await auth.CanAsync(http.User, NetworkOperations.Read), Today(clock), ct) is { } activity
                    ? TypedResults.Ok(activity)
                    : NotFoundProblem.Of("network activity", id))
            .AllowAnonymous()
            .ProducesRead<NetworkActivityView>()
            .WithSummary("An activity of a network work plan (a plan element id): its responsible agencies, the co-chairs, its status from its approved updates, its overdue quarters and its quarterly updates.");

        api.MapPost("/activities/{id:int}/updates", async Task<IResult> (int id, NetworkUpdateInput input, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
                (await NetworkEditing.CreateAsync(db, id, input, (operation, scope) => auth.CanAsync(http.User, operation, scope), AuditActor.From(http), clock, ct))
                    .ToCreated("network activity", u => "/api/network/updates/" + u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .RequireAuthorization()
            .ProducesWrite<NetworkUpdateView>(StatusCodes.Status201Created)
            .WithSummary("Writes a quarterly update of the activity (quarter yyyy-Qn, progress ES/EN, proposed status, percent or milestone, evidence link): the people of an agency responsible for it only. It counts once the co-chairs approve it.");

        api.MapPut("/updates/{id:int}", async Task<IResult> (int id, NetworkUpdateInput input, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
                (await NetworkEditing.EditAsync(db, id, input, (operation, scope) => auth.CanAsync(http.User, operation, scope), AuditActor.From(http), clock, ct)).ToHttp("network update", id))
            .RequireAuthorization()
            .ProducesWrite<NetworkUpdateView>()
            .WithSummary("Changes an update not approved yet (a returned one, answering the co-chairs' comment): the writing agency's people; it is submitted again. Send the version you read; a stale one gets 409.");

        foreach (var (decision, approve, summary) in new[]
        {
            ("approve", true, "The co-chairs approve a submitted update: the activity then has the status it proposed. Send the version you read."),
            ("return", false, "The co-chairs return a submitted update with a comment (required) for its agency to change. Send the version you read."),
        })
        {
            api.MapPost("/updates/{id:int}/" + decision, async Task<IResult> (int id, NetworkDecisionInput input, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
                    (await NetworkEditing.DecideAsync(db, id, approve, input, (operation, scope) => auth.CanAsync(http.User, operation, scope), AuditActor.From(http), clock, ct)).ToHttp("network update", id))
                .RequireAuthorization()
                .ProducesWrite<NetworkUpdateView>()
                .WithSummary(summary);
        }

        api.MapPut("/plans/{plan}/review", async Task<IResult> (string plan, NetworkReviewInput input, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
                (await NetworkEditing.SaveReviewAsync(db, plan, input, (operation, scope) => auth.CanAsync(http.User, operation, scope), AuditActor.From(http), clock, ct)).ToHttp("network plan", plan))
            .RequireAuthorization()
            .ProducesWrite<NetworkReviewView>()
            .WithSummary("The co-chairs record the plan's mid-term review (its footnote 1): date, findings and changes to the plan (ES/EN); version 0 the first time, then the version read, until it is approved.");

        api.MapPost("/plans/{plan}/review/approve", async Task<IResult> (string plan, NetworkDecisionInput input, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
                (await NetworkEditing.ApproveReviewAsync(db, plan, input.Version, (operation, scope) => auth.CanAsync(http.User, operation, scope), AuditActor.From(http), clock, ct)).ToHttp("network plan", plan))
            .RequireAuthorization()
            .ProducesWrite<NetworkReviewView>()
            .WithSummary("The co-chairs approve the mid-term review; it is final and shown to everyone from then on.");
        return app;
    }

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
