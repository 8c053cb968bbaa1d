using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Movilidad.Dynamics.Builtins;
using Movilidad.Dynamics.Integrators;

namespace Movilidad.Dynamics;

/// <summary>
/// A caller-owned, reusable place for the runs of one compiled model: the saved series, stored by column (each
/// variable's values over time contiguous), and the working state of a run. Running into the same buffer again
/// allocates nothing once it has grown to the run's length; sensitivity analysis and calibration keep one buffer
/// per thread and read what they need after each run.
/// </summary>
/// <remarks>
/// Create one with <see cref="CompiledModel.CreateBuffer(IEnumerable{string}?)"/>, naming the variables to save
/// (all of them when none are named: saving fewer makes runs faster). A buffer serves one run at a time; its series
/// are those of the last run and are overwritten by the next one. It is not thread-safe: give each thread its own.
/// </remarks>
public sealed class SimulationBuffer
{
    private readonly int[] _slots;
    private readonly int[] _dynamicColumns;
    private readonly int[] _dynamicSlots;
    private int[] _dynamicOffsets = [];
    private readonly int[] _constantColumns;
    private readonly Dictionary<string, int> _columns;
    private double[] _times = [];
    private double[] _values = [];
    private Integrator? _integrator;

    internal SimulationBuffer(CompiledModel model, IReadOnlyList<string> names, int[] slots)
    {
        Model = model;
        Names = names;
        _slots = slots;
        _dynamicColumns = [.. Enumerable.Range(0, slots.Length).Where(c => !model.IsConstantSlot(slots[c]))];
        _constantColumns = [.. Enumerable.Range(0, slots.Length).Where(c => model.IsConstantSlot(slots[c]))];
        _dynamicSlots = [.. _dynamicColumns.Select(c => slots[c])];
        _columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            _columns[Equations.Names.Canonical(names[i])] = i;
        }

        State = new double[model.SlotCount];
        // Generated code takes the address of element 0, so even a model without stocks gets one rate slot.
        Rates = new double[Math.Max(1, model.StockSlots.Length)];
        Context = new RunContext((LookupTable[])model.Tables.Clone(), model.DelayLines, model.RandomStreams, model.SlotCount);
    }

    /// <summary>The model whose runs this buffer holds.</summary>
    public CompiledModel Model { get; }

    /// <summary>The saved variables, one per column, as the modelling tool names them (arrays as <c>name[a,b]</c>).</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>How many rows the last run saved.</summary>
    public int RowCount { get; private set; }

    /// <summary>How many rows the buffer holds before it must grow.</summary>
    public int Capacity => _times.Length;

    /// <summary>The saved times of the last run.</summary>
    public ReadOnlySpan<double> Times => _times.AsSpan(0, RowCount);

    /// <summary>The series of the last run in column <paramref name="column"/> (see <see cref="Names"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">There is no such column.</exception>
    public ReadOnlySpan<double> Column(int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, Names.Count);
        return _values.AsSpan(column * Capacity, RowCount);
    }

    /// <summary>The column of a variable, matching names as the modelling tools do (case, spaces and underscores ignored); -1 when it is not saved.</summary>
    public int ColumnOf(string name) => _columns.TryGetValue(Equations.Names.Canonical(name), out var c) ? c : -1;

    /// <summary>The series of one saved variable in the last run.</summary>
    /// <exception cref="KeyNotFoundException">The variable is not saved in this buffer.</exception>
    public ReadOnlySpan<double> Series(string name)
    {
        var column = ColumnOf(name);
        return column >= 0 ? Column(column) : throw new KeyNotFoundException($"'{name}' is not among the saved variables");
    }

    /// <summary>A copy of the last run's results that outlives the buffer's next run.</summary>
    public SimulationResult ToResult()
    {
        var values = new double[Names.Count * RowCount];
        for (var c = 0; c < Names.Count; c++)
        {
            Column(c).CopyTo(values.AsSpan(c * RowCount));
        }

        return new SimulationResult(Names, Times.ToArray(), values, RowCount);
    }

    internal double[] State { get; }

    internal double[] Rates { get; }

    internal RunContext Context { get; }

    internal SimulationResult Detach() => new(Names, _times, _values, Capacity, RowCount);

    internal Integrator IntegratorFor(IntegrationMethod method)
    {
        if (_integrator?.Method != method)
        {
            _integrator = new Integrator(method, Model.StockSlots, Model.NonNegative, Model.Phases.Evaluate, Model.Precision == Precision.Single);
        }

        return _integrator;
    }

    /// <summary>Makes room for <paramref name="rows"/> saved rows, keeping the arrays when they are large enough.</summary>
    internal void Prepare(int rows)
    {
        if (rows > _times.Length)
        {
            _times = new double[rows];
            _values = new double[rows * _slots.Length];
            _dynamicOffsets = new int[_dynamicColumns.Length];
            for (var i = 0; i < _dynamicColumns.Length; i++)
            {
                _dynamicOffsets[i] = _dynamicColumns[i] * rows;
            }
        }

        RowCount = 0;
    }

    /// <summary>
    /// Saves the changing variables at one time; constants are written once, by <see cref="Complete"/>. Indexes
    /// without bounds checks: the slots come from the model the state is sized for, and each offset plus the row is
    /// inside the values, which <see cref="Prepare"/> sized for the run's rows.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Save(double time)
    {
        var row = RowCount++;
        _times[row] = time;
        ref var state = ref MemoryMarshal.GetArrayDataReference(State);
        ref var values = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_values), row);
        ref var slot = ref MemoryMarshal.GetArrayDataReference(_dynamicSlots);
        ref var offset = ref MemoryMarshal.GetArrayDataReference(_dynamicOffsets);
        for (var i = 0; i < _dynamicSlots.Length; i++)
        {
            Unsafe.Add(ref values, Unsafe.Add(ref offset, i)) = Unsafe.Add(ref state, Unsafe.Add(ref slot, i));
        }
    }

    /// <summary>Fills each constant's column with its value, which did not change during the run.</summary>
    internal void Complete()
    {
        foreach (var c in _constantColumns)
        {
            _values.AsSpan(c * Capacity, RowCount).Fill(State[_slots[c]]);
        }
    }
}
