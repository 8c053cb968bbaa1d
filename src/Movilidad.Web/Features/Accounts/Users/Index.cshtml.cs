using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Movilidad.Platform.Audit;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Web.Infrastructure.Pages;
using Movilidad.Platform.Data;
using Movilidad.Platform.Accounts;

namespace Movilidad.Web.Features.Accounts.Users;

/// <summary>The Secretariat's list of accounts, and the invitation of a new one (a one-time link by e-mail).</summary>
public class IndexModel(MovilidadDb db, UserManager<Account> users, Mailer mailer, IAuthorizationService authorization, TimeProvider clock) : GrantPickerPage
{
    public Paged<AccountView> Accounts { get; private set; } = null!;

    /// <summary>Where the page of accounts starts (0-based).</summary>
    [BindProperty(SupportsGet = true)]
    public int Start { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Size { get; set; } = Paging.DefaultSize;
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string? Invited { get; private set; }

    [BindProperty, Required, EmailAddress, StringLength(256)]
    public string Email { get; set; } = string.Empty;

    [BindProperty, StringLength(200)]
    public string DisplayName { get; set; } = string.Empty;


    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await authorization.CanAsync(User, AccountOperations.Manage))
        {
            return Forbid();
        }

        Accounts = (await db.AccountViewsAsync(null, clock.GetUtcNow(), ct)).Page(Start, Size);
        await LoadChoicesAsync(db, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        if (!await authorization.CanAsync(User, AccountOperations.Manage))
        {
            return Forbid();
        }

        var errors = new List<string>();
        RoleGrant? grant = null;
        var (request, missing) = PickedGrant();
        if (!ModelState.IsValid)
        {
            errors.Add("Users.InvalidEmail");
        }
        else if (request is null)
        {
            errors.Add(missing!);
        }
        else
        {
            (grant, var error) = await db.ResolveAsync(request, ct);
            if (error is not null)
            {
                errors.Add("Users.InvalidGrant");
            }
        }

        if (errors.Count == 0)
        {
            var (account, failures) = await users.CreateAsync(db, Email, DisplayName, [grant!], AuditActor.From(HttpContext), clock, ct);
            if (account is null)
            {
                errors.Add(failures.Count > 0 ? "Users.Exists" : "Users.InvalidEmail");
            }
            else
            {
                await users.SendPasswordLinkAsync(mailer, Request, account, invitation: true, ct);
                Invited = account.Email;

                // An empty form after an invitation, so the same person is not invited twice by a second click.
                ModelState.Clear();
                (Email, DisplayName, Role, Country, WorkingGroup) = (string.Empty, string.Empty, null, null, null);
            }
        }

        Errors = errors;
        Accounts = (await db.AccountViewsAsync(null, clock.GetUtcNow(), ct)).Page(Start, Size);
        await LoadChoicesAsync(db, ct);
        return Page();
    }

    /// <summary>The accounts with the same page size, starting at <paramref name="start"/>.</summary>
    public string Link(int start) => Paging.Link("/accounts/users", [], Accounts.Size, start);
}
