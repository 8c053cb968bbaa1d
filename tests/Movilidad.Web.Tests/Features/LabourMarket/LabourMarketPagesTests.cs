using System.Globalization;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Movilidad.Web.Tests.Features.LabourMarket;

/// <summary>The explorer, the dataset pages and the occupation page over real imported files, in both languages, for the public.</summary>
public abstract class LabourMarketPagesTests(LabourMarketApp app)
{
    private async Task<string> PageAsync(string url, string language = "en", HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await app.ClientIn(language).GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{url}: {(int)response.StatusCode} {html[..Math.Min(html.Length, 2000)]}");
        return html;
    }

    [Fact]
    public async Task Explorer_FilteredByDataset_DrawsEachChartWithItsTableAndTheTileMap()
    {
        var lmia = (await app.ImportedAsync())[RecordFiles.PositiveLmia];
        var html = await PageAsync($"/labour-market?dataset={lmia.Id}&level=1");
        foreach (var part in new[] { "data-testid=\"totals\"", "data-testid=\"series\"", "data-testid=\"top-occupations\"", "data-testid=\"map-CA\"", "<svg", "2021-Q3", "CA-ON" })
        {
            Assert.Contains(part, html, StringComparison.Ordinal);
        }

        Assert.Contains(lmia.Totals.Single(t => t.Measure == "positions-approved").Total.ToString("N0", CultureInfo.GetCultureInfo("en")), html, StringComparison.Ordinal);
        var spanish = await PageAsync($"/labour-market?dataset={lmia.Id}", "es");
        Assert.Contains("Explorador del mercado laboral", spanish, StringComparison.Ordinal);
        Assert.Contains("Puestos aprobados", spanish, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explorer_FreshInstall_SaysHowToImportInsteadOfAnEmptyPage()
    {
        await using LabourMarketApp fresh = app is LabourMarketPostgresApp ? new LabourMarketPostgresApp() : new LabourMarketSqliteApp();
        await fresh.InitializeAsync();
        foreach (var (language, sentence) in new[] { ("en", "No labour-market dataset has been imported yet"), ("es", "Todavía no se ha importado ningún conjunto de datos") })
        {
            var response = await fresh.ClientIn(language).GetAsync("/labour-market");
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(sentence, html, StringComparison.Ordinal);
            Assert.Contains("records import data/records/", html, StringComparison.Ordinal);
        }

        // With data, a filter that matches nothing says so, not how to import.
        await app.ImportedAsync();
        var none = await PageAsync("/labour-market?period=1990");
        Assert.Contains("data-testid=\"empty\"", none, StringComparison.Ordinal);
        Assert.DoesNotContain("nothing-imported", none, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explorer_MalformedFilter_400WithTheFieldNamed()
    {
        var html = await PageAsync("/labour-market?period=2019-Q7&level=9", "es", HttpStatusCode.BadRequest);
        Assert.Contains("period: «2019-Q7» no es un período SDMX", html, StringComparison.Ordinal);
        Assert.Contains("level:", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExplorerCsv_SumsToTheFileTotal()
    {
        var negative = (await app.ImportedAsync())[RecordFiles.NegativeLmia];
        var csv = await PageAsync($"/labour-market?handler=Csv&dataset={negative.Id}");
        var sum = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Sum(line => decimal.Parse(line[(line.LastIndexOf(',') + 1)..], NumberStyles.Number, CultureInfo.InvariantCulture));
        Assert.Equal(negative.Totals.Single().Total, sum);
    }

    [Fact]
    public async Task ExplorerXlsx_ReadsBackWithHeadersInTheReadersLanguageAndTheFileTotal()
    {
        var negative = (await app.ImportedAsync())[RecordFiles.NegativeLmia];
        foreach (var (language, headers) in new[]
        {
            ("en", new[] { "Measure", "Occupation", "Country", "Subdivision", "Period", "Programme", "Value" }),
            ("es", new[] { "Medida", "Ocupación", "País", "Subdivisión", "Período", "Programa", "Valor" }),
        })
        {
            var response = await app.ClientIn(language).GetAsync($"/labour-market?handler=Xlsx&dataset={negative.Id}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
            using var workbook = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
            var rows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>()
                .Select(r => r.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue!.Text).ToList()).ToList();
            Assert.Equal(headers, rows[0]);
            Assert.True(rows.Count > 1);
            Assert.Equal(negative.Totals.Single().Total, rows.Skip(1).Sum(r => decimal.Parse(r[^1], NumberStyles.Float, CultureInfo.InvariantCulture)));
        }

        var bad = await app.ClientIn("en").GetAsync("/labour-market?handler=Xlsx&period=2019-Q7");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task DatasetPages_ListProvenanceAndTheSkippedRowsWithWhy()
    {
        var ilostat = (await app.ImportedAsync())[RecordFiles.Ilostat];
        var list = await PageAsync("/labour-market/datasets");
        Assert.Contains($"/labour-market/datasets/{ilostat.Id}", list, StringComparison.Ordinal);
        Assert.Contains(ilostat.Sha256, await PageAsync($"/labour-market/datasets/{ilostat.Id}"), StringComparison.Ordinal);
        var spanish = await PageAsync($"/labour-market/datasets/{ilostat.Id}", "es");
        Assert.Contains("data-testid=\"issues\"", spanish, StringComparison.Ordinal);
        Assert.Contains("Omitida", spanish, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"unmapped\"", spanish, StringComparison.Ordinal);
        await PageAsync("/labour-market/datasets/987654", expected: HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DatasetPage_ListsEachObservationWithTheFileRowItCameFrom()
    {
        var lmia = (await app.ImportedAsync())[RecordFiles.NegativeLmia];
        var all = await PageAsync($"/labour-market/datasets/{lmia.Id}");
        Assert.Contains($"data-testid=\"observation-count\">{lmia.Observations.ToString("N0", CultureInfo.GetCultureInfo("en"))}<", all, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"observations\"", all, StringComparison.Ordinal);

        // Row 3 of the file, its first data row (title and header above): "Newfoundland and Labrador, High Wage, Bailey
        // Veterinary Surgical Specialty Ltd., ..., 3114-Veterinarians, 1": only its observations, each linking to the row.
        var line = File.ReadLines(RecordFiles.PathOf(RecordFiles.NegativeLmia), System.Text.Encoding.Latin1).Where(l => l.Length > 0).ElementAt(2);
        Assert.StartsWith("Newfoundland and Labrador,", line, StringComparison.Ordinal);
        Assert.EndsWith(",3114-Veterinarians,1", line, StringComparison.Ordinal);
        var row = await PageAsync($"/labour-market/datasets/{lmia.Id}?row=3", "es");
        Assert.Contains("noc2011 3114", row, StringComparison.Ordinal);
        Assert.Contains("CA-NL", row, StringComparison.Ordinal);
        var shown = int.Parse(System.Text.RegularExpressions.Regex.Match(row, "data-testid=\"observation-count\">(\\d+)<").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(shown, 1, 10);
        var table = row[row.IndexOf("data-testid=\"observations\"", StringComparison.Ordinal)..];
        Assert.Equal(shown, System.Text.RegularExpressions.Regex.Count(table, $"href=\"/labour-market/datasets/{lmia.Id}\\?row=3#observations\">3</a>"));
        Assert.Equal(shown, System.Text.RegularExpressions.Regex.Count(table, "<a href=\"/labour-market/datasets/\\d+\\?row=\\d+#observations\">"));
        Assert.Contains("Fila del archivo", row, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"no-observations\"", await PageAsync($"/labour-market/datasets/{lmia.Id}?row=2"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OccupationPage_ShowsTheGroupAcrossSourcesAndCountries()
    {
        await app.ImportedAsync();
        var html = await PageAsync("/labour-market/occupations/5", "es");
        Assert.Contains("data-testid=\"by-country\"", html, StringComparison.Ordinal);
        Assert.Contains("/labour-market/occupations/51", html, StringComparison.Ordinal);
        Assert.Contains("GT", html, StringComparison.Ordinal);
        await PageAsync("/labour-market/occupations/99x", expected: HttpStatusCode.NotFound);
    }
}

[Collection(LabourMarketSqlite.Name)]
public sealed class LabourMarketPagesTestsOnSqlite(LabourMarketSqliteApp app) : LabourMarketPagesTests(app);

[Collection(LabourMarketPostgres.Name)]
public sealed class LabourMarketPagesTestsOnPostgres(LabourMarketPostgresApp app) : LabourMarketPagesTests(app);
