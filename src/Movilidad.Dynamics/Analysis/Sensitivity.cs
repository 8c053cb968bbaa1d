
namespace Movilidad.Dynamics.Analysis;

/// <summary>How the sample of a sensitivity run is drawn.</summary>
public enum Sampling
{
    /// <summary>Latin hypercube: each constant's range cut into as many equally likely strata as runs, one draw in each.</summary>
    LatinHypercube,

    /// <summary>Independent draws.</summary>
    Random,
}

/// <summary>A constant varied in a sensitivity run, with the distribution its values are drawn from.</summary>
/// <param name="Name">The constant, as the model names it (<c>name[a]</c> for one element of an array).</param>
/// <param name="Distribution">Where its values come from.</param>
public sealed record Variation(string Name, Distribution Distribution)
{
    /// <summary>Reads <c>NAME=DISTRIBUTION(...)</c>, as <c>--vary</c> gives it.</summary>
    /// <exception cref="AnalysisException">The text has no name or no valid distribution.</exception>
    public static Variation Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new AnalysisException(new Diagnostic(DiagnosticCode.VaryNotDistribution, ("text", text)));
        }

        return new Variation(text[..equals].Trim(), Distribution.Parse(text[(equals + 1)..].Trim()));
    }
}

/// <summary>How a sensitivity (Monte Carlo) run is made.</summary>
public sealed record SensitivityOptions
{
    /// <summary>How many runs; at most <see cref="Sensitivity.MaxRuns"/>.</summary>
    public int Runs { get; init; } = 200;

    /// <summary>Seeds the sample; run <c>i</c>'s random functions get the seed <c>Seed + i</c>, so a set reproduces exactly.</summary>
    public int Seed { get; init; }

    /// <summary>Latin hypercube (default) or independent draws.</summary>
    public Sampling Sampling { get; init; } = Sampling.LatinHypercube;

    /// <summary>The variables whose bands are computed (an array name takes every element); every saved variable when null.</summary>
    public IReadOnlyList<string>? Save { get; init; }

    /// <summary>Times, method and fixed overrides shared by every run (its own <see cref="SimulationOptions.Seed"/> is replaced).</summary>
    public SimulationOptions Simulation { get; init; } = new();

    /// <summary>How many runs go at once; every core when unset.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>Receives the number of runs finished, about a hundred times per set.</summary>
    public IProgress<int>? Progress { get; init; }
}

/// <summary>
/// Monte Carlo sensitivity analysis: draws the varied constants, runs the model once per draw in parallel (one
/// reusable buffer per thread, nothing allocated per run), and gives percentile bands of every saved variable at
/// every saved time and the rank correlation of each input with each output.
/// </summary>
public static class Sensitivity
{
    /// <summary>The largest number of runs a set may have.</summary>
    public const int MaxRuns = 100_000;

    /// <summary>The largest number of values (runs × saved times × variables) a set may keep, about 400 MB.</summary>
    public const long MaxValues = 50_000_000;

    /// <summary>The percentiles of the bands: 5, 25, 50, 75 and 95.</summary>
    public static IReadOnlyList<double> BandPercentiles { get; } = [5, 25, 50, 75, 95];

    /// <summary>
    /// Draws <paramref name="runs"/> values of each distribution: row <c>i</c> holds run <c>i</c>'s values. The same
    /// seed gives the same sample.
    /// </summary>
    public static double[,] Sample(IReadOnlyList<Distribution> distributions, int runs, Sampling sampling, int seed)
    {
        ArgumentNullException.ThrowIfNull(distributions);
        ArgumentOutOfRangeException.ThrowIfNegative(runs);
        var random = new Random(seed);
        var sample = new double[runs, distributions.Count];
        var strata = new int[runs];
        for (var j = 0; j < distributions.Count; j++)
        {
            for (var i = 0; i < runs; i++)
            {
                strata[i] = i;
            }

            if (sampling == Sampling.LatinHypercube)
            {
                random.Shuffle(strata);
            }

            for (var i = 0; i < runs; i++)
            {
                var u = sampling == Sampling.LatinHypercube ? (strata[i] + random.NextDouble()) / runs : random.NextDouble();
                sample[i, j] = distributions[j].Quantile(Math.Clamp(u, 1e-12, 1 - 1e-12));
            }
        }

        return sample;
    }

    /// <summary>Runs the set and gathers its results.</summary>
    /// <exception cref="AnalysisException">Too many runs or values, no variation, or a distribution that describes none.</exception>
    /// <exception cref="ModelException">A name is not a constant of the model, or a run fails.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static SensitivityResult Run(CompiledModel model, IReadOnlyList<Variation> variations, SensitivityOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(variations);
        ArgumentNullException.ThrowIfNull(options);
        var runs = options.Runs;
        if (runs < 1 || runs > MaxRuns)
        {
            throw new AnalysisException(new Diagnostic(DiagnosticCode.SensitivityRunsOutOfRange, ("runs", runs), ("limit", MaxRuns)));
        }

        if (variations.Count == 0)
        {
            throw new AnalysisException(new Diagnostic(DiagnosticCode.NoConstantToVary));
        }

        foreach (var variation in variations)
        {
            variation.Distribution.Validate();
        }

        var parameters = model.Parameters([.. variations.Select(v => v.Name)]);
        var probe = model.CreateBuffer(options.Save);
        model.Run(probe, parameters, [.. variations.Select(v => v.Distribution.Quantile(0.5))], options.Simulation with { Seed = options.Seed }, cancellationToken);
        var rows = probe.RowCount;
        var columns = probe.Names.Count;
        var total = (long)runs * rows * columns;
        if (total > MaxValues)
        {
            throw new AnalysisException(new Diagnostic(DiagnosticCode.SensitivityTooManyValues, ("runs", runs), ("rows", rows), ("columns", columns), ("total", total), ("limit", MaxValues)));
        }

        var sample = Sample([.. variations.Select(v => v.Distribution)], runs, options.Sampling, options.Seed);
        var values = new double[total];
        var done = 0;
        var step = Math.Max(1, runs / 100);
        model.RunMany(
            runs,
            parameters,
            (run, target) =>
            {
                for (var j = 0; j < target.Length; j++)
                {
                    target[j] = sample[run, j];
                }
            },
            (run, buffer) =>
            {
                for (var c = 0; c < columns; c++)
                {
                    var series = buffer.Column(c);
                    var offset = (long)c * rows * runs;
                    for (var r = 0; r < rows; r++)
                    {
                        values[offset + ((long)r * runs) + run] = series[r];
                    }
                }

                var finished = Interlocked.Increment(ref done);
                if (finished % step == 0 || finished == runs)
                {
                    options.Progress?.Report(finished);
                }
            },
            new BatchOptions { Simulation = options.Simulation with { Seed = options.Seed }, Save = options.Save, MaxDegreeOfParallelism = options.MaxDegreeOfParallelism },
            cancellationToken);

        return new SensitivityResult(variations, sample, options.Seed, options.Sampling, probe.Names, probe.Times.ToArray(), values);
    }
}
