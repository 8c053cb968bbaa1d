using Movilidad.Platform.Auth;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.Accounts;

/// <summary>Accounts are managed by the Secretariat alone.</summary>
public sealed class AccountPermissions : OperationRules
{
    public override IReadOnlyCollection<Operation> Operations { get; } = [AccountOperations.Manage];

    protected override bool Allows(Grant grant, Operation operation, object? resource) =>
        false;
}
