using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Programmes;
using Movilidad.Platform.Qualifications;
using Movilidad.Web.Features.Programmes;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.Qualifications;

/// <summary>
/// A competency standard's or occupational profile's page: issuing body, code, ISCO-08 occupations with their national
/// codes, level, status, publication date, the procedures that certify against it, description and notes, each with its
/// numbered sources; a part no source gave says so, and the gaps are listed as gaps.
/// </summary>
[AllowAnonymous]
public class StandardModel(MovilidadDb db, IAuthorizationService auth, TimeProvider clock) : RegistryPage
{
    public RegistryEntryView Entry { get; private set; } = null!;

    public CompetencyStandard Standard { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    public bool Stale { get; private set; }

    /// <summary>The name of its country, or of its region (a regional standard's body in data/institutions.yaml).</summary>
    public Bilingual CountryName { get; private set; } = Bilingual.Empty;

    /// <summary>The region of a regional standard (<c>SICA</c>), or null for a country's.</summary>
    public string? Region { get; private set; }

    public NationalBodyView? Body { get; private set; }

    /// <summary>The published procedures that certify against it, by key.</summary>
    public IReadOnlyList<(string Key, Bilingual Name)> Procedures { get; private set; } = [];

    public IReadOnlyDictionary<string, Bilingual> OccupationNames { get; private set; } = new Dictionary<string, Bilingual>();

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        if (await ProgrammesApi.ReadAsync<CompetencyStandard>(db, key, User, auth, ct) is not { } entry)
        {
            return NotFound();
        }

        Entry = entry;
        Standard = await db.CompetencyStandards.AsNoTracking().SingleAsync(s => s.Id == entry.Id, ct);
        Document = entry.Content ?? entry.Draft ?? [];
        CanEdit = await auth.CanAsync(User, RegistryOperations.Propose, new RegistryScope(Standard.CountryList));
        Stale = ProcedureRules.IsStale(Standard.LastVerified, QualificationsApi.Today(clock));
        await LoadReferencesAsync(db, ct);
        Region = RegistryContent.Text(Document, "region");
        Body = await db.NationalBodies.AsNoTracking().FirstOrDefaultAsync(b => b.Code == Standard.Institution, ct) is { } body ? new NationalBodyView(body.Name, body.Acronym, body.Url) : null;
        if (Region is { } region)
        {
            // A regional standard's region is its body's (data/institutions.yaml), unless it names a national one.
            var institution = await db.Institutions.AsNoTracking().FirstOrDefaultAsync(i => i.Code == region, ct);
            CountryName = institution?.Name ?? new Bilingual(region, region);
            Body ??= institution is null ? null : new NationalBodyView(institution.Name, institution.Acronym.Current, institution.Url);
        }
        else
        {
            CountryName = await db.Countries.AsNoTracking().Where(c => c.Alpha2 == Standard.Country).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? new Bilingual(Standard.Country, Standard.Country);
        }

        // Lists, not the read-only wrappers collection expressions make: PostgreSQL's provider maps lists and arrays as parameters.
        var keys = RegistryContent.Strings(Document, "procedures").ToList();
        var named = await db.QualificationProcedures.AsNoTracking().Where(p => p.Content != null && keys.Contains(p.Key)).ToDictionaryAsync(p => p.Key, p => p.Name, StringComparer.Ordinal, ct);
        Procedures = [.. keys.Where(named.ContainsKey).Select(k => (k, named[k]))];
        var codes = ProcedureRules.OccupationCodes(Document).ToList();
        OccupationNames = await db.Occupations.AsNoTracking().Where(o => codes.Contains(o.Code)).ToDictionaryAsync(o => o.Code, o => o.Name, StringComparer.Ordinal, ct);
        return Page();
    }

    public string Occupation(string code) => OccupationNames.TryGetValue(code, out var name) ? $"{code} · {name.Current}" : code;
}
