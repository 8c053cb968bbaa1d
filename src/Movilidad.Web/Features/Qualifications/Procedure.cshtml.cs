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
/// A procedure's page: who may apply, the steps in order, documents, duration, cost with its currency, support, legal
/// basis, the occupations its sources name, link and last verification (flagged after 12 months), each statement with
/// its numbered sources; a part without a source says so, and the gaps are listed as gaps.
/// </summary>
[AllowAnonymous]
public class ProcedureModel(MovilidadDb db, IAuthorizationService auth, TimeProvider clock) : RegistryPage
{
    public RegistryEntryView Entry { get; private set; } = null!;

    public QualificationProcedure Procedure { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    public bool Stale { get; private set; }

    public Bilingual CountryName { get; private set; } = Bilingual.Empty;

    public NationalBodyView? Body { get; private set; }

    /// <summary>The national bodies that take part beside the responsible one (<c>partners</c>).</summary>
    public IReadOnlyList<NationalBodyView> Partners { get; private set; } = [];

    public IReadOnlyDictionary<string, Bilingual> OccupationNames { get; private set; } = new Dictionary<string, Bilingual>();

    /// <summary>The published competency standards that name this procedure as one that certifies against them.</summary>
    public IReadOnlyList<(string Key, string? Code, Bilingual Name)> Standards { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        if (await ProgrammesApi.ReadAsync<QualificationProcedure>(db, key, User, auth, ct) is not { } entry)
        {
            return NotFound();
        }

        Entry = entry;
        Procedure = await db.QualificationProcedures.AsNoTracking().SingleAsync(p => p.Id == entry.Id, ct);
        Document = entry.Content ?? entry.Draft ?? [];
        CanEdit = await auth.CanAsync(User, RegistryOperations.Propose, new RegistryScope(Procedure.CountryList));
        Stale = ProcedureRules.IsStale(Procedure.LastVerified, QualificationsApi.Today(clock));
        await LoadReferencesAsync(db, ct);
        CountryName = await db.Countries.AsNoTracking().Where(c => c.Alpha2 == Procedure.Country).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? new Bilingual(Procedure.Country, Procedure.Country);
        Body = await db.NationalBodies.AsNoTracking().FirstOrDefaultAsync(b => b.Code == Procedure.Institution, ct) is { } body ? new NationalBodyView(body.Name, body.Acronym, body.Url) : null;
        var partners = RegistryContent.Strings(Document, "partners").ToList();
        var named = await db.NationalBodies.AsNoTracking().Where(b => partners.Contains(b.Code)).ToDictionaryAsync(b => b.Code, b => new NationalBodyView(b.Name, b.Acronym, b.Url), StringComparer.Ordinal, ct);
        Partners = [.. partners.Select(code => named.TryGetValue(code, out var partner) ? partner : new NationalBodyView(new Bilingual(code, code), null, null))];

        // A list, not the read-only wrapper a collection expression makes: PostgreSQL's provider maps lists and arrays as parameters.
        var codes = ProcedureRules.OccupationCodes(Document).ToList();
        OccupationNames = await db.Occupations.AsNoTracking().Where(o => codes.Contains(o.Code)).ToDictionaryAsync(o => o.Code, o => o.Name, StringComparer.Ordinal, ct);
        var padded = $" {Procedure.Key} ";
        Standards = [.. (await db.CompetencyStandards.AsNoTracking().Where(s => s.Content != null && s.Procedures.Contains(padded)).OrderBy(s => s.Key).ToListAsync(ct)).Select(s => (s.Key, s.Code, s.Name))];
        return Page();
    }

    public string Occupation(string code) => OccupationNames.TryGetValue(code, out var name) ? $"{code} · {name.Current}" : code;
}

/// <summary>The responsible body as the page names it.</summary>
public sealed record NationalBodyView(Bilingual Name, string? Acronym, string? Url);
