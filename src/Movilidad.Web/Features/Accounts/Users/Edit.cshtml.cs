using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Accounts;

namespace Movilidad.Web.Features.Accounts.Users;

/// <summary>One account: its grants (several roles and countries), and closing or reopening it. Never a hard delete.</summary>
public class EditModel(MovilidadDb db, UserManager<Account> users, IAuthorizationService authorization, TimeProvider clock) : GrantPickerPage
{
    public AccountView? Account { get; private set; }
    public string? Error { get; private set; }


    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct);

    public async Task<IActionResult> OnPostGrantAsync(int id, CancellationToken ct)
    {
        if (!await authorization.CanAsync(User, AccountOperations.Manage))
        {
            return Forbid();
        }

        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == id && a.DeletedAt == null, ct);
        if (account is null)
        {
            return NotFound();
        }

        var (request, missing) = PickedGrant();
        if (request is null || await db.ResolveAsync(request, ct) is not ({ } grant, null))
        {
            Error = missing ?? "Users.InvalidGrant";
            return await LoadAsync(id, ct);
        }

        await users.ChangeGrantsAsync(db, account, grants =>
        {
            if (!grants.Any(g => g.Role == grant.Role && g.CountryCode == grant.CountryCode && g.WorkingGroupId == grant.WorkingGroupId && g.InstitutionId == grant.InstitutionId))
            {
                grants.Add(grant);
            }
        }, AuditActor.From(HttpContext), clock, ct);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, int grant, CancellationToken ct)
    {
        if (!await authorization.CanAsync(User, AccountOperations.Manage))
        {
            return Forbid();
        }

        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == id && a.DeletedAt == null, ct);
        if (account is null)
        {
            return NotFound();
        }

        await users.ChangeGrantsAsync(db, account, grants => grants.RemoveAll(g => g.Id == grant), AuditActor.From(HttpContext), clock, ct);
        return RedirectToPage(new { id });
    }

    public Task<IActionResult> OnPostCloseAsync(int id, CancellationToken ct) => SetClosedAsync(id, closed: true, ct);

    public Task<IActionResult> OnPostReopenAsync(int id, CancellationToken ct) => SetClosedAsync(id, closed: false, ct);

    private async Task<IActionResult> SetClosedAsync(int id, bool closed, CancellationToken ct)
    {
        if (!await authorization.CanAsync(User, AccountOperations.Manage))
        {
            return Forbid();
        }

        return await db.SetClosedAsync(id, closed, AuditActor.From(HttpContext), clock, ct) ? RedirectToPage(new { id }) : NotFound();
    }

    private async Task<IActionResult> LoadAsync(int id, CancellationToken ct)
    {
        if (!await authorization.CanAsync(User, AccountOperations.Manage))
        {
            return Forbid();
        }

        Account = (await db.AccountViewsAsync(id, clock.GetUtcNow(), ct)).SingleOrDefault();
        await LoadChoicesAsync(db, ct);
        return Account is null ? NotFound() : Page();
    }
}
