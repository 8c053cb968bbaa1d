using System.Diagnostics;
using System.Globalization;
using Movilidad.Dynamics;

namespace Movilidad.Cli.Sd;

/// <summary>
/// <c>sd run --timings</c>: where the whole command's time went, phase by phase, from the start of the process to the
/// results written: the wall clock of each phase and, beside it, the processor time of every thread in it (more than
/// the wall clock where the work ran on several cores; the steadier figure on a shared machine).
/// </summary>
internal sealed class RunTimings
{
    /// <summary>The phases of a run command, in order.</summary>
    public enum Phase
    {
        Start,
        Read,
        Compile,
        Run,
        Write,
    }

    private readonly List<(Phase Phase, TimeSpan Wall, TimeSpan Processor)> _phases = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly TimeSpan _sinceStart;
    private TimeSpan _wall;
    private TimeSpan _processor;
    private CompileTimes? _compile;

    /// <summary>Starts timing; the time since the process started (the runtime and the command line) is the first phase.</summary>
    public RunTimings()
    {
        using var process = Process.GetCurrentProcess();
        _sinceStart = DateTime.Now - process.StartTime;
        Mark(Phase.Start);
    }

    /// <summary>Ends <paramref name="phase"/> now; it began where the previous one ended.</summary>
    public void Mark(Phase phase)
    {
        var wall = _sinceStart + _clock.Elapsed;
        var processor = Environment.CpuUsage.TotalTime;
        _phases.Add((phase, wall - _wall, processor - _processor));
        (_wall, _processor) = (wall, processor);
    }

    /// <summary>Ends the compilation, whose phases the engine measured.</summary>
    public void Compiled(CompiledModel model)
    {
        _compile = model.CompileTimes;
        Mark(Phase.Compile);
    }

    /// <summary>One line per phase (the compilation's own phases indented below it), then the total.</summary>
    public void Write(TextWriter writer, CultureInfo language)
    {
        var spanish = language.Name == "es";
        writer.WriteLine(spanish ? "tiempos: reloj (tiempo de procesador de todos los hilos)" : "timings: wall clock (processor time of every thread)");
        foreach (var (phase, wall, processor) in _phases)
        {
            writer.WriteLine(Line(Name(phase, spanish), wall, processor));
            if (phase == Phase.Compile && _compile is { } compile)
            {
                writer.WriteLine(Line(spanish ? "  ecuaciones a expresiones" : "  equations to expressions", compile.Lowering, null));
                writer.WriteLine(Line(spanish ? "  emisión de IL" : "  emitting IL", compile.Emitting, null));
                writer.WriteLine(Line(spanish ? "  código máquina (JIT)" : "  machine code (JIT)", compile.MachineCode, null));
            }
        }

        writer.WriteLine(Line("total", _wall, _processor));
    }

    private static string Name(Phase phase, bool spanish) => phase switch
    {
        Phase.Start => spanish ? "arranque del proceso" : "process start",
        Phase.Read => spanish ? "lectura del modelo" : "reading the model",
        Phase.Compile => spanish ? "compilación" : "compiling",
        Phase.Run => spanish ? "simulación" : "running",
        _ => spanish ? "escritura de los resultados" : "writing the results",
    };

    private static string Line(string name, TimeSpan wall, TimeSpan? processor) =>
        string.Create(CultureInfo.InvariantCulture, $"  {name,-28}{wall.TotalMilliseconds,7:0} ms")
        + (processor is { } p ? string.Create(CultureInfo.InvariantCulture, $" ({p.TotalMilliseconds:0} ms)") : string.Empty);
}
