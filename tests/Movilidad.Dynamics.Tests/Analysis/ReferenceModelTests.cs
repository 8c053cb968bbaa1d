using System.Globalization;
using System.Text.Json;
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
    public void ObservedData_Canada_AreThePrimaryAgricultureStreamPositionsRecordsCountsPerWholeCalendarYear()
    {
        var quarters = new SortedDictionary<int, HashSet<int>>();
        var totals = new SortedDictionary<int, decimal>();
        foreach (var file in Directory.GetFiles(RepositoryFolder.File("data", "records", "canada-lmia-quarterly"), "positive_lmia_*"))
        {
            using var read = RecordFile.Open(file);
            foreach (var row in read.Rows.Where(r => r.Programme == "TFWP Primary Agriculture"))
            {
                var year = row.Period.Start.Year;
                totals[year] = totals.GetValueOrDefault(year) + row.Values.Where(v => v.Counted && v.Measure == Measure.PositionsApproved).Sum(v => v.Value);
                var months = quarters.TryGetValue(year, out var set) ? set : quarters[year] = [];
                for (var m = row.Period.Start.Month; m <= row.Period.End.Month; m++)
                {
                    months.Add(m);
                }
            }
        }

        // 2024 ends with its third quarter: the files do not have the fourth, the stream's busiest, so the year is left out.
        Assert.Equal(9, quarters[2024].Count);
        var whole = totals.Where(t => quarters[t.Key].Count == 12).ToList();
        var observed = Assert.Single(ObservedData.ReadCsv(RepositoryFolder.File("data", "models", "canada-lmia-agricultural-by-year.csv")));
        Assert.Equal("certified workers", observed.Variable);
        Assert.Equal(whole.Select(t => t.Key + 0.5), observed.Times);
        Assert.Equal(whole.Select(t => (double)t.Value), observed.Values);
        Assert.Equal(Enumerable.Range(2017, 7), whole.Select(t => t.Key));
    }

    public static TheoryData<string> Calibrations() => [.. Figures().Select(c => c.GetProperty("key").GetString()!)];

    /// <summary>Every fit of <c>data/models/figures.json</c> (the file the methodology page shows) is what calibrating on its observed data gives.</summary>
    [Theory]
    [MemberData(nameof(Calibrations))]
    public void Calibration_AllYears_ReproducesTheFiguresFile(string key)
    {
        var figures = Figures().Single(c => c.GetProperty("key").GetString() == key);
        var (model, simulation) = Setup(figures);

        var result = Calibration.Run(model, Fit(figures.GetProperty("fit")), ObservedOf(figures), new CalibrationOptions { Simulation = simulation });

        Assert.Equal(Numbers(figures.GetProperty("values")), Rounded(result.Values));
        var fit = Assert.Single(result.Fit);
        Assert.Equal(figures.GetProperty("rmse").GetDouble().ToString("0", CultureInfo.InvariantCulture), fit.Rmse.ToString("0", CultureInfo.InvariantCulture));
        Assert.Equal(figures.GetProperty("mape").GetDouble().ToString("0.00", CultureInfo.InvariantCulture), fit.Mape.ToString("0.00", CultureInfo.InvariantCulture));
        Assert.Equal(figures.GetProperty("rSquared").GetDouble().ToString("0.000", CultureInfo.InvariantCulture), fit.RSquared.ToString("0.000", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Calibration_H2a_TheFittedValuesAreTheOnesTheModelShips()
    {
        var figures = Figures().Single(c => c.GetProperty("key").GetString() == "h2a");
        var lines = File.ReadAllLines(ModelFile("mdl"));
        var shipped = Fit(figures.GetProperty("fit")).Select(p => double.Parse(lines.Single(l => l.StartsWith(p.Name + " = ", StringComparison.Ordinal))[(p.Name.Length + 3)..], CultureInfo.InvariantCulture));

        Assert.Equal(Numbers(figures.GetProperty("values")), Rounded([.. shipped]));
    }

    /// <summary>Every back-test of the figures file: fit the years before <c>fittedBefore</c>, forecast the others, the error in percent of each.</summary>
    [Theory]
    [MemberData(nameof(Calibrations))]
    public void Backtest_FitTheEarlyYears_ForecastsTheLastOnesWithTheFiguresFileErrors(string key)
    {
        var figures = Figures().Single(c => c.GetProperty("key").GetString() == key);
        var (model, simulation) = Setup(figures);
        var all = ObservedOf(figures)[0];
        foreach (var backtest in figures.GetProperty("backtests").EnumerateArray())
        {
            var before = backtest.GetProperty("fittedBefore").GetDouble();
            var early = all with { Times = [.. all.Times.Where(t => t < before)], Values = [.. all.Values.Where((_, i) => all.Times[i] < before)] };
            var fitted = Fit(backtest.GetProperty("fit"));

            var result = Calibration.Run(model, fitted, [early], new CalibrationOptions { Simulation = simulation });
            var constants = new Dictionary<string, double>(simulation.Constants);
            for (var i = 0; i < fitted.Length; i++)
            {
                constants[fitted[i].Name] = result.Values[i];
            }

            var run = model.Run(simulation with { Constants = constants });
            var times = run.Times.ToArray();
            var simulated = run.Series("certified workers");

            Assert.Equal(Numbers(backtest.GetProperty("values")), Rounded(result.Values));
            foreach (var error in backtest.GetProperty("errors").EnumerateArray())
            {
                var time = error.GetProperty("time").GetDouble();
                var observed = all.Values[all.Times.ToList().IndexOf(time)];
                Assert.Equal(
                    error.GetProperty("percent").GetDouble().ToString("0.0", CultureInfo.InvariantCulture),
                    (100 * (Calibration.Interpolate(times, simulated, time) - observed) / observed).ToString("0.0", CultureInfo.InvariantCulture));
            }
        }
    }

    private static IEnumerable<JsonElement> Figures()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(RepositoryFolder.File("data", "models", "figures.json")));
        return [.. json.RootElement.GetProperty("calibrations").EnumerateArray().Select(c => c.Clone())];
    }

    private static (CompiledModel Model, SimulationOptions Simulation) Setup(JsonElement figures) =>
        (SystemDynamicsModel.Load(ModelFile("mdl")).Compile(), new SimulationOptions
        {
            Start = figures.GetProperty("start").GetDouble(),
            Constants = figures.GetProperty("constants").EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetDouble()),
        });

    private static FitParameter[] Fit(JsonElement fit) => [.. fit.EnumerateArray().Select(f => FitParameter.Parse(f.GetString()!))];

    private static IReadOnlyList<ObservedSeries> ObservedOf(JsonElement figures) =>
        ObservedData.ReadCsv(RepositoryFolder.File("data", "models", figures.GetProperty("observed").GetString()!));

    private static double[] Numbers(JsonElement array) => [.. array.EnumerateArray().Select(v => v.GetDouble())];

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
