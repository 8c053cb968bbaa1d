using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.LabourMarket;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.LabourMarket;

/// <summary>The import page's steps through their API: the template downloaded, filled and imported; a ministry's table mapped once and its mapping proposed again; progress polled; refusals named.</summary>
public abstract class LabourImportPageTests(LabourMarketApp app)
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static MultipartFormDataContent Upload(byte[] bytes, string name) => new() { { new ByteArrayContent(bytes), "file", name } };

    /// <summary>Polls the progress endpoint until the import ends, checking each answer on the way.</summary>
    private static async Task<JsonElement> FinishedAsync(HttpClient client, int id)
    {
        for (var i = 0; i < 600; i++)
        {
            var job = await JsonAsync(await client.GetAsync($"/api/labour-market/imports/{id}"), HttpStatusCode.OK);
            var status = job.GetProperty("status").GetString();
            var progress = job.GetProperty("progress").GetDouble();
            Assert.InRange(progress, 0, 1);
            Assert.Contains(status, new[] { "queued", "running", "done", "failed" });
            if (status is "done" or "failed")
            {
                return job;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"import {id} did not end in a minute");
    }

    /// <summary>Confirms an import with the form's fields, waits for it to end, and answers the dataset it made (it must have succeeded).</summary>
    private static async Task<(int Id, JsonElement Dataset)> ImportedAsync(HttpClient client, int id, Dictionary<string, string> fields)
    {
        await JsonAsync(await client.PostAsync($"/api/labour-market/imports/{id}/start", new FormUrlEncodedContent(fields)), HttpStatusCode.OK);
        var done = await FinishedAsync(client, id);
        Assert.True(done.GetProperty("status").GetString() == "done", done.ToString());
        var datasetId = done.GetProperty("datasetId").GetInt32();
        return (datasetId, await JsonAsync(await client.GetAsync($"/api/labour-market/datasets/{datasetId}"), HttpStatusCode.OK));
    }

    private static byte[] Filled(byte[] template, IEnumerable<object[]> rows)
    {
        using var stream = new MemoryStream();
        stream.Write(template);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var workbook = document.WorkbookPart!;
            var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().First();
            var data = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.GetFirstChild<SheetData>()!;
            foreach (var example in data.Elements<Row>().Skip(1).ToList())
            {
                example.Remove();
            }

            uint index = 2;
            foreach (var values in rows)
            {
                data.Append(new Row(values.Select(v => v is decimal d
                    ? new Cell { CellValue = new CellValue(d.ToString(CultureInfo.InvariantCulture)), DataType = CellValues.Number }
                    : new Cell(new InlineString(new Text((string)v))) { DataType = CellValues.InlineString })) { RowIndex = index++ });
            }
        }

        return stream.ToArray();
    }

    [Fact]
    public async Task Template_DownloadedFilledAndImported_ReadsBackItsTotals()
    {
        var secretariat = await app.ClientInAsync("es", "secretariat");
        var xlsx = await app.ClientIn("es").GetAsync("/api/labour-market/template.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var template = await xlsx.Content.ReadAsByteArrayAsync();
        using (var document = SpreadsheetDocument.Open(new MemoryStream(template), false))
        {
            Assert.Equal(["Datos", "Instrucciones"], document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
        }

        var csv = await app.ClientIn("en").GetStringAsync("/api/labour-market/template.csv");
        Assert.StartsWith("period,country,subdivision,occupation_classification,occupation_code,programme,employer,workers-requested", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);

        // Filled with rows of a year no other test imports (the file's hash is its own).
        var year = 2000 + (app.Provider == Platform.Data.DatabaseProvider.Sqlite ? 11 : 12);
        var filled = Filled(template,
        [
            [$"{year}-Q1", "GT", "GT-SM", "isco08", "6111", "Programa piloto", "", 40m, 35m],
            [$"{year}-Q2", "Honduras", "", "soc2018", "45-2092", "H-2A", "Finca Uno", 12m, 10m],
            [$"{year}-Q3", "MX", "MX-MIC", "isco08", "9211", "", "", "", 7m],
        ]);
        var created = await JsonAsync(await secretariat.PostAsync("/api/labour-market/imports", Upload(filled, "plantilla-llena.xlsx")), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal("mapping", created.GetProperty("status").GetString());
        Assert.Equal("template", created.GetProperty("detected").GetString());
        var layout = created.GetProperty("layout");
        Assert.Equal("código_ocupación", layout.GetProperty("foundColumns").GetProperty("occupation").GetString());
        Assert.Equal("código_ocupación", layout.GetProperty("mapping").GetProperty("occupationColumn").GetString());
        Assert.Equal(3, layout.GetProperty("preview").GetArrayLength());

        var start = await secretariat.PostAsync($"/api/labour-market/imports/{id}/start", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["occupation"] = "código_ocupación", ["classification"] = "clasificación_ocupación", ["country"] = "país", ["subdivision"] = "subdivisión",
            ["period"] = "período", ["programme"] = "programa", ["employer"] = "empleador",
            ["measure-workers-requested"] = "trabajadores_solicitados", ["measure-workers-certified"] = "trabajadores_certificados",
        }));
        await JsonAsync(start, HttpStatusCode.OK);
        var done = await FinishedAsync(secretariat, id);
        Assert.Equal("done", done.GetProperty("status").GetString());
        Assert.Equal(1.0, done.GetProperty("progress").GetDouble());
        var dataset = await JsonAsync(await secretariat.GetAsync($"/api/labour-market/datasets/{done.GetProperty("datasetId").GetInt32()}"), HttpStatusCode.OK);
        var totals = dataset.GetProperty("summary").GetProperty("totals").EnumerateArray().ToDictionary(t => t.GetProperty("measure").GetString()!, t => t.GetProperty("total").GetDecimal());
        Assert.Equal(52m, totals["workers-requested"]);
        Assert.Equal(52m, totals["workers-certified"]);
        Assert.Equal(3, dataset.GetProperty("summary").GetProperty("rowsImported").GetInt32());

        // The page read again after the import shows where it ended (the state is the job's row, not the browser's).
        var page = await secretariat.GetStringAsync($"/labour-market/import/{id}");
        Assert.Contains("data-status=\"done\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mapping_ConfirmedOnce_IsProposedForTheNextFileWithTheSameHeaders_EditedAndAudited()
    {
        var secretariat = await app.ClientInAsync("en", "secretariat");
        var tag = app.Provider.ToString();
        byte[] Table(params string[] rows) => Encoding.UTF8.GetBytes("Año;Departamento;Código CIUO;Colocados " + tag + "\n" + string.Join("\n", rows) + "\n");
        var fields = new Dictionary<string, string>
        {
            ["occupation"] = "Código CIUO", ["classification-fixed"] = "isco08", ["country-fixed"] = "HN", ["subdivision"] = "Departamento", ["period"] = "Año",
            ["measure-workers-certified"] = "Colocados " + tag,
        };

        var first = await JsonAsync(await secretariat.PostAsync("/api/labour-market/imports", Upload(Table("2021;Cortés;9211;120", "2021;Atlántida;6111;30"), "colocaciones-2021.csv")), HttpStatusCode.Created);
        var layout = first.GetProperty("layout");
        Assert.Equal(JsonValueKind.Null, first.GetProperty("detected").ValueKind);
        Assert.False(layout.GetProperty("mappingSaved").GetBoolean());
        Assert.Equal("Código CIUO", layout.GetProperty("mapping").GetProperty("occupationColumn").GetString());
        Assert.Equal("Año", layout.GetProperty("mapping").GetProperty("periodColumn").GetString());

        // A mapping that lacks what every row needs is refused naming each field; nothing is queued.
        var refused = await JsonAsync(await secretariat.PostAsync($"/api/labour-market/imports/{first.GetProperty("id").GetInt32()}/start",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["occupation"] = "Código CIUO", ["period"] = "Año", ["country"] = "No such column" })), HttpStatusCode.BadRequest);
        var errors = refused.GetProperty("errors");
        Assert.Contains("No such column", errors.GetProperty("country")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("classification", out _));
        Assert.True(errors.TryGetProperty("measure-workers-requested", out _));

        await JsonAsync(await secretariat.PostAsync($"/api/labour-market/imports/{first.GetProperty("id").GetInt32()}/start", new FormUrlEncodedContent(fields)), HttpStatusCode.OK);
        var done = await FinishedAsync(secretariat, first.GetProperty("id").GetInt32());
        Assert.Equal("done", done.GetProperty("status").GetString());

        // The next file with the same headers (any spelling of them) gets the saved mapping, and its preview names a bad row and column.
        var second = await JsonAsync(await secretariat.PostAsync("/api/labour-market/imports", Upload(Table("2022;Cortés;9211;140", "2022;Narnia;6111;3", "2022;Atlántida;6111;muchos"), "colocaciones-2022.csv")), HttpStatusCode.Created);
        layout = second.GetProperty("layout");
        Assert.True(layout.GetProperty("mappingSaved").GetBoolean());
        Assert.Equal("Colocados " + tag, layout.GetProperty("mapping").GetProperty("measures")[0].GetProperty("column").GetString());
        Assert.Equal("HN", layout.GetProperty("mapping").GetProperty("country").GetString());
        var issues = layout.GetProperty("issues").EnumerateArray().ToList();
        Assert.Contains(issues, i => i.GetProperty("row").GetInt32() == 3 && i.GetProperty("column").GetString() == "Departamento");
        Assert.Contains(issues, i => i.GetProperty("row").GetInt32() == 4 && i.GetProperty("column").GetString() == "Colocados " + tag);

        // Edited: this time the column counts workers requested; the saved mapping follows, and both saves are audited.
        fields.Remove("measure-workers-certified");
        fields["measure-workers-requested"] = "Colocados " + tag;
        await JsonAsync(await secretariat.PostAsync($"/api/labour-market/imports/{second.GetProperty("id").GetInt32()}/start", new FormUrlEncodedContent(fields)), HttpStatusCode.OK);
        var secondDone = await FinishedAsync(secretariat, second.GetProperty("id").GetInt32());
        Assert.Equal("done", secondDone.GetProperty("status").GetString());
        var dataset = await JsonAsync(await secretariat.GetAsync($"/api/labour-market/datasets/{secondDone.GetProperty("datasetId").GetInt32()}"), HttpStatusCode.OK);
        Assert.Equal(140m, dataset.GetProperty("summary").GetProperty("totals").EnumerateArray().Single(t => t.GetProperty("measure").GetString() == "workers-requested").GetProperty("total").GetDecimal());
        Assert.Equal(2, dataset.GetProperty("summary").GetProperty("rowsSkipped").GetInt32());

        await using var db = app.CreateDb();
        var signature = second.GetProperty("layout").GetProperty("signature").GetString();
        var saved = await db.LabourColumnMappings.SingleAsync(m => m.Signature == signature);
        Assert.Equal(2, saved.Version);
        var trail = await db.AuditEntries.Where(e => e.EntityType == LabourColumnMappings.EntityType && e.EntityId == saved.Id.ToString(CultureInfo.InvariantCulture)).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
        Assert.Equal(["create", "update"], trail);
    }

    /// <summary>The template's mapping as the page's form sends it (the Spanish header).</summary>
    private static FormUrlEncodedContent TemplateFields() => new(new Dictionary<string, string>
    {
        ["occupation"] = "código_ocupación", ["classification"] = "clasificación_ocupación", ["country"] = "país", ["subdivision"] = "subdivisión",
        ["period"] = "período", ["programme"] = "programa", ["employer"] = "empleador",
        ["measure-workers-requested"] = "trabajadores_solicitados", ["measure-workers-certified"] = "trabajadores_certificados",
    });

    [Fact]
    public async Task FocalPoint_ImportsTheTemplateOfTheirCountry_AndIsRefusedAnotherCountrysRows_Audited()
    {
        var guatemala = await app.ClientInAsync("es", "focal-point:GT");
        var secretariat = await app.ClientInAsync("es", "secretariat");
        var template = await (await app.ClientIn("es").GetAsync("/api/labour-market/template.xlsx")).Content.ReadAsByteArrayAsync();
        var year = 2000 + (app.Provider == Platform.Data.DatabaseProvider.Sqlite ? 13 : 14);
        Assert.Equal(HttpStatusCode.OK, (await guatemala.GetAsync("/labour-market/import")).StatusCode);

        // Guatemala's rows only: imported through the page's steps; the dataset is Guatemala's, and so is the audit entry.
        var own = Filled(template,
        [
            [$"{year}-Q1", "GT", "GT-SM", "isco08", "6111", "Programa piloto", "", 40m, 35m],
            [$"{year}-Q2", "Guatemala", "", "isco08", "9211", "Programa piloto", "", 12m, 10m],
        ]);
        var created = await JsonAsync(await guatemala.PostAsync("/api/labour-market/imports", Upload(own, "plantilla-gt.xlsx")), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        await JsonAsync(await guatemala.PostAsync($"/api/labour-market/imports/{id}/start", TemplateFields()), HttpStatusCode.OK);
        var done = await FinishedAsync(guatemala, id);
        Assert.True(done.GetProperty("status").GetString() == "done", done.ToString());
        var datasetId = done.GetProperty("datasetId").GetInt32();
        var dataset = await JsonAsync(await guatemala.GetAsync($"/api/labour-market/datasets/{datasetId}"), HttpStatusCode.OK);
        Assert.Equal("GT", dataset.GetProperty("summary").GetProperty("publisherCountry").GetString());
        Assert.Equal(52m, dataset.GetProperty("summary").GetProperty("totals").EnumerateArray().Single(t => t.GetProperty("measure").GetString() == "workers-requested").GetProperty("total").GetDecimal());

        // A row of Mexico among Guatemala's: the whole file is refused, naming the row, the column and the country; nothing lands; the refusal is audited.
        var mixed = Filled(template,
        [
            [$"{year}-Q3", "GT", "GT-SM", "isco08", "6111", "Programa piloto", "", 40m, 35m],
            [$"{year}-Q3", "MX", "MX-MIC", "isco08", "9211", "Programa piloto", "", 7m, 7m],
        ]);
        var second = await JsonAsync(await guatemala.PostAsync("/api/labour-market/imports", Upload(mixed, "plantilla-mixta.xlsx")), HttpStatusCode.Created);
        var secondId = second.GetProperty("id").GetInt32();
        await JsonAsync(await guatemala.PostAsync($"/api/labour-market/imports/{secondId}/start", TemplateFields()), HttpStatusCode.OK);
        var failed = await FinishedAsync(guatemala, secondId);
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        var message = failed.GetProperty("errors").GetProperty("country")[0].GetString()!;
        Assert.Contains("fila 3", message, StringComparison.Ordinal);
        Assert.Contains("«país»", message, StringComparison.Ordinal);
        Assert.Contains("MX no es el suyo", message, StringComparison.Ordinal);
        Assert.Contains("(GT)", message, StringComparison.Ordinal);
        var page = await guatemala.GetStringAsync($"/labour-market/import/{secondId}");
        Assert.Contains("MX no es el suyo", page, StringComparison.Ordinal);

        // The same file sent straight to the API is refused the same way, in English for an English reader.
        var english = await app.ClientInAsync("en", "focal-point:GT");
        var direct = await JsonAsync(await english.PostAsync("/api/labour-market/datasets", Upload(mixed, "plantilla-mixta.xlsx")), HttpStatusCode.BadRequest);
        Assert.Contains("row 3", direct.GetProperty("errors").GetProperty("country")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("country MX is not yours", direct.GetProperty("errors").GetProperty("country")[0].GetString(), StringComparison.Ordinal);

        await using (var db = app.CreateDb())
        {
            var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(mixed));
            Assert.False(await db.LabourDatasets.AnyAsync(d => d.Sha256 == sha));
            var refusals = await db.AuditEntries.Where(e => e.Action == LabourImport.RefusedAction && e.EntityId == sha).ToListAsync();
            Assert.Equal(2, refusals.Count);
            Assert.All(refusals, e => Assert.Equal("MX", e.Country));
            Assert.Contains(await db.AuditEntries.Where(e => e.Action == LabourImport.ImportAction && e.EntityId == datasetId.ToString(CultureInfo.InvariantCulture)).Select(e => e.Country).ToListAsync(), c => c == "GT");
        }

        // Another country's publication, and another person's import, stay out of reach; the Secretariat imports the mixed file whole.
        var h2b = await app.ImportedAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await guatemala.DeleteAsync($"/api/labour-market/datasets/{h2b[RecordFiles.H2B2010].Id}")).StatusCode);
        var others = await JsonAsync(await secretariat.PostAsync("/api/labour-market/imports", Upload(mixed, "plantilla-mixta.xlsx")), HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.Forbidden, (await guatemala.GetAsync($"/api/labour-market/imports/{others.GetProperty("id").GetInt32()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await guatemala.GetAsync($"/labour-market/import/{others.GetProperty("id").GetInt32()}")).StatusCode);
        await JsonAsync(await secretariat.PostAsync($"/api/labour-market/imports/{others.GetProperty("id").GetInt32()}/start", TemplateFields()), HttpStatusCode.OK);
        var whole = await FinishedAsync(secretariat, others.GetProperty("id").GetInt32());
        Assert.True(whole.GetProperty("status").GetString() == "done", whole.ToString());

        // Guatemala's own dataset: its focal point deletes it.
        Assert.Equal(HttpStatusCode.OK, (await guatemala.DeleteAsync($"/api/labour-market/datasets/{datasetId}")).StatusCode);
    }

    [Fact]
    public async Task KnownPublication_WithAColumnRenamed_IsImportedThroughTheColumnNamedForItsField()
    {
        var secretariat = await app.ClientInAsync("en", "secretariat");
        var original = (await app.ImportedAsync())[RecordFiles.NegativeLmia];

        // The real ESDC list with its occupation column renamed (a new edition's header): found as the publication, the field is missing.
        var text = Encoding.Latin1.GetString(await File.ReadAllBytesAsync(RecordFiles.PathOf(RecordFiles.NegativeLmia)));
        var edited = Encoding.Latin1.GetBytes(text.Replace(",Occupation,Requested Positions", ",Job code and title,Requested Positions", StringComparison.Ordinal));
        Assert.NotEqual(text.Length, Encoding.Latin1.GetString(edited).Length);
        var created = await JsonAsync(await secretariat.PostAsync("/api/labour-market/imports", Upload(edited, "negative_lmia_2019Q4_edited.csv")), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal("esdc-lmia", created.GetProperty("detected").GetString());
        var layout = created.GetProperty("layout");
        Assert.False(layout.GetProperty("usesMapping").GetBoolean());
        Assert.Contains(layout.GetProperty("fields").EnumerateArray(), f => f.GetProperty("key").GetString() == "occupation" && f.GetProperty("required").GetBoolean());
        Assert.False(layout.GetProperty("foundColumns").TryGetProperty("occupation", out _));
        Assert.Contains("occupation", layout.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.OrdinalIgnoreCase);

        // The page names the column for the field: a column the file lacks is refused naming the field; the right one is previewed, then imported.
        var wrong = await JsonAsync(await secretariat.PostAsync($"/api/labour-market/imports/{id}/start",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["column-occupation"] = "Occupations" })), HttpStatusCode.BadRequest);
        Assert.True(wrong.GetProperty("errors").TryGetProperty("column-occupation", out _));
        var preview = await secretariat.PostPageFormAsync($"/labour-market/import/{id}?handler=Preview", [new("column-occupation", "Job code and title")]);
        var previewPage = await preview.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("data-testid=\"named\"", previewPage, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"preview\"", previewPage, StringComparison.Ordinal);

        var (datasetId, dataset) = await ImportedAsync(secretariat, id, new() { ["column-occupation"] = "Job code and title", ["column-province"] = "Province/Territory" });
        var summary = dataset.GetProperty("summary");
        Assert.Equal(original.RowsImported, summary.GetProperty("rowsImported").GetInt32());
        var total = summary.GetProperty("totals").EnumerateArray().Single();
        Assert.Equal(original.Totals.Single().Total, total.GetProperty("total").GetDecimal());
        Assert.Equal(original.Totals.Single().Mapped, total.GetProperty("mapped").GetDecimal());
        Assert.Contains(dataset.GetProperty("report").GetProperty("notes").EnumerateArray(), n => n.GetProperty("en").GetString()!.Contains("'Job code and title'", StringComparison.Ordinal));

        // Left out of the other tests' sums.
        Assert.Equal(HttpStatusCode.OK, (await secretariat.DeleteAsync($"/api/labour-market/datasets/{datasetId}")).StatusCode);
    }

    [Fact]
    public async Task KnownPublication_WithAColumnItIsKnownByRenamedAndMoved_IsRecognised_AndImportedOnceTheColumnIsNamed()
    {
        const string name = "negative_lmia_2019Q4_new_edition.csv";
        var secretariat = await app.ClientInAsync("en", "secretariat");
        var original = (await app.ImportedAsync())[RecordFiles.NegativeLmia];

        // The real ESDC list with its employer column (one of the three it is known by) renamed and moved to the end, after a
        // column ESDC never published: still recognised from its title and other columns, not read as a template.
        var edited = RecordFiles.Reedited(RecordFiles.NegativeLmia, "Employer", "Business operating name", "Internal reference");
        var created = await JsonAsync(await secretariat.PostAsync("/api/labour-market/imports", Upload(edited, name)), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal("esdc-lmia", created.GetProperty("detected").GetString());
        var layout = created.GetProperty("layout");
        Assert.False(layout.GetProperty("usesMapping").GetBoolean());
        Assert.Contains(layout.GetProperty("fields").EnumerateArray(), f => f.GetProperty("key").GetString() == "employer" && f.GetProperty("missing").GetBoolean());
        Assert.DoesNotContain(layout.GetProperty("fields").EnumerateArray(), f => f.GetProperty("key").GetString() != "employer" && f.GetProperty("missing").GetBoolean());
        var error = layout.GetProperty("errors").GetProperty("file")[0].GetString()!;
        Assert.Contains(name, error, StringComparison.Ordinal);
        Assert.Contains("Column EMPLOYER is missing", error, StringComparison.Ordinal);
        Assert.Contains("(employer)", error, StringComparison.Ordinal);

        // The page marks the field as missing, to choose its column.
        var page = await (await secretariat.GetAsync($"/labour-market/import/{id}")).Content.ReadAsStringAsync();
        Assert.Matches("data-field=\"employer\"[^>]* data-missing=\"true\"", page);
        Assert.DoesNotMatch("data-field=\"(?!employer)[a-z]+\"[^>]* data-missing=\"true\"", page);
        Assert.Contains("data-testid=\"missing\"", page, StringComparison.Ordinal);

        // Started without naming it: 400 naming the field. Named: imported with the totals of the list as published.
        var unnamed = await JsonAsync(await secretariat.PostAsync($"/api/labour-market/imports/{id}/start", new FormUrlEncodedContent([])), HttpStatusCode.BadRequest);
        Assert.Contains("EMPLOYER", unnamed.GetProperty("errors").GetProperty("column-employer")[0].GetString(), StringComparison.Ordinal);
        var (datasetId, dataset) = await ImportedAsync(secretariat, id, new() { ["column-employer"] = "Business operating name" });
        var summary = dataset.GetProperty("summary");
        Assert.Equal(original.RowsImported, summary.GetProperty("rowsImported").GetInt32());
        Assert.Equal(original.Observations, summary.GetProperty("observations").GetInt32());
        Assert.Equal(original.Totals.Single().Total, summary.GetProperty("totals").EnumerateArray().Single().GetProperty("total").GetDecimal());
        Assert.Equal(HttpStatusCode.OK, (await secretariat.DeleteAsync($"/api/labour-market/datasets/{datasetId}")).StatusCode);

        // The direct import takes the same column-KEY; without it the file is refused naming the field, and nothing lands.
        var refused = await JsonAsync(await secretariat.PostAsync("/api/labour-market/datasets", Upload(edited, name)), HttpStatusCode.BadRequest);
        Assert.Contains("(employer)", refused.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        var named = Upload(edited, name);
        named.Add(new StringContent("Business operating name"), "column-employer");
        var direct = await JsonAsync(await secretariat.PostAsync("/api/labour-market/datasets", named), HttpStatusCode.Created);
        Assert.Equal(original.Totals.Single().Total, direct.GetProperty("totals").EnumerateArray().Single().GetProperty("total").GetDecimal());
        Assert.Equal(HttpStatusCode.OK, (await secretariat.DeleteAsync($"/api/labour-market/datasets/{direct.GetProperty("id").GetInt32()}")).StatusCode);
    }

    [Fact]
    public async Task Import_ByWhoMayNot_IsRefused_AndAnUnreadableFileIsNamedAtOnce()
    {
        var observer = await app.ClientAsAsync("observer");
        Assert.Equal(HttpStatusCode.Forbidden, (await observer.PostAsync("/api/labour-market/imports", Upload("a,b\n1,2\n"u8.ToArray(), "x.csv"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await observer.GetAsync("/labour-market/import")).StatusCode);

        var secretariat = await app.ClientAsAsync("secretariat");
        var corrupt = await JsonAsync(await secretariat.PostAsync("/api/labour-market/imports", Upload(BadRecordFiles.Corrupt(), "roto.xlsx")), HttpStatusCode.BadRequest);
        Assert.Contains("roto.xlsx", corrupt.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        var staged = Directory.CreateDirectory(Path.Combine(app.DataFolder, "imports"));
        Assert.DoesNotContain(staged.EnumerateFiles(), f => f.Length == BadRecordFiles.Corrupt().Length);
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.GetAsync("/api/labour-market/imports/987654")).StatusCode);
    }
}

[Collection(LabourMarketSqlite.Name)]
public sealed class LabourImportPageTestsOnSqlite(LabourMarketSqliteApp app) : LabourImportPageTests(app);

[Collection(LabourMarketPostgres.Name)]
public sealed class LabourImportPageTestsOnPostgres(LabourMarketPostgresApp app) : LabourImportPageTests(app);
