using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Movilidad.Web.Infrastructure.Api;
using Movilidad.Platform.Audit;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Writes;

namespace Movilidad.Web.Features.Comments;

/// <summary>Comments on any item that takes them (<see cref="CommentTargets"/>): read, write, edit and delete one's own, hide (the Secretariat).</summary>
public static class CommentsApi
{
    public static IEndpointRouteBuilder MapCommentsApi(this IEndpointRouteBuilder app)
    {
        var comments = app.MapGroup("/api/comments").WithTags("Comments").RequireAuthorization()
            .AddEndpointFilter(ApiAntiforgery.RequireForCookies);
        comments.MapGet("/", async Task<IResult> (string? entityType, string? entityId, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
            {
                var (status, target) = await db.FindAsync(entityType, entityId, http.User, auth, ct);
                return status switch
                {
                    TargetStatus.Found => TypedResults.Ok(await db.CommentsAsync(target!.EntityType, target.EntityId, AuditActor.From(http).AccountId,
                        await auth.CanAsync(http.User, CommentOperations.Moderate), clock.GetUtcNow().UtcDateTime, ct)),
                    TargetStatus.Forbidden => TypedResults.Forbid(),
                    _ => NotFoundProblem.Of(entityType ?? "item", entityId ?? string.Empty),
                };
            })
            .ProducesRead<List<CommentView>>()
            .WithSummary("The comments on an item (entityType plan-element or activity, and its entityId), oldest first. A hidden comment's text is left out except for its author and the Secretariat.");
        comments.MapPost("/", async Task<IResult> (CommentNew comment, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
            {
                if (!await auth.CanAsync(http.User, CommentOperations.Write))
                {
                    return TypedResults.Forbid();
                }

                var (status, target) = await db.FindAsync(comment.EntityType, comment.EntityId, http.User, auth, ct);
                if (status != TargetStatus.Found)
                {
                    return status == TargetStatus.Forbidden ? TypedResults.Forbid() : NotFoundProblem.Of(comment.EntityType ?? "item", comment.EntityId ?? string.Empty);
                }

                var actor = AuditActor.From(http);
                return ToResult(await db.AddAsync(target!, actor.AccountId!.Value, comment.Text, actor, clock, ct), "new", created: true);
            })
            .WithMetadata(new CommentWriteLimitAttribute())
            .ProducesWrite<CommentView>(StatusCodes.Status201Created)
            .WithSummary("Comments on an item the caller may read. Plain text of at most 4000 characters.");
        comments.MapPut("/{id:int}", async Task<IResult> (int id, CommentEdit edit, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
            {
                if (!await auth.CanAsync(http.User, CommentOperations.Write))
                {
                    return TypedResults.Forbid();
                }

                var actor = AuditActor.From(http);
                return ToResult(await db.EditAsync(id, actor.AccountId!.Value, edit, actor, clock, ct), id);
            })
            .WithMetadata(new CommentWriteLimitAttribute())
            .ProducesWrite<CommentView>()
            .WithSummary("Edits one's own comment, within 24 hours of writing it and unless it was hidden. Send the version you read.");
        comments.MapDelete("/{id:int}", async Task<IResult> (int id, [FromQuery] int version, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
            {
                if (!await auth.CanAsync(http.User, CommentOperations.Write))
                {
                    return TypedResults.Forbid();
                }

                var actor = AuditActor.From(http);
                return ToResult(await db.DeleteAsync(id, actor.AccountId!.Value, version, actor, clock, ct), id);
            })
            .WithMetadata(new CommentWriteLimitAttribute())
            .ProducesWrite<CommentView>()
            .WithSummary("Deletes one's own comment (soft: the audit trail keeps it).");
        comments.MapPost("/{id:int}/hide", async Task<IResult> (int id, CommentHide hide, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
                await auth.CanAsync(http.User, CommentOperations.Moderate)
                    ? ToResult(await db.HideAsync(id, hide, AuditActor.From(http), clock, ct), id)
                    : TypedResults.Forbid())
            .ProducesWrite<CommentView>()
            .WithSummary("Hides a comment, with the reason shown in its place (the Secretariat).");
        return app;
    }

    private static IResult ToResult(WriteOutcome<CommentView> outcome, object id, bool created = false) => created
        ? outcome.ToCreated("comment", c => $"/api/comments/{c.Id}")
        : outcome.ToHttp("comment", id);
}
