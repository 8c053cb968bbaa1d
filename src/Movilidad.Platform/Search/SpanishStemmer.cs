namespace Movilidad.Platform.Search;

/// <summary>
/// The Snowball Spanish stemmer (Martin Porter, snowballstem.org/algorithms/spanish/stemmer.html), written from the
/// published algorithm for words already folded by <see cref="TextSearch.Fold"/> (lower case, no accents), so its suffix
/// lists are the unaccented ones: "trabajadoras" and "trabajador" both give "trabaj", "migrantes" and "migrante" "migrant".
/// PostgreSQL's <c>spanish_stem</c> is the same algorithm, so both databases agree on what a Spanish word matches.
/// </summary>
public static class SpanishStemmer
{
    private static readonly string[] Pronouns = ["selas", "selos", "sela", "selo", "las", "les", "los", "nos", "me", "se", "la", "le", "lo"];
    private static readonly string[] PronounHosts = ["iendo", "ando", "ar", "er", "ir"];

    private static readonly string[] Step1Delete =
    [
        "amientos", "imientos", "amiento", "imiento", "anzas", "ismos", "ables", "ibles", "istas", "anza", "icos", "icas",
        "ismo", "able", "ible", "ista", "osos", "osas", "ico", "ica", "oso", "osa",
    ];

    private static readonly string[] Step1Ador = ["aciones", "adoras", "adores", "ancias", "adora", "acion", "antes", "ancia", "ador", "ante"];
    private static readonly string[] Step2aSuffixes = ["yeron", "yendo", "yamos", "yais", "yan", "yen", "yas", "yes", "ya", "ye", "yo"];

    private static readonly string[] Step2bGu = ["emos", "eis", "en", "es"];

    private static readonly string[] Step2bSuffixes =
    [
        "ariamos", "eriamos", "iriamos", "iesemos", "asemos", "arais", "ierais", "aseis", "ieseis", "asteis", "isteis",
        "aremos", "eremos", "iremos", "aramos", "ieramos", "abamos", "arian", "arias", "ariais", "erian", "erias", "eriais",
        "irian", "irias", "iriais", "ieran", "iesen", "ieron", "iendo", "ieras", "ieses", "abais", "iamos", "aria", "areis",
        "eria", "ereis", "iria", "ireis", "aban", "aran", "asen", "aron", "ando", "abas", "adas", "idas", "aras", "ases",
        "ados", "idos", "amos", "imos", "iais", "aste", "iste", "iera", "iese", "eran", "eras", "iran", "iras",
        "aba", "ada", "ida", "ase", "ian", "ado", "ido", "ias", "ais", "are", "ere", "ire", "ia", "ad", "ed", "id", "an",
        "io", "ar", "er", "ir", "as", "is", "ara", "era", "ira",
    ];

    private static readonly string[] AfterMente = ["ante", "able", "ible"];
    private static readonly string[] AfterIdad = ["abil", "ic", "iv"];
    private static readonly string[] Step3 = ["os", "a", "o", "i"];

    public static string Stem(string word)
    {
        if (word.Length < 3)
        {
            return word;
        }

        var (rv, r1, r2) = Regions(word);
        var w = Step0(word, rv);
        var step1 = Step1(w, r1, r2);
        if (step1 is not null)
        {
            w = step1;
        }
        else
        {
            w = Step2a(w, rv) ?? Step2b(w, rv);
        }

        return Step3Residual(w, rv);
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static (int Rv, int R1, int R2) Regions(string w)
    {
        var rv = w.Length;
        if (w.Length >= 2)
        {
            if (!IsVowel(w[1]))
            {
                rv = NextAfter(w, 2, IsVowel);
            }
            else if (IsVowel(w[0]))
            {
                rv = NextAfter(w, 2, c => !IsVowel(c));
            }
            else
            {
                rv = Math.Min(3, w.Length);
            }
        }

        var r1 = RegionAfterVowelConsonant(w, 0);
        var r2 = RegionAfterVowelConsonant(w, r1);
        return (rv, r1, r2);
    }

    private static int NextAfter(string w, int from, Func<char, bool> test)
    {
        for (var i = from; i < w.Length; i++)
        {
            if (test(w[i]))
            {
                return i + 1;
            }
        }

        return w.Length;
    }

    private static int RegionAfterVowelConsonant(string w, int from)
    {
        for (var i = from + 1; i < w.Length; i++)
        {
            if (!IsVowel(w[i]) && IsVowel(w[i - 1]))
            {
                return i + 1;
            }
        }

        return w.Length;
    }

    private static string? Longest(string w, string[] suffixes) =>
        suffixes.Where(s => w.EndsWith(s, StringComparison.Ordinal)).MaxBy(s => s.Length);

    private static bool In(string w, string suffix, int region) => w.Length - suffix.Length >= region;

    private static string Cut(string w, int n) => w[..^n];

    private static string Step0(string w, int rv)
    {
        var pronoun = Longest(w, Pronouns);
        if (pronoun is null || !In(w, pronoun, rv))
        {
            return w;
        }

        var rest = Cut(w, pronoun.Length);
        var host = Longest(rest, PronounHosts);
        if (host is not null && In(rest, host, rv))
        {
            return rest;
        }

        return rest.EndsWith("yendo", StringComparison.Ordinal) && In(rest, "yendo", rv) && rest.Length > 5 && rest[^6] == 'u' ? rest : w;
    }

    private static string? Step1(string w, int r1, int r2)
    {
        string? R2Cut(string s, string suffix) => In(s, suffix, r2) ? Cut(s, suffix.Length) : null;
        string Preceded(string s, string before) =>
            s.EndsWith(before, StringComparison.Ordinal) && In(s, before, r2) ? Cut(s, before.Length) : s;

        var candidates = new[]
        {
            Longest(w, Step1Delete), Longest(w, Step1Ador), Longest(w, ["logias", "logia"]), Longest(w, ["uciones", "ucion"]),
            Longest(w, ["encias", "encia"]), Longest(w, ["amente"]), Longest(w, ["mente"]), Longest(w, ["idades", "idad"]),
            Longest(w, ["ivas", "ivos", "iva", "ivo"]),
        };
        var suffix = candidates.Where(c => c is not null).MaxBy(c => c!.Length);
        if (suffix is null)
        {
            return null;
        }

        if (Step1Delete.Contains(suffix))
        {
            return R2Cut(w, suffix);
        }

        if (Step1Ador.Contains(suffix))
        {
            return R2Cut(w, suffix) is { } s ? Preceded(s, "ic") : null;
        }

        switch (suffix)
        {
            case "logia" or "logias":
                return In(w, suffix, r2) ? Cut(w, suffix.Length) + "log" : null;
            case "ucion" or "uciones":
                return In(w, suffix, r2) ? Cut(w, suffix.Length) + "u" : null;
            case "encia" or "encias":
                return In(w, suffix, r2) ? Cut(w, suffix.Length) + "ente" : null;
            case "amente":
                if (!In(w, suffix, r1))
                {
                    return null;
                }

                var a = Cut(w, suffix.Length);
                if (a.EndsWith("iv", StringComparison.Ordinal) && In(a, "iv", r2))
                {
                    return Preceded(Cut(a, 2), "at");
                }

                foreach (var before in new[] { "os", "ic", "ad" })
                {
                    if (a.EndsWith(before, StringComparison.Ordinal))
                    {
                        return Preceded(a, before);
                    }
                }

                return a;
            case "mente":
                return R2Cut(w, suffix) is { } m ? AfterMente.Aggregate(m, Preceded) : null;
            case "idad" or "idades":
                return R2Cut(w, suffix) is { } d ? AfterIdad.Aggregate(d, Preceded) : null;
            default:
                return R2Cut(w, suffix) is { } v ? Preceded(v, "at") : null;
        }
    }

    private static string? Step2a(string w, int rv)
    {
        var suffix = Longest(w, Step2aSuffixes);
        return suffix is not null && In(w, suffix, rv) && w.Length > suffix.Length && w[^(suffix.Length + 1)] == 'u'
            ? Cut(w, suffix.Length)
            : null;
    }

    private static string Step2b(string w, int rv)
    {
        var gu = Longest(w, Step2bGu);
        var other = Longest(w, Step2bSuffixes);
        if (gu is not null && In(w, gu, rv) && (other is null || gu.Length >= other.Length || !In(w, other, rv)))
        {
            var rest = Cut(w, gu.Length);
            return rest.EndsWith("gu", StringComparison.Ordinal) ? Cut(rest, 1) : rest;
        }

        return other is not null && In(w, other, rv) ? Cut(w, other.Length) : w;
    }

    private static string Step3Residual(string w, int rv)
    {
        var suffix = Longest(w, Step3);
        if (suffix is not null && In(w, suffix, rv))
        {
            return Cut(w, suffix.Length);
        }

        if (w.EndsWith('e') && In(w, "e", rv))
        {
            var rest = Cut(w, 1);
            return rest.EndsWith("gu", StringComparison.Ordinal) && In(rest, "u", rv) ? Cut(rest, 1) : rest;
        }

        return w;
    }
}
