using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using Movilidad.Dynamics;
using Movilidad.Dynamics.Bench;

// "quick" prints the headline figures measured in processor time (the machine is shared, so wall time
// says more about the neighbours than about the engine); anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "quick")
{
    Quick();
    return;
}

// "analysis" times 1,000 Monte Carlo runs of the reference model and a 5-constant calibration of a 100-variable model.
if (args.Length == 1 && args[0] == "analysis")
{
    Analysis();
    return;
}

// "sde [SECONDS]" builds SDEverywhere's C for the published models (npm, cc) and times it side by side with the engine.
if (args.Length is 1 or 2 && args[0] == "sde")
{
    SdeComparison.Run(Console.Out, args.Length == 2 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 1);
    return;
}

// "published" times whole runs of WORLD3-03, C-LEARN and SIR (every variable saved, and none).
if (args.Length == 1 && args[0] == "published")
{
    foreach (var (name, path) in PublishedModels.All)
    {
        var compiled = SystemDynamicsModel.Load(path).Compile();
        var all = PublishedModels.Time(compiled, saveAll: true, TimeSpan.FromSeconds(2));
        var none = PublishedModels.Time(compiled, saveAll: false, TimeSpan.FromSeconds(2));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {all.Steps} steps, {all.Saved} variables saved: {all.PerThousandSteps:0.000} ms per 1,000 steps ({all.Runs} runs); saving off: {none.PerThousandSteps:0.000} ms ({none.Runs} runs)"));
    }

    return;
}

// "runs NAME SECONDS [all]" repeats whole runs of one published model (WORLD3-03, C-LEARN, SIR), saving nothing or
// every variable, for a profiler.
if (args.Length is 3 or 4 && args[0] == "runs")
{
    var (_, path) = PublishedModels.All.Single(m => m.Name.Equals(args[1], StringComparison.OrdinalIgnoreCase));
    var compiled = SystemDynamicsModel.Load(path).Compile();
    var saveAll = args.Length == 4 && args[3] == "all";
    var timing = PublishedModels.Time(compiled, saveAll, TimeSpan.FromSeconds(double.Parse(args[2], CultureInfo.InvariantCulture)));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{args[1]}: {timing.PerThousandSteps:0.000} ms per 1,000 steps, {(saveAll ? "every variable saved" : "saving off")} ({timing.Runs} runs)"));
    return;
}

// "steps VARIABLES|SUITE-PATH COUNT" only runs one model, for a profiler (perf, valgrind) to look at the step loop.
if (args.Length == 3 && args[0] == "steps")
{
    var model = (int.TryParse(args[1], CultureInfo.InvariantCulture, out var variables)
        ? GeneratedModel.Load(variables)
        : SystemDynamicsModel.Load(Path.Combine(SuiteFolder.Root, args[1]))).Compile();
    var result = model.Run(new SimulationOptions { Start = 0, Stop = int.Parse(args[2], CultureInfo.InvariantCulture), Dt = 1, SaveStep = 1_000_000 });
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{model.EquationsPerStep} equations/step, last value {result[result.Times.Count - 1, 0]}"));
    return;
}

// "write VARIABLES FILE" saves a generated model, to time the command line on it (`time movilidad sd run FILE`).
if (args.Length == 3 && args[0] == "write")
{
    File.WriteAllText(args[2], GeneratedModel.Mdl(int.Parse(args[1], CultureInfo.InvariantCulture)));
    return;
}

// "cold FILE" times the first parse, compile and run of a model file in a fresh process (JIT included).
if (args.Length == 2 && args[0] == "cold")
{
    var clock = new ProcessorClock();
    var wall = Stopwatch.StartNew();
    var loaded = SystemDynamicsModel.Load(args[1]);
    var (parseCpu, parseWall) = (clock.Elapsed, wall.Elapsed);
    var compiled = loaded.Compile();
    var (compileCpu, compileWall) = (clock.Elapsed, wall.Elapsed);
    compiled.Run();
    var (runCpu, runWall) = (clock.Elapsed, wall.Elapsed);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"parse {parseCpu.TotalMilliseconds:0} ms, compile {(compileCpu - parseCpu).TotalMilliseconds:0} ms, first run {(runCpu - compileCpu).TotalMilliseconds:0} ms processor; {parseWall.TotalMilliseconds:0} / {(compileWall - parseWall).TotalMilliseconds:0} / {(runWall - compileWall).TotalMilliseconds:0} ms wall"));
    return;
}

// "compile VARIABLES TIMES" parses and compiles a generated model again and again, for a profiler.
if (args.Length == 3 && args[0] == "compile")
{
    var text = GeneratedModel.Mdl(int.Parse(args[1], CultureInfo.InvariantCulture));
    for (var i = 0; i < int.Parse(args[2], CultureInfo.InvariantCulture); i++)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        SystemDynamicsModel.Load(stream, "generated.mdl").Compile();
    }

    return;
}

BenchmarkSwitcher.FromAssembly(typeof(CompileBenchmarks).Assembly).Run(args);

static void Quick()
{
    foreach (var path in new[] { "samples/Population/Subscripted Population Model.mdl", "tests/subscript_3d_arrays/test_subscript_3d_arrays.mdl" })
    {
        var model = SystemDynamicsModel.Load(Path.Combine(SuiteFolder.Root, path)).Compile();
        var options = new SimulationOptions { Start = 0, Stop = 10_000, Dt = 1, SaveStep = 10_000 };
        for (var warmup = 0; warmup < 3; warmup++)
        {
            model.Run(options with { Stop = 2_000 });
        }

        var clock = new ProcessorClock();
        model.Run(options);
        var run = clock.Elapsed;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{path}: {model.EquationsPerStep} equations/step, 1,000 steps {run.TotalMilliseconds / 10:0.000} ms, {model.EquationsPerStep * 10_000.0 / run.TotalSeconds / 1e6:0} M evaluations/s"));
    }

    var parallelModel = GeneratedModel.Load(100).Compile();
    var parallelClock = Stopwatch.StartNew();
    var parallelCpu = new ProcessorClock();
    Parallel.For(0, 1_000, i => parallelModel.Run(new SimulationOptions { Constants = new Dictionary<string, double> { ["c0"] = 1 + (i % 10) } }));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"1,000 parallel runs of a {parallelModel.EquationsPerStep}-equation model (1,000 steps each): {parallelClock.Elapsed.TotalMilliseconds:0} ms wall, {parallelCpu.Elapsed.TotalMilliseconds:0} ms processor"));

    foreach (var variables in new[] { 1_000, 10_000 })
    {
        var text = GeneratedModel.Mdl(variables);
        // The first compile also JIT-compiles the compiler; measure the second, as BenchmarkDotNet would.
        GeneratedModel.Load(variables).Compile();
        var clock = new ProcessorClock();
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        var parsed = SystemDynamicsModel.Load(stream, "generated.mdl");
        var parse = clock.Elapsed;
        var model = parsed.Compile();
        var compile = clock.Elapsed;
        var options = new SimulationOptions { Start = 0, Stop = 10_000, Dt = 1, SaveStep = 10_000 };
        // Compile leaves a large model's generated methods as machine code (made on every core); its first run still
        // computes the initial values by walking their expression tree.
        model.Run(options with { Stop = 1 });
        var firstRun = clock.Elapsed;
        for (var warmup = 0; warmup < 3; warmup++)
        {
            model.Run(options with { Stop = 2_000 });
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        clock.Restart();
        model.Run(options);
        var run = clock.Elapsed;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var evaluations = model.EquationsPerStep * 10_000.0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{variables} variables: {model.EquationsPerStep} equations/step, parse {parse.TotalMilliseconds:0} ms + compile with machine code {(compile - parse).TotalMilliseconds:0} ms, first 1-step run {(firstRun - compile).TotalMilliseconds:0} ms, 1,000 steps {run.TotalMilliseconds / 10:0.000} ms, {evaluations / run.TotalSeconds / 1e6:0} M evaluations/s, {allocated} bytes for a 10,000-step run"));
    }
}

static void Analysis()
{
    Console.WriteLine($"load average at start: {File.ReadAllText("/proc/loadavg").Trim()}; {Environment.ProcessorCount} cores");
    var reference = SystemDynamicsModel.Load(AnalysisWorkloads.ReferenceModel).Compile();
    AnalysisWorkloads.MonteCarlo(reference, 200);
    for (var round = 1; round <= 5; round++)
    {
        var (wall, cpu) = (Stopwatch.StartNew(), new ProcessorClock());
        var result = AnalysisWorkloads.MonteCarlo(reference, 1000);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Monte Carlo round {round}: {result.Runs:N0} runs x {result.Names.Count} variables x {result.Times.Count} saved times, bands computed: {wall.Elapsed.TotalMilliseconds:0} ms wall, {cpu.Elapsed.TotalMilliseconds:0} ms processor"));
    }

    var (model, fit, observed, options) = AnalysisWorkloads.CalibrationProblem();
    Console.WriteLine($"calibration model: {model.EquationsPerStep} equations per step, {model.OutputNames.Count} saved variables");
    for (var round = 1; round <= 3; round++)
    {
        var (wall, cpu) = (Stopwatch.StartNew(), new ProcessorClock());
        var result = Movilidad.Dynamics.Analysis.Calibration.Run(model, fit, observed, options);
        var worst = AnalysisWorkloads.CalibrationTruth.Select((t, i) => Math.Abs(result.Values[i] - t.Truth) / t.Truth).Max();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"calibration round {round}: 5 constants, {result.Evaluations:N0} runs from {options.Starts} starts, worst relative error {worst:0.0e0}: {wall.Elapsed.TotalMilliseconds:0} ms wall, {cpu.Elapsed.TotalMilliseconds:0} ms processor"));
    }

    Console.WriteLine($"load average at end: {File.ReadAllText("/proc/loadavg").Trim()}");
}

/// <summary>Processor time used by this process since the last restart.</summary>
internal sealed class ProcessorClock
{
    private TimeSpan _start = Now();

    public TimeSpan Elapsed => Now() - _start;

    public void Restart() => _start = Now();

    private static TimeSpan Now() => Process.GetCurrentProcess().TotalProcessorTime;
}
