using System.Globalization;
using System.Text;

namespace Movilidad.Dynamics.Analysis;

/// <summary>A named set of overrides of a model's constants and lookups, as a Vensim changes file (<c>.cin</c>) holds them.</summary>
/// <param name="Name">The scenario's name (a changes file's name without its extension).</param>
/// <param name="Constants">New values of constants, by name (<c>name[a]</c> for one element).</param>
/// <param name="Lookups">New tables of lookups, by name.</param>
public sealed record Scenario(string Name, IReadOnlyDictionary<string, double> Constants, IReadOnlyDictionary<string, DataSeries> Lookups)
{
    /// <summary>The options with this scenario's overrides on top of theirs (the scenario wins where both set a name).</summary>
    public SimulationOptions ApplyTo(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var constants = new Dictionary<string, double>(options.Constants, StringComparer.Ordinal);
        foreach (var (name, value) in Constants)
        {
            constants[name] = value;
        }

        var lookups = new Dictionary<string, DataSeries>(options.Lookups, StringComparer.Ordinal);
        foreach (var (name, table) in Lookups)
        {
            lookups[name] = table;
        }

        return options with { Constants = constants, Lookups = lookups };
    }
}

/// <summary>
/// Reads Vensim changes files (<c>.cin</c>): one change per line, <c>name = number</c> for a constant (or an array
/// element, <c>name[a] = number</c>) and <c>name((x1,y1),(x2,y2),...)</c> or <c>name = ((x1,y1),...)</c> for a
/// lookup (an optional <c>[(xmin,ymin)-(xmax,ymax)]</c> range is skipped); <c>{comments}</c> and anything after a
/// <c>~</c> are ignored; a lookup may span lines.
/// </summary>
public static class ChangesFile
{
    /// <summary>Reads a changes file.</summary>
    /// <exception cref="AnalysisException">A line is not a change, naming the file and line.</exception>
    public static Scenario Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Read(File.ReadAllText(path), Path.GetFileName(path));
    }

    /// <summary>Reads the text of a changes file; <paramref name="fileName"/> names the scenario and the errors.</summary>
    /// <exception cref="AnalysisException">A line is not a change, naming the file and line.</exception>
    public static Scenario Read(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var constants = new Dictionary<string, double>(StringComparer.Ordinal);
        var lookups = new Dictionary<string, DataSeries>(StringComparer.Ordinal);
        foreach (var (statement, line) in Statements(text, fileName))
        {
            var open = statement.IndexOf('(', StringComparison.Ordinal);
            var equals = statement.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && (open < 0 || equals < open))
            {
                var name = statement[..equals].Trim();
                var value = statement[(equals + 1)..].Trim();
                if (value.StartsWith('('))
                {
                    lookups[name] = Table(value, fileName, line);
                }
                else if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
                {
                    constants[name] = number;
                }
                else
                {
                    throw new AnalysisException(new Diagnostic(DiagnosticCode.ChangeNotNumber, ("file", fileName), ("line", line), ("value", value)));
                }
            }
            else if (open > 0)
            {
                lookups[statement[..open].Trim()] = Table(statement[open..], fileName, line);
            }
            else
            {
                throw new AnalysisException(new Diagnostic(DiagnosticCode.ChangeNotAChange, ("file", fileName), ("line", line), ("statement", statement)));
            }
        }

        return new Scenario(Path.GetFileNameWithoutExtension(fileName), constants, lookups);
    }

    /// <summary>The changes with the line each starts on: comments removed, a change ending at a line end outside parentheses (or at '|').</summary>
    private static IEnumerable<(string Statement, int Line)> Statements(string text, string fileName)
    {
        var current = new StringBuilder();
        var depth = 0;
        var comment = 0;
        var line = 1;
        var start = 1;
        var skipping = false;
        foreach (var c in text + "\n")
        {
            if (comment > 0)
            {
                comment += c == '{' ? 1 : c == '}' ? -1 : 0;
            }
            else if (c == '{')
            {
                comment = 1;
            }
            else if (c == '~')
            {
                skipping = true;
            }
            else if ((c == '\n' && depth == 0) || c == '|')
            {
                skipping = false;
                if (current.ToString().Trim() is { Length: > 0 } statement)
                {
                    yield return (statement, start);
                }

                current.Clear();
            }
            else if (!skipping && c != '\r' && c != '\\' && (current.Length > 0 || !char.IsWhiteSpace(c)))
            {
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (depth < 0)
                {
                    throw new AnalysisException(new Diagnostic(DiagnosticCode.ChangeUnopenedParenthesis, ("file", fileName), ("line", line)));
                }

                if (current.Length == 0)
                {
                    start = line;
                }

                current.Append(c == '\n' ? ' ' : c);
            }

            if (c == '\n')
            {
                line++;
            }
        }

        if (depth > 0)
        {
            throw new AnalysisException(new Diagnostic(DiagnosticCode.ChangeUnclosedParenthesis, ("file", fileName), ("start", start)));
        }
    }

    /// <summary>The points of a lookup: every (x,y) pair, skipping a [(xmin,ymin)-(xmax,ymax)] range.</summary>
    private static DataSeries Table(string text, string fileName, int line)
    {
        var range = text.IndexOf('[', StringComparison.Ordinal);
        if (range >= 0)
        {
            var end = text.IndexOf(']', range);
            text = end > range ? text[..range] + text[(end + 1)..] : text;
        }

        var x = new List<double>();
        var y = new List<double>();
        var position = 0;
        while ((position = text.IndexOf('(', position)) >= 0)
        {
            var close = text.IndexOf(')', position);
            var inner = text[(position + 1)..close].Trim();
            position++;
            if (inner.Length == 0 || inner.Contains('(', StringComparison.Ordinal))
            {
                continue;
            }

            var parts = inner.Split(',');
            if (parts.Length != 2 || !Number(parts[0], out var px) || !Number(parts[1], out var py))
            {
                throw new AnalysisException(new Diagnostic(DiagnosticCode.ChangeNotAPoint, ("file", fileName), ("line", line), ("point", inner)));
            }

            if (x.Count > 0 && px <= x[^1])
            {
                throw new AnalysisException(new Diagnostic(DiagnosticCode.ChangeLookupNotIncreasing, ("file", fileName), ("line", line), ("x", px), ("previous", x[^1])));
            }

            x.Add(px);
            y.Add(py);
        }

        return x.Count > 0 ? new DataSeries(x, y) : throw new AnalysisException(new Diagnostic(DiagnosticCode.ChangeLookupWithoutPoints, ("file", fileName), ("line", line)));
    }

    private static bool Number(string text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
