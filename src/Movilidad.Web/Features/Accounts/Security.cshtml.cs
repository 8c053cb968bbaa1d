using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Movilidad.Web.Infrastructure.Audit;
using Movilidad.Web.Infrastructure.Data;

namespace Movilidad.Web.Features.Accounts;

/// <summary>Two-factor sign-in with an authenticator app (TOTP). Required for the Secretariat: its grant counts only once this is on.</summary>
public class SecurityModel(UserManager<Account> users, SignInManager<Account> signIn, MovilidadDb db, TimeProvider clock) : PageModel
{
    public bool Enabled { get; private set; }
    public string Key { get; private set; } = string.Empty;
    public string AuthenticatorUri { get; private set; } = string.Empty;
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];
    public string? Error { get; private set; }

    [BindProperty, StringLength(7)]
    public string Code { get; set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? Challenge() : Page();

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken ct)
    {
        var account = await LoadAsync();
        if (account is null)
        {
            return Challenge();
        }

        var valid = await users.VerifyTwoFactorTokenAsync(account, users.Options.Tokens.AuthenticatorTokenProvider, Code.Replace(" ", string.Empty, StringComparison.Ordinal));
        if (!valid)
        {
            Error = "TwoFactor.Invalid";
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(account, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(account, 10))?.ToList() ?? [];
        await db.SaveAuditedAsync(AuditActor.From(HttpContext), () => new AuditRecord(AuditActions.TwoFactor, "account", account.Id.ToString(CultureInfo.InvariantCulture), new { TwoFactor = false }, new { TwoFactor = true }), clock, ct);

        // Signing in again picks up what two-factor unlocks (the Secretariat's grant).
        await signIn.RefreshSignInAsync(account);
        Enabled = true;
        return Page();
    }

    private async Task<Account?> LoadAsync()
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
        {
            return null;
        }

        Enabled = account.TwoFactorEnabled;
        if (!Enabled)
        {
            var key = await users.GetAuthenticatorKeyAsync(account);
            if (string.IsNullOrEmpty(key))
            {
                await users.ResetAuthenticatorKeyAsync(account);
                key = await users.GetAuthenticatorKeyAsync(account);

                // A new key changes the security stamp; without a fresh cookie this session would end at the next stamp check.
                await signIn.RefreshSignInAsync(account);
            }

            Key = string.Join(' ', key!.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
            AuthenticatorUri = $"otpauth://totp/Movilidad:{Uri.EscapeDataString(account.Email)}?secret={key}&issuer=Movilidad&digits=6";
        }

        return account;
    }
}
