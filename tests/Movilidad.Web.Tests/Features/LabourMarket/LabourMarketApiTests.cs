using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.LabourMarket;

/// <summary>The labour-market API over real imported files: public reads, sums by any dimension, SDMX-CSV totals, refusals named, imports by who may.</summary>
public abstract class LabourMarketApiTests(LabourMarketApp app)
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<decimal> SumAsync(string query)
    {
        var table = await JsonAsync(await app.ClientIn("en").GetAsync("/api/labour-market/observations?" + query));
        return table.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task Datasets_Anonymous_ListsThePublicDatasetsWithTheirTotals()
    {
        var imported = await app.ImportedAsync();
        var list = await JsonAsync(await app.ClientIn("en").GetAsync("/api/labour-market/datasets?size=200"));
        Assert.Equal((list.GetProperty("total").GetInt32(), 0, 200), (list.GetProperty("items").GetArrayLength(), list.GetProperty("start").GetInt32(), list.GetProperty("size").GetInt32()));
        foreach (var dataset in imported.Values)
        {
            var listed = list.GetProperty("items").EnumerateArray().Single(d => d.GetProperty("id").GetInt32() == dataset.Id);
            Assert.Equal(dataset.Sha256, listed.GetProperty("sha256").GetString());
            Assert.Equal(dataset.Totals.Count, listed.GetProperty("totals").GetArrayLength());
        }

        var ilostat = imported[RecordFiles.Ilostat];
        var details = await JsonAsync(await app.ClientIn("en").GetAsync($"/api/labour-market/datasets/{ilostat.Id}"));
        Assert.Contains(details.GetProperty("report").GetProperty("issues").EnumerateArray(), i => i.GetProperty("reason").GetString() == "total-row" && i.GetProperty("rows").GetInt32() == 33);
        Assert.Equal(33, details.GetProperty("issues").EnumerateArray().Count(i => i.GetProperty("kind").GetString() == "skipped"));
        Assert.NotEmpty(details.GetProperty("report").GetProperty("unmappedCodes").EnumerateArray());

        var missing = await app.ClientIn("en").GetAsync("/api/labour-market/datasets/987654");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Observations_SummedAtEveryIscoLevel_KeepTheFileTotal()
    {
        var lmia = (await app.ImportedAsync())[RecordFiles.PositiveLmia];
        var total = lmia.Totals.Single(t => t.Measure == "positions-approved").Total;
        Assert.Equal(total, await SumAsync($"dataset={lmia.Id}&measure=positions-approved&groupBy=measure"));
        foreach (var level in new[] { "occupation-1", "occupation-2", "occupation-3", "occupation", "subdivision", "programme" })
        {
            Assert.Equal(total, await SumAsync($"dataset={lmia.Id}&measure=positions-approved&groupBy={level}&limit=10000"));
        }

        // A major group is the sum of its unit groups, whichever way it is asked for.
        var table = await JsonAsync(await app.ClientIn("en").GetAsync($"/api/labour-market/observations?dataset={lmia.Id}&measure=positions-approved&groupBy=occupation-1"));
        var major = table.GetProperty("rows").EnumerateArray().First(r => r.GetProperty("occupation").ValueKind == JsonValueKind.String);
        var code = major.GetProperty("occupation").GetString()!;
        Assert.Equal(major.GetProperty("value").GetDecimal(), await SumAsync($"dataset={lmia.Id}&measure=positions-approved&occupation={code}&groupBy=occupation&limit=10000"));

        // Places by ISO 3166-1 alpha-2 or alpha-3 and ISO 3166-2; periods as SDMX codes that contain the observation's.
        Assert.Equal(total, await SumAsync($"dataset={lmia.Id}&measure=positions-approved&area=CAN"));
        Assert.Equal(total, await SumAsync($"dataset={lmia.Id}&measure=positions-approved&period=2021"));
        Assert.Equal(0m, await SumAsync($"dataset={lmia.Id}&measure=positions-approved&period=2021-Q4"));
        var ontario = await SumAsync($"dataset={lmia.Id}&measure=positions-approved&area=CA-ON");
        Assert.True(ontario > 0 && ontario < total);
    }

    [Fact]
    public async Task SdmxCsv_OneDatasetAndMeasure_AddsUpToTheFileTotal()
    {
        foreach (var dataset in (await app.ImportedAsync()).Values)
        {
            var response = await app.ClientIn("en").GetAsync($"/api/labour-market/observations.sdmx.csv?dataset={dataset.Id}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("DATAFLOW,MEASURE,OCCUPATION,SOURCE_OCCUPATION,REF_AREA,SUBDIVISION,PROGRAMME,TIME_PERIOD,OBS_VALUE", lines[0]);
            var rows = lines.Skip(1).Select(CsvFields).ToList();
            Assert.All(rows, r => Assert.Equal(9, r.Count));
            foreach (var total in dataset.Totals)
            {
                var sum = rows.Where(r => r[1] == total.Measure).Sum(r => decimal.Parse(r[8], NumberStyles.Number, CultureInfo.InvariantCulture));
                Assert.True(Math.Abs(sum - total.Total) < 0.0001m, $"{dataset.FileName} {total.Measure}: SDMX {sum}, file {total.Total}");
            }

            Assert.All(rows, r => Assert.Equal(3, r[4].Length));
        }
    }

    [Theory]
    [InlineData("measure=workers", "measure")]
    [InlineData("occupation=12345", "occupation")]
    [InlineData("area=Narnia", "area")]
    [InlineData("area=ZZZ", "area")]
    [InlineData("period=2019-Q9", "period")]
    [InlineData("groupBy=measure,colour", "groupBy")]
    [InlineData("dataset=-1", "dataset")]
    [InlineData("limit=0", "limit")]
    public async Task Observations_MalformedParameter_400NamingIt(string query, string parameter)
    {
        foreach (var url in new[] { "/api/labour-market/observations?", "/api/labour-market/observations.sdmx.csv?" })
        {
            if (parameter is "groupBy" or "limit" && url.Contains("sdmx", StringComparison.Ordinal))
            {
                continue;
            }

            var problem = await JsonAsync(await app.ClientIn("es").GetAsync(url + query), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out var errors), problem.ToString());
            Assert.NotEmpty(errors[0].GetString()!);
        }
    }

    [Fact]
    public async Task Import_ThroughTheApi_RestrictedDuplicateRefusedAndForbiddenAnswersAsTheRulesSay()
    {
        await app.ImportedAsync();
        var secretariat = await app.ClientAsAsync("secretariat");
        var canada = await app.ClientAsAsync("focal-point:CA");
        var guatemala = await app.ClientAsAsync("focal-point:GT");
        static MultipartFormDataContent Upload(string file, bool restricted = false)
        {
            var form = new MultipartFormDataContent { { new ByteArrayContent(File.ReadAllBytes(RecordFiles.PathOf(file))), "file", Path.GetFileName(file) } };
            if (restricted)
            {
                form.Add(new StringContent("true"), "restricted");
            }

            return form;
        }

        // Guatemala publishes none of these sources; Canada's focal point imports Canada's lists and not the US files.
        Assert.Equal(HttpStatusCode.Forbidden, (await guatemala.PostAsync("/api/labour-market/datasets", Upload("canada-lmia-quarterly/positive_lmia_September-2017.csv"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await canada.PostAsync("/api/labour-market/datasets", Upload("us-oflc-h2-history/H-2B_FY2011.xlsx"))).StatusCode);
        var created = await JsonAsync(await canada.PostAsync("/api/labour-market/datasets", Upload("canada-lmia-quarterly/positive_lmia_September-2017.csv", restricted: true)), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        Assert.True(created.GetProperty("isRestricted").GetBoolean());

        // Restricted: not for the public, for anyone signed in.
        Assert.DoesNotContain((await JsonAsync(await app.ClientIn("en").GetAsync("/api/labour-market/datasets?size=200"))).GetProperty("items").EnumerateArray(), d => d.GetProperty("id").GetInt32() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientIn("en").GetAsync($"/api/labour-market/datasets/{id}")).StatusCode);
        Assert.Equal(0m, await SumAsync($"dataset={id}"));
        Assert.Equal(HttpStatusCode.OK, (await guatemala.GetAsync($"/api/labour-market/datasets/{id}")).StatusCode);

        // The same file again: 409 with the dataset that holds it.
        var again = await JsonAsync(await secretariat.PostAsync("/api/labour-market/datasets", Upload("canada-lmia-quarterly/positive_lmia_September-2017.csv")), HttpStatusCode.Conflict);
        Assert.Equal(id, again.GetProperty("current").GetProperty("id").GetInt32());

        // Not a publication: 400 naming the file, in the reader's language; no file at all: 400 naming the field.
        var refused = await JsonAsync(await secretariat.PostAsync("/api/labour-market/datasets", Upload(RecordFiles.NotAPublication)), HttpStatusCode.BadRequest);
        Assert.Contains("classif1_labels.csv", refused.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("no es", refused.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        var empty = await JsonAsync(await secretariat.PostAsync("/api/labour-market/datasets", new MultipartFormDataContent { { new StringContent("x"), "source" } }), HttpStatusCode.BadRequest);
        Assert.True(empty.GetProperty("errors").TryGetProperty("file", out _));
        var badSource = await JsonAsync(await secretariat.PostAsync("/api/labour-market/datasets", new MultipartFormDataContent
        {
            { new ByteArrayContent(File.ReadAllBytes(RecordFiles.PathOf(RecordFiles.Ilostat))), "file", "ilostat.csv" },
            { new StringContent("oflc-h2c"), "source" },
        }), HttpStatusCode.BadRequest);
        Assert.True(badSource.GetProperty("errors").TryGetProperty("source", out _));

        // Deleted by a US focal point: no; by Canada's: yes, then gone.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsAsync("focal-point:US")).DeleteAsync($"/api/labour-market/datasets/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await canada.DeleteAsync($"/api/labour-market/datasets/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.DeleteAsync($"/api/labour-market/datasets/{id}")).StatusCode);
    }

    [Fact]
    public async Task Import_BadFilesThroughTheApi_ProblemDetailsNamingTheFileAndNothingWritten()
    {
        await app.ImportedAsync();
        var secretariat = await app.ClientAsAsync("secretariat");
        async Task<(int Datasets, decimal Observations)> CountsAsync()
        {
            var datasets = await JsonAsync(await secretariat.GetAsync("/api/labour-market/datasets"));
            var sums = await JsonAsync(await secretariat.GetAsync("/api/labour-market/observations?groupBy=measure"));
            return (datasets.GetProperty("total").GetInt32(), sums.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("value").GetDecimal()));
        }

        Task<HttpResponseMessage> UploadAsync(byte[] bytes, string name) =>
            secretariat.PostAsync("/api/labour-market/datasets", new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", name } });

        var before = await CountsAsync();
        foreach (var (bytes, name) in new[] { (BadRecordFiles.Corrupt(), "corrupt.xlsx"), (BadRecordFiles.Encrypted(), "protected.xlsx"), (BadRecordFiles.Bomb(), "bomb.xlsx"), (File.ReadAllBytes(RecordFiles.PathOf(RecordFiles.NotAPublication)), "other-publication.csv") })
        {
            var response = await UploadAsync(bytes, name);
            var problem = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode} {problem}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(name, problem, StringComparison.Ordinal);
            Assert.Equal(before, await CountsAsync());
        }

        // The same CSV with a BOM and in Latin-1 (an accented employer) imports with the same totals; each is deleted after.
        var text = File.ReadAllText(RecordFiles.PathOf("canada-lmia-quarterly/positive_lmia_September-2017.csv"));
        var accented = text.Replace("Inc.", "Société Inc.", StringComparison.Ordinal);
        Assert.NotEqual(text, accented);
        string? totals = null;
        foreach (var (bytes, name, encoding) in new[]
        {
            (System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(accented)).ToArray(), "bom.csv", "UTF-8 (BOM)"),
            (System.Text.Encoding.Latin1.GetBytes(accented), "latin1.csv", "Windows-1252"),
        })
        {
            var created = await JsonAsync(await UploadAsync(bytes, name), HttpStatusCode.Created);
            var details = await JsonAsync(await secretariat.GetAsync($"/api/labour-market/datasets/{created.GetProperty("id").GetInt32()}"));
            Assert.Equal(encoding, details.GetProperty("encoding").GetString());
            totals ??= created.GetProperty("totals").GetRawText();
            Assert.Equal(totals, created.GetProperty("totals").GetRawText());
            Assert.Equal(HttpStatusCode.OK, (await secretariat.DeleteAsync($"/api/labour-market/datasets/{created.GetProperty("id").GetInt32()}")).StatusCode);
            Assert.Equal(before, await CountsAsync());
        }
    }

    private static List<string> CsvFields(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"' && quoted && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}

[Collection(LabourMarketSqlite.Name)]
public sealed class LabourMarketApiTestsOnSqlite(LabourMarketSqliteApp app) : LabourMarketApiTests(app);

[Collection(LabourMarketPostgres.Name)]
public sealed class LabourMarketApiTestsOnPostgres(LabourMarketPostgresApp app) : LabourMarketApiTests(app);
