using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Movilidad.Platform.Recruiters;

/// <summary>
/// How recruiters' names are compared, as the real files write them ("Del-Al Associates, Inc..", "DEL AL ASSOCIATES
/// INC.", "Delal Mexico, s de RL de CV", "J &amp; H Recruiting"). Two keys:
/// <list type="bullet">
/// <item><see cref="Spelling"/>: case, accents, punctuation, HTML entities and spacing left out. Names with the same
/// spelling in the same country are one directory entry.</item>
/// <item><see cref="MatchKey"/>: also the legal form (S.A. de C.V., S. de R.L., Inc., LLC, Ltd...), a leading "The",
/// "and"/"y"/"&amp;" and spaces left out, and abbreviations written out (Intl, Assoc, Svcs...). Entries with the same
/// match key, or close ones (<see cref="Similarity"/>), are proposed as duplicates for a person to review; the worker's
/// check finds a name by it.</item>
/// </list>
/// </summary>
public static partial class RecruiterNames
{
    /// <summary>The longest name accepted from a person (the API and the forms refuse longer ones naming the field).</summary>
    public const int MaxLength = 300;

    // Legal forms as token sequences (dots already removed: "S.A. de C.V." is "SA DE CV"), longest first.
    private static readonly string[][] LegalForms =
    [
        ["S", "DE", "RL", "DE", "CV"], ["S", "DE", "R", "L", "DE", "C", "V"], ["S", "A", "DE", "C", "V"], ["SAPI", "DE", "CV"],
        ["SA", "DE", "CV"], ["SA", "DE", "C", "V"], ["S", "DE", "RL", "MI"], ["S", "DE", "RL"], ["S", "DE", "R", "L"], ["SRL", "DE", "CV"],
        ["PTY", "LTD"], ["PVT", "LTD"], ["CO", "LTD"], ["CO", "LPA"], ["CO", "LLC"],
        ["SA"], ["S", "A"], ["SRL"], ["SC"], ["AC"], ["SAS"], ["LTDA"], ["INC"], ["INCORPORATED"], ["LLC"], ["PLLC"],
        ["LLP"], ["LTD"], ["LIMITED"], ["CORP"], ["CORPORATION"], ["CO"], ["COMPANY"], ["CC"], ["PTY"], ["DOO"],
        ["LPA"], ["FLC"], ["GMBH"],
    ];

    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.Ordinal)
    {
        ["INTL"] = "INTERNATIONAL", ["ASSOC"] = "ASSOCIATES", ["ASSOCS"] = "ASSOCIATES", ["ASSN"] = "ASSOCIATION",
        ["SVC"] = "SERVICE", ["SVCS"] = "SERVICES", ["SERV"] = "SERVICES", ["SERVS"] = "SERVICES", ["MGMT"] = "MANAGEMENT", ["MGT"] = "MANAGEMENT",
        ["AGCY"] = "AGENCY", ["CTR"] = "CENTER", ["CENTRE"] = "CENTER", ["CIA"] = "COMPANIA", ["BROS"] = "BROTHERS", ["DEPT"] = "DEPARTMENT",
        ["NATL"] = "NATIONAL", ["GRP"] = "GROUP", ["ENTS"] = "ENTERPRISES", ["CONSTR"] = "CONSTRUCTION",
        ["MFG"] = "MANUFACTURING",
    };

    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "AND", "Y" };

    /// <summary>The name as written for display: HTML entities decoded, runs of spaces made one, trimmed.</summary>
    public static string Clean(string name) => Spaces().Replace(WebUtility.HtmlDecode(name), " ").Trim();

    /// <summary>Upper case, no accents, punctuation and spacing made single spaces.</summary>
    public static string Spelling(string name) => string.Join(' ', Tokens(name, joinDots: false));

    /// <summary>The spelling without its legal form, connectors, a leading "The" and spaces, abbreviations written out.</summary>
    public static string MatchKey(string name)
    {
        var tokens = Tokens(name, joinDots: true).Select(t => Abbreviations.TryGetValue(t, out var full) ? full : t).ToList();
        StripLegalForms(tokens);
        if (tokens.Count > 1 && tokens[0] == "THE")
        {
            tokens.RemoveAt(0);
        }

        var kept = tokens.Where(t => !Connectors.Contains(t)).ToList();
        var key = string.Concat(kept.Count > 0 ? kept : tokens);
        return key.Length > 0 ? key : string.Concat(Tokens(name, joinDots: true));
    }

    /// <summary>A licence number as searched: upper case, letters and digits only.</summary>
    public static string NumberKey(string number) => string.Concat(Fold(number).Where(char.IsAsciiLetterOrDigit));

    /// <summary>
    /// The names a listed entity goes by: the name itself and, for "X DBA Y", "X d/b/a Y" or "X/DBA Y", each side.
    /// </summary>
    public static IReadOnlyList<string> Parts(string name)
    {
        var clean = Clean(name);
        var parts = DoingBusinessAs().Split(clean).Select(p => p.Trim(' ', ',', '/', '-')).Where(p => p.Length > 1).ToList();
        return parts.Count > 1 ? [clean, .. parts] : [clean];
    }

    /// <summary>
    /// How close two match keys are, from 0 to 1: one minus the edit distance over the longer length. Only keys of at
    /// least six characters are compared (short ones match too much by chance).
    /// </summary>
    public static double Similarity(string a, string b)
    {
        if (a == b)
        {
            return 1;
        }

        if (Math.Min(a.Length, b.Length) < 6)
        {
            return 0;
        }

        var longer = Math.Max(a.Length, b.Length);
        if (Math.Abs(a.Length - b.Length) > longer / 5)
        {
            return 0;
        }

        return 1 - (double)Distance(a, b) / longer;
    }

    /// <summary>The similarity from which two entries are proposed as duplicates (a typo in a long name: "Del All Associates").</summary>
    public const double DuplicateThreshold = 0.88;

    private static List<string> Tokens(string name, bool joinDots)
    {
        var text = Fold(Clean(name));
        if (joinDots)
        {
            // "S.A." and "L.L.C." become "SA" and "LLC"; a dot between words ("Co.Ltd") stays a separator.
            text = Initials().Replace(text, m => m.Value.Replace(".", "", StringComparison.Ordinal) + " ");
        }

        return NotAlphanumeric().Split(text).Where(t => t.Length > 0).ToList();
    }

    private static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC).ToUpperInvariant().Replace("'", "", StringComparison.Ordinal).Replace("’", "", StringComparison.Ordinal);
    }

    private static void StripLegalForms(List<string> tokens)
    {
        var stripped = true;
        while (stripped && tokens.Count > 1)
        {
            stripped = false;
            foreach (var form in LegalForms)
            {
                if (form.Length < tokens.Count && tokens.TakeLast(form.Length).SequenceEqual(form, StringComparer.Ordinal))
                {
                    tokens.RemoveRange(tokens.Count - form.Length, form.Length);
                    stripped = true;
                    break;
                }
            }
        }
    }

    // Optimal string alignment: insertions, deletions, substitutions and transpositions of two neighbours ("SERIVCES").
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NotAlphanumeric();

    [GeneratedRegex(@"\b(?:\p{L}\.){2,}")]
    private static partial Regex Initials();

    [GeneratedRegex(@"\s*(?:\bD\s*[/.]\s*B\s*[/.]\s*A\b\.?|\bDBA\b\.?|/\s*DBA\b)\s*,?", RegexOptions.IgnoreCase)]
    private static partial Regex DoingBusinessAs();
}
