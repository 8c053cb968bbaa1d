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
/// The competency standards and occupational profiles of action 2.2, per member state, filtered by occupation (ISCO-08):
/// a country with none recorded (for the occupation) says so; an entry not verified for 12 months is flagged. The
/// regional standards (a region's, not one country's) follow when no country is asked for.
/// </summary>
[AllowAnonymous]
public class StandardsModel(MovilidadDb db, IAuthorizationService auth, IStringLocalizer text, TimeProvider clock) : RegistryPage
{
    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Occupation { get; set; }

    public IReadOnlyList<StandardSummary> Standards { get; private set; } = [];

    public IReadOnlyDictionary<string, Bilingual> CountryNames { get; private set; } = new Dictionary<string, Bilingual>();

    /// <summary>The ISCO-08 groups the published standards name, for the occupation filter.</summary>
    public IReadOnlyList<(string Code, Bilingual Name)> Occupations { get; private set; } = [];

    public string? Problem { get; private set; }

    public bool CanPropose { get; private set; }

    public IReadOnlyList<string> Countries => Country is null ? CompareRequest.Members : [Country];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Country = string.IsNullOrWhiteSpace(Country) ? null : Country.Trim().ToUpperInvariant();
        Occupation = string.IsNullOrWhiteSpace(Occupation) ? null : Occupation.Trim();
        if (await QualificationsApi.FilterProblemAsync(db, Country, Occupation, null, text, ct) is not null)
        {
            Problem = text["Qualifications.FilterProblem"];
            Country = Occupation = null;
        }

        CountryNames = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Alpha2, c => c.Name, StringComparer.Ordinal, ct);
        Standards = await StandardsApi.ListAsync(db, User, auth, Country, Occupation, QualificationsApi.Today(clock), ct);
        Occupations = await QualificationsApi.OccupationsNamedAsync(db, ct);
        RegionNames = await StandardsApi.RegionNamesAsync(db, ct);
        var countries = await db.Countries.AsNoTracking().Select(c => c.Alpha2).ToListAsync(ct);
        CanPropose = await auth.CanAsync(User, RegistryOperations.Propose, new RegistryScope(countries));
        return Page();
    }

    public string CountryName(string code) => CountryNames.TryGetValue(code, out var name) ? name.Current : code;

    /// <summary>The regional bodies' names (data/institutions.yaml), for the regional standards.</summary>
    public IReadOnlyDictionary<string, Bilingual> RegionNames { get; private set; } = new Dictionary<string, Bilingual>();

    public string RegionName(string code) => RegionNames.TryGetValue(code, out var name) ? name.Current : code;
}
