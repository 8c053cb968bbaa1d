using System.Globalization;
using System.Text;
using Canonical = Movilidad.Dynamics.Equations.Names;

namespace Movilidad.Dynamics.Results;

/// <summary>
/// A table of time series as modelling tools write them: Vensim .tab, .csv (time column first, one column per variable)
/// or Vensim .dat (a name line, then time/value lines). Line endings may be CR, LF or CRLF; text may be UTF-8 or Latin-1.
/// </summary>
public sealed class ReferenceOutput
{
    private readonly bool[][]? _points;

    private ReferenceOutput(IReadOnlyList<string> names, double[] times, double[][] columns, bool[][]? points = null)
    {
        Names = names;
        Times = times;
        Columns = columns;
        _points = points;
    }

    /// <summary>Column names, the time column excluded.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The time of each row.</summary>
    public IReadOnlyList<double> Times { get; }

    /// <summary>Values by column then row; NaN where the file has no number.</summary>
    public IReadOnlyList<double[]> Columns { get; }

    /// <summary>
    /// Whether the file gives a value for this column at this row. A table (.tab, .csv) gives one in every row; a
    /// .dat file only where Vensim wrote a point (a constant at the initial time, a data variable at its data
    /// points), and a comparison looks only there.
    /// </summary>
    public bool HasPoint(int column, int row) => _points is null || _points[column][row];

    /// <summary>Reads a .tab, .csv or .dat file.</summary>
    /// <exception cref="ModelException">The file is missing or has no time column.</exception>
    public static ReferenceOutput Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ModelException(new Diagnostic(DiagnosticCode.ReferenceFileMissing), path, null, null);
        }

        var bytes = File.ReadAllBytes(path);
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.Latin1.GetString(bytes);
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n')
            .Where(l => l.Trim().Length > 0).ToList();
        if (Path.GetExtension(path).Equals(".dat", StringComparison.OrdinalIgnoreCase))
        {
            return ParseDat(lines, path);
        }

        var separator = Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase) ? ',' : '\t';
        if (lines.Count == 0)
        {
            throw new ModelException(new Diagnostic(DiagnosticCode.DataFileEmpty), path, null, null);
        }

        var header = SplitLine(lines[0], separator);
        var names = header.Skip(1).ToList();
        var times = new List<double>();
        var columns = names.Select(_ => new List<double>()).ToList();
        var blank = new int[names.Count];
        foreach (var line in lines.Skip(1))
        {
            var fields = SplitLine(line, separator);
            if (fields.Count == 0 || !double.TryParse(fields[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var time))
            {
                continue;
            }

            times.Add(time);
            for (var c = 0; c < names.Count; c++)
            {
                var field = c + 1 < fields.Count ? fields[c + 1] : string.Empty;
                if (field.Length == 0)
                {
                    columns[c].Add(double.NaN);
                    blank[c]++;
                    continue;
                }

                columns[c].Add(double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN);
            }
        }

        for (var c = 0; c < names.Count; c++)
        {
            // Vensim writes a constant only on the first row and leaves the others blank.
            if (times.Count > 1 && blank[c] == times.Count - 1 && !double.IsNaN(columns[c][0]))
            {
                for (var r = 1; r < times.Count; r++)
                {
                    columns[c][r] = columns[c][0];
                }
            }
        }

        return new ReferenceOutput(names, [.. times], [.. columns.Select(c => c.ToArray())]);
    }

    /// <summary>The series of each column, keyed by name, for feeding data variables.</summary>
    public IReadOnlyDictionary<string, DataSeries> ToSeries()
    {
        var result = new Dictionary<string, DataSeries>(StringComparer.Ordinal);
        for (var c = 0; c < Names.Count; c++)
        {
            var keep = Enumerable.Range(0, Times.Count).Where(r => !double.IsNaN(Columns[c][r])).ToList();
            result[Names[c]] = new DataSeries([.. keep.Select(r => Times[r])], [.. keep.Select(r => Columns[c][r])]);
        }

        return result;
    }

    /// <summary>A column name reduced to what identifies it: case, quotes, spaces and underscores do not matter.</summary>
    public static string NormalizeName(string name)
    {
        var trimmed = name.Trim().Trim('"');
        var bracket = trimmed.IndexOf('[', StringComparison.Ordinal);
        if (bracket < 0)
        {
            return Canonical.Canonical(trimmed);
        }

        var elements = trimmed[(bracket + 1)..].TrimEnd(']').Split(',').Select(e => Canonical.Canonical(e));
        return Canonical.Canonical(trimmed[..bracket]) + "[" + string.Join(",", elements) + "]";
    }

    private static ReferenceOutput ParseDat(List<string> lines, string path)
    {
        var series = new List<(string Name, List<double> X, List<double> Y)>();
        foreach (var line in lines)
        {
            var fields = line.Split(['\t', ' '], 2, StringSplitOptions.TrimEntries);
            if (fields.Length == 2 &&
                double.TryParse(fields[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var x) &&
                double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var y))
            {
                if (series.Count == 0)
                {
                    throw new ModelException(new Diagnostic(DiagnosticCode.DatFileWithoutName), path, null, null);
                }

                series[^1].X.Add(x);
                series[^1].Y.Add(y);
            }
            else
            {
                series.Add((line.Trim(), [], []));
            }
        }

        var times = series.SelectMany(s => s.X).Distinct().Order().ToArray();
        var columns = new double[series.Count][];
        var points = new bool[series.Count][];
        for (var c = 0; c < series.Count; c++)
        {
            columns[c] = new double[times.Length];
            points[c] = new bool[times.Length];
            Array.Fill(columns[c], double.NaN);
            for (var i = 0; i < series[c].X.Count; i++)
            {
                var row = Array.BinarySearch(times, series[c].X[i]);
                columns[c][row] = series[c].Y[i];
                points[c][row] = true;
            }
        }

        return new ReferenceOutput([.. series.Select(s => s.Name)], times, columns, points);
    }

    private static List<string> SplitLine(string line, char separator)
    {
        var fields = new List<string>();
        var sb = new StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == separator && !quoted)
            {
                fields.Add(sb.ToString().Trim());
                sb.Clear();
            }
            else
            {
                sb.Append(c);
            }
        }

        fields.Add(sb.ToString().Trim());
        return fields;
    }
}
