using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Movilidad.Dynamics.Analysis;
using Movilidad.Platform.Data;
using Movilidad.Platform.LabourMarket;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.LabourMarket;

/// <summary>
/// Known synthetic series of one destination (Belize, which no shipped file covers), quarter by quarter for 2018-2023
/// plus the first quarter of 2024, written straight into the database once per app.
/// </summary>
public abstract class OutlookApp(DatabaseProvider provider) : MovilidadApp(provider)
{
    public const string Country = "BZ";
    public const string Programme = "Synthetic programme";

    /// <summary>Yearly totals per ISCO-08 unit group, 2018 to 2023; each year is written as four quarters of a quarter each.</summary>
    public static readonly IReadOnlyDictionary<string, double[]> Yearly = new Dictionary<string, double[]>(StringComparer.Ordinal)
    {
        ["9211"] = [100, 120, 140, 160, 180, 200], // a straight line up: +60 in three years, +30 %
        ["5322"] = [40, 50, 60, 70, 80, 90], // up, more in relative terms: +30, +33.3 %
        ["7231"] = [300, 280, 260, 240, 220, 200], // down: -60
        ["2151"] = [40, 40, 40, 40, 40, 40], // flat
        ["6111"] = [10, 10, 14, 18, 22, 26], // a trend that turns: Holt's back-test is better
    };

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly AggregationCounter aggregations = new();
    private bool seeded;

    /// <summary>How many GROUP BY commands this app has sent to its database (the outlook's aggregations over the observations).</summary>
    public int Aggregations => aggregations.Count;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.ConfigureDbContext<MovilidadDb>((_, db) => db.AddInterceptors(aggregations)));
    }

    public async Task SeedAsync()
    {
        await gate.WaitAsync();
        try
        {
            if (seeded)
            {
                return;
            }

            await using var db = CreateDb();
            await WriteAsync(db);
            seeded = true;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Writes the series into a database (a test app's, or a browser host's).</summary>
    public static async Task WriteAsync(MovilidadDb db)
    {
        var dataset = new LabourDataset
        {
            Source = "template", FileName = "synthetic.csv", Sha256 = new string('5', 64), Format = "csv", DescriptionEs = "Sintético", DescriptionEn = "Synthetic",
            ImportedBy = "test", ReportJson = "{}", ImportedAt = DateTime.UtcNow,
        };
        db.LabourDatasets.Add(dataset);
        await db.SaveChangesAsync();
        foreach (var (code, values) in Yearly)
        {
            for (var y = 0; y < values.Length; y++)
            {
                for (var q = 0; q < 4; q++)
                {
                    db.LabourObservations.Add(Observation(dataset.Id, code, 2018 + y, q, (decimal)values[y] / 4));
                }
            }

            // 2024 so far: one quarter, which must not read as a fall.
            db.LabourObservations.Add(Observation(dataset.Id, code, 2024, 0, 1));
        }

        await db.SaveChangesAsync();
    }

    private static LabourObservation Observation(int dataset, string code, int year, int quarter, decimal value)
    {
        var start = new DateOnly(year, (quarter * 3) + 1, 1);
        return new LabourObservation
        {
            DatasetId = dataset, Measure = "positions-approved", Value = value, Weight = 1, Isco08 = code, Country = Country, Programme = Programme,
            Period = string.Create(CultureInfo.InvariantCulture, $"{year}-Q{quarter + 1}"), PeriodStart = start, PeriodEnd = start.AddMonths(3).AddDays(-1),
        };
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            gate.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>Counts the GROUP BY commands a database context sends.</summary>
public sealed class AggregationCounter : DbCommandInterceptor
{
    private int count;

    public int Count => Volatile.Read(ref count);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Counted(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Counted(command);
        return base.ReaderExecuting(command, eventData, result);
    }

    private void Counted(DbCommand command)
    {
        if (command.CommandText.Contains("GROUP BY", StringComparison.OrdinalIgnoreCase))
        {
            Interlocked.Increment(ref count);
        }
    }
}

public sealed class OutlookSqliteApp() : OutlookApp(DatabaseProvider.Sqlite);

public sealed class OutlookPostgresApp() : OutlookApp(DatabaseProvider.Postgres);

/// <summary>The outlook over known series: the years used and left out, the ranking both ways, the back-test of each method, the band, the sector filter, the page and its refusals.</summary>
public abstract class OutlookTests(OutlookApp app)
{
    private async Task<JsonElement> OutlookAsync(string query, HttpStatusCode expected = HttpStatusCode.OK, string language = "en")
    {
        await app.SeedAsync();
        var response = await app.ClientIn(language).GetAsync("/api/labour-market/outlook?" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static string[] Ranked(JsonElement outlook) => [.. outlook.GetProperty("occupations").EnumerateArray().Select(o => o.GetProperty("occupation").GetString()!)];

    private static JsonElement Occupation(JsonElement outlook, string code) =>
        outlook.GetProperty("occupations").EnumerateArray().Single(o => o.GetProperty("occupation").GetString() == code);

    [Fact]
    public async Task Api_ColdRequestsAtOnce_ComputeTheOutlookOnce()
    {
        // The same filter read once in English counts the aggregations of one computation; eight readers asking for it in
        // Spanish at the same moment (a key nobody has computed yet) share one computation instead of running them eight times.
        const string query = $"area={OutlookApp.Country}&level=2&horizon=4";
        var before = app.Aggregations;
        await OutlookAsync(query);
        var once = app.Aggregations - before;
        Assert.True(once > 0, "the outlook aggregates the observations");

        var start = app.Aggregations;
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => app.ClientIn("es").GetAsync("/api/labour-market/outlook?" + query)));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(once, app.Aggregations - start);
        var bodies = await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync()));
        Assert.Single(bodies.Distinct(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Api_KnownSeries_RankedByProjectedChangeWithThePartialYearLeftOut()
    {
        var outlook = await OutlookAsync($"area={OutlookApp.Country}&horizon=3");

        Assert.Equal("positions-approved", outlook.GetProperty("measure").GetString());
        Assert.Equal([2018, 2019, 2020, 2021, 2022, 2023], outlook.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()));
        var leftOut = Assert.Single(outlook.GetProperty("leftOut").EnumerateArray());
        Assert.Equal(2024, leftOut.GetProperty("year").GetInt32());
        Assert.Contains("3 of its 12 months", leftOut.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(["9211", "5322", "6111", "2151", "7231"], Ranked(outlook));

        var line = Occupation(outlook, "9211");
        Assert.Equal("linear-trend", line.GetProperty("method").GetString());
        Assert.Equal([220.0, 240, 260], line.GetProperty("forecast").EnumerateArray().Select(p => Math.Round(p.GetProperty("value").GetDouble(), 6)));
        Assert.Equal(60, line.GetProperty("change").GetDouble(), 6);
        Assert.Equal(30, line.GetProperty("changePercent").GetDouble(), 6);
        Assert.Equal([2022, 2023], line.GetProperty("heldBackYears").EnumerateArray().Select(y => y.GetInt32()));
        var backtest = line.GetProperty("backtests")[0];
        Assert.Equal([180.0, 200], backtest.GetProperty("forecast").EnumerateArray().Select(v => Math.Round(v.GetDouble(), 6)));
        Assert.Equal(0, backtest.GetProperty("rmse").GetDouble(), 6);
        Assert.Equal("Crop farm labourers", line.GetProperty("title").GetString());

        Assert.Equal(-60, Occupation(outlook, "7231").GetProperty("change").GetDouble(), 6);
        Assert.Equal(0, Occupation(outlook, "2151").GetProperty("change").GetDouble(), 6);
    }

    [Fact]
    public async Task Api_TrendThatTurns_HoltChosenByTheBackTestTheEngineComputes()
    {
        var outlook = await OutlookAsync($"area={OutlookApp.Country}&programme={Uri.EscapeDataString(OutlookApp.Programme)}&measure=positions-approved&horizon=2");
        var turning = Occupation(outlook, "6111");
        var expected = Forecasting.Choose(OutlookApp.Yearly["6111"], 2, 2);

        Assert.Equal(ForecastMethod.Holt, expected.Method);
        Assert.Equal("holt", turning.GetProperty("method").GetString());
        var scores = turning.GetProperty("backtests").EnumerateArray().ToList();
        Assert.Equal(["holt", "linear-trend"], scores.Select(s => s.GetProperty("method").GetString()));
        Assert.Equal(expected.Scores.Select(s => Math.Round(s.Rmse, 6)), scores.Select(s => Math.Round(s.GetProperty("rmse").GetDouble(), 6)));
        Assert.Equal(expected.Scores.Select(s => Math.Round(s.Mape, 6)), scores.Select(s => Math.Round(s.GetProperty("mape").GetDouble(), 6)));
        var forecast = turning.GetProperty("forecast").EnumerateArray().ToList();
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(Math.Round(expected.Values[i], 6), Math.Round(forecast[i].GetProperty("value").GetDouble(), 6));
            Assert.Equal(Math.Round(expected.Upper[i], 6), Math.Round(forecast[i].GetProperty("upper").GetDouble(), 6));
            Assert.True(forecast[i].GetProperty("lower").GetDouble() < forecast[i].GetProperty("value").GetDouble());
        }
    }

    [Fact]
    public async Task Api_RelativeRanking_SectorFilterAndLevel()
    {
        Assert.Equal(["6111", "5322", "9211", "2151", "7231"], Ranked(await OutlookAsync($"area={OutlookApp.Country}&rank=relative")));
        Assert.Equal(["5322"], Ranked(await OutlookAsync($"area={OutlookApp.Country}&sector=care")));
        Assert.Equal(["9211", "6111"], Ranked(await OutlookAsync($"area={OutlookApp.Country}&sector=agri-tech")));

        var major = await OutlookAsync($"area={OutlookApp.Country}&level=1");
        Assert.Equal(["9", "5", "6", "2", "7"], Ranked(major));
        Assert.Equal(OutlookApp.Yearly["9211"], Occupation(major, "9").GetProperty("history").EnumerateArray().Select(p => p.GetProperty("value").GetDouble()));
    }

    [Fact]
    public async Task Api_MalformedParameters_400NamingEachInTheReadersLanguage()
    {
        var problem = await OutlookAsync("area=Belize&level=7&sector=mining&horizon=40&rank=best", HttpStatusCode.BadRequest, "es");
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "area", "level", "sector", "horizon", "rank" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }

        Assert.Contains("«mining» no es un sector", errors.GetProperty("sector")[0].GetString(), StringComparison.Ordinal);
        var openApi = await app.ClientIn("en").GetStringAsync("/openapi/v1.json");
        Assert.Contains("\"/api/labour-market/outlook\"", openApi, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SectorEdit_Secretariat_SavesVersionedAndAudited_OthersRefused_TheOutlookFollows()
    {
        await app.SeedAsync();
        int id, version;
        await using (var db = app.CreateDb())
        {
            var sector = await db.OutlookSectors.Where(s => s.Slug == "electric-mobility").Select(s => new { s.Id, s.Version }).SingleAsync();
            (id, version) = (sector.Id, sector.Version);
        }

        object Edit(int v, params string[] groups) => new
        {
            version = v, name = new { es = "Electromovilidad", en = "Electric mobility" }, groups,
            reasoning = new { es = "Mecánicos de vehículos de motor, que pasan a los trenes motrices eléctricos.", en = "Motor vehicle mechanics, who move to electric drivetrains." },
        };
        var url = $"/api/labour-market/outlook/sectors/{id}";
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ClientIn("en").PutAsJsonAsync(url, Edit(version, "7231"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsAsync("focal-point:BZ")).PutAsJsonAsync(url, Edit(version, "7231"))).StatusCode);

        var secretariat = await app.ClientInAsync("en", "secretariat");
        var refused = await secretariat.PutAsJsonAsync(url, Edit(version, "7231", "9999", "72x"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Not ISCO-08 groups: 9999, 72x.", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("groups")[0].GetString(), StringComparison.Ordinal);

        var saved = await secretariat.PutAsJsonAsync(url, Edit(version, "7231", "2151"));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(version + 1, (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, (await secretariat.PutAsJsonAsync(url, Edit(version, "7231"))).StatusCode);

        await using (var db = app.CreateDb())
        {
            Assert.Equal("7231,2151", await db.OutlookSectors.Where(s => s.Id == id).Select(s => s.Groups).SingleAsync());
            Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == "outlook-sector" && e.EntityId == "electric-mobility"));
        }

        // Signed in, so not from the public's output cache: the outlook filters by the saved mapping at once.
        var outlook = await (await secretariat.GetAsync($"/api/labour-market/outlook?area={OutlookApp.Country}&sector=electric-mobility")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["2151", "7231"], Ranked(outlook));
    }

    [Fact]
    public async Task Page_BothLanguages_RankingChartsBacktestsAndTheSectorMapping()
    {
        await app.SeedAsync();
        var html = await app.ClientIn("en").GetStringAsync($"/labour-market/outlook?area={OutlookApp.Country}");
        foreach (var part in new[] { "data-testid=\"method\"", "data-testid=\"ranking-chart\"", "data-testid=\"ranking\"", "data-testid=\"occupation-9211\"", "data-testid=\"sectors\"",
            "<svg", "Holt (exponential smoothing)", "Linear trend", "2024: left out", "Crop farm labourers", "/labour-market?measure=positions-approved&amp;area=BZ", "Home-based personal care workers" })
        {
            Assert.Contains(part, html, StringComparison.Ordinal);
        }

        var spanish = await app.ClientIn("es").GetStringAsync($"/labour-market/outlook?area={OutlookApp.Country}&sector=care");
        Assert.Contains("Perspectiva de ocupaciones", spanish, StringComparison.Ordinal);
        Assert.Contains("Cuidado de niños y personas mayores", spanish, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"occupation-5322\"", spanish, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"occupation-9211\"", spanish, StringComparison.Ordinal);

        var refused = await app.ClientIn("en").GetAsync("/labour-market/outlook?horizon=0");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("horizon: The years ahead are a number from 1 to 5.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class OutlookTestsOnSqlite(OutlookSqliteApp app) : OutlookTests(app), IClassFixture<OutlookSqliteApp>;

public sealed class OutlookTestsOnPostgres(OutlookPostgresApp app) : OutlookTests(app), IClassFixture<OutlookPostgresApp>;

/// <summary>A database without records: the page and the API say what to import instead of showing an empty table.</summary>
public abstract class OutlookEmptyTests(MovilidadApp app)
{
    [Fact]
    public async Task EmptyDatabase_PageSaysWhatToImport_ApiSaysThereAreNoRecords()
    {
        var html = await app.ClientIn("en").GetStringAsync("/labour-market/outlook");
        Assert.Contains("data-testid=\"empty\"", html, StringComparison.Ordinal);
        Assert.Contains("records import", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"ranking\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"sectors\"", html, StringComparison.Ordinal);

        var outlook = await app.ClientIn("en").GetFromJsonAsync<JsonElement>("/api/labour-market/outlook");
        Assert.False(outlook.GetProperty("hasRecords").GetBoolean());
        Assert.Empty(outlook.GetProperty("occupations").EnumerateArray());
        Assert.Equal(5, outlook.GetProperty("sectors").GetArrayLength());
    }

    [Fact]
    public async Task Methodology_BothLanguages_ShowsTheFiguresFileOfTheH2aAndCanadaCalibrations()
    {
        var calibrations = Movilidad.Web.Features.LabourMarket.MethodologyModel.Read(Path.Combine(AppContext.BaseDirectory, "data", "models"));
        Assert.Equal(["h2a", "canada"], calibrations.Select(c => c.Key));
        var html = WebUtility.HtmlDecode(await app.ClientIn("en").GetStringAsync("/labour-market/methodology"));
        var english = CultureInfo.GetCultureInfo("en");
        foreach (var c in calibrations)
        {
            Assert.Contains($"data-testid=\"fit-{c.Key}\"", html, StringComparison.Ordinal);
            Assert.Contains(c.Rmse.ToString("N0", english), html, StringComparison.Ordinal);
            Assert.Contains(c.Mape.ToString("0.00", english) + " %", html, StringComparison.Ordinal);
            foreach (var error in c.Backtests.SelectMany(b => b.Errors))
            {
                Assert.Contains($"{error.Time.ToString(CultureInfo.InvariantCulture)}: {(error.Percent > 0 ? "+" : "")}{error.Percent.ToString("0.0", english)} %", html, StringComparison.Ordinal);
            }
        }

        Assert.Contains("How a country applies it to its own sector", html, StringComparison.Ordinal);
        var spanish = await app.ClientIn("es").GetStringAsync("/labour-market/methodology");
        Assert.Contains("Cómo lo aplica un país a su sector", spanish, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"backtest-canada\"", spanish, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SectorMapping_EveryCodeIsAnIscoGroup_EverySectorOfFootnote8HasItsReasoningInBothLanguages()
    {
        var (source, shipped) = OutlookSectorFile.Read(Path.Combine(AppContext.BaseDirectory, "data"));
        Assert.Contains("ISCO-08", source, StringComparison.Ordinal);
        Assert.Equal(["eco-technologies", "electric-mobility", "care", "agri-tech", "sustainable-construction"], shipped.Select(s => s.Slug));
        await using var db = app.CreateDb();
        Assert.Equal(shipped.Select(s => (s.Slug, s.Groups)), (await db.OutlookSectors.OrderBy(s => s.Id).Select(s => new { s.Slug, s.Groups }).ToListAsync()).Select(s => (s.Slug, s.Groups)));
        var codes = shipped.SelectMany(s => s.GroupList).Distinct().ToList();
        var known = await db.Occupations.Where(o => codes.Contains(o.Code)).Select(o => o.Code).ToListAsync();
        Assert.Empty(codes.Except(known));
        Assert.All(shipped, s => Assert.True(s.Reasoning.Es.Length > 100 && s.Reasoning.En.Length > 100 && s.GroupList.Count > 0, s.Slug));
    }
}

public sealed class OutlookEmptyTestsOnSqlite(SqliteApp app) : OutlookEmptyTests(app), IClassFixture<SqliteApp>;

public sealed class OutlookEmptyTestsOnPostgres(PostgresApp app) : OutlookEmptyTests(app), IClassFixture<PostgresApp>;
