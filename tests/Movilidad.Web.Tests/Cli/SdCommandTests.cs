using System.Globalization;
using System.Text.RegularExpressions;

namespace Movilidad.Web.Tests.Cli;

/// <summary><c>movilidad sd run</c> and <c>sd check</c> as a modeller runs them: output, files and exit codes.</summary>
public sealed class SdCommandTests : IDisposable
{
    private const string Growth = """
        population = INTEG(births, 100) ~ people ~|
        births = population * rate ~ people/Year ~|
        rate = 0.1 ~ 1/Year ~|
        region: north, south ~~|
        share[region] = 0.25, 0.75 ~~|
        people in[region] = population * share[region] ~~|
        INITIAL TIME = 0 ~~|
        FINAL TIME = 2 ~~|
        TIME STEP = 1 ~~|
        SAVEPER = TIME STEP ~~|
        """;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("movilidad-sd-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string Write(string name, string text) => SdCli.Write(_folder, name, text);

    private static (int Exit, string Out, string Error) Sd(params string[] args) => SdCli.Run(args);

    private static string[][] Table(string text, char separator) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r').Split(separator))];

    [Fact]
    public void Run_Model_PrintsTimeFirstThenEachSavedVariableAsTheToolNamesIt()
    {
        var model = Write("growth.mdl", Growth);

        var (exit, output, error) = Sd("run", model);

        Assert.Equal((0, string.Empty), (exit, error));
        var table = Table(output, '\t');
        Assert.Equal("Time", table[0][0]);
        Assert.Contains("population", table[0]);
        Assert.Contains("people in[north]", table[0]);
        Assert.Equal(["0", "1", "2"], table.Skip(1).Select(row => row[0]));
        var population = Array.IndexOf(table[0], "population");
        Assert.Equal(["100", "110", "121"], table.Skip(1).Select(row => Math.Round(double.Parse(row[population], CultureInfo.InvariantCulture), 9).ToString(CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("results.csv", "Time,Infectious,Recovered\n0,5,0\n1,5.1,0.2\n")]
    [InlineData("notes.mdl", "hello world\nthis is not a model\n")]
    [InlineData("model.xmile", "just some words")]
    public void Run_FileThatIsNotAModel_SaysSoInOneLineWithTheFormatsAccepted(string name, string content)
    {
        var file = Write(name, content);

        var (exit, output, error) = Sd("run", file);

        Assert.Equal((1, string.Empty), (exit, output));
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains("not a system-dynamics model", error, StringComparison.Ordinal);
        Assert.Contains(".mdl", error, StringComparison.Ordinal);
        Assert.Contains(".xmile, .stmx, .itmx", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Infectious", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_BinaryFile_SaysItIsNotAModel()
    {
        var file = Path.Combine(_folder.FullName, "picture.png");
        File.WriteAllBytes(file, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x7C, 0x01, 0x02]);

        var (exit, _, error) = Sd("run", file);

        Assert.Equal(1, exit);
        Assert.Contains("not a system-dynamics model", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_OutOption_WritesCsvWithArrayNamesQuotedAndPrintsNothing()
    {
        var model = Write("growth.mdl", Growth + "age: young, old ~~|\npeople by age[region, age] = people in[region] / 2 ~~|\n");
        var csv = Path.Combine(_folder.FullName, "out.csv");

        var (exit, output, _) = Sd("run", model, "--out", csv);

        Assert.Equal((0, string.Empty), (exit, output));
        var lines = File.ReadAllLines(csv);
        Assert.StartsWith("Time,", lines[0], StringComparison.Ordinal);
        Assert.Contains(",\"people by age[south,old]\",", lines[0], StringComparison.Ordinal);
        Assert.Contains(",people in[south],", lines[0], StringComparison.Ordinal);
        Assert.Equal(4, lines.Length);
    }

    [Fact]
    public void Run_SetOption_OverridesTheConstant()
    {
        var model = Write("growth.mdl", Growth);

        var (exit, output, _) = Sd("run", model, "--set", "rate=0.5", "--set", "Rate = 0");

        Assert.Equal(0, exit);
        var table = Table(output, '\t');
        var population = Array.IndexOf(table[0], "population");
        Assert.All(table.Skip(1), row => Assert.Equal("100", row[population]));
    }

    [Theory]
    [InlineData("rate", 2, "NAME=VALUE")]
    [InlineData("rate=fast", 2, "NAME=VALUE")]
    [InlineData("speed=1", 1, "speed")]
    [InlineData("births=1", 1, "only constants and initial values can be set")]
    public void Run_BadSet_FailsWithAMessageNamingTheProblem(string assignment, int expectedExit, string expectedMessage)
    {
        var model = Write("growth.mdl", Growth);

        var (exit, output, error) = Sd("run", model, "--set", assignment);

        Assert.Equal(expectedExit, exit);
        Assert.Empty(output);
        Assert.Contains(expectedMessage, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MethodOption_ChangesTheIntegration()
    {
        var model = Write("growth.mdl", Growth);
        double Final(string method)
        {
            var (exit, output, _) = Sd("run", model, "--method", method);
            Assert.Equal(0, exit);
            var table = Table(output, '\t');
            return double.Parse(table[^1][Array.IndexOf(table[0], "population")], CultureInfo.InvariantCulture);
        }

        var exact = 100 * Math.Exp(0.2);

        Assert.Equal(121, Final("euler"), 9);
        Assert.True(Math.Abs(Final("rk2") - exact) < Math.Abs(121 - exact));
        Assert.Equal(exact, Final("rk4"), 1);
        Assert.True(Math.Abs(Final("rk4") - exact) < Math.Abs(Final("rk2") - exact));
    }

    [Fact]
    public void Run_UnknownMethod_IsRefusedBeforeRunning()
    {
        var model = Write("growth.mdl", Growth);

        var (exit, output, error) = Sd("run", model, "--method", "leapfrog");

        Assert.NotEqual(0, exit);
        Assert.DoesNotContain("Time\t", output, StringComparison.Ordinal);
        Assert.Contains("leapfrog", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DataOption_FeedsTheDataVariable()
    {
        var model = Write("demand.mdl", "demand ~~|\ndoubled = demand * 2 ~~|\nINITIAL TIME = 0 ~~|\nFINAL TIME = 10 ~~|\nTIME STEP = 5 ~~|\nSAVEPER = TIME STEP ~~|\n");
        var data = Write("demand.tab", "Time\tdemand\n0\t0\n10\t100\n");

        var (exit, output, error) = Sd("run", model, "--data", data);

        Assert.Equal((0, string.Empty), (exit, error));
        var table = Table(output, '\t');
        Assert.Equal(["0", "100", "200"], table.Skip(1).Select(row => row[Array.IndexOf(table[0], "doubled")]));
    }

    [Fact]
    public void Run_DataVariableWithoutData_FailsAskingForADataFile()
    {
        var model = Write("demand.mdl", "demand ~~|\ndoubled = demand * 2 ~~|\n");

        var (exit, _, error) = Sd("run", model);

        Assert.Equal(1, exit);
        Assert.Contains("--data", error, StringComparison.Ordinal);
        Assert.Contains("demand", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ModelWithAnError_FailsWithFileLineAndVariable()
    {
        var model = Write("broken.mdl", "x = 1 ~~|\ny = x + missing ~~|\n");

        var (exit, output, error) = Sd("run", model);

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Contains("broken.mdl:2", error, StringComparison.Ordinal);
        Assert.Contains("missing", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingModelFile_FailsSayingSo()
    {
        var (exit, _, error) = Sd("run", Path.Combine(_folder.FullName, "nowhere.mdl"));

        Assert.Equal(1, exit);
        Assert.Contains("nowhere.mdl", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ProgressAlways_DrawsTheBarToCompletionOnTheErrorStream()
    {
        var model = Write("growth.mdl", Growth);

        var (exit, output, error) = Sd("run", model, "--progress", "always");

        Assert.Equal(0, exit);
        Assert.Contains("Simulating", error, StringComparison.Ordinal);
        Assert.Contains("100%", error, StringComparison.Ordinal);
        Assert.StartsWith("Time\t", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ProgressAutoOffATerminal_WritesNothingButTheTable()
    {
        var model = Write("growth.mdl", Growth);

        var (exit, _, error) = Sd("run", model);

        Assert.Equal((0, string.Empty), (exit, error));
    }

    [Fact]
    public void Run_TimingsOption_NamesEachPhaseWithItsWallAndProcessorTimeOnTheErrorStream()
    {
        var model = Write("growth.mdl", Growth);
        var csv = Path.Combine(_folder.FullName, "out.csv");

        var (exit, output, error) = SdCli.RunIn(_ => null, "run", model, "--out", csv, "--timings");

        Assert.Equal((0, string.Empty), (exit, output));
        Assert.Equal(4, File.ReadAllLines(csv).Length);
        var lines = Lines(error);
        Assert.Equal("timings: wall clock (processor time of every thread)", lines[0]);
        Assert.Equal(
            ["process start", "reading the model", "compiling", "  equations to expressions", "  emitting IL", "  machine code (JIT)", "running", "writing the results", "total"],
            lines.Skip(1).Select(PhaseName));
        var wall = lines.Skip(1).Select(line => Milliseconds(line, @"(\d+) ms")).ToList();
        Assert.Equal(wall[^1], wall[0] + wall[1] + wall[2] + wall[6] + wall[7], 3.0);
        Assert.All([1, 2, 3, 7, 8, 9], i => Assert.Matches(@"\d+ ms \(\d+ ms\)$", lines[i]));
        Assert.All([4, 5, 6], i => Assert.EndsWith(" ms", lines[i], StringComparison.Ordinal));
    }

    [Fact]
    public void Run_TimingsUnderASpanishLocale_NamesThePhasesInSpanish()
    {
        var model = Write("growth.mdl", Growth);

        var (exit, _, error) = SdCli.RunIn(name => name == "LANG" ? "es_MX.UTF-8" : null, "run", model, "--out", Path.Combine(_folder.FullName, "out.csv"), "--timings");

        Assert.Equal(0, exit);
        var lines = Lines(error);
        Assert.Equal("tiempos: reloj (tiempo de procesador de todos los hilos)", lines[0]);
        Assert.Equal(
            ["arranque del proceso", "lectura del modelo", "compilación", "  ecuaciones a expresiones", "  emisión de IL", "  código máquina (JIT)", "simulación", "escritura de los resultados", "total"],
            lines.Skip(1).Select(PhaseName));
    }

    [Fact]
    public void Run_OptimizeOption_WritesTheSameTable()
    {
        var model = Write("growth.mdl", Growth);

        var quick = Sd("run", model);
        var optimized = Sd("run", model, "--optimize");

        Assert.Equal((0, string.Empty), (quick.Exit, quick.Error));
        Assert.Equal(quick, optimized);
    }

    [Fact]
    public void Run_WithoutTimings_PrintsNoTimings()
    {
        var model = Write("growth.mdl", Growth);

        var (exit, _, error) = Sd("run", model, "--out", Path.Combine(_folder.FullName, "out.csv"));

        Assert.Equal((0, string.Empty), (exit, error));
    }

    private static string[] Lines(string text) => [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r'))];

    /// <summary>A timings line is two spaces, the phase's name (indented two more under the compilation), then its figures.</summary>
    private static string PhaseName(string line) => Regex.Match(line, @"^  (.+?) +\d+ ms").Groups[1].Value;

    private static double Milliseconds(string line, string pattern) =>
        double.Parse(Regex.Match(line, pattern).Groups[1].Value, CultureInfo.InvariantCulture);

    [Fact]
    public void Check_PassingFailingAndBrokenModels_OneLineEachAndTheTotals()
    {
        Write("good/growth.mdl", Growth);
        Write("good/output.tab", "Time\tpopulation\tpeople in[south]\n0\t100\t75\n1\t110\t82.5\n2\t121\t90.75\n");
        Write("wrong/growth.mdl", Growth);
        Write("wrong/output.tab", "Time\tpopulation\n0\t100\n1\t111\n2\t121\n");
        Write("broken/broken.mdl", "y = 1 + missing ~~|\n");
        Write("broken/output.tab", "Time\ty\n0\t1\n");
        Write("unchecked/alone.mdl", Growth);

        var (exit, output, _) = Sd("check", _folder.FullName);

        Assert.Equal(1, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(4, lines.Count);
        Assert.StartsWith($"error  broken{Path.DirectorySeparatorChar}broken.mdl: ", lines[0], StringComparison.Ordinal);
        Assert.Contains("missing", lines[0], StringComparison.Ordinal);
        Assert.Equal($"pass   good{Path.DirectorySeparatorChar}growth.mdl", lines[1]);
        Assert.Equal($"fail   wrong{Path.DirectorySeparatorChar}growth.mdl: population at time 1: expected 111, got 110", lines[2]);
        Assert.Equal("1 passed, 2 failed", lines[3]);
    }

    [Fact]
    public void Check_EverythingPasses_ExitsWithZero()
    {
        Write("growth.mdl", Growth);
        Write("output.tab", "Time\tpopulation\n0\t100\n1\t110\n2\t121\n");

        var (exit, output, _) = Sd("check", _folder.FullName);

        Assert.Equal(0, exit);
        Assert.EndsWith($"1 passed, 0 failed{Environment.NewLine}", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_MissingFolder_ExitsWithTwo()
    {
        var (exit, _, error) = Sd("check", Path.Combine(_folder.FullName, "nowhere"));

        Assert.Equal(2, exit);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }
}
