using Microsoft.AspNetCore.Authorization;
using Movilidad.Platform.Audit;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Data;

namespace Movilidad.Web.Features.Comments;

/// <summary>The comments section of an item's page: its comments as this reader sees them, and whether they may add or moderate.</summary>
public sealed record CommentThread(string EntityType, string EntityId, IReadOnlyList<CommentView> Comments, bool CanComment, bool CanModerate)
{
    /// <summary>The section for a signed-in reader of the item; none for the public (comments are a conversation among the platform's members).</summary>
    public static async Task<CommentThread?> LoadAsync(MovilidadDb db, IAuthorizationService auth, HttpContext http, string entityType, string entityId, TimeProvider clock, CancellationToken ct)
    {
        var user = http.User;
        if (user.Identity?.IsAuthenticated != true || AuditActor.From(http).AccountId is not { } reader)
        {
            return null;
        }

        var moderator = await auth.CanAsync(user, CommentOperations.Moderate);
        var comments = await db.CommentsAsync(entityType, entityId, reader, moderator, clock.GetUtcNow().UtcDateTime, ct);
        return new CommentThread(entityType, entityId, comments, await auth.CanAsync(user, CommentOperations.Write), moderator);
    }
}
