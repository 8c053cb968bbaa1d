using System.Globalization;
using Movilidad.Dynamics.Analysis;
using Movilidad.Records;

namespace Movilidad.Dynamics.Tests.Analysis;

/// <summary>
/// The reference model of seasonal agricultural demand for temporary foreign workers (<c>data/models</c>): both
/// formats agree, its data are the H-2A totals Movilidad.Records counts, and the calibration and back-test figures
/// of its README are reproduced.
/// </summary>
public sealed class ReferenceModelTests
{
    private const string Name = "seasonal-agricultural-workers";

    /// <summary>The constants fitted, starting from the assumptions made before calibrating (a stable domestic workforce, a weak wage effect).</summary>
    private static FitParameter[] Fitted(double maximumWagePressure = 10) =>
    [
        FitParameter.Parse("initial labour gap=0..300000@80000"),
        FitParameter.Parse("domestic entry rate=0..0.5@0.125"),
        FitParameter.Parse(string.Create(CultureInfo.InvariantCulture, $"wage pressure of temporary workers=0..{maximumWagePressure}@1")),
    ];

    private static string ModelFile(string extension) => RepositoryFolder.File("data", "models", $"{Name}.{extension}");

    private static IReadOnlyList<ObservedSeries> Observed() => ObservedData.ReadCsv(RepositoryFolder.File("data", "models", "h2a-certified-by-fiscal-year.csv"));

    [Fact]
    public void Formats_VensimAndXmile_GiveIdenticalResults()
    {
        var mdl = SystemDynamicsModel.Load(ModelFile("mdl")).Compile().Run();
        var xmile = SystemDynamicsModel.Load(ModelFile("xmile")).Compile().Run();

        Assert.Equal(mdl.Times, xmile.Times);
        var compared = 0;
        foreach (var name in mdl.Names.Where(n => xmile.ColumnOf(n) >= 0))
        {
            Assert.Equal(mdl.Series(name), xmile.Series(name));
            compared++;
        }

        Assert.True(compared >= 38, $"{compared} variables compared");
    }

    [Fact]
    public void ObservedData_AreTheH2aWorkersCertifiedPerFiscalYearThatRecordsCounts()
    {
        var files = Directory.GetFiles(RepositoryFolder.File("data", "records", "us-oflc-h2-history"), "H-2A*.xlsx")
            .Append(RepositoryFolder.File("data", "records", "us-oflc-h2a-disclosure", "H-2A_Disclosure_Data_FY17.xlsx"));
        var totals = new SortedDictionary<int, decimal>();
        foreach (var file in files)
        {
            using var read = RecordFile.Open(file);
            foreach (var _ in read.Rows)
            {
            }

            totals.Add(read.Report.FiscalYear!.Value, read.Report.Totals.Single(t => t.Measure == Measure.WorkersCertified).Total);
        }

        var observed = Assert.Single(Observed());
        Assert.Equal("certified workers", observed.Variable);
        // The model's time 2010 is 1 October 2009, the start of FY2010: a fiscal year's total is compared with the
        // yearly rate in the middle of that year.
        Assert.Equal(totals.Keys.Select(year => year + 0.5), observed.Times);
        Assert.Equal(totals.Values.Select(v => (double)v), observed.Values);
        Assert.Equal([2010, 2011, 2012, 2014, 2015, 2016, 2017], totals.Keys);
    }

    [Fact]
    public void Calibration_AllYears_ReproducesTheReadmeFigures()
    {
        var model = SystemDynamicsModel.Load(ModelFile("mdl")).Compile();

        var result = Calibration.Run(model, Fitted(), Observed(), new CalibrationOptions());

        // The values shipped in the model are these, rounded.
        Assert.Equal([74_690, 0.1751, 5.627], Rounded(result.Values));
        var fit = Assert.Single(result.Fit);
        Assert.Equal("2296", fit.Rmse.ToString("0", CultureInfo.InvariantCulture));
        Assert.Equal("2.01", fit.Mape.ToString("0.00", CultureInfo.InvariantCulture));
        Assert.Equal("0.997", fit.RSquared.ToString("0.000", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(10, new[] { 76_054, 0.2514, 9.982 }, "6.8", "12.5")]
    [InlineData(5, new[] { 74_033, 0.1655, 5 }, "-0.2", "-0.7")]
    public void Backtest_FitFy2010ToFy2015_ForecastsFy2016AndFy2017WithTheReadmeErrors(double maximumWagePressure, double[] values, string error2016, string error2017)
    {
        var model = SystemDynamicsModel.Load(ModelFile("mdl")).Compile();
        var all = Observed()[0];
        var early = all with { Times = [.. all.Times.Where(t => t < 2016)], Values = [.. all.Values.Take(5)] };
        var fitted = Fitted(maximumWagePressure);

        var result = Calibration.Run(model, fitted, [early], new CalibrationOptions());
        var run = model.Run(new SimulationOptions { Constants = fitted.Select((p, i) => (p.Name, Value: result.Values[i])).ToDictionary(p => p.Name, p => p.Value) });
        var times = run.Times.ToArray();
        var simulated = run.Series("certified workers");
        string Error(double time, double observed) => (100 * (Calibration.Interpolate(times, simulated, time) - observed) / observed).ToString("0.0", CultureInfo.InvariantCulture);

        Assert.Equal(values, Rounded(result.Values));
        Assert.Equal(error2016, Error(2016.5, 165_741));
        Assert.Equal(error2017, Error(2017.5, 200_049));
    }

    [Fact]
    public void Sensitivity_ReadmeExample_GivesTheReadmeBandForFy2025()
    {
        var model = SystemDynamicsModel.Load(ModelFile("mdl")).Compile();
        Variation[] variations =
        [
            Variation.Parse("production growth rate=triangular(0.005,0.01,0.02)"),
            Variation.Parse("productivity growth rate=uniform(0.005,0.015)"),
            Variation.Parse("wage pressure of temporary workers=normal(5.627,0.5)"),
        ];

        var result = Sensitivity.Run(model, variations, new SensitivityOptions { Runs = 1000, Seed = 1, Save = ["certified workers"] });

        var row = result.Times.ToList().IndexOf(2025.5);
        Assert.Equal([265_000, 543_000, 635_000, 720_000, 808_000], result.Band(0, row).Select(v => Math.Round(v / 1000) * 1000));
        Assert.Equal(["0.67", "-0.65", "0.39"], Enumerable.Range(0, 3).Select(i => result.RankCorrelation(i, 0, result.Times.Count - 1).ToString("0.00", CultureInfo.InvariantCulture)));
    }

    /// <summary>Four significant figures: the starts converge to within a millionth of each range, not exactly.</summary>
    private static double[] Rounded(IReadOnlyList<double> values) =>
        [.. values.Select(v => v == 0 ? 0 : Math.Round(v, Math.Max(0, 3 - (int)Math.Floor(Math.Log10(Math.Abs(v))))))];
}
