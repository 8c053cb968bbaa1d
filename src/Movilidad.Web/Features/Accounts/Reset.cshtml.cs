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

/// <summary>Where an invitation or a password-reset link leads: choose a password. The link works once.</summary>
[AllowAnonymous]
[SharedAttemptLimit]
public class ResetModel(UserManager<Account> users, MovilidadDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true), Required, EmailAddress]
    public string Email { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true), Required]
    public string Token { get; set; } = string.Empty;

    [BindProperty, Required, DataType(DataType.Password), StringLength(200, MinimumLength = 12)]
    public string Password { get; set; } = string.Empty;

    public IReadOnlyList<string> Errors { get; private set; } = [];
    public bool Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var account = await users.FindByEmailAsync(Email);
        if (!ModelState.IsValid || account is null)
        {
            Errors = ["Reset.Invalid"];
            return Page();
        }

        var result = await users.ResetPasswordAsync(account, Token, Password);
        if (!result.Succeeded)
        {
            Errors = result.Errors.Select(e => e.Code == "InvalidToken" ? "Reset.Invalid" : "Reset.Weak").Distinct().ToList();
            return Page();
        }

        var revoked = await db.RevokeAllAsync(account.Id, clock.GetUtcNow(), ct);
        await db.SaveAuditedAsync(AuditActor.From(HttpContext) with { AccountId = account.Id, Name = account.Email },
            () => new AuditRecord(AuditActions.Password, "account", account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, new { revokedApiTokens = revoked }), clock, ct);
        Done = true;
        return Page();
    }
}
