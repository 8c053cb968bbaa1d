using System.Globalization;
using Movilidad.Platform.Reference;

namespace Movilidad.Platform.Recruiters;

/// <summary>One row of a debarment list: who, where, for which programme, from when to when, and on what sources.</summary>
public sealed record DebarmentRow(int Line, string Programme, string Name, string? City, string? State, string Country, string? Subdivision, DateOnly? Start, DateOnly? End, string Sources, string? Notes);

/// <summary>A debarment file that cannot be read as it is: the message names the file, the column and, for a value, the line.</summary>
public sealed class DebarmentFileException(string message) : Exception(message);

/// <summary>
/// Reads a list of debarred entities (the OFLC H-2A/H-2B debarments as compiled by BuzzFeed News, or a file laid out
/// like it): columns are found by name and alias, never by position, so a file whose columns moved reads the same; a
/// file that lacks a needed column, or holds a date that is not one, is refused with an error naming the column (and line).
/// </summary>
public static class DebarmentFile
{
    private sealed record Column(string Key, string[] Names, bool Required);

    private static readonly Column[] Columns =
    [
        new("programme", ["Program", "Programme", "Visa Program", "Visa Class", "Programa"], true),
        new("name", ["Entity Debarred", "Debarred Entity", "Entity", "Name", "Employer", "Employer Name", "Nombre"], true),
        new("city", ["City", "Ciudad"], false),
        new("state", ["State", "Province", "State/Province", "Estado"], false),
        new("start", ["Start Date", "Debarment Start", "Debarment Start Date", "From", "Start", "Inicio"], true),
        new("end", ["End Date", "Debarment End", "Debarment End Date", "To", "End", "Fin"], false),
        new("sources", ["Sources", "Source", "Fuentes"], false),
        new("notes", ["Notes", "Note", "Notas"], false),
    ];

    private static readonly Dictionary<string, string> CountryNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Canada"] = "CA", ["Mexico"] = "MX", ["México"] = "MX", ["Guatemala"] = "GT", ["Honduras"] = "HN", ["El Salvador"] = "SV",
        ["Jamaica"] = "JM", ["United States"] = "US", ["USA"] = "US",
    };

    public static IReadOnlyList<DebarmentRow> Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, Path.GetFileName(path));
    }

    public static IReadOnlyList<DebarmentRow> Read(Stream stream, string fileName)
    {
        CsvTable table;
        try
        {
            using var reader = new StreamReader(stream);
            table = CsvTable.Parse(reader.ReadToEnd());
        }
        catch (FormatException e)
        {
            throw new DebarmentFileException($"{fileName}: {e.Message} It needs a header row with the columns {string.Join(", ", Columns.Where(c => c.Required).Select(c => $"'{c.Names[0]}'"))}.");
        }

        var header = table.Header;
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var column in Columns)
        {
            if (header.FirstOrDefault(h => column.Names.Any(n => string.Equals(h, n, StringComparison.OrdinalIgnoreCase))) is { } found)
            {
                names[column.Key] = found;
            }
            else if (column.Required)
            {
                throw new DebarmentFileException(
                    $"{fileName}: column '{column.Names[0]}' is missing (also read as {string.Join(", ", column.Names.Skip(1).Select(n => $"'{n}'"))}); the header has {string.Join(", ", header.Select(h => $"'{h}'"))}.");
            }
        }

        var rows = new List<DebarmentRow>();
        foreach (var record in table.Records)
        {
            string? Text(string key) => names.TryGetValue(key, out var column) ? record[column] : null;
            DateOnly? Date(string key)
            {
                if (Text(key) is not { } text)
                {
                    return null;
                }

                return DateOnly.TryParseExact(text, ["yyyy-MM-dd", "M/d/yyyy", "MM/dd/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                    ? day
                    : throw new DebarmentFileException($"{fileName}, line {record.Line}, column '{names[key]}': '{text}' is not a date (yyyy-mm-dd).");
            }

            if (Text("name") is not { } name)
            {
                continue;
            }

            var state = Text("state");
            var (country, subdivision) = Place(state);
            rows.Add(new DebarmentRow(record.Line, Text("programme") ?? "", name, Text("city"), state, country, subdivision,
                Date("start") ?? throw new DebarmentFileException($"{fileName}, line {record.Line}, column '{names["start"]}': the start date is missing."),
                Date("end"), Text("sources") ?? "", Text("notes")));
        }

        return rows;
    }

    /// <summary>A US state code is a US subdivision; "Alberta, Canada" names its country last.</summary>
    private static (string Country, string? Subdivision) Place(string? state)
    {
        if (state is { Length: 2 } code && code.All(char.IsAsciiLetterUpper))
        {
            return ("US", "US-" + code);
        }

        if (state?.Split(',').Last().Trim() is { } last && CountryNames.TryGetValue(last, out var country))
        {
            return (country, null);
        }

        return ("US", null);
    }
}
