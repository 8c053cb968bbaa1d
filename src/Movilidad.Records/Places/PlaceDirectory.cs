using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Movilidad.Records;

/// <summary>
/// Countries (ISO 3166-1) and their subdivisions (ISO 3166-2) found from the codes, names and postal codes files
/// write: <c>MEXICO</c>, <c>United States of America</c>, <c>CA</c> (California in a US file), <c>Nuevo León</c>,
/// <c>Ontario</c>, a Canadian postal code. Immutable; <see cref="Default"/> is loaded once from the reference tables.
/// </summary>
public sealed partial class PlaceDirectory
{
    private static readonly Lazy<PlaceDirectory> Shared = new(Load);

    // Canada Post's first letter of a postal code (forward sortation area) names the province or territory.
    private static readonly Dictionary<char, string> CanadianPostalPrefixes = new()
    {
        ['A'] = "CA-NL", ['B'] = "CA-NS", ['C'] = "CA-PE", ['E'] = "CA-NB", ['G'] = "CA-QC", ['H'] = "CA-QC", ['J'] = "CA-QC",
        ['K'] = "CA-ON", ['L'] = "CA-ON", ['M'] = "CA-ON", ['N'] = "CA-ON", ['P'] = "CA-ON", ['R'] = "CA-MB", ['S'] = "CA-SK",
        ['T'] = "CA-AB", ['V'] = "CA-BC", ['Y'] = "CA-YT",
    };

    // Abbreviations still written for places whose ISO 3166-2 code changed (Newfoundland, Quebec before 1992).
    private static readonly Dictionary<string, string> FormerCodes = new(StringComparer.Ordinal)
    {
        ["CA-NF"] = "CA-NL", ["CA-PQ"] = "CA-QC", ["CA-QB"] = "CA-QC", ["CA-NFLD"] = "CA-NL",
    };

    private readonly Dictionary<string, (string Alpha2, string Alpha3)> _countries;
    private readonly Dictionary<string, (string Code, string Name)> _subdivisions;
    private readonly Dictionary<string, string> _subdivisionNames;

    private PlaceDirectory(
        Dictionary<string, (string, string)> countries,
        Dictionary<string, (string, string)> subdivisions,
        Dictionary<string, string> subdivisionNames)
    {
        _countries = countries;
        _subdivisions = subdivisions;
        _subdivisionNames = subdivisionNames;
    }

    /// <summary>The directory built from the reference tables the library carries.</summary>
    public static PlaceDirectory Default => Shared.Value;

    /// <summary>The country for an alpha-2 or alpha-3 code or a name in English or Spanish (accents, case and punctuation ignored); null when unknown.</summary>
    public Place? Country(string? text)
    {
        var key = Key(text);
        return key.Length > 0 && _countries.TryGetValue(key, out var country) ? new Place(country.Alpha2, country.Alpha3, null, null) : null;
    }

    /// <summary>
    /// The subdivision of <paramref name="country"/> (alpha-2) written as its ISO 3166-2 code with or without the country
    /// (<c>CA</c>, <c>US-CA</c>, <c>NLE</c>), a former code (<c>NF</c>, <c>PQ</c>) or its name (<c>Nuevo Leon</c>); null when unknown.
    /// </summary>
    public Place? Subdivision(string country, string? text)
    {
        ArgumentNullException.ThrowIfNull(country);
        var key = Key(text);
        if (key.Length == 0 || Country(country) is not { } place)
        {
            return null;
        }
        var code = key.StartsWith(place.Country + "-", StringComparison.Ordinal) ? key : $"{place.Country}-{key}";
        code = FormerCodes.GetValueOrDefault(code, code);
        if (_subdivisions.TryGetValue(code, out var byCode))
        {
            return place with { Subdivision = byCode.Code, SubdivisionName = byCode.Name };
        }
        if (_subdivisionNames.TryGetValue($"{place.Country}|{key}", out var named) && _subdivisions.TryGetValue(named, out var byName))
        {
            return place with { Subdivision = byName.Code, SubdivisionName = byName.Name };
        }
        return null;
    }

    /// <summary>The Canadian province or territory of a postal code found anywhere in <paramref name="text"/> (an address); null when there is none.</summary>
    public Place? CanadianPostalCode(string? text)
    {
        var match = PostalCode().Match(text ?? "");
        if (!match.Success)
        {
            return null;
        }
        var letter = char.ToUpperInvariant(match.Groups[1].Value[0]);
        // X covers both the Northwest Territories and Nunavut: it does not say which.
        return CanadianPostalPrefixes.TryGetValue(letter, out var code) ? Subdivision("CA", code) : Country("CA");
    }

    internal static string Key(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsLetterOrDigit(c) || c == '-')
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }
                builder.Append(char.ToUpperInvariant(c));
                space = false;
            }
            else
            {
                space = true;
            }
        }
        return builder.ToString();
    }

    private static PlaceDirectory Load()
    {
        var countries = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        var alpha3 = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in ReferenceData.Read("reference/countries.csv"))
        {
            var entry = (row["alpha2"], row["alpha3"]);
            alpha3[row["alpha2"]] = row["alpha3"];
            countries[row["alpha2"]] = entry;
            countries[row["alpha3"]] = entry;
            countries.TryAdd(Key(row["name_en"]), entry);
            countries.TryAdd(Key(row["name_es"]), entry);
        }
        foreach (var row in ReferenceData.Read("reference/country-names.csv"))
        {
            if (alpha3.TryGetValue(row["alpha2"], out var three))
            {
                countries.TryAdd(Key(row["name"]), (row["alpha2"], three));
            }
        }
        var subdivisions = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in ReferenceData.Read("reference/subdivisions.csv"))
        {
            subdivisions[row["code"]] = (row["code"], row["name"]);
            names.TryAdd($"{row["country"]}|{Key(row["name"])}", row["code"]);
            // "Michoacán de Ocampo", "Veracruz de Ignacio de la Llave": files write the first words only.
            var shortName = Key(row["name"].Split(" de ", 2, StringSplitOptions.None)[0]);
            names.TryAdd($"{row["country"]}|{shortName}", row["code"]);
            var parenthesis = row["name"].IndexOf('(', StringComparison.Ordinal);
            if (parenthesis > 0)
            {
                names.TryAdd($"{row["country"]}|{Key(row["name"][..parenthesis])}", row["code"]);
            }
        }
        return new PlaceDirectory(countries, subdivisions, names);
    }

    [GeneratedRegex(@"\b([ABCEGHJ-NPRSTVXY])\d[A-Z]\s?\d[A-Z]\d\b", RegexOptions.IgnoreCase | RegexOptions.RightToLeft)]
    private static partial Regex PostalCode();
}
