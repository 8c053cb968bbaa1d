using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Accounts;

namespace Movilidad.Web.Features.Accounts;

/// <summary>
/// A signed-in person changes their password: the current one is required. Changing it renews the security stamp, so
/// every other session of the account is signed out at its next check; this one is signed in again. Audited, and the
/// person is told by e-mail (someone else may have done it).
/// </summary>
public class PasswordModel(UserManager<Account> users, SignInManager<Account> signIn, MovilidadDb db, Mailer mailer, TimeProvider clock) : PageModel
{
    [BindProperty, Required, DataType(DataType.Password), StringLength(200)]
    public string Current { get; set; } = string.Empty;

    [BindProperty, Required, DataType(DataType.Password), StringLength(200)]
    public string New { get; set; } = string.Empty;

    [BindProperty, Required, DataType(DataType.Password), StringLength(200)]
    public string Confirm { get; set; } = string.Empty;

    public IReadOnlyList<string> Errors { get; private set; } = [];
    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await users.GetUserAsync(User) is null ? Challenge() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            Errors = ["Password.Missing"];
            return Page();
        }

        if (New != Confirm)
        {
            Errors = ["Password.Mismatch"];
            return Page();
        }

        var result = await users.ChangePasswordAsync(account, Current, New);
        if (!result.Succeeded)
        {
            Errors = result.Errors.Select(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Password.Wrong" : "Reset.Weak").Distinct().ToList();
            return Page();
        }

        var revoked = await db.RevokeAllAsync(account.Id, clock.GetUtcNow(), ct);
        await db.SaveAuditedAsync(AuditActor.From(HttpContext),
            () => new AuditRecord(AuditActions.Password, "account", account.Id.ToString(CultureInfo.InvariantCulture), null, new { revokedApiTokens = revoked }), clock, ct);
        await signIn.RefreshSignInAsync(account);
        await mailer.SendAsync(account.Email, "Movilidad: contraseña cambiada / password changed",
            "La contraseña de su cuenta de Movilidad se cambió y sus tokens de API se revocaron. Si no fue usted, pida un restablecimiento de contraseña y avise a la Secretaría.\n\n"
            + "The password of your Movilidad account was changed and your API tokens were revoked. If it was not you, ask for a password reset and tell the Secretariat.\n", ct);
        Done = true;
        return Page();
    }
}
