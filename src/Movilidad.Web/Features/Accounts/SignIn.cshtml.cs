using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Movilidad.Platform.Audit;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Accounts;

namespace Movilidad.Web.Features.Accounts;

[AllowAnonymous]
[SharedAttemptLimit]
public class SignInModel(SignInManager<Account> signIn, MovilidadDb db, TimeProvider clock, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty, Required, EmailAddress, StringLength(256)]
    public string Email { get; set; } = string.Empty;

    [BindProperty, Required, DataType(DataType.Password), StringLength(200)]
    public string Password { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            Error = "SignIn.Invalid";
            return Page();
        }

        var account = await signIn.UserManager.FindByEmailAsync(Email);
        var result = account is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(account, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await db.AuditSignInAsync(HttpContext, account, Email, AuditActions.SignIn, clock, ct);
            return LocalRedirect(SafeReturn(ReturnUrl));
        }

        await db.AuditSignInAsync(HttpContext, account, Email, AuditActions.SignInFailed, clock, ct);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("TwoFactor", new { returnUrl = SafeReturn(ReturnUrl) });
        }

        Error = result.IsLockedOut ? "SignIn.LockedOut" : "SignIn.Invalid";
        logger.LogWarning("Sign-in failed for account {AccountId} from {ClientAddress}: {Reason}", account?.Id, HttpContext.Connection.RemoteIpAddress,
            account is null ? "unknown-email" : result.IsLockedOut ? "locked-out" : result.IsNotAllowed ? "not-allowed" : "wrong-password");
        return Page();
    }

    public static string SafeReturn(string? url) =>
        url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}
