using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Movilidad.Platform.Practices;
using Movilidad.Web.Tests.Features.Monitoring;
using Movilidad.Web.Tests.Infrastructure;
using static Movilidad.Web.Tests.Features.Indicators.IndicatorBuilders;

namespace Movilidad.Web.Tests.Features.Practices;

/// <summary>The good-practice pipeline through the JSON API: the same operations as the pages, each refusal named.</summary>
public abstract class PracticesApiTests(MovilidadApp app)
{
    private DateOnly Today => DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);

    private static string Month(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private async Task<object> PracticeAsync(int version = 0, string title = "Ventanilla única de migración laboral") => new
    {
        version,
        institutionId = await app.InstitutionIdAsync("RROCM"),
        title = new { es = title, en = title },
        summary = new { es = "Un solo lugar para orientar a las personas trabajadoras migrantes.", en = "One place to guide migrant workers." },
        body = new { es = "Primer párrafo.\n\nSegundo párrafo.", en = "First paragraph.\n\nSecond paragraph." },
        gcmObjectives = new[] { 6, 23 },
        elements = Array.Empty<int>(),
        countries = new[] { "GT", "HN" },
    };

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A practice submitted by <paramref name="submitter"/> and, when asked, accepted by <paramref name="secretariat"/>: its id.</summary>
    private async Task<int> SubmittedAsync(HttpClient submitter, HttpClient? secretariat = null)
    {
        var id = (await OkAsync(await submitter.PostAsJsonAsync("/api/practices", await PracticeAsync()), HttpStatusCode.Created)).GetProperty("id").GetInt32();
        if (secretariat is not null)
        {
            await OkAsync(await secretariat.PostAsJsonAsync($"/api/practices/{id}/review", new { version = 0, decision = "accept" }));
        }

        return id;
    }

    private async Task<Practice> StoredAsync(int id)
    {
        await using var db = app.CreateDb();
        return await db.Practices.AsNoTracking().SingleAsync(p => p.Id == id);
    }

    [Fact]
    public async Task Pipeline_SubmitReturnEditAcceptConsentSchedulePublish_PublishesAndAuditsEveryStep()
    {
        var submitter = await app.ClientAsAsync("civil-society");
        var secretariat = await app.ClientAsAsync("secretariat");
        var anonymous = app.Browser();

        var created = await submitter.PostAsJsonAsync("/api/practices", await PracticeAsync());
        var submitted = await OkAsync(created, HttpStatusCode.Created);
        var id = submitted.GetProperty("id").GetInt32();
        Assert.Equal($"/api/practices/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal("submitted", submitted.GetProperty("status").GetString());
        Assert.Equal([6, 23], submitted.GetProperty("gcmObjectives").EnumerateArray().Select(o => o.GetInt32()));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/practices/{id}")).StatusCode);

        var returned = await OkAsync(await secretariat.PostAsJsonAsync($"/api/practices/{id}/review", new { version = 0, decision = "return", comment = "Agregue resultados medibles." }));
        Assert.Equal("returned", returned.GetProperty("status").GetString());
        Assert.Equal("Agregue resultados medibles.", (await submitter.GetFromJsonAsync<JsonElement>($"/api/practices/{id}")).GetProperty("reviewComment").GetString());

        var edited = await OkAsync(await submitter.PutAsJsonAsync($"/api/practices/{id}", await PracticeAsync(1, "Ventanilla única con resultados medibles")));
        Assert.Equal("submitted", edited.GetProperty("status").GetString());
        Assert.Equal(2, edited.GetProperty("version").GetInt32());

        await OkAsync(await secretariat.PostAsJsonAsync($"/api/practices/{id}/review", new { version = 2, decision = "accept" }));
        var consented = await OkAsync(await submitter.PostAsJsonAsync($"/api/practices/{id}/consent",
            new { version = 3, consentGivenBy = "María López, directora", consentGivenOn = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }));
        Assert.Equal("María López, directora", consented.GetProperty("consentGivenBy").GetString());
        var scheduled = await OkAsync(await secretariat.PostAsJsonAsync($"/api/practices/{id}/schedule", new { version = 4, month = Month(Today) }));
        Assert.Equal(new DateOnly(Today.Year, Today.Month, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), scheduled.GetProperty("scheduledMonth").GetString());
        var published = await OkAsync(await secretariat.PostAsJsonAsync($"/api/practices/{id}/publish", new { version = 5 }));
        Assert.Equal("published", published.GetProperty("status").GetString());

        var read = await anonymous.GetFromJsonAsync<JsonElement>($"/api/practices/{id}");
        Assert.Equal("Ventanilla única con resultados medibles", read.GetProperty("title").GetProperty("es").GetString());
        Assert.Equal(JsonValueKind.Null, read.GetProperty("consentGivenBy").ValueKind);
        Assert.Contains(id, (await anonymous.GetFromJsonAsync<JsonElement>("/api/practices?country=HN&gcm=23&size=200")).GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt32()));

        await using var db = app.CreateDb();
        var audit = await db.AuditEntries.Where(e => e.EntityType == "practice" && e.EntityId == id.ToString(CultureInfo.InvariantCulture)).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["submit", "return", "resubmit", "accept", "consent", "schedule", "publish"], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.StartsWith("token:", e.Via, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Submit_WithMissingAndWrongFields_NamesEachFieldAndSavesNothing()
    {
        var submitter = await app.ClientAsAsync("focal-point:HN");
        await using var db = app.CreateDb();
        var before = await db.Practices.CountAsync();

        var errors = await (await submitter.PostAsJsonAsync("/api/practices", new
        {
            version = 0, institutionId = 0, title = new { es = "Solo el título", en = "" }, gcmObjectives = new[] { 24 }, elements = new[] { -5 }, countries = new[] { "XX" },
        })).ErrorsAsync();
        Assert.Equal(
            ["body.en", "body.es", "countries[0]", "elements[0]", "gcmObjectives[0]", "institutionId", "summary.en", "summary.es", "title.en"],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("XX", errors["countries[0]"][0], StringComparison.Ordinal);

        Assert.Equal(["gcmObjectives"], (await (await submitter.PostAsync("/api/practices",
            new StringContent("""{"version":0,"gcmObjectives":"six"}""", System.Text.Encoding.UTF8, "application/json"))).ErrorsAsync()).Keys);
        Assert.Equal(before, await db.Practices.CountAsync());
    }

    [Fact]
    public async Task Writes_ByTheWrongPerson_AreRefusedAndChangeNothing()
    {
        var submitter = await app.ClientAsAsync("civil-society");
        var id = await SubmittedAsync(submitter);
        var anonymous = app.Browser();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/practices", await PracticeAsync())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"/api/practices/{id}/review", new { version = 0, decision = "accept" })).StatusCode);

        // Only the Secretariat reviews, schedules and publishes; not the submitter, an observer or the Presidency.
        foreach (var client in new[] { submitter, await app.ClientAsAsync("observer"), await app.ClientAsAsync("presidency") })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/practices/{id}/review", new { version = 0, decision = "accept" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/practices/{id}/schedule", new { version = 0, month = "2099-03" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/practices/{id}/publish", new { version = 0 })).StatusCode);
        }

        // Someone else's practice is not edited, nor consented to, by another organisation.
        var other = await app.ClientAsAsync("civil-society");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PutAsJsonAsync($"/api/practices/{id}", await PracticeAsync(0, "Tomada por otra organización"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync($"/api/practices/{id}/consent", new { version = 0, consentGivenBy = "Otra", consentGivenOn = "2025-01-15" })).StatusCode);

        var stored = await StoredAsync(id);
        Assert.Equal(PracticeStatus.Submitted, stored.Status);
        Assert.Equal(0, stored.Version);
        Assert.Equal("Ventanilla única de migración laboral", stored.Title.Es);

        // An unknown practice is 404 problem details, to the Secretariat and to a submitter.
        var missing = await (await app.ClientAsAsync("secretariat")).PostAsJsonAsync("/api/practices/999999/review", new { version = 0, decision = "accept" });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("999999", (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await submitter.PutAsJsonAsync("/api/practices/999999", await PracticeAsync())).StatusCode);
    }

    [Fact]
    public async Task Transitions_InTheWrongStateOrWithoutWhatTheyNeed_NameTheFieldAndChangeNothing()
    {
        var submitter = await app.ClientAsAsync("observer");
        var secretariat = await app.ClientAsAsync("secretariat");
        var id = await SubmittedAsync(submitter);

        Assert.Equal(["comment"], (await (await secretariat.PostAsJsonAsync($"/api/practices/{id}/review", new { version = 0, decision = "reject", comment = " " })).ErrorsAsync()).Keys);
        Assert.Equal(["decision"], (await (await secretariat.PostAsJsonAsync($"/api/practices/{id}/review", new { version = 0, decision = "maybe" })).ErrorsAsync()).Keys);
        Assert.Equal(["status"], (await (await submitter.PostAsJsonAsync($"/api/practices/{id}/consent",
            new { version = 0, consentGivenBy = "Directora", consentGivenOn = "2025-01-15" })).ErrorsAsync()).Keys);
        Assert.Equal(["status"], (await (await secretariat.PostAsJsonAsync($"/api/practices/{id}/schedule", new { version = 0, month = "2099-03" })).ErrorsAsync()).Keys);

        await OkAsync(await secretariat.PostAsJsonAsync($"/api/practices/{id}/review", new { version = 0, decision = "accept" }));
        Assert.Equal(["status"], (await (await secretariat.PostAsJsonAsync($"/api/practices/{id}/review", new { version = 1, decision = "accept" })).ErrorsAsync()).Keys);
        Assert.Equal(["status"], (await (await submitter.PutAsJsonAsync($"/api/practices/{id}", await PracticeAsync(1))).ErrorsAsync()).Keys);
        Assert.Equal(["consentGivenBy", "month"], (await (await secretariat.PostAsJsonAsync($"/api/practices/{id}/publish", new { version = 1 })).ErrorsAsync()).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["consentGivenBy", "consentGivenOn"], (await (await submitter.PostAsJsonAsync($"/api/practices/{id}/consent",
            new { version = 1, consentGivenBy = "", consentGivenOn = Today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) })).ErrorsAsync()).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["consentGivenOn"], (await (await submitter.PostAsJsonAsync($"/api/practices/{id}/consent",
            new { version = 1, consentGivenBy = "Directora", consentGivenOn = "15/01/2025" })).ErrorsAsync()).Keys);

        var stored = await StoredAsync(id);
        Assert.Equal(PracticeStatus.Accepted, stored.Status);
        Assert.Equal(1, stored.Version);
        Assert.Null(stored.ConsentRecordedAt);
    }

    [Fact]
    public async Task Schedule_AMonthAlreadyTakenPastOrMalformed_NamesTheMonth()
    {
        var submitter = await app.ClientAsAsync("focal-point:GT");
        var secretariat = await app.ClientAsAsync("secretariat");
        var first = await SubmittedAsync(submitter, secretariat);
        var second = await SubmittedAsync(submitter, secretariat);
        var month = Month(Today.AddMonths(14));

        await OkAsync(await secretariat.PostAsJsonAsync($"/api/practices/{first}/schedule", new { version = 1, month }));
        var taken = await (await secretariat.PostAsJsonAsync($"/api/practices/{second}/schedule", new { version = 1, month })).ErrorsAsync();
        Assert.Equal(["month"], taken.Keys);
        Assert.Contains($"{month} already has practice {first}", taken["month"][0], StringComparison.Ordinal);

        foreach (var wrong in new[] { Month(Today.AddMonths(-1)), "2030-13", "next month" })
        {
            Assert.Equal(["month"], (await (await secretariat.PostAsJsonAsync($"/api/practices/{second}/schedule", new { version = 1, month = wrong })).ErrorsAsync()).Keys);
        }

        // Moving the first practice frees its month for the second.
        await OkAsync(await secretariat.PostAsJsonAsync($"/api/practices/{first}/schedule", new { version = 2, month = Month(Today.AddMonths(15)) }));
        await OkAsync(await secretariat.PostAsJsonAsync($"/api/practices/{second}/schedule", new { version = 1, month }));
        Assert.Equal(new DateOnly(Today.AddMonths(14).Year, Today.AddMonths(14).Month, 1), (await StoredAsync(second)).ScheduledMonth);
    }

    [Fact]
    public async Task Write_FromAStaleVersion_Gets409WithTheCurrentPracticeAndChangesNothing()
    {
        var submitter = await app.ClientAsAsync("civil-society");
        var secretariat = await app.ClientAsAsync("secretariat");
        var id = await SubmittedAsync(submitter);
        await OkAsync(await submitter.PutAsJsonAsync($"/api/practices/{id}", await PracticeAsync(0, "Primera corrección")));

        foreach (var stale in new[]
        {
            await submitter.PutAsJsonAsync($"/api/practices/{id}", await PracticeAsync(0, "Corrección perdida")),
            await secretariat.PostAsJsonAsync($"/api/practices/{id}/review", new { version = 0, decision = "accept" }),
        })
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
            var problem = await stale.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(1, problem.GetProperty("current").GetProperty("version").GetInt32());
            Assert.Equal("Primera corrección", problem.GetProperty("current").GetProperty("title").GetProperty("es").GetString());
        }

        var stored = await StoredAsync(id);
        Assert.Equal((1, PracticeStatus.Submitted, "Primera corrección"), (stored.Version, stored.Status, stored.Title.Es));
    }
}

public sealed class PracticesApiTestsOnSqlite(SqliteApp app) : PracticesApiTests(app), IClassFixture<SqliteApp>;

public sealed class PracticesApiTestsOnPostgres(PostgresApp app) : PracticesApiTests(app), IClassFixture<PostgresApp>;
