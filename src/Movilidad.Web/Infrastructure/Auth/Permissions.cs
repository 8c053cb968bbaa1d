using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Movilidad.Web.Features.Comments;
using Movilidad.Web.Features.Matrix;
using Movilidad.Web.Features.Indicators;
using Movilidad.Web.Features.Monitoring;
using Movilidad.Web.Features.Reports;
using Movilidad.Web.Features.Pledges;
using Movilidad.Platform.Pledges;
using Movilidad.Web.Features.Practices;
using Movilidad.Platform.Auth;

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
        // The Secretariat prepares the report and the Presidency approves it: the one thing the Secretariat may not do itself.
        if (operation == ReportOperations.Approve)
        {
            return grant.Role == Role.Presidency;
        }

        if (grant.Role == Role.Secretariat)
        {
            return true;
        }

        if (operation == CommentOperations.Write)
        {
            // Every role comments, on what it may read: the item's own read rule is checked with it (CommentTargets).
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

        if (operation == MonitoringOperations.Read || operation == ReportOperations.Read || operation == IndicatorOperations.Read)
        {
            return grant.Role is Role.Presidency or Role.FocalPoint or Role.WorkingGroupMember or Role.Observer;
        }

        if (operation == MonitoringOperations.EditActivity)
        {
            return grant.Role == Role.Presidency
                || (grant.Role == Role.WorkingGroupMember && resource is WorkingGroupScope groups && grant.WorkingGroupId is { } member && groups.WorkingGroupIds.Contains(member));
        }

        if (operation == MatrixOperations.Import)
        {
            // Any focal point may upload; each changed row is then checked against the row's country.
            return grant.Role == Role.FocalPoint;
        }

        if (operation == InstitutionOperations.Edit || operation == AuditOperations.Read || operation == MonitoringOperations.EditCountryShare
            || operation == ReportOperations.EditNarrative || operation == IndicatorOperations.EnterValues)
        {
            return grant.Role == Role.FocalPoint && resource is CountryScope country && country.Country == grant.Country;
        }

        if (operation == PledgeOperations.ReadUnpublished)
        {
            return grant.Role is Role.Presidency or Role.FocalPoint or Role.WorkingGroupMember or Role.Observer
                || resource is PledgeScope { RecordedByReader: true };
        }

        if (operation == PledgeOperations.Edit)
        {
            return resource is PledgeScope pledge && grant.Role switch
            {
                Role.FocalPoint => pledge.StateCountries.Contains(grant.Country),
                Role.Observer => pledge.RecordedByReader && pledge.PledgerTypes.Count > 0 && pledge.PledgerTypes.All(t => t is PledgerType.UnAgency or PledgerType.Other),
                Role.CivilSociety => pledge.RecordedByReader && pledge.PledgerTypes.Count > 0 && pledge.PledgerTypes.All(t => t is PledgerType.CivilSociety or PledgerType.Other),
                _ => false,
            };
        }

        if (operation == PracticeOperations.Submit)
        {
            return true;
        }

        if (operation == PracticeOperations.ReadUnpublished)
        {
            return grant.Role == Role.Observer || resource is SubmitterScope { IsSubmitter: true };
        }

        if (operation == PracticeOperations.EditOwn)
        {
            return resource is SubmitterScope { IsSubmitter: true };
        }

        return false;
    }

    /// <summary>True when the person holds a role that records pledges at all (whose pledges, <see cref="PledgeOperations.Edit"/> decides).</summary>
    public static bool RecordsPledges(ClaimsPrincipal user) =>
        Grants.Of(user).Any(g => g.Role is Role.Secretariat or Role.FocalPoint or Role.Observer or Role.CivilSociety);

    /// <summary>True when the person may read unpublished content at all (lists filter on it).</summary>
    public static bool ReadsUnpublished(ClaimsPrincipal user) =>
        Grants.Of(user).Any(g => Allows(g, PlanOperations.Read, new PublicationScope(false)));
}
