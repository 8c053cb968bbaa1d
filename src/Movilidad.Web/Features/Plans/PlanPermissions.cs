using Movilidad.Platform.Auth;
using Movilidad.Web.Infrastructure.Auth;
using System.Security.Claims;

namespace Movilidad.Web.Features.Plans;

/// <summary>Who reads unpublished plans, edits elements and publishes plans.</summary>
public sealed class PlanPermissions : OperationRules
{
    /// <summary>The rules, for the queries that filter on them.</summary>
    public static readonly PlanPermissions Rules = new();

    public override IReadOnlyCollection<Operation> Operations { get; } = [PlanOperations.Read, PlanOperations.Edit, PlanOperations.Publish, PlanOperations.Create];

    protected override bool Allows(Grant grant, Operation operation, object? resource) =>
        operation == PlanOperations.Read
            // Published content is read by everyone, signed in or not; that is decided before asking.
            ? grant.WorksOnThePlans || resource is PublicationScope { IsPublished: true }
            : operation == PlanOperations.Create
                ? grant.Role == Role.WorkingGroupMember && resource is WorkingGroupScope own && own.HasMember(grant)
                : operation == PlanOperations.Edit && (grant.Role == Role.Presidency || (resource is WorkingGroupScope scope && scope.HasMember(grant)));

    /// <summary>True when the person may read unpublished content at all (lists filter on it).</summary>
    public static bool ReadsUnpublished(ClaimsPrincipal user) =>
        Grants.Of(user).Any(g => Rules.Decides(g, PlanOperations.Read, new PublicationScope(false)));
}
