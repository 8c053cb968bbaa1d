using Movilidad.Dynamics.Analysis;

namespace Movilidad.Dynamics.Tests.Analysis;

/// <summary>Calibration recovers the constants that generated its data; statistics, ranges and cancellation.</summary>
public sealed class CalibrationTests
{
    private const string Logistic = """
        population = INTEG(growth, initial population) ~~|
        initial population = 10 ~~|
        growth = rate * population * (1 - population / capacity) ~~|
        rate = 0.3 ~~|
        capacity = 1000 ~~|
        deaths = population * 0.01 ~~|
        """;

    private static readonly CompiledModel Model = ModelText.Vensim(Logistic, final: 30, dt: 0.25).Compile();

    /// <summary>What the model itself gives with the known constants, at whole times.</summary>
    private static ObservedSeries Generated(double rate, double capacity, double initial = 10)
    {
        var run = Model.Run(new SimulationOptions { Constants = new Dictionary<string, double> { ["rate"] = rate, ["capacity"] = capacity, ["initial population"] = initial } });
        var times = Enumerable.Range(0, 31).Select(t => (double)t).ToList();
        return new ObservedSeries("population", times, [.. times.Select(t => run.Series("population")[(int)(t * 4)])]);
    }

    [Theory]
    [InlineData(CalibrationMethod.NelderMead)]
    [InlineData(CalibrationMethod.Powell)]
    public void Run_DataFromTheModel_RecoversTheConstantsWithinOnePercent(CalibrationMethod method)
    {
        var data = Generated(0.42, 1500, 12);

        var result = Calibration.Run(
            Model,
            [FitParameter.Parse("rate=0.05..1"), FitParameter.Parse("capacity=200..5000"), FitParameter.Parse("initial population=1..50")],
            [data],
            new CalibrationOptions { Method = method, Seed = 4 });

        Assert.Equal(0.42, result.Values[0], 0.42 * 0.01);
        Assert.Equal(1500, result.Values[1], 1500 * 0.01);
        Assert.Equal(12, result.Values[2], 12 * 0.01);
        Assert.False(result.Cancelled);
        Assert.True(result.Rmse < 0.5, $"RMSE {result.Rmse}");
        Assert.True(result.Fit[0].RSquared > 0.9999);
        Assert.Equal(result.Payoff, result.History[^1].Payoff);
        Assert.True(result.History.Zip(result.History.Skip(1)).All(p => p.Second.Payoff < p.First.Payoff && p.Second.Evaluation > p.First.Evaluation));
    }

    [Fact]
    public void Run_RelativeErrorAndWeights_StillRecoverTheConstants()
    {
        var data = Generated(0.25, 800);
        var noise = data with { Values = [.. data.Values.Select((v, i) => i % 2 == 0 ? v : v * 1.5)], Weight = 0 };

        var result = Calibration.Run(Model, [FitParameter.Parse("rate=0.05..1"), FitParameter.Parse("capacity=200..5000")], [data, noise], new CalibrationOptions { Payoff = CalibrationPayoff.RelativeError, Starts = 2 });

        Assert.Equal(0.25, result.Values[0], 0.0025);
        Assert.Equal(800, result.Values[1], 8.0);
    }

    [Theory]
    [InlineData("rate=0.5..1", "rate: the start value 0.3 is outside the range 0.5..1")]
    [InlineData("rate=0.1..0.2@0.3", "rate: the start value 0.3 is outside the range 0.1..0.2")]
    [InlineData("rate=1..0.5", "LOW (1) is greater than HIGH (0.5)")]
    [InlineData("rate=0.5", "is not NAME=LOW..HIGH")]
    public void Run_BadRange_IsRefused(string text, string message)
    {
        var error = Assert.Throws<AnalysisException>(() => Calibration.Run(Model, [FitParameter.Parse(text)], [Generated(0.3, 1000)], new CalibrationOptions()));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ObservedVariableUnknownOrOutsideTheRun_IsRefused()
    {
        var unknown = Assert.Throws<ModelException>(() => Calibration.Run(Model, [FitParameter.Parse("rate=0.1..1")], [new ObservedSeries("workers", [1.0], [2.0])], new CalibrationOptions()));
        Assert.Contains("no variable named 'workers'", unknown.Message, StringComparison.Ordinal);

        var late = Assert.Throws<AnalysisException>(() => Calibration.Run(Model, [FitParameter.Parse("rate=0.1..1")], [new ObservedSeries("population", [40.0], [2.0])], new CalibrationOptions()));
        Assert.Contains("at time 40 is outside the run (0 to 30)", late.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ValuesWhereTheModelFails_AreAvoidedNotFatal()
    {
        // Above rate 0.6 VECTOR SELECT finds nothing and its error action (1) stops the run.
        var model = ModelText.Vensim(Logistic + """
            one: o1 ~~|
            sel[one] = IF THEN ELSE(rate > 0.6, 0, 1) ~~|
            val[one] = 1 ~~|
            guard = VECTOR SELECT(sel[one!], val[one!], -99, 0, 1) ~~|
            """, final: 30, dt: 0.25).Compile();
        Assert.Throws<ModelException>(() => model.Run(new SimulationOptions { Constants = new Dictionary<string, double> { ["rate"] = 0.7 } }));

        var result = Calibration.Run(model, [FitParameter.Parse("rate=0.05..1")], [Generated(0.42, 1000)], new CalibrationOptions { Starts = 3 });

        Assert.Equal(0.42, result.Values[0], 0.0042);
    }

    [Fact]
    public void Run_SeriesWithoutValues_IsRefused()
    {
        var error = Assert.Throws<AnalysisException>(() => Calibration.Run(Model, [FitParameter.Parse("rate=0.1..1")], [new ObservedSeries("population", [1.0, 2], [3.0])], new CalibrationOptions()));

        Assert.Contains("2 times and 1 values", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Cancelled_ReturnsTheBestSoFarMarkedCancelled()
    {
        using var cancellation = new CancellationTokenSource();
        var reports = 0;
        var progress = new Inline(p =>
        {
            if (Interlocked.Increment(ref reports) == 5)
            {
                cancellation.Cancel();
            }
        });

        var result = Calibration.Run(Model, [FitParameter.Parse("rate=0.05..1"), FitParameter.Parse("capacity=200..5000")], [Generated(0.42, 1500)], new CalibrationOptions { Progress = progress, MaxDegreeOfParallelism = 1 }, cancellation.Token);

        Assert.True(result.Cancelled);
        Assert.True(result.Evaluations < 200);
        Assert.NotEmpty(result.History);
        Assert.Equal(result.History[^1].Values, result.Values);
    }

    [Fact]
    public void FitStatistics_KnownSeries_GiveTheTextbookFigures()
    {
        var fit = new FitStatistics("x", [1.0, 2, 3, 4], [10.0, 20, 30, 40], [12.0, 22, 32, 42]);

        Assert.Equal(2, fit.Rmse, 12);
        Assert.Equal(100 * ((0.2 + 0.1 + (2 / 30.0) + 0.05) / 4), fit.Mape, 12);
        Assert.Equal(1, fit.RSquared, 12);
        Assert.Equal(1, fit.TheilUm, 12);
        Assert.Equal(0, fit.TheilUs, 12);
        Assert.Equal(0, fit.TheilUc, 12);

        var scaled = new FitStatistics("x", [1.0, 2, 3, 4], [10.0, 20, 30, 40], [11.0, 19, 33, 38]);
        Assert.Equal(1, scaled.TheilUm + scaled.TheilUs + scaled.TheilUc, 12);
    }

    [Fact]
    public void ObservedData_Csv_ReadsTimesColumnsWeightsAndGaps()
    {
        var series = ObservedData.ReadCsv(new StringReader("Time,population,deaths\nweight,2,0.5\n0,10,\n1,11,0.1\n2,,0.2\n"), "observed.csv");

        Assert.Equal(2, series.Count);
        Assert.Equal(new ObservedSeries("population", [0.0, 1], [10.0, 11], 2), series[0] with { Times = [.. series[0].Times], Values = [.. series[0].Values] }, new SeriesComparer());
        Assert.Equal([1.0, 2], series[1].Times);
        Assert.Equal(0.5, series[1].Weight);

        var bad = Assert.Throws<AnalysisException>(() => ObservedData.ReadCsv(new StringReader("Time,population\n0,10\n1,many\n"), "observed.csv"));
        Assert.Equal("observed.csv, line 3, column population: 'many' is not a number", bad.Message);
    }

    private sealed class SeriesComparer : IEqualityComparer<ObservedSeries>
    {
        public bool Equals(ObservedSeries? x, ObservedSeries? y) =>
            x!.Variable == y!.Variable && x.Weight == y.Weight && x.Times.SequenceEqual(y.Times) && x.Values.SequenceEqual(y.Values);

        public int GetHashCode(ObservedSeries obj) => obj.Variable.GetHashCode(StringComparison.Ordinal);
    }

    private sealed class Inline(Action<CalibrationProgress> report) : IProgress<CalibrationProgress>
    {
        public void Report(CalibrationProgress value) => report(value);
    }
}
