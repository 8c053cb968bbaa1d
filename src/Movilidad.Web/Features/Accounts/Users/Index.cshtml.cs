using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
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

    /// <summary>Part of the e-mail address or name sought (any case).</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    /// <summary>The role the accounts hold (as the role picker names it: <c>focal-point</c>...).</summary>
    [BindProperty(SupportsGet = true, Name = "holds")]
    public string? Holds { get; set; }

    /// <summary>The member country some grant of the accounts is limited to.</summary>
    [BindProperty(SupportsGet = true, Name = "for")]
    public string? For { get; set; }

    [BindProperty(SupportsGet = true, Name = "state")]
    public AccountState? State { get; set; }
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

        await LoadAsync(ct);
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
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The accounts with the same filters and page size, starting at <paramref name="start"/>.</summary>
    public string Link(int start) => Paging.Link("/accounts/users", new Dictionary<string, string?>
    {
        ["q"] = Search, ["holds"] = Holds, ["for"] = For, ["state"] = State?.ToString(),
    }, Accounts.Size, start);

    /// <summary>The page of accounts that match the filters, by e-mail address, filtered and paged by the database.</summary>
    private async Task LoadAsync(CancellationToken ct)
    {
        var accounts = db.Accounts.AsNoTracking();
        if (Search?.Trim() is { Length: > 0 } sought)
        {
            var upper = sought.ToUpperInvariant();
            // Said in SQL (upper(), LIKE/strpos): neither .NET's culture rules nor a comparison overload apply, and the latter would not translate.
#pragma warning disable CA1304, CA1311, CA1862
            accounts = accounts.Where(a => a.NormalizedEmail.Contains(upper) || a.DisplayName.ToUpper().Contains(upper));
#pragma warning restore CA1304, CA1311, CA1862
        }

        if (GrantPicker.Roles.FirstOrDefault(r => r.Value == Holds) is { Value: not null } held)
        {
            accounts = accounts.Where(a => a.Grants.Any(g => g.Role == held.Role));
        }

        if (For is { Length: 2 } country)
        {
            accounts = accounts.Where(a => a.Grants.Any(g => g.CountryCode == country));
        }

        accounts = State switch
        {
            AccountState.Invited => accounts.Where(a => a.DeletedAt == null && a.PasswordHash == null),
            AccountState.Active => accounts.Where(a => a.DeletedAt == null && a.PasswordHash != null),
            AccountState.Closed => accounts.Where(a => a.DeletedAt != null),
            _ => accounts,
        };

        var now = clock.GetUtcNow();
        Accounts = await accounts.OrderBy(a => a.Email).ThenBy(a => a.Id).PageAsync(Start, Size, (page, token) => page.AccountViewsAsync(db, now, token), ct);
        Size = Accounts.Size;
        await LoadChoicesAsync(db, ct);
    }
}

/// <summary>Where an account stands: invited (no password chosen yet), active, or closed.</summary>
public enum AccountState
{
    Invited,
    Active,
    Closed,
}
