using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Movilidad.Web.Features.Pledges;
using Movilidad.Web.Tests.Features.Pledges;

namespace Movilidad.Web.Tests.Infrastructure;

/// <summary>
/// The API's one binding path: whatever is wrong with a request (a value of the wrong kind in the route, the query or
/// the body; no body; another media type; a body over the endpoint's limit) is answered as problem details naming the
/// field, in the reader's language, never a 500 or a bare 400. The test host runs outside Development, as production does.
/// </summary>
public abstract class ApiRequestsTests(MovilidadApp app)
{
    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static string[] Errors(JsonElement problem, string field)
    {
        if (!problem.TryGetProperty("errors", out var errors) || !errors.TryGetProperty(field, out var messages))
        {
            throw new Xunit.Sdk.XunitException($"No error for {field} in {problem}");
        }

        return messages.EnumerateArray().Select(e => e.GetString()!).ToArray();
    }

    private static ByteArrayContent Json(string json)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private async Task<int> ElementIdAsync()
    {
        await using var db = app.CreateDb();
        return await db.PlanElements.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
    }

    [Fact]
    public async Task Query_AnIntegerThatIsNot_IsNamedInBothLanguages()
    {
        var client = await app.ClientInAsync("en", "secretariat");
        var problem = await ProblemAsync(await client.GetAsync("/api/indicators/dashboard?plan=1&indicator=a"), HttpStatusCode.BadRequest);
        Assert.Equal("'a' is not a whole number.", Errors(problem, "indicator").Single());

        var spanish = await app.ClientInAsync("es", "secretariat");
        problem = await ProblemAsync(await spanish.GetAsync("/api/indicators/dashboard?indicator=1.5"), HttpStatusCode.BadRequest);
        Assert.Equal("«1.5» no es un número entero.", Errors(problem, "indicator").Single());
    }

    [Fact]
    public async Task Query_ARequiredParameterMissing_IsNamed()
    {
        var client = await app.ClientInAsync("en", "secretariat");
        var problem = await ProblemAsync(await client.DeleteAsync($"/api/elements/{await ElementIdAsync()}"), HttpStatusCode.BadRequest);
        Assert.Equal("version is required.", Errors(problem, "version").Single());
    }

    [Theory]
    [InlineData("""{"version":"one"}""", "version")]
    [InlineData("""{"version":1,"title":{"es":5}}""", "title.es")]
    [InlineData("""{"version":1,"footnotes":[{"number":"x"}]}""", "footnotes[0].number")]
    public async Task Body_AValueOfTheWrongKind_IsNamedByItsPath(string body, string field)
    {
        var client = await app.ClientInAsync("en", "secretariat");
        var problem = await ProblemAsync(await client.PutAsync($"/api/elements/{await ElementIdAsync()}", Json(body)), HttpStatusCode.BadRequest);
        Assert.Contains("does not have a value of the right kind", Errors(problem, field).Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PUT", "/api/plans/1/publication", """{"isPublished":"yes"}""", "isPublished")]
    [InlineData("POST", "/api/comments", """{"entityType":1}""", "entityType")]
    [InlineData("POST", "/api/comments/1/hide", """{"reason":[]}""", "reason")]
    [InlineData("PUT", "/api/institutions/1", """{"version":{}}""", "version")]
    [InlineData("PUT", "/api/indicators/reports/pe-crm-2023-2026/2023-S1/MX", """{"a":1,"a":2}""", "values")]
    public async Task Body_TheEndpointsThatAnswered500_NowNameTheField(string method, string url, string body, string field)
    {
        var client = await app.ClientInAsync("en", "secretariat");
        var problem = await ProblemAsync(await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = Json(body) }), HttpStatusCode.BadRequest);
        Assert.Single(Errors(problem, field));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("null")]
    public async Task Body_MissingOrNotJson_IsNamedBody(string body)
    {
        var client = await app.ClientInAsync("en", "secretariat");
        var problem = await ProblemAsync(await client.PutAsync("/api/plans/1/publication", Json(body)), HttpStatusCode.BadRequest);
        Assert.Single(problem.GetProperty("errors").EnumerateObject());
    }

    [Fact]
    public async Task Body_OfAnotherMediaType_Is415()
    {
        var client = await app.ClientInAsync("en", "secretariat");
        var problem = await ProblemAsync(await client.PutAsync("/api/plans/1/publication", new StringContent("isPublished=true", Encoding.UTF8, "text/plain")),
            HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("The body came as 'text/plain; charset=utf-8'; this address reads application/json (multipart/form-data for file uploads).", Errors(problem, "body").Single());
    }

    [Fact]
    public async Task Body_OverThePlatformLimit_Is413()
    {
        var client = await app.ClientInAsync("es", "secretariat");
        var problem = await ProblemAsync(await client.PutAsync("/api/plans/1/publication", Json($$"""{"isPublished":true,"x":"{{new string('a', 1_000_001)}}"}""")),
            HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("1000000", Errors(problem, "body").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Route_AnIdThatIsNotANumber_Is404SayingIdsAreNumeric()
    {
        var problem = await ProblemAsync(await app.ClientIn("en").GetAsync("/api/elements/abc"), HttpStatusCode.NotFound);
        Assert.Contains("Ids in the API are numeric", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plans_ReadByKeyAsWellAsById()
    {
        var client = app.ClientIn("en");
        var plans = await client.GetFromJsonAsync<JsonElement>("/api/plans");
        var (id, key) = (plans[0].GetProperty("id").GetInt32(), plans[0].GetProperty("key").GetString()!);
        Assert.Equal(id, (await client.GetFromJsonAsync<JsonElement>($"/api/plans/{key}")).GetProperty("id").GetInt32());
        Assert.Equal((await client.GetStringAsync($"/api/plans/{id}/tree")).Length, (await client.GetStringAsync($"/api/plans/{key}/tree")).Length);
        await ProblemAsync(await client.GetAsync("/api/plans/no-such-plan/tree"), HttpStatusCode.NotFound);
    }

    /// <summary>
    /// The document declares both ways to sign in, an operationId and a documented 4XX answer on every operation, a description of every tag,
    /// servers without a trailing slash, and no two paths that differ only by a parameter's name. <c>./test.sh</c> lints the copy written to <c>MOVILIDAD_OPENAPI_OUT</c>.
    /// </summary>
    [Fact]
    public async Task OpenApi_EveryOperationHasAnIdSecurityAndItsErrorAnswers()
    {
        var text = await app.ClientIn("en").GetStringAsync("/openapi/v1.json");
        if (Environment.GetEnvironmentVariable("MOVILIDAD_OPENAPI_OUT") is { Length: > 0 } path && app.Provider == Platform.Data.DatabaseProvider.Sqlite)
        {
            await File.WriteAllTextAsync(path, text);
        }

        var document = JsonDocument.Parse(text).RootElement;
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("bearer", schemes.GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.Equal("cookie", schemes.GetProperty("cookie").GetProperty("in").GetString());
        Assert.All(document.TryGetProperty("servers", out var servers) ? servers.EnumerateArray() : [], s => Assert.DoesNotMatch("/$", s.GetProperty("url").GetString()!));
        var shapes = document.GetProperty("paths").EnumerateObject().Select(p => System.Text.RegularExpressions.Regex.Replace(p.Name, "{[^}]*}", "{}")).ToList();
        Assert.True(shapes.Count == shapes.Distinct().Count(), "Two paths differ only by a parameter's name: " + string.Join(", ", shapes.GroupBy(x => x).Where(g => g.Count() > 1).Select(g => g.Key)));
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(o => o.Value.ValueKind == JsonValueKind.Object && o.Value.TryGetProperty("responses", out _)).Select(o => (Key: $"{o.Name} {p.Name}", Operation: o.Value)))
            .ToList();
        Assert.True(operations.Count > 50, $"{operations.Count} operations");
        var ids = operations.Select(o => o.Operation.TryGetProperty("operationId", out var id) ? id.GetString() : null).ToList();
        Assert.All(ids, id => Assert.False(string.IsNullOrEmpty(id)));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var tags = document.GetProperty("tags").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!, t => t.TryGetProperty("description", out var d) ? d.GetString() : null);
        Assert.All(tags, t => Assert.False(string.IsNullOrWhiteSpace(t.Value), $"tag {t.Key} has no description (OpenApiDescription.Tags)"));
        Assert.All(operations.SelectMany(o => o.Operation.TryGetProperty("tags", out var named) ? named.EnumerateArray().Select(n => n.GetString()!) : []),
            name => Assert.True(tags.ContainsKey(name), $"tag {name} is not in the document's list"));
        Assert.All(operations, o =>
        {
            Assert.True(o.Operation.GetProperty("responses").EnumerateObject().Any(r => r.Name.StartsWith('4')), $"{o.Key} documents no 4XX answer");
            Assert.True(o.Operation.GetProperty("responses").EnumerateObject().Any(r => r.Name.StartsWith('2')), $"{o.Key} documents no 2XX answer");
            Assert.True(o.Operation.TryGetProperty("security", out _), $"{o.Key} declares no security");
        });
    }

    /// <summary>The documented 800 KB evidence file fits the update endpoint's limit in base64; one byte more is named, a larger body is 413.</summary>
    [Theory]
    [InlineData(760 * 1024, HttpStatusCode.OK)]
    [InlineData(799 * 1024, HttpStatusCode.OK)]
    [InlineData(PledgeEditing.MaxEvidenceBytes, HttpStatusCode.OK)]
    [InlineData(PledgeEditing.MaxEvidenceBytes + 1, HttpStatusCode.BadRequest)]
    [InlineData((int)PledgesApi.UpdateBodyBytes, HttpStatusCode.RequestEntityTooLarge)]
    public async Task PledgeEvidence_UpToTheDocumentedSize_IsAccepted(int size, HttpStatusCode expected)
    {
        var client = await app.ClientAsAsync("focal-point:CR");
        var id = (await PledgeBuilders.CreatedAsync(await client.PostAsJsonAsync("/api/pledges", await app.PledgeAsync("CR")))).GetProperty("id").GetInt32();
        var quarter = YearQuarter.LastEnded(DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime));
        await app.BackdateAsync(id, quarter.Start.AddDays(-200).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        var pdf = new byte[size];
        "%PDF-1.4\n"u8.CopyTo(pdf);
        var body = JsonSerializer.Serialize(new
        {
            version = 0, year = quarter.Year, quarter = quarter.Quarter, status = "in-progress", narrative = "Avance con acta.",
            evidenceFile = new { fileName = "acta.pdf", contentType = "application/pdf", content = pdf },
        });
        var response = await client.PostAsync($"/api/pledges/{id}/updates", Json(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{size} bytes: {(int)response.StatusCode} {text[..Math.Min(400, text.Length)]}");
        if (expected == HttpStatusCode.OK)
        {
            var update = JsonDocument.Parse(text).RootElement.GetProperty("updates")[0].GetProperty("id").GetInt32();
            Assert.Equal(pdf, await client.GetByteArrayAsync($"/api/pledges/{id}/updates/{update}/evidence"));
        }
        else if (expected == HttpStatusCode.BadRequest)
        {
            Assert.Single(Errors(JsonDocument.Parse(text).RootElement, "evidenceFile"));
        }
    }
}

public sealed class ApiRequestsTestsOnSqlite(SqliteApp app) : ApiRequestsTests(app), IClassFixture<SqliteApp>;

public sealed class ApiRequestsTestsOnPostgres(PostgresApp app) : ApiRequestsTests(app), IClassFixture<PostgresApp>;
