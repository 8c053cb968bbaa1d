using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Movilidad.Platform.Data;
using Movilidad.Platform.Programmes;
using Movilidad.Platform.Qualifications;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Qualifications;

/// <summary>
/// Qualifications and their recognition (action 2.1, issue 14): the sourced procedures of <c>data/qualifications/procedures.yaml</c>
/// loaded whole and kept across reloads, filtered by country, kind and occupation, compared with costs converted at the
/// Secretariat's rates, reviewed like the registry (a focal point proposes for their own country only), found by
/// search, and bad input refused naming the field.
/// </summary>
public abstract partial class QualificationsTests(MovilidadApp app)
{
    private static string DataFolder
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Movilidad.slnx")))
            {
                folder = folder.Parent;
            }

            return Path.Combine(folder!.FullName, "data");
        }
    }

    private static Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK) => ApiAnswers.OkAsync(response, expected);

    private static Task<JsonElement> ErrorsAsync(HttpResponseMessage response) => ApiAnswers.ErrorsAsync(response);

    private static List<string?> Keys(JsonElement list) => [.. list.EnumerateArray().Select(p => p.GetProperty("key").GetString())];

    /// <summary>A new procedure of <paramref name="country"/>, every statement with a shipped source.</summary>
    private static JsonObject NewProcedure(string key, string country = "MX", JsonNode? cost = null, JsonNode? duration = null, string name = "Evaluación de prueba") => new()
    {
        ["key"] = key,
        ["country"] = country,
        ["kind"] = "evaluation",
        ["name"] = new JsonObject { ["es"] = name, ["en"] = "Test evaluation" },
        ["steps"] = new JsonArray(new JsonObject { ["es"] = "Paso", ["en"] = "Step", ["sources"] = new JsonArray("mx-conocer-proceso-uv") }),
        ["occupations"] = new JsonArray(new JsonObject { ["isco08"] = "0310", ["sources"] = new JsonArray("mx-conocer-proceso-uv") }),
        ["cost"] = cost,
        ["duration"] = duration,
        ["lastVerified"] = "2026-12-01",
    };

    private static string UniqueKey(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..30];

    [Fact]
    public async Task Load_ShipsEveryProcedureOfData_PublishedAndSourced_AndAReloadKeepsEdits()
    {
        var yaml = RegistryContent.FromYaml(await File.ReadAllTextAsync(Path.Combine(DataFolder, "qualifications", "procedures.yaml")));
        var shippedKeys = RegistryContent.At(yaml, "procedures")!.AsArray().Select(p => RegistryContent.Text(p, "key")).ToList();
        var listed = Keys(await OkAsync(await app.Browser().GetAsync("/api/qualifications/procedures")));
        Assert.Subset(listed.ToHashSet(), shippedKeys.ToHashSet());

        // Every member state has at least one sourced procedure.
        await using var db = app.CreateDb();
        var countries = await db.QualificationProcedures.Where(p => p.Content != null).Select(p => p.Country).Distinct().ToListAsync();
        Assert.Subset(countries.ToHashSet(), new HashSet<string> { "BZ", "CA", "CR", "SV", "US", "GT", "HN", "MX", "NI", "PA", "DO" });

        // An edit published in the platform survives a reload of data/.
        await ReloadKeepsAnEditAsync<QualificationProcedure>("/api/qualifications/procedures", "mx-conocer-certificacion", db => new QualificationsLoader(db, TimeProvider.System));
    }

    /// <summary>
    /// Edits a shipped entry through the API and publishes the change, loads data/ again with <paramref name="loader"/>,
    /// and checks that nothing was added and the edit was kept.
    /// </summary>
    private async Task ReloadKeepsAnEditAsync<T>(string api, string key, Func<MovilidadDb, IContentLoader> loader)
        where T : RegistryEntry
    {
        var secretariat = await app.ClientAsAsync("secretariat");
        await using var db = app.CreateDb();
        var entry = await db.Set<T>().AsNoTracking().SingleAsync(e => e.Key == key);
        var content = RegistryContent.Parse(entry.Content!);
        content["name"]!["es"] = "Editado en la plataforma";
        var saved = await OkAsync(await secretariat.PutAsJsonAsync($"{api}/{entry.Id}", new { version = entry.Version, content }));
        await OkAsync(await secretariat.PostAsJsonAsync($"{api}/{entry.Id}/publish", new { version = saved.GetProperty("version").GetInt32() }));
        var before = await db.Set<T>().CountAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await loader(scope.ServiceProvider.GetRequiredService<MovilidadDb>()).LoadAsync(DataFolder);
        }

        Assert.Equal(before, await db.Set<T>().CountAsync());
        var reloaded = await OkAsync(await app.Browser().GetAsync($"{api}/{key}"));
        Assert.Equal("Editado en la plataforma", reloaded.GetProperty("content").GetProperty("name").GetProperty("es").GetString());
    }

    [Theory]
    [InlineData("country=CA", "ca-educational-credential-assessment ca-foreign-credential-recognition ca-red-seal")]
    [InlineData("country=mx&kind=recognition", "mx-sep-revalidacion")]
    [InlineData("occupation=7411", "ca-foreign-credential-recognition gt-intecap-certificacion")]
    [InlineData("occupation=7112", "hn-hondureno-para-el-mundo")]
    [InlineData("occupation=74&country=GT", "gt-intecap-certificacion")]
    [InlineData("occupation=2221&kind=competency-certification", "")]
    public async Task Procedures_AreFilteredByCountryKindAndOccupation(string query, string expected)
    {
        var keys = Keys(await OkAsync(await app.Browser().GetAsync($"/api/qualifications/procedures?{query}")))
            .Where(k => !k!.StartsWith("test-", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Length == 0 ? [] : expected.Split(' ').ToList<string?>(), keys);
    }

    [Theory]
    [InlineData("country=XX", "country")]
    [InlineData("occupation=99999", "occupation")]
    [InlineData("occupation=abc", "occupation")]
    [InlineData("kind=diploma", "kind")]
    public async Task Procedures_BadFilter_Is400NamingIt(string query, string field)
    {
        var errors = await ErrorsAsync(await app.Browser().GetAsync($"/api/qualifications/procedures?{query}"));
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
    }

    [Fact]
    public async Task Compare_ConvertsCostsThroughTheDollar_AtTheLatestRateOnOrBeforeTheDate_NamingEachRate()
    {
        var secretariat = await app.ClientAsAsync("secretariat");
        var focal = await app.ClientAsAsync("focal-point:MX");

        // Rates in a year no other test uses: 1 USD = 20 MXN in 2090, 17.5 MXN and 7.75 GTQ in 2091.
        await OkAsync(await secretariat.PostAsJsonAsync("/api/qualifications/rates", new { currency = "MXN", rate = 20m, asOf = "2090-01-01", source = "Banco de México" }), HttpStatusCode.Created);
        await OkAsync(await secretariat.PostAsJsonAsync("/api/qualifications/rates", new { currency = "MXN", rate = 17.5m, asOf = "2091-01-01", source = "Banco de México", sourceUrl = "https://www.banxico.org.mx/" }), HttpStatusCode.Created);
        await OkAsync(await secretariat.PostAsJsonAsync("/api/qualifications/rates", new { currency = "gtq", rate = 7.75m, asOf = "2091-01-01", source = "Banco de Guatemala" }), HttpStatusCode.Created);

        var key = UniqueKey("test-cost");
        var cost = new JsonObject { ["amount"] = new JsonObject { ["value"] = 1750, ["currency"] = "MXN", ["asOf"] = "2026" }, ["sources"] = new JsonArray("mx-conocer-proceso-uv") };
        var duration = new JsonObject { ["typicalDays"] = 30, ["maxDays"] = 90, ["sources"] = new JsonArray("mx-conocer-proceso-uv") };
        var created = await OkAsync(await focal.PostAsJsonAsync("/api/qualifications/procedures", new { version = 0, content = NewProcedure(key, cost: cost, duration: duration) }), HttpStatusCode.Created);
        await OkAsync(await secretariat.PostAsJsonAsync($"/api/qualifications/procedures/{created.GetProperty("id").GetInt32()}/publish", new { version = 0 }));

        async Task<JsonElement> CostAsync(string query)
        {
            var answer = await OkAsync(await app.Browser().GetAsync($"/api/qualifications/compare?occupation=0310&countries=MX,GT&{query}"));
            var mexico = answer.GetProperty("countries").EnumerateArray().Single(c => c.GetProperty("country").GetString() == "MX");
            Assert.Empty(answer.GetProperty("countries").EnumerateArray().Single(c => c.GetProperty("country").GetString() == "GT").GetProperty("procedures").EnumerateArray());
            var procedure = mexico.GetProperty("procedures").EnumerateArray().Single(p => p.GetProperty("key").GetString() == key);
            Assert.Equal(30, procedure.GetProperty("typicalDays").GetInt32());
            Assert.Equal(90, procedure.GetProperty("maxDays").GetInt32());
            Assert.Equal("Paso", procedure.GetProperty("steps")[0].GetProperty("es").GetString());
            return procedure.GetProperty("converted");
        }

        // 1750 MXN / 17.5 = 100 USD; 100 USD x 7.75 = 775 GTQ.
        var dollars = await CostAsync("currency=USD&on=2091-06-30");
        Assert.Equal(100.00m, dollars.GetProperty("value").GetDecimal());
        Assert.Equal("Banco de México", dollars.GetProperty("rates")[0].GetProperty("source").GetString());
        var quetzales = await CostAsync("currency=GTQ&on=2091-06-30");
        Assert.Equal(775.00m, quetzales.GetProperty("value").GetDecimal());
        Assert.Equal(new List<string?> { "MXN", "GTQ" }, quetzales.GetProperty("rates").EnumerateArray().Select(r => r.GetProperty("currency").GetString()).ToList());

        // In 2090 the MXN rate was 20 (87.50 USD), and there was no GTQ rate yet: not converted, the missing rate named.
        Assert.Equal(87.50m, (await CostAsync("currency=USD&on=2090-06-30")).GetProperty("value").GetDecimal());
        var missing = await CostAsync("currency=GTQ&on=2090-06-30");
        Assert.Equal(JsonValueKind.Null, missing.GetProperty("value").ValueKind);
        Assert.Equal("GTQ", missing.GetProperty("missingRate").GetString());
        Assert.Equal(1750.00m, (await CostAsync("currency=MXN&on=2080-01-01")).GetProperty("value").GetDecimal());
    }

    [Theory]
    [InlineData("", "occupation")]
    [InlineData("kind=recognition&currency=XYZ", "currency")]
    [InlineData("kind=recognition&on=2026-13-01", "on")]
    [InlineData("kind=recognition&countries=GT,ZZ", "countries")]
    [InlineData("kind=visa", "kind")]
    [InlineData("occupation=12345", "occupation")]
    public async Task Compare_BadQuestion_Is400NamingTheField(string query, string field)
    {
        var errors = await ErrorsAsync(await app.Browser().GetAsync($"/api/qualifications/compare?{query}"));
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
    }

    [Fact]
    public async Task Compare_ACountryWithNothingSourced_IsAnEmptyList_NotAnError()
    {
        var answer = await OkAsync(await app.Browser().GetAsync("/api/qualifications/compare?kind=evaluation&countries=BZ"));
        Assert.Empty(answer.GetProperty("countries")[0].GetProperty("procedures").EnumerateArray());
    }

    [Fact]
    public async Task Rates_OnlyTheSecretariatEntersThem_AndBadOnesAreRefusedNamingTheField()
    {
        var secretariat = await app.ClientAsAsync("secretariat");
        var focal = await app.ClientAsAsync("focal-point:MX");
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.PostAsJsonAsync("/api/qualifications/rates", new { currency = "MXN", rate = 18m, asOf = "2092-01-01", source = "Banxico" })).StatusCode);
        Assert.True((await ErrorsAsync(await secretariat.PostAsJsonAsync("/api/qualifications/rates", new { currency = "XYZ", rate = 18m, asOf = "2092-01-01", source = "Banxico" }))).TryGetProperty("currency", out _));
        Assert.True((await ErrorsAsync(await secretariat.PostAsJsonAsync("/api/qualifications/rates", new { currency = "MXN", rate = -1m, asOf = "2092-01-01", source = "Banxico" }))).TryGetProperty("rate", out _));
        Assert.True((await ErrorsAsync(await secretariat.PostAsJsonAsync("/api/qualifications/rates", new { currency = "MXN", rate = 18m, asOf = "2092-01-01", source = "" }))).TryGetProperty("source", out _));
        var created = await OkAsync(await secretariat.PostAsJsonAsync("/api/qualifications/rates", new { currency = "CRC", rate = 505m, asOf = "2092-01-01", source = "Banco Central de Costa Rica" }), HttpStatusCode.Created);
        Assert.True((await ErrorsAsync(await secretariat.PostAsJsonAsync("/api/qualifications/rates", new { currency = "CRC", rate = 506m, asOf = "2092-01-01", source = "BCCR" }))).TryGetProperty("asOf", out _));
        var id = created.GetProperty("id").GetInt32();
        await OkAsync(await secretariat.PutAsJsonAsync($"/api/qualifications/rates/{id}", new { version = 0, currency = "CRC", rate = 506m, asOf = "2092-01-01", source = "BCCR" }));
        Assert.Equal(HttpStatusCode.Conflict, (await secretariat.PutAsJsonAsync($"/api/qualifications/rates/{id}", new { version = 0, currency = "CRC", rate = 507m, asOf = "2092-01-01", source = "BCCR" })).StatusCode);
        await using var db = app.CreateDb();
        Assert.Equal(["create", "update"], await db.AuditEntries.Where(e => e.EntityType == "exchange-rate" && e.EntityId == "CRC 2092-01-01").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public async Task Review_AFocalPointProposesForTheirCountryOnly_TheSecretariatPublishes_EveryStepAudited()
    {
        var secretariat = await app.ClientAsAsync("secretariat");
        var mexico = await app.ClientAsAsync("focal-point:MX");
        var guatemala = await app.ClientAsAsync("focal-point:GT");
        var key = UniqueKey("test-review");
        Assert.Equal(HttpStatusCode.Forbidden, (await guatemala.PostAsJsonAsync("/api/qualifications/procedures", new { version = 0, content = NewProcedure(key) })).StatusCode);
        var created = await OkAsync(await mexico.PostAsJsonAsync("/api/qualifications/procedures", new { version = 0, content = NewProcedure(key) }), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync($"/api/qualifications/procedures/{key}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await guatemala.PutAsJsonAsync($"/api/qualifications/procedures/{id}", new { version = 0, content = NewProcedure(key, name: "Cambio") })).StatusCode);
        await OkAsync(await mexico.PostAsJsonAsync($"/api/qualifications/procedures/{id}/submit", new { version = 0 }));
        Assert.Equal(HttpStatusCode.Forbidden, (await mexico.PostAsJsonAsync($"/api/qualifications/procedures/{id}/publish", new { version = 1 })).StatusCode);
        await OkAsync(await secretariat.PostAsJsonAsync($"/api/qualifications/procedures/{id}/publish", new { version = 1 }));
        Assert.Equal(HttpStatusCode.Conflict, (await mexico.PutAsJsonAsync($"/api/qualifications/procedures/{id}", new { version = 1, content = NewProcedure(key, name: "Tarde") })).StatusCode);
        var published = await OkAsync(await app.Browser().GetAsync($"/api/qualifications/procedures/{key}"));
        Assert.Equal("Evaluación de prueba", published.GetProperty("content").GetProperty("name").GetProperty("es").GetString());

        await using var db = app.CreateDb();
        Assert.Equal(["create", "submit", "publish"], await db.AuditEntries.Where(e => e.EntityType == "qualification-procedure" && e.EntityId == key).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        var history = await secretariat.GetAsync($"/qualifications/{id}/history");
        Assert.Equal(HttpStatusCode.OK, history.StatusCode);
    }

    [Theory]
    [InlineData("cost", "{\"amount\":{\"value\":100,\"currency\":\"ZZZ\",\"asOf\":\"2026\"},\"sources\":[\"mx-conocer-proceso-uv\"]}", "content.cost.amount.currency")]
    [InlineData("cost", "{\"amount\":{\"value\":-5,\"currency\":\"MXN\",\"asOf\":\"2026\"},\"sources\":[\"mx-conocer-proceso-uv\"]}", "content.cost.amount.value")]
    [InlineData("duration", "{\"typicalDays\":-3,\"sources\":[\"mx-conocer-proceso-uv\"]}", "content.duration.typicalDays")]
    [InlineData("duration", "{\"typicalDays\":30,\"maxDays\":10,\"sources\":[\"mx-conocer-proceso-uv\"]}", "content.duration.maxDays")]
    [InlineData("kind", "\"visa\"", "content.kind")]
    [InlineData("country", "\"XX\"", "content.country")]
    [InlineData("institution", "\"MX-NOPE\"", "content.institution")]
    [InlineData("lastVerified", "\"ayer\"", "content.lastVerified")]
    [InlineData("occupations", "[{\"isco08\":\"12345\",\"sources\":[\"mx-conocer-proceso-uv\"]}]", "content.occupations[0].isco08")]
    [InlineData("steps", "[{\"es\":\"Paso\",\"en\":\"Step\"}]", "content.steps[0].sources")]
    [InlineData("partners", "[\"MX-CONOCER\", \"MX-NOPE\"]", "content.partners[1]")]
    [InlineData("partners", "\"MX-NOPE\"", "content.partners")]
    public async Task Propose_BadContent_Is400NamingTheField(string field, string json, string error)
    {
        var secretariat = await app.ClientAsAsync("secretariat");
        var content = NewProcedure(UniqueKey("test-bad"));
        content[field] = JsonNode.Parse(json);
        var errors = await ErrorsAsync(await secretariat.PostAsJsonAsync("/api/qualifications/procedures", new { version = 0, content }));
        Assert.True(errors.TryGetProperty(error, out _), errors.ToString());
    }

    [Fact]
    public async Task Search_FindsAPublishedProcedure()
    {
        var answer = await OkAsync(await app.Browser().GetAsync("/api/search?q=CONOCER&type=qualification"));
        Assert.Contains(answer.GetProperty("results").EnumerateArray(), r => r.GetProperty("path").GetString() == "/qualifications/mx-conocer-certificacion");
    }

    [Theory]
    [InlineData("/qualifications", "data-testid=\"procedure-mx-conocer-certificacion\"")]
    [InlineData("/qualifications?country=BZ&kind=recognition", "data-testid=\"country-BZ\"")]
    [InlineData("/qualifications?occupation=xx", "data-testid=\"filter-problem\"")]
    [InlineData("/qualifications/mx-conocer-certificacion", "data-testid=\"section-steps\"")]
    [InlineData("/qualifications/hn-hondureno-para-el-mundo", "(INFOP)</span>")]
    [InlineData("/qualifications/mx-conocer-certificacion", "None named in the sources.")]
    [InlineData("/qualifications/compare?kind=recognition", "data-testid=\"compare-table\"")]
    [InlineData("/qualifications/compare?kind=recognition&currency=XYZ", "data-testid=\"compare-errors\"")]
    public async Task Pages_Answer(string page, string expected)
    {
        var response = await app.Browser().GetAsync(page);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {(int)response.StatusCode}");
        Assert.Contains(expected, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RatesPage_TheSecretariatAddsAndCorrectsARate_Versioned_AndTheComparisonLinksToItWhenARateIsMissing()
    {
        var secretariat = await app.SignInAsync(await app.AddPersonAsync($"{Guid.NewGuid():N}@example.org", twoFactor: true, "secretariat"));
        var focal = await app.SignInAsync(await app.AddPersonAsync($"{Guid.NewGuid():N}@example.org", twoFactor: false, "focal-point:HN"));
        List<KeyValuePair<string, string>> Rate(string rate, string? id = null)
        {
            List<KeyValuePair<string, string>> fields =
            [
                new("Form.Version", "0"), new("Form.Currency", "HNL"), new("Form.Rate", rate),
                new("Form.AsOf", "2093-03-01"), new("Form.Source", "Banco Central de Honduras"), new("Form.SourceUrl", "https://www.bch.hn/"),
            ];
            if (id is not null)
            {
                fields.Add(new("Form.Id", id));
            }

            return fields;
        }

        var refused = await secretariat.PostPageFormAsync("/qualifications/rates", Rate("-2"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("The rate is a number above 0", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await secretariat.PostPageFormAsync("/qualifications/rates", Rate("abc"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.PostPageFormAsync("/qualifications/rates", Rate("24.6"))).StatusCode);
        var forbidden = await focal.PostPageFormAsync("/qualifications/rates", Rate("25"));
        Assert.True(forbidden.StatusCode == HttpStatusCode.Redirect && forbidden.Headers.Location!.OriginalString.Contains("/account/denied", StringComparison.Ordinal), $"{(int)forbidden.StatusCode}");

        int id;
        await using (var db = app.CreateDb())
        {
            id = await db.ExchangeRates.Where(r => r.Currency == "HNL" && r.AsOf == new DateOnly(2093, 3, 1)).Select(r => r.Id).SingleAsync();
        }

        var editing = await secretariat.GetStringAsync($"/qualifications/rates?edit={id}");
        Assert.Contains("data-testid=\"rate-HNL-2093-03-01\"", editing, StringComparison.Ordinal);
        Assert.Contains("value=\"24.6\"", editing, StringComparison.Ordinal);
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.PostPageFormAsync("/qualifications/rates", Rate("24.7", key))).StatusCode);
        var stale = await secretariat.PostPageFormAsync("/qualifications/rates", Rate("24.8", key));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("data-testid=\"conflict\"", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("24.7", await app.Browser().GetStringAsync("/qualifications/rates"), StringComparison.Ordinal);

        // A cost in a currency without a rate on the date: the Secretariat is sent to the rates page, a reader only told.
        var proposer = await app.ClientAsAsync("focal-point:MX");
        var api = await app.ClientAsAsync("secretariat");
        var cost = new JsonObject { ["amount"] = new JsonObject { ["value"] = 900, ["currency"] = "MXN", ["asOf"] = "2026" }, ["sources"] = new JsonArray("mx-conocer-proceso-uv") };
        var created = await OkAsync(await proposer.PostAsJsonAsync("/api/qualifications/procedures", new { version = 0, content = NewProcedure(UniqueKey("test-rate"), cost: cost) }), HttpStatusCode.Created);
        await OkAsync(await api.PostAsJsonAsync($"/api/qualifications/procedures/{created.GetProperty("id").GetInt32()}/publish", new { version = 0 }));
        const string compare = "/qualifications/compare?occupation=0310&country=MX&currency=USD&on=1991-01-01";
        Assert.Contains("/qualifications/rates?currency=MXN", await secretariat.GetStringAsync(compare), StringComparison.Ordinal);
        var read = await app.Browser().GetStringAsync(compare);
        Assert.Contains("No exchange rate for MXN", read, StringComparison.Ordinal);
        Assert.DoesNotContain("/qualifications/rates?currency=MXN", read, StringComparison.Ordinal);
    }

    /// <summary>
    /// A procedure with every field the issue lists (institution, who may apply, steps in order, documents, typical and
    /// maximum duration, cost with its currency, support, legal basis, link, last verified) shows each on its page; verified
    /// 13 months ago it is flagged on its page, in the list and in the API, and verified 11 months ago it is not.
    /// </summary>
    [Fact]
    public async Task Procedure_ShowsEveryFieldOfTheIssue_AndOneNotVerifiedFor12MonthsIsFlagged()
    {
        var secretariat = await app.ClientAsAsync("secretariat");
        var today = DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        JsonArray Sources() => new("mx-conocer-proceso-uv");
        JsonObject Statement(string es, string en) => new() { ["es"] = es, ["en"] = en, ["sources"] = Sources() };
        async Task<string> PublishAsync(DateOnly verified)
        {
            var key = UniqueKey("test-fields");
            var content = NewProcedure(key,
                cost: new JsonObject { ["amount"] = new JsonObject { ["value"] = 1250, ["currency"] = "MXN", ["asOf"] = "2026" }, ["sources"] = Sources() },
                duration: new JsonObject { ["typicalDays"] = 20, ["maxDays"] = 45, ["sources"] = Sources() });
            content["lastVerified"] = verified.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            content["institution"] = "MX-CONOCER";
            content["whoMayApply"] = Statement("Personas trabajadoras en activo", "Workers in employment");
            content["steps"] = new JsonArray(Statement("Primer paso", "First step"), Statement("Segundo paso", "Second step"));
            content["documents"] = new JsonArray(Statement("Identificación oficial", "Official identification"));
            content["support"] = new JsonArray(Statement("Diagnóstico gratuito", "Free diagnostic"));
            content["legalBasis"] = new JsonArray(Statement("Reglas generales del CONOCER", "CONOCER general rules"));
            content["url"] = "https://conocer.gob.mx/";
            var created = await OkAsync(await secretariat.PostAsJsonAsync("/api/qualifications/procedures", new { version = 0, content }), HttpStatusCode.Created);
            await OkAsync(await secretariat.PostAsJsonAsync($"/api/qualifications/procedures/{created.GetProperty("id").GetInt32()}/publish", new { version = 0 }));
            return key;
        }

        var old = await PublishAsync(today.AddMonths(-13));
        var recent = await PublishAsync(today.AddMonths(-11));
        var html = WebUtility.HtmlDecode(await app.ClientIn("en").GetStringAsync($"/qualifications/{old}"));
        foreach (var expected in new[]
        {
            "National Council for the Standardisation and Certification of Labour Competencies", "Workers in employment", "<li>First step", "<li>Second step", "Official identification",
            "Free diagnostic", "CONOCER general rules", "href=\"https://conocer.gob.mx/\"", "1250 MXN", "data-testid=\"stale\"", today.AddMonths(-13).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            Assert.Contains(expected, html, StringComparison.Ordinal);
        }

        Assert.True(html.IndexOf("First step", StringComparison.Ordinal) < html.IndexOf("Second step", StringComparison.Ordinal), "the steps in order");
        Assert.Contains("typical: 20 days", html, StringComparison.Ordinal);
        Assert.Contains("maximum: 45 days", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"stale\"", await app.Browser().GetStringAsync($"/qualifications/{recent}"), StringComparison.Ordinal);

        var listed = (await OkAsync(await app.Browser().GetAsync("/api/qualifications/procedures?country=MX&occupation=0310"))).EnumerateArray().ToDictionary(p => p.GetProperty("key").GetString()!);
        Assert.True(listed[old].GetProperty("stale").GetBoolean());
        Assert.False(listed[recent].GetProperty("stale").GetBoolean());
        var list = await app.Browser().GetStringAsync("/qualifications?country=MX&occupation=0310");
        var card = list[list.IndexOf($"data-testid=\"procedure-{old}\"", StringComparison.Ordinal)..];
        Assert.Contains("data-testid=\"stale\"", card[..card.IndexOf("</li>", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    /// <summary>On the page as in the API, a cost in an unknown currency and a duration of -3 days are refused naming the field in the reader's language, and nothing is saved.</summary>
    [Theory]
    [InlineData("en", ": a known ISO 4217 currency code", ": a whole number of days")]
    [InlineData("es", ": un código de moneda ISO 4217 conocido", ": un número entero de días")]
    public async Task EditPage_ACostInAnUnknownCurrencyAndADurationOfMinus3Days_AreNamed_AndNothingIsSaved(string language, string currency, string days)
    {
        var focal = await app.ClientInAsync(language, "focal-point:MX");
        var key = UniqueKey("test-page-bad");
        var response = await focal.PostPageFormAsync("/qualifications/edit?handler=Save",
        [
            new("version", "0"), new("t:key", key), new("t:country", "MX"), new("t:kind", "evaluation"), new("t:name.es", "Evaluación de prueba"), new("t:name.en", "Test evaluation"),
            new("t:steps[0].es", "Paso"), new("t:steps[0].en", "Step"), new("l:steps[0].sources", "mx-conocer-proceso-uv"), new("t:lastVerified", "2026-12-01"),
            new("n:cost.amount.value", "100"), new("t:cost.amount.currency", "ZZZ"), new("t:cost.amount.asOf", "2026"), new("l:cost.sources", "mx-conocer-proceso-uv"),
            new("n:duration.typicalDays", "-3"), new("l:duration.sources", "mx-conocer-proceso-uv"),
        ]);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}");
        Assert.Contains("data-testid=\"registry-errors\"", html, StringComparison.Ordinal);
        Assert.Contains(currency, html, StringComparison.Ordinal);
        Assert.Contains(days, html, StringComparison.Ordinal);
        await using var db = app.CreateDb();
        Assert.False(await db.QualificationProcedures.AnyAsync(p => p.Key == key));
    }

    /// <summary>The issue's API addresses are in the OpenAPI document.</summary>
    [Fact]
    public async Task OpenApi_ListsTheIssuesAddresses()
    {
        var paths = (await OkAsync(await app.Browser().GetAsync("/openapi/v1.json"))).GetProperty("paths").EnumerateObject().Select(p => p.Name.TrimEnd('/')).ToHashSet(StringComparer.Ordinal);
        foreach (var path in new[]
        {
            "/api/qualifications/procedures", "/api/qualifications/compare", "/api/qualifications/standards", "/api/qualifications/rates", "/api/social-security/instruments",
            "/api/social-security/portability", "/api/social-security/guide", "/api/mentoring/experts", "/api/mentoring/requests", "/api/mentoring/counts",
        })
        {
            Assert.True(paths.Contains(path), path);
        }
    }

    [Fact]
    public async Task UnknownProcedure_IsNotFound() =>
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync("/qualifications/no-such-procedure")).StatusCode);

    [Theory]
    [InlineData("2026-12-06", "2027-12-06", false)]
    [InlineData("2026-12-06", "2027-12-07", true)]
    [InlineData(null, "2026-01-01", true)]
    public void Stale_AfterTwelveMonthsWithoutVerification(string? verified, string today, bool stale) =>
        Assert.Equal(stale, ProcedureRules.IsStale(verified, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
}

public sealed class QualificationsTestsOnSqlite(SqliteApp app) : QualificationsTests(app), IClassFixture<SqliteApp>;

public sealed class QualificationsTestsOnPostgres(PostgresApp app) : QualificationsTests(app), IClassFixture<PostgresApp>;

/// <summary>The API's answers as the qualification and mentoring tests read them: the body of the status expected, or the errors of a 400.</summary>
internal static class ApiAnswers
{
    public static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }
}
