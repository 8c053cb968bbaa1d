using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Movilidad.Web.Tests.Features.Matrix;
using Movilidad.Web.Tests.Features.Monitoring;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Plans;

/// <summary>A working group's work plan made through the API, approved by the Secretariat, with an activity that the matrix, the report and IATI follow.</summary>
public abstract class PlanCreationTests(MovilidadApp app)
{
    private static object Plan(string key, string owner, string kind = "working-group-work-plan") => new
    {
        key,
        kind,
        title = new { es = "Plan de trabajo del GT de Migración Laboral 2025-2026", en = "Labour Migration WG work plan 2025-2026" },
        summary = new { es = "Actividades del grupo.", en = "The group's activities." },
        periodStart = 2025,
        periodEnd = 2026,
        owner,
        levels = new object[]
        {
            new { key = "line", name = new { es = "Línea", en = "Line" }, actionable = false },
            new { key = "activity", name = new { es = "Actividad", en = "Activity" }, actionable = true },
        },
    };

    private static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<IReadOnlyCollection<string>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
    }

    [Fact]
    public async Task WorkingGroupPlan_DraftedByItsMembers_ApprovedBySecretariat_TakesAnActivitySeenInMatrixReportAndIati()
    {
        var key = $"gt-ml-{Guid.NewGuid():N}"[..20];
        var member = await app.ClientAsAsync("working-group-member:GT-ML");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync("/api/plans", Plan(key, "GT-PROT"))).StatusCode);
        Assert.Contains("owner", await ErrorsAsync(await (await app.ClientAsAsync("secretariat")).PostAsJsonAsync("/api/plans", Plan(key, "CRM"))));

        var plan = await CreatedAsync(await member.PostAsJsonAsync("/api/plans", Plan(key, "GT-ML")));
        var planId = plan.GetProperty("id").GetInt32();
        Assert.False(plan.GetProperty("isPublished").GetBoolean());
        Assert.Contains("key", await ErrorsAsync(await member.PostAsJsonAsync("/api/plans", Plan(key, "GT-ML"))));

        var line = await CreatedAsync(await member.PostAsJsonAsync($"/api/plans/{planId}/elements", new
        {
            level = "line", code = "1", title = new { es = "Gobernanza de la migración laboral", en = "Labour migration governance" },
        }));
        Assert.False(line.GetProperty("isActionable").GetBoolean());
        Assert.Equal(["endDate", "gcmObjectives[0]", "level"], (await ErrorsAsync(await member.PostAsJsonAsync($"/api/plans/{planId}/elements", new
        {
            level = "pillar", title = new { es = "X", en = "X" }, endDate = "2030-01-01", gcmObjectives = new[] { 24 },
        }))).Order(StringComparer.Ordinal));

        // An institution without its code, or no institution at all (the API fuzz test's input): named, not a 500.
        Assert.Equal(["institutions[0].code", "institutions[1].code", "institutions[2].code"], (await ErrorsAsync(await member.PostAsJsonAsync($"/api/plans/{planId}/elements", new
        {
            level = "line", title = new { es = "X", en = "X" }, institutions = new object?[] { new { role = "coordinator" }, null, new { code = "NO-SUCH", role = "responsible" } },
        }))).Order(StringComparer.Ordinal));
        var element = await CreatedAsync(await member.PostAsJsonAsync($"/api/plans/{planId}/elements", new
        {
            parentId = line.GetProperty("id").GetInt32(),
            level = "activity",
            code = "1.1",
            title = new { es = "Mesa técnica sobre reclutamiento equitativo", en = "Technical round table on fair recruitment" },
            text = new { es = "Dos reuniones al año.", en = "Two meetings a year." },
            startDate = "2025-02-01",
            endDate = "2026-11-30",
            institutions = new[] { new { code = "GT-ML", role = "responsible" } },
            gcmObjectives = new[] { 6 },
            sdgTargets = new[] { "8.8" },
        }));
        Assert.True(element.GetProperty("isActionable").GetBoolean());
        var elementId = element.GetProperty("id").GetInt32();

        // The Secretariat approves the draft by publishing it; the group no longer adds to the approved plan.
        var secretariat = await app.ClientAsAsync("secretariat");
        Assert.Equal(HttpStatusCode.NoContent, (await secretariat.PutAsJsonAsync($"/api/plans/{planId}/publication", new { isPublished = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync($"/api/plans/{planId}/elements", new { level = "line", title = new { es = "Otra", en = "Another" } })).StatusCode);
        var page = await app.ClientIn("es").GetStringAsync($"/elements/{elementId}");
        Assert.Contains("Mesa técnica sobre reclutamiento equitativo", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"source\"", page, StringComparison.Ordinal);
        Assert.Contains("Mesa técnica sobre reclutamiento equitativo", await app.ClientIn("es").GetStringAsync($"/plans/{key}"), StringComparison.Ordinal);

        await using (var db = app.CreateDb())
        {
            Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.EntityType == "plan-element" && e.Action == "create" && (e.EntityId == elementId.ToString(CultureInfo.InvariantCulture) || e.EntityId == line.GetProperty("id").GetInt32().ToString(CultureInfo.InvariantCulture))));
            Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == "plan" && e.Action == "create" && e.EntityId == planId.ToString(CultureInfo.InvariantCulture)));
        }

        // An activity on the group's activity (not on a Regional Plan action); none on the line, which is not actionable.
        var group = await app.WorkingGroupIdAsync();
        var body = ActivityBuilders.Activity(elementId, group, "GTML-1", "GT", "HN");
        var title = $"Mesa técnica GT-ML {Guid.NewGuid():N}"[..28];
        body["title"] = new { es = title, en = title + " (en)" };
        var refused = ActivityBuilders.Activity(line.GetProperty("id").GetInt32(), group, "GTML-0");
        Assert.Contains("actionId", await ErrorsAsync(await secretariat.PostAsJsonAsync("/api/activities", refused)));
        var activity = await CreatedAsync(await secretariat.PostAsJsonAsync("/api/activities", body));
        var activityId = activity.GetProperty("id").GetInt32();

        var matrix = await secretariat.GetAsync($"/api/matrix?language=en&plan={key}");
        Assert.Equal(HttpStatusCode.OK, matrix.StatusCode);
        using (var workbook = new MatrixWorkbook(await matrix.Content.ReadAsByteArrayAsync()))
        {
            Assert.Equal("1.1", workbook.Value(activityId, "GT", "Action"));
            Assert.Equal("1.1", workbook.Value(activityId, "HN", "Action"));
        }

        var iati = await app.ClientIn("es").GetStringAsync("/api/open-data/iati-activities.xml");
        Assert.Contains(title, iati, StringComparison.Ordinal);

        var report = await CreatedAsync(await secretariat.PostAsJsonAsync("/api/reports", new { planId, semester = "2025-S1" }));
        var preview = await secretariat.GetStringAsync($"/reports/{report.GetProperty("id").GetInt32()}");
        Assert.Contains(title, preview, StringComparison.Ordinal);
    }
}

public sealed class PlanCreationTestsOnSqlite(SqliteApp app) : PlanCreationTests(app), IClassFixture<SqliteApp>;

public sealed class PlanCreationTestsOnPostgres(PostgresApp app) : PlanCreationTests(app), IClassFixture<PostgresApp>;
