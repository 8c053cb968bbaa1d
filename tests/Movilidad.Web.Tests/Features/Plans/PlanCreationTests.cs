using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Movilidad.Web.Tests.Features.Matrix;
using Movilidad.Web.Tests.Features.Monitoring;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Plans;

/// <summary>
/// A working group's work plan made through the API and through the pages, seen by its group and the Secretariat only
/// until the Secretariat approves it, with an activity that the matrix, the report and IATI follow.
/// </summary>
public abstract class PlanCreationTests(MovilidadApp app)
{
    private static object Plan(string key, string owner, string kind = "working-group-work-plan", string? title = null) => new
    {
        key,
        kind,
        title = new { es = title ?? "Plan de trabajo del GT de Migración Laboral 2025-2026", en = title ?? "Labour Migration WG work plan 2025-2026" },
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

        // The draft is the group's and the Secretariat's only: another group's member, an observer and the public do not find it.
        var secretariat = await app.ClientAsAsync("secretariat");
        var other = await app.ClientAsAsync("working-group-member:GT-PROT");
        foreach (var outsider in new[] { other, await app.ClientAsAsync("observer"), app.ClientIn("es") })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/plans/{planId}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/elements/{elementId}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/api/elements/{elementId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretariat.GetAsync($"/api/plans/{planId}")).StatusCode);

        // Approval: submitted by the group (not by another group), returned with a comment, submitted again, approved (published).
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync($"/api/plans/{planId}/submission", new { version = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync($"/api/plans/{planId}/approval", new { version = 0 })).StatusCode);
        Assert.Contains("review", await ErrorsAsync(await secretariat.PostAsJsonAsync($"/api/plans/{planId}/approval", new { version = 0 })));
        var submitted = await member.PostAsJsonAsync($"/api/plans/{planId}/submission", new { version = 0 });
        Assert.Equal("submitted", (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("review").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync($"/api/plans/{planId}/elements", new { level = "line", title = new { es = "Otra", en = "Another" } })).StatusCode);
        Assert.Contains("comment", await ErrorsAsync(await secretariat.PostAsJsonAsync($"/api/plans/{planId}/return", new { version = 1, comment = " " })));
        Assert.Equal(HttpStatusCode.OK, (await secretariat.PostAsJsonAsync($"/api/plans/{planId}/return", new { version = 1, comment = "Añadan las fechas de la segunda mesa." })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await member.PostAsJsonAsync($"/api/plans/{planId}/submission", new { version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.PostAsJsonAsync($"/api/plans/{planId}/submission", new { version = 2 })).StatusCode);
        var approved = await secretariat.PostAsJsonAsync($"/api/plans/{planId}/approval", new { version = 3 });
        Assert.True((await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("isPublished").GetBoolean());

        // The group no longer adds to the approved plan; everyone reads it.
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync($"/api/plans/{planId}/elements", new { level = "line", title = new { es = "Otra", en = "Another" } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/api/elements/{elementId}")).StatusCode);
        var page = await app.ClientIn("es").GetStringAsync($"/elements/{elementId}");
        Assert.Contains("Mesa técnica sobre reclutamiento equitativo", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"source\"", page, StringComparison.Ordinal);
        Assert.Contains("Mesa técnica sobre reclutamiento equitativo", await app.ClientIn("es").GetStringAsync($"/plans/{key}"), StringComparison.Ordinal);

        await using (var db = app.CreateDb())
        {
            Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.EntityType == "plan-element" && e.Action == "create" && (e.EntityId == elementId.ToString(CultureInfo.InvariantCulture) || e.EntityId == line.GetProperty("id").GetInt32().ToString(CultureInfo.InvariantCulture))));
            Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == "plan" && e.Action == "create" && e.EntityId == planId.ToString(CultureInfo.InvariantCulture)));
            Assert.Equal(["approve", "return", "submit", "submit"], (await db.AuditEntries.Where(e => e.EntityType == "plan" && e.EntityId == planId.ToString(CultureInfo.InvariantCulture) && e.Action != "create")
                .Select(e => e.Action).ToListAsync()).Order(StringComparer.Ordinal));
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

    [Fact]
    public async Task WorkingGroupPlan_MadeThroughThePages_IsSubmittedReturnedAndApproved_WithErrorsNamedInSpanish()
    {
        var key = $"gt-ml-web-{Guid.NewGuid():N}"[..24];
        var member = await app.ClientAsAsync("working-group-member:GT-ML");
        var other = await app.ClientAsAsync("working-group-member:GT-PROT");
        var secretariat = await app.ClientAsAsync("secretariat");
        Assert.Contains("href=\"/plans/new\"", await member.GetStringAsync("/plans"), StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/plans/new\"", await (await app.ClientAsAsync("observer")).GetStringAsync("/plans"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsAsync("observer")).GetAsync("/plans/new")).StatusCode);

        // A member is offered their group's work plan only; what is wrong is named at its field, in Spanish.
        var form = await member.GetStringAsync("/plans/new");
        Assert.Contains("value=\"WorkingGroupWorkPlan\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"StrategicPlan\"", form, StringComparison.Ordinal);
        List<KeyValuePair<string, string>> Fields(string planKey, string kind, string titleEn, string end) =>
        [
            new("Form.Kind", kind), new("Form.Owner", "GT-ML"), new("Form.Key", planKey), new("Form.TitleEs", "Plan de trabajo del GT-ML (páginas)"), new("Form.TitleEn", titleEn),
            new("Form.SummaryEs", "Hecho en la plataforma."), new("Form.SummaryEn", "Made in the platform."), new("Form.PeriodStart", "2025"), new("Form.PeriodEnd", end), new("Form.Parent", string.Empty),
            new("Form.Levels[0].Key", "line"), new("Form.Levels[0].NameEs", "Línea"), new("Form.Levels[0].NameEn", "Line"),
            new("Form.Levels[1].Key", "activity"), new("Form.Levels[1].NameEs", "Actividad"), new("Form.Levels[1].NameEn", "Activity"), new("Form.Levels[1].Actionable", "true"),
            new("Form.Levels[2].Key", string.Empty), new("Form.Levels[2].NameEs", string.Empty), new("Form.Levels[2].NameEn", string.Empty),
        ];
        var refused = await member.PostPageFormAsync("/plans/new", Fields("X!", "WorkingGroupWorkPlan", " ", "2020"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        foreach (var id in new[] { "error-key", "error-title-en", "error-periodEnd" })
        {
            Assert.Contains($"id=\"{id}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("El título en inglés es obligatorio", html, StringComparison.Ordinal);
        Assert.Contains("Plan de trabajo del GT-ML (páginas)", html, StringComparison.Ordinal);
        Assert.Contains("id=\"error-kind\"", await (await member.PostPageFormAsync("/plans/new", Fields(key, "StrategicPlan", "GT-ML work plan (pages)", "2026"))).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var created = await member.PostPageFormAsync("/plans/new", Fields(key, "WorkingGroupWorkPlan", "GT-ML work plan (pages)", "2026"));
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, $"{(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        Assert.Equal($"/plans/{key}", created.Headers.Location?.OriginalString);

        // Elements added on the form the plan's page links to: one at the top, one under it with every field.
        var page = await member.GetStringAsync($"/plans/{key}");
        Assert.Contains($"href=\"/plans/{key}/elements/new\"", page, StringComparison.Ordinal);
        Assert.Contains("data-state=\"draft\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/plans/{key}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientIn("es").GetAsync($"/plans/{key}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/plans/{key}/elements/new")).StatusCode);
        var url = $"/plans/{key}/elements/new";
        var badElement = await member.PostPageFormAsync(url, [new("Form.Level", "line"), new("Form.TitleEs", string.Empty), new("Form.TitleEn", "Governance"), new("Form.EndDate", "2030-01-01"), new("Form.GcmObjectives", "24")]);
        Assert.Equal(HttpStatusCode.BadRequest, badElement.StatusCode);
        html = await badElement.Content.ReadAsStringAsync();
        foreach (var id in new[] { "error-title-es", "error-endDate", "error-gcmObjectives" })
        {
            Assert.Contains($"id=\"{id}\"", html, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await member.PostPageFormAsync(url, [new("Form.Level", "line"), new("Form.Code", "1"), new("Form.TitleEs", "Gobernanza (páginas)"), new("Form.TitleEn", "Governance (pages)")])).StatusCode);
        int lineId;
        await using (var db = app.CreateDb())
        {
            lineId = await db.PlanElements.IgnoreQueryFilters().Where(e => e.Plan!.Key == key && e.Code == "1").Select(e => e.Id).SingleAsync();
        }

        Assert.Contains($"value=\"{lineId}\" selected", await member.GetStringAsync($"{url}?parent={lineId}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await member.PostPageFormAsync(url,
        [
            new("Form.Level", "activity"), new("Form.ParentId", lineId.ToString(CultureInfo.InvariantCulture)), new("Form.Code", "1.1"),
            new("Form.TitleEs", "Taller sobre reclutamiento equitativo"), new("Form.TitleEn", "Workshop on fair recruitment"), new("Form.TextEs", "Un taller."), new("Form.TextEn", "A workshop."),
            new("Form.Term", "Short"), new("Form.StartDate", "2025-03-01"), new("Form.EndDate", "2025-06-30"),
            new("Form.Responsible", "GT-ML"), new("Form.Accompanying", "OIM"), new("Form.Accompanying", "OIT"), new("Form.GcmObjectives", "6, 23"), new("Form.SdgTargets", "8.8 10.7"),
            new("Form.Results", "R4"), new("Form.Indicators", "R3.ML"),
        ])).StatusCode);
        int activityId;
        await using (var db = app.CreateDb())
        {
            var activity = await db.PlanElements.IgnoreQueryFilters().Include(e => e.Institutions).ThenInclude(i => i.Institution).Include(e => e.GcmObjectives).Include(e => e.SdgTargets)
                .Include(e => e.Results).ThenInclude(r => r.Result).Include(e => e.Indicators).ThenInclude(i => i.Indicator)
                .SingleAsync(e => e.Plan!.Key == key && e.Code == "1.1");
            (activityId, var institutions) = (activity.Id, activity.Institutions.Select(i => $"{i.Institution!.Code}:{i.Role}").Order(StringComparer.Ordinal).ToList());
            Assert.Equal(lineId, activity.ParentId);
            Assert.True(activity.IsActionable);
            Assert.Equal(["GT-ML:Responsible", "OIM:Accompanying", "OIT:Accompanying"], institutions);
            Assert.Equal([6, 23], activity.GcmObjectives.Select(g => g.Objective).Order());
            Assert.Equal(["10.7", "8.8"], activity.SdgTargets.Select(t => t.Target).Order(StringComparer.Ordinal));
            Assert.Equal(new DateOnly(2025, 6, 30), activity.EndDate);
            Assert.Equal(["r4"], activity.Results.Select(r => r.Result!.Key));
            Assert.Equal(["R3.ML"], activity.Indicators.Select(i => i.Indicator!.Code));
        }

        Assert.Contains("Taller sobre reclutamiento equitativo", await member.GetStringAsync($"/plans/{key}"), StringComparison.Ordinal);

        // Submitted on the plan's page; a stale version is a 409 that says so; the group adds nothing while it waits.
        var stale = await member.PostFormAsync($"/plans/{key}", $"/plans/{key}?handler=Submit", new() { ["Version"] = "7" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("data-testid=\"conflict\"", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await member.PostFormAsync($"/plans/{key}", $"/plans/{key}?handler=Submit", new() { ["Version"] = "0" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostFormAsync("/", $"/plans/{key}?handler=Submit", new() { ["Version"] = "1" })).StatusCode);

        // Returned by the Secretariat, with the comment it must have; the group reads the comment and the steps.
        var noComment = await secretariat.PostFormAsync($"/plans/{key}", $"/plans/{key}?handler=Return", new() { ["Version"] = "1", ["Comment"] = string.Empty });
        Assert.Equal(HttpStatusCode.BadRequest, noComment.StatusCode);
        Assert.Contains("id=\"error-comment\"", await noComment.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.PostFormAsync($"/plans/{key}", $"/plans/{key}?handler=Return", new() { ["Version"] = "1", ["Comment"] = "Falta la segunda mesa técnica." })).StatusCode);
        page = await member.GetStringAsync($"/plans/{key}");
        Assert.Contains("data-state=\"returned\"", page, StringComparison.Ordinal);
        Assert.Contains("Falta la segunda mesa técnica.", page, StringComparison.Ordinal);
        Assert.Contains("data-action=\"submit\"", page, StringComparison.Ordinal);
        Assert.Contains("data-action=\"return\"", page, StringComparison.Ordinal);

        // Submitted again and approved: published, read by everyone, the steps shown with who took them.
        Assert.Equal(HttpStatusCode.Redirect, (await member.PostFormAsync($"/plans/{key}", $"/plans/{key}?handler=Submit", new() { ["Version"] = "2" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostFormAsync($"/plans/{key}", $"/plans/{key}?handler=Approve", new() { ["Version"] = "3" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.PostFormAsync($"/plans/{key}", $"/plans/{key}?handler=Approve", new() { ["Version"] = "3" })).StatusCode);
        Assert.Contains("Taller sobre reclutamiento equitativo", await app.ClientIn("es").GetStringAsync($"/plans/{key}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/elements/{activityId}")).StatusCode);
        page = await secretariat.GetStringAsync($"/plans/{key}");
        Assert.Contains("data-state=\"approved\"", page, StringComparison.Ordinal);
        Assert.Contains("data-action=\"approve\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Element_NamesTheStrategicPlansResultsAndIndicators_OnTheApiAndThePages_ShownLinkedAndOnTheIndicatorPage_Audited()
    {
        var key = $"gt-ml-sp-{Guid.NewGuid():N}"[..22];
        var member = await app.ClientAsAsync("working-group-member:GT-ML");
        var other = await app.ClientAsAsync("working-group-member:GT-PROT");
        var plan = await CreatedAsync(await member.PostAsJsonAsync("/api/plans", Plan(key, "GT-ML")));
        var planId = plan.GetProperty("id").GetInt32();
        int r1, r2, r3, indicatorMl, indicatorP1, indicatorR1;
        await using (var db = app.CreateDb())
        {
            var results = await db.PlanElements.Where(e => e.Plan!.Key == "pe-crm-2023-2026" && e.Parent!.Key == "tabla2" && e.LevelKey == "expected-result").ToDictionaryAsync(e => e.Key, e => e.Id);
            (r1, r2, r3) = (results["r1"], results["r2"], results["r3"]);
            var indicators = await db.Indicators.Where(i => i.Plan!.Key == "pe-crm-2023-2026").ToDictionaryAsync(i => i.Code, i => i.Id);
            (indicatorMl, indicatorP1, indicatorR1) = (indicators["R3.ML"], indicators["P1"], indicators["R1"]);
        }

        // Unknown codes are named at their field; codes are read whatever their case.
        object Element(string[] results, string[] indicators) => new
        {
            level = "activity", code = "2.1", title = new { es = "Hoja de ruta sobre reclutamiento", en = "Road map on recruitment" }, results, indicators,
            institutions = new[] { new { code = "GT-ML", role = "responsible" } },
        };
        Assert.Equal(["indicators[1]", "results[0]"], (await ErrorsAsync(await member.PostAsJsonAsync($"/api/plans/{planId}/elements", Element(["R9"], ["P1", "Z.9"])))).Order(StringComparer.Ordinal));
        var created = await CreatedAsync(await member.PostAsJsonAsync($"/api/plans/{planId}/elements", Element(["r1", "R3"], ["r3.ml", "P1"])));
        var (id, version) = (created.GetProperty("id").GetInt32(), created.GetProperty("version").GetInt32());
        var read = await member.GetFromJsonAsync<JsonElement>($"/api/elements/{id}");
        Assert.Equal(["R1", "R3"], read.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("code").GetString()));
        Assert.Equal(["R3.ML", "P1"], read.GetProperty("indicators").EnumerateArray().Select(r => r.GetProperty("code").GetString()));

        // Linked on the element's page; listed on the indicator's page for the group, marked as a draft, and for nobody outside it.
        var page = await member.GetStringAsync($"/elements/{id}");
        Assert.Contains($"href=\"/elements/{r1}\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/indicators/{indicatorMl}\"", page, StringComparison.Ordinal);
        var indicatorPage = await member.GetStringAsync($"/indicators/{indicatorP1}");
        Assert.Contains($"href=\"/elements/{id}\"", indicatorPage, StringComparison.Ordinal);
        foreach (var outsider in new[] { other, app.ClientIn("es") })
        {
            Assert.DoesNotContain($"href=\"/elements/{id}\"", await outsider.GetStringAsync($"/indicators/{indicatorP1}"), StringComparison.Ordinal);
        }

        // Edited through the API: a stale or unknown code refused; the links replaced, the change audited with its codes.
        object Edit(int version, string[]? results, string[]? indicators) => new
        {
            version, title = new { es = "Hoja de ruta sobre reclutamiento", en = "Road map on recruitment" }, text = new { es = "", en = "" }, timeframeLabel = new { es = "", en = "" },
            footnotes = Array.Empty<object>(), results, indicators,
        };
        Assert.Equal(["indicators[0]"], await ErrorsAsync(await member.PutAsJsonAsync($"/api/elements/{id}", Edit(version, ["R2"], ["nope"]))));
        var saved = await member.PutAsJsonAsync($"/api/elements/{id}", Edit(version, ["R2"], ["R1"]));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var snapshot = await saved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["R2"], snapshot.GetProperty("results").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["R1"], snapshot.GetProperty("indicators").EnumerateArray().Select(r => r.GetString()));

        // Left out, they stay as they are.
        Assert.Equal(HttpStatusCode.OK, (await member.PutAsJsonAsync($"/api/elements/{id}", Edit(version + 1, null, null))).StatusCode);
        await using (var db = app.CreateDb())
        {
            var entry = await db.AuditEntries.Where(e => e.EntityType == "plan-element" && e.EntityId == id.ToString(CultureInfo.InvariantCulture) && e.Action == "update").OrderBy(e => e.Id).FirstAsync();
            Assert.Equal(["R1", "R3"], JsonDocument.Parse(entry.Before!).RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetString()));
            Assert.Equal(["R2"], JsonDocument.Parse(entry.After!).RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetString()));
            Assert.Equal([r2], await db.ResultContributions.Where(c => c.ElementId == id).Select(c => c.ResultId).ToListAsync());
            Assert.Equal([indicatorR1], await db.IndicatorContributions.Where(c => c.ElementId == id).Select(c => c.IndicatorId).ToListAsync());
        }

        // Edited on the page: the boxes ticked are the element's; what is ticked replaces them.
        var form = await member.GetStringAsync($"/elements/{id}/edit");
        Assert.Matches("value=\"R2\" checked", form);
        Assert.Equal(HttpStatusCode.Redirect, (await member.PostPageFormAsync($"/elements/{id}/edit",
        [
            new("Input.Version", (version + 2).ToString(CultureInfo.InvariantCulture)), new("Input.TitleEs", "Hoja de ruta sobre reclutamiento"), new("Input.TitleEn", "Road map on recruitment"),
            new("Input.Results", "R3"), new("Input.Indicators", "R3.ML"), new("Input.Indicators", "P1"),
        ])).StatusCode);
        page = await member.GetStringAsync($"/elements/{id}");
        Assert.Contains($"href=\"/elements/{r3}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/elements/{r2}\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/indicators/{indicatorP1}\"", page, StringComparison.Ordinal);

        // Once the plan is approved, everyone reads the contribution on the indicator's page.
        var secretariat = await app.ClientAsAsync("secretariat");
        Assert.Equal(HttpStatusCode.OK, (await member.PostAsJsonAsync($"/api/plans/{planId}/submission", new { version = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretariat.PostAsJsonAsync($"/api/plans/{planId}/approval", new { version = 1 })).StatusCode);
        Assert.Contains($"href=\"/elements/{id}\"", await app.ClientIn("es").GetStringAsync($"/indicators/{indicatorP1}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GroupDraft_ReadFirstByItsGroup_IsNeverServedToAnotherGroupsMember_FromACacheOrTheSearch()
    {
        // One word, letters only, in the plan's and the activity's titles: whatever page shows the draft shows it.
        var word = "zorzal" + new string(Guid.NewGuid().ToString("N")[..10].Select(c => (char)('a' + (c % 26))).ToArray());
        var key = $"gt-ml-leak-{Guid.NewGuid():N}"[..24];
        var member = await app.ClientAsAsync("working-group-member:GT-ML");
        var other = await app.ClientAsAsync("working-group-member:GT-PROT");
        var secretariat = await app.ClientAsAsync("secretariat");
        var planId = (await CreatedAsync(await member.PostAsJsonAsync("/api/plans", Plan(key, "GT-ML", title: $"Plan {word}")))).GetProperty("id").GetInt32();
        var elementId = (await CreatedAsync(await member.PostAsJsonAsync($"/api/plans/{planId}/elements", new
        {
            level = "activity", code = "1", title = new { es = $"Mesa {word}", en = $"Round table {word}" }, startDate = "2025-03-01", endDate = "2025-09-30",
        }))).GetProperty("id").GetInt32();
        var activity = ActivityBuilders.Activity(elementId, await app.WorkingGroupIdAsync(), "LEAK-1", "GT");
        activity["title"] = new { es = $"Mesa {word}", en = $"Round table {word}" };
        var activityId = (await CreatedAsync(await secretariat.PostAsJsonAsync("/api/activities", activity))).GetProperty("id").GetInt32();

        // The group reads every page first (filling whatever cache those who see unpublished content share), then the other group.
        string[] pages = ["/", "/plans", "/roadmap", $"/roadmap?plan={key}", "/api/plans"];
        foreach (var url in pages)
        {
            Assert.Contains(word, await member.GetStringAsync(url), StringComparison.Ordinal);
        }

        var matrix = $"/api/matrix?language=en&plan={key}";
        static async Task<bool> ListsAsync(HttpClient client, string url, int activity)
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var workbook = new MatrixWorkbook(await response.Content.ReadAsByteArrayAsync());
            return workbook.Rows.Any(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().FirstOrDefault() is { } cell && workbook.Text(cell) == activity.ToString(CultureInfo.InvariantCulture));
        }

        Assert.True(await ListsAsync(member, matrix, activityId));
        Assert.True(await ListsAsync(secretariat, matrix, activityId));
        foreach (var url in pages)
        {
            var response = await other.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
            Assert.DoesNotContain(word, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The search repeats the words asked for: what must not be there is the draft's activity.
        foreach (var url in new[] { $"/api/search?q={word}", $"/search?q={word}" })
        {
            Assert.DoesNotContain($"/monitoring/activities/{activityId}", await other.GetStringAsync(url), StringComparison.Ordinal);
        }

        Assert.False(await ListsAsync(other, matrix, activityId));
    }

    [Fact]
    public async Task Levels_AddedAtTheEnd_OfADraftByItsGroup_AndOfAPublishedPlanByTheSecretariat_NotOfAShippedPlan()
    {
        var key = $"gt-ml-lv-{Guid.NewGuid():N}"[..22];
        var member = await app.ClientAsAsync("working-group-member:GT-ML");
        var other = await app.ClientAsAsync("working-group-member:GT-PROT");
        var secretariat = await app.ClientAsAsync("secretariat");
        var planId = (await CreatedAsync(await member.PostAsJsonAsync("/api/plans", Plan(key, "GT-ML")))).GetProperty("id").GetInt32();
        object Level(string levelKey, string? en = "Task") => new { key = levelKey, name = new { es = "Tarea", en }, actionable = true };

        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync($"/api/plans/{planId}/levels", Level("task"))).StatusCode);
        Assert.Equal(["key", "name.en"], (await ErrorsAsync(await member.PostAsJsonAsync($"/api/plans/{planId}/levels", Level("activity", null)))).Order(StringComparer.Ordinal));
        var added = await CreatedAsync(await member.PostAsJsonAsync($"/api/plans/{planId}/levels", Level("task")));
        Assert.Equal(["line", "activity", "task"], added.GetProperty("levels").EnumerateArray().Select(l => l.GetProperty("key").GetString()));
        var task = await CreatedAsync(await member.PostAsJsonAsync($"/api/plans/{planId}/elements", new { level = "task", title = new { es = "Tarea", en = "Task" } }));
        Assert.True(task.GetProperty("isActionable").GetBoolean());

        // On the page of a published plan of the Secretariat's: what is wrong named at its field, then added and shown.
        var published = $"sec-lv-{Guid.NewGuid():N}"[..20];
        var publishedId = (await CreatedAsync(await secretariat.PostAsJsonAsync("/api/plans", Plan(published, "CRM", "work-plan")))).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await secretariat.PutAsJsonAsync($"/api/plans/{publishedId}/publication", new { isPublished = true })).StatusCode);
        var page = await secretariat.GetStringAsync($"/plans/{published}");
        Assert.Contains("data-testid=\"add-level\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"add-level\"", await member.GetStringAsync($"/plans/{published}"), StringComparison.Ordinal);
        var refused = await secretariat.PostFormAsync($"/plans/{published}", $"/plans/{published}?handler=AddLevel", new() { ["NewLevel.Key"] = "line", ["NewLevel.NameEs"] = "Meta", ["NewLevel.NameEn"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("id=\"error-newLevel-key\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"error-newLevel-name-en\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.PostFormAsync($"/plans/{published}", $"/plans/{published}?handler=AddLevel",
            new() { ["NewLevel.Key"] = "target", ["NewLevel.NameEs"] = "Meta del nivel nuevo", ["NewLevel.NameEn"] = "New level's target" })).StatusCode);
        Assert.Contains("Meta del nivel nuevo", await app.ClientIn("es").GetStringAsync($"/plans/{published}"), StringComparison.Ordinal);

        // A shipped plan keeps its document's levels; the refusal says why.
        int shipped;
        await using (var db = app.CreateDb())
        {
            shipped = await db.Plans.Where(p => p.Key == "prml-2023-2027").Select(p => p.Id).SingleAsync();
            Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.EntityType == "plan" && e.Action == "update" && (e.EntityId == planId.ToString(CultureInfo.InvariantCulture) || e.EntityId == publishedId.ToString(CultureInfo.InvariantCulture))));
        }

        var shippedRefusal = await secretariat.PostAsJsonAsync($"/api/plans/{shipped}/levels", Level("task"));
        Assert.Contains("plan", await ErrorsAsync(shippedRefusal));
    }
}

public sealed class PlanCreationTestsOnSqlite(SqliteApp app) : PlanCreationTests(app), IClassFixture<SqliteApp>;

public sealed class PlanCreationTestsOnPostgres(PostgresApp app) : PlanCreationTests(app), IClassFixture<PostgresApp>;
