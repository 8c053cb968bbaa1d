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

/// <summary>
/// What the role picker offers: the roles, then the member countries (for a focal point), the working groups (for a member)
/// and the UN network's agencies (for an agency), named in the reader's language.
/// </summary>
public sealed record GrantChoices(
    IReadOnlyList<(string Value, Role Role)> Roles, IReadOnlyList<(string Code, Bilingual Name)> Countries, IReadOnlyList<(string Code, Bilingual Name)> Groups,
    IReadOnlyList<(string Code, Bilingual Name)> Agencies);

/// <summary>
/// The role picker of the account pages: a role, then a country, a working group or a UN agency from lists, made into the
/// grant the platform reads (<see cref="GrantRequest"/>: <c>focal-point:GT</c>, <c>network-agency:OIT</c>). No one types codes.
/// </summary>
public static class GrantPicker
{
    /// <summary>The UN Regional Network on Migration, owner of the network's work plans (<c>003</c>).</summary>
    private const string NetworkCode = "RED-ONU";

    /// <summary>The roles as the form sends them, in the order offered.</summary>
    public static readonly IReadOnlyList<(string Value, Role Role)> Roles =
    [
        ("secretariat", Role.Secretariat), ("presidency", Role.Presidency), ("focal-point", Role.FocalPoint),
        ("working-group-member", Role.WorkingGroupMember), ("observer", Role.Observer), ("civil-society", Role.CivilSociety), ("curator", Role.Curator),
        ("network-agency", Role.NetworkAgency),
    ];

    public static async Task<GrantChoices> ChoicesAsync(MovilidadDb db, CancellationToken ct)
    {
        var members = await db.MemberCountriesAsync(ct);
        var countries = await db.Countries.AsNoTracking().Where(c => members.Contains(c.Alpha2)).Select(c => new { c.Alpha2, c.Name }).ToListAsync(ct);
        var groups = await db.Institutions.AsNoTracking().Where(i => i.Kind == InstitutionKind.WorkingGroup).Select(i => new { i.Code, i.Acronym, i.Name }).ToListAsync(ct);

        // The UN Regional Network's agencies: the UN agencies its work plans (those the network owns) name, the network itself aside.
        var agencies = await db.Institutions.AsNoTracking()
            .Where(i => i.Kind == InstitutionKind.UnAgency && i.Code != NetworkCode
                && db.ElementInstitutions.Any(l => l.InstitutionId == i.Id && db.PlanElements.Any(e => e.Id == l.ElementId && e.Plan!.Owner!.Code == NetworkCode)))
            .Select(i => new { i.Code, i.Acronym, i.Name }).ToListAsync(ct);
        return new GrantChoices(Roles,
            countries.Select(c => (c.Alpha2, c.Name)).OrderBy(c => c.Name.Current, StringComparer.CurrentCultureIgnoreCase).ToList(),
            Named(groups.Select(g => (g.Code, g.Acronym, g.Name))), Named(agencies.Select(a => (a.Code, a.Acronym, a.Name))));
    }

    private static List<(string Code, Bilingual Name)> Named(IEnumerable<(string Code, Bilingual Acronym, Bilingual Name)> institutions) =>
        institutions.Select(i => (i.Code, new Bilingual($"{i.Acronym.Es} · {i.Name.Es}", $"{i.Acronym.En} · {i.Name.En}"))).OrderBy(i => i.Item2.Current, StringComparer.CurrentCultureIgnoreCase).ToList();

    /// <summary>A grant as a person reads it: the role, then the country's, working group's or agency's name ("Punto focal · Guatemala").</summary>
    public static string Label(string role, GrantView grant, GrantChoices choices) =>
        grant.Country is { } country ? $"{role} · {choices.Countries.FirstOrDefault(c => c.Code == country).Name?.Current ?? country}"
        : grant.WorkingGroup is { } group ? $"{role} · {choices.Groups.FirstOrDefault(g => g.Code == group).Name?.Current ?? group}"
        : grant.Institution is { } institution ? $"{role} · {choices.Agencies.FirstOrDefault(a => a.Code == institution).Name?.Current ?? institution}"
        : role;

    /// <summary>The grant chosen, or the key of the text that says what is missing.</summary>
    public static (GrantRequest? Request, string? Error) Read(string? role, string? country, string? group, string? agency = null)
    {
        var text = role switch
        {
            "focal-point" when string.IsNullOrEmpty(country) => null,
            "focal-point" => $"{role}:{country}",
            "working-group-member" when string.IsNullOrEmpty(group) => null,
            "working-group-member" => $"{role}:{group}",
            "network-agency" when string.IsNullOrEmpty(agency) => null,
            "network-agency" => $"{role}:{agency}",
            _ when Roles.Any(r => r.Value == role) => role,
            _ => string.Empty,
        };
        return text switch
        {
            null => (null, role switch { "focal-point" => "Users.ChooseCountry", "network-agency" => "Users.ChooseAgency", _ => "Users.ChooseGroup" }),
            _ when GrantRequest.TryParse(text, out var request) => (request, null),
            _ => (null, "Users.InvalidGrant"),
        };
    }
}

/// <summary>A page with the role picker: the role, country, working group and agency it binds, and the lists it offers.</summary>
public abstract class GrantPickerPage : PageModel
{
    /// <summary>The role picked (<c>focal-point</c>...), then the country or working group it is limited to, from the lists.</summary>
    [BindProperty, StringLength(32)]
    public string? Role { get; set; }

    [BindProperty, StringLength(2)]
    public string? Country { get; set; }

    [BindProperty, StringLength(32)]
    public string? WorkingGroup { get; set; }

    [BindProperty, StringLength(32)]
    public string? Agency { get; set; }

    public GrantChoices Choices { get; private set; } = null!;

    protected async Task LoadChoicesAsync(MovilidadDb db, CancellationToken ct) => Choices = await GrantPicker.ChoicesAsync(db, ct);

    protected (GrantRequest? Request, string? Error) PickedGrant() => GrantPicker.Read(Role, Country, WorkingGroup, Agency);
}
