using System.Globalization;

namespace Movilidad.Dynamics.Analysis;

/// <summary>The minimiser a calibration uses.</summary>
public enum CalibrationMethod
{
    /// <summary>Nelder-Mead's simplex.</summary>
    NelderMead,

    /// <summary>Powell's conjugate directions with Brent's line search.</summary>
    Powell,
}

/// <summary>What a calibration minimises.</summary>
public enum CalibrationPayoff
{
    /// <summary>The weighted sum of squared errors.</summary>
    SquaredError,

    /// <summary>The weighted sum of squared relative errors ((simulated − observed) / observed)², for series of different scales.</summary>
    RelativeError,
}

/// <summary>A constant a calibration fits, within [<paramref name="Low"/>, <paramref name="High"/>].</summary>
/// <param name="Name">The constant, as the model names it.</param>
/// <param name="Low">The lowest value tried.</param>
/// <param name="High">The highest value tried.</param>
/// <param name="Start">Where the first start begins; the model's own value when null. It must lie in the range.</param>
public sealed record FitParameter(string Name, double Low, double High, double? Start = null)
{
    /// <summary>Reads <c>NAME=LOW..HIGH</c>, optionally followed by <c>@START</c>, as <c>--fit</c> gives it.</summary>
    /// <exception cref="AnalysisException">The text is not of that form, or LOW &gt; HIGH.</exception>
    public static FitParameter Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var range = equals > 0 ? text[(equals + 1)..] : string.Empty;
        var at = range.IndexOf('@', StringComparison.Ordinal);
        var bounds = (at >= 0 ? range[..at] : range).Split("..");
        if (equals <= 0 || bounds.Length != 2 || !Number(bounds[0], out var low) || !Number(bounds[1], out var high))
        {
            throw new AnalysisException(new Diagnostic(DiagnosticCode.FitNotRange, ("text", text)));
        }

        double? start = null;
        if (at >= 0)
        {
            start = Number(range[(at + 1)..], out var s) ? s : throw new AnalysisException(new Diagnostic(DiagnosticCode.NumberInTextNotNumber, ("value", range[(at + 1)..].Trim()), ("text", text)));
        }

        var parameter = new FitParameter(text[..equals].Trim(), low, high, start);
        parameter.Validate();
        return parameter;
    }

    /// <summary>Refuses an empty range or a start outside the range.</summary>
    /// <exception cref="AnalysisException">LOW &gt; HIGH, or the start lies outside the range.</exception>
    public void Validate()
    {
        if (Low > High)
        {
            throw new AnalysisException(new Diagnostic(DiagnosticCode.FitLowGreaterThanHigh, ("name", Name), ("low", Low), ("high", High)));
        }

        if (Start is { } start && (start < Low || start > High))
        {
            throw new AnalysisException(new Diagnostic(DiagnosticCode.FitStartOutsideRange, ("name", Name), ("start", start), ("low", Low), ("high", High)));
        }
    }

    private static bool Number(string text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}

/// <summary>How a calibration is made.</summary>
public sealed record CalibrationOptions
{
    /// <summary>Nelder-Mead (default) or Powell.</summary>
    public CalibrationMethod Method { get; init; } = CalibrationMethod.NelderMead;

    /// <summary>Squared (default) or relative errors.</summary>
    public CalibrationPayoff Payoff { get; init; } = CalibrationPayoff.SquaredError;

    /// <summary>How many starts: the first from the start values, the others from a Latin hypercube sample of the ranges.</summary>
    public int Starts { get; init; } = 4;

    /// <summary>Seeds the other starts' sample.</summary>
    public int Seed { get; init; }

    /// <summary>The most model runs one start may make.</summary>
    public int MaxEvaluationsPerStart { get; init; } = 3000;

    /// <summary>A start stops when its points are this close, as a fraction of each range.</summary>
    public double Tolerance { get; init; } = 1e-9;

    /// <summary>Times, method and fixed overrides for every run.</summary>
    public SimulationOptions Simulation { get; init; } = new();

    /// <summary>How many starts go at once; every core when unset.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>Receives the runs made and the best payoff so far, on each improvement and every 50 runs.</summary>
    public IProgress<CalibrationProgress>? Progress { get; init; }
}

/// <summary>Where a calibration stands.</summary>
/// <param name="Evaluations">Model runs made so far, over every start.</param>
/// <param name="BestPayoff">The lowest payoff found so far.</param>
public sealed record CalibrationProgress(int Evaluations, double BestPayoff);

/// <summary>An improvement of the best payoff: after how many runs (over every start), by which start, to which values.</summary>
/// <param name="Evaluation">Model runs made so far, over every start.</param>
/// <param name="Start">The start that found it (0 is the start from the start values).</param>
/// <param name="Payoff">The payoff.</param>
/// <param name="Values">The constants' values.</param>
public sealed record PayoffStep(int Evaluation, int Start, double Payoff, IReadOnlyList<double> Values);

/// <summary>The outcome of a calibration.</summary>
/// <param name="Parameters">The constants fitted.</param>
/// <param name="Values">Their fitted values, in the same order.</param>
/// <param name="Payoff">The payoff at the fitted values.</param>
/// <param name="Evaluations">How many model runs were made.</param>
/// <param name="Cancelled">True when the calibration was stopped before the starts converged: the values are the best found.</param>
/// <param name="History">Every improvement of the best payoff, in order.</param>
/// <param name="Fit">The fit of each observed series at the fitted values.</param>
public sealed record CalibrationResult(
    IReadOnlyList<FitParameter> Parameters,
    IReadOnlyList<double> Values,
    double Payoff,
    int Evaluations,
    bool Cancelled,
    IReadOnlyList<PayoffStep> History,
    IReadOnlyList<FitStatistics> Fit)
{
    /// <summary>The root mean square error over every observed point, pooled.</summary>
    public double Rmse => Math.Sqrt(Fit.Sum(f => f.Mse * f.Points) / Fit.Sum(f => f.Points));
}

/// <summary>
/// Fits constants of a model to observed series: minimises the weighted sum of squared (or relative) errors between
/// the simulated and observed values, from several starts run in parallel, each thread reusing one buffer.
/// </summary>
public static class Calibration
{
    /// <summary>Calibrates; on cancellation returns the best values found so far, marked <see cref="CalibrationResult.Cancelled"/>.</summary>
    /// <exception cref="AnalysisException">A range is empty or excludes its start, or an observation lies outside the run.</exception>
    /// <exception cref="ModelException">A name is not a constant of the model, an observed variable is not one of its variables, or a run fails.</exception>
    public static CalibrationResult Run(CompiledModel model, IReadOnlyList<FitParameter> fit, IReadOnlyList<ObservedSeries> observed, CalibrationOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(options);
        if (fit.Count == 0)
        {
            throw new AnalysisException(new Diagnostic(DiagnosticCode.NoConstantToFit));
        }

        if (observed.Count == 0)
        {
            throw new AnalysisException(new Diagnostic(DiagnosticCode.NoObservedSeries));
        }

        foreach (var series in observed)
        {
            if (series.Times.Count == 0 || series.Times.Count != series.Values.Count)
            {
                throw new AnalysisException(new Diagnostic(DiagnosticCode.ObservedTimesAndValuesDiffer, ("variable", series.Variable), ("times", series.Times.Count), ("values", series.Values.Count)));
            }
        }

        var parameters = model.Parameters([.. fit.Select(p => p.Name)]);
        var starting = StartValues(model, fit, options.Simulation);
        var saved = observed.Select(o => o.Variable).Distinct().ToList();
        var probe = model.CreateBuffer(saved);
        model.Run(probe, parameters, starting, options.Simulation, cancellationToken);
        var (first, last) = (probe.Times[0], probe.Times[^1]);
        foreach (var series in observed)
        {
            foreach (var time in series.Times)
            {
                if (time < first - 1e-9 || time > last + 1e-9)
                {
                    throw new AnalysisException(new Diagnostic(DiagnosticCode.ObservationOutsideRun, ("variable", series.Variable), ("time", time), ("first", first), ("last", last)));
                }
            }
        }

        var starts = Math.Max(1, options.Starts);
        var others = Sensitivity.Sample([.. Enumerable.Repeat<Distribution>(new Distribution.Uniform(0, 1), fit.Count)], starts - 1, Sampling.LatinHypercube, options.Seed);
        var search = new Search(model, fit, observed, parameters, options, cancellationToken);
        Parallel.For(
            0,
            starts,
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? Environment.ProcessorCount },
            () => model.CreateBuffer(saved),
            (start, _, buffer) =>
            {
                var x = new double[fit.Count];
                for (var k = 0; k < fit.Count; k++)
                {
                    x[k] = start == 0 ? Unit(fit[k], starting[k]) : others[start - 1, k];
                }

                search.Minimise(start, x, buffer);
                return buffer;
            },
            _ => { });

        if (search.Best is null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new AnalysisException(new Diagnostic(DiagnosticCode.CalibrationMadeNoRun));
        }

        var best = search.Best;
        model.Run(probe, parameters, [.. best.Values], options.Simulation, CancellationToken.None);
        var statistics = observed.Select(o => new FitStatistics(o.Variable, o.Times, o.Values, [.. o.Times.Select(t => Interpolate(probe.Times, probe.Series(o.Variable), t))])).ToList();
        return new CalibrationResult(fit, best.Values, best.Payoff, search.Evaluations, cancellationToken.IsCancellationRequested, search.History, statistics);
    }

    /// <summary>Each constant's start: the one given, else the model's own value; refused when outside its range.</summary>
    private static double[] StartValues(CompiledModel model, IReadOnlyList<FitParameter> fit, SimulationOptions simulation)
    {
        var values = new double[fit.Count];
        SimulationBuffer? own = null;
        for (var k = 0; k < fit.Count; k++)
        {
            var parameter = fit[k];
            parameter.Validate();
            if (parameter.Start is { } start)
            {
                values[k] = start;
                continue;
            }

            if (own is null)
            {
                own = model.CreateBuffer(fit.Select(p => p.Name));
                model.Run(own, simulation with { Stop = simulation.Start });
            }

            var column = own.ColumnOf(parameter.Name) is var c and >= 0 ? c : own.Names.ToList().FindIndex(n => n.StartsWith(parameter.Name + "[", StringComparison.OrdinalIgnoreCase));
            values[k] = column >= 0 ? own.Column(column)[0] : parameter.Low;
            (parameter with { Start = values[k] }).Validate();
        }

        return values;
    }

    private static double Unit(FitParameter p, double value) => p.High == p.Low ? 0 : (value - p.Low) / (p.High - p.Low);

    /// <summary>The series at <paramref name="time"/>, linear between saved times.</summary>
    internal static double Interpolate(ReadOnlySpan<double> times, ReadOnlySpan<double> values, double time)
    {
        if (time <= times[0])
        {
            return values[0];
        }

        for (var i = 1; i < times.Length; i++)
        {
            if (time <= times[i])
            {
                var share = (time - times[i - 1]) / (times[i] - times[i - 1]);
                return values[i - 1] + (share * (values[i] - values[i - 1]));
            }
        }

        return values[^1];
    }

    /// <summary>The state shared by the starts: the best point, the history, the count of runs.</summary>
    private sealed class Search(CompiledModel model, IReadOnlyList<FitParameter> fit, IReadOnlyList<ObservedSeries> observed, ModelParameters parameters, CalibrationOptions options, CancellationToken cancellationToken)
    {
        private readonly Lock _lock = new();
        private readonly List<PayoffStep> _history = [];
        private int _evaluations;

        public PayoffStep? Best { get; private set; }

        public int Evaluations => Volatile.Read(ref _evaluations);

        public IReadOnlyList<PayoffStep> History
        {
            get
            {
                lock (_lock)
                {
                    return [.. _history];
                }
            }
        }

        public void Minimise(int start, double[] x, SimulationBuffer buffer)
        {
            var values = new double[fit.Count];
            var evaluations = 0;
            bool Stop() => cancellationToken.IsCancellationRequested || evaluations >= options.MaxEvaluationsPerStart;
            double Payoff(double[] unit)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    return double.PositiveInfinity;
                }

                evaluations++;
                for (var k = 0; k < fit.Count; k++)
                {
                    values[k] = fit[k].Low + (unit[k] * (fit[k].High - fit[k].Low));
                }

                try
                {
                    model.Run(buffer, parameters, values, options.Simulation, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return double.PositiveInfinity;
                }
                catch (ModelException)
                {
                    // Values at which the model cannot run (a limit reached, an error its equations raise) are as bad as can be.
                    return double.PositiveInfinity;
                }

                var payoff = Measure(buffer);
                Record(start, payoff, values);
                return payoff;
            }

            if (options.Method == CalibrationMethod.Powell)
            {
                Optimizer.Powell(Payoff, x, options.Tolerance, Stop);
            }
            else
            {
                Optimizer.NelderMead(Payoff, x, options.Tolerance, Stop);
            }
        }

        private double Measure(SimulationBuffer buffer)
        {
            var times = buffer.Times;
            var total = 0.0;
            foreach (var series in observed)
            {
                var simulated = buffer.Series(series.Variable);
                for (var i = 0; i < series.Times.Count; i++)
                {
                    var error = Interpolate(times, simulated, series.Times[i]) - series.Values[i];
                    if (options.Payoff == CalibrationPayoff.RelativeError)
                    {
                        if (series.Values[i] == 0)
                        {
                            continue;
                        }

                        error /= series.Values[i];
                    }

                    total += series.Weight * error * error;
                }
            }

            return double.IsNaN(total) ? double.PositiveInfinity : total;
        }

        private void Record(int start, double payoff, double[] values)
        {
            var count = Interlocked.Increment(ref _evaluations);
            var improved = false;
            lock (_lock)
            {
                if (Best is null || payoff < Best.Payoff)
                {
                    Best = new PayoffStep(count, start, payoff, [.. values]);
                    _history.Add(Best);
                    improved = true;
                }
            }

            if (improved || count % 50 == 0)
            {
                options.Progress?.Report(new CalibrationProgress(count, Best!.Payoff));
            }
        }
    }
}
