using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Movilidad.Dynamics;
using Movilidad.Dynamics.Analysis;

namespace Movilidad.Cli.Sd;

/// <summary><c>movilidad sd sensitivity</c>: Monte Carlo runs of a model with percentile bands per saved time and variable.</summary>
public static class SensitivityCommand
{
    public static Command Create()
    {
        var model = new Argument<FileInfo>("MODEL") { Description = "The model file (.mdl, .xmile, .stmx, .itmx)" };
        var runs = new Option<int>("--runs") { Description = $"How many runs (1 to {Sensitivity.MaxRuns:N0})", Required = true };
        var vary = new Option<string[]>("--vary")
        {
            Description = "A constant and its distribution: NAME=uniform(LOW,HIGH), normal(MEAN,SD), truncnormal(MEAN,SD,LOW,HIGH), triangular(LOW,MODE,HIGH) or discrete(V1,V2,...) (repeatable)",
            Required = true,
        };
        var seed = new Option<int>("--seed") { Description = "Seeds the sample; run i's random functions get seed S+i (default 0)" };
        var sampling = new Option<string>("--sampling") { Description = "lhs (Latin hypercube, default) or random", DefaultValueFactory = _ => "lhs" };
        sampling.AcceptOnlyFromAmong("lhs", "random");
        var output = new Option<FileInfo>("--out") { Description = "Write the bands (Time,Variable,P5,P25,P50,P75,P95) to this CSV file instead of printing them" };
        var save = new Option<string[]>("--save") { Description = "Only these variables (repeatable; every variable by default)" };
        var samples = new Option<FileInfo>("--samples") { Description = "Write each run's seed and input values to this CSV file, to reproduce any run" };
        var scenario = RunInputs.ScenarioOption();
        var modelData = RunInputs.DataOption("--data");
        var correlations = new Option<FileInfo>("--correlations") { Description = "Write the rank correlation of each input with each variable at the final time to this CSV file" };
        var command = new Command("sensitivity", "Run a model many times with constants drawn from distributions; percentiles 5, 25, 50, 75, 95 per saved time and variable")
        {
            model, runs, vary, seed, sampling, output, save, samples, correlations, scenario, modelData,
        };
        command.SetAction((parse, cancellation) => Task.FromResult(Run(
            new Request(
                parse.GetValue(model)!,
                parse.GetValue(runs),
                parse.GetValue(vary) ?? [],
                parse.GetValue(seed),
                parse.GetValue(sampling) == "random" ? Sampling.Random : Sampling.LatinHypercube,
                parse.GetValue(output),
                parse.GetValue(save) is { Length: > 0 } names ? names : null,
                parse.GetValue(samples),
                parse.GetValue(correlations),
                parse.GetValue(scenario),
                parse.GetValue(modelData) ?? []),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            cancellation)));
        return command;
    }

    private sealed record Request(FileInfo Model, int Runs, string[] Vary, int Seed, Sampling Sampling, FileInfo? Output, string[]? Save, FileInfo? Samples, FileInfo? Correlations, FileInfo? Scenario, FileInfo[] ModelData);

    private static int Run(Request request, TextWriter stdout, TextWriter stderr, CancellationToken cancellation)
    {
        return SdErrors.Handle(request.Model, stderr, () =>
        {
            if (request.Runs < 1 || request.Runs > Sensitivity.MaxRuns)
            {
                throw new AnalysisException(string.Create(CultureInfo.InvariantCulture, $"--runs {request.Runs:N0}: a sensitivity set has from 1 to {Sensitivity.MaxRuns:N0} runs"));
            }

            var variations = request.Vary.Select(Variation.Parse).ToList();
            var compiled = SystemDynamicsModel.Load(request.Model.FullName).Compile(cancellation);
            var clock = Stopwatch.StartNew();
            var progress = new RunsProgress(stderr, request.Runs);
            var result = Sensitivity.Run(
                compiled,
                variations,
                new SensitivityOptions { Runs = request.Runs, Seed = request.Seed, Sampling = request.Sampling, Save = request.Save, Progress = progress, Simulation = RunInputs.Read(request.Scenario, request.ModelData) },
                cancellation);
            progress.Finish();
            if (request.Output is null)
            {
                result.WriteBands(stdout);
            }
            else
            {
                using var writer = new StreamWriter(request.Output.FullName, false, new UTF8Encoding(false));
                result.WriteBands(writer);
            }

            if (request.Samples is not null)
            {
                using var writer = new StreamWriter(request.Samples.FullName, false, new UTF8Encoding(false));
                result.WriteSample(writer);
            }

            if (request.Correlations is not null)
            {
                using var writer = new StreamWriter(request.Correlations.FullName, false, new UTF8Encoding(false));
                WriteCorrelations(result, writer);
            }

            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.Runs:N0} runs in {clock.Elapsed.TotalSeconds:0.0} s ({(request.Sampling == Sampling.Random ? "random" : "Latin hypercube")} sample, seed {request.Seed}; run i used seed {request.Seed}+i)"));
            return 0;
        });
    }

    private static void WriteCorrelations(SensitivityResult result, TextWriter writer)
    {
        var last = result.Times.Count - 1;
        writer.WriteLine("Time,Variable,Input,Spearman");
        for (var variable = 0; variable < result.Names.Count; variable++)
        {
            for (var input = 0; input < result.Inputs.Count; input++)
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{result.Times[last]:R},{Csv(result.Names[variable])},{Csv(result.Inputs[input].Name)},{result.RankCorrelation(input, variable, last):R}"));
            }
        }
    }

    private static string Csv(string text) => text.Contains(',', StringComparison.Ordinal) ? $"\"{text}\"" : text;

    /// <summary>Prints the runs done on the error stream: a line rewritten in place on a terminal, a line per tenth elsewhere.</summary>
    private sealed class RunsProgress(TextWriter stderr, int total) : IProgress<int>
    {
        private readonly bool _terminal = stderr == Console.Error && !Console.IsErrorRedirected;
        private readonly Lock _lock = new();
        private int _shown;

        public void Report(int value)
        {
            lock (_lock)
            {
                if (value <= _shown)
                {
                    return;
                }

                if (_terminal)
                {
                    stderr.Write(string.Create(CultureInfo.InvariantCulture, $"\rruns: {value:N0}/{total:N0}"));
                    _shown = value;
                }
                else if ((long)value * 10 / total > (long)_shown * 10 / total)
                {
                    stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"runs: {value:N0}/{total:N0}"));
                    _shown = value;
                }
            }
        }

        public void Finish()
        {
            if (_terminal)
            {
                stderr.WriteLine();
            }
        }
    }
}
