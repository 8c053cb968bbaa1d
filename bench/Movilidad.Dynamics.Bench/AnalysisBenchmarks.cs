using BenchmarkDotNet.Attributes;
using Movilidad.Dynamics.Analysis;

namespace Movilidad.Dynamics.Bench;

/// <summary>
/// The workloads issue 12 sets targets for: 1,000 Monte Carlo runs of the reference model (every variable saved,
/// bands of every variable at every saved time computed) and a calibration of 5 constants of a generated
/// 100-variable model to data it made itself.
/// </summary>
internal static class AnalysisWorkloads
{
    public static string ReferenceModel { get; } = Path.GetFullPath(Path.Combine(SuiteFolder.Root, "..", "..", "..", "data", "models", "seasonal-agricultural-workers.mdl"));

    public static IReadOnlyList<Variation> ReferenceVariations { get; } =
    [
        Variation.Parse("production growth rate=triangular(0,0.01,0.03)"),
        Variation.Parse("productivity growth rate=uniform(0,0.02)"),
        Variation.Parse("domestic tenure=normal(8,1)"),
        Variation.Parse("wage elasticity of entry=truncnormal(2,1,0,4)"),
        Variation.Parse("maximum rehire share=discrete(0.5,0.6,0.7,0.8)"),
    ];

    /// <summary>The constants fitted, their true values (c0 to c4 of the generated model are 1 to 5) and their ranges.</summary>
    public static IReadOnlyList<(string Name, double Truth)> CalibrationTruth { get; } = [("c0", 1.7), ("c1", 2.6), ("c2", 2.2), ("c3", 4.9), ("c4", 3.5)];

    public static SensitivityResult MonteCarlo(CompiledModel model, int runs)
    {
        var result = Sensitivity.Run(model, ReferenceVariations, new SensitivityOptions { Runs = runs, Seed = 1 });
        result.WriteBands(TextWriter.Null);
        return result;
    }

    public static (CompiledModel Model, FitParameter[] Fit, ObservedSeries[] Observed, CalibrationOptions Options) CalibrationProblem()
    {
        var model = GeneratedModel.Load(100).Compile();
        var simulation = new SimulationOptions { Stop = 50, Dt = 0.25, SaveStep = 5 };
        var truth = model.Run(simulation with { Constants = CalibrationTruth.ToDictionary(t => t.Name, t => t.Truth) });
        var observed = Enumerable.Range(0, 5)
            .Select(i => new ObservedSeries($"total{i}", truth.Times, truth.Series($"total{i}")))
            .ToArray();
        var fit = CalibrationTruth.Select(t => new FitParameter(t.Name, 0.5, 8)).ToArray();
        return (model, fit, observed, new CalibrationOptions { Simulation = simulation, Seed = 1 });
    }
}

/// <summary>BenchmarkDotNet's view of the two analysis workloads (the "analysis" argument prints the headline figures faster).</summary>
[MemoryDiagnoser]
public class AnalysisBenchmarks
{
    private CompiledModel _reference = null!;
    private (CompiledModel Model, FitParameter[] Fit, ObservedSeries[] Observed, CalibrationOptions Options) _calibration;

    [GlobalSetup]
    public void Setup()
    {
        _reference = SystemDynamicsModel.Load(AnalysisWorkloads.ReferenceModel).Compile();
        _calibration = AnalysisWorkloads.CalibrationProblem();
    }

    [Benchmark(Description = "1,000 Monte Carlo runs of the reference model")]
    public int MonteCarlo() => AnalysisWorkloads.MonteCarlo(_reference, 1000).Runs;

    [Benchmark(Description = "5-constant calibration of a 100-variable model")]
    public double Calibration() => Dynamics.Analysis.Calibration.Run(_calibration.Model, _calibration.Fit, _calibration.Observed, _calibration.Options).Payoff;
}
