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

BenchmarkSwitcher.FromAssembly(typeof(CompileBenchmarks).Assembly).Run(args);

static void Quick()
{
    foreach (var variables in new[] { 1_000, 10_000 })
    {
        var text = GeneratedModel.Mdl(variables);
        GeneratedModel.Load(variables).Compile();
        var clock = new ProcessorClock();
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        var parsed = SystemDynamicsModel.Load(stream, "generated.mdl");
        var parse = clock.Elapsed;
        var model = parsed.Compile();
        var compile = clock.Elapsed;
        var options = new SimulationOptions { Start = 0, Stop = 10_000, Dt = 1, SaveStep = 10_000 };
        model.Run(options with { Stop = 100 });
        var before = GC.GetAllocatedBytesForCurrentThread();
        clock.Restart();
        model.Run(options);
        var run = clock.Elapsed;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var evaluations = model.EquationsPerStep * 10_000.0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{variables} variables: {model.EquationsPerStep} equations/step, parse {parse.TotalMilliseconds:0} ms + compile {(compile - parse).TotalMilliseconds:0} ms, 1,000 steps {run.TotalMilliseconds / 10:0.000} ms, {evaluations / run.TotalSeconds / 1e6:0} M evaluations/s, {allocated} bytes for a 10,000-step run"));
    }
}

/// <summary>Processor time used by this process since the last restart.</summary>
internal sealed class ProcessorClock
{
    private TimeSpan _start = Now();

    public TimeSpan Elapsed => Now() - _start;

    public void Restart() => _start = Now();

    private static TimeSpan Now() => Process.GetCurrentProcess().TotalProcessorTime;
}
