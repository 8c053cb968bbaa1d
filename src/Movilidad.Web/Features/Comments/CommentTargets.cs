using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Movilidad.Web.Features.Monitoring;
using Movilidad.Web.Features.Plans;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;

namespace Movilidad.Web.Features.Comments;

/// <summary>An item that takes comments, found and readable by the person asking, and the page that shows it.</summary>
public sealed record CommentTarget(string EntityType, string EntityId, string Url);

/// <summary>What looking up an item for comments found: the item, nothing, or an item this person may not read.</summary>
public enum TargetStatus
{
    Found,
    NotFound,
    Forbidden,
}

/// <summary>
/// The items that take comments. A new kind of item adds one case: how to find it and who may read it; people may
/// comment on what they may read.
/// </summary>
public static class CommentTargets
{
    public static readonly IReadOnlyList<string> Types = [ElementEditing.EntityType, ActivityEditing.EntityType];

    public static async Task<(TargetStatus Status, CommentTarget? Target)> FindAsync(this MovilidadDb db, string? entityType, string? entityId, ClaimsPrincipal user, IAuthorizationService auth, CancellationToken ct)
    {
        if (!int.TryParse(entityId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return (TargetStatus.NotFound, null);
        }

        var key = id.ToString(CultureInfo.InvariantCulture);
        switch (entityType)
        {
            case ElementEditing.EntityType:
                // The query filter already hides unpublished plans from those who may not read them: for them the element is not there.
                var element = await db.PlanElements.AsNoTracking().Where(e => e.Id == id).Select(e => new { e.Plan!.IsPublished }).SingleOrDefaultAsync(ct);
                if (element is null)
                {
                    return (TargetStatus.NotFound, null);
                }

                return await auth.CanAsync(user, PlanOperations.Read, new PublicationScope(element.IsPublished))
                    ? (TargetStatus.Found, new CommentTarget(entityType, key, $"/elements/{key}"))
                    : (TargetStatus.NotFound, null);
            case ActivityEditing.EntityType:
                if (!await auth.CanAsync(user, MonitoringOperations.Read))
                {
                    return (TargetStatus.Forbidden, null);
                }

                return await db.Activities.AnyAsync(a => a.Id == id, ct)
                    ? (TargetStatus.Found, new CommentTarget(entityType, key, $"/monitoring/activities/{key}"))
                    : (TargetStatus.NotFound, null);
            default:
                return (TargetStatus.NotFound, null);
        }
    }
}
