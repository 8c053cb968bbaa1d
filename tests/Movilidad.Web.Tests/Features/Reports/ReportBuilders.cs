using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Pledges;
using Movilidad.Platform.Practices;
using Movilidad.Platform.Localization;
using Movilidad.Web.Tests.Features.Monitoring;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Reports;

/// <summary>A report of the Regional Plan on Labour Mobility for the first half of a year, with the activities that fall in it.</summary>
public sealed record ReportScenario(int ReportId, int Year, string CompleteTitle, string OpenTitle, string LaterTitle, int CompleteActivityId);

/// <summary>The pledges and good practices of a year's first half, with their Spanish and English titles.</summary>
public sealed record PledgeScenario(int Year, Bilingual Visas, Bilingual Training, Bilingual Withdrawn, string Narrative, Bilingual Window, Bilingual Fairs, Bilingual Portal);

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

    /// <summary>
    /// Three pledges and three good practices around the first half of <paramref name="year"/>: a published joint pledge of
    /// Guatemala and Honduras in progress in Q1 with no Q2 update (overdue), an unpublished ILO pledge fulfilled in Q1, and a
    /// pledge withdrawn the year before; a practice published in March, one scheduled for May and not published, one published in September.
    /// </summary>
    public static async Task<PledgeScenario> PledgesAndPracticesAsync(this MovilidadApp app, int year)
    {
        var s = new PledgeScenario(
            year, new($"Visas de trabajo {year}", $"Work visas {year}"), new($"Formación de inspectores {year}", $"Inspector training {year}"),
            new($"Compromiso retirado {year}", $"Withdrawn pledge {year}"), $"Se firmaron dos acuerdos bilaterales de trabajo temporal en {year}.",
            new($"Ventanilla única {year}", $"One-stop window {year}"), new($"Ferias de empleo {year}", $"Job fairs {year}"), new($"Portal de vacantes {year}", $"Vacancy portal {year}"));
        var recorded = new DateTime(year - 1, 10, 1, 0, 0, 0, DateTimeKind.Utc);
        var ilo = await app.InstitutionIdAsync("OIT");

        Pledge Pledge(Bilingual title, bool published, int[] pledgers, int[] objectives, params PledgeUpdate[] updates) => new()
        {
            Title = title, IsPublished = published, CreatedAt = recorded, Version = 1,
            Pledgers = pledgers.Select(i => new PledgePledger { InstitutionId = i }).ToList(),
            GcmObjectives = objectives.Select(o => new PledgeGcmObjective { Objective = o }).ToList(),
            Updates = updates.ToList(),
        };

        PledgeUpdate Update(int y, int quarter, PledgeStatus status, string narrative) =>
            new() { Year = y, Quarter = quarter, Status = status, Narrative = narrative, RecordedAt = new DateTime(y, quarter * 3, 28, 0, 0, 0, DateTimeKind.Utc) };

        Practice Practice(Bilingual title, PracticeStatus status, int month, int? publishedDay) => new()
        {
            Title = title, Summary = new($"Resumen de {title.Es}.", $"Summary of {title.En}."), Body = new("Texto.", "Text."),
            InstitutionId = ilo, Status = status, SubmittedAt = recorded, ScheduledMonth = new DateOnly(year, month, 1),
            PublishedAt = publishedDay is { } day ? new DateTime(year, month, day, 15, 0, 0, DateTimeKind.Utc) : null, Version = 1,
            GcmObjectives = [new() { Objective = 18 }],
            Countries = [new() { CountryCode = "GT" }, new() { CountryCode = "CR" }],
        };

        await using var db = app.CreateDb();
        var visas = Pledge(s.Visas, true, [await app.InstitutionIdAsync("GT"), await app.InstitutionIdAsync("HN")], [6, 5], Update(year, 1, PledgeStatus.InProgress, s.Narrative));
        visas.Indicators = await db.Indicators.Where(i => i.Plan!.Key == "pe-crm-2023-2026" && (i.Key == "ind-r1" || i.Key == "ind-p1")).Select(i => new PledgeIndicator { IndicatorId = i.Id }).ToListAsync();
        db.Pledges.AddRange(
            visas,
            Pledge(s.Training, false, [ilo], [18], Update(year, 1, PledgeStatus.Fulfilled, "Se formaron 60 inspectores.")),
            Pledge(s.Withdrawn, true, [ilo], [5], Update(year - 1, 4, PledgeStatus.Withdrawn, "Sin financiamiento.")));
        db.Practices.AddRange(
            Practice(s.Window, PracticeStatus.Published, 3, 5), Practice(s.Fairs, PracticeStatus.Accepted, 5, null), Practice(s.Portal, PracticeStatus.Published, 9, 2));
        await db.SaveChangesAsync();
        return s;
    }
}
