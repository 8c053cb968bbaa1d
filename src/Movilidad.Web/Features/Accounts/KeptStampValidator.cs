using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Movilidad.Platform.Accounts;

namespace Movilidad.Web.Features.Accounts;

/// <summary>
/// Identity's check of a session cookie against the account's security stamp, done at most once per validation interval
/// per account and stamp on this node. A cookie older than the interval is checked on every request until the client
/// takes the renewed cookie, and a client that keeps the old one (a script, a tab that lost the answer) made each of its
/// requests read the account and its grants again and rebuild the person. The person built by the last check of the
/// same account and stamp is reused while it is younger than the interval: a stamp changed by a new grant, a closed
/// account or a sign-out everywhere is still seen within one interval, as before.
/// </summary>
public sealed class KeptStampValidator(
    IOptions<SecurityStampValidatorOptions> options,
    SignInManager<Account> signInManager,
    ILoggerFactory logger,
    IMemoryCache kept) : SecurityStampValidator<Account>(options, signInManager, logger)
{
    public override async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var now = TimeProvider.GetUtcNow();
        var issued = context.Properties.IssuedUtc;
        var due = issued is null || now - issued.Value > Options.ValidationInterval;
        if (!due || Options.ValidationInterval <= TimeSpan.Zero || context.Principal is not { } principal || Key(principal) is not { } key)
        {
            await base.ValidateAsync(context);
            return;
        }

        if (kept.TryGetValue(key, out CheckedPerson? last) && last is not null && now - last.At < Options.ValidationInterval)
        {
            context.ReplacePrincipal(last.Person.Clone());
            context.ShouldRenew = true;
            return;
        }

        await base.ValidateAsync(context);
        if (context.ShouldRenew && context.Principal is { } fresh)
        {
            kept.Set(key, new CheckedPerson(fresh.Clone(), now), new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Options.ValidationInterval });
        }
    }

    private StampKey? Key(ClaimsPrincipal principal)
    {
        var claims = SignInManager.Options.ClaimsIdentity;
        var id = principal.FindFirstValue(claims.UserIdClaimType);
        var stamp = principal.FindFirstValue(claims.SecurityStampClaimType);
        return id is null || stamp is null ? null : new StampKey(id, stamp);
    }

    private sealed record StampKey(string Account, string Stamp);

    private sealed record CheckedPerson(ClaimsPrincipal Person, DateTimeOffset At);
}
