using System.CommandLine;
using System.Globalization;
using Movilidad.Dynamics;
using Movilidad.Dynamics.Analysis;

namespace Movilidad.Cli.Sd;

/// <summary><c>movilidad sd calibrate</c>: fits constants of a model to observed series.</summary>
public static class CalibrateCommand
{
    public static Command Create()
    {
        var model = new Argument<FileInfo>("MODEL") { Description = "The model file (.mdl, .xmile, .stmx, .itmx)" };
        var data = new Option<FileInfo>("--data")
        {
            Description = "Observed series: CSV with a time column and one column per observed variable named as in the model; an optional row 'weight' gives each column's weight",
            Required = true,
        };
        var fit = new Option<string[]>("--fit") { Description = "A constant to fit and its range: NAME=LOW..HIGH, or NAME=LOW..HIGH@START (repeatable); the start is the model's value unless given, and must lie in the range", Required = true };
        var method = new Option<string>("--method") { Description = "nelder-mead (default) or powell", DefaultValueFactory = _ => "nelder-mead" };
        method.AcceptOnlyFromAmong("nelder-mead", "powell");
        var payoff = new Option<string>("--payoff") { Description = "sse (weighted sum of squared errors, default) or relative (squared relative errors)", DefaultValueFactory = _ => "sse" };
        payoff.AcceptOnlyFromAmong("sse", "relative");
        var seed = new Option<int>("--seed") { Description = "Seeds the other starts (default 0)" };
        var starts = new Option<int>("--starts") { Description = "How many starts (default 4): the first from the start values, the others spread over the ranges", DefaultValueFactory = _ => 4 };
        var scenario = RunInputs.ScenarioOption();
        var modelData = RunInputs.DataOption("--model-data");
        var history = new Option<FileInfo>("--history") { Description = "Write the payoff history (each improvement: run, start, payoff, values) to this CSV file" };
        var command = new Command("calibrate", "Fit constants of a model to observed data; prints NAME = VALUE per constant, then RMSE and the fit statistics")
        {
            model, data, fit, method, payoff, seed, starts, history, scenario, modelData,
        };
        command.SetAction((parse, cancellation) => Task.FromResult(Run(
            new Request(
                parse.GetValue(model)!,
                parse.GetValue(data)!,
                parse.GetValue(fit) ?? [],
                parse.GetValue(method) == "powell" ? CalibrationMethod.Powell : CalibrationMethod.NelderMead,
                parse.GetValue(payoff) == "relative" ? CalibrationPayoff.RelativeError : CalibrationPayoff.SquaredError,
                parse.GetValue(seed),
                parse.GetValue(starts),
                parse.GetValue(history),
                parse.GetValue(scenario),
                parse.GetValue(modelData) ?? []),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            cancellation)));
        return command;
    }

    private sealed record Request(FileInfo Model, FileInfo Data, string[] Fit, CalibrationMethod Method, CalibrationPayoff Payoff, int Seed, int Starts, FileInfo? History, FileInfo? Scenario, FileInfo[] ModelData);

    private static int Run(Request request, TextWriter stdout, TextWriter stderr, CancellationToken cancellation) =>
        SdErrors.Handle(request.Model, stderr, () =>
        {
            if (request.Starts is < 1 or > 1000)
            {
                throw new AnalysisException(string.Create(CultureInfo.InvariantCulture, $"--starts {request.Starts}: from 1 to 1,000 starts"));
            }

            var fit = request.Fit.Select(FitParameter.Parse).ToList();
            if (!request.Data.Exists)
            {
                throw new AnalysisException($"the data file '{request.Data.FullName}' does not exist");
            }

            var observed = ObservedData.ReadCsv(request.Data.FullName);
            var compiled = SystemDynamicsModel.Load(request.Model.FullName).Compile(cancellation);
            var progress = new Reporter(stderr);
            var result = Calibration.Run(
                compiled,
                fit,
                observed,
                new CalibrationOptions { Method = request.Method, Payoff = request.Payoff, Seed = request.Seed, Starts = request.Starts, Progress = progress, Simulation = RunInputs.Read(request.Scenario, request.ModelData) },
                cancellation);
            for (var k = 0; k < fit.Count; k++)
            {
                stdout.WriteLine(Invariant($"{fit[k].Name} = {result.Values[k]:G10}"));
            }

            stdout.WriteLine(Invariant($"RMSE = {result.Rmse:G6}"));
            foreach (var series in result.Fit)
            {
                stdout.WriteLine(Invariant(
                    $"{series.Variable}: {series.Points} points, RMSE = {series.Rmse:G6}, MAPE = {series.Mape:0.##} %, R2 = {series.RSquared:0.####}, Theil UM = {series.TheilUm:0.###}, US = {series.TheilUs:0.###}, UC = {series.TheilUc:0.###}"));
            }

            stdout.WriteLine(Invariant($"payoff = {result.Payoff:G6} after {result.Evaluations:N0} runs from {request.Starts} starts{(result.Cancelled ? " (stopped: best values so far)" : string.Empty)}"));
            if (request.History is not null)
            {
                using var writer = new StreamWriter(request.History.FullName, false, new System.Text.UTF8Encoding(false));
                writer.WriteLine("Run,Start,Payoff," + string.Join(',', fit.Select(p => p.Name)));
                foreach (var step in result.History)
                {
                    writer.WriteLine(Invariant($"{step.Evaluation},{step.Start},{step.Payoff:R},") + string.Join(',', step.Values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))));
                }
            }

            return result.Cancelled ? 130 : 0;
        });

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Prints the runs made and the best payoff on the error stream, at most once a second.</summary>
    private sealed class Reporter(TextWriter stderr) : IProgress<CalibrationProgress>
    {
        private readonly Lock _lock = new();
        private long _last = Environment.TickCount64;

        public void Report(CalibrationProgress value)
        {
            lock (_lock)
            {
                if (Environment.TickCount64 - _last < 1000)
                {
                    return;
                }

                _last = Environment.TickCount64;
                stderr.WriteLine(Invariant($"calibrating: {value.Evaluations:N0} runs, best payoff {value.BestPayoff:G6}"));
            }
        }
    }
}
