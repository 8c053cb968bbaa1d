using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Institutions;
using Movilidad.Platform.Monitoring;
using Movilidad.Web.Tests.Features.Matrix;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Meetings;

/// <summary>
/// Meetings: recorded by who the brief says (the Secretariat, a working group's members for their group, a focal point
/// for their country's forum), versioned and audited, bad input refused naming the field, indicator R3 and the
/// two-meetings check counted from them, an agreement turned into an activity that the matrix lists, attachments checked
/// by content, what the public reads, and the pages.
/// </summary>
public abstract class MeetingsTests(MovilidadApp app)
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];

    private static object Body(
        string title, int version = 0, string kind = "working-group-meeting", string convener = "working-group", int? workingGroupId = null, string? country = null,
        string? table = null, string date = "2025-05-14", int? total = 20, int? women = 12, int? men = 8, object[]? participants = null, object[]? agreements = null) => new
    {
        version, kind, title = new { es = title, en = string.Empty }, date, place = "Ciudad de Guatemala", isVirtual = false, convener, workingGroupId, country, table,
        participantsTotal = total, women, men,
        agenda = new { es = "1. Plan de trabajo 2025\n2. Informe al GRCM", en = "1. 2025 work plan\n2. Report to the GRCM" },
        minutes = new { es = "Se revisó el plan de trabajo.", en = "The work plan was reviewed." },
        participants = participants ?? [],
        agreements = agreements ?? [],
    };

    private async Task<int> InstitutionAsync(string code)
    {
        await using var db = app.CreateDb();
        return await db.Institutions.Where(i => i.Code == code).Select(i => i.Id).SingleAsync();
    }

    private async Task<int> MemberStateAsync(string country)
    {
        await using var db = app.CreateDb();
        return await db.Institutions.Where(i => i.CountryCode == country && i.Kind == InstitutionKind.MemberState).Select(i => i.Id).SingleAsync();
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static HashSet<string> Fields(JsonElement problem) => problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToHashSet();

    [Fact]
    public async Task Record_ByTheGroupsMemberOrTheForumsFocalPoint_Only_VersionedAuditedAndFoundBySearch()
    {
        var ml = await InstitutionAsync("GT-ML");
        var prot = await InstitutionAsync("GT-PROT");
        var word = "Movilidadlaboral" + Guid.NewGuid().ToString("N")[..6];
        var member = await app.ClientAsAsync("working-group-member:GT-ML");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync("/api/meetings", Body(word, workingGroupId: prot))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsAsync("focal-point:GT")).PostAsJsonAsync("/api/meetings", Body(word, workingGroupId: ml))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsAsync("observer")).PostAsJsonAsync("/api/meetings", Body(word, workingGroupId: ml))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Browser().PostAsJsonAsync("/api/meetings", Body(word, workingGroupId: ml))).StatusCode);

        var created = await JsonAsync(await member.PostAsJsonAsync("/api/meetings", Body(word, workingGroupId: ml)), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal("working-group-meeting", created.GetProperty("kind").GetString());
        Assert.Equal(12, created.GetProperty("women").GetInt32());

        var moved = await JsonAsync(await member.PutAsJsonAsync($"/api/meetings/{id}", Body(word, workingGroupId: prot)), HttpStatusCode.BadRequest);
        Assert.Contains("convener", Fields(moved));
        await JsonAsync(await member.PutAsJsonAsync($"/api/meetings/{id}", Body(word + " (II)", workingGroupId: ml)), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, (await member.PutAsJsonAsync($"/api/meetings/{id}", Body(word, workingGroupId: ml))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsAsync("working-group-member:GT-PROT")).PutAsJsonAsync($"/api/meetings/{id}", Body(word, version: 1, workingGroupId: ml))).StatusCode);

        var focal = await app.ClientAsAsync("focal-point:GT");
        var forum = Body("Foro nacional de movilidad laboral", kind: "national-forum", convener: "country", country: "GT");
        await JsonAsync(await focal.PostAsJsonAsync("/api/meetings", forum), HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.PostAsJsonAsync("/api/meetings", Body("Foro", kind: "national-forum", convener: "country", country: "MX"))).StatusCode);

        var search = await JsonAsync(await member.GetAsync("/api/search?q=" + word + "&type=meeting"), HttpStatusCode.OK);
        Assert.Contains(search.GetProperty("results").EnumerateArray(), r => r.GetProperty("path").GetString() == $"/meetings/{id}");
        var anonymous = await JsonAsync(await app.Browser().GetAsync("/api/search?q=" + word + "&type=meeting"), HttpStatusCode.OK);
        Assert.Empty(anonymous.GetProperty("results").EnumerateArray());

        await using var db = app.CreateDb();
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "meeting" && a.EntityId == id.ToString(CultureInfo.InvariantCulture)).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal(["create", "update"], audit);
    }

    [Fact]
    public async Task BadInput_IsRefusedNamingTheField_NeverA500()
    {
        var secretariat = await app.ClientAsAsync("secretariat");
        var notADate = await JsonAsync(await secretariat.PostAsJsonAsync("/api/meetings", Body("Reunión", workingGroupId: 1, date: "2025-02-30")), HttpStatusCode.BadRequest);
        Assert.Contains("date", Fields(notADate));

        var moreBySex = await JsonAsync(await secretariat.PostAsJsonAsync("/api/meetings", Body("Reunión", workingGroupId: await InstitutionAsync("GT-ML"), total: 10, women: 7, men: 6)), HttpStatusCode.BadRequest);
        Assert.Equal(["participantsTotal"], Fields(moreBySex));
        Assert.Contains("more than the total", moreBySex.GetProperty("errors").GetProperty("participantsTotal")[0].GetString(), StringComparison.Ordinal);

        var unknownBody = await JsonAsync(await secretariat.PostAsJsonAsync("/api/meetings", Body("Reunión", workingGroupId: await MemberStateAsync("GT"))), HttpStatusCode.BadRequest);
        Assert.Equal(["workingGroupId"], Fields(unknownBody));

        var many = await JsonAsync(await secretariat.PostAsJsonAsync("/api/meetings", new
        {
            version = 0, kind = "seminar", convener = "nobody", title = new { es = string.Empty, en = string.Empty }, date = "2025-05-14", place = string.Empty, isVirtual = false,
            participantsTotal = -1, participants = new object[] { new { institutionId = 999_999, actor = "aliens", people = 0 } },
            agreements = new object[] { new { id = 999_999, text = new { es = string.Empty, en = string.Empty }, ownerId = 999_999 } },
        }), HttpStatusCode.BadRequest);
        Assert.Superset(new HashSet<string>
        {
            "kind", "convener", "title.es", "place", "participantsTotal", "participants[0].actor", "participants[0].institutionId", "participants[0].people",
            "agreements[0].id", "agreements[0].text.es", "agreements[0].ownerId",
        }, Fields(many));
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.PutAsJsonAsync("/api/meetings/999999", Body("x", workingGroupId: 1))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.GetAsync("/api/meetings/999999")).StatusCode);
    }

    [Fact]
    public async Task R3_CountsMeetingsHeldAndActivitiesDonePerYear_AndFlagsAGroupBelowTwo()
    {
        int group;
        await using (var db = app.CreateDb())
        {
            var institution = new Institution { Code = "GT-R3-" + Guid.NewGuid().ToString("N")[..6], Kind = InstitutionKind.WorkingGroup, Acronym = new("GT-R3", "GT-R3"), Name = new("Grupo de prueba", "Test group") };
            db.Institutions.Add(institution);
            await db.SaveChangesAsync();
            group = institution.Id;
            var action = await db.PlanElements.Where(e => e.IsActionable).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
            db.Activities.Add(new Activity { ActionId = action, Code = "R3-" + Guid.NewGuid().ToString("N")[..8], Title = new("Taller", "Workshop"), WorkingGroupId = group, Status = ActivityStatus.Done, EndDate = new DateOnly(2025, 9, 30), CreatedAt = DateTime.UtcNow });
            db.Activities.Add(new Activity { ActionId = action, Code = "R3-" + Guid.NewGuid().ToString("N")[..8], Title = new("Taller", "Workshop"), WorkingGroupId = group, Status = ActivityStatus.InProgress, EndDate = new DateOnly(2025, 10, 30), CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        var secretariat = await app.ClientAsAsync("secretariat");
        foreach (var date in new[] { "2024-03-01", "2024-10-01", "2025-06-01" })
        {
            await JsonAsync(await secretariat.PostAsJsonAsync("/api/meetings", Body("Reunión del grupo de prueba", workingGroupId: group, date: date)), HttpStatusCode.Created);
        }

        var years = (await JsonAsync(await (await app.ClientAsAsync("observer")).GetAsync($"/api/meetings/per-year?workingGroup={group}"), HttpStatusCode.OK)).EnumerateArray().ToList();
        var y2024 = years.Single(y => y.GetProperty("year").GetInt32() == 2024);
        var y2025 = years.Single(y => y.GetProperty("year").GetInt32() == 2025);
        Assert.Equal((2, 0, 2, false), (y2024.GetProperty("meetings").GetInt32(), y2024.GetProperty("activitiesDone").GetInt32(), y2024.GetProperty("r3").GetInt32(), y2024.GetProperty("belowTwo").GetBoolean()));
        Assert.Equal((1, 1, 2, true), (y2025.GetProperty("meetings").GetInt32(), y2025.GetProperty("activitiesDone").GetInt32(), y2025.GetProperty("r3").GetInt32(), y2025.GetProperty("belowTwo").GetBoolean()));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsAsync("civil-society")).GetAsync("/api/meetings/per-year")).StatusCode);

        var list = await (await app.ClientAsAsync("observer")).GetStringAsync("/meetings");
        Assert.Contains("data-testid=\"per-year\"", list, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"below-two\"", list, StringComparison.Ordinal);

        await using var read = app.CreateDb();
        var r3 = await read.Indicators.Where(i => i.Code == "R3.ML").Select(i => i.Id).SingleAsync();
        var page = await (await app.ClientAsAsync("observer")).GetStringAsync($"/indicators/{r3}");
        Assert.Contains("data-testid=\"r3\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAgreement_BecomesAnActivityInOneClick_LinkedBothWays_AndTheMatrixListsIt()
    {
        int action;
        await using (var db = app.CreateDb())
        {
            action = await db.PlanElements.Where(e => e.IsActionable && e.Plan!.Key == "prml-2023-2027").OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
        }

        var gt = await MemberStateAsync("GT");
        var hn = await MemberStateAsync("HN");
        var member = await app.ClientAsAsync("working-group-member:GT-ML");
        var created = await JsonAsync(await member.PostAsJsonAsync("/api/meetings", Body(
            "Reunión con acuerdos", workingGroupId: await InstitutionAsync("GT-ML"),
            participants: [new { institutionId = gt, actor = "labour-authority", people = 3 }, new { institutionId = hn, actor = "migration-authority", people = 2 }, new { name = "Cámara de comercio", actor = "employers", people = 1 }],
            agreements: [new { text = new { es = "Elaborar una guía de contratación equitativa", en = string.Empty }, ownerId = gt, dueDate = "2026-06-30" }])), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        var agreement = created.GetProperty("agreements")[0].GetProperty("id").GetInt32();
        Assert.Equal("GT", created.GetProperty("participants")[0].GetProperty("country").GetString());

        Assert.Equal(HttpStatusCode.Conflict, (await member.PostAsJsonAsync($"/api/meetings/{id}/agreements/{agreement}/activity", new { version = 5, actionId = action })).StatusCode);
        var linked = await JsonAsync(await member.PostAsJsonAsync($"/api/meetings/{id}/agreements/{agreement}/activity", new { version = 0, actionId = action }), HttpStatusCode.OK);
        var activity = linked.GetProperty("agreements")[0].GetProperty("activityId").GetInt32();
        var again = await JsonAsync(await member.PostAsJsonAsync($"/api/meetings/{id}/agreements/{agreement}/activity", new { version = 1, actionId = action }), HttpStatusCode.BadRequest);
        Assert.Contains("agreementId", Fields(again));

        var observer = await app.ClientAsAsync("observer");
        var saved = await JsonAsync(await observer.GetAsync($"/api/activities/{activity}"), HttpStatusCode.OK);
        Assert.Equal($"R{id}-A{agreement}", saved.GetProperty("code").GetString());
        Assert.Equal("Elaborar una guía de contratación equitativa", saved.GetProperty("title").GetProperty("en").GetString());
        Assert.Contains($"/meetings/{id}", saved.GetProperty("description").GetProperty("es").GetString(), StringComparison.Ordinal);
        Assert.Equal("2026-06-30", saved.GetProperty("endDate").GetString());
        Assert.Equal(["GT", "HN"], saved.GetProperty("countries").EnumerateArray().Select(c => c.GetProperty("country").GetString()));

        var page = await observer.GetStringAsync($"/meetings/{id}");
        Assert.Contains($"href=\"/monitoring/activities/{activity}\"", page, StringComparison.Ordinal);
        var back = await observer.GetStringAsync($"/monitoring/activities/{activity}");
        Assert.Contains($"<p data-testid=\"from-meeting\">Surgió de un acuerdo de la reunión <a href=\"/meetings/{id}\">", back, StringComparison.Ordinal);

        var matrix = await observer.GetAsync("/api/matrix?language=es&plan=prml-2023-2027");
        using var workbook = new MatrixWorkbook(await matrix.Content.ReadAsByteArrayAsync());
        Assert.NotNull(workbook.Row(activity, "GT"));
        Assert.NotNull(workbook.Row(activity, "HN"));

        var kept = await JsonAsync(await member.PutAsJsonAsync($"/api/meetings/{id}", Body("Reunión con acuerdos", version: 1, workingGroupId: await InstitutionAsync("GT-ML"))), HttpStatusCode.BadRequest);
        Assert.Contains("agreements", Fields(kept));
    }

    [Fact]
    public async Task Attachments_AreCheckedByContent_AndServedWithTheirDigest()
    {
        var focal = await app.ClientAsAsync("focal-point:GT");
        var created = await JsonAsync(await focal.PostAsJsonAsync("/api/meetings", Body("Foro con anexos", kind: "national-forum", convener: "country", country: "GT")), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        var disguised = await JsonAsync(await focal.PostAsync($"/api/meetings/{id}/files", new MultipartFormDataContent { { new StringContent("0"), "version" }, { new ByteArrayContent(Png), "file", "acta.pdf" } }), HttpStatusCode.BadRequest);
        Assert.Contains("file", Fields(disguised));
        async Task<string> RefusalInAsync(string language)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/meetings/{id}/files")
            {
                Content = new MultipartFormDataContent { { new StringContent("0"), "version" }, { new ByteArrayContent(Png), "file", "acta.pdf" } },
            };
            request.Headers.AcceptLanguage.Add(new System.Net.Http.Headers.StringWithQualityHeaderValue(language));
            return (await JsonAsync(await focal.SendAsync(request), HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("file")[0].GetString()!;
        }

        var check = Movilidad.Platform.Knowledge.RepositoryFiles.Check("acta.pdf", Png);
        Assert.Equal(check.ErrorEs, await RefusalInAsync("es"));
        Assert.Equal(check.ErrorEn, await RefusalInAsync("en"));
        var other = await app.ClientAsAsync("focal-point:MX");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync($"/api/meetings/{id}/files", new MultipartFormDataContent { { new StringContent("0"), "version" }, { new ByteArrayContent(Png), "file", "lista.png" } })).StatusCode);
        var attached = await JsonAsync(await focal.PostAsync($"/api/meetings/{id}/files", new MultipartFormDataContent { { new StringContent("0"), "version" }, { new ByteArrayContent(Png), "file", "lista.png" } }), HttpStatusCode.OK);
        var file = attached.GetProperty("files")[0];
        Assert.Equal("image/png", file.GetProperty("contentType").GetString());
        var download = await focal.GetAsync($"/api/meetings/{id}/files/{file.GetProperty("id").GetInt32()}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Png, await download.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("sha-256=", download.Headers.GetValues("Digest").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync($"/api/meetings/{id}/files/{file.GetProperty("id").GetInt32()}")).StatusCode);
    }

    [Fact]
    public async Task ThePublic_ReadsTheCivilSocietyTablesMeetingsOnly()
    {
        var secretariat = await app.ClientAsAsync("secretariat");
        var table = await JsonAsync(await secretariat.PostAsJsonAsync("/api/meetings", Body("Mesa de vinculación", kind: "civil-society-table", convener: "table", table: "Mesa de Vinculación")), HttpStatusCode.Created);
        var closed = await JsonAsync(await secretariat.PostAsJsonAsync("/api/meetings", Body("Reunión del GRCM", kind: "grcm", convener: "presidency")), HttpStatusCode.Created);
        var anonymous = app.Browser();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/meetings/{table.GetProperty("id").GetInt32()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/meetings/{closed.GetProperty("id").GetInt32()}")).StatusCode);
        var list = await JsonAsync(await anonymous.GetAsync("/api/meetings?size=200"), HttpStatusCode.OK);
        Assert.All(list.GetProperty("items").EnumerateArray(), m => Assert.Equal("civil-society-table", m.GetProperty("kind").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientAsAsync("civil-society")).GetAsync($"/meetings/{closed.GetProperty("id").GetInt32()}")).StatusCode);
        Assert.Contains("Mesa de vinculación", await app.ClientIn("es").GetStringAsync($"/meetings/{table.GetProperty("id").GetInt32()}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registers_ShowEachCountrysForumAndEachTable_WithGapsAsGaps()
    {
        var focal = await app.ClientAsAsync("focal-point:GT");
        await JsonAsync(await focal.PostAsJsonAsync("/api/meetings", Body("Foro nacional sobre movilidad laboral", kind: "national-forum", convener: "country", country: "GT",
            participants: [new { institutionId = await MemberStateAsync("GT"), actor = "social-security-authority", people = 2 }, new { name = "Confederación sindical", actor = "workers", people = 1 }])), HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.PostAsJsonAsync("/api/meetings", Body("Mesa temática de trabajo decente", kind: "civil-society-table", convener: "table", table: "Mesa de Trabajo Decente"))).StatusCode);
        await JsonAsync(await (await app.ClientAsAsync("secretariat")).PostAsJsonAsync("/api/meetings", Body("Mesa temática de trabajo decente", kind: "civil-society-table", convener: "table", table: "Mesa de Trabajo Decente",
            participants: [new { name = "Red de organizaciones migrantes", actor = "civil-society", people = 4 }])), HttpStatusCode.Created);

        var forums = await (await app.ClientAsAsync("observer")).GetStringAsync("/meetings/forums");
        var gt = forums[forums.IndexOf("data-testid=\"forum-GT\"", StringComparison.Ordinal)..];
        Assert.Contains("Autoridad de seguridad social", gt[..gt.IndexOf("</section>", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Contains("Confederación sindical", gt[..gt.IndexOf("</section>", StringComparison.Ordinal)], StringComparison.Ordinal);
        var bz = forums[forums.IndexOf("data-testid=\"forum-BZ\"", StringComparison.Ordinal)..];
        Assert.Contains("No hay ninguna reunión de foro nacional registrada", bz[..bz.IndexOf("</section>", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsAsync("civil-society")).GetAsync("/meetings/forums")).StatusCode);

        var tables = await app.ClientIn("en").GetStringAsync("/meetings/tables");
        Assert.Contains("Mesa de Trabajo Decente", tables, StringComparison.Ordinal);
        Assert.Contains("Red de organizaciones migrantes", tables, StringComparison.Ordinal);
        Assert.DoesNotContain("Foro nacional sobre movilidad laboral", tables, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_RecordAMeetingThroughTheForm_AndShowErrorsAtTheirField()
    {
        var ml = (await InstitutionAsync("GT-ML")).ToString(CultureInfo.InvariantCulture);
        var person = await app.AddPersonAsync($"{Guid.NewGuid():N}@example.org", twoFactor: false, "working-group-member:GT-ML");
        var client = await app.SignInAsync(person);
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new System.Net.Http.Headers.StringWithQualityHeaderValue("es"));
        Assert.Contains("href=\"/meetings/edit\"", await client.GetStringAsync("/meetings"), StringComparison.Ordinal);
        var refused = await client.PostPageFormAsync("/meetings/edit", [new("Form.Version", "0"), new("Form.Kind", "working-group-meeting"), new("Form.Convener", "working-group"), new("Form.WorkingGroupId", ml), new("Form.Date", "el martes"), new("Form.Women", "muchas")]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("id=\"error-date\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"error-women\"", html, StringComparison.Ordinal);

        var bySex = await client.PostPageFormAsync("/meetings/edit",
        [
            new("Form.Version", "0"), new("Form.Kind", "working-group-meeting"), new("Form.Convener", "working-group"), new("Form.WorkingGroupId", ml), new("Form.TitleEs", "Reunión"),
            new("Form.Date", "14/05/2025"), new("Form.Place", "San José"), new("Form.ParticipantsTotal", "5"), new("Form.Women", "4"), new("Form.Men", "3"),
        ]);
        Assert.Equal(HttpStatusCode.BadRequest, bySex.StatusCode);
        Assert.Contains("id=\"error-participantsTotal\"", await bySex.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var title = "Segunda reunión ordinaria del GT-ML " + Guid.NewGuid().ToString("N")[..6];
        var saved = await client.PostPageFormAsync("/meetings/edit",
        [
            new("Form.Version", "0"), new("Form.Kind", "working-group-meeting"), new("Form.Convener", "working-group"), new("Form.WorkingGroupId", ml), new("Form.TitleEs", title),
            new("Form.Date", "14/05/2025"), new("Form.Place", "San José"), new("Form.ParticipantsTotal", "15"), new("Form.Women", "9"), new("Form.Men", "6"),
            new("Form.Participants[0].InstitutionId", (await MemberStateAsync("CR")).ToString(CultureInfo.InvariantCulture)), new("Form.Participants[0].Actor", "social-security-authority"), new("Form.Participants[0].People", "4"),
            new("Form.Participants[1].Actor", "academia"), new("Form.Participants[1].People", ""),
            new("Form.Agreements[0].TextEs", "Presentar el informe al GRCM"), new("Form.Agreements[0].DueDate", "30/11/2025"),
        ]);
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var page = await client.GetStringAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains(title, page, StringComparison.Ordinal);
        Assert.Contains("Autoridad de seguridad social", page, StringComparison.Ordinal);
        Assert.Contains("9 mujeres, 6 hombres", page, StringComparison.Ordinal);
        Assert.Contains("Presentar el informe al GRCM", page, StringComparison.Ordinal);
        Assert.Contains("Convertir en actividad", page, StringComparison.Ordinal);
    }
}

public sealed class MeetingsTestsOnSqlite(SqliteApp app) : MeetingsTests(app), IClassFixture<SqliteApp>;

public sealed class MeetingsTestsOnPostgres(PostgresApp app) : MeetingsTests(app), IClassFixture<PostgresApp>;
