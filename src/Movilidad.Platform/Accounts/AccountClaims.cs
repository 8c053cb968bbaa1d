using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;

namespace Movilidad.Platform.Accounts;

/// <summary>
/// Puts an account's grants into its sign-in. The Secretariat's grant counts only once two-factor sign-in is on:
/// until then the account signs in as an ordinary person, with a claim (<see cref="WaitingClaimType"/>) naming the
/// role that waits, so every page can say so and lead to the two-step set-up.
/// </summary>
public sealed class AccountClaims(UserManager<Account> users, IOptions<IdentityOptions> options, MovilidadDb db)
    : UserClaimsPrincipalFactory<Account>(users, options)
{
    /// <summary>A role the account holds that waits for two-step verification before it counts.</summary>
    public const string WaitingClaimType = "movilidad:waiting-role";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Account user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        foreach (var grant in await GrantsOfAsync(db, user, CancellationToken.None))
        {
            identity.AddClaim(new Claim(Grant.ClaimType, grant.ToClaimValue()));
        }

        if (!user.TwoFactorEnabled && await db.RoleGrants.AnyAsync(g => g.AccountId == user.Id && g.Role == Role.Secretariat))
        {
            identity.AddClaim(new Claim(WaitingClaimType, nameof(Role.Secretariat)));
        }

        return identity;
    }

    public static async Task<IReadOnlyList<Grant>> GrantsOfAsync(MovilidadDb db, Account user, CancellationToken ct)
    {
        var grants = await db.RoleGrants.AsNoTracking().Where(g => g.AccountId == user.Id).ToListAsync(ct);
        return grants.Where(g => g.Role != Role.Secretariat || user.TwoFactorEnabled).Select(g => g.ToGrant()).ToList();
    }
}
