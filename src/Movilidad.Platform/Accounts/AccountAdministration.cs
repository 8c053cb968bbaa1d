using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Institutions;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;

namespace Movilidad.Platform.Accounts;

/// <summary>A role to give, named as people write it: <c>focal-point:GT</c>, <c>working-group-member:GT-ML</c>, <c>network-agency:OIT</c>, <c>secretariat</c>.</summary>
public sealed record GrantRequest(Role Role, string? Country, string? WorkingGroup, string? Institution = null)
{
    public static bool TryParse(string text, out GrantRequest? request)
    {
        var parts = text.Split(':', 2, StringSplitOptions.TrimEntries);
        request = null;
        if (!Enum.TryParse<Role>(parts[0].Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var role) || !Enum.IsDefined(role))
        {
            return false;
        }

        var scope = parts.Length == 2 && parts[1].Length > 0 ? parts[1] : null;
        request = role switch
        {
            Role.FocalPoint => scope is null ? null : new GrantRequest(role, scope.ToUpperInvariant(), null),
            Role.WorkingGroupMember => scope is null ? null : new GrantRequest(role, null, scope),
            Role.NetworkAgency => scope is null ? null : new GrantRequest(role, null, null, scope.ToUpperInvariant()),
            Role.Secretariat or Role.Presidency or Role.Observer or Role.CivilSociety or Role.Curator => scope is null ? new GrantRequest(role, null, null) : null,
            _ => null,
        };
        return request is not null;
    }
}

public sealed record GrantView(int Id, Role Role, string? Country, string? WorkingGroup, string? Institution = null);

/// <summary>An account as its administrators see it; <paramref name="PasswordChosen"/> is false while an invited person has not yet chosen a password (not active).</summary>
public sealed record AccountView(int Id, string Email, string DisplayName, bool TwoFactor, bool LockedOut, DateTimeOffset? DeletedAt, IReadOnlyList<GrantView> Grants, int Version, bool PasswordChosen);

/// <summary>What the Secretariat (or the command line) does to accounts: invite, grant and withdraw roles, close and reopen. All audited.</summary>
public static class AccountAdministration
{
    public const string EntityType = "account";

    public static readonly string[] CrmCountries = ["BZ", "CA", "CR", "SV", "US", "GT", "HN", "MX", "NI", "PA", "DO"];

    public static Task<List<AccountView>> AccountViewsAsync(this MovilidadDb db, int? id, DateTimeOffset now, CancellationToken ct) =>
        db.Accounts.AsNoTracking().Where(a => id == null || a.Id == id).OrderBy(a => a.Email).AccountViewsAsync(db, now, ct);

    /// <summary>The accounts of an ordered query (a page of the list), in its order, with their grants.</summary>
    public static async Task<List<AccountView>> AccountViewsAsync(this IQueryable<Account> ordered, MovilidadDb db, DateTimeOffset now, CancellationToken ct)
    {
        var groups = await db.Institutions.AsNoTracking().Where(i => i.Kind == InstitutionKind.WorkingGroup).ToDictionaryAsync(i => i.Id, i => i.Code, ct);
        var accounts = await ordered.Include(a => a.Grants).ToListAsync(ct);
        var agencyIds = accounts.SelectMany(a => a.Grants).Select(g => g.InstitutionId).OfType<int>().Distinct().ToList();
        var agencies = await db.Institutions.AsNoTracking().Where(i => agencyIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Code, ct);
        return accounts.Select(a => new AccountView(a.Id, a.Email, a.DisplayName, a.TwoFactorEnabled, a.LockoutEnd > now, a.DeletedAt,
            a.Grants.OrderBy(g => g.Role).ThenBy(g => g.CountryCode, StringComparer.Ordinal)
                .Select(g => new GrantView(g.Id, g.Role, g.CountryCode, g.WorkingGroupId is { } w ? groups.GetValueOrDefault(w) : null, g.InstitutionId is { } i ? agencies.GetValueOrDefault(i) : null)).ToList(),
            a.Version, a.PasswordHash != null)).ToList();
    }

    /// <summary>Checks a grant against the platform's data: a CRM member country, a working group that exists.</summary>
    public static async Task<(RoleGrant? Grant, string? Error)> ResolveAsync(this MovilidadDb db, GrantRequest request, CancellationToken ct)
    {
        switch (request.Role)
        {
            case Role.FocalPoint when !CrmCountries.Contains(request.Country):
                return (null, $"'{request.Country}' is not a CRM member country ({string.Join(' ', CrmCountries)}).");
            case Role.WorkingGroupMember:
                var group = await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Code == request.WorkingGroup && i.Kind == InstitutionKind.WorkingGroup, ct);
                return group is null
                    ? (null, $"'{request.WorkingGroup}' is not a working group.")
                    : (new RoleGrant { Role = request.Role, WorkingGroupId = group.Id }, null);
            case Role.NetworkAgency:
                var agency = await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Code == request.Institution && i.Kind == InstitutionKind.UnAgency, ct);
                return agency is null
                    ? (null, $"'{request.Institution}' is not a UN agency of the institutions list.")
                    : (new RoleGrant { Role = request.Role, InstitutionId = agency.Id }, null);
            default:
                return (new RoleGrant { Role = request.Role, CountryCode = request.Country }, null);
        }
    }

    private static object Describe(Account a) => new
    {
        a.Email,
        a.DisplayName,
        Grants = a.Grants.Select(g => g.ToGrant().ToClaimValue()).Order(StringComparer.Ordinal).ToList(),
        Deleted = a.DeletedAt is not null,
    };

    public static async Task<(Account? Account, IReadOnlyList<string> Errors)> CreateAsync(
        this UserManager<Account> users, MovilidadDb db, string email, string displayName, IReadOnlyList<RoleGrant> grants, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        var account = new Account { Email = email.Trim(), NormalizedEmail = string.Empty, DisplayName = displayName.Trim(), CreatedAt = clock.GetUtcNow() };
        account.Grants.AddRange(grants);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await users.CreateAsync(account);
        if (!result.Succeeded)
        {
            return (null, result.Errors.Select(e => e.Description).ToList());
        }

        await db.SaveAuditedAsync(actor, () => new AuditRecord(AuditActions.Create, EntityType, account.Id.ToString(CultureInfo.InvariantCulture), null, Describe(account)), clock, ct);
        await transaction.CommitAsync(ct);
        return (account, []);
    }

    public static async Task ChangeGrantsAsync(this UserManager<Account> users, MovilidadDb db, Account account, Action<List<RoleGrant>> change, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        await db.Entry(account).Collection(a => a.Grants).LoadAsync(ct);
        var before = Describe(account);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        change(account.Grants);

        // A new stamp signs the person's other sessions out of the old grants at their next request check.
        await users.UpdateSecurityStampAsync(account);
        await db.SaveAuditedAsync(actor, () => new AuditRecord(AuditActions.Grant, EntityType, account.Id.ToString(CultureInfo.InvariantCulture), before, Describe(account)), clock, ct);
        await transaction.CommitAsync(ct);
    }

    public static async Task<bool> SetClosedAsync(this MovilidadDb db, int id, bool closed, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        var account = await db.Accounts.Include(a => a.Grants).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (account is null || (account.DeletedAt is not null) == closed)
        {
            return false;
        }

        var before = Describe(account);
        account.DeletedAt = closed ? clock.GetUtcNow() : null;
        account.SecurityStamp = Guid.NewGuid().ToString("N");
        account.Version++;
        await db.SaveAuditedAsync(actor, () => new AuditRecord(closed ? AuditActions.Delete : AuditActions.Restore, EntityType, account.Id.ToString(CultureInfo.InvariantCulture), before, Describe(account)), clock, ct);
        return true;
    }
}
