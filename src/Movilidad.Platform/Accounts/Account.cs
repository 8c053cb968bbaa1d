using Movilidad.Platform.Auth;

namespace Movilidad.Platform.Accounts;

/// <summary>A person who signs in. Never hard-deleted: <see cref="DeletedAt"/> closes it and a restore reopens it.</summary>
public class Account
{
    public int Id { get; set; }
    public required string Email { get; set; }
    public required string NormalizedEmail { get; set; }
    public string DisplayName { get; set; } = string.Empty;
    public string? PasswordHash { get; set; }
    public string SecurityStamp { get; set; } = string.Empty;
    public bool LockoutEnabled { get; set; } = true;
    public DateTimeOffset? LockoutEnd { get; set; }
    public int AccessFailedCount { get; set; }
    public bool TwoFactorEnabled { get; set; }
    public string? AuthenticatorKey { get; set; }

    /// <summary>Unused two-factor recovery codes, separated by ';'.</summary>
    public string? RecoveryCodes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
    public int Version { get; set; }
    public List<RoleGrant> Grants { get; set; } = [];
    public List<ApiToken> Tokens { get; set; } = [];
}

/// <summary>A role held by an account; a focal point's grant names its country, a working-group member's its group.</summary>
public class RoleGrant
{
    public int Id { get; set; }
    public int AccountId { get; set; }
    public Role Role { get; set; }
    public string? CountryCode { get; set; }
    public int? WorkingGroupId { get; set; }

    /// <summary>The institution a network agency's grant is limited to.</summary>
    public int? InstitutionId { get; set; }

    public Grant ToGrant() => new(Role, CountryCode, WorkingGroupId, InstitutionId);
}

/// <summary>A personal token for machine clients of <c>/api</c>: only its SHA-256 is stored; it acts with its owner's grants.</summary>
public class ApiToken
{
    public int Id { get; set; }
    public int AccountId { get; set; }
    public Account? Account { get; set; }
    public required string Name { get; set; }

    /// <summary>The first characters of the token, so its owner can tell tokens apart.</summary>
    public required string Prefix { get; set; }
    public required string Hash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
}
