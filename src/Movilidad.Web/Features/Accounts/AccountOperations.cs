using Movilidad.Platform.Auth;

namespace Movilidad.Web.Features.Accounts;

/// <summary>What people do with accounts; who may, in <see cref="AccountPermissions"/>.</summary>
public static class AccountOperations
{
    public static readonly Operation Manage = new("accounts.manage");
}
