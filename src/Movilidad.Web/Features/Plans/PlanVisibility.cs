using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.Plans;

public static class PlanVisibility
{
    /// <summary>
    /// Unpublished plans exist only for the people who may read them: for everyone else every query, page and
    /// API answer behaves as if they were not there (404, not listed, not found by search). A working group's draft
    /// work plan is seen by that group's members and the Secretariat only.
    /// </summary>
    public static IApplicationBuilder UseUnpublishedVisibility(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            var db = http.RequestServices.GetRequiredService<MovilidadDb>();
            db.ShowsUnpublished = PlanPermissions.ReadsUnpublished(http.User);
            var groups = DraftGroups(http.User);
            db.SeesEveryDraft = groups is null;
            db.DraftGroups = groups ?? [];
            return next(http);
        });

    /// <summary>Whether the person creates plans: the Secretariat, of any kind; a working group's member, their group's work plan.</summary>
    public static async Task<bool> CreatesPlansAsync(this Microsoft.AspNetCore.Authorization.IAuthorizationService auth, System.Security.Claims.ClaimsPrincipal user) =>
        await auth.CanAsync(user, PlanOperations.Publish) || await auth.CanAsync(user, PlanOperations.Create, new WorkingGroupScope(DraftGroups(user) ?? []));

    /// <summary>The working groups whose drafts the person sees; null for the Secretariat, who sees them all.</summary>
    public static int[]? DraftGroups(System.Security.Claims.ClaimsPrincipal user)
    {
        var grants = Grants.Of(user);
        return grants.Any(g => g.Role == Role.Secretariat)
            ? null
            : grants.Where(g => g.Role == Role.WorkingGroupMember && g.WorkingGroupId is not null).Select(g => g.WorkingGroupId!.Value).Distinct().ToArray();
    }
}
