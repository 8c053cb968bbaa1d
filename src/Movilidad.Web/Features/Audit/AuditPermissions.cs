using Movilidad.Platform.Auth;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.Audit;

/// <summary>The whole audit trail is the Secretariat's; a focal point reads their country's.</summary>
public sealed class AuditPermissions : OperationRules
{
    public override IReadOnlyCollection<Operation> Operations { get; } = [AuditOperations.Read];

    protected override bool Allows(Grant grant, Operation operation, object? resource) =>
        resource is CountryScope country && country.IsFocalPoint(grant);
}
