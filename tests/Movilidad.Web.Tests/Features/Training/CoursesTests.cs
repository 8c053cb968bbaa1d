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
