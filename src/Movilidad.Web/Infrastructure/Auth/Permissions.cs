using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Movilidad.Web.Features.Indicators;
using Movilidad.Web.Features.Monitoring;

namespace Movilidad.Web.Infrastructure.Auth;

/// <summary>
/// The role table of the platform, in one place: which grant allows which operation on which scope.
/// Pages and API endpoints ask <see cref="IAuthorizationService"/>; this handler decides for both.
/// </summary>
public sealed class Permissions : AuthorizationHandler<Operation>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, Operation requirement)
    {
        if (Grants.Of(context.User).Any(g => Allows(g, requirement, context.Resource)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    public static bool Allows(Grant grant, Operation operation, object? resource)
    {
        if (grant.Role == Role.Secretariat)
        {
            return true;
        }

        if (operation == PlanOperations.Read)
        {
            // Published content is read by everyone, signed in or not; that is decided before asking.
            return grant.Role is Role.Presidency or Role.FocalPoint or Role.WorkingGroupMember or Role.Observer
                || resource is PublicationScope { IsPublished: true };
        }

        if (operation == PlanOperations.Edit)
        {
            return grant.Role == Role.Presidency
                || (grant.Role == Role.WorkingGroupMember && resource is WorkingGroupScope scope && grant.WorkingGroupId is { } group && scope.WorkingGroupIds.Contains(group));
        }

        if (operation == MonitoringOperations.Read || operation == IndicatorOperations.Read)
        {
            return grant.Role is Role.Presidency or Role.FocalPoint or Role.WorkingGroupMember or Role.Observer;
        }

        if (operation == MonitoringOperations.EditActivity)
        {
            return grant.Role == Role.Presidency
                || (grant.Role == Role.WorkingGroupMember && resource is WorkingGroupScope groups && grant.WorkingGroupId is { } member && groups.WorkingGroupIds.Contains(member));
        }

        if (operation == InstitutionOperations.Edit || operation == AuditOperations.Read || operation == MonitoringOperations.EditCountryShare
            || operation == IndicatorOperations.EnterValues)
        {
            return grant.Role == Role.FocalPoint && resource is CountryScope country && country.Country == grant.Country;
        }

        return false;
    }

    /// <summary>True when the person may read unpublished content at all (lists filter on it).</summary>
    public static bool ReadsUnpublished(ClaimsPrincipal user) =>
        Grants.Of(user).Any(g => Allows(g, PlanOperations.Read, new PublicationScope(false)));
}
