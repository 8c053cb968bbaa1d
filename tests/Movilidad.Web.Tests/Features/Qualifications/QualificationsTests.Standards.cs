using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Programmes;
using Movilidad.Platform.Qualifications;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Qualifications;

/// <summary>
/// The competency standards and occupational profiles (action 2.2, issue 14) of <c>data/qualifications/standards.yaml</c>:
/// loaded sourced and kept across reloads, listed by country and occupation, shown per country beside the procedures on
/// the occupation's comparison (a country with none says so), reviewed like the procedures, found by search.
/// </summary>
public abstract partial class QualificationsTests
{
    /// <summary>A new standard of <paramref name="country"/>, every statement with a shipped source.</summary>
    private static JsonObject NewStandard(string key, string country = "MX", string name = "Norma de prueba") => new()
    {
        ["key"] = key,
        ["country"] = country,
        ["kind"] = "competency-standard",
        ["institution"] = country == "GT" ? "GT-INTECAP" : "MX-CONOCER",
        ["code"] = "EC9999",
        ["name"] = new JsonObject { ["es"] = name, ["en"] = "Test standard" },
        ["occupations"] = new JsonArray(new JsonObject
        {
            ["isco08"] = "0310", ["national"] = new JsonObject { ["classification"] = "SOC2010", ["code"] = "55-3010" }, ["sources"] = new JsonArray("mx-conocer-proceso-uv"),
        }),
        ["status"] = new JsonObject { ["code"] = "current", ["sources"] = new JsonArray("mx-conocer-proceso-uv") },
        ["procedures"] = new JsonArray("mx-conocer-certificacion"),
        ["lastVerified"] = "2026-12-01",
    };

    [Fact]
    public async Task Standards_Load_ShipsEveryStandardOfData_AndAReloadNeitherDuplicatesNorOverwritesAnEdit()
    {
        var yaml = RegistryContent.FromYaml(await File.ReadAllTextAsync(Path.Combine(DataFolder, "qualifications", "standards.yaml")));
        var shipped = RegistryContent.At(yaml, "standards")!.AsArray().Select(s => RegistryContent.Text(s, "key")).ToHashSet();
        Assert.True(shipped.Count >= 8, $"{shipped.Count} standards shipped");
        var listed = Keys(await OkAsync(await app.Browser().GetAsync("/api/qualifications/standards"))).ToHashSet();
        Assert.Subset(listed, shipped);

        // Linked to the procedures that certify against them, each statement with a source of the references.
        var ec0435 = await OkAsync(await app.Browser().GetAsync("/api/qualifications/standards/mx-conocer-ec0435"));
        Assert.Equal("mx-conocer-certificacion", ec0435.GetProperty("content").GetProperty("procedures")[0].GetString());
        Assert.Equal("mx-dif-tamaulipas-ec0435", ec0435.GetProperty("content").GetProperty("occupations")[0].GetProperty("sources")[0].GetString());

        await ReloadKeepsAnEditAsync<CompetencyStandard>("/api/qualifications/standards", "ca-rsos-construction-electrician", db => new StandardsLoader(db, TimeProvider.System));
    }

    [Theory]
    [InlineData("country=ca", "ca-rsos-automotive-service-technician ca-rsos-carpenter ca-rsos-construction-electrician")]
    [InlineData("occupation=5311", "mx-conocer-ec0435 us-onet-39-9011")]
    [InlineData("occupation=741&country=US", "us-onet-47-2231")]
    [InlineData("occupation=7231", "ca-rsos-automotive-service-technician")]
    [InlineData("occupation=6111", "")]
    [InlineData("country=sv", "sv-insaforp-siget-electricistas")]
    [InlineData("country=DO", "do-indocal-instalador-fotovoltaico")]
    [InlineData("occupation=7411", "ca-rsos-construction-electrician do-indocal-instalador-fotovoltaico sica-cecc-instalador-fotovoltaico sv-insaforp-siget-electricistas us-onet-47-2231")]
    [InlineData("country=GT", "")]
    public async Task Standards_AreFilteredByCountryAndOccupation(string query, string expected)
    {
        var keys = Keys(await OkAsync(await app.Browser().GetAsync($"/api/qualifications/standards?{query}")))
            .Where(k => !k!.StartsWith("test-", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Length == 0 ? [] : expected.Split(' ').ToList<string?>(), keys);
    }

    [Theory]
    [InlineData("country=XX", "country")]
    [InlineData("occupation=abc", "occupation")]
    [InlineData("occupation=99999", "occupation")]
    [InlineData("occupation=47-2231", "occupation")]
    public async Task Standards_BadFilter_Is400NamingIt(string query, string field)
    {
        var errors = await ErrorsAsync(await app.Browser().GetAsync($"/api/qualifications/standards?{query}"));
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
    }

    [Fact]
    public async Task Compare_ByOccupation_ListsEachCountrysStandards_AnEmptyListWhereNoneIsRecorded()
    {
        var answer = await OkAsync(await app.Browser().GetAsync("/api/qualifications/compare?occupation=5311&countries=MX,US,GT"));
        List<string?> StandardsOf(string country) =>
            [.. answer.GetProperty("countries").EnumerateArray().Single(c => c.GetProperty("country").GetString() == country)
                .GetProperty("standards").EnumerateArray().Select(s => s.GetProperty("key").GetString()).Where(k => !k!.StartsWith("test-", StringComparison.Ordinal))];
        Assert.Equal(["mx-conocer-ec0435"], StandardsOf("MX"));
        Assert.Equal(["us-onet-39-9011"], StandardsOf("US"));
        Assert.Empty(StandardsOf("GT"));

        var byKind = await OkAsync(await app.Browser().GetAsync("/api/qualifications/compare?kind=recognition&countries=MX"));
        Assert.Equal(JsonValueKind.Null, byKind.GetProperty("countries")[0].GetProperty("standards").ValueKind);

        var page = await app.Browser().GetStringAsync("/qualifications/compare?occupation=5311&country=MX&country=GT");
        Assert.Contains("data-testid=\"standard-mx-conocer-ec0435\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"no-standard-GT\"", page, StringComparison.Ordinal);
        Assert.Contains("No standard recorded for this occupation in this country.", page, StringComparison.Ordinal);

        // A region's standard (SICA's) follows the countries whatever countries are compared.
        Assert.Empty(answer.GetProperty("regional").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, byKind.GetProperty("regional").ValueKind);
        var solar = await OkAsync(await app.Browser().GetAsync("/api/qualifications/compare?occupation=7411&countries=GT"));
        Assert.Contains("sica-cecc-instalador-fotovoltaico", solar.GetProperty("regional").EnumerateArray().Select(s => s.GetProperty("key").GetString()));
        Assert.Equal("SICA", solar.GetProperty("regional").EnumerateArray().First(s => s.GetProperty("key").GetString() == "sica-cecc-instalador-fotovoltaico").GetProperty("region").GetString());
        var solarPage = await app.Browser().GetStringAsync("/qualifications/compare?occupation=7411&country=GT");
        Assert.Contains("data-testid=\"compare-region-SICA\"", solarPage, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"standard-sica-cecc-instalador-fotovoltaico\"", solarPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Standards_Review_AFocalPointProposesForTheirCountryOnly_TheSecretariatPublishes_EveryStepAudited()
    {
        var secretariat = await app.ClientAsAsync("secretariat");
        var mexico = await app.ClientAsAsync("focal-point:MX");
        var guatemala = await app.ClientAsAsync("focal-point:GT");
        var key = UniqueKey("test-standard");
        Assert.Equal(HttpStatusCode.Forbidden, (await guatemala.PostAsJsonAsync("/api/qualifications/standards", new { version = 0, content = NewStandard(key) })).StatusCode);
        var created = await OkAsync(await mexico.PostAsJsonAsync("/api/qualifications/standards", new { version = 0, content = NewStandard(key) }), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync($"/api/qualifications/standards/{key}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await guatemala.PutAsJsonAsync($"/api/qualifications/standards/{id}", new { version = 0, content = NewStandard(key, name: "Cambio") })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await guatemala.PostAsJsonAsync($"/api/qualifications/standards/{id}/submit", new { version = 0 })).StatusCode);
        await OkAsync(await mexico.PostAsJsonAsync($"/api/qualifications/standards/{id}/submit", new { version = 0 }));
        Assert.Equal(HttpStatusCode.Forbidden, (await mexico.PostAsJsonAsync($"/api/qualifications/standards/{id}/publish", new { version = 1 })).StatusCode);
        await OkAsync(await secretariat.PostAsJsonAsync($"/api/qualifications/standards/{id}/publish", new { version = 1 }));
        Assert.Equal(HttpStatusCode.Conflict, (await mexico.PutAsJsonAsync($"/api/qualifications/standards/{id}", new { version = 1, content = NewStandard(key, name: "Tarde") })).StatusCode);

        var published = await OkAsync(await app.Browser().GetAsync($"/api/qualifications/standards?occupation=0310&country=MX"));
        Assert.Contains(key, Keys(published));
        var page = await app.Browser().GetStringAsync("/qualifications/mx-conocer-certificacion");
        Assert.Contains($"/qualifications/standards/{key}", page, StringComparison.Ordinal);

        await using var db = app.CreateDb();
        Assert.Equal(["create", "submit", "publish"], await db.AuditEntries.Where(e => e.EntityType == "competency-standard" && e.EntityId == key).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(HttpStatusCode.OK, (await secretariat.GetAsync($"/qualifications/standards/{id}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretariat.GetAsync($"/qualifications/standards/edit/{key}")).StatusCode);
    }

    [Theory]
    [InlineData("kind", "\"norma\"", "content.kind")]
    [InlineData("institution", "null", "content.institution")]
    [InlineData("code", "\"EC0123456789012345678901234567890123456789\"", "content.code")]
    [InlineData("occupations", "[]", "content.occupations")]
    [InlineData("occupations", "[{\"isco08\":\"7411\",\"national\":{\"classification\":\"CNO\",\"code\":\"1\"},\"sources\":[\"mx-conocer-proceso-uv\"]}]", "content.occupations[0].national.classification")]
    [InlineData("occupations", "[{\"isco08\":\"7411\"}]", "content.occupations[0].sources")]
    [InlineData("status", "{\"code\":\"expired\",\"sources\":[\"mx-conocer-proceso-uv\"]}", "content.status.code")]
    [InlineData("status", "{\"code\":\"current\"}", "content.status.sources")]
    [InlineData("published", "{\"date\":\"ayer\",\"sources\":[\"mx-conocer-proceso-uv\"]}", "content.published.date")]
    [InlineData("procedures", "[\"mx-conocer-certificacion\", \"no-such-procedure\"]", "content.procedures[1]")]
    public async Task Standards_Propose_BadContent_Is400NamingTheField(string field, string json, string error)
    {
        var secretariat = await app.ClientAsAsync("secretariat");
        var content = NewStandard(UniqueKey("test-bad"));
        content[field] = JsonNode.Parse(json);
        var errors = await ErrorsAsync(await secretariat.PostAsJsonAsync("/api/qualifications/standards", new { version = 0, content }));
        Assert.True(errors.TryGetProperty(error, out _), errors.ToString());
    }

    /// <summary>
    /// The CECC/SICA regional standard is recorded for its region, not for a country: listed with its region when no
    /// country is asked for and on its own in the page, never under a country; only the Secretariat changes it, and a
    /// focal point cannot turn their country's standard into a regional one. A region and a country together, or an
    /// unknown region, are refused naming the field.
    /// </summary>
    [Fact]
    public async Task RegionalStandard_IsListedForItsRegionNotACountry_AndOnlyTheSecretariatChangesIt()
    {
        const string key = "sica-cecc-instalador-fotovoltaico";
        var regional = (await OkAsync(await app.Browser().GetAsync("/api/qualifications/standards"))).EnumerateArray().Single(s => s.GetProperty("key").GetString() == key);
        Assert.Equal("SICA", regional.GetProperty("region").GetString());
        Assert.Equal(string.Empty, regional.GetProperty("country").GetString());
        Assert.Equal(JsonValueKind.Null, (await OkAsync(await app.Browser().GetAsync("/api/qualifications/standards?country=CA"))).EnumerateArray().First().GetProperty("region").ValueKind);
        Assert.DoesNotContain(key, Keys(await OkAsync(await app.Browser().GetAsync("/api/qualifications/standards?country=GT"))));

        var list = WebUtility.HtmlDecode(await app.ClientIn("en").GetStringAsync("/qualifications/standards"));
        var region = list[list.IndexOf("data-testid=\"regional\"", StringComparison.Ordinal)..];
        Assert.Contains("data-testid=\"region-SICA\">Central American Integration System", region, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"standard-{key}\"", region, StringComparison.Ordinal);
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(list, $"data-testid=\"standard-{key}\""));
        var page = WebUtility.HtmlDecode(await app.ClientIn("en").GetStringAsync($"/qualifications/standards/{key}"));
        Assert.Contains("regional standard of the Central American Integration System", page, StringComparison.Ordinal);
        Assert.Contains("ISBN 978-9968-633-26-0", page, StringComparison.Ordinal);

        var guatemala = await app.ClientAsAsync("focal-point:GT");
        var read = await OkAsync(await guatemala.GetAsync($"/api/qualifications/standards/{key}"));
        var change = JsonNode.Parse(read.GetProperty("content").GetRawText())!.AsObject();
        change["name"]!["es"] = "Cambio de un punto focal";
        Assert.Equal(HttpStatusCode.Forbidden, (await guatemala.PutAsJsonAsync($"/api/qualifications/standards/{read.GetProperty("id").GetInt32()}", new { version = read.GetProperty("version").GetInt32(), content = change })).StatusCode);
        var copy = (JsonObject)change.DeepClone();
        copy["key"] = UniqueKey("test-regional");
        Assert.Equal(HttpStatusCode.Forbidden, (await guatemala.PostAsJsonAsync("/api/qualifications/standards", new { version = 0, content = copy })).StatusCode);

        var mexico = await app.ClientAsAsync("focal-point:MX");
        var own = await OkAsync(await mexico.GetAsync("/api/qualifications/standards/mx-conocer-ec0435"));
        var turned = JsonNode.Parse(own.GetProperty("content").GetRawText())!.AsObject();
        turned.Remove("country");
        turned["region"] = "SICA";
        Assert.Equal(HttpStatusCode.Forbidden, (await mexico.PutAsJsonAsync($"/api/qualifications/standards/{own.GetProperty("id").GetInt32()}", new { version = own.GetProperty("version").GetInt32(), content = turned })).StatusCode);

        var secretariat = await app.ClientAsAsync("secretariat");
        var both = NewStandard(UniqueKey("test-region"));
        both["region"] = "SICA";
        Assert.True((await ErrorsAsync(await secretariat.PostAsJsonAsync("/api/qualifications/standards", new { version = 0, content = both }))).TryGetProperty("content.region", out _));
        var unknown = NewStandard(UniqueKey("test-region"));
        unknown.Remove("country");
        unknown["region"] = "OEA";
        Assert.True((await ErrorsAsync(await secretariat.PostAsJsonAsync("/api/qualifications/standards", new { version = 0, content = unknown }))).TryGetProperty("content.region", out _));
    }

    [Fact]
    public async Task Search_FindsAPublishedStandard()
    {
        var answer = await OkAsync(await app.Browser().GetAsync("/api/search?q=photovoltaic&type=standard"));
        Assert.Contains(answer.GetProperty("results").EnumerateArray(), r => r.GetProperty("path").GetString() == "/qualifications/standards/us-onet-47-2231");
    }

    [Theory]
    [InlineData("/qualifications/standards", "data-testid=\"standard-ca-rsos-automotive-service-technician\"")]
    [InlineData("/qualifications/standards?occupation=6111", "data-testid=\"no-standard-BZ\"")]
    [InlineData("/qualifications/standards?country=XX", "data-testid=\"filter-problem\"")]
    [InlineData("/qualifications/standards/us-onet-31-1011", "Withdrawn or replaced")]
    [InlineData("/qualifications/standards/ca-rsos-construction-electrician", "NOC2011: 7241")]
    [InlineData("/qualifications/standards/mx-conocer-ec0435", "href=\"/qualifications/mx-conocer-certificacion\"")]
    [InlineData("/qualifications/ca-red-seal", "href=\"/qualifications/standards/ca-rsos-carpenter\"")]
    [InlineData("/qualifications", "href=\"/qualifications/standards\"")]
    public async Task StandardPages_Answer(string page, string expected)
    {
        var response = await app.Browser().GetAsync(page);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {(int)response.StatusCode}");
        Assert.Contains(expected, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownStandard_IsNotFound() =>
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync("/qualifications/standards/no-such-standard")).StatusCode);
}
