using System.Diagnostics;
using System.Runtime.CompilerServices;
using Movilidad.Dynamics.Builtins;
using Movilidad.Dynamics.Equations;

namespace Movilidad.Dynamics;

/// <summary>Runs a compiled model: initial values, then evaluate, save and integrate each step.</summary>
public static class Simulator
{
    /// <summary>Runs <paramref name="model"/> with <paramref name="options"/>, saving every variable.</summary>
    /// <exception cref="ModelException">An override names an unknown variable, data is missing, or a limit is reached.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static SimulationResult Run(CompiledModel model, SimulationOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        var buffer = model.CreateBuffer();
        Run(buffer, options, options.Seed, default, cancellationToken);
        return buffer.Detach();
    }

    /// <summary>
    /// Runs the buffer's model into it. Nothing is allocated when the buffer already holds as many rows as the run
    /// saves, the options override no lookup or data, and the constants are set through <paramref name="parameters"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Run(SimulationBuffer buffer, SimulationOptions options, int seed, ParameterValues parameters, CancellationToken cancellationToken)
    {
        var model = buffer.Model;
        var context = buffer.Context;
        var s = buffer.State;
        var d = buffer.Rates;
        var phases = model.Phases;
        PrepareContext(model, options, seed, context);
        Array.Clear(s);

        Fix(s, context, ModelCompiler.StartSlot, options.Start);
        Fix(s, context, ModelCompiler.StopSlot, options.Stop);
        Fix(s, context, ModelCompiler.DtSlot, options.Dt);
        Fix(s, context, ModelCompiler.SaveSlot, options.SaveStep);
        ApplyConstants(model, options, s, context);
        parameters.Apply(s, context, model.Precision);

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
            throw new ModelException(new Diagnostic(DiagnosticCode.TimeStepNotPositive, ("step", dt)), model.Model.Source, null, "TIME STEP");
        }

        if (double.IsNaN(saveStep) || saveStep <= 0)
        {
            saveStep = dt;
        }

        var steps = (long)Math.Round((stop - start) / dt);
        if (steps < 0 || double.IsNaN(stop) || double.IsNaN(start))
        {
            throw new ModelException(new Diagnostic(DiagnosticCode.FinalBeforeInitial, ("final", stop), ("start", start)), model.Model.Source, null, "FINAL TIME");
        }

        if (steps > options.MaxSteps)
        {
            throw new ModelException(new Diagnostic(DiagnosticCode.TooManySteps, ("steps", steps), ("limit", options.MaxSteps)), model.Model.Source, null, null);
        }

        var saveEvery = Math.Max(1, (long)Math.Round(saveStep / dt));
        var rows = (steps / saveEvery) + 1;
        if (rows * Math.Max(1, buffer.Names.Count) > int.MaxValue / 2)
        {
            throw new ModelException(new Diagnostic(DiagnosticCode.TooManySavedValues), model.Model.Source, null, null);
        }

        buffer.Prepare((int)rows);
        var integrator = buffer.IntegratorFor(options.Method ?? MethodOf(model));
        var clock = options.MaxWallTime is null ? null : Stopwatch.StartNew();
        var progress = options.Progress;
        var progressEvery = Math.Max(1, steps / 100);
        var evaluate = phases.Evaluate;
        var update = phases.Update;
        var sinceSave = saveEvery - 1;
        for (long step = 0; ; step++)
        {
            var time = start + (step * dt);
            s[ModelCompiler.TimeSlot] = time;
            evaluate(s, d, context);
            if (++sinceSave == saveEvery)
            {
                sinceSave = 0;
                buffer.Save(time);
            }

            if (step >= steps)
            {
                break;
            }

            update(s, context);
            integrator.Step(s, d, context, time, dt);
            if ((step & 1023) == 1023)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (clock is not null && clock.Elapsed > options.MaxWallTime)
                {
                    throw new ModelException(new Diagnostic(DiagnosticCode.WallTimeLimit, ("time", time), ("seconds", clock.Elapsed.TotalSeconds)), model.Model.Source, null, null);
                }
            }

            if (progress is not null && step % progressEvery == 0)
            {
                progress.Report((double)step / steps);
            }
        }

        buffer.Complete();
        progress?.Report(1);
    }

    private static IntegrationMethod MethodOf(CompiledModel model) =>
        model.Model.Specs.Method switch
        {
            { } m when m.Equals("RK4", StringComparison.OrdinalIgnoreCase) => IntegrationMethod.RungeKutta4,
            { } m when m.Equals("RK2", StringComparison.OrdinalIgnoreCase) => IntegrationMethod.RungeKutta2,
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

    private static void PrepareContext(CompiledModel model, SimulationOptions options, int seed, RunContext context)
    {
        context.Reset(model.Tables, seed);
        var tables = context.Tables;
        if (options.Lookups.Count > 0)
        {
            foreach (var (name, series) in options.Lookups)
            {
                if (!model.TableByName.TryGetValue(Names.Canonical(name), out var id))
                {
                    throw new ModelException(new Diagnostic(DiagnosticCode.NoLookupNamedToOverride, ("name", name)), model.Model.Source, null, name);
                }

                tables[id] = new LookupTable([.. series.X], [.. series.Y], tables[id].Mode);
            }
        }

        if (model.DataTables.Count == 0)
        {
            return;
        }

        var data = options.Data.Count == 0 ? null : options.Data.ToDictionary(p => Names.Canonical(p.Key), p => p.Value, StringComparer.Ordinal);
        foreach (var (id, name) in model.DataTables)
        {
            if (data is not null && data.TryGetValue(Names.Canonical(name), out var series))
            {
                tables[id] = new LookupTable([.. series.X], [.. series.Y], tables[id].Mode);
            }
            else if (tables[id].X.Length == 0)
            {
                throw new ModelException(new Diagnostic(DiagnosticCode.DataVariableWithoutData, ("name", name)), model.Model.Source, null, name);
            }
        }
    }

    private static void ApplyConstants(CompiledModel model, SimulationOptions options, double[] s, RunContext context)
    {
        if (options.Constants.Count == 0)
        {
            return;
        }

        foreach (var (name, value) in options.Constants)
        {
            if (!model.SlotsByName.TryGetValue(Names.Canonical(name), out var slots))
            {
                throw new ModelException(new Diagnostic(DiagnosticCode.NoVariableNamedToSet, ("name", name)), model.Model.Source, null, name);
            }

            if (!model.AllSettable(slots))
            {
                throw new ModelException(new Diagnostic(DiagnosticCode.ChangesDuringRun, ("name", name)), model.Model.Source, null, name);
            }

            foreach (var slot in slots)
            {
                s[slot] = model.Precision == Precision.Single ? (float)value : value;
                context.Fixed[slot] = true;
            }
        }
    }
}
