using Movilidad.Dynamics.Analysis;

namespace Movilidad.Dynamics.Tests.Analysis;

/// <summary>Monte Carlo sensitivity: samples, percentile bands against known distributions, rank correlation, seeds.</summary>
public sealed class SensitivityTests
{
    private const string Ramp = """
        y = INTEG(slope, 0) ~~|
        slope = 1 ~~|
        other = 5 ~~|
        z = y + 0 * other ~~|
        """;

    private static CompiledModel Compile(string text, double final = 10) => ModelText.Vensim(text, final).Compile();

    [Fact]
    public void Run_UniformSlope_BandsAreTheUniformQuantilesTimesTime()
    {
        // y(t) = slope × t, so with slope ~ U(0, 1) the p-th percentile of y(10) is p / 10.
        var result = Sensitivity.Run(Compile(Ramp), [Variation.Parse("slope=uniform(0,1)")], new SensitivityOptions { Runs = 1000, Seed = 7, Save = ["y"] });

        var last = result.Times.Count - 1;
        Assert.Equal(10, result.Times[last]);
        var band = result.Band(result.IndexOf("y"), last);
        Assert.Equal([0.5, 2.5, 5, 7.5, 9.5], band.Select(v => Math.Round(v, 1)));
        Assert.All(result.Band(result.IndexOf("y"), 0), v => Assert.Equal(0, v));
    }

    [Fact]
    public void Run_NormalSlope_BandsAreTheNormalQuantilesTimesTime()
    {
        var result = Sensitivity.Run(Compile(Ramp), [Variation.Parse("slope=normal(10,2)")], new SensitivityOptions { Runs = 4000, Seed = 1, Save = ["y"] });

        double[] z = [-1.6448536269514722, -0.6744897501960817, 0, 0.6744897501960817, 1.6448536269514722];
        var band = result.Band(0, 10);
        for (var i = 0; i < z.Length; i++)
        {
            Assert.Equal(10 * (10 + (2 * z[i])), band[i], 0.2);
        }
    }

    [Fact]
    public void Run_TwoInputs_RankCorrelationFindsTheOneThatDrivesTheOutput()
    {
        var result = Sensitivity.Run(Compile(Ramp), [Variation.Parse("slope=triangular(0,1,3)"), Variation.Parse("other=uniform(0,100)")], new SensitivityOptions { Runs = 500, Seed = 3, Save = ["z"] });

        Assert.Equal(1, result.RankCorrelation(0, 0, 10), 12);
        Assert.InRange(result.RankCorrelation(1, 0, 10), -0.15, 0.15);
    }

    [Fact]
    public void Run_SomeRunsNotANumber_BandsLeaveThemOutAndCountThem()
    {
        // sqrt(slope - 0.5) is not a number for the half of the runs with slope below 0.5.
        var model = Compile("root = SQRT(slope - 0.5) ~~|\nslope = 1 ~~|", final: 1);

        var result = Sensitivity.Run(model, [Variation.Parse("slope=uniform(0,1)")], new SensitivityOptions { Runs = 100, Save = ["root"] });

        Assert.Equal(50, result.NotANumber(0, 0));
        Assert.All(result.Band(0, 0), v => Assert.True(double.IsFinite(v)));
        Assert.Equal(Math.Sqrt(0.25), result.Band(0, 0)[2], 0.02);
    }

    [Fact]
    public void Sample_LatinHypercube_PutsOneDrawInEachStratum()
    {
        var sample = Sensitivity.Sample([new Distribution.Uniform(0, 1), new Distribution.Uniform(0, 1)], 50, Sampling.LatinHypercube, 11);

        for (var j = 0; j < 2; j++)
        {
            var strata = Enumerable.Range(0, 50).Select(i => (int)(sample[i, j] * 50)).Order();
            Assert.Equal(Enumerable.Range(0, 50), strata);
        }
    }

    [Fact]
    public void Run_RandomFunctionsAndSameSeed_ReproduceEveryRunExactly()
    {
        var model = Compile("""
            noise = RANDOM UNIFORM(0, 1, 17) ~~|
            level = INTEG(noise * scale, 0) ~~|
            scale = 1 ~~|
            """, 20);
        var options = new SensitivityOptions { Runs = 40, Seed = 123, Sampling = Sampling.Random, Save = ["level"] };
        var first = Sensitivity.Run(model, [Variation.Parse("scale=uniform(1,2)")], options);
        var second = Sensitivity.Run(model, [Variation.Parse("scale=uniform(1,2)")], options with { MaxDegreeOfParallelism = 1 });

        for (var run = 0; run < 40; run++)
        {
            Assert.Equal(first.Input(run, 0), second.Input(run, 0));
            Assert.Equal(first.Value(0, 20, run), second.Value(0, 20, run));
        }

        // Run 17 alone, with the seed and value the set recorded, gives the same series.
        var alone = model.Run(new SimulationOptions { Seed = first.RunSeed(17), Constants = new Dictionary<string, double> { ["scale"] = first.Input(17, 0) } });
        for (var row = 0; row <= 20; row++)
        {
            Assert.Equal(alone.Series("level")[row], first.Value(0, row, 17));
        }

        // The runs differ from one another (their streams are seeded apart) and another seed gives another set.
        Assert.NotEqual(first.Value(0, 20, 0), first.Value(0, 20, 1));
        var other = Sensitivity.Run(model, [Variation.Parse("scale=uniform(1,2)")], options with { Seed = 124 });
        Assert.NotEqual(first.Value(0, 20, 0), other.Value(0, 20, 0));
    }

    [Fact]
    public void Run_ProgressReported_EndsWithEveryRun()
    {
        var reports = new List<int>();
        var progress = new SynchronousProgress(reports);
        Sensitivity.Run(Compile(Ramp), [Variation.Parse("slope=uniform(0,1)")], new SensitivityOptions { Runs = 300, Progress = progress, Save = ["y"] });

        lock (reports)
        {
            Assert.Equal(300, reports.Max());
            Assert.True(reports.Count >= 10);
        }
    }

    [Theory]
    [InlineData("slope=uniform(2,1)", "LOW (2) is greater than HIGH (1)")]
    [InlineData("slope=triangular(0,5,1)", "mode (5) is outside")]
    [InlineData("slope=normal(1,-1)", "standard deviation is negative")]
    [InlineData("slope=gamma(1,2)", "'gamma' is not a known distribution")]
    [InlineData("slope=uniform(1)", "uniform takes 2 (LOW,HIGH)")]
    [InlineData("slope=uniform(a,2)", "'a' in 'uniform(a,2)' is not a number")]
    [InlineData("slope", "is not NAME=DISTRIBUTION")]
    public void Parse_BadVariation_SaysWhatIsWrong(string text, string message)
    {
        var error = Assert.Throws<AnalysisException>(() => Variation.Parse(text));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TooManyRunsOrUnknownName_IsRefusedWithTheLimit()
    {
        var model = Compile(Ramp);

        var tooMany = Assert.Throws<AnalysisException>(() => Sensitivity.Run(model, [Variation.Parse("slope=uniform(0,1)")], new SensitivityOptions { Runs = 10_000_000 }));
        Assert.Contains("from 1 to 100,000", tooMany.Message, StringComparison.Ordinal);
        var unknown = Assert.Throws<ModelException>(() => Sensitivity.Run(model, [Variation.Parse("slop=uniform(0,1)")], new SensitivityOptions { Runs = 10 }));
        Assert.Contains("slop", unknown.Message, StringComparison.Ordinal);
        Assert.Throws<ModelException>(() => Sensitivity.Run(model, [Variation.Parse("z=uniform(0,1)")], new SensitivityOptions { Runs = 10 }));
    }

    [Theory]
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.5, 0)]
    [InlineData(0.01, -2.3263478740408408)]
    [InlineData(0.999, 3.090232306167813)]
    public void Gaussian_InverseCdf_MatchesPublishedQuantiles(double p, double z)
    {
        Assert.Equal(z, Gaussian.InverseCdf(p), 12);
        Assert.Equal(p, Gaussian.Cdf(z), 14);
    }

    [Fact]
    public void TruncatedNormal_Quantiles_StayInsideTheRangeAndKeepTheMedianOfASymmetricCut()
    {
        var d = new Distribution.TruncatedNormal(5, 2, 3, 7);

        Assert.Equal(5, d.Quantile(0.5), 12);
        Assert.InRange(d.Quantile(1e-12), 3, 3.0001);
        Assert.InRange(d.Quantile(1 - 1e-12), 6.9999, 7);
        Assert.Equal(2.0, new Distribution.Discrete([1, 2, 3]).Quantile(0.5));
    }

    private sealed class SynchronousProgress(List<int> reports) : IProgress<int>
    {
        public void Report(int value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
