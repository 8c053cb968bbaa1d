using System.Globalization;

namespace Movilidad.Web.Tests.Cli;

/// <summary>
/// <c>movilidad sd sensitivity</c> (bands per saved time and variable, seeds reproduced) and <c>sd calibrate</c>
/// (constants recovered from data the model made); bad input refused in one line.
/// </summary>
public sealed class SdAnalysisCommandTests : IDisposable
{
    private const string Ramp = """
        y = INTEG(slope, 0) ~~|
        slope = 1 ~~|
        INITIAL TIME = 0 ~~|
        FINAL TIME = 4 ~~|
        TIME STEP = 1 ~~|
        SAVEPER = TIME STEP ~~|
        """;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("movilidad-analysis-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string Write(string name, string text) => SdCli.Write(_folder, name, text);

    private static (int Exit, string Out, string Error) Sd(params string[] args) => SdCli.Run(args);

    [Fact]
    public void Sensitivity_UniformSlope_WritesThePercentilesOfEachTimeAndVariable()
    {
        var model = Write("ramp.mdl", Ramp);
        var csv = Path.Combine(_folder.FullName, "bands.csv");

        var (exit, output, error) = Sd("sensitivity", model, "--runs", "1000", "--vary", "slope=uniform(0,1)", "--seed", "5", "--save", "y", "--out", csv);

        Assert.Equal((0, string.Empty), (exit, output));
        Assert.Contains("runs: 1,000/1,000", error, StringComparison.Ordinal);
        var lines = File.ReadAllLines(csv);
        Assert.Equal("Time,Variable,P5,P25,P50,P75,P95", lines[0]);
        Assert.Equal(6, lines.Length);
        var last = lines[^1].Split(',');
        Assert.Equal(["4", "y"], last[..2]);
        Assert.Equal([0.2, 1, 2, 3, 3.8], last[2..].Select(v => Math.Round(double.Parse(v, CultureInfo.InvariantCulture), 1)));
    }

    [Fact]
    public void Sensitivity_SameSeed_SameBandsAndSamples()
    {
        var model = Write("noisy.mdl", Ramp.Replace("slope = 1", "slope = RANDOM UNIFORM(0, scale, 3) ~~|\nscale = 1", StringComparison.Ordinal));
        string Bands(string seed, string samples)
        {
            var (exit, output, _) = Sd("sensitivity", model, "--runs", "50", "--vary", "scale=triangular(1,2,4)", "--seed", seed, "--sampling", "random", "--samples", Path.Combine(_folder.FullName, samples));
            Assert.Equal(0, exit);
            return output;
        }

        Assert.Equal(Bands("9", "a.csv"), Bands("9", "b.csv"));
        Assert.NotEqual(Bands("9", "a.csv"), Bands("10", "c.csv"));
        Assert.Equal(File.ReadAllText(Path.Combine(_folder.FullName, "a.csv")), File.ReadAllText(Path.Combine(_folder.FullName, "b.csv")));
        Assert.StartsWith("Run,Seed,scale", File.ReadAllLines(Path.Combine(_folder.FullName, "a.csv"))[0], StringComparison.Ordinal);
        Assert.StartsWith("3,12,", File.ReadAllLines(Path.Combine(_folder.FullName, "a.csv"))[4], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10", "slope=uniform(2,1)", 2, "LOW (2) is greater than HIGH (1)")]
    [InlineData("10000000", "slope=uniform(0,1)", 2, "from 1 to 100,000 runs")]
    [InlineData("10", "speed=uniform(0,1)", 1, "speed")]
    [InlineData("10", "slope=beta(1,2)", 2, "'beta' is not a known distribution")]
    public void Sensitivity_BadInput_OneLineNamingTheProblem(string runs, string vary, int expectedExit, string message)
    {
        var model = Write("ramp.mdl", Ramp);

        var (exit, output, error) = Sd("sensitivity", model, "--runs", runs, "--vary", vary);

        Assert.Equal((expectedExit, string.Empty), (exit, output));
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    private const string Logistic = """
        population = INTEG(growth, 10) ~~|
        growth = rate * population * (1 - population / capacity) ~~|
        rate = 0.3 ~~|
        capacity = 1000 ~~|
        INITIAL TIME = 2000 ~~|
        FINAL TIME = 2030 ~~|
        TIME STEP = 0.25 ~~|
        SAVEPER = 1 ~~|
        """;

    private string Observed(double rate, double capacity)
    {
        var model = Write("truth.mdl", Logistic);
        var (exit, output, _) = Sd("run", model, "--set", string.Create(CultureInfo.InvariantCulture, $"rate={rate}"), "--set", string.Create(CultureInfo.InvariantCulture, $"capacity={capacity}"));
        Assert.Equal(0, exit);
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r').Split('\t')).ToArray();
        var population = Array.IndexOf(rows[0], "population");
        return Write("observed.csv", "Year,population\n" + string.Join('\n', rows.Skip(1).Where((_, i) => i % 3 == 0).Select(r => $"{r[0]},{r[population]}")) + "\n");
    }

    [Theory]
    [InlineData("nelder-mead")]
    [InlineData("powell")]
    public void Calibrate_DataTheModelMade_PrintsEachConstantWithinOnePercentThenRmse(string method)
    {
        var data = Observed(0.42, 1500);
        var model = Write("logistic.mdl", Logistic);

        var (exit, output, error) = Sd("calibrate", model, "--data", data, "--fit", "rate=0.05..1", "--fit", "capacity=200..5000", "--method", method, "--seed", "3");

        Assert.True(exit == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("rate = ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("capacity = ", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("RMSE = ", lines[2], StringComparison.Ordinal);
        Assert.Equal(0.42, double.Parse(lines[0]["rate = ".Length..], CultureInfo.InvariantCulture), 0.0042);
        Assert.Equal(1500, double.Parse(lines[1]["capacity = ".Length..], CultureInfo.InvariantCulture), 15.0);
        Assert.True(double.Parse(lines[2]["RMSE = ".Length..], CultureInfo.InvariantCulture) < 1);
        Assert.Contains("population: 11 points", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rate=0.5..1", 2, "rate: the start value 0.3 is outside the range 0.5..1")]
    [InlineData("rate=1..0.5", 2, "LOW (1) is greater than HIGH (0.5)")]
    [InlineData("speed=0..1", 1, "speed")]
    public void Calibrate_BadRange_OneLineNamingTheProblem(string fit, int expectedExit, string message)
    {
        var data = Observed(0.42, 1500);
        var model = Write("logistic.mdl", Logistic);

        var (exit, output, error) = Sd("calibrate", model, "--data", data, "--fit", fit);

        Assert.Equal((expectedExit, string.Empty), (exit, output));
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Calibrate_DataWithText_NamesLineAndColumn()
    {
        var model = Write("logistic.mdl", Logistic);
        var data = Write("observed.csv", "Year,population\n2000,10\n2001,lots\n");

        var (exit, _, error) = Sd("calibrate", model, "--data", data, "--fit", "rate=0.1..1");

        Assert.Equal(2, exit);
        Assert.Equal("observed.csv, line 3, column population: 'lots' is not a number", error.TrimEnd());
    }

    [Fact]
    public void Scenario_ChangesFile_OverridesConstantsInRunAndSensitivity()
    {
        var model = Write("ramp.mdl", Ramp);
        var scenario = Write("steep.cin", "{a steeper ramp}\nslope = 3\n");

        static string FinalY((int Exit, string Out, string Error) run)
        {
            Assert.Equal(0, run.Exit);
            var rows = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r').Split('\t')).ToArray();
            return rows[^1][Array.IndexOf(rows[0], "y")];
        }

        Assert.Equal("12", FinalY(Sd("run", model, "--scenario", scenario)));
        // --set wins over the scenario.
        Assert.Equal("8", FinalY(Sd("run", model, "--scenario", scenario, "--set", "slope=2")));
        var extra = Write("other.mdl", Ramp.Replace("slope = 1", "slope = 1 ~~|\nother = 1 ~~|\nz = y * other", StringComparison.Ordinal));
        var (exit, output, _) = Sd("sensitivity", extra, "--runs", "10", "--vary", "other=uniform(1,1)", "--save", "z", "--scenario", scenario);
        Assert.Equal(0, exit);
        Assert.EndsWith("4,z,12,12,12,12,12", output.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Scenario_BadLine_OneLineNamingFileAndLine()
    {
        var model = Write("ramp.mdl", Ramp);
        var scenario = Write("bad.cin", "slope = 3\nslope = steep\n");

        var (exit, output, error) = Sd("run", model, "--scenario", scenario);

        Assert.Equal((2, string.Empty), (exit, output));
        Assert.Equal("bad.cin, line 2: 'steep' is not a number (a changes file sets constants to numbers and lookups to tables)", error.TrimEnd());
    }

    [Fact]
    public void DataOptions_ModelWithADataVariable_RunsInSensitivityAndCalibrate()
    {
        var model = Write("demand.mdl", "demand ~~|\nscaled = demand * scale ~~|\nscale = 1 ~~|\nINITIAL TIME = 0 ~~|\nFINAL TIME = 10 ~~|\nTIME STEP = 5 ~~|\nSAVEPER = TIME STEP ~~|\n");
        var data = Write("demand.tab", "Time\tdemand\n0\t0\n10\t100\n");
        var observed = Write("observed.csv", "Time,scaled\n5,150\n10,300\n");

        var (exit, output, error) = Sd("sensitivity", model, "--runs", "20", "--vary", "scale=uniform(2,2)", "--save", "scaled", "--data", data);
        Assert.True(exit == 0, error);
        Assert.EndsWith("10,scaled,200,200,200,200,200", output.TrimEnd(), StringComparison.Ordinal);

        (exit, output, error) = Sd("calibrate", model, "--data", observed, "--fit", "scale=0..10", "--model-data", data);
        Assert.True(exit == 0, error);
        Assert.StartsWith("scale = 3", output, StringComparison.Ordinal);
    }
}
