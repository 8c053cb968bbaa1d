namespace Movilidad.Platform.Auth;

/// <summary>Who uses Movilidad; an account may hold several, each focal-point grant for one country.</summary>
public enum Role
{
    Secretariat,
    Presidency,
    FocalPoint,
    WorkingGroupMember,
    Observer,
    CivilSociety,

    /// <summary>Reviews and publishes items of the knowledge repository; granted by the Secretariat.</summary>
    Curator,

    /// <summary>A person of a UN agency of the Regional Network, limited to their agency: writes the quarterly updates of the network plan's activities it is responsible for; the co-chair agencies' people approve them.</summary>
    NetworkAgency,
}

/// <summary>One role held by a signed-in person, with the country, working group or institution it is limited to.</summary>
public sealed record Grant(Role Role, string? Country = null, int? WorkingGroupId = null, int? InstitutionId = null)
{
    public const string ClaimType = "movilidad:grant";

    /// <summary>The roles that work on the plans and read what is not published yet: everyone but civil society.</summary>
    public bool WorksOnThePlans => Role is Role.Presidency or Role.FocalPoint or Role.WorkingGroupMember or Role.Observer;

    public string ToClaimValue() => Role switch
    {
        Role.FocalPoint => $"{Role}:{Country}",
        Role.WorkingGroupMember => $"{Role}:{WorkingGroupId?.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
        Role.NetworkAgency => $"{Role}:{InstitutionId?.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
        Role.Secretariat or Role.Presidency or Role.Observer or Role.CivilSociety or Role.Curator => Role.ToString(),
        _ => throw new ArgumentOutOfRangeException(nameof(Role), Role, null),
    };

    public static Grant? FromClaimValue(string value)
    {
        var parts = value.Split(':', 2);
        if (!Enum.TryParse<Role>(parts[0], out var role))
        {
            return null;
        }

        return role switch
        {
            Role.FocalPoint when parts.Length == 2 => new Grant(role, Country: parts[1]),
            Role.WorkingGroupMember when parts.Length == 2 && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var group) => new Grant(role, WorkingGroupId: group),
            Role.NetworkAgency when parts.Length == 2 && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var institution) => new Grant(role, InstitutionId: institution),
            Role.FocalPoint or Role.WorkingGroupMember or Role.NetworkAgency => null,
            _ => new Grant(role),
        };
    }
}

public static class Grants
{
    public static IReadOnlyList<Grant> Of(System.Security.Claims.ClaimsPrincipal user) =>
        user.FindAll(Grant.ClaimType).Select(c => Grant.FromClaimValue(c.Value)).OfType<Grant>().ToList();

    public static bool Holds(this System.Security.Claims.ClaimsPrincipal user, Role role) => Of(user).Any(g => g.Role == role);

    /// <summary>The countries a person acts for as focal point; empty for everyone else.</summary>
    public static IReadOnlySet<string> FocalCountries(this System.Security.Claims.ClaimsPrincipal user) =>
        Of(user).Where(g => g.Role == Role.FocalPoint && g.Country is not null).Select(g => g.Country!).ToHashSet(StringComparer.Ordinal);
}
