using System.Text;

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

    public static CsvTable Parse(string text)
    {
        var rows = new List<(int Line, List<string> Fields)>();
        var field = new StringBuilder();
        var fields = new List<string>();
        var line = 1;
        var rowLine = 1;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    rows.Add((rowLine, fields));
                    fields = [];
                    rowLine = ++line;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            rows.Add((rowLine, fields));
        }

        rows.RemoveAll(r => r.Fields is [""]);
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
