using CsvHelper;

namespace Movilidad.Platform.Reference;

/// <summary>An RFC 4180 CSV file read whole: a header row, then records keyed by column name.</summary>
public sealed class CsvTable
{
    private CsvTable(IReadOnlyList<string> header, IReadOnlyList<CsvRecord> records)
    {
        Header = header;
        Records = records;
    }

    public IReadOnlyList<string> Header { get; }
    public IReadOnlyList<CsvRecord> Records { get; }

    /// <summary>Reads the whole text with CsvHelper (quoted fields may hold commas, quotes and line breaks); blank lines are skipped.</summary>
    public static CsvTable Parse(string text)
    {
        var rows = new List<(int Line, string[] Fields)>();
        using (var reader = CsvReader.Create(new StringReader(text), CsvReaderOptions.Default with { Separator = ',', HasHeader = false, TrackLineNumbers = true }, leaveOpen: false))
        {
            while (reader.Read())
            {
                rows.Add(((int)reader.LineNumber, Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray()));
            }
        }

        if (rows.Count == 0)
        {
            throw new FormatException("the file has no header row.");
        }

        var header = rows[0].Fields.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
        var index = header.Select((h, i) => (h, i)).ToDictionary(p => p.h, p => p.i, StringComparer.Ordinal);
        return new CsvTable(header, rows.Skip(1).Select(r => new CsvRecord(r.Line, r.Fields, index)).ToList());
    }
}

public sealed class CsvRecord(int line, IReadOnlyList<string> fields, IReadOnlyDictionary<string, int> index)
{
    public int Line { get; } = line;

    /// <summary>The trimmed value of a column, or null when the column is absent or the value blank.</summary>
    public string? this[string column] =>
        index.TryGetValue(column, out var i) && i < fields.Count && !string.IsNullOrWhiteSpace(fields[i]) ? fields[i].Trim() : null;
}
