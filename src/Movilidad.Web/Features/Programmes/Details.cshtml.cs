using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Programmes;
using Movilidad.Records;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.Programmes;

/// <summary>
/// A programme's page: every part of the list with its statements and their numbered sources (a part without a
/// source says so), the agreements that frame it and its demand from the imported records, as a chart and a table.
/// Those who read drafts see the pending change's stage; what is shown is always the published content.
/// </summary>
[AllowAnonymous]
public class DetailsModel(MovilidadDb db, IAuthorizationService auth) : RegistryPage
{
    public RegistryEntryView Entry { get; private set; } = null!;

    /// <summary>Whether the reader may propose changes to it (the edit form and the history tab).</summary>
    public bool CanEdit { get; private set; }

    public Programme Programme { get; private set; } = null!;

    public ProgrammeDemand? Demand { get; private set; }

    public IReadOnlyDictionary<string, Bilingual> MajorGroups { get; private set; } = new Dictionary<string, Bilingual>();

    public IReadOnlyList<Agreement> Agreements { get; private set; } = [];

    public IReadOnlyList<Programme> Related { get; private set; } = [];

    public IReadOnlyDictionary<string, Bilingual> CountryNames { get; private set; } = new Dictionary<string, Bilingual>();

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        if (await ProgrammesApi.ReadAsync<Programme>(db, key, User, auth, ct) is not { } entry)
        {
            return NotFound();
        }

        Entry = entry;
        Programme = await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == entry.Id, ct);
        Document = entry.Content ?? entry.Draft ?? [];
        CanEdit = await auth.CanAsync(User, RegistryOperations.Propose, new RegistryScope(Programme.CountryList));
        await LoadReferencesAsync(db, ct);
        CountryNames = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Alpha2, c => c.Name, StringComparer.Ordinal, ct);
        var padded = $" {Programme.Key} ";
        var related = RegistryContent.Strings(Document, "relatedAgreements");
        Agreements = (await db.Agreements.AsNoTracking().Where(a => a.Content != null).ToListAsync(ct))
            .Where(a => a.Programmes.Contains(padded, StringComparison.Ordinal) || related.Contains(a.Key)).OrderBy(a => a.Key, StringComparer.Ordinal).ToList();
        var relatedProgrammes = RegistryContent.Strings(Document, "relatedProgrammes").Append(Text("parentProgramme")).ToHashSet(StringComparer.Ordinal);
        Related = await db.Programmes.AsNoTracking().Where(p => p.Content != null && relatedProgrammes.Contains(p.Key)).OrderBy(p => p.Key).ToListAsync(ct);
        Demand = await ProgrammeDemand.ForAsync(db, User, auth, Programme, ct);
        MajorGroups = await ProgrammeDemand.MajorGroupsAsync(db, ct);
        return Page();
    }

    public string Name(string code) => CountryNames.TryGetValue(code, out var n) ? n.Current : code;

    public string Names(IEnumerable<string> codes) => string.Join(", ", codes.Select(Name));

    /// <summary>An ISCO-08 major group with its name, or null for occupations that do not map.</summary>
    public string? Group(string? code) => code is null ? null : MajorGroups.TryGetValue(code, out var n) ? $"{code} · {n.Current}" : code;

    /// <summary>The labour-market explorer with the programme's records chosen.</summary>
    public static string ExplorerLink(ProgrammeDemand demand) =>
        $"/labour-market?measure={demand.Measure}&area={demand.Country}" + (demand.Programme is null ? string.Empty : "&programme=" + Uri.EscapeDataString(demand.Programme));

    /// <summary>A measure's name in the reader's language.</summary>
    public static string MeasureLabel(string code) => Measures.TryParse(code, out var measure) ? measure.Label(English ? "en" : "es") : code;

    /// <summary>A legal basis, contact or party line: its own text and sources.</summary>
    public IReadOnlyList<int> SourcesOf(JsonNode item) => Sources(item);
}
