using System.Globalization;

namespace Movilidad.Dynamics.Results;

/// <summary>The first disagreement between a run and a reference output.</summary>
/// <param name="Variable">The reference's column name.</param>
/// <param name="Time">The time of the differing row.</param>
/// <param name="Expected">The reference value.</param>
/// <param name="Actual">The value the engine computed.</param>
public sealed record Mismatch(string Variable, double Time, double Expected, double Actual)
{
    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Variable} at time {Time}: expected {Expected}, got {Actual}");
}

/// <summary>The outcome of comparing a run with a reference output.</summary>
/// <param name="ComparedVariables">How many variables both tables hold.</param>
/// <param name="ComparedRows">How many reference rows had a matching saved time.</param>
/// <param name="FirstMismatch">The first value outside tolerance, or null when all match.</param>
public sealed record ComparisonReport(int ComparedVariables, int ComparedRows, Mismatch? FirstMismatch)
{
    /// <summary>True when something was compared and every compared value matched.</summary>
    public bool Passed => FirstMismatch is null && ComparedVariables > 0 && ComparedRows > 0;
}

/// <summary>
/// PySD's comparison rule: a value matches when |expected - actual| &lt;= 1e-5 + 1e-5·|actual|, NaN matches NaN,
/// and only variables present in both tables and times present in both are compared (in a Vensim .dat reference,
/// only the points it holds).
/// </summary>
public static class ResultComparison
{
    /// <summary>The relative (and absolute) tolerance of PySD's rule.</summary>
    public const double DefaultTolerance = 1e-5;

    /// <summary>
    /// Compares <paramref name="result"/> with <paramref name="reference"/>; <paramref name="relativeTolerance"/>
    /// replaces the rule's relative part for a reference known to be computed less precisely.
    /// </summary>
    public static ComparisonReport Compare(SimulationResult result, ReferenceOutput reference, double relativeTolerance = DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(reference);
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < result.Names.Count; i++)
        {
            columns[ReferenceOutput.NormalizeName(result.Names[i])] = i;
        }

        var rows = new List<(int Reference, int Result)>();
        var resultRow = 0;
        for (var r = 0; r < reference.Times.Count; r++)
        {
            var t = reference.Times[r];
            while (resultRow < result.Times.Count && result.Times[resultRow] < t - TimeTolerance(t))
            {
                resultRow++;
            }

            if (resultRow < result.Times.Count && Math.Abs(result.Times[resultRow] - t) <= TimeTolerance(t))
            {
                rows.Add((r, resultRow));
            }
        }

        var compared = 0;
        Mismatch? first = null;
        foreach (var (row, resultIndex) in rows)
        {
            for (var c = 0; c < reference.Names.Count; c++)
            {
                if (!reference.HasPoint(c, row) || !columns.TryGetValue(ReferenceOutput.NormalizeName(reference.Names[c]), out var column))
                {
                    continue;
                }

                var expected = reference.Columns[c][row];
                var actual = result[resultIndex, column];
                if (!Matches(expected, actual, relativeTolerance))
                {
                    first ??= new Mismatch(reference.Names[c], reference.Times[row], expected, actual);
                    break;
                }
            }

            if (first is not null)
            {
                break;
            }
        }

        for (var c = 0; c < reference.Names.Count; c++)
        {
            if (columns.ContainsKey(ReferenceOutput.NormalizeName(reference.Names[c])))
            {
                compared++;
            }
        }

        return new ComparisonReport(compared, rows.Count, first);
    }

    /// <summary>PySD's rule for one value, with its relative tolerance optionally replaced.</summary>
    public static bool Matches(double expected, double actual, double relativeTolerance = DefaultTolerance)
    {
        if (double.IsNaN(expected) || double.IsNaN(actual))
        {
            return double.IsNaN(expected) && double.IsNaN(actual);
        }

        if (double.IsInfinity(expected) || double.IsInfinity(actual))
        {
            return expected.Equals(actual);
        }

        return Math.Abs(expected - actual) <= DefaultTolerance + (relativeTolerance * Math.Abs(actual));
    }

    private static double TimeTolerance(double t) => 1e-9 * Math.Max(1, Math.Abs(t));
}
