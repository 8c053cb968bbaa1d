using Movilidad.Dynamics.Builtins;

namespace Movilidad.Dynamics;

internal sealed record CompiledPhases(
    InitialValues Initial,
    Action<double[], double[], RunContext> Evaluate,
    Action<double[], RunContext> Update);

/// <summary>
/// The initial-value phase. A large model's first run, often its only one, interprets it: making machine code
/// for tens of thousands of statements that run once or twice costs far more. Later runs (sensitivity analysis,
/// calibration) use the compiled methods, made once on the second run. Small models compile it at once.
/// </summary>
internal sealed class InitialValues
{
    private readonly Action<double[], RunContext>? _interpreted;
    private readonly Lazy<Action<double[], RunContext>> _compiled;
    private int _runs;

    public InitialValues(Action<double[], RunContext>? interpreted, Func<Action<double[], RunContext>> compile)
    {
        _interpreted = interpreted;
        _compiled = new Lazy<Action<double[], RunContext>>(compile, LazyThreadSafetyMode.ExecutionAndPublication);
        if (interpreted is null)
        {
            _ = _compiled.Value;
        }
    }

    /// <summary>The method one run uses, however many times it calls it.</summary>
    public Action<double[], RunContext> ForRun() =>
        _interpreted is not null && Interlocked.Increment(ref _runs) == 1 ? _interpreted : _compiled.Value;
}

/// <summary>
/// A model compiled to three generated methods over a flat state array. Immutable: any number of runs,
/// on any threads, each with its own state.
/// </summary>
public sealed class CompiledModel
{
    internal CompiledModel(
        SystemDynamicsModel model,
        CompiledPhases phases,
        int slotCount,
        int[] stockSlots,
        bool[] nonNegative,
        string[] outputNames,
        int[] outputSlots,
        LookupTable[] tables,
        Dictionary<string, int> tableByName,
        Dictionary<int, string> dataTables,
        Dictionary<string, int[]> slotsByName,
        int delayLines,
        int randomStreams,
        int equationsPerStep,
        bool[] settable)
    {
        Settable = settable;
        Model = model;
        Phases = phases;
        SlotCount = slotCount;
        StockSlots = stockSlots;
        NonNegative = nonNegative;
        OutputNames = outputNames;
        OutputSlots = outputSlots;
        Tables = tables;
        TableByName = tableByName;
        DataTables = dataTables;
        SlotsByName = slotsByName;
        DelayLines = delayLines;
        RandomStreams = randomStreams;
        EquationsPerStep = equationsPerStep;
    }

    /// <summary>The model this was compiled from.</summary>
    public SystemDynamicsModel Model { get; }

    /// <summary>Names of the saved variables (one per array element), as the modelling tool writes them.</summary>
    public IReadOnlyList<string> OutputNames { get; }

    /// <summary>How many equations (auxiliaries, flows and stock rates) are evaluated per step.</summary>
    public int EquationsPerStep { get; }

    internal CompiledPhases Phases { get; }

    internal int SlotCount { get; }

    internal int[] StockSlots { get; }

    internal bool[] NonNegative { get; }

    internal int[] OutputSlots { get; }

    internal LookupTable[] Tables { get; }

    internal Dictionary<string, int> TableByName { get; }

    internal Dictionary<int, string> DataTables { get; }

    internal Dictionary<string, int[]> SlotsByName { get; }

    /// <summary>Slots computed only when the run starts (constants, initial values), which a run may therefore set.</summary>
    internal bool[] Settable { get; }

    internal int DelayLines { get; }

    internal int RandomStreams { get; }

    /// <summary>The precision the generated methods compute in; the integrator rounds the stocks to it.</summary>
    public Precision Precision { get; init; }

    /// <summary>Runs the model; options left unset come from the model's own simulation specs.</summary>
    /// <exception cref="ModelException">An override names an unknown variable, data is missing, or a limit is reached.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public SimulationResult Run(SimulationOptions? options = null, CancellationToken cancellationToken = default) =>
        Simulator.Run(this, options ?? new SimulationOptions(), cancellationToken);
}
