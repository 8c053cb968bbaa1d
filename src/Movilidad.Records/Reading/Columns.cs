using System.Globalization;
using System.Text;

namespace Movilidad.Records;

/// <summary>A column a reader looks for: its key, its known names (compared after <see cref="Columns.Normalise"/>) and, for names not yet seen, a rule.</summary>
internal sealed record ColumnSpec(string Key, string[] Names, Func<string, bool>? Rule = null, bool Required = false);

/// <summary>The columns of a header row, found by name and known aliases, never by position.</summary>
internal sealed class Columns
{
    private readonly Dictionary<string, int> _index;
    private readonly TableRow _header;

    private Columns(TableRow header, Dictionary<string, int> index, IReadOnlyList<ColumnSpec> missing)
    {
        _header = header;
        _index = index;
        Missing = missing;
    }

    public IReadOnlyList<ColumnSpec> Missing { get; }

    /// <summary>The fields the person named a column for, as <c>field → column</c>, where the field or the column does not exist.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Unresolved { get; private init; } = [];

    /// <summary>The fields read from the column the person named.</summary>
    public IReadOnlyList<string> NamedKeys { get; private init; } = [];

    public int Found => _index.Count;

    /// <summary>The keys of the columns found.</summary>
    public IEnumerable<string> Keys => _index.Keys;

    public bool Has(string key) => _index.ContainsKey(key);

    public int this[string key] => _index.GetValueOrDefault(key, -1);

    /// <summary>The column's name as the file writes it.</summary>
    public string? Name(string key) => _index.TryGetValue(key, out var i) ? _header.Text(i) : null;

    /// <summary>The candidate's columns for <paramref name="specs"/>: first those the person named (<see cref="Candidate.Named"/>), then by name and alias.</summary>
    public static Columns Resolve(Candidate candidate, IReadOnlyList<ColumnSpec> specs) => Resolve(candidate.Header, specs, candidate.Named);

    public static Columns Resolve(TableRow header, IReadOnlyList<ColumnSpec> specs, IReadOnlyDictionary<string, string>? named = null)
    {
        var names = new string[header.Count];
        for (var i = 0; i < header.Count; i++)
        {
            names[i] = Normalise(header.Text(i));
        }
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var used = new bool[names.Length];
        var unresolved = new List<KeyValuePair<string, string>>();
        foreach (var (key, column) in named ?? new Dictionary<string, string>())
        {
            var wanted = Normalise(column);
            var at = Array.FindIndex(names, n => n == wanted);
            if (at < 0 || used[at] || !specs.Any(s => s.Key == key))
            {
                unresolved.Add(new(key, column));
                continue;
            }
            index[key] = at;
            used[at] = true;
        }
        var namedKeys = index.Keys.ToList();
        foreach (var spec in specs.Where(s => !index.ContainsKey(s.Key)))
        {
            foreach (var name in spec.Names)
            {
                var wanted = Normalise(name);
                var at = Array.FindIndex(names, n => n == wanted);
                if (at >= 0 && !used[at])
                {
                    index[spec.Key] = at;
                    used[at] = true;
                    break;
                }
            }
        }
        foreach (var spec in specs.Where(s => s.Rule is not null && !index.ContainsKey(s.Key)))
        {
            for (var i = 0; i < names.Length; i++)
            {
                if (!used[i] && names[i].Length > 0 && spec.Rule!(names[i]))
                {
                    index[spec.Key] = i;
                    used[i] = true;
                    break;
                }
            }
        }
        return new Columns(header, index, [.. specs.Where(s => s.Required && !index.ContainsKey(s.Key))]) { Unresolved = unresolved, NamedKeys = namedKeys };
    }

    /// <summary>Upper case, accents removed, every run of other characters one underscore: "Occupations under NOC 2011 " → OCCUPATIONS_UNDER_NOC_2011.</summary>
    public static string Normalise(string? text)
    {
        var builder = new StringBuilder(text?.Length ?? 0);
        var gap = false;
        foreach (var c in (text ?? "").Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (gap && builder.Length > 0)
                {
                    builder.Append('_');
                }
                builder.Append(char.ToUpperInvariant(c));
                gap = false;
            }
            else
            {
                gap = true;
            }
        }
        return builder.ToString();
    }
}

/// <summary>Reading values out of cells: numbers, dates and texts, each failing with a reason and a message in both languages.</summary>
internal static class Cells
{
    public static readonly string[] DateFormats =
    [
        "M/d/yyyy", "M/d/yyyy H:mm", "M/d/yyyy h:mm tt", "M/d/yyyy H:mm:ss", "M/d/yyyy h:mm:ss tt", "M/d/yy",
        "yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy/MM/dd", "d-MMM-yyyy", "d-MMM-yy", "dd-MMM-yy", "MMM d, yyyy",
    ];

    /// <summary>A count or amount: a number cell, or text such as <c>1,234</c>, <c>1.234,5</c>, <c>1 234</c>. Empty gives null.</summary>
    public static bool TryNumber(TableCell cell, out decimal? value)
    {
        value = null;
        if (cell.Number is { } number)
        {
            if (double.IsNaN(number) || double.IsInfinity(number) || Math.Abs(number) > 1e15)
            {
                return false;
            }
            value = (decimal)number;
            return true;
        }
        var text = cell.Text.Trim().Replace("\u00A0", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).TrimStart('$');
        if (text.Length == 0)
        {
            return true;
        }
        var comma = text.LastIndexOf(',');
        var dot = text.LastIndexOf('.');
        if (comma >= 0 && dot >= 0)
        {
            text = comma > dot ? text.Replace(".", "", StringComparison.Ordinal).Replace(',', '.') : text.Replace(",", "", StringComparison.Ordinal);
        }
        else if (comma >= 0)
        {
            // One comma followed by exactly three digits groups thousands (1,234); otherwise it is a decimal comma (1,5).
            var thousands = text.Count(c => c == ',') > 1 || text.Length - comma - 1 == 3;
            text = thousands ? text.Replace(",", "", StringComparison.Ordinal) : text.Replace(',', '.');
        }
        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }
        return false;
    }

    /// <summary>A date: a serial number (with or without time), or text in the forms US and ISO files use. Empty gives null.</summary>
    public static bool TryDate(TableCell cell, out DateOnly? date)
    {
        date = null;
        if (cell.Number is { } serial)
        {
            if (serial < 1 || serial > 2958465)
            {
                return false;
            }
            date = DateOnly.FromDateTime(DateTime.FromOADate(serial));
            return true;
        }
        var text = cell.Text.Trim();
        if (text.Length == 0)
        {
            return true;
        }
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed)
            || DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out parsed))
        {
            date = DateOnly.FromDateTime(parsed);
            return true;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out serial) && serial >= 1 && serial <= 2958465)
        {
            date = DateOnly.FromDateTime(DateTime.FromOADate(serial));
            return true;
        }
        return false;
    }

    /// <summary>Text with runs of white space made one space; null when empty.</summary>
    public static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space)
            {
                builder.Append(' ');
                space = false;
            }
            builder.Append(c);
        }
        return builder.ToString();
    }
}
