using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Monitoring;

public abstract class ActivitiesApiTests(MovilidadApp app)
{
    private async Task<(HttpClient Client, int ActionId, int GroupId)> WorkingGroupMemberAsync()
    {
        var group = await app.WorkingGroupIdAsync();
        return (await app.ClientAsAsync("working-group-member:GT-ML"), await app.ActionIdAsync(), group);
    }

    private static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray());
    }

    private async Task<int> ActivityCountAsync()
    {
        await using var db = app.CreateDb();
        return await db.Activities.IgnoreQueryFilters().CountAsync();
    }

    [Fact]
    public async Task Create_AsMemberOfItsWorkingGroup_SavesActivityWithSharesBudgetAndLinksAndAuditsIt()
    {
        var (client, action, group) = await WorkingGroupMemberAsync();
        var created = await CreatedAsync(await client.PostAsJsonAsync("/api/activities", ActivityBuilders.Activity(action, group, "1.1.1")));
        var id = created.GetProperty("id").GetInt32();

        var read = await client.GetFromJsonAsync<JsonElement>($"/api/activities/{id}");
        Assert.Equal("Taller regional de reconocimiento de competencias", read.GetProperty("title").GetProperty("es").GetString());
        Assert.Equal("planned", read.GetProperty("status").GetString());
        Assert.Equal(["GT", "HN"], read.GetProperty("countries").EnumerateArray().Select(c => c.GetProperty("country").GetString()));
        Assert.All(read.GetProperty("countries").EnumerateArray(), c => Assert.Equal("planned", c.GetProperty("status").GetString()));
        var budget = read.GetProperty("budgetLines").EnumerateArray().ToList();
        Assert.Equal(25000.50m, budget[0].GetProperty("amount").GetDecimal());
        Assert.Equal("GTQ", budget[1].GetProperty("currency").GetString());
        Assert.Equal("executed", budget[1].GetProperty("kind").GetString());
        Assert.Equal([6, 18], read.GetProperty("gcmObjectives").EnumerateArray().Select(o => o.GetInt32()));
        Assert.Equal(["10.7", "8.8"], read.GetProperty("sdgTargets").EnumerateArray().Select(o => o.GetString()));
        Assert.Contains("objective", read.GetProperty("conceptNoteMissing").EnumerateArray().Select(f => f.GetString()));

        await using var db = app.CreateDb();
        var audit = await db.AuditEntries.SingleAsync(e => e.EntityType == "activity" && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(AuditActions.Create, audit.Action);
        Assert.Contains("1.1.1", audit.After, StringComparison.Ordinal);
        Assert.Null((await AuditChain.VerifyAsync(db)).FirstBroken);
    }

    [Fact]
    public async Task Create_WithInvalidFields_NamesEveryFieldAndSavesNothing()
    {
        var (client, action, group) = await WorkingGroupMemberAsync();
        var body = ActivityBuilders.Activity(action, group, "1.1.2", "GT", "XX");
        body["title"] = new { es = "Sólo en español", en = "" };
        body["endDate"] = "2025-01-01";
        body["genderMarker"] = 3;
        body["gcmObjectives"] = new[] { 24 };
        body["sdgTargets"] = new[] { "8.88.1" };
        body["budgetLines"] = new object[] { new { kind = "planned", amount = -5m, currency = "XYZ", source = "" } };
        var before = await ActivityCountAsync();

        var errors = await ErrorsAsync(await client.PostAsJsonAsync("/api/activities", body));

        Assert.Equal(
            ["budgetLines[0].amount", "budgetLines[0].currency", "budgetLines[0].source", "countries[1]", "endDate", "gcmObjectives[0]", "genderMarker", "sdgTargets[0]", "title.en"],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("XX", errors["countries[1]"][0], StringComparison.Ordinal);
        Assert.Equal(before, await ActivityCountAsync());
    }

    [Fact]
    public async Task Create_WithTextInANumber_NamesTheFieldAndSavesNothing()
    {
        var (client, action, group) = await WorkingGroupMemberAsync();
        var body = ActivityBuilders.Activity(action, group, "1.1.3");
        body["budgetLines"] = new object[] { new { kind = "planned", amount = "mil quinientos", currency = "USD", source = "CRM" } };
        var before = await ActivityCountAsync();

        var errors = await ErrorsAsync(await client.PostAsJsonAsync("/api/activities", body));

        Assert.Equal(["budgetLines[0].amount"], errors.Keys);
        Assert.Equal(before, await ActivityCountAsync());
    }

    [Fact]
    public async Task Create_WithDatesOutsideThePlan_NamesTheDate()
    {
        var (client, action, group) = await WorkingGroupMemberAsync();
        var body = ActivityBuilders.Activity(action, group, "1.1.4");
        body["startDate"] = "2021-05-01";

        var errors = await ErrorsAsync(await client.PostAsJsonAsync("/api/activities", body));

        Assert.Equal(["startDate"], errors.Keys);
        Assert.Contains("2023-2027", errors["startDate"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_AsMemberOfAnotherWorkingGroupOrFocalPoint_IsForbidden()
    {
        var action = await app.ActionIdAsync();
        var group = await app.WorkingGroupIdAsync();
        var other = await app.ClientAsAsync("working-group-member:GT-PROT");
        var focal = await app.ClientAsAsync("focal-point:GT");
        var before = await ActivityCountAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync("/api/activities", ActivityBuilders.Activity(action, group, "1.1.5"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.PostAsJsonAsync("/api/activities", ActivityBuilders.Activity(action, group, "1.1.5"))).StatusCode);
        Assert.Equal(before, await ActivityCountAsync());
    }

    [Fact]
    public async Task Create_NotSignedIn_Returns401()
    {
        var response = await app.ClientIn("es").PostAsJsonAsync("/api/activities", ActivityBuilders.Activity(await app.ActionIdAsync(), await app.WorkingGroupIdAsync(), "1.1.6"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Save_FromAStaleVersion_Returns409WithTheCurrentActivityAndKeepsIt()
    {
        var (client, action, group) = await WorkingGroupMemberAsync();
        var id = (await CreatedAsync(await client.PostAsJsonAsync("/api/activities", ActivityBuilders.Activity(action, group, "1.1.7")))).GetProperty("id").GetInt32();
        var first = ActivityBuilders.Activity(action, group, "1.1.7");
        first["title"] = new { es = "Primera edición", en = "First edit" };
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/activities/{id}", first)).StatusCode);

        var stale = ActivityBuilders.Activity(action, group, "1.1.7");
        stale["title"] = new { es = "Edición perdida", en = "Lost edit" };
        var response = await client.PutAsJsonAsync($"/api/activities/{id}", stale);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var current = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("current");
        Assert.Equal(1, current.GetProperty("version").GetInt32());
        Assert.Equal("Primera edición", current.GetProperty("title").GetProperty("es").GetString());
    }

    [Fact]
    public async Task SaveCountryShare_ByThatCountrysFocalPoint_SavesAndAuditsWithTheCountry()
    {
        var (client, action, group) = await WorkingGroupMemberAsync();
        var id = (await CreatedAsync(await client.PostAsJsonAsync("/api/activities", ActivityBuilders.Activity(action, group, "1.1.8")))).GetProperty("id").GetInt32();
        var focal = await app.ClientAsAsync("focal-point:HN");
        var share = new { version = 0, responsibleInstitutionId = await app.InstitutionIdAsync("HN"), startDate = "2025-04-01", endDate = "2025-04-02", budgetAmount = 3500.75m, budgetCurrency = "HNL", status = "postponed", statusReason = "Elecciones" };

        var response = await focal.PutAsJsonAsync($"/api/activities/{id}/countries/HN", share);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("postponed", saved.GetProperty("status").GetString());
        Assert.Equal(3500.75m, saved.GetProperty("budgetAmount").GetDecimal());
        await using var db = app.CreateDb();
        var audit = await db.AuditEntries.SingleAsync(e => e.EntityType == "activity-country" && e.EntityId == $"{id}:HN");
        Assert.Equal("HN", audit.Country);
    }

    [Fact]
    public async Task SaveCountryShare_ByAnotherCountrysFocalPoint_IsForbiddenAndChangesNothing()
    {
        var (client, action, group) = await WorkingGroupMemberAsync();
        var id = (await CreatedAsync(await client.PostAsJsonAsync("/api/activities", ActivityBuilders.Activity(action, group, "1.1.9")))).GetProperty("id").GetInt32();
        var focal = await app.ClientAsAsync("focal-point:GT");

        var response = await focal.PutAsJsonAsync($"/api/activities/{id}/countries/HN", new { version = 0, status = "cancelled", statusReason = "No" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var read = await client.GetFromJsonAsync<JsonElement>($"/api/activities/{id}");
        Assert.Equal("planned", read.GetProperty("countries").EnumerateArray().Single(c => c.GetProperty("country").GetString() == "HN").GetProperty("status").GetString());
    }

    [Fact]
    public async Task ChangeStatus_ToApprovedWithIncompleteConceptNote_NamesTheMissingFields()
    {
        var (client, action, group) = await WorkingGroupMemberAsync();
        var id = (await CreatedAsync(await client.PostAsJsonAsync("/api/activities", ActivityBuilders.Activity(action, group, "1.1.10")))).GetProperty("id").GetInt32();
        var note = ActivityBuilders.CompleteConceptNote(0);
        note["risks"] = "";
        note["expectedMen"] = null;
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/activities/{id}/concept-note", note)).StatusCode);

        var errors = await ErrorsAsync(await client.PutAsJsonAsync($"/api/activities/{id}/status", new { version = 1, status = "concept-note-complete" }));

        Assert.Equal(["conceptNote"], errors.Keys);
        Assert.Contains("expectedParticipants, risks", errors["conceptNote"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeStatus_WithCompleteConceptNote_GoesThroughToDone()
    {
        var (client, action, group) = await WorkingGroupMemberAsync();
        var id = (await CreatedAsync(await client.PostAsJsonAsync("/api/activities", ActivityBuilders.Activity(action, group, "1.1.11")))).GetProperty("id").GetInt32();
        var saved = await client.PutAsJsonAsync($"/api/activities/{id}/concept-note", ActivityBuilders.CompleteConceptNote(0));
        Assert.True((await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("isComplete").GetBoolean());

        var version = 1;
        foreach (var status in new[] { "concept-note-complete", "approved", "in-progress", "done" })
        {
            var response = await client.PutAsJsonAsync($"/api/activities/{id}/status", new { version, status });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            version = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
        }

        var errors = await ErrorsAsync(await client.PutAsJsonAsync($"/api/activities/{id}/status", new { version, status = "planned" }));
        Assert.Contains("cannot become planned", errors["status"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeStatus_ToCancelledWithoutReason_AsksForTheReason()
    {
        var (client, action, group) = await WorkingGroupMemberAsync();
        var id = (await CreatedAsync(await client.PostAsJsonAsync("/api/activities", ActivityBuilders.Activity(action, group, "1.1.12")))).GetProperty("id").GetInt32();

        var errors = await ErrorsAsync(await client.PutAsJsonAsync($"/api/activities/{id}/status", new { version = 0, status = "cancelled", reason = " " }));
        Assert.Equal(["statusReason"], errors.Keys);

        var ok = await client.PutAsJsonAsync($"/api/activities/{id}/status", new { version = 0, status = "cancelled", reason = "Sin fondos" });
        Assert.Equal("Sin fondos", (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("statusReason").GetString());
    }

    [Fact]
    public async Task SaveConceptNote_WithNegativeParticipants_NamesTheField()
    {
        var (client, action, group) = await WorkingGroupMemberAsync();
        var id = (await CreatedAsync(await client.PostAsJsonAsync("/api/activities", ActivityBuilders.Activity(action, group, "1.1.13")))).GetProperty("id").GetInt32();
        var note = ActivityBuilders.CompleteConceptNote(0);
        note["actualWomen"] = -1;

        var errors = await ErrorsAsync(await client.PutAsJsonAsync($"/api/activities/{id}/concept-note", note));

        Assert.Equal(["actualWomen"], errors.Keys);
    }

    [Fact]
    public async Task Delete_ThenRead_IsGoneAndHistoryKeepsIt()
    {
        var (client, action, group) = await WorkingGroupMemberAsync();
        var id = (await CreatedAsync(await client.PostAsJsonAsync("/api/activities", ActivityBuilders.Activity(action, group, "1.1.14")))).GetProperty("id").GetInt32();

        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/api/activities/{id}?version=0")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/activities/{id}")).StatusCode);
        Assert.DoesNotContain((await client.GetFromJsonAsync<JsonElement>($"/api/activities?actionId={action}")).EnumerateArray(), a => a.GetProperty("id").GetInt32() == id);
        var history = (await client.GetFromJsonAsync<JsonElement>($"/api/activities/{id}/history")).EnumerateArray().Select(h => h.GetProperty("action").GetString()).ToList();
        Assert.Equal([AuditActions.Delete, AuditActions.Create], history);
    }

    [Fact]
    public async Task List_ByCountry_GivesOnlyActivitiesWhereTheCountryTakesPart()
    {
        var (client, action, group) = await WorkingGroupMemberAsync();
        await CreatedAsync(await client.PostAsJsonAsync("/api/activities", ActivityBuilders.Activity(action, group, "1.1.15", "PA")));
        await CreatedAsync(await client.PostAsJsonAsync("/api/activities", ActivityBuilders.Activity(action, group, "1.1.16", "DO")));

        var list = (await client.GetFromJsonAsync<JsonElement>("/api/activities?country=PA")).EnumerateArray().ToList();

        Assert.Contains(list, a => a.GetProperty("code").GetString() == "1.1.15");
        Assert.All(list, a => Assert.Contains("PA", a.GetProperty("countries").EnumerateArray().Select(c => c.GetString())));
    }
}

public sealed class ActivitiesApiTestsOnSqlite(SqliteApp app) : ActivitiesApiTests(app), IClassFixture<SqliteApp>;

public sealed class ActivitiesApiTestsOnPostgres(PostgresApp app) : ActivitiesApiTests(app), IClassFixture<PostgresApp>;
