using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Movilidad.Dynamics;
using Movilidad.Dynamics.Results;
using Spectre.Console;

namespace Movilidad.Cli.Sd;

/// <summary><c>movilidad sd</c>: run system-dynamics models and check them against reference outputs.</summary>
public static class SdCommand
{
    /// <param name="environment">Where the locale is read from (LC_ALL, LC_MESSAGES, LANG) for the language of <c>sd run</c>'s
    /// messages and timings; the process's environment when null.</param>
    public static Command Create(Func<string, string?>? environment = null)
    {
        var sd = new Command("sd", "Run Vensim (.mdl) and XMILE system-dynamics models");
        sd.Add(CreateRun(SdErrors.LanguageOf(environment ?? Environment.GetEnvironmentVariable)));
        sd.Add(CreateCheck());
        sd.Add(SensitivityCommand.Create());
        sd.Add(CalibrateCommand.Create());
        return sd;
    }

    private static Command CreateRun(CultureInfo language)
    {
        var model = new Argument<FileInfo>("MODEL") { Description = "The model file (.mdl, .xmile, .stmx, .itmx)" };
        var method = new Option<string>("--method") { Description = "Integration method: euler, rk2 or rk4 (default: the model's)" };
        method.AcceptOnlyFromAmong("euler", "rk2", "rk4");
        var set = new Option<string[]>("--set") { Description = "Override a constant: NAME=VALUE (repeatable)" };
        var data = RunInputs.DataOption("--data");
        var output = new Option<FileInfo>("--out") { Description = "Write the results to this CSV file instead of printing them" };
        var progress = new Option<string>("--progress") { Description = "Progress bar on the error stream: auto (on a terminal, for runs over half a second), always or never", DefaultValueFactory = _ => "auto" };
        progress.AcceptOnlyFromAmong("auto", "always", "never");
        var precision = new Option<string>("--precision") { Description = "Arithmetic: double (default) or single, to reproduce a single-precision Vensim's results", DefaultValueFactory = _ => "double" };
        precision.AcceptOnlyFromAmong("double", "single");
        var scenario = RunInputs.ScenarioOption();
        var timings = new Option<bool>("--timings") { Description = "Print on the error stream how long each phase took (process start, reading, compiling, running, writing the results): wall clock and processor time" };
        var optimize = new Option<bool>("--optimize") { Description = "Make fully optimised machine code: slower to start, faster per step (for runs of many thousands of steps)" };
        var command = new Command("run", "Run a model and print or write its results table") { model, method, set, data, output, progress, precision, scenario, timings, optimize };
        command.SetAction((parse, cancellation) => Task.FromResult(Run(
            new RunRequest(
                parse.GetValue(model)!,
                parse.GetValue(method),
                parse.GetValue(set) ?? [],
                parse.GetValue(data) ?? [],
                parse.GetValue(output),
                parse.GetValue(progress) ?? "auto",
                parse.GetValue(precision) == "single" ? Precision.Single : Precision.Double,
                parse.GetValue(scenario),
                parse.GetValue(timings),
                parse.GetValue(optimize)),
            language,
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            cancellation)));
        return command;
    }

    private static Command CreateCheck()
    {
        var directory = new Argument<DirectoryInfo>("DIR") { Description = "A folder searched for models with a reference output beside them" };
        var command = new Command("check", "Run every model that has a reference output and compare") { directory };
        command.SetAction((parse, cancellation) => Task.FromResult(Check(parse.GetValue(directory)!, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellation)));
        return command;
    }

    private sealed record RunRequest(FileInfo Model, string? Method, string[] Sets, FileInfo[] DataFiles, FileInfo? Output, string Progress, Precision Precision, FileInfo? Scenario, bool Timings, bool Optimize);

    private static int Run(RunRequest request, CultureInfo language, TextWriter stdout, TextWriter stderr, CancellationToken cancellation) =>
        SdErrors.Handle(request.Model, stderr, language, () =>
        {
            var timings = request.Timings ? new RunTimings() : null;
            var scenario = RunInputs.Read(request.Scenario, request.DataFiles);
            var constants = new Dictionary<string, double>(scenario.Constants, StringComparer.Ordinal);
            foreach (var assignment in request.Sets)
            {
                var equals = assignment.LastIndexOf('=');
                if (equals <= 0 || !double.TryParse(assignment[(equals + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    stderr.WriteLine($"--set expects NAME=VALUE with a number, not '{assignment}'");
                    return 2;
                }

                constants[assignment[..equals].Trim()] = value;
            }

            var loaded = SystemDynamicsModel.Load(request.Model.FullName);
            timings?.Mark(RunTimings.Phase.Read);
            var compiled = loaded.Compile(request.Precision, request.Optimize ? CompileFor.ManyRuns : CompileFor.OneRun, cancellation);
            timings?.Compiled(compiled);
            var options = scenario with
            {
                Constants = constants,
                Method = request.Method switch
                {
                    "rk2" => IntegrationMethod.RungeKutta2,
                    "rk4" => IntegrationMethod.RungeKutta4,
                    "euler" => IntegrationMethod.Euler,
                    _ => null,
                },
            };
            var result = RunWithProgress(compiled, options, request.Progress, stderr, cancellation);
            timings?.Mark(RunTimings.Phase.Run);
            if (request.Output is null)
            {
                Write(result, stdout, '\t');
            }
            else
            {
                using var writer = new StreamWriter(request.Output.FullName, false, new UTF8Encoding(false));
                Write(result, writer, ',');
            }

            if (timings is not null)
            {
                timings.Mark(RunTimings.Phase.Write);
                timings.Write(stderr, language);
            }

            return 0;
        });

    /// <summary>
    /// Runs on a worker. With <c>auto</c> a progress bar appears on the error stream only when it is a terminal and
    /// the run lasts more than a moment; <c>always</c> draws it on any error stream, <c>never</c> not at all.
    /// </summary>
    private static SimulationResult RunWithProgress(CompiledModel compiled, SimulationOptions options, string mode, TextWriter stderr, CancellationToken cancellation)
    {
        var fraction = 0.0;
        var progress = new Progress(value => Volatile.Write(ref fraction, value));
        var run = Task.Run(() => compiled.Run(options with { Progress = progress }, cancellation), cancellation);
        var show = mode switch
        {
            "always" => true,
            "never" => false,
            _ => !Finished(run, 500) && stderr == Console.Error && !Console.IsErrorRedirected,
        };
        if (!show)
        {
            return run.GetAwaiter().GetResult();
        }

        // Asked for explicitly, the bar is drawn even where the stream does not look like a terminal (a log, a pipe).
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stderr),
            Interactive = mode == "always" ? InteractionSupport.Yes : InteractionSupport.Detect,
        });
        console.Progress().Start(context =>
        {
            var task = context.AddTask("Simulating", maxValue: 1.0);
            while (!Finished(run, 100))
            {
                task.Value = Volatile.Read(ref fraction);
            }

            if (run.IsCompletedSuccessfully)
            {
                task.Value = 1.0;
            }
        });
        return run.GetAwaiter().GetResult();
    }

    /// <summary>Waits a little for the run without unwrapping its failure, which GetResult then rethrows as it was.</summary>
    private static bool Finished(Task run, int milliseconds) =>
        Task.WhenAny(run, Task.Delay(milliseconds)).GetAwaiter().GetResult() == run;

    private static void Write(SimulationResult result, TextWriter writer, char separator)
    {
        var sb = new StringBuilder("Time");
        foreach (var name in result.Names)
        {
            sb.Append(separator).Append(separator == ',' && name.Contains(',', StringComparison.Ordinal) ? $"\"{name}\"" : name);
        }

        writer.WriteLine(sb.ToString());
        Span<char> number = stackalloc char[32];
        var constant = ConstantTexts(result, number);
        for (var row = 0; row < result.Times.Count; row++)
        {
            sb.Clear();
            Append(sb, result.Times[row], number);
            for (var column = 0; column < constant.Length; column++)
            {
                sb.Append(separator);
                if (constant[column] is { } text)
                {
                    sb.Append(text);
                }
                else
                {
                    Append(sb, result[row, column], number);
                }
            }

            writer.WriteLine(sb);
        }
    }

    /// <summary>
    /// The text of each column that holds the same value (to the bit) on every row, written once rather than once per
    /// row: most of a large model's saved variables are constants (over half of C-LEARN's).
    /// </summary>
    private static string?[] ConstantTexts(SimulationResult result, Span<char> buffer)
    {
        var texts = new string?[result.Names.Count];
        for (var column = 0; column < texts.Length; column++)
        {
            var bits = MemoryMarshal.Cast<double, long>(result.Column(column));
            if (bits.Length > 1 && !bits.ContainsAnyExcept(bits[0]))
            {
                result.Column(column)[0].TryFormat(buffer, out var written, "R", CultureInfo.InvariantCulture);
                texts[column] = new string(buffer[..written]);
            }
        }

        return texts;
    }

    /// <summary>The shortest text that reads back as the same double, without a string per value (C-LEARN writes over a million).</summary>
    private static void Append(StringBuilder sb, double value, Span<char> buffer)
    {
        value.TryFormat(buffer, out var written, "R", CultureInfo.InvariantCulture);
        sb.Append(buffer[..written]);
    }

    private static int Check(DirectoryInfo directory, TextWriter stdout, TextWriter stderr, CancellationToken cancellation)
    {
        if (!directory.Exists)
        {
            stderr.WriteLine($"the folder '{directory.FullName}' does not exist");
            return 2;
        }

        var passed = 0;
        var failed = 0;
        foreach (var (model, reference) in ConformanceCheck.FindModels(directory.FullName))
        {
            cancellation.ThrowIfCancellationRequested();
            var check = ConformanceCheck.Check(model, reference, TimeSpan.FromSeconds(30), cancellationToken: cancellation);
            var relative = Path.GetRelativePath(directory.FullName, model);
            switch (check.Status)
            {
                case CheckStatus.Passed:
                    passed++;
                    stdout.WriteLine($"pass   {relative}");
                    break;
                case CheckStatus.Failed:
                    failed++;
                    stdout.WriteLine($"fail   {relative}: {check.Detail}");
                    break;
                default:
                    failed++;
                    stdout.WriteLine($"error  {relative}: {check.Detail}");
                    break;
            }
        }

        stdout.WriteLine($"{passed} passed, {failed} failed");
        return failed == 0 ? 0 : 1;
    }

    private sealed class Progress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
