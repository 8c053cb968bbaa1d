using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Accounts;

namespace Movilidad.Web.Features.Accounts;

[AllowAnonymous]
[SharedAttemptLimit]
public class ForgotModel(UserManager<Account> users, Mailer mailer) : PageModel
{
    [BindProperty, Required, EmailAddress, StringLength(256)]
    public string Email { get; set; } = string.Empty;

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    /// <summary>Answers the same whether or not the address has an account, so the page does not reveal who does.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid && await users.FindByEmailAsync(Email) is { } account)
        {
            await users.SendPasswordLinkAsync(mailer, Request, account, invitation: false, ct);
        }

        Sent = true;
        return Page();
    }
}
