using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Movilidad.Dynamics.Builtins;
using Movilidad.Dynamics.Equations;
using Movilidad.Dynamics.Integrators;

namespace Movilidad.Dynamics;

/// <summary>Runs a compiled model: initial values, then evaluate, save and integrate each step.</summary>
public static class Simulator
{
    /// <summary>Runs <paramref name="model"/> with <paramref name="options"/>.</summary>
    /// <exception cref="ModelException">An override names an unknown variable, data is missing, or a limit is reached.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SimulationResult Run(CompiledModel model, SimulationOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        var context = CreateContext(model, options);
        var s = new double[model.SlotCount];
        // Generated code takes the address of element 0, so even a model without stocks gets one rate slot.
        var d = new double[Math.Max(1, model.StockSlots.Length)];
        var phases = model.Phases;

        Fix(s, context, ModelCompiler.StartSlot, options.Start);
        Fix(s, context, ModelCompiler.StopSlot, options.Stop);
        Fix(s, context, ModelCompiler.DtSlot, options.Dt);
        Fix(s, context, ModelCompiler.SaveSlot, options.SaveStep);
        ApplyConstants(model, options, s, context);

        s[ModelCompiler.TimeSlot] = options.Start ?? model.Model.Specs.Start ?? 0;
        var initialize = phases.Initial.ForRun();
        initialize(s, context);
        var start = s[ModelCompiler.StartSlot];
        if (s[ModelCompiler.TimeSlot] != start)
        {
            s[ModelCompiler.TimeSlot] = start;
            initialize(s, context);
        }

        var dt = s[ModelCompiler.DtSlot];
        var stop = s[ModelCompiler.StopSlot];
        var saveStep = s[ModelCompiler.SaveSlot];
        if (!(dt > 0) || double.IsInfinity(dt))
        {
            throw new ModelException(string.Create(CultureInfo.InvariantCulture, $"the time step must be a positive number, not {dt}"), model.Model.Source, null, "TIME STEP");
        }

        if (double.IsNaN(saveStep) || saveStep <= 0)
        {
            saveStep = dt;
        }

        var steps = (long)Math.Round((stop - start) / dt);
        if (steps < 0 || double.IsNaN(stop) || double.IsNaN(start))
        {
            throw new ModelException(string.Create(CultureInfo.InvariantCulture, $"the final time ({stop}) is before the initial time ({start})"), model.Model.Source, null, "FINAL TIME");
        }

        if (steps > options.MaxSteps)
        {
            throw new ModelException(string.Create(CultureInfo.InvariantCulture, $"the run needs {steps} steps, more than the limit of {options.MaxSteps}; raise the limit or the time step"), model.Model.Source, null, null);
        }

        var saveEvery = Math.Max(1, (long)Math.Round(saveStep / dt));
        var rows = (steps / saveEvery) + 1;
        var outputs = model.OutputSlots;
        if (rows * outputs.Length > int.MaxValue / 2)
        {
            throw new ModelException("the run would save too many values; raise the save step", model.Model.Source, null, null);
        }

        var times = new double[rows];
        var values = new double[rows * outputs.Length];
        var integrator = new Integrator(options.Method ?? MethodOf(model), model.StockSlots, model.NonNegative, phases.Evaluate, model.Precision == Precision.Single);
        var clock = Stopwatch.StartNew();
        var progressEvery = Math.Max(1, steps / 100);
        var row = 0;
        for (long step = 0; ; step++)
        {
            var time = start + (step * dt);
            s[ModelCompiler.TimeSlot] = time;
            phases.Evaluate(s, d, context);
            if (step % saveEvery == 0)
            {
                times[row] = time;
                var offset = row * outputs.Length;
                for (var i = 0; i < outputs.Length; i++)
                {
                    values[offset + i] = s[outputs[i]];
                }

                row++;
            }

            if (step >= steps)
            {
                break;
            }

            phases.Update(s, context);
            integrator.Step(s, d, context, time, dt);
            if ((step & 1023) == 1023)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (options.MaxWallTime is { } limit && clock.Elapsed > limit)
                {
                    throw new ModelException(string.Create(CultureInfo.InvariantCulture, $"the run was stopped at time {time} after {clock.Elapsed.TotalSeconds:0.#} s, the wall-time limit"), model.Model.Source, null, null);
                }
            }

            if (options.Progress is { } progress && step % progressEvery == 0)
            {
                progress.Report((double)step / steps);
            }
        }

        options.Progress?.Report(1);
        return new SimulationResult(model.OutputNames, times, values);
    }

    private static IntegrationMethod MethodOf(CompiledModel model) =>
        model.Model.Specs.Method?.ToUpperInvariant() switch
        {
            "RK4" => IntegrationMethod.RungeKutta4,
            "RK2" => IntegrationMethod.RungeKutta2,
            _ => IntegrationMethod.Euler,
        };

    private static void Fix(double[] s, RunContext context, int slot, double? value)
    {
        if (value is { } v)
        {
            s[slot] = v;
            context.Fixed[slot] = true;
        }
    }

    private static RunContext CreateContext(CompiledModel model, SimulationOptions options)
    {
        var tables = (LookupTable[])model.Tables.Clone();
        foreach (var (name, series) in options.Lookups)
        {
            if (!model.TableByName.TryGetValue(Names.Canonical(name), out var id))
            {
                throw new ModelException($"there is no lookup named '{name}' to override", model.Model.Source, null, name);
            }

            tables[id] = new LookupTable([.. series.X], [.. series.Y], tables[id].Mode);
        }

        var data = options.Data.ToDictionary(p => Names.Canonical(p.Key), p => p.Value, StringComparer.Ordinal);
        foreach (var (id, name) in model.DataTables)
        {
            if (data.TryGetValue(Names.Canonical(name), out var series))
            {
                tables[id] = new LookupTable([.. series.X], [.. series.Y], tables[id].Mode);
            }
            else if (tables[id].X.Length == 0)
            {
                throw new ModelException($"the data variable has no data: give a data file (--data) holding '{name}'", model.Model.Source, null, name);
            }
        }

        return new RunContext(tables, model.DelayLines, model.RandomStreams, model.SlotCount) { Seed = options.Seed };
    }

    private static void ApplyConstants(CompiledModel model, SimulationOptions options, double[] s, RunContext context)
    {
        foreach (var (name, value) in options.Constants)
        {
            if (!model.SlotsByName.TryGetValue(Names.Canonical(name), out var slots))
            {
                throw new ModelException($"there is no variable named '{name}' to set", model.Model.Source, null, name);
            }

            if (slots.Any(slot => !model.Settable[slot]))
            {
                throw new ModelException($"'{name}' changes during the run; only constants and initial values can be set", model.Model.Source, null, name);
            }

            foreach (var slot in slots)
            {
                s[slot] = model.Precision == Precision.Single ? (float)value : value;
                context.Fixed[slot] = true;
            }
        }
    }
}
