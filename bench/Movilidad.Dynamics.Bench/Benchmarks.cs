using BenchmarkDotNet.Attributes;

namespace Movilidad.Dynamics.Bench;

/// <summary>Parsing and compiling generated models of 1,000 and 10,000 variables.</summary>
[MemoryDiagnoser]
public class CompileBenchmarks
{
    private string _text = string.Empty;

    [Params(1_000, 10_000)]
    public int Variables { get; set; }

    [GlobalSetup]
    public void Setup() => _text = GeneratedModel.Mdl(Variables);

    [Benchmark]
    public CompiledModel ParseAndCompile()
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(_text));
        return SystemDynamicsModel.Load(stream, "generated.mdl").Compile();
    }
}

/// <summary>1,000 Euler steps of generated models and of the largest suite models; allocation is measured per run.</summary>
[MemoryDiagnoser]
public class StepBenchmarks
{
    private CompiledModel _model = null!;
    private SimulationOptions _options = new();

    [Params("generated-1000", "generated-10000", "samples/Population/Subscripted Population Model.mdl", "tests/subscript_3d_arrays/test_subscript_3d_arrays.mdl")]
    public string Model { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _model = Model.StartsWith("generated-", StringComparison.Ordinal)
            ? GeneratedModel.Load(int.Parse(Model["generated-".Length..], System.Globalization.CultureInfo.InvariantCulture)).Compile()
            : SystemDynamicsModel.Load(Path.Combine(SuiteFolder.Root, Model)).Compile();
        _options = new SimulationOptions { Start = 0, Stop = 1000, Dt = 1, SaveStep = 1000 };
    }

    [Benchmark(Description = "1,000 steps")]
    public SimulationResult ThousandSteps() => _model.Run(_options);
}

/// <summary>1,000 runs of a 100-variable model with different constants, in parallel.</summary>
[MemoryDiagnoser]
public class ParallelRunsBenchmark
{
    private CompiledModel _model = null!;

    [GlobalSetup]
    public void Setup() => _model = GeneratedModel.Load(100).Compile();

    [Benchmark(Description = "1,000 runs of 100 variables")]
    public double ThousandRuns()
    {
        var totals = new double[1000];
        Parallel.For(0, totals.Length, i =>
        {
            var options = new SimulationOptions
            {
                Constants = new Dictionary<string, double> { ["c0"] = 1 + (i % 10), ["c1"] = 2 + (i % 5) },
            };
            var result = _model.Run(options);
            totals[i] = result[result.Times.Count - 1, 0];
        });
        return totals.Sum();
    }
}
