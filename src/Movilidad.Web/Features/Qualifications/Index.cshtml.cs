using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Web.Features.Programmes;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.Qualifications;

/// <summary>
/// The virtual space of action 2.1: per member state, its procedures of training, competency certification,
/// recognition and evaluation of qualifications, filtered by kind and occupation (ISCO-08); a country with nothing
/// sourced says so; an entry not verified for 12 months is flagged.
/// </summary>
[AllowAnonymous]
public class IndexModel(MovilidadDb db, IAuthorizationService auth, IStringLocalizer text, TimeProvider clock) : RegistryPage
{
    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Occupation { get; set; }

    public IReadOnlyList<ProcedureSummary> Procedures { get; private set; } = [];

    public IReadOnlyDictionary<string, Bilingual> CountryNames { get; private set; } = new Dictionary<string, Bilingual>();

    public IReadOnlyDictionary<string, Bilingual> Bodies { get; private set; } = new Dictionary<string, Bilingual>();

    /// <summary>The ISCO-08 groups the procedures name, with their names, for the occupation filter.</summary>
    public IReadOnlyList<(string Code, Bilingual Name)> Occupations { get; private set; } = [];

    public string? Problem { get; private set; }

    public bool CanPropose { get; private set; }

    public IReadOnlyList<string> Countries => Country is null ? CompareRequest.Members : [Country];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Country = string.IsNullOrWhiteSpace(Country) ? null : Country.Trim().ToUpperInvariant();
        if (await QualificationsApi.FilterProblemAsync(db, Country, Occupation, Kind, text, ct) is not null)
        {
            Problem = text["Qualifications.FilterProblem"];
            Country = Kind = Occupation = null;
        }

        CountryNames = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Alpha2, c => c.Name, StringComparer.Ordinal, ct);
        Bodies = await db.NationalBodies.AsNoTracking().ToDictionaryAsync(b => b.Code, b => b.Name, StringComparer.Ordinal, ct);
        Procedures = await QualificationsApi.ListAsync(db, User, auth, Country, Occupation, Kind, QualificationsApi.Today(clock), ct);
        Occupations = await QualificationsApi.OccupationsNamedAsync(db, ct);
        var countries = await db.Countries.AsNoTracking().Select(c => c.Alpha2).ToListAsync(ct);
        CanPropose = await auth.CanAsync(User, RegistryOperations.Propose, new RegistryScope(countries));
        return Page();
    }

    public string CountryName(string code) => CountryNames.TryGetValue(code, out var name) ? name.Current : code;

    public string? Body(string? code) => code is not null && Bodies.TryGetValue(code, out var name) ? name.Current : code;
}
