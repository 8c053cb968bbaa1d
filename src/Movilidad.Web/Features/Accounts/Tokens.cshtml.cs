using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Movilidad.Platform.Audit;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Accounts;

namespace Movilidad.Web.Features.Accounts;

public sealed record TokenView(int Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);

/// <summary>Personal API tokens: created and revoked by their owner, shown once, act with the owner's grants.</summary>
public class TokensModel(UserManager<Account> users, MovilidadDb db, TimeProvider clock, IOptions<SecurityOptions> security) : PageModel
{
    public IReadOnlyList<TokenView> Tokens { get; private set; } = [];

    /// <summary>The token just created: the only time it is shown.</summary>
    public string? NewToken { get; private set; }

    [BindProperty, Required, StringLength(100)]
    public string Name { get; set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var id = AccountId();
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var (token, row) = ApiTokens.Create(id, Name.Trim(), clock.GetUtcNow(), TimeSpan.FromDays(security.Value.TokenLifetimeDays));
        db.ApiTokens.Add(row);
        await db.SaveAuditedAsync(AuditActor.From(HttpContext), () => new AuditRecord(AuditActions.TokenCreate, "api-token", row.Id.ToString(CultureInfo.InvariantCulture), null, new { row.Name, row.Prefix, row.ExpiresAt }), clock, ct);
        NewToken = token;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int token, CancellationToken ct)
    {
        var id = AccountId();
        var row = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == token && t.AccountId == id, ct);
        if (row is null)
        {
            return NotFound();
        }

        if (row.RevokedAt is null)
        {
            row.RevokedAt = clock.GetUtcNow();
            await db.SaveAuditedAsync(AuditActor.From(HttpContext), () => new AuditRecord(AuditActions.TokenRevoke, "api-token", row.Id.ToString(CultureInfo.InvariantCulture), new { Revoked = false }, new { Revoked = true }), clock, ct);
        }

        return RedirectToPage();
    }

    private int AccountId() => int.Parse(users.GetUserId(User)!, CultureInfo.InvariantCulture);

    private async Task LoadAsync(CancellationToken ct)
    {
        var id = AccountId();
        Tokens = (await db.ApiTokens.AsNoTracking().Where(t => t.AccountId == id).ToListAsync(ct))
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => new TokenView(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt)).ToList();
    }
}
