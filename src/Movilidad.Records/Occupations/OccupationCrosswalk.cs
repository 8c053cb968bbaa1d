using System.Globalization;
using System.Text.RegularExpressions;

namespace Movilidad.Records;

/// <summary>A code of a classification and how it reaches ISCO-08: a row of the crosswalk tables the platform keeps.</summary>
public sealed record CrosswalkEntry(OccupationClassification Classification, string Code, string? Title, OccupationMapping Mapping);

/// <summary>
/// SOC 2010, SOC 2018, NOC 2011, NOC 2016 and NOC 2021 to ISCO-08, built from the BLS and Statistics Canada
/// concordances in <c>data/reference/crosswalks</c>. Links are many-to-many: a code's counts are split equally
/// over the codes it links to at each step, so the weights of a code add up to exactly 1 and every total is kept.
/// Immutable and safe to share; <see cref="Default"/> is loaded once.
/// </summary>
public sealed partial class OccupationCrosswalk
{
    private const int WeightDecimals = 10;
    private const int ValueDecimals = 6;

    private static readonly Lazy<OccupationCrosswalk> Shared = new(Load);

    private readonly Dictionary<OccupationClassification, Dictionary<string, CrosswalkEntry>> _entries;

    private OccupationCrosswalk(Dictionary<OccupationClassification, Dictionary<string, CrosswalkEntry>> entries) => _entries = entries;

    /// <summary>The crosswalk built from the tables the library carries.</summary>
    public static OccupationCrosswalk Default => Shared.Value;

    /// <summary>Every code of a classification with its mapping (for the platform's crosswalk tables and pages).</summary>
    public IEnumerable<CrosswalkEntry> Entries(OccupationClassification classification) =>
        _entries.TryGetValue(classification, out var entries) ? entries.Values.OrderBy(e => e.Code, StringComparer.Ordinal) : [];

    /// <summary>Whether <paramref name="code"/> (normalised) is a code of <paramref name="classification"/>.</summary>
    public bool Contains(OccupationClassification classification, string code) =>
        _entries.TryGetValue(classification, out var entries) && entries.ContainsKey(code);

    /// <summary>The title of a code in its classification (English), or null.</summary>
    public string? Title(OccupationClassification classification, string code) =>
        _entries.TryGetValue(classification, out var entries) && entries.TryGetValue(code, out var entry) ? entry.Title : null;

    /// <summary>How an occupation reaches ISCO-08; a code that does not map says why.</summary>
    public OccupationMapping Map(SourceOccupation occupation)
    {
        ArgumentNullException.ThrowIfNull(occupation);
        if (occupation.Classification is not { } classification || string.IsNullOrEmpty(occupation.Code))
        {
            return OccupationMapping.Unmapped(new(
                "El archivo no da un código de ocupación (solo un título de puesto).",
                "The file gives no occupation code (a job title only)."));
        }
        if (classification == OccupationClassification.Dot)
        {
            return OccupationMapping.Unmapped(new(
                "Los códigos DOT no tienen tabla de correspondencia con CIUO-08 (ISCO-08).",
                "DOT codes have no crosswalk to ISCO-08."));
        }
        if (_entries.TryGetValue(classification, out var entries) && entries.TryGetValue(occupation.Code, out var entry))
        {
            return entry.Mapping;
        }
        return OccupationMapping.Unmapped(new(
            $"«{occupation.Code}» no es un código de {classification.Name()} conocido.",
            $"'{occupation.Code}' is not a known {classification.Name()} code."));
    }

    /// <summary>
    /// Splits a counted value over the ISCO-08 groups of a mapping. The parts have at most 6 decimals and add up to
    /// exactly <paramref name="value"/>: the last group receives what the others leave. An unmapped occupation gives
    /// one observation without ISCO-08 group.
    /// </summary>
    public static IReadOnlyList<Observation> Split(Measure measure, decimal value, OccupationMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        if (!mapping.IsMapped)
        {
            return [new Observation(measure, value, null, 1m)];
        }
        var parts = new Observation[mapping.Links.Count];
        var given = 0m;
        for (var i = 0; i < parts.Length; i++)
        {
            var link = mapping.Links[i];
            var share = i == parts.Length - 1 ? value - given : Math.Round(value * link.Weight, ValueDecimals, MidpointRounding.ToEven);
            given += share;
            parts[i] = new Observation(measure, share, link.Isco08, link.Weight);
        }
        return parts;
    }

    /// <summary>Normalises a code as written in a file to the form of its classification, or null when it cannot be one.</summary>
    public static string? NormaliseCode(OccupationClassification classification, string? raw)
    {
        var text = raw?.Trim() ?? "";
        if (text.Length == 0)
        {
            return null;
        }
        switch (classification)
        {
            case OccupationClassification.Soc2010:
            case OccupationClassification.Soc2018:
                var soc = SocCode().Match(text);
                return soc.Success ? $"{soc.Groups[1].Value}-{soc.Groups[2].Value}" : null;
            case OccupationClassification.Noc2011:
            case OccupationClassification.Noc2016:
                return DigitsPadded(text, 4);
            case OccupationClassification.Noc2021:
                return DigitsPadded(text, 5);
            case OccupationClassification.Isco08:
                return text.Length <= 4 && text.All(char.IsAsciiDigit) ? text : null;
            case OccupationClassification.Dot:
                return text;
            default:
                throw new ArgumentOutOfRangeException(nameof(classification), classification, null);
        }
    }

    private static string? DigitsPadded(string text, int width)
    {
        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) && number == decimal.Truncate(number) && number >= 0)
        {
            text = number.ToString("0", CultureInfo.InvariantCulture);
        }
        return text.Length <= width && text.All(char.IsAsciiDigit) ? text.PadLeft(width, '0') : null;
    }

    private static OccupationCrosswalk Load()
    {
        var isco = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in ReferenceData.Read("reference/isco08.csv"))
        {
            isco[row["code"]] = row["name_en"];
        }
        var soc2010 = Links("reference/crosswalks/soc2010-isco08.csv", "soc2010", "soc2010_title", "isco08");
        var soc2018 = Links("reference/crosswalks/soc2018-soc2010.csv", "soc2018", "soc2018_title", "soc2010");
        var noc2011 = Links("reference/crosswalks/noc2011-isco08.csv", "noc2011", "noc2011_title", "isco08");
        var noc2021 = Links("reference/crosswalks/noc2021-noc2016.csv", "noc2021", "noc2021_title", "noc2016");

        var entries = new Dictionary<OccupationClassification, Dictionary<string, CrosswalkEntry>>();
        void Add(OccupationClassification classification, string code, string? title, OccupationMapping mapping)
        {
            if (!entries.TryGetValue(classification, out var codes))
            {
                entries[classification] = codes = new Dictionary<string, CrosswalkEntry>(StringComparer.Ordinal);
            }
            codes[code] = new CrosswalkEntry(classification, code, title, mapping);
        }

        foreach (var (code, title) in isco)
        {
            Add(OccupationClassification.Isco08, code, title, OccupationMapping.Mapped([new IscoLink(code, 1m)], "ISCO-08"));
        }
        var soc2010Weights = soc2010.ToDictionary(p => p.Key, p => Spread(p.Value.Targets), StringComparer.Ordinal);
        foreach (var (code, link) in soc2010)
        {
            Add(OccupationClassification.Soc2010, code, link.Title, OccupationMapping.Mapped(Links(soc2010Weights[code]), "SOC 2010 → ISCO-08"));
        }
        foreach (var (code, link) in soc2018)
        {
            Add(OccupationClassification.Soc2018, code, link.Title,
                OccupationMapping.Mapped(Links(Chain(Spread(link.Targets), soc2010Weights)), "SOC 2018 → SOC 2010 → ISCO-08"));
        }
        var noc2011Weights = noc2011.ToDictionary(p => p.Key, p => Spread(p.Value.Targets), StringComparer.Ordinal);
        foreach (var (code, link) in noc2011)
        {
            Add(OccupationClassification.Noc2011, code, link.Title, OccupationMapping.Mapped(Links(noc2011Weights[code]), "NOC 2011 → ISCO-08"));
            // NOC 2016 version 1.0 kept every NOC 2011 unit group and its code; only some titles changed.
            Add(OccupationClassification.Noc2016, code, link.Title, OccupationMapping.Mapped(Links(noc2011Weights[code]), "NOC 2016 = NOC 2011 → ISCO-08"));
        }
        foreach (var (code, link) in noc2021)
        {
            Add(OccupationClassification.Noc2021, code, link.Title,
                OccupationMapping.Mapped(Links(Chain(Spread(link.Targets), noc2011Weights)), "NOC 2021 → NOC 2016 → NOC 2011 → ISCO-08"));
        }
        return new OccupationCrosswalk(entries);
    }

    private sealed record LinkSet(string Title, List<string> Targets);

    private static Dictionary<string, LinkSet> Links(string resource, string from, string title, string to)
    {
        var links = new Dictionary<string, LinkSet>(StringComparer.Ordinal);
        foreach (var row in ReferenceData.Read(resource))
        {
            if (!links.TryGetValue(row[from], out var set))
            {
                links[row[from]] = set = new LinkSet(row[title], []);
            }
            if (!set.Targets.Contains(row[to], StringComparer.Ordinal))
            {
                set.Targets.Add(row[to]);
            }
        }
        return links;
    }

    private static Dictionary<string, decimal> Spread(List<string> targets) =>
        targets.ToDictionary(t => t, _ => 1m / targets.Count, StringComparer.Ordinal);

    private static Dictionary<string, decimal> Chain(Dictionary<string, decimal> first, Dictionary<string, Dictionary<string, decimal>> next)
    {
        var result = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (middle, weight) in first)
        {
            foreach (var (target, inner) in next[middle])
            {
                result[target] = result.GetValueOrDefault(target) + (weight * inner);
            }
        }
        return result;
    }

    private static IscoLink[] Links(Dictionary<string, decimal> weights)
    {
        var ordered = weights.OrderBy(w => w.Key, StringComparer.Ordinal).ToArray();
        var links = new IscoLink[ordered.Length];
        var given = 0m;
        for (var i = 0; i < ordered.Length; i++)
        {
            var weight = i == ordered.Length - 1 ? 1m - given : Math.Round(ordered[i].Value, WeightDecimals, MidpointRounding.ToEven);
            given += weight;
            links[i] = new IscoLink(ordered[i].Key, weight);
        }
        return links;
    }

    [GeneratedRegex(@"^(\d{2})\s*-?\s*(\d{4})(?:\.\d{1,2})?$")]
    private static partial Regex SocCode();
}
