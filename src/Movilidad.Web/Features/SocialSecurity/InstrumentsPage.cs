using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Web.Features.Programmes;

namespace Movilidad.Web.Features.SocialSecurity;

/// <summary>What the social-security pages share with the registry's: sources numbered as cited, and country names.</summary>
public abstract class InstrumentsPage : RegistryPage
{
    public IReadOnlyDictionary<string, Bilingual> CountryNames { get; private set; } = new Dictionary<string, Bilingual>();

    protected async Task LoadNamesAsync(MovilidadDb db, CancellationToken ct)
    {
        await LoadReferencesAsync(db, ct);
        CountryNames = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Alpha2, c => c.Name, StringComparer.Ordinal, ct);
    }

    public string CountryName(string code) => CountryNames.TryGetValue(code, out var name) ? name.Current : code;

    /// <summary>The numbers of a list of source keys, numbering new ones.</summary>
    public IReadOnlyList<int> Cite(IEnumerable<string> keys) => Sources(new JsonObject { ["sources"] = new JsonArray([.. keys.Select(k => (JsonNode)k)]) });
}
