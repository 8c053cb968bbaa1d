using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Accounts;

namespace Movilidad.Web.Features.Accounts;

/// <summary>
/// Two-factor sign-in with an authenticator app (TOTP): turn it on, get new recovery codes (shown once), turn it off
/// with the password. Required for the Secretariat: its grant counts only while this is on, so it cannot be turned off
/// while the account holds that role. Every change is audited and told to the person by e-mail.
/// </summary>
public class SecurityModel(UserManager<Account> users, SignInManager<Account> signIn, MovilidadDb db, Mailer mailer, TimeProvider clock, IStringLocalizer text) : PageModel
{
    public bool Enabled { get; private set; }

    /// <summary>The account holds a role that needs two-factor sign-in (the Secretariat).</summary>
    public bool RequiresTwoFactor { get; private set; }
    public string Key { get; private set; } = string.Empty;
    public string AuthenticatorUri { get; private set; } = string.Empty;

    /// <summary>The authenticator address as a QR code (inline SVG) to scan with the phone.</summary>
    public string QrCode { get; private set; } = string.Empty;
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];
    public string? Error { get; private set; }
    public string? Notice { get; private set; }

    [BindProperty, StringLength(7)]
    public string Code { get; set; } = string.Empty;

    [BindProperty, DataType(DataType.Password), StringLength(200)]
    public string Password { get; set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) is null ? Challenge() : Page();

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken ct)
    {
        var account = await LoadAsync(ct);
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
        await AuditAsync(account, new { TwoFactor = false }, new { TwoFactor = true }, ct);

        // Signing in again picks up what two-factor unlocks (the Secretariat's grant).
        await signIn.RefreshSignInAsync(account);
        Enabled = true;
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync(CancellationToken ct)
    {
        var account = await LoadAsync(ct);
        if (account is null)
        {
            return Challenge();
        }

        if (!Enabled)
        {
            Error = "Security.NotOn";
            return Page();
        }

        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(account, 10))?.ToList() ?? [];
        await AuditAsync(account, new { RecoveryCodes = "replaced" }, new { RecoveryCodes = RecoveryCodes.Count }, ct);
        await mailer.SendAsync(account.Email, "Movilidad: nuevos códigos de recuperación / new recovery codes",
            "Se generaron nuevos códigos de recuperación para su cuenta de Movilidad; los anteriores ya no sirven. Si no fue usted, cambie su contraseña y avise a la Secretaría.\n\n"
            + "New recovery codes were made for your Movilidad account; the old ones no longer work. If it was not you, change your password and tell the Secretariat.\n", ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken ct)
    {
        var account = await LoadAsync(ct);
        if (account is null)
        {
            return Challenge();
        }

        if (RequiresTwoFactor)
        {
            Error = "Security.Required";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (!Enabled)
        {
            Error = "Security.NotOn";
            return Page();
        }

        if (!await users.CheckPasswordAsync(account, Password))
        {
            Error = "Password.Wrong";
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(account, false);

        // Turning it on again starts from a new key: whoever saw the old one cannot use it.
        await users.ResetAuthenticatorKeyAsync(account);
        await AuditAsync(account, new { TwoFactor = true }, new { TwoFactor = false }, ct);
        await signIn.RefreshSignInAsync(account);
        await mailer.SendAsync(account.Email, "Movilidad: verificación en dos pasos desactivada / two-step verification turned off",
            "La verificación en dos pasos de su cuenta de Movilidad se desactivó. Si no fue usted, cambie su contraseña y avise a la Secretaría.\n\n"
            + "Two-step verification of your Movilidad account was turned off. If it was not you, change your password and tell the Secretariat.\n", ct);
        await LoadAsync(ct);
        Notice = "Security.Off";
        return Page();
    }

    private Task AuditAsync(Account account, object before, object after, CancellationToken ct) =>
        db.SaveAuditedAsync(AuditActor.From(HttpContext), () => new AuditRecord(AuditActions.TwoFactor, "account", account.Id.ToString(CultureInfo.InvariantCulture), before, after), clock, ct);

    private async Task<Account?> LoadAsync(CancellationToken ct)
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
        {
            return null;
        }

        Enabled = account.TwoFactorEnabled;
        RequiresTwoFactor = await db.RoleGrants.AnyAsync(g => g.AccountId == account.Id && g.Role == Role.Secretariat, ct);
        if (!Enabled)
        {
            var key = await users.GetAuthenticatorKeyAsync(account);
            if (string.IsNullOrEmpty(key))
            {
                // A new key renews the security stamp: without signing in again, this very session would be signed out at its next check.
                await users.ResetAuthenticatorKeyAsync(account);
                await signIn.RefreshSignInAsync(account);
                key = await users.GetAuthenticatorKeyAsync(account);

                // A new key changes the security stamp; without a fresh cookie this session would end at the next stamp check.
                await signIn.RefreshSignInAsync(account);
            }

            Key = string.Join(' ', key!.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
            AuthenticatorUri = $"otpauth://totp/Movilidad:{Uri.EscapeDataString(account.Email)}?secret={key}&issuer=Movilidad&digits=6";
            QrCode = QrSvg.Draw(AuthenticatorUri, text["Security.QrLabel"]);
        }

        return account;
    }
}
