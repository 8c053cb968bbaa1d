using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Accounts;

using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.Accounts;

public static class ApiTokens
{
    public const string Scheme = AuthenticationSchemes.Token;
    private const string Marker = "mov_";

    /// <summary>A new random token: returned once to its owner, stored only as its SHA-256.</summary>
    public static (string Token, ApiToken Row) Create(int accountId, string name, DateTimeOffset now, TimeSpan lifetime)
    {
        var token = Marker + Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant();
        return (token, new ApiToken
        {
            AccountId = accountId,
            Name = name,
            Prefix = token[..12],
            Hash = HashOf(token),
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        });
    }

    public static string HashOf(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>
    /// Revokes every live token of an account, as a new password does: whoever learnt the old password may have made
    /// tokens with it. Answers how many were revoked.
    /// </summary>
    public static Task<int> RevokeAllAsync(this MovilidadDb db, int accountId, DateTimeOffset now, CancellationToken ct) =>
        db.ApiTokens.Where(t => t.AccountId == accountId && t.RevokedAt == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
}

/// <summary>
/// <c>Authorization: Bearer mov_...</c>: finds the token by its hash and signs the request in as its owner, with
/// the owner's current grants. A revoked or expired token, or one of a closed account, is refused.
/// </summary>
public sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    MovilidadDb db, IUserClaimsPrincipalFactory<Account> claims, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = ApiTokens.HashOf(header["Bearer ".Length..].Trim());
        var token = await db.ApiTokens.Include(t => t.Account).SingleOrDefaultAsync(t => t.Hash == hash, Context.RequestAborted);
        var now = clock.GetUtcNow();
        if (token?.Account is not { DeletedAt: null } account || token.RevokedAt is not null || token.ExpiresAt <= now)
        {
            return AuthenticateResult.Fail("The token is unknown, revoked or expired.");
        }

        // Recorded at most once a minute: a busy client must not turn every read into a write.
        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            await db.ApiTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        var principal = await claims.CreateAsync(account);
        var identity = new ClaimsIdentity(principal.Claims, ApiTokens.Scheme, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(AuditActor.TokenClaim, token.Id.ToString(CultureInfo.InvariantCulture)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiTokens.Scheme));
    }
}
