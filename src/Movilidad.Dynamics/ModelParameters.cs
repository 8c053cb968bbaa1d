using Movilidad.Dynamics.Builtins;

namespace Movilidad.Dynamics;

/// <summary>
/// Constants of a compiled model chosen once by name, to be given a value by position on each of many runs
/// (sensitivity analysis, calibration) without looking names up or allocating. A name without subscripts sets every
/// element of an array; <c>name[a,b]</c> sets one element.
/// </summary>
public sealed class ModelParameters
{
    internal ModelParameters(IReadOnlyList<string> names, int[][] slots)
    {
        Names = names;
        Slots = slots;
    }

    /// <summary>The parameters, in the order their values are given.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>How many values a run takes.</summary>
    public int Count => Names.Count;

    internal int[][] Slots { get; }
}

/// <summary>The values of a <see cref="ModelParameters"/> for one run; default sets nothing.</summary>
internal readonly ref struct ParameterValues(ModelParameters? parameters, ReadOnlySpan<double> values)
{
    private readonly ReadOnlySpan<double> _values = values;

    public void Apply(double[] state, RunContext context, Precision precision)
    {
        if (parameters is null)
        {
            return;
        }

        var slots = parameters.Slots;
        for (var p = 0; p < slots.Length; p++)
        {
            var value = precision == Precision.Single ? (float)_values[p] : _values[p];
            foreach (var slot in slots[p])
            {
                state[slot] = value;
                context.Fixed[slot] = true;
            }
        }
    }
}

/// <summary>Fills the parameter values of run number <paramref name="run"/> (counted from 0).</summary>
/// <param name="run">The run, from 0.</param>
/// <param name="values">One value per parameter, in the order of <see cref="ModelParameters.Names"/>.</param>
public delegate void ParameterSetter(int run, Span<double> values);

/// <summary>
/// Receives the results of run number <paramref name="run"/> on the thread that ran it. The buffer is reused by
/// that thread's next run: copy out what must be kept (a few series, a statistic) before returning.
/// </summary>
/// <param name="run">The run, from 0.</param>
/// <param name="results">The run's saved series.</param>
public delegate void RunCollector(int run, SimulationBuffer results);

/// <summary>How <see cref="CompiledModel.RunMany"/> runs a set of runs.</summary>
public sealed record BatchOptions
{
    /// <summary>The options every run shares (times, method, constants, lookups); run <c>i</c> gets the seed <c>Simulation.Seed + i</c>.</summary>
    public SimulationOptions Simulation { get; init; } = new();

    /// <summary>The variables each run saves (an array name saves all its elements); every variable when null. Fewer is faster.</summary>
    public IReadOnlyList<string>? Save { get; init; }

    /// <summary>How many runs go at once; every core when unset.</summary>
    public int? MaxDegreeOfParallelism { get; init; }
}
