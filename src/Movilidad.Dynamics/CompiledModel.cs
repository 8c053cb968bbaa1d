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
    private readonly bool[] _constant;

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
        bool[] settable,
        bool[] constant)
    {
        _constant = constant;
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

    /// <summary>How long each phase of the compilation took.</summary>
    public required CompileTimes CompileTimes { get; init; }

    /// <summary>A slot computed once when the run starts (a constant or an initial value) whose value holds for the whole run.</summary>
    internal bool IsConstantSlot(int slot) => _constant[slot];

    /// <summary>
    /// A reusable buffer for this model's runs, saving the named variables (an array name saves all its elements,
    /// <c>name[a,b]</c> one of them), or every variable when none are named.
    /// </summary>
    /// <exception cref="ModelException">A name is not a saved variable of the model.</exception>
    public SimulationBuffer CreateBuffer(IEnumerable<string>? variables = null)
    {
        if (variables is null)
        {
            return new SimulationBuffer(this, OutputNames, OutputSlots);
        }

        var names = new List<string>();
        var slots = new List<int>();
        foreach (var variable in variables)
        {
            foreach (var slot in SlotsOf(variable))
            {
                var output = Array.IndexOf(OutputSlots, slot);
                if (output >= 0 && !slots.Contains(slot))
                {
                    slots.Add(slot);
                    names.Add(OutputNames[output]);
                }
            }
        }

        return new SimulationBuffer(this, names, [.. slots]);
    }

    /// <summary>Chooses constants to be set by position on each run (see <see cref="RunMany"/>).</summary>
    /// <exception cref="ModelException">A name is unknown, or names a variable that changes during the run.</exception>
    public ModelParameters Parameters(params IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var slots = new int[names.Count][];
        for (var i = 0; i < names.Count; i++)
        {
            slots[i] = SlotsOf(names[i]);
            if (!AllSettable(slots[i]))
            {
                throw new ModelException(new Diagnostic(DiagnosticCode.ChangesDuringRun, ("name", names[i])), Model.Source, null, names[i]);
            }
        }

        return new ModelParameters([.. names], slots);
    }

    internal bool AllSettable(int[] slots)
    {
        foreach (var slot in slots)
        {
            if (!Settable[slot])
            {
                return false;
            }
        }

        return true;
    }

    private int[] SlotsOf(string name) =>
        SlotsByName.TryGetValue(Equations.Names.Canonical(name), out var slots) || SlotsByName.TryGetValue(Results.ReferenceOutput.NormalizeName(name), out slots)
            ? slots
            : throw new ModelException(new Diagnostic(DiagnosticCode.NoVariableNamed, ("name", name)), Model.Source, null, name);

    /// <summary>
    /// Runs the model into <paramref name="buffer"/>, which must come from this model's <see cref="CreateBuffer"/>.
    /// Once the buffer has held a run as long, a run allocates nothing unless the options override lookups or data.
    /// </summary>
    /// <exception cref="ArgumentException">The buffer belongs to another model.</exception>
    /// <exception cref="ModelException">An override names an unknown variable, data is missing, or a limit is reached.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public void Run(SimulationBuffer buffer, SimulationOptions? options = null, CancellationToken cancellationToken = default) =>
        Run(buffer, options, default, cancellationToken);

    /// <summary>
    /// Runs the model into <paramref name="buffer"/> with <paramref name="values"/> for <paramref name="parameters"/>
    /// (one per parameter, in order), on top of <paramref name="options"/>; allocates nothing once the buffer is large enough.
    /// </summary>
    /// <exception cref="ArgumentException">The buffer or the parameters belong to another model, or the values do not match the parameters.</exception>
    /// <exception cref="ModelException">Data is missing or a limit is reached.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public void Run(SimulationBuffer buffer, ModelParameters parameters, ReadOnlySpan<double> values, SimulationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (values.Length != parameters.Count)
        {
            throw new ArgumentException($"{parameters.Count} values are needed, one per parameter, not {values.Length}", nameof(values));
        }

        Run(buffer, options, new ParameterValues(parameters, values), cancellationToken);
    }

    private void Run(SimulationBuffer buffer, SimulationOptions? options, ParameterValues parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (buffer.Model != this)
        {
            throw new ArgumentException("the buffer was created for another model", nameof(buffer));
        }

        options ??= DefaultOptions;
        Simulator.Run(buffer, options, options.Seed, parameters, cancellationToken);
    }

    /// <summary>
    /// Runs the model <paramref name="runs"/> times in parallel, as a Monte Carlo or sensitivity set does: run <c>i</c>
    /// takes the values <paramref name="setParameters"/> gives it for <paramref name="parameters"/> and the seed
    /// <c>options.Simulation.Seed + i</c> for its random functions, so a set is reproducible run by run whatever the
    /// threads. Each thread keeps one buffer and reuses it for all its runs (nothing is allocated per run);
    /// <paramref name="collect"/> reads each run's results on the thread that made them, before its next run.
    /// </summary>
    /// <exception cref="ModelException">A saved variable is unknown, data is missing, or a limit is reached.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public void RunMany(int runs, ModelParameters parameters, ParameterSetter setParameters, RunCollector collect, BatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(runs);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(setParameters);
        ArgumentNullException.ThrowIfNull(collect);
        options ??= new BatchOptions();
        var simulation = options.Simulation;
        var save = options.Save;
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? Environment.ProcessorCount };
        try
        {
            Parallel.For(
                0,
                runs,
                parallel,
                () => (Buffer: CreateBuffer(save), Values: new double[parameters.Count]),
                (run, _, local) =>
                {
                    setParameters(run, local.Values);
                    Simulator.Run(local.Buffer, simulation, simulation.Seed + run, new ParameterValues(parameters, local.Values), cancellationToken);
                    collect(run, local.Buffer);
                    return local;
                },
                _ => { });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count >= 1 && e.InnerExceptions[0] is ModelException or OperationCanceledException)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }

    private static readonly SimulationOptions DefaultOptions = new();

    /// <summary>Runs the model; options left unset come from the model's own simulation specs.</summary>
    /// <exception cref="ModelException">An override names an unknown variable, data is missing, or a limit is reached.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public SimulationResult Run(SimulationOptions? options = null, CancellationToken cancellationToken = default) =>
        Simulator.Run(this, options ?? new SimulationOptions(), cancellationToken);
}
