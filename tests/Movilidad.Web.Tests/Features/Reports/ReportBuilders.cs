using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Movilidad.Web.Tests.Features.Monitoring;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Reports;

/// <summary>A report of the Regional Plan on Labour Mobility for the first half of a year, with the activities that fall in it.</summary>
public sealed record ReportScenario(int ReportId, int Year, string CompleteTitle, string OpenTitle, string LaterTitle, int CompleteActivityId);

public static class ReportBuilders
{
    public const string Plan = "prml-2023-2027";

    public static async Task<int> PlanIdAsync(this MovilidadApp app)
    {
        await using var db = app.CreateDb();
        db.ShowsUnpublished = true;
        return await db.Plans.Where(p => p.Key == Plan).Select(p => p.Id).SingleAsync();
    }

    public static async Task<int> VersionAsync(this MovilidadApp app, int reportId)
    {
        await using var db = app.CreateDb();
        return await db.Reports.Where(r => r.Id == reportId).Select(r => r.Version).SingleAsync();
    }

    /// <summary>
    /// Three activities of the working group on labour migration (two in the first half of <paramref name="year"/>, under lines 1
    /// and 2, the first with a complete concept note; one in the second half) and a draft report of <paramref name="year"/>-S1.
    /// </summary>
    public static async Task<ReportScenario> ScenarioAsync(this MovilidadApp app, HttpClient secretariat, int year)
    {
        var member = await app.ClientAsAsync("working-group-member:GT-ML");
        var group = await app.WorkingGroupIdAsync();
        var suffix = year.ToString(System.Globalization.CultureInfo.InvariantCulture);

        async Task<int> ActivityAsync(string action, string code, string es, string en, string start, string end)
        {
            var body = ActivityBuilders.Activity(await app.ActionIdAsync(action), group, code, "GT", "HN", "MX");
            body["title"] = new { es, en };
            body["startDate"] = start;
            body["endDate"] = end;
            var response = await member.PostAsJsonAsync("/api/activities", body);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        }

        var complete = await ActivityAsync("1.1", "R" + suffix + "a", $"Taller de reconocimiento de competencias {year}", $"Skills recognition workshop {year}", $"{year}-03-01", $"{year}-04-30");
        var note = ActivityBuilders.CompleteConceptNote(0);
        note["startDate"] = $"{year}-03-10";
        note["endDate"] = $"{year}-03-11";
        Assert.Equal(HttpStatusCode.OK, (await member.PutAsJsonAsync($"/api/activities/{complete}/concept-note", note)).StatusCode);
        await ActivityAsync("2.1", "R" + suffix + "b", $"Guía de certificación laboral {year}", $"Labour certification guide {year}", $"{year}-05-15", $"{year}-08-31");
        await ActivityAsync("1.2", "R" + suffix + "c", $"Misión técnica de diciembre {year}", $"December technical mission {year}", $"{year}-11-01", $"{year}-12-15");

        var created = await secretariat.PostAsJsonAsync("/api/reports", new { planId = await app.PlanIdAsync(), semester = $"{year}-S1" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var report = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        return new ReportScenario(report, year, $"Taller de reconocimiento de competencias {year}", $"Guía de certificación laboral {year}", $"Misión técnica de diciembre {year}", complete);
    }
}
