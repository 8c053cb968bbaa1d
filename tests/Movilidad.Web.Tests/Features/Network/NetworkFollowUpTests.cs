using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Accounts;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Network;

/// <summary>
/// The UN Regional Network's follow-up (issue 15): quarterly updates written by the people of an agency responsible for
/// the activity (a grant limited to the agency), approved or returned with a comment by the co-chairs the plan names (IOM
/// and ECLAC in 003), the activity's status moving by the operational plan's workflow; the mid-term review; the dashboard
/// by priority and agency with overdue quarters; versioned, audited, bad input named by field; the pages.
/// </summary>
public abstract class NetworkFollowUpTests(MovilidadApp app)
{
    private const string Plan = "red-onu-2023-2024";

    /// <summary>An activity by its key in <c>data/plans</c> (core priority 3's activity 3.1 is <c>b3-1</c>; thematic priorities number theirs from 1.1 too).</summary>
    private async Task<int> ActivityAsync(string key)
    {
        await using var db = app.CreateDb();
        return await db.PlanElements.Where(e => e.Plan!.Key == Plan && e.LevelKey == "activity" && e.Key == key).Select(e => e.Id).SingleAsync();
    }

    private static object Update(string quarter, string status, int version = 0, int? percent = 50, string? evidence = null) => new
    {
        version, quarter, status, percent, evidenceUrl = evidence,
        progress = new { es = "Se realizaron las reuniones previstas del trimestre.", en = "The quarter's planned meetings were held." },
        milestone = new { es = string.Empty, en = string.Empty },
    };

    /// <summary>A person signed in through the sign-in page (a cookie, as a browser), reading Spanish.</summary>
    private async Task<HttpClient> SignedInAsync(string grant)
    {
        var person = await app.AddPersonAsync($"{Guid.NewGuid():N}@example.org", twoFactor: false, grant);
        var client = await app.SignInAsync(person);
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new System.Net.Http.Headers.StringWithQualityHeaderValue("es"));
        return client;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static HashSet<string> Fields(JsonElement problem) => problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToHashSet();

    [Fact]
    public async Task Updates_ByTheResponsibleAgency_ApprovedOrReturnedByTheCoChairs_MoveTheStatus_VersionedAndAudited()
    {
        var id = await ActivityAsync("b3-1");
        var oit = await app.ClientAsAsync("network-agency:OIT");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsAsync("network-agency:UNFPA")).PostAsJsonAsync($"/api/network/activities/{id}/updates", Update("2023-Q2", "in-progress"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsAsync("secretariat")).PostAsJsonAsync($"/api/network/activities/{id}/updates", Update("2023-Q2", "in-progress"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsAsync("observer")).PostAsJsonAsync($"/api/network/activities/{id}/updates", Update("2023-Q2", "in-progress"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Browser().PostAsJsonAsync($"/api/network/activities/{id}/updates", Update("2023-Q2", "in-progress"))).StatusCode);

        var created = await JsonAsync(await oit.PostAsJsonAsync($"/api/network/activities/{id}/updates", Update("2023-Q2", "in-progress")), HttpStatusCode.Created);
        var update = created.GetProperty("id").GetInt32();
        Assert.Equal(("submitted", "in-progress"), (created.GetProperty("state").GetString(), created.GetProperty("status").GetString()));
        Assert.Contains("quarter", Fields(await JsonAsync(await oit.PostAsJsonAsync($"/api/network/activities/{id}/updates", Update("2023-Q2", "in-progress")), HttpStatusCode.BadRequest)));

        // Not counted before approval: the public sees neither the update nor a new status.
        var unapproved = await JsonAsync(await app.Browser().GetAsync($"/api/network/activities/{id}"), HttpStatusCode.OK);
        Assert.Equal("planned", unapproved.GetProperty("status").GetString());
        Assert.Empty(unapproved.GetProperty("updates").EnumerateArray());

        var oim = await app.ClientAsAsync("network-agency:OIM");
        Assert.Equal(HttpStatusCode.Forbidden, (await oit.PostAsJsonAsync($"/api/network/updates/{update}/approve", new { version = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsAsync("secretariat")).PostAsJsonAsync($"/api/network/updates/{update}/approve", new { version = 0 })).StatusCode);
        Assert.Equal(["comment"], Fields(await JsonAsync(await oim.PostAsJsonAsync($"/api/network/updates/{update}/return", new { version = 0 }), HttpStatusCode.BadRequest)));
        var returned = await JsonAsync(await oim.PostAsJsonAsync($"/api/network/updates/{update}/return", new { version = 0, comment = "Falta el enlace a la evidencia." }), HttpStatusCode.OK);
        Assert.Equal(("returned", "Falta el enlace a la evidencia."), (returned.GetProperty("state").GetString(), returned.GetProperty("comment").GetString()));
        var seen = await JsonAsync(await oit.GetAsync($"/api/network/activities/{id}"), HttpStatusCode.OK);
        Assert.Equal("Falta el enlace a la evidencia.", seen.GetProperty("updates")[0].GetProperty("comment").GetString());

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsAsync("network-agency:UNFPA")).PutAsJsonAsync($"/api/network/updates/{update}", Update("2023-Q2", "in-progress", version: 1))).StatusCode);
        var resent = await JsonAsync(await oit.PutAsJsonAsync($"/api/network/updates/{update}", Update("2023-Q2", "in-progress", version: 1, evidence: "https://lac.migrationnetwork.un.org/acta-3-1")), HttpStatusCode.OK);
        Assert.Equal(("submitted", 2), (resent.GetProperty("state").GetString(), resent.GetProperty("version").GetInt32()));

        var cepal = await app.ClientAsAsync("network-agency:CEPAL");
        Assert.Equal(HttpStatusCode.Conflict, (await cepal.PostAsJsonAsync($"/api/network/updates/{update}/approve", new { version = 1 })).StatusCode);
        var approved = await JsonAsync(await cepal.PostAsJsonAsync($"/api/network/updates/{update}/approve", new { version = 2 }), HttpStatusCode.OK);
        Assert.Equal("approved", approved.GetProperty("state").GetString());

        var after = await JsonAsync(await app.Browser().GetAsync($"/api/network/activities/{id}"), HttpStatusCode.OK);
        Assert.Equal("in-progress", after.GetProperty("status").GetString());
        Assert.Equal(update, after.GetProperty("updates").EnumerateArray().Single().GetProperty("id").GetInt32());
        Assert.DoesNotContain("2023-Q2", after.GetProperty("overdueQuarters").EnumerateArray().Select(q => q.GetString()));
        Assert.Contains("2023-Q3", after.GetProperty("overdueQuarters").EnumerateArray().Select(q => q.GetString()));

        // An approved update is final; no update before an approved quarter.
        Assert.Equal(["state"], Fields(await JsonAsync(await oit.PutAsJsonAsync($"/api/network/updates/{update}", Update("2023-Q2", "done", version: 3)), HttpStatusCode.BadRequest)));
        Assert.Equal(["quarter"], Fields(await JsonAsync(await oit.PostAsJsonAsync($"/api/network/activities/{id}/updates", Update("2023-Q1", "in-progress")), HttpStatusCode.BadRequest)));

        await using var db = app.CreateDb();
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "network-update" && a.EntityId == update.ToString(CultureInfo.InvariantCulture))
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal(["create", "return", "update", "approve"], audit);
    }

    [Fact]
    public async Task Updates_OfAPlanTakenBackToDraft_AreReadOnlyWithTheirPlan()
    {
        var id = await ActivityAsync("b3-2");
        var created = await JsonAsync(await (await app.ClientAsAsync("network-agency:PNUD")).PostAsJsonAsync($"/api/network/activities/{id}/updates", Update("2023-Q2", "in-progress")), HttpStatusCode.Created);
        var update = created.GetProperty("id").GetInt32();

        async Task<bool> SeenAsync(bool unpublished)
        {
            await using var db = app.CreateDb();
            db.ShowsUnpublished = unpublished;
            return await db.NetworkUpdates.AnyAsync(u => u.Id == update);
        }

        Assert.True(await SeenAsync(unpublished: false));
        await using (var db = app.CreateDb())
        {
            await db.Plans.Where(p => p.Key == Plan).ExecuteUpdateAsync(p => p.SetProperty(x => x.IsPublished, false));
        }

        try
        {
            Assert.False(await SeenAsync(unpublished: false));
            Assert.True(await SeenAsync(unpublished: true));
        }
        finally
        {
            await using var db = app.CreateDb();
            db.ShowsUnpublished = true;
            await db.Plans.Where(p => p.Key == Plan).ExecuteUpdateAsync(p => p.SetProperty(x => x.IsPublished, true));
        }
    }

    [Fact]
    public async Task BadInput_IsRefusedNamingTheField_AndAnAgencyGrantNamesAUnAgency()
    {
        var id = await ActivityAsync("b4-1");
        var client = await app.ClientAsAsync("network-agency:OIM");
        var many = await JsonAsync(await client.PostAsJsonAsync($"/api/network/activities/{id}/updates", new
        {
            version = 0, quarter = "2024-Q5", status = "finished", percent = 150, evidenceUrl = "javascript:alert(1)",
            progress = new { es = " ", en = string.Empty }, milestone = new { es = new string('x', 1001), en = string.Empty },
        }), HttpStatusCode.BadRequest);
        Assert.Equal(new HashSet<string> { "quarter", "progress.es", "status", "percent", "milestone.es", "evidenceUrl" }, Fields(many));
        Assert.Contains("quarter", Fields(await JsonAsync(await client.PostAsJsonAsync($"/api/network/activities/{id}/updates", Update("2030-Q1", "in-progress")), HttpStatusCode.BadRequest)));
        Assert.Equal(["percent"], Fields(await JsonAsync(await client.PostAsJsonAsync($"/api/network/activities/{id}/updates", Update("2024-Q1", "in-progress", percent: null)), HttpStatusCode.BadRequest)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/api/network/activities/999999/updates", Update("2024-Q1", "in-progress"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/network/activities/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/network/plans/pe-crm-2023-2026")).StatusCode);

        await using var db = app.CreateDb();
        var operational = await db.PlanElements.Where(e => e.IsActionable).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/network/activities/{operational}/updates", Update("2024-Q1", "in-progress"))).StatusCode);
        Assert.True(GrantRequest.TryParse("network-agency:GT-ML", out var notAnAgency));
        Assert.Null((await db.ResolveAsync(notAnAgency!, default)).Grant);
        Assert.False(GrantRequest.TryParse("network-agency", out _));
    }

    [Fact]
    public async Task Dashboard_ByPriorityAndAgency_FlagsOverdueQuarters_AndThePagesShowIt()
    {
        var id = await ActivityAsync("b1-5");
        var before = await JsonAsync(await app.Browser().GetAsync($"/api/network/plans/{Plan}"), HttpStatusCode.OK);
        Assert.Equal(["CEPAL", "OIM"], before.GetProperty("coChairs").EnumerateArray().Select(c => c.GetProperty("code").GetString()));
        Assert.Equal(26, before.GetProperty("activities").GetArrayLength());
        JsonElement Row(JsonElement d) => d.GetProperty("activities").EnumerateArray().Single(a => a.GetProperty("id").GetInt32() == id);
        Assert.Equal(["2023-Q3"], Row(before).GetProperty("overdueQuarters").EnumerateArray().Select(q => q.GetString()));

        var oim = await app.ClientAsAsync("network-agency:OIM");
        var update = (await JsonAsync(await oim.PostAsJsonAsync($"/api/network/activities/{id}/updates", Update("2023-Q3", "done", percent: 100)), HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var waiting = await JsonAsync(await oim.GetAsync($"/api/network/plans/{Plan}"), HttpStatusCode.OK);
        Assert.Equal(1, Row(waiting).GetProperty("waiting").GetInt32());
        await JsonAsync(await (await app.ClientAsAsync("network-agency:CEPAL")).PostAsJsonAsync($"/api/network/updates/{update}/approve", new { version = 0 }), HttpStatusCode.OK);

        var after = await JsonAsync(await app.Browser().GetAsync($"/api/network/plans/{Plan}"), HttpStatusCode.OK);
        var row = Row(after);
        Assert.Equal(("done", "2023-Q3", 100), (row.GetProperty("status").GetString(), row.GetProperty("latest").GetProperty("quarter").GetString(), row.GetProperty("latest").GetProperty("percent").GetInt32()));
        Assert.Empty(row.GetProperty("overdueQuarters").EnumerateArray());
        Assert.Equal(["status"], Fields(await JsonAsync(await oim.PostAsJsonAsync($"/api/network/activities/{id}/updates", Update("2023-Q4", "in-progress")), HttpStatusCode.BadRequest)));
        var priority = after.GetProperty("byPriority").EnumerateArray().Single(p => p.GetProperty("key").GetString() == "b1");
        Assert.Equal(6, priority.GetProperty("activities").GetInt32());
        Assert.True(priority.GetProperty("byStatus").GetProperty("done").GetInt32() >= 1);
        var agency = after.GetProperty("byAgency").EnumerateArray().Single(p => p.GetProperty("key").GetString() == "OIM");
        Assert.True(agency.GetProperty("byStatus").GetProperty("done").GetInt32() >= 1);
        Assert.Equal(after.GetProperty("activities").GetArrayLength(), after.GetProperty("byStatus").EnumerateObject().Sum(s => s.Value.GetInt32()));

        var page = await app.Browser().GetStringAsync("/network");
        Assert.Contains("data-testid=\"by-priority\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"by-agency\"", page, StringComparison.Ordinal);
        Assert.Contains("class=\"bars network-status\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/network/activities/{id}\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"overdue\"", page, StringComparison.Ordinal);
        var activity = await app.Browser().GetStringAsync($"/network/activities/{id}");
        Assert.Contains("data-testid=\"status\">Done<", activity, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"update-form\"", activity, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_TheAgencyWritesAnUpdate_AnErrorNamedInItsLanguage_TheCoChairsApprove()
    {
        var id = await ActivityAsync("b2-2");
        var oit = await SignedInAsync("network-agency:OIT");
        var url = $"/network/activities/{id}";
        Assert.Contains("data-testid=\"update-form\"", await oit.GetStringAsync(url), StringComparison.Ordinal);
        var bad = await oit.PostPageFormAsync(url + "?handler=Update", [new("UpdateId", "0"), new("Version", "0"), new("Quarter", "segundo"), new("ProgressEs", "Capacitación a los UNCT"), new("Status", "in-progress"), new("Percent", "40")]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Trimestre: escríbalo como 2024-Q2", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var saved = await oit.PostPageFormAsync(url + "?handler=Update", [new("UpdateId", "0"), new("Version", "0"), new("Quarter", "2023-Q2"), new("ProgressEs", "Capacitación a los UNCT"), new("Status", "in-progress"), new("Percent", "40")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var cepal = await SignedInAsync("network-agency:CEPAL");
        var page = await cepal.GetStringAsync(url);
        Assert.Contains("Capacitación a los UNCT", page, StringComparison.Ordinal);
        await using var db = app.CreateDb();
        var update = await db.NetworkUpdates.Where(u => u.ElementId == id).Select(u => u.Id).SingleAsync();
        var approved = await cepal.PostPageFormAsync(url + "?handler=Approve", [new("UpdateId", update.ToString(CultureInfo.InvariantCulture)), new("Version", "0")]);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Contains("data-testid=\"status\">In progress<", await app.Browser().GetStringAsync(url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MidTermReview_RecordedAndApprovedByTheCoChairs_ShownOnceApproved_AndAudited()
    {
        object Review(int version, string findings) => new { version, date = "2024-01-31", findings = new { es = findings, en = string.Empty }, changes = new { es = "La actividad 1.3 se extiende a 2024.", en = "Activity 1.3 runs through 2024." } };
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsAsync("network-agency:OIT")).PutAsJsonAsync($"/api/network/plans/{Plan}/review", Review(0, "x"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsAsync("secretariat")).PutAsJsonAsync($"/api/network/plans/{Plan}/review", Review(0, "x"))).StatusCode);
        var oim = await app.ClientAsAsync("network-agency:OIM");
        Assert.Contains("findings.es", Fields(await JsonAsync(await oim.PutAsJsonAsync($"/api/network/plans/{Plan}/review", Review(0, " ")), HttpStatusCode.BadRequest)));
        var first = await JsonAsync(await oim.PutAsJsonAsync($"/api/network/plans/{Plan}/review", Review(0, "Avance desigual entre prioridades.")), HttpStatusCode.OK);
        var review = first.GetProperty("id").GetInt32();
        Assert.Equal(JsonValueKind.Null, (await JsonAsync(await app.Browser().GetAsync($"/api/network/plans/{Plan}"), HttpStatusCode.OK)).GetProperty("review").ValueKind);
        Assert.False((await JsonAsync(await (await app.ClientAsAsync("observer")).GetAsync($"/api/network/plans/{Plan}"), HttpStatusCode.OK)).GetProperty("review").GetProperty("approved").GetBoolean());

        var cepal = await app.ClientAsAsync("network-agency:CEPAL");
        Assert.Equal(HttpStatusCode.Conflict, (await cepal.PutAsJsonAsync($"/api/network/plans/{Plan}/review", Review(5, "Otro texto."))).StatusCode);
        await JsonAsync(await cepal.PutAsJsonAsync($"/api/network/plans/{Plan}/review", Review(0, "Avance desigual entre las prioridades temáticas.")), HttpStatusCode.OK);
        await JsonAsync(await cepal.PostAsJsonAsync($"/api/network/plans/{Plan}/review/approve", new { version = 1 }), HttpStatusCode.OK);
        Assert.Equal(["state"], Fields(await JsonAsync(await oim.PutAsJsonAsync($"/api/network/plans/{Plan}/review", Review(2, "Cambio tardío.")), HttpStatusCode.BadRequest)));

        var shown = await JsonAsync(await app.Browser().GetAsync($"/api/network/plans/{Plan}"), HttpStatusCode.OK);
        Assert.True(shown.GetProperty("review").GetProperty("approved").GetBoolean());
        Assert.Contains("Avance desigual entre las prioridades temáticas.", await app.Browser().GetStringAsync("/network"), StringComparison.Ordinal);

        await using var db = app.CreateDb();
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "network-review" && a.EntityId == review.ToString(CultureInfo.InvariantCulture))
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal(["create", "update", "approve"], audit);
    }
}

public sealed class NetworkFollowUpTestsOnSqlite(SqliteApp app) : NetworkFollowUpTests(app), IClassFixture<SqliteApp>;

public sealed class NetworkFollowUpTestsOnPostgres(PostgresApp app) : NetworkFollowUpTests(app), IClassFixture<PostgresApp>;
