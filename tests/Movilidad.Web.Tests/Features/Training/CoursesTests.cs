using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Institutions;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Training;

/// <summary>The training catalogue: the shipped courses with their sources, filters and paging, recording and editing by who the issue says, field-named errors, versions, audit, search, and the pages.</summary>
public abstract class CoursesTests(MovilidadApp app)
{
    private static object Body(int provider, string title, int version = 0, string? currency = "USD", string? url = "https://example.org/inscripcion") => new
    {
        version,
        kind = "diplomado",
        modality = "hybrid",
        title = new { es = title, en = string.Empty },
        summary = new { es = "Formación para funcionariado sobre reclutamiento ético de trabajadores agrícolas temporales.", en = "Training for officials on ethical recruitment of temporary farm workers." },
        providerId = provider,
        providerName = new { es = "Ministerio de Trabajo", en = "Ministry of Labour" },
        languages = new[] { "es" },
        audiences = new[] { "public-officials", "returnees" },
        topics = new[] { "fair-recruitment" },
        occupations = new[] { "6111" },
        countries = new[] { "GT" },
        lines = new[] { "1.1" },
        startDate = "2027-02-01",
        endDate = "2027-06-30",
        hours = 120,
        cost = 250,
        currency,
        certification = new { es = "Diploma universitario", en = "University diploma" },
        url,
        notes = new { es = string.Empty, en = string.Empty },
    };

    private async Task<int> InstitutionAsync(string country)
    {
        await using var db = app.CreateDb();
        return await db.Institutions.Where(i => i.CountryCode == country && i.Kind == InstitutionKind.MemberState).Select(i => i.Id).SingleAsync();
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task ShippedCourses_AreInTheCatalogueWithTheirFactsAndSources()
    {
        var anonymous = app.Browser();
        var list = await JsonAsync(await anonymous.GetAsync("/api/courses?size=200"), HttpStatusCode.OK);
        Assert.True(list.GetProperty("total").GetInt32() >= 10);
        var academy = list.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("title").GetProperty("en").GetString() == "E-Academy on Labour Migration");
        var course = await JsonAsync(await anonymous.GetAsync($"/api/courses/{academy.GetProperty("id").GetInt32()}"), HttpStatusCode.OK);
        Assert.Equal("virtual", course.GetProperty("modality").GetString());
        Assert.Equal("2023-07-10", course.GetProperty("startDate").GetString());
        Assert.Equal("itcilo-e-academy-labour-migration", course.GetProperty("shippedKey").GetString());
        Assert.Contains("itcilo-e-lma-2023", course.GetProperty("sources").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains("not verified", course.GetProperty("notes").GetProperty("en").GetString());

        var page = await app.ClientIn("es").GetStringAsync($"/courses/{academy.GetProperty("id").GetInt32()}");
        Assert.Contains("E-Academia sobre Migración Laboral", page);
        Assert.Contains("https://www.itcilo.org/courses/e-academy-labour-migration", page);
        Assert.Contains("data-testid=\"sources\"", page);
    }

    [Fact]
    public async Task Catalogue_FiltersByModalityTopicAndCountry_AndPages()
    {
        var anonymous = app.Browser();
        var inPerson = await JsonAsync(await anonymous.GetAsync("/api/courses?modality=in-person&topic=social-protection"), HttpStatusCode.OK);
        Assert.NotEmpty(inPerson.GetProperty("items").EnumerateArray());
        Assert.All(inPerson.GetProperty("items").EnumerateArray(), c =>
        {
            Assert.Equal("in-person", c.GetProperty("modality").GetString());
            Assert.Contains("social-protection", c.GetProperty("topics").EnumerateArray().Select(t => t.GetString()));
        });
        var mexico = await JsonAsync(await anonymous.GetAsync("/api/courses?country=MX"), HttpStatusCode.OK);
        Assert.All(mexico.GetProperty("items").EnumerateArray(), c => Assert.Contains("MX", c.GetProperty("countries").EnumerateArray().Select(t => t.GetString())));
        Assert.NotEmpty(mexico.GetProperty("items").EnumerateArray());

        var firstPage = await JsonAsync(await anonymous.GetAsync("/api/courses?size=25&start=0"), HttpStatusCode.OK);
        Assert.Equal(25, firstPage.GetProperty("size").GetInt32());
        var html = await app.ClientIn("es").GetStringAsync("/courses?modality=in-person&topic=social-protection");
        Assert.Contains("Turín", html, StringComparison.Ordinal);
        Assert.DoesNotContain("E-Academy on Labour Migration", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_ByTheFocalPointOfTheProvidersCountry_AuditedFoundBySearch_AndEditedWithItsVersion()
    {
        var gt = await InstitutionAsync("GT");
        var mx = await InstitutionAsync("MX");
        var title = "Diplomado en reclutamiento ético " + Guid.NewGuid().ToString("N")[..6];
        var focal = await app.ClientAsAsync("focal-point:GT");
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.PostAsJsonAsync("/api/courses", Body(mx, title))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsAsync("civil-society")).PostAsJsonAsync("/api/courses", Body(gt, title))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Browser().PostAsJsonAsync("/api/courses", Body(gt, title))).StatusCode);

        var created = await JsonAsync(await focal.PostAsJsonAsync("/api/courses", Body(gt, title)), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal(["en"], created.GetProperty("missingLanguages").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(250m, created.GetProperty("cost").GetDecimal());

        var search = await JsonAsync(await app.Browser().GetAsync("/api/search?q=" + Uri.EscapeDataString("reclutamiento ético agrícolas") + "&type=course"), HttpStatusCode.OK);
        Assert.Contains(search.GetProperty("results").EnumerateArray(), r => r.GetProperty("path").GetString() == $"/courses/{id}");

        var moved = await JsonAsync(await focal.PutAsJsonAsync($"/api/courses/{id}", Body(mx, title, version: 0)), HttpStatusCode.BadRequest);
        Assert.True(moved.GetProperty("errors").TryGetProperty("providerId", out _));
        await JsonAsync(await focal.PutAsJsonAsync($"/api/courses/{id}", Body(gt, title + " (2027)", version: 0)), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, (await focal.PutAsJsonAsync($"/api/courses/{id}", Body(gt, title, version: 0))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsAsync("focal-point:MX")).PutAsJsonAsync($"/api/courses/{id}", Body(gt, title, version: 1))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsAsync("observer")).PutAsJsonAsync($"/api/courses/{id}", Body(gt, title, version: 1))).StatusCode);

        await using var db = app.CreateDb();
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "course" && a.EntityId == id.ToString(CultureInfo.InvariantCulture)).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal(["create", "update"], audit);
    }

    [Fact]
    public async Task AnObserverRecordsAnyProvidersCourse_AndEditsOnlyItsOwn()
    {
        var mx = await InstitutionAsync("MX");
        var observer = await app.ClientAsAsync("observer");
        var created = await JsonAsync(await observer.PostAsJsonAsync("/api/courses", Body(mx, "Curso de la agencia")), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        await JsonAsync(await observer.PutAsJsonAsync($"/api/courses/{id}", Body(mx, "Curso de la agencia, 2.ª edición", version: 0)), HttpStatusCode.OK);
        await JsonAsync(await (await app.ClientAsAsync("focal-point:MX")).PutAsJsonAsync($"/api/courses/{id}", Body(mx, "Curso revisado", version: 1)), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsAsync("observer")).PutAsJsonAsync($"/api/courses/{id}", Body(mx, "Curso ajeno", version: 2))).StatusCode);
    }

    [Fact]
    public async Task BadInput_IsRefusedNamingEveryField_NeverA500()
    {
        var secretariat = await app.ClientAsAsync("secretariat");
        var body = new
        {
            version = 0, kind = "seminar", modality = "online", title = new { es = new string('x', 100_000), en = string.Empty }, providerId = 999_999,
            languages = new[] { "ESP" }, audiences = new[] { "aliens" }, topics = new[] { "astrology" }, countries = new[] { "XX" }, lines = new[] { "99.99" },
            occupations = new[] { "0000" }, startDate = "2027-06-01", endDate = "2027-01-01", hours = -3, cost = 10, currency = "ZZZ", url = "javascript:alert(1)",
        };
        var problem = await JsonAsync(await secretariat.PostAsJsonAsync("/api/courses", body), HttpStatusCode.BadRequest);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "kind", "modality", "title.es", "providerId", "languages[0]", "audiences[0]", "topics[0]", "countries[0]", "lines[0]", "occupations[0]", "endDate", "hours", "currency", "url" }, fields);
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.PutAsJsonAsync("/api/courses/999999", Body(1, "x"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync("/api/courses/999999")).StatusCode);
    }

    [Fact]
    public async Task Interest_IsOneRowPerPerson_Idempotent_Audited_AndOnlyTheProviderSeesWhoAndHowMany()
    {
        var gt = await InstitutionAsync("GT");
        var created = await JsonAsync(await (await app.ClientAsAsync("secretariat")).PostAsJsonAsync("/api/courses", Body(gt, "Curso con interesados " + Guid.NewGuid().ToString("N")[..6])), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        var interest = $"/api/courses/{id}/interest";
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Browser().PostAsync(interest, null)).StatusCode);

        var person = await app.ClientAsAsync("civil-society");
        var first = await JsonAsync(await person.PostAsync(interest, null), HttpStatusCode.OK);
        Assert.True(first.GetProperty("interested").GetBoolean());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("count").ValueKind);
        Assert.Equal(JsonValueKind.Null, first.GetProperty("people").ValueKind);
        await JsonAsync(await person.PostAsync(interest, null), HttpStatusCode.OK);
        await JsonAsync(await (await app.ClientAsAsync("observer")).PostAsync(interest, null), HttpStatusCode.OK);

        var provider = await app.ClientAsAsync("focal-point:GT");
        var seen = await JsonAsync(await provider.GetAsync(interest), HttpStatusCode.OK);
        Assert.Equal(2, seen.GetProperty("count").GetInt32());
        Assert.Equal(2, seen.GetProperty("people").GetArrayLength());
        Assert.All(seen.GetProperty("people").EnumerateArray(), p => Assert.EndsWith("@example.org", p.GetProperty("email").GetString(), StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, (await person.GetAsync(interest)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsAsync("focal-point:MX")).GetAsync(interest)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await person.PostAsync("/api/courses/999999/interest", null)).StatusCode);

        var withdrawn = await JsonAsync(await person.DeleteAsync(interest), HttpStatusCode.OK);
        Assert.False(withdrawn.GetProperty("interested").GetBoolean());
        await JsonAsync(await person.DeleteAsync(interest), HttpStatusCode.OK);
        var own = await JsonAsync(await provider.PostAsync(interest, null), HttpStatusCode.OK);
        Assert.Equal(2, own.GetProperty("count").GetInt32());

        await using var db = app.CreateDb();
        Assert.Equal(2, await db.CourseInterests.CountAsync(i => i.CourseId == id));
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "course-interest" && a.EntityId == id.ToString(CultureInfo.InvariantCulture))
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal(["interest", "interest", "withdraw-interest", "interest"], audit);
    }

    [Fact]
    public async Task Interest_ThroughTheCoursePage_AndTheProvidersPageCountsIt()
    {
        var gt = await InstitutionAsync("GT");
        var title = "Curso de la página de interés " + Guid.NewGuid().ToString("N")[..6];
        var id = (await JsonAsync(await (await app.ClientAsAsync("secretariat")).PostAsJsonAsync("/api/courses", Body(gt, title)), HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var anonymous = await app.ClientIn("es").GetStringAsync($"/courses/{id}");
        Assert.Contains("Inicie sesión para indicar que le interesa", anonymous, StringComparison.Ordinal);

        var reader = await app.SignInAsync(await app.AddPersonAsync($"{Guid.NewGuid():N}@example.org", twoFactor: false, "civil-society"));
        var saved = await reader.PostPageFormAsync($"/courses/{id}?handler=Interest", [new("Interested", "true")]);
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var page = await reader.GetStringAsync($"/courses/{id}");
        Assert.Contains("data-testid=\"interested\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"interest-count\"", page, StringComparison.Ordinal);

        var provider = await app.SignInAsync(await app.AddPersonAsync($"{Guid.NewGuid():N}@example.org", twoFactor: false, "focal-point:GT"));
        var providerPage = await provider.GetStringAsync($"/courses/{id}");
        Assert.Matches("data-testid=\"interest-count\">[^<]*: 1<", providerPage);
        Assert.Contains($"/courses/{id}/history", providerPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_ListsTheCoursesVersionsWithLabelledFields_ForThoseWhoMayChangeIt()
    {
        var gt = await InstitutionAsync("GT");
        var focal = await app.ClientAsAsync("focal-point:GT");
        var title = "Curso con historia " + Guid.NewGuid().ToString("N")[..6];
        var id = (await JsonAsync(await focal.PostAsJsonAsync("/api/courses", Body(gt, title)), HttpStatusCode.Created)).GetProperty("id").GetInt32();
        await JsonAsync(await focal.PutAsJsonAsync($"/api/courses/{id}", Body(gt, title + " (2028)", version: 0)), HttpStatusCode.OK);

        var person = await app.AddPersonAsync($"{Guid.NewGuid():N}@example.org", twoFactor: false, "focal-point:GT");
        var client = await app.SignInAsync(person);
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new System.Net.Http.Headers.StringWithQualityHeaderValue("es"));
        var history = await client.GetAsync($"/courses/{id}/history");
        Assert.Equal(HttpStatusCode.OK, history.StatusCode);
        var html = await history.Content.ReadAsStringAsync();
        Assert.Contains("(2028)", html, StringComparison.Ordinal);
        Assert.Contains("Título (español)", html, StringComparison.Ordinal);
        var other = await (await app.SignInAsync(await app.AddPersonAsync($"{Guid.NewGuid():N}@example.org", twoFactor: false, "focal-point:MX"))).GetAsync($"/courses/{id}/history");
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.Contains("/account/denied", other.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calendar_ShowsTheMonthWithTheListsFilters_UndatedApart_AndTheIcsReadsBack()
    {
        var gt = await InstitutionAsync("GT");
        var secretariat = await app.ClientAsAsync("secretariat");
        var tag = Guid.NewGuid().ToString("N")[..6];
        var dated = (await JsonAsync(await secretariat.PostAsJsonAsync("/api/courses", Body(gt, "Curso de marzo, con coma; y punto " + tag)), HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var undated = Body(gt, "Curso sin fechas " + tag);
        var json = JsonSerializer.SerializeToNode(undated)!.AsObject();
        json["startDate"] = null;
        json["endDate"] = null;
        json["countries"] = new System.Text.Json.Nodes.JsonArray("GT");
        var undatedId = (await JsonAsync(await secretariat.PostAsJsonAsync("/api/courses", json), HttpStatusCode.Created)).GetProperty("id").GetInt32();

        var spanish = app.ClientIn("es");
        var february = await spanish.GetStringAsync("/courses/calendar?month=2027-02&country=GT&kind=diplomado");
        Assert.Contains("Febrero de 2027", february, StringComparison.Ordinal);
        Assert.Contains($"href=\"/courses/{dated}\"", february, StringComparison.Ordinal);
        Assert.Contains($"href=\"/courses/{undatedId}\"", february, StringComparison.Ordinal);
        Assert.Contains("title=\"Lunes\"", february, StringComparison.Ordinal);
        Assert.Contains("month=2027-03", february, StringComparison.Ordinal);
        var march = await spanish.GetStringAsync("/courses/calendar?month=2027-03&country=GT&kind=diplomado");
        Assert.Contains("data-testid=\"ongoing\"", march, StringComparison.Ordinal);
        var english = await app.ClientIn("en").GetStringAsync("/courses/calendar?month=2027-02&kind=workshop");
        Assert.Contains("February 2027", english, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/courses/{dated}\"", english, StringComparison.Ordinal);
        var unread = await spanish.GetAsync("/courses/calendar?month=2027-13");
        Assert.Equal(HttpStatusCode.OK, unread.StatusCode);
        Assert.Contains("data-testid=\"month-unread\"", await unread.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var ics = await spanish.GetAsync("/api/courses/calendar.ics?country=GT&kind=diplomado");
        Assert.Equal(HttpStatusCode.OK, ics.StatusCode);
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType?.MediaType);
        var text = await ics.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Assert.All(text.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));
        var unfolded = text.Replace("\r\n ", string.Empty, StringComparison.Ordinal);
        var events = unfolded.Split("BEGIN:VEVENT").Skip(1).ToList();
        var ours = Assert.Single(events, e => e.Contains($"UID:course-{dated}@movilidad", StringComparison.Ordinal));
        Assert.Contains("DTSTART;VALUE=DATE:20270201\r\n", ours, StringComparison.Ordinal);
        Assert.Contains("DTEND;VALUE=DATE:20270701\r\n", ours, StringComparison.Ordinal);
        Assert.Contains($"SUMMARY:Curso de marzo\\, con coma\\; y punto {tag}\r\n", ours, StringComparison.Ordinal);
        Assert.DoesNotContain(events, e => e.Contains($"UID:course-{undatedId}@", StringComparison.Ordinal));
        Assert.EndsWith("END:VCALENDAR\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_CountsTheCoursesPerCountryAndSemesterOfTheirStart()
    {
        await using (var db = app.CreateDb())
        {
            var before = await Platform.Training.CourseCounts.BySemesterAsync(db.Courses, default);
            var gt = await InstitutionAsync("GT");
            var body = JsonSerializer.SerializeToNode(Body(gt, "Curso contado " + Guid.NewGuid().ToString("N")[..6]))!.AsObject();
            body["countries"] = new System.Text.Json.Nodes.JsonArray("BZ", "PA");
            body["startDate"] = "2031-08-01";
            body["endDate"] = "2031-09-01";
            await JsonAsync(await (await app.ClientAsAsync("secretariat")).PostAsJsonAsync("/api/courses", body), HttpStatusCode.Created);
            var after = await Platform.Training.CourseCounts.BySemesterAsync(db.Courses, default);
            int Count(IEnumerable<Platform.Training.CourseCount> counts, string country) => counts.Where(c => c.Country == country && c.Period == "2031-S2").Sum(c => c.Count);
            Assert.Equal(Count(before, "BZ") + 1, Count(after, "BZ"));
            Assert.Equal(Count(before, "PA") + 1, Count(after, "PA"));
            Assert.Equal(Count(before, "GT"), Count(after, "GT"));
        }

        var page = await app.ClientIn("en").GetStringAsync("/courses/dashboard");
        Assert.Contains("Second half 2031", page, StringComparison.Ordinal);
        Assert.Contains("data-country=\"BZ\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_RecordACourseThroughTheForm_AndShowErrorsAtTheirField()
    {
        var gt = await InstitutionAsync("GT");
        var person = await app.AddPersonAsync($"{Guid.NewGuid():N}@example.org", twoFactor: false, "focal-point:GT");
        var client = await app.SignInAsync(person);
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new System.Net.Http.Headers.StringWithQualityHeaderValue("es"));
        Assert.Contains("href=\"/courses/edit\"", await client.GetStringAsync("/courses"));
        var refused = await client.PostPageFormAsync("/courses/edit", [new("Form.Version", "0"), new("Form.Kind", "workshop"), new("Form.ProviderId", gt.ToString(CultureInfo.InvariantCulture)), new("Form.Hours", "muchas")]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("id=\"error-hours\"", await refused.Content.ReadAsStringAsync());

        var title = "Taller de empleabilidad para retornados " + Guid.NewGuid().ToString("N")[..6];
        var saved = await client.PostPageFormAsync("/courses/edit",
        [
            new("Form.Version", "0"), new("Form.Kind", "workshop"), new("Form.Modality", "in-person"), new("Form.TitleEs", title), new("Form.TitleEn", "Employability workshop for returnees"),
            new("Form.ProviderId", gt.ToString(CultureInfo.InvariantCulture)), new("Form.Audiences", "returnees"), new("Form.Audiences", "migrants"), new("Form.Topics", "employability"),
            new("Form.Countries", "GT"), new("Form.Languages", "es"), new("Form.StartDate", "15/03/2027"), new("Form.Hours", "12,5"), new("Form.Cost", "0"),
        ]);
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var page = await client.GetStringAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains(title, page);
        Assert.Contains("Gratuito", page);
        Assert.Contains("12,5", page);
        Assert.Contains("Personas retornadas", page);
    }
}

public sealed class CoursesTestsOnSqlite(SqliteApp app) : CoursesTests(app), IClassFixture<SqliteApp>;

public sealed class CoursesTestsOnPostgres(PostgresApp app) : CoursesTests(app), IClassFixture<PostgresApp>;
