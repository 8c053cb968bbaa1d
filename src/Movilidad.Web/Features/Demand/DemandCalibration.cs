using System.Globalization;
using Microsoft.Extensions.Localization;
using Movilidad.Dynamics;
using Movilidad.Dynamics.Analysis;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Demand;
using Movilidad.Platform.Writes;

namespace Movilidad.Web.Features.Demand;

/// <summary>A constant a calibration fits: its range and, optionally, where the first start begins (the model's value otherwise).</summary>
public sealed record FitInput(string? Name, double? Low, double? High, double? Start);

/// <summary>
/// An observed series a calibration fits: the model variable it is compared with and the labour-market series it is read
/// from, as a binding reads one (dataset, measure, ISCO-08 occupation, area, programme, aggregation, time alignment, scale).
/// </summary>
public sealed record ObservedInput(string? Variable, int? Dataset, string? Measure, string? Occupation, string? Area, string? Programme,
    string? Aggregation, string? Alignment, double? Scale, double? Weight);

/// <summary>An observed series as the calibration used it: values in model time, its weight, and how it was read.</summary>
public sealed record ObservedValues(string Variable, IReadOnlyList<double> Times, IReadOnlyList<double> Values, double Weight, IReadOnlyList<string> Notes);

/// <summary>What a calibration asks for, kept with the run's inputs.</summary>
public sealed record CalibrationInputs(IReadOnlyList<FitInput> Fit, IReadOnlyList<ObservedValues> Observed, string Payoff, string Method, int Starts, double? BacktestBefore);

/// <summary>One observed series against the model at the fitted values, with its fit statistics.</summary>
public sealed record SeriesFit(string Variable, IReadOnlyList<double> Times, IReadOnlyList<double> Observed, IReadOnlyList<double> Simulated,
    double Rmse, double Mape, double RSquared, double TheilUm, double TheilUs, double TheilUc);

/// <summary>An improvement of the payoff: after how many model runs, to which payoff.</summary>
public sealed record PayoffPoint(int Evaluation, double Payoff);

/// <summary>A forecast point of the back-test: the model fitted on the earlier observations against a later one.</summary>
public sealed record BacktestPoint(string Variable, double Time, double Observed, double Simulated, double PercentError);

/// <summary>The back-test: the constants fitted on the observations before <paramref name="FittedBefore"/>, and the later observations compared with the model run at them.</summary>
public sealed record Backtest(double FittedBefore, IReadOnlyDictionary<string, double> Values, IReadOnlyList<BacktestPoint> Points, double Rmse, double Mape, SimulationSeries Simulated);

/// <summary>A calibration's results: the fitted values, the fit (pooled and per series), the payoff history, the model's series at the fitted values and the back-test.</summary>
public sealed record CalibrationFit(
    IReadOnlyDictionary<string, double> Values,
    double Payoff,
    int Evaluations,
    bool Cancelled,
    IReadOnlyList<PayoffPoint> History,
    IReadOnlyList<SeriesFit> Series,
    double Rmse,
    double Mape,
    double RSquared,
    SimulationSeries Simulated,
    Backtest? Backtest);

/// <summary>
/// Calibration in the platform: checks the request against the model (each constant a constant with a range that holds
/// its start, each observed variable a variable of the model, each series readable from the records), runs it in the
/// background queue (Nelder-Mead or Powell from several starts, <see cref="Calibration"/>), then, when asked, the back-test:
/// the same fit on the observations before a time, forecasting the later ones.
/// </summary>
public static class DemandCalibration
{
    /// <summary>The most constants one calibration fits and the most starts it makes.</summary>
    public const int MaxConstants = 10;

    public const int MaxStarts = 16;

    /// <summary>The most model runs each start makes.</summary>
    public const int EvaluationsPerStart = 3000;

    /// <summary>Checks the calibration part of a run request and reads its observed series; the errors are named by field.</summary>
    public static async Task<CalibrationInputs?> CheckAsync(MovilidadDb db, CompiledModel model, RunRequest request, SimulationOptions simulation, FieldErrors errors, IStringLocalizer text, CancellationToken ct)
    {
        var variables = model.Model.Describe().ToDictionary(v => DemandRuns.Key(v.Name), StringComparer.Ordinal);
        var fit = request.Fit ?? [];
        if (fit.Count is 0 or > MaxConstants)
        {
            errors.Add("fit", text["Demand.Refusal.FitCount", MaxConstants, fit.Count]);
        }

        for (var i = 0; i < fit.Count; i++)
        {
            var f = fit[i];
            if (!variables.TryGetValue(DemandRuns.Key(f.Name ?? string.Empty), out var v) || v.Kind != StructureKind.Constant)
            {
                errors.Add($"fit[{i}].name", text["Demand.Refusal.NotAConstant", DemandRuns.Shorten(f.Name)]);
            }
            else if (fit.Take(i).Any(o => DemandRuns.Key(o.Name ?? string.Empty) == DemandRuns.Key(v.Name)))
            {
                errors.Add($"fit[{i}].name", text["Demand.Refusal.FittedTwice", v.Name]);
            }

            if (f.Low is not { } low || !double.IsFinite(low))
            {
                errors.Add($"fit[{i}].low", text["Demand.Refusal.Low"]);
            }

            if (f.High is not { } high || !double.IsFinite(high))
            {
                errors.Add($"fit[{i}].high", text["Demand.Refusal.High"]);
            }
            else if (f.Low is { } l && l > high)
            {
                errors.Add($"fit[{i}].high", text["Demand.Refusal.EmptyRange", l, high]);
            }

            var start = f.Start ?? v?.Value;
            if (f.Low is { } lo && f.High is { } hi && lo <= hi && start is { } s && (s < lo || s > hi))
            {
                errors.Add($"fit[{i}].start", text["Demand.Refusal.StartOutside", s, lo, hi]);
            }
        }

        if (request.Payoff is not (null or "sse" or "relative"))
        {
            errors.Add("payoff", text["Demand.Refusal.Payoff", DemandRuns.Shorten(request.Payoff)]);
        }

        if (request.Method is not (null or "nelder-mead" or "powell"))
        {
            errors.Add("method", text["Demand.Refusal.Method", DemandRuns.Shorten(request.Method)]);
        }

        if (request.Starts is < 1 or > MaxStarts)
        {
            errors.Add("starts", text["Demand.Refusal.Starts", MaxStarts]);
        }

        var result = model.Run(simulation, ct);
        var (first, last) = (result.Times[0], result.Times[^1]);
        var observed = new List<ObservedValues>();
        var asked = request.Observed ?? [];
        if (asked.Count == 0)
        {
            errors.Add("observed", text["Demand.Refusal.ObservedNone"]);
        }

        for (var i = 0; i < asked.Count; i++)
        {
            var o = asked[i];
            if (!variables.TryGetValue(DemandRuns.Key(o.Variable ?? string.Empty), out var v) || result.ColumnOf(v.Name) < 0)
            {
                errors.Add($"observed[{i}].variable", text["Demand.Refusal.NotSaved", DemandRuns.Shorten(o.Variable)]);
                continue;
            }

            if (o.Weight is { } w && (!double.IsFinite(w) || w <= 0))
            {
                errors.Add($"observed[{i}].weight", text["Demand.Refusal.Weight"]);
            }

            var (values, problem) = await ReadAsync(db, v.Name, o, first, last, text, ct);
            if (problem is { } p)
            {
                errors.Add($"observed[{i}].{p.Field}", p.Message);
            }
            else
            {
                observed.Add(values! with { Weight = o.Weight ?? 1 });
            }
        }

        if (request.BacktestBefore is { } before && errors.Count == 0)
        {
            var early = observed.Sum(o => o.Times.Count(t => t < before));
            var later = observed.Sum(o => o.Times.Count(t => t >= before));
            if (!double.IsFinite(before) || early < 2 || later < 1)
            {
                errors.Add("backtestBefore", text["Demand.Refusal.Backtest", DemandCharts.Time(before), early, later]);
            }
        }

        return errors.Count > 0 ? null : new CalibrationInputs([.. fit], observed, request.Payoff ?? "sse", request.Method ?? "nelder-mead", request.Starts ?? 4, request.BacktestBefore);
    }

    /// <summary>Reads an observed series from the records as a binding would, keeping the points inside the run.</summary>
    private static async Task<(ObservedValues? Values, (string Field, string Message)? Problem)> ReadAsync(MovilidadDb db, string variable, ObservedInput o, double first, double last, IStringLocalizer text, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(o.Measure))
        {
            return (null, ("measure", text["Demand.Refusal.Measure"].Value));
        }

        if (o.Aggregation is not (null or "sum" or "mean"))
        {
            return (null, ("aggregation", text["Demand.Refusal.Aggregation"].Value));
        }

        if (o.Alignment is not ("fiscal-year" or "calendar-year" or "quarter"))
        {
            return (null, ("alignment", text["Demand.Refusal.Alignment"].Value));
        }

        if (o.Scale is { } scale && (!double.IsFinite(scale) || scale == 0))
        {
            return (null, ("scale", text["Demand.Refusal.Scale"].Value));
        }

        var binding = new DemandBinding
        {
            Variable = variable,
            Kind = o.Scale is null or 1 ? "series" : "proxy",
            DatasetId = o.Dataset,
            Measure = o.Measure.Trim(),
            Occupation = string.IsNullOrWhiteSpace(o.Occupation) ? null : o.Occupation.Trim(),
            Area = string.IsNullOrWhiteSpace(o.Area) ? null : o.Area.Trim(),
            Programme = string.IsNullOrWhiteSpace(o.Programme) ? null : o.Programme.Trim(),
            Aggregation = o.Aggregation ?? "sum",
            Alignment = o.Alignment,
            Scale = o.Scale ?? 1,
        };
        var (series, problem) = await DemandBindings.ResolveAsync(db, binding, text, ct);
        if (problem is not null)
        {
            return (null, problem);
        }

        var inside = series!.Times.Select((t, i) => (t, v: series.Values[i])).Where(p => p.t >= first - 1e-9 && p.t <= last + 1e-9).ToList();
        if (inside.Count == 0)
        {
            return (null, ("measure", text["Demand.Refusal.OutsideRun", DemandCharts.Time(first), DemandCharts.Time(last)].Value));
        }

        var notes = series.Notes.ToList();
        if (inside.Count < series.Times.Count)
        {
            notes.Add(text["Demand.Note.OutsideRun", series.Times.Count - inside.Count, DemandCharts.Time(first), DemandCharts.Time(last)]);
        }

        return (new ObservedValues(variable, [.. inside.Select(p => p.t)], [.. inside.Select(p => p.v)], 1, notes), null);
    }

    /// <summary>Runs the calibration, then the back-test when asked; on a stop, the best values so far (no back-test).</summary>
    public static CalibrationFit Run(CompiledModel model, RunInputs inputs, Action<double> progress, CancellationToken ct)
    {
        var calibration = inputs.Calibration!;
        var fit = calibration.Fit.Select(f => new FitParameter(f.Name!, f.Low!.Value, f.High!.Value, f.Start)).ToList();
        var simulation = DemandRuns.Options(inputs);
        var rounds = calibration.BacktestBefore is null ? 1 : 2;
        var total = (double)calibration.Starts * EvaluationsPerStart * rounds;
        var options = new CalibrationOptions
        {
            Method = calibration.Method == "powell" ? CalibrationMethod.Powell : CalibrationMethod.NelderMead,
            Payoff = calibration.Payoff == "relative" ? CalibrationPayoff.RelativeError : CalibrationPayoff.SquaredError,
            Starts = calibration.Starts,
            Seed = inputs.Seed,
            MaxEvaluationsPerStart = EvaluationsPerStart,
            Simulation = simulation,
        };
        var observed = calibration.Observed.Select(o => new ObservedSeries(o.Variable, o.Times, o.Values, o.Weight)).ToList();
        var result = Calibration.Run(model, fit, observed, options with { Progress = new Progress(p => progress(Math.Min(1, p.Evaluations / total))) }, ct);
        var values = Named(fit, result.Values);
        var series = result.Fit.Select(f => new SeriesFit(f.Variable, f.Times, f.Observed, f.Simulated, f.Rmse, f.Mape, f.RSquared, f.TheilUm, f.TheilUs, f.TheilUc)).ToList();
        var pooled = new FitStatistics("all", [.. result.Fit.SelectMany(f => f.Times)], [.. result.Fit.SelectMany(f => f.Observed)], [.. result.Fit.SelectMany(f => f.Simulated)]);

        Backtest? backtest = null;
        if (calibration.BacktestBefore is { } before && !result.Cancelled && !ct.IsCancellationRequested)
        {
            var early = observed.Select(o => Part(o, t => t < before)).Where(o => o.Times.Count > 0).ToList();
            var done = result.Evaluations;
            var earlyFit = Calibration.Run(model, fit, early, options with { Progress = new Progress(p => progress(Math.Min(1, (done + p.Evaluations) / total))) }, ct);
            if (!earlyFit.Cancelled)
            {
                var forecast = Simulate(model, simulation, fit, earlyFit.Values, observed);
                var points = observed.SelectMany(o => o.Times.Select((t, i) => (o, t, i)).Where(p => p.t >= before).Select(p =>
                {
                    var simulated = Interpolate(forecast.Times, forecast.Series[p.o.Variable], p.t);
                    var actual = p.o.Values[p.i];
                    return new BacktestPoint(p.o.Variable, p.t, actual, simulated, actual == 0 ? double.NaN : 100 * (simulated - actual) / actual);
                })).ToList();
                var later = new FitStatistics("later", [.. points.Select(p => p.Time)], [.. points.Select(p => p.Observed)], [.. points.Select(p => p.Simulated)]);
                backtest = new Backtest(before, Named(fit, earlyFit.Values), points, later.Rmse, later.Mape, forecast);
            }
        }

        return new CalibrationFit(values, result.Payoff, result.Evaluations, result.Cancelled || ct.IsCancellationRequested,
            [.. result.History.Select(h => new PayoffPoint(h.Evaluation, h.Payoff))], series, pooled.Rmse, pooled.Mape, pooled.RSquared,
            Simulate(model, simulation, fit, result.Values, observed), backtest);
    }

    /// <summary>Saves a calibration's fit as a scenario of its model: the run's constants and lookups with the fitted values (audited like any scenario).</summary>
    public static async Task<WriteOutcome<ScenarioView>> SaveScenarioAsync(MovilidadDb db, DemandModel model, RunView run, string? name, IStringLocalizer text, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        if (run.Calibration is not { } fit)
        {
            return new WriteOutcome<ScenarioView>.Invalid(new Dictionary<string, string[]> { ["run"] = [text["Demand.Refusal.NotCalibration", run.Id]] });
        }

        var description = text["Demand.ScenarioFromCalibration", run.Id, run.ModelVersion, fit.Rmse.ToString("G5", CultureInfo.CurrentCulture),
            fit.Mape.ToString("0.##", CultureInfo.CurrentCulture), fit.RSquared.ToString("0.###", CultureInfo.CurrentCulture)].Value;
        return await DemandEditing.AddScenarioAsync(db, model, name, description, new ScenarioOverrides(ScenarioConstants(run), run.Inputs.Lookups.Count > 0 ? run.Inputs.Lookups : null), text, actor, clock, ct);
    }

    /// <summary>The constants of a scenario made from a calibration: the run's own constants, then the fitted values.</summary>
    public static Dictionary<string, double> ScenarioConstants(RunView run)
    {
        var constants = new Dictionary<string, double>(run.Inputs.Constants, StringComparer.Ordinal);
        foreach (var (name, value) in run.Calibration?.Values ?? new Dictionary<string, double>())
        {
            constants[name] = value;
        }

        return constants;
    }

    private static Dictionary<string, double> Named(IReadOnlyList<FitParameter> fit, IReadOnlyList<double> values) =>
        fit.Select((f, i) => (f.Name, Value: values[i])).ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);

    private static ObservedSeries Part(ObservedSeries o, Func<double, bool> keep)
    {
        var kept = o.Times.Select((t, i) => (t, i)).Where(p => keep(p.t)).ToList();
        return o with { Times = [.. kept.Select(p => p.t)], Values = [.. kept.Select(p => o.Values[p.i])] };
    }

    /// <summary>The observed variables over the whole run at the given values of the fitted constants.</summary>
    private static SimulationSeries Simulate(CompiledModel model, SimulationOptions simulation, IReadOnlyList<FitParameter> fit, IReadOnlyList<double> values, IReadOnlyList<ObservedSeries> observed)
    {
        var names = observed.Select(o => o.Variable).Distinct(StringComparer.Ordinal).ToList();
        var buffer = model.CreateBuffer(names);
        model.Run(buffer, model.Parameters([.. fit.Select(f => f.Name)]), [.. values], simulation);
        return new SimulationSeries([.. buffer.Times.ToArray()], names.ToDictionary(n => n, n => buffer.Series(n).ToArray(), StringComparer.Ordinal));
    }

    private static double Interpolate(IReadOnlyList<double> times, double[] values, double time)
    {
        if (time <= times[0])
        {
            return values[0];
        }

        for (var i = 1; i < times.Count; i++)
        {
            if (time <= times[i])
            {
                return values[i - 1] + ((time - times[i - 1]) / (times[i] - times[i - 1]) * (values[i] - values[i - 1]));
            }
        }

        return values[^1];
    }

    private sealed class Progress(Action<CalibrationProgress> report) : IProgress<CalibrationProgress>
    {
        public void Report(CalibrationProgress value) => report(value);
    }
}
