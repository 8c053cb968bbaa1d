using System.Globalization;
using System.Text;

namespace Movilidad.Dynamics.Analysis;

/// <summary>
/// The runs of a sensitivity set: the sample drawn, each run's seed, and every saved value, from which percentile
/// bands and rank correlations are computed.
/// </summary>
public sealed class SensitivityResult
{
    private readonly double[,] _sample;
    private readonly double[] _values;

    internal SensitivityResult(IReadOnlyList<Variation> inputs, double[,] sample, int seed, Sampling sampling, IReadOnlyList<string> names, double[] times, double[] values)
    {
        Inputs = inputs;
        _sample = sample;
        Seed = seed;
        Sampling = sampling;
        Names = names;
        Times = times;
        _values = values;
    }

    /// <summary>The constants varied, in the order of the sample's columns.</summary>
    public IReadOnlyList<Variation> Inputs { get; }

    /// <summary>The seed of the set.</summary>
    public int Seed { get; }

    /// <summary>How the sample was drawn.</summary>
    public Sampling Sampling { get; }

    /// <summary>How many runs were made.</summary>
    public int Runs => _sample.GetLength(0);

    /// <summary>The saved variables (one per array element).</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The saved times, the same in every run.</summary>
    public IReadOnlyList<double> Times { get; }

    /// <summary>The seed run <paramref name="run"/>'s random functions were given: running the model with it and <see cref="Input"/>'s values reproduces the run exactly.</summary>
    public int RunSeed(int run) => unchecked(Seed + run);

    /// <summary>The value input <paramref name="input"/> took in run <paramref name="run"/>.</summary>
    public double Input(int run, int input) => _sample[run, input];

    /// <summary>The value of variable <paramref name="variable"/> at saved time <paramref name="row"/> in run <paramref name="run"/>.</summary>
    public double Value(int variable, int row, int run) => _values[Offset(variable, row) + run];

    /// <summary>The column of a variable, -1 when it was not saved.</summary>
    public int IndexOf(string name)
    {
        var canonical = Equations.Names.Canonical(name);
        for (var i = 0; i < Names.Count; i++)
        {
            if (Equations.Names.Canonical(Names[i]) == canonical)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The percentiles (0 to 100) of a variable at one saved time over the runs, interpolating linearly between
    /// order statistics (Hyndman and Fan's definition 7, as spreadsheets compute them). Runs where the variable is
    /// not a number are left out (<see cref="NotANumber"/> counts them).
    /// </summary>
    public double[] Percentiles(int variable, int row, IReadOnlyList<double> percentiles)
    {
        ArgumentNullException.ThrowIfNull(percentiles);
        var all = _values.AsSpan(Offset(variable, row), Runs).ToArray();
        Array.Sort(all);
        // A run whose variable is not a number (a square root of a negative, 0/0) is left out of the band; sorting puts NaN first.
        var sorted = all.AsSpan(all.AsSpan().LastIndexOf(double.NaN) + 1).ToArray();
        var result = new double[percentiles.Count];
        if (sorted.Length == 0)
        {
            Array.Fill(result, double.NaN);
            return result;
        }

        for (var i = 0; i < percentiles.Count; i++)
        {
            result[i] = Percentile(sorted, percentiles[i]);
        }

        return result;
    }

    /// <summary>How many runs gave a variable a value that is not a number at one saved time.</summary>
    public int NotANumber(int variable, int row)
    {
        var count = 0;
        foreach (var value in _values.AsSpan(Offset(variable, row), Runs))
        {
            count += double.IsNaN(value) ? 1 : 0;
        }

        return count;
    }

    /// <summary>The band (5, 25, 50, 75, 95th percentiles) of a variable at one saved time.</summary>
    public double[] Band(int variable, int row) => Percentiles(variable, row, Sensitivity.BandPercentiles);

    /// <summary>
    /// Spearman's rank correlation between input <paramref name="input"/> and a variable at one saved time over the
    /// runs (ties get their mean rank); 0 when either does not vary.
    /// </summary>
    public double RankCorrelation(int input, int variable, int row)
    {
        var x = new double[Runs];
        for (var run = 0; run < Runs; run++)
        {
            x[run] = _sample[run, input];
        }

        return Statistics.Pearson(Statistics.Ranks(x), Statistics.Ranks(_values.AsSpan(Offset(variable, row), Runs).ToArray()));
    }

    /// <summary>Writes <c>Time,Variable,P5,P25,P50,P75,P95</c>, one line per saved time and variable.</summary>
    public void WriteBands(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("Time,Variable,P5,P25,P50,P75,P95");
        var line = new StringBuilder();
        for (var row = 0; row < Times.Count; row++)
        {
            for (var variable = 0; variable < Names.Count; variable++)
            {
                line.Clear();
                line.Append(Times[row].ToString("R", CultureInfo.InvariantCulture)).Append(',').Append(Csv(Names[variable]));
                foreach (var value in Band(variable, row))
                {
                    line.Append(',').Append(value.ToString("R", CultureInfo.InvariantCulture));
                }

                writer.WriteLine(line);
            }
        }
    }

    /// <summary>Writes the sample: <c>Run,Seed</c> and one column per input, so each run can be reproduced.</summary>
    public void WriteSample(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("Run,Seed," + string.Join(',', Inputs.Select(i => Csv(i.Name))));
        for (var run = 0; run < Runs; run++)
        {
            var line = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"{run},{RunSeed(run)}"));
            for (var input = 0; input < Inputs.Count; input++)
            {
                line.Append(',').Append(Input(run, input).ToString("R", CultureInfo.InvariantCulture));
            }

            writer.WriteLine(line);
        }
    }

    private static string Csv(string text) => text.Contains(',', StringComparison.Ordinal) || text.Contains('"', StringComparison.Ordinal) ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    private int Offset(int variable, int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(variable);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(variable, Names.Count);
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Times.Count);
        return checked((((variable * Times.Count) + row) * Runs));
    }

    private static double Percentile(double[] sorted, double percentile)
    {
        var position = percentile / 100 * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
