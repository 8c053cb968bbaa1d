using System.Globalization;

namespace Movilidad.Dynamics.Analysis;

/// <summary>An observed series a calibration fits: a model variable's values at some times, with a weight.</summary>
/// <param name="Variable">The model variable, as the model names it.</param>
/// <param name="Times">The times of the observations, in the model's time unit.</param>
/// <param name="Values">The observed values.</param>
/// <param name="Weight">How much its errors count in the payoff.</param>
public sealed record ObservedSeries(string Variable, IReadOnlyList<double> Times, IReadOnlyList<double> Values, double Weight = 1);

/// <summary>Reads observed series from a CSV file: a time column, then one column per observed variable.</summary>
public static class ObservedData
{
    /// <summary>
    /// Reads a table whose first column is the time and each other column a model variable (its header is the
    /// variable's name). An empty cell is a missing observation. A row whose first cell is <c>weight</c> gives
    /// each column's weight (1 when absent). Separators: comma, semicolon or tab.
    /// </summary>
    /// <exception cref="AnalysisException">A cell is not a number, a time repeats, or there is nothing observed, naming the line and column.</exception>
    public static IReadOnlyList<ObservedSeries> ReadCsv(TextReader reader, string fileName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = reader.ReadLine() ?? throw new AnalysisException(new Diagnostic(DiagnosticCode.ObservedFileEmpty, ("file", fileName)));
        var separator = header.Contains('\t', StringComparison.Ordinal) ? '\t' : header.Contains(';', StringComparison.Ordinal) ? ';' : ',';
        var names = Split(header, separator);
        if (names.Length < 2)
        {
            throw new AnalysisException(new Diagnostic(DiagnosticCode.ObservedHeader, ("file", fileName)));
        }

        var times = names.Skip(1).Select(_ => new List<double>()).ToArray();
        var values = names.Skip(1).Select(_ => new List<double>()).ToArray();
        var weights = names.Skip(1).Select(_ => 1.0).ToArray();
        var seen = new HashSet<double>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var cells = Split(line, separator);
            var isWeight = cells[0].Equals("weight", StringComparison.OrdinalIgnoreCase) || cells[0].Equals("peso", StringComparison.OrdinalIgnoreCase);
            var time = 0.0;
            if (!isWeight && !TryNumber(cells[0], out time))
            {
                throw new AnalysisException(new Diagnostic(DiagnosticCode.ObservedNotATime, ("file", fileName), ("line", lineNumber), ("column", names[0]), ("value", cells[0])));
            }

            if (!isWeight && !seen.Add(time))
            {
                throw new AnalysisException(new Diagnostic(DiagnosticCode.ObservedTimeTwice, ("file", fileName), ("line", lineNumber), ("time", time)));
            }

            for (var c = 1; c < names.Length; c++)
            {
                var cell = c < cells.Length ? cells[c] : string.Empty;
                if (cell.Length == 0)
                {
                    continue;
                }

                if (!TryNumber(cell, out var value))
                {
                    throw new AnalysisException(new Diagnostic(DiagnosticCode.ObservedNotANumber, ("file", fileName), ("line", lineNumber), ("column", names[c]), ("cell", cell)));
                }

                if (isWeight)
                {
                    weights[c - 1] = value >= 0 ? value : throw new AnalysisException(new Diagnostic(DiagnosticCode.ObservedNegativeWeight, ("file", fileName), ("line", lineNumber), ("column", names[c])));
                }
                else
                {
                    times[c - 1].Add(time);
                    values[c - 1].Add(value);
                }
            }
        }

        var series = new List<ObservedSeries>();
        for (var c = 1; c < names.Length; c++)
        {
            if (times[c - 1].Count > 0)
            {
                series.Add(new ObservedSeries(names[c], times[c - 1], values[c - 1], weights[c - 1]));
            }
        }

        return series.Count > 0 ? series : throw new AnalysisException(new Diagnostic(DiagnosticCode.ObservedNoValue, ("file", fileName)));
    }

    /// <summary>Reads a CSV file of observations (see <see cref="ReadCsv(TextReader, string)"/>).</summary>
    public static IReadOnlyList<ObservedSeries> ReadCsv(string path)
    {
        using var reader = new StreamReader(path);
        return ReadCsv(reader, Path.GetFileName(path));
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static string[] Split(string line, char separator) =>
        [.. line.Split(separator).Select(cell => cell.Trim().Trim('"').Trim())];
}
