using System.Globalization;
using System.Text;

namespace Movilidad.Platform.Search;

/// <summary>Folds text for search: no accents, lower case, single spaces, so "Migración" finds "migracion".</summary>
public static class TextSearch
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                space = folded.Length > 0;
                continue;
            }

            if (space)
            {
                folded.Append(' ');
                space = false;
            }

            folded.Append(char.ToLowerInvariant(c));
        }

        return folded.ToString();
    }

    /// <summary>The words of a query, folded, each safe to put inside a LIKE pattern (with '\' as escape).</summary>
    public static IReadOnlyList<string> Terms(string? query) =>
        Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal))
            .Distinct()
            .Take(8)
            .ToList();

    /// <summary>The words of a text, folded: runs of letters and digits, as FTS5's unicode61 tokenizer splits them.</summary>
    public static IEnumerable<string> Words(string? text)
    {
        var folded = Fold(text);
        return Spans(folded).Select(s => folded.Substring(s.Start, s.Length));
    }

    /// <summary>Where the words of a text are (runs of letters and digits): the one word splitter of search, for the index and for snippets.</summary>
    public static IEnumerable<(int Start, int Length)> Spans(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return (start, i - start);
                start = -1;
            }
        }
    }

    /// <summary>What the SQLite full-text index keeps of a Spanish text: its words stemmed (<see cref="SpanishStemmer"/>).</summary>
    public static string SpanishIndexText(string? text) => string.Join(' ', Words(text).Select(SpanishStemmer.Stem));

    /// <summary>What the SQLite full-text index keeps of an English text: its words folded (FTS5's porter stems them).</summary>
    public static string EnglishIndexText(string? text) => string.Join(' ', Words(text));
}
