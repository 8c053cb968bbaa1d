using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Knowledge;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Knowledge;

/// <summary>The repository through its API: proposal, curation with the gender checklist, publication, files checked by content, text extraction, toolkits.</summary>
public abstract class RepositoryApiTests(MovilidadApp app)
{
    private static object Metadata(string kind = "document", string? titleEs = "Guía de contratación equitativa", string? titleEn = null, string? url = null) => new
    {
        version = 0,
        kind,
        type = "manual",
        title = new { es = titleEs ?? string.Empty, en = titleEn ?? string.Empty },
        summary = new { es = "Resumen", en = string.Empty },
        countries = new[] { "GT", "MX" },
        lines = new[] { "1.5" },
        objectives = new[] { 6 },
        topics = new[] { "fair-recruitment" },
        occupations = new[] { "6111" },
        language = "es",
        date = "2025-03-01",
        authorInstitution = "Ministerio de Trabajo",
        licence = "CC BY 4.0",
        url,
    };

    private static MultipartFormDataContent Upload(object metadata, string fileName, byte[] content)
    {
        var form = new MultipartFormDataContent { { new StringContent(JsonSerializer.Serialize(metadata)), "metadata" } };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return form;
    }

    private static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray());
    }

    private async Task<RepositoryItem> StoredAsync(int id)
    {
        await using var db = app.CreateDb();
        return await db.RepositoryItems.AsNoTracking().Include(i => i.Files).SingleAsync(i => i.Id == id);
    }

    [Fact]
    public async Task ProposeDocument_APdf_StoresItsHashAndTextAndServesItAsAnAttachment()
    {
        var proposer = await app.ClientAsAsync("civil-society");
        var pdf = TestFiles.Pdf("Las trabajadoras migrantes temporales", "Segunda pagina sobre contratacion justa");
        var item = await CreatedAsync(await proposer.PostAsync("/api/repository/documents", Upload(Metadata(), "guia.pdf", pdf)));
        var id = item.GetProperty("id").GetInt32();

        Assert.Equal("proposed", item.GetProperty("status").GetString());
        Assert.Equal(["en"], item.GetProperty("missingLanguages").EnumerateArray().Select(l => l.GetString()));
        var stored = await StoredAsync(id);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), stored.Files.Single().Sha256);
        Assert.Equal("application/pdf", stored.Files.Single().ContentType);
        Assert.Contains("trabajadoras migrantes temporales", stored.ExtractedText, StringComparison.Ordinal);
        Assert.Contains("contratacion justa", stored.ExtractedText, StringComparison.Ordinal);
        Assert.Equal(["GT", "MX"], CodeList.Split(stored.Countries));

        var download = await proposer.GetAsync($"/api/repository/{id}/file");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());

        // Not published: nobody else reads it, not even its file.
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/api/repository/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientAsAsync("observer")).GetAsync($"/api/repository/{id}/file")).StatusCode);
        Assert.Null(stored.ToSearchEntry());
    }

    [Fact]
    public async Task ProposeDocument_DocxXlsxAndOdt_TheirTextIsExtracted()
    {
        var proposer = await app.ClientAsAsync("observer");
        foreach (var (name, content, words) in new[]
        {
            ("informe.docx", TestFiles.Docx("Afiliación voluntaria de trabajadores independientes"), "Afiliación voluntaria"),
            ("datos.xlsx", TestFiles.Xlsx("Ocupación", "Trabajadores agrícolas de temporada"), "agrícolas de temporada"),
            ("nota.odt", TestFiles.Odt("Derechos de las personas retornadas"), "personas retornadas"),
        })
        {
            var item = await CreatedAsync(await proposer.PostAsync("/api/repository/documents", Upload(Metadata(), name, content)));
            Assert.Contains(words, (await StoredAsync(item.GetProperty("id").GetInt32())).ExtractedText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ProposeDocument_BadFiles_AreRefusedNamingTheFieldAndNothingIsSaved()
    {
        var proposer = await app.ClientAsAsync("civil-society");
        await using var db = app.CreateDb();
        var before = await db.RepositoryItems.CountAsync();
        foreach (var (name, content) in new[]
        {
            ("falso.pdf", "Esto no es un PDF, es texto."u8.ToArray()),
            ("truncado.pdf", TestFiles.Pdf("hola")[..200]),
            ("macros.docx", TestFiles.DocxWithMacros("Sub AutoOpen()")),
            ("macros.docm", TestFiles.DocxWithMacros("Sub AutoOpen()")),
            ("script.svg", TestFiles.Svg("<script>alert(1)</script>")),
            ("onload.svg", TestFiles.Svg("<rect width=\"1\" height=\"1\" onload=\"alert(1)\"/>")),
            ("bomba.docx", TestFiles.ZipBomb(300)),
            ("disfrazado.pdf", TestFiles.Docx("Un Word con nombre de PDF")),
            ("activo.pdf", TestFiles.Pdf("hola").Concat("\n<< /S /JavaScript /JS (app.alert(1)) >>\n%%EOF\n"u8.ToArray()).ToArray()),
        })
        {
            var errors = await ErrorsAsync(await proposer.PostAsync("/api/repository/documents", Upload(Metadata(), name, content)));
            Assert.True(errors.Keys.SequenceEqual(["file"]), $"{name}: {string.Join("; ", errors.Select(e => e.Key + ": " + string.Join(" ", e.Value)))}");
        }

        var macro = await ErrorsAsync(await proposer.PostAsync("/api/repository/documents", Upload(Metadata(), "macros.docx", TestFiles.DocxWithMacros("x"))));
        Assert.Contains("macros", macro["file"][0], StringComparison.Ordinal);
        var bomb = await ErrorsAsync(await proposer.PostAsync("/api/repository/documents", Upload(Metadata(), "bomba.docx", TestFiles.ZipBomb(300))));
        Assert.Contains("ZIP", bomb["file"][0], StringComparison.Ordinal);

        // A title of 100,000 characters is refused naming the field; a body over the upload limit gets 413.
        var longTitle = await ErrorsAsync(await proposer.PostAsJsonAsync("/api/repository", Metadata("link", new string('a', 100_000), url: "https://www.ilo.org/")));
        Assert.Contains("title.es", longTitle.Keys);
        var huge = await proposer.PostAsync("/api/repository/documents", Upload(Metadata(), "grande.pdf", new byte[22 * 1024 * 1024]));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(["file"], (await huge.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(before, await db.RepositoryItems.CountAsync());
    }

    [Fact]
    public async Task ProposePage_ATitleOf100000CharactersOrAFileOverTheLimit_IsRefusedNeverA500()
    {
        await using var db = app.CreateDb();
        var before = await db.RepositoryItems.CountAsync();
        foreach (var (language, titleError, sizeError, fileLabel) in new[] { ("es", "Dé el título en español o en inglés", "pesa más de 20 MB", "Archivo (documento)"), ("en", "Give the title in Spanish or English", "larger than 20 MB", "File (document)") })
        {
            var proposer = await app.ClientInAsync(language, "civil-society");
            var longTitle = await PostProposalPageAsync(proposer, new string('a', 100_000), "guia.pdf", TestFiles.Pdf("hola"));
            var page = await longTitle.Content.ReadAsStringAsync();
            Assert.True(longTitle.StatusCode == HttpStatusCode.BadRequest, $"{(int)longTitle.StatusCode}: {page[..Math.Min(page.Length, 2000)]}");
            Assert.Contains(titleError, page, StringComparison.Ordinal);

            // Over the file limit but inside the page's body limit: refused at the field; over the body limit, before anything
            // reads it (the antiforgery check would refuse it with a bare 400): 413, the page naming the field and the limit.
            var overFile = await PostProposalPageAsync(proposer, "Guía", "grande.pdf", new byte[RepositoryLimits.FileBytes + 1]);
            Assert.Equal(HttpStatusCode.BadRequest, overFile.StatusCode);
            Assert.Contains(sizeError, await overFile.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var overBody = await PostProposalPageAsync(proposer, "Guía", "enorme.pdf", new byte[22 * 1024 * 1024]);
            var refusal = await overBody.Content.ReadAsStringAsync();
            Assert.True(overBody.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{(int)overBody.StatusCode}: {refusal[..Math.Min(refusal.Length, 2000)]}");
            var said = System.Text.RegularExpressions.Regex.Match(refusal, "data-testid=\"error-text\">([^<]*)<").Groups[1].Value;
            Assert.StartsWith(fileLabel + ":", WebUtility.HtmlDecode(said), StringComparison.Ordinal);
            Assert.Contains(sizeError, WebUtility.HtmlDecode(said), StringComparison.Ordinal);

            // The API answers the same upload with problem details naming the field, in the reader's language.
            var api = await proposer.PostAsync("/api/repository/documents", Upload(Metadata(), "enorme.pdf", new byte[22 * 1024 * 1024]));
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, api.StatusCode);
            var problem = await api.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(["file"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
            Assert.Equal(language == "es" ? "La solicitud es demasiado grande" : "The request is too large", problem.GetProperty("title").GetString());
            Assert.Contains(language == "es" ? "lo máximo que acepta" : "the most this address accepts", problem.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await db.RepositoryItems.CountAsync());
    }

    /// <summary>Posts the proposal page's form with a file, as a browser does (multipart, with the form's antiforgery token).</summary>
    private static async Task<HttpResponseMessage> PostProposalPageAsync(HttpClient client, string title, string fileName, byte[] content)
    {
        var token = System.Text.RegularExpressions.Regex.Match(await client.GetStringAsync("/repository/propose"), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(token.Success);
        var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" },
            { new StringContent("document"), "Form.Kind" },
            { new StringContent("manual"), "Form.Type" },
            { new StringContent(title), "Form.TitleEs" },
            { new StringContent("es"), "Form.Language" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        return await client.PostAsync("/repository/propose", form);
    }

    [Fact]
    public async Task Curation_ProposeReviewWithTheGenderChecklistAndPublish_ReadersSeeWhatTheAudienceAllows()
    {
        var proposer = await app.ClientAsAsync("civil-society");
        var curator = await app.ClientAsAsync("curator");
        var anonymous = app.CreateClient();
        var item = await CreatedAsync(await proposer.PostAsJsonAsync("/api/repository", Metadata("link", "Portal de empleo temporal", "Temporary jobs portal", "https://www.example.org/empleo")));
        var id = item.GetProperty("id").GetInt32();

        // Nobody but a curator or the Secretariat reviews; a return needs its reason.
        Assert.Equal(HttpStatusCode.Forbidden, (await proposer.PostAsJsonAsync($"/api/repository/{id}/review", new { version = 0, decision = "accept" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsAsync("focal-point:GT")).PostAsJsonAsync($"/api/repository/{id}/publish", new { version = 0, audience = "public" })).StatusCode);
        Assert.Equal(["comment"], (await ErrorsAsync(await curator.PostAsJsonAsync($"/api/repository/{id}/review", new { version = 0, decision = "return" }))).Keys);
        Assert.Equal(["status"], (await ErrorsAsync(await curator.PostAsJsonAsync($"/api/repository/{id}/publish", new { version = 0, audience = "public" }))).Keys);

        var returned = await OkAsync(await curator.PostAsJsonAsync($"/api/repository/{id}/review", new { version = 0, decision = "return", comment = "Falta el resumen en inglés." }));
        Assert.Equal("returned", returned.GetProperty("status").GetString());
        var edited = await OkAsync(await proposer.PutAsJsonAsync($"/api/repository/{id}", Merge(JsonSerializer.SerializeToElement(Metadata("link", "Portal de empleo temporal", "Temporary jobs portal", "https://www.example.org/empleo")), 1)));
        Assert.Equal("proposed", edited.GetProperty("status").GetString());

        // A stale version gets 409 with the item as it is.
        var stale = await curator.PostAsJsonAsync($"/api/repository/{id}/review", new { version = 0, decision = "accept" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(2, (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("current").GetProperty("version").GetInt32());

        var reviewed = await OkAsync(await curator.PostAsJsonAsync($"/api/repository/{id}/review", new { version = 2, decision = "accept", checklist = new[] { "sex-disaggregated", "specific-risks", "inclusive-language" } }));
        Assert.Equal("responsive", reviewed.GetProperty("genderLens").GetString());
        Assert.Equal(3, reviewed.GetProperty("genderChecklist").GetArrayLength());

        await OkAsync(await curator.PostAsJsonAsync($"/api/repository/{id}/publish", new { version = 3, audience = "signed-in" }));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/repository/{id}")).StatusCode);
        Assert.Equal("published", (await OkAsync(await (await app.ClientAsAsync("observer")).GetAsync($"/api/repository/{id}"))).GetProperty("status").GetString());
        var entry = (await StoredAsync(id)).ToSearchEntry();
        Assert.False(entry!.Public);

        await OkAsync(await curator.PostAsJsonAsync($"/api/repository/{id}/publish", new { version = 4, audience = "public" }));
        var read = await OkAsync(await anonymous.GetAsync($"/api/repository/{id}"));
        Assert.Equal("responsive", read.GetProperty("genderLens").GetString());
        Assert.True((await StoredAsync(id)).ToSearchEntry()!.Public);

        await using var db = app.CreateDb();
        var actions = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "repository-item" && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal(["propose", "return", "edit", "review", "publish", "publish"], actions);
    }

    private static JsonElement Merge(JsonElement metadata, int version)
    {
        var fields = metadata.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        fields["version"] = version;
        return JsonSerializer.SerializeToElement(fields);
    }

    [Fact]
    public async Task List_FiltersAndFacets_CountTheItemsOfEachValue()
    {
        var curator = await app.ClientAsAsync("curator");
        var key = Guid.NewGuid().ToString("N")[..6];
        foreach (var (country, type) in new[] { ("BZ", "dataset"), ("BZ", "manual"), ("PA", "dataset") })
        {
            var created = await CreatedAsync(await curator.PostAsJsonAsync("/api/repository", new
            {
                version = 0, kind = "link", type, title = new { es = "Recurso " + key, en = "Item " + key }, countries = new[] { country }, url = "https://example.org/" + key,
                date = "2019-05-01", lines = country == "PA" ? new[] { "1.5" } : ["1.1", "1.5"],
            }));
            var id = created.GetProperty("id").GetInt32();
            await OkAsync(await curator.PostAsJsonAsync($"/api/repository/{id}/review", new { version = 0, decision = "accept" }));
            await OkAsync(await curator.PostAsJsonAsync($"/api/repository/{id}/publish", new { version = 1, audience = "public" }));
        }

        var page = await OkAsync(await app.CreateClient().GetAsync("/api/repository?country=BZ&year=2019"));
        Assert.Equal(2, page.GetProperty("total").GetInt32());
        Assert.All(page.GetProperty("items").EnumerateArray(), i => Assert.Contains("BZ", i.GetProperty("countries").EnumerateArray().Select(c => c.GetString())));
        var facets = page.GetProperty("facets");
        Assert.Equal(1, facets.GetProperty("type").GetProperty("dataset").GetInt32());
        Assert.Equal(1, facets.GetProperty("type").GetProperty("manual").GetInt32());

        // Code lists are grouped by the database and split: each of the BZ items counts under both of its lines.
        Assert.True(facets.GetProperty("line").GetProperty("1.1").GetInt32() >= 2);
        Assert.True(facets.GetProperty("line").GetProperty("1.5").GetInt32() >= 2);
        Assert.True(facets.GetProperty("year").GetProperty("2019").GetInt32() >= 2);
        Assert.Equal(2, (await OkAsync(await app.CreateClient().GetAsync("/api/repository?country=BZ&year=2019&line=1.1"))).GetProperty("total").GetInt32());

        // The country facet counts every country under the other filters.
        Assert.True(facets.GetProperty("country").GetProperty("PA").GetInt32() >= 1);
        Assert.Equal(1, (await OkAsync(await app.CreateClient().GetAsync("/api/repository?country=BZ&type=dataset&year=2019"))).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Toolkits_TheFourShipped_DownloadAsOneZipWithTheirManifestGuideAndAssets()
    {
        var list = await OkAsync(await app.CreateClient().GetAsync("/api/repository?type=toolkit"));
        var toolkits = list.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("isDraft").GetBoolean()).ToList();
        Assert.Equal(4, toolkits.Count);
        var fair = toolkits.Single(t => t.GetProperty("title").GetProperty("es").GetString()!.Contains("contratación justa", StringComparison.Ordinal));
        var id = fair.GetProperty("id").GetInt32();

        var response = await app.CreateClient().GetAsync($"/api/toolkits/{id}/download");
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        using var manifest = JsonDocument.Parse(zip.GetEntry("manifest.json")!.Open());
        var root = manifest.RootElement;
        Assert.True(root.GetProperty("draft").GetBoolean());
        Assert.Contains("1.5", root.GetProperty("lines").EnumerateArray().Select(l => l.GetString()));
        Assert.True(root.GetProperty("guide").GetProperty("steps").GetArrayLength() >= 4);
        Assert.All(root.GetProperty("guide").GetProperty("messages").EnumerateArray(), m => Assert.False(string.IsNullOrEmpty(m.GetProperty("text").GetProperty("en").GetString())));
        foreach (var asset in root.GetProperty("assets").EnumerateArray())
        {
            using var stream = new MemoryStream();
            await zip.GetEntry(asset.GetProperty("path").GetString()!)!.Open().CopyToAsync(stream);
            Assert.Equal(asset.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(stream.ToArray())));
        }

        Assert.Equal(2, root.GetProperty("assets").GetArrayLength());
        using var guide = new StreamReader(zip.GetEntry("guide.en.md")!.Open());
        var text = await guide.ReadToEndAsync();
        Assert.Contains("Draft to complete", text, StringComparison.Ordinal);
        Assert.Contains("No one may charge you for a job abroad", text, StringComparison.Ordinal);
        Assert.NotNull(zip.GetEntry("guide.es.md"));
    }

    [Fact]
    public async Task ToolkitAsset_ANewVersion_IsKeptBesideTheOldAndTheKitCarriesTheNewest()
    {
        var curator = await app.ClientAsAsync("curator");
        var list = await OkAsync(await app.CreateClient().GetAsync("/api/repository?type=toolkit&topic=gender"));
        var id = list.GetProperty("items").EnumerateArray().First().GetProperty("id").GetInt32();
        var item = await OkAsync(await app.CreateClient().GetAsync($"/api/repository/{id}"));
        var svg = TestFiles.Svg("<text x=\"1\" y=\"9\">Nueva versión</text>");
        var form = new MultipartFormDataContent { { new StringContent(item.GetProperty("version").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)), "version" }, { new StringContent("poster-es"), "slot" } };
        form.Add(new ByteArrayContent(svg), "file", "poster-es.svg");
        var saved = await OkAsync(await curator.PostAsync($"/api/repository/{id}/files", form));
        var versions = saved.GetProperty("files").EnumerateArray().Where(f => f.GetProperty("slot").GetString() == "poster-es").Select(f => f.GetProperty("fileVersion").GetInt32()).ToList();
        Assert.Equal([2, 1], versions);

        using var zip = new ZipArchive(new MemoryStream(await app.CreateClient().GetByteArrayAsync($"/api/toolkits/{id}/download")));
        using var stream = new MemoryStream();
        await zip.GetEntry("assets/poster-es.svg")!.Open().CopyToAsync(stream);
        Assert.Equal(svg, stream.ToArray());

        // A proposer who is not a curator may not change a published kit.
        var other = await app.ClientAsAsync("civil-society");
        var again = new MultipartFormDataContent { { new StringContent("9"), "version" } };
        again.Add(new ByteArrayContent(svg), "file", "poster-es.svg");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync($"/api/repository/{id}/files", again)).StatusCode);
    }
}

public sealed class RepositoryApiTestsOnSqlite(SqliteApp app) : RepositoryApiTests(app), IClassFixture<SqliteApp>;

public sealed class RepositoryApiTestsOnPostgres(PostgresApp app) : RepositoryApiTests(app), IClassFixture<PostgresApp>;
