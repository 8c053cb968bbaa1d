using Movilidad.Platform.Auth;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.Institutions;

/// <summary>A member state's institution is edited by its country's focal points.</summary>
public sealed class InstitutionPermissions : OperationRules
{
    public override IReadOnlyCollection<Operation> Operations { get; } = [InstitutionOperations.Edit];

    protected override bool Allows(Grant grant, Operation operation, object? resource) =>
        resource is CountryScope country && country.IsFocalPoint(grant);
}
