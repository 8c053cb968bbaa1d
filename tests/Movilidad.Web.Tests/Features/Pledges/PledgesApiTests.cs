using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Movilidad.Web.Features.Pledges;
using Movilidad.Platform.Audit;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Pledges;

public abstract class PledgesApiTests(MovilidadApp app)
{
    /// <summary>The quarter whose update is due now, by the app's clock, read when a test runs.</summary>
    private YearQuarter Due => YearQuarter.LastEnded(DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime));

    private static object Update(int version, YearQuarter quarter, string status, string narrative = "Se firmó el primer acuerdo.", object? file = null, string? url = null) => new
    {
        version,
        year = quarter.Year,
        quarter = quarter.Quarter,
        status,
        narrative,
        evidenceUrl = url,
        evidenceFile = file,
    };

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Create_JointStatePledgeByFocalPoint_SavesPledgersTypesLinksAndAuditsIt()
    {
        var client = await app.ClientAsAsync("focal-point:GT");
        var body = await app.PledgeAsync("GT", "HN");
        var created = await PledgeBuilders.CreatedAsync(await client.PostAsJsonAsync("/api/pledges", body));
        var id = created.GetProperty("id").GetInt32();

        var read = await client.GetFromJsonAsync<JsonElement>($"/api/pledges/{id}");
        Assert.Equal(["GT", "HN"], read.GetProperty("pledgers").EnumerateArray().Select(p => p.GetProperty("code").GetString()));
        Assert.All(read.GetProperty("pledgers").EnumerateArray(), p => Assert.Equal("state", p.GetProperty("type").GetString()));
        Assert.Equal([5, 6], read.GetProperty("gcmObjectives").EnumerateArray().Select(o => o.GetInt32()));
        Assert.Equal("Acuerdo firmado", read.GetProperty("milestones")[0].GetProperty("title").GetString());
        Assert.Single(read.GetProperty("elements").EnumerateArray());
        Assert.Equal("not-started", read.GetProperty("status").GetString());
        Assert.False(read.GetProperty("isPublished").GetBoolean());

        await using var db = app.CreateDb();
        var audit = await db.AuditEntries.SingleAsync(e => e.EntityType == "pledge" && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(AuditActions.Create, audit.Action);
        Assert.Null(audit.Country);
        Assert.Contains("Ampliar las v", audit.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_MatchingPledgeByUnAgency_RefersToTheStatePledge()
    {
        var state = await PledgeBuilders.CreatedAsync(await (await app.ClientAsAsync("focal-point:GT")).PostAsJsonAsync("/api/pledges", await app.PledgeAsync("GT")));
        var observer = await app.ClientAsAsync("observer");
        var body = await app.PledgeAsync("OIT");
        body["matchingPledgeId"] = state.GetProperty("id").GetInt32();
        var matching = await PledgeBuilders.CreatedAsync(await observer.PostAsJsonAsync("/api/pledges", body));
        Assert.Equal(state.GetProperty("id").GetInt32(), matching.GetProperty("matchingPledgeId").GetInt32());
        Assert.Equal("un-agency", matching.GetProperty("pledgers")[0].GetProperty("type").GetString());

        body["matchingPledgeId"] = 999_999;
        var errors = await PledgeBuilders.ErrorsAsync(await observer.PostAsJsonAsync("/api/pledges", body));
        Assert.Contains("999999", errors["matchingPledgeId"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuarterlyUpdates_RecordedWithEvidence_SetStatusAndClearOverdue()
    {
        var client = await app.ClientAsAsync("focal-point:HN");
        var id = (await PledgeBuilders.CreatedAsync(await client.PostAsJsonAsync("/api/pledges", await app.PledgeAsync("HN")))).GetProperty("id").GetInt32();
        await app.BackdateAsync(id, Due.Start.AddDays(-200).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        var before = (await client.GetFromJsonAsync<JsonElement>("/api/pledges?size=200")).GetProperty("items").EnumerateArray().Single(p => p.GetProperty("id").GetInt32() == id);
        Assert.Equal("not-started", before.GetProperty("status").GetString());

        var pdf = "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF"u8.ToArray();
        var saved = await OkAsync(await client.PostAsJsonAsync($"/api/pledges/{id}/updates",
            Update(0, Due.Previous, "in-progress", file: new { fileName = "acta.pdf", contentType = "application/pdf", content = pdf }, url: "https://example.org/acta")));
        Assert.Equal("in-progress", saved.GetProperty("status").GetString());
        var update = saved.GetProperty("updates")[0];
        Assert.Equal("acta.pdf", update.GetProperty("evidenceFileName").GetString());
        Assert.Equal("https://example.org/acta", update.GetProperty("evidenceUrl").GetString());

        // The previous quarter is reported, the last ended one is not: still overdue.
        var dashboard = PledgeQueries.Dashboard(await SummariesAsync(), DateOnly.FromDateTime(DateTime.UtcNow));
        Assert.Contains(dashboard.Overdue, p => p.Id == id);

        var current = await OkAsync(await client.PostAsJsonAsync($"/api/pledges/{id}/updates", Update(1, Due, "fulfilled")));
        Assert.Equal("fulfilled", current.GetProperty("status").GetString());
        Assert.Equal(2, current.GetProperty("updates").GetArrayLength());
        Assert.DoesNotContain(PledgeQueries.Dashboard(await SummariesAsync(), DateOnly.FromDateTime(DateTime.UtcNow)).Overdue, p => p.Id == id);

        var evidence = await client.GetAsync($"/api/pledges/{id}/updates/{update.GetProperty("id").GetInt32()}/evidence");
        Assert.Equal(HttpStatusCode.OK, evidence.StatusCode);
        Assert.Equal("application/pdf", evidence.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await evidence.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", evidence.Content.Headers.ContentDisposition?.DispositionType);

        // Not published: the public neither lists it nor downloads its evidence.
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync($"/api/pledges/{id}/updates/{update.GetProperty("id").GetInt32()}/evidence")).StatusCode);
    }

    private async Task<List<PledgeSummary>> SummariesAsync()
    {
        await using var db = app.CreateDb();
        var secretariat = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new System.Security.Claims.Claim(Movilidad.Platform.Auth.Grant.ClaimType, "Secretariat")], "test"));
        return await db.PledgeSummariesAsync(secretariat, default);
    }

    [Fact]
    public async Task QuarterlyUpdate_AfterWithdrawal_IsRefusedAndTheWithdrawnPledgeIsNotOverdue()
    {
        var client = await app.ClientAsAsync("civil-society");
        var id = (await PledgeBuilders.CreatedAsync(await client.PostAsJsonAsync("/api/pledges", await app.PledgeAsync("RROCM")))).GetProperty("id").GetInt32();
        await app.BackdateAsync(id, Due.Start.AddDays(-400).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        var withdrawn = await OkAsync(await client.PostAsJsonAsync($"/api/pledges/{id}/updates", Update(0, Due.Previous, "withdrawn", "Sin financiamiento.")));
        Assert.Equal("withdrawn", withdrawn.GetProperty("status").GetString());
        Assert.DoesNotContain(PledgeQueries.Dashboard(await SummariesAsync(), DateOnly.FromDateTime(DateTime.UtcNow)).Overdue, p => p.Id == id);

        var errors = await PledgeBuilders.ErrorsAsync(await client.PostAsJsonAsync($"/api/pledges/{id}/updates", Update(1, Due, "in-progress")));
        Assert.Contains("withdrawn", errors["year"][0], StringComparison.Ordinal);
        Assert.Equal(1, await app.PledgeVersionAsync(id));
    }

    [Fact]
    public async Task QuarterlyUpdate_WithBadValues_NamesEachField()
    {
        var client = await app.ClientAsAsync("focal-point:GT");
        var id = (await PledgeBuilders.CreatedAsync(await client.PostAsJsonAsync("/api/pledges", await app.PledgeAsync("GT")))).GetProperty("id").GetInt32();
        var future = YearQuarter.Of(DateOnly.FromDateTime(DateTime.UtcNow)).Start.AddMonths(3);
        var fake = new { fileName = "virus.pdf", contentType = "application/pdf", content = "MZ this is not a PDF"u8.ToArray() };
        var errors = await PledgeBuilders.ErrorsAsync(await client.PostAsJsonAsync($"/api/pledges/{id}/updates",
            Update(0, YearQuarter.Of(future), "in-progress", narrative: " ", file: fake, url: "javascript:alert(1)")));
        Assert.Equal(["evidenceFile", "evidenceUrl", "narrative", "year"], errors.Keys.Order(StringComparer.Ordinal));

        var html = new { fileName = "page.html", contentType = "text/html", content = "<html></html>"u8.ToArray() };
        Assert.Contains("evidenceFile", (await PledgeBuilders.ErrorsAsync(await client.PostAsJsonAsync($"/api/pledges/{id}/updates", Update(0, Due, "in-progress", file: html)))).Keys);
        var big = new { fileName = "big.png", contentType = "image/png", content = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.Concat(new byte[PledgeEditing.MaxEvidenceBytes]).ToArray() };
        var tooBig = await client.PostAsJsonAsync($"/api/pledges/{id}/updates", Update(0, Due, "in-progress", file: big));
        Assert.True(tooBig.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"{(int)tooBig.StatusCode}");
        var quarter = await PledgeBuilders.ErrorsAsync(await client.PostAsJsonAsync($"/api/pledges/{id}/updates", new { version = 0, year = 2025, quarter = 5, status = "in-progress", narrative = "x" }));
        Assert.Contains("quarter", quarter.Keys);
        var status = await PledgeBuilders.ErrorsAsync(await client.PostAsJsonAsync($"/api/pledges/{id}/updates", new { version = 0, year = 2025, quarter = 1, status = "done", narrative = "x" }));
        Assert.Contains("status", status.Keys);
        Assert.Equal(0, await app.PledgeVersionAsync(id));
    }

    [Fact]
    public async Task Create_WithMissingAndUnknownValues_NamesEachField()
    {
        var client = await app.ClientAsAsync("secretariat");
        var body = await app.PledgeAsync("GT");
        body["title"] = new { es = "", en = "Title" };
        body["pledgers"] = new[] { 999_999 };
        body["gcmObjectives"] = new[] { 24 };
        body["milestones"] = new object[] { new { title = "", dueDate = "2026-01-01", done = false } };
        body["elements"] = new[] { 999_999 };
        body["activities"] = new[] { 999_999 };
        var errors = await PledgeBuilders.ErrorsAsync(await client.PostAsJsonAsync("/api/pledges", body));
        Assert.Equal(["activities[0]", "elements[0]", "gcmObjectives[0]", "milestones[0].title", "pledgers[0]", "title.es"], errors.Keys.Order(StringComparer.Ordinal));

        body["pledgers"] = Array.Empty<int>();
        Assert.Contains("pledgers", (await PledgeBuilders.ErrorsAsync(await client.PostAsJsonAsync("/api/pledges", body))).Keys);
        body["gcmObjectives"] = "seis";
        Assert.Contains("gcmObjectives", (await PledgeBuilders.ErrorsAsync(await client.PostAsJsonAsync("/api/pledges", body))).Keys);
    }

    [Fact]
    public async Task Update_WithStaleVersion_Gets409WithTheCurrentPledge()
    {
        var client = await app.ClientAsAsync("focal-point:GT");
        var body = await app.PledgeAsync("GT");
        var id = (await PledgeBuilders.CreatedAsync(await client.PostAsJsonAsync("/api/pledges", body))).GetProperty("id").GetInt32();
        body["title"] = new { es = "Primera edición", en = "First edit" };
        await OkAsync(await client.PutAsJsonAsync($"/api/pledges/{id}", body));

        body["title"] = new { es = "Edición sobre una versión vieja", en = "Edit over an old version" };
        var stale = await client.PutAsJsonAsync($"/api/pledges/{id}", body);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await stale.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Primera edición", problem.GetProperty("current").GetProperty("title").GetProperty("es").GetString());
        Assert.Equal(1, problem.GetProperty("current").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Edit_CivilSocietyOnAnotherOrganisationsPledge_Is403AndChangesNothing()
    {
        var owner = await app.ClientAsAsync("civil-society");
        var body = await app.PledgeAsync("RROCM");
        var id = (await PledgeBuilders.CreatedAsync(await owner.PostAsJsonAsync("/api/pledges", body))).GetProperty("id").GetInt32();

        var other = await app.ClientAsAsync("civil-society");
        body["title"] = new { es = "Tomada", en = "Taken" };
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PutAsJsonAsync($"/api/pledges/{id}", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync($"/api/pledges/{id}/updates", Update(0, Due, "withdrawn"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/pledges/{id}")).StatusCode);

        // Civil society records pledges of civil society, not a state's.
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync("/api/pledges", await app.PledgeAsync("GT"))).StatusCode);

        await using var db = app.CreateDb();
        var pledge = await db.Pledges.Include(p => p.Updates).SingleAsync(p => p.Id == id);
        Assert.Equal("Ampliar las vías regulares de movilidad laboral", pledge.Title.Es);
        Assert.Equal(0, pledge.Version);
        Assert.Empty(pledge.Updates);

        body["title"] = new { es = "Propia", en = "Own" };
        await OkAsync(await owner.PutAsJsonAsync($"/api/pledges/{id}", body));
    }

    [Fact]
    public async Task Edit_FocalPointOfGuatemalaOnAHonduranPledge_Is403AndChangesNothing()
    {
        var honduras = await app.ClientAsAsync("focal-point:HN");
        var body = await app.PledgeAsync("HN");
        var id = (await PledgeBuilders.CreatedAsync(await honduras.PostAsJsonAsync("/api/pledges", body))).GetProperty("id").GetInt32();

        var guatemala = await app.ClientAsAsync("focal-point:GT");
        body["title"] = new { es = "Cambiada desde Guatemala", en = "Changed from Guatemala" };
        Assert.Equal(HttpStatusCode.Forbidden, (await guatemala.PutAsJsonAsync($"/api/pledges/{id}", body)).StatusCode);
        body["pledgers"] = new[] { await Monitoring.ActivityBuilders.InstitutionIdAsync(app, "GT"), await Monitoring.ActivityBuilders.InstitutionIdAsync(app, "HN") };
        Assert.Equal(HttpStatusCode.Forbidden, (await guatemala.PutAsJsonAsync($"/api/pledges/{id}", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await guatemala.PostAsJsonAsync($"/api/pledges/{id}/updates", Update(0, Due, "withdrawn"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await guatemala.PutAsJsonAsync($"/api/pledges/{id}/publication", new { version = 0, isPublished = true })).StatusCode);

        await using var db = app.CreateDb();
        var pledge = await db.Pledges.Include(p => p.Pledgers).Include(p => p.Updates).SingleAsync(p => p.Id == id);
        Assert.Equal("Ampliar las vías regulares de movilidad laboral", pledge.Title.Es);
        Assert.Single(pledge.Pledgers);
        Assert.Empty(pledge.Updates);
        Assert.Equal(0, pledge.Version);
    }

    [Fact]
    public async Task Publish_BySecretariat_ShowsThePledgeToThePublic()
    {
        var focal = await app.ClientAsAsync("focal-point:GT");
        var id = (await PledgeBuilders.CreatedAsync(await focal.PostAsJsonAsync("/api/pledges", await app.PledgeAsync("GT")))).GetProperty("id").GetInt32();
        var anonymous = app.Browser();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/pledges/{id}")).StatusCode);
        Assert.DoesNotContain((await anonymous.GetFromJsonAsync<JsonElement>("/api/pledges?size=200")).GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetInt32() == id);

        var secretariat = await app.ClientAsAsync("secretariat");
        await OkAsync(await secretariat.PutAsJsonAsync($"/api/pledges/{id}/publication", new { version = 0, isPublished = true }));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/pledges/{id}")).StatusCode);
        Assert.Contains((await anonymous.GetFromJsonAsync<JsonElement>("/api/pledges?size=200")).GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetInt32() == id);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/pledges", await app.PledgeAsync("GT"))).StatusCode);

        await using var db = app.CreateDb();
        Assert.Equal(AuditActions.Publish, (await db.AuditEntries.Where(e => e.EntityType == "pledge" && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).OrderBy(e => e.Id).LastAsync()).Action);
    }
}

public sealed class PledgesApiTestsOnSqlite(SqliteApp app) : PledgesApiTests(app), IClassFixture<SqliteApp>;

public sealed class PledgesApiTestsOnPostgres(PostgresApp app) : PledgesApiTests(app), IClassFixture<PostgresApp>;
