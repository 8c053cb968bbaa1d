using Microsoft.AspNetCore.Authorization;
using Movilidad.Platform.Auth;

namespace Movilidad.Web.Infrastructure.Auth;

/// <summary>
/// One feature's part of the role table: which grant allows which of the feature's operations on which scope. Each
/// feature keeps its rules beside its operations (<c>Features/Pledges/PledgePermissions.cs</c>); the Secretariat may do
/// every operation unless a feature says otherwise; an operation no feature claims is allowed to nobody. Pages and API
/// endpoints ask <see cref="IAuthorizationService"/>, and the rules of the feature that owns the operation decide.
/// </summary>
public abstract class OperationRules : AuthorizationHandler<Operation>
{
    /// <summary>The operations this feature decides.</summary>
    public abstract IReadOnlyCollection<Operation> Operations { get; }

    /// <summary>Whether the grant of someone other than the Secretariat allows the operation on the resource (the scope).</summary>
    protected abstract bool Allows(Grant grant, Operation operation, object? resource);

    /// <summary>Whether the Secretariat may do the operation: everything, unless a feature keeps one for another role.</summary>
    protected virtual bool SecretariatMay(Operation operation) => true;

    public bool Decides(Grant grant, Operation operation, object? resource) =>
        Operations.Contains(operation) && (grant.Role == Role.Secretariat ? SecretariatMay(operation) : Allows(grant, operation, resource));

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, Operation requirement)
    {
        if (Operations.Contains(requirement) && Grants.Of(context.User).Any(g => Decides(g, requirement, context.Resource)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
