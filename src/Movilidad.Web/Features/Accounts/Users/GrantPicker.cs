using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Accounts;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Institutions;
using Movilidad.Platform.Localization;

namespace Movilidad.Web.Features.Accounts.Users;

/// <summary>What the role picker offers: the roles, then the member countries (for a focal point) and the working groups (for a member), named in the reader's language.</summary>
public sealed record GrantChoices(IReadOnlyList<(string Value, Role Role)> Roles, IReadOnlyList<(string Code, Bilingual Name)> Countries, IReadOnlyList<(string Code, Bilingual Name)> Groups);

/// <summary>
/// The role picker of the account pages: a role, then a country or a working group from lists, made into the grant
/// the platform reads (<see cref="GrantRequest"/>: <c>focal-point:GT</c>). No one types codes.
/// </summary>
public static class GrantPicker
{
    /// <summary>The roles as the form sends them, in the order offered.</summary>
    public static readonly IReadOnlyList<(string Value, Role Role)> Roles =
    [
        ("secretariat", Role.Secretariat), ("presidency", Role.Presidency), ("focal-point", Role.FocalPoint),
        ("working-group-member", Role.WorkingGroupMember), ("observer", Role.Observer), ("civil-society", Role.CivilSociety), ("curator", Role.Curator),
    ];

    public static async Task<GrantChoices> ChoicesAsync(MovilidadDb db, CancellationToken ct)
    {
        var members = await db.MemberCountriesAsync(ct);
        var countries = await db.Countries.AsNoTracking().Where(c => members.Contains(c.Alpha2)).Select(c => new { c.Alpha2, c.Name }).ToListAsync(ct);
        var groups = await db.Institutions.AsNoTracking().Where(i => i.Kind == InstitutionKind.WorkingGroup).Select(i => new { i.Code, i.Acronym, i.Name }).ToListAsync(ct);
        return new GrantChoices(Roles,
            countries.Select(c => (c.Alpha2, c.Name)).OrderBy(c => c.Name.Current, StringComparer.CurrentCultureIgnoreCase).ToList(),
            groups.Select(g => (g.Code, new Bilingual($"{g.Acronym.Es} · {g.Name.Es}", $"{g.Acronym.En} · {g.Name.En}"))).OrderBy(g => g.Item2.Current, StringComparer.CurrentCultureIgnoreCase).ToList());
    }

    /// <summary>A grant as a person reads it: the role, then the country's or working group's name ("Punto focal · Guatemala").</summary>
    public static string Label(string role, GrantView grant, GrantChoices choices) =>
        grant.Country is { } country ? $"{role} · {choices.Countries.FirstOrDefault(c => c.Code == country).Name?.Current ?? country}"
        : grant.WorkingGroup is { } group ? $"{role} · {choices.Groups.FirstOrDefault(g => g.Code == group).Name?.Current ?? group}"
        : role;

    /// <summary>The grant chosen, or the key of the text that says what is missing.</summary>
    public static (GrantRequest? Request, string? Error) Read(string? role, string? country, string? group)
    {
        var text = role switch
        {
            "focal-point" when string.IsNullOrEmpty(country) => null,
            "focal-point" => $"{role}:{country}",
            "working-group-member" when string.IsNullOrEmpty(group) => null,
            "working-group-member" => $"{role}:{group}",
            _ when Roles.Any(r => r.Value == role) => role,
            _ => string.Empty,
        };
        return text switch
        {
            null => (null, role == "focal-point" ? "Users.ChooseCountry" : "Users.ChooseGroup"),
            _ when GrantRequest.TryParse(text, out var request) => (request, null),
            _ => (null, "Users.InvalidGrant"),
        };
    }
}

/// <summary>A page with the role picker: the role, country and working group it binds, and the lists it offers.</summary>
public abstract class GrantPickerPage : PageModel
{
    /// <summary>The role picked (<c>focal-point</c>...), then the country or working group it is limited to, from the lists.</summary>
    [BindProperty, StringLength(32)]
    public string? Role { get; set; }

    [BindProperty, StringLength(2)]
    public string? Country { get; set; }

    [BindProperty, StringLength(32)]
    public string? WorkingGroup { get; set; }

    public GrantChoices Choices { get; private set; } = null!;

    protected async Task LoadChoicesAsync(MovilidadDb db, CancellationToken ct) => Choices = await GrantPicker.ChoicesAsync(db, ct);

    protected (GrantRequest? Request, string? Error) PickedGrant() => GrantPicker.Read(Role, Country, WorkingGroup);
}
