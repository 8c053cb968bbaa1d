using System.Diagnostics;
using System.Globalization;
using Movilidad.Dynamics.Results;

namespace Movilidad.Dynamics.Bench;

/// <summary>
/// Times the engine side by side with the C that SDEverywhere generates for the same models (built by
/// <c>bench/sde/build.sh</c> from npm), in the same run and alternating, and prints the ratios.
/// </summary>
internal static class SdeComparison
{
    public static void Run(TextWriter output, double seconds)
    {
        var script = Path.Combine(Path.GetDirectoryName(BenchFolder.Models)!, "sde", "build.sh");
        var work = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "movilidad-sde-bench")).FullName;
        output.WriteLine($"load average at the start: {LoadAverage()}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"processor time per 1,000 steps (thread time, best of 3 alternating rounds of {seconds:0.#} s each); C = SDEverywhere's generated C, cc -O3"));
        output.WriteLine("| model | steps | saved (C / C#) | C all saved | C# all saved | ratio | C saving off | C# saving off | ratio | final values agreeing |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, path) in PublishedModels.All)
        {
            var binary = Shell(script, [path, Path.Combine(work, name)]).Trim().Split('\n')[^1];
            var model = SystemDynamicsModel.Load(path).Compile();
            var agreement = Agreement(binary, model);
            var (cAll, cNone, cSaved) = (double.MaxValue, double.MaxValue, 0);
            var (all, none, saved, steps) = (double.MaxValue, double.MaxValue, 0, 0L);
            for (var round = 0; round < 3; round++)
            {
                var c = ParseDriver(Shell(binary, [seconds.ToString(CultureInfo.InvariantCulture)]));
                (cAll, cNone, cSaved) = (Math.Min(cAll, c.All), Math.Min(cNone, c.None), c.Outputs);
                var budget = TimeSpan.FromSeconds(seconds);
                var allSaved = PublishedModels.Time(model, saveAll: true, budget);
                var noneSaved = PublishedModels.Time(model, saveAll: false, budget);
                (all, none, saved, steps) = (Math.Min(all, allSaved.PerThousandSteps), Math.Min(none, noneSaved.PerThousandSteps), allSaved.Saved, allSaved.Steps);
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {steps} | {cSaved} / {saved} | {cAll:0.000} ms | {all:0.000} ms | {all / cAll:0.00}x | {cNone:0.000} ms | {none:0.000} ms | {none / cNone:0.00}x | {agreement} |"));
        }

        output.WriteLine($"load average at the end: {LoadAverage()}");
    }

    /// <summary>How many variables the C and the engine both save agree on at the final time, by PySD's rule (:NA: as NaN).</summary>
    private static string Agreement(string binary, CompiledModel model)
    {
        var lines = Shell(binary, ["values"]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var names = lines[0].Split('\t');
        var values = lines[1].Split('\t');
        var result = model.Run();
        var (compared, agreed) = (0, 0);
        for (var i = 0; i < names.Length; i++)
        {
            var column = result.ColumnOf(names[i].Trim('"'));
            if (column < 0)
            {
                continue;
            }

            compared++;
            // The C writes Vensim's :NA: as the number Vensim uses (-2^109); the engine as NaN.
            var c = double.Parse(values[i], CultureInfo.InvariantCulture);
            if (ResultComparison.Matches(c <= -1e33 ? double.NaN : c, result[result.Times.Count - 1, column]))
            {
                agreed++;
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{agreed} of {compared}");
    }

    private static (double All, double None, int Outputs) ParseDriver(string line)
    {
        var fields = line.Trim().Split(' ').Select(f => f.Split('=')).ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal);
        return (double.Parse(fields["all"], CultureInfo.InvariantCulture), double.Parse(fields["none"], CultureInfo.InvariantCulture), int.Parse(fields["outputs"], CultureInfo.InvariantCulture));
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string Shell(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {stderr.Result}");
        }

        return stdout;
    }
}
