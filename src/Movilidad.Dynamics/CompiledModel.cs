using Movilidad.Dynamics.Builtins;

namespace Movilidad.Dynamics;

internal sealed record CompiledPhases(
    Action<double[], RunContext> Initialize,
    Action<double[], double[], RunContext> Evaluate,
    Action<double[], RunContext> Update);

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

    /// <summary>Runs the model; options left unset come from the model's own simulation specs.</summary>
    /// <exception cref="ModelException">An override names an unknown variable, data is missing, or a limit is reached.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public SimulationResult Run(SimulationOptions? options = null, CancellationToken cancellationToken = default) =>
        Simulator.Run(this, options ?? new SimulationOptions(), cancellationToken);
}
