using Movilidad.Platform.Auth;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.Matrix;

/// <summary>Any focal point may upload the matrix; each changed row is then checked against the row's country.</summary>
public sealed class MatrixPermissions : OperationRules
{
    public override IReadOnlyCollection<Operation> Operations { get; } = [MatrixOperations.Import];

    protected override bool Allows(Grant grant, Operation operation, object? resource) =>
        grant.Role == Role.FocalPoint;
}
