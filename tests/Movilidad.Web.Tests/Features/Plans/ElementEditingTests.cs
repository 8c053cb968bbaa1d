using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Institutions;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Localization;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Plans;

public abstract class ElementEditingTests(MovilidadApp app)
{
    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}@example.org";

    /// <summary>A leaf element that names no working group: only the Secretariat and the Presidency edit it.</summary>
    private async Task<int> FreshElementAsync(int skip)
    {
        await using var db = app.CreateDb();
        return await db.PlanElements
            .Where(e => !e.Children.Any() && !db.ElementInstitutions.Any(l => l.ElementId == e.Id && l.Institution!.Kind == InstitutionKind.WorkingGroup))
            .OrderByDescending(e => e.Id).Skip(skip).Select(e => e.Id).FirstAsync();
    }

    private static object Body(int version, string titleEs, string titleEn, string textEs = "", string textEn = "", params (int Number, string Es, string En)[] footnotes) => new
    {
        version,
        title = new { es = titleEs, en = titleEn },
        text = new { es = textEs, en = textEn },
        timeframeLabel = new { es = "", en = "" },
        footnotes = footnotes.Select(f => new { number = f.Number, text = new { es = f.Es, en = f.En } }),
    };

    [Fact]
    public async Task Put_AsPresidency_SavesBothLanguagesBumpsTheVersionAndRecordsOneAuditEntry()
    {
        var id = await FreshElementAsync(0);
        var client = await app.TokenClientAsync(await app.AddPersonAsync(Unique("ppt"), false, "presidency"));
        var before = await client.GetFromJsonAsync<JsonElement>($"/api/elements/{id}");
        var version = before.GetProperty("version").GetInt32();
        var response = await client.PutAsJsonAsync($"/api/elements/{id}", Body(version, "Título nuevo", "New title", "Texto", "Text", (1, "Nota", "Note")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var after = await client.GetFromJsonAsync<JsonElement>($"/api/elements/{id}");
        Assert.Equal("Título nuevo", after.GetProperty("title").GetProperty("es").GetString());
        Assert.Equal("New title", after.GetProperty("title").GetProperty("en").GetString());
        Assert.Equal("Note", after.GetProperty("footnotes")[0].GetProperty("text").GetProperty("en").GetString());
        Assert.Equal(version + 1, after.GetProperty("version").GetInt32());

        await using var db = app.CreateDb();
        var entry = await db.AuditEntries.Where(e => e.EntityType == "plan-element" && e.EntityId == id.ToString(CultureInfo.InvariantCulture)).SingleAsync();
        Assert.Equal("update", entry.Action);
        Assert.StartsWith("token:", entry.Via, StringComparison.Ordinal);
        Assert.Contains(before.GetProperty("title").GetProperty("es").GetString()!, JsonDocument.Parse(entry.Before!).RootElement.GetProperty("title").GetProperty("es").GetString(), StringComparison.Ordinal);
        Assert.Equal("Título nuevo", JsonDocument.Parse(entry.After!).RootElement.GetProperty("title").GetProperty("es").GetString());
    }

    [Fact]
    public async Task Put_TwoPeopleFromTheSameVersion_SecondGets409WithTheFirstsVersionAndNothingIsLost()
    {
        var id = await FreshElementAsync(1);
        var ana = await app.TokenClientAsync(await app.AddPersonAsync(Unique("ana"), false, "presidency"));
        var ben = await app.TokenClientAsync(await app.AddPersonAsync(Unique("ben"), false, "presidency"));
        var version = (await ana.GetFromJsonAsync<JsonElement>($"/api/elements/{id}")).GetProperty("version").GetInt32();

        Assert.Equal(HttpStatusCode.OK, (await ana.PutAsJsonAsync($"/api/elements/{id}", Body(version, "De Ana", "Ana's"))).StatusCode);
        var conflict = await ben.PutAsJsonAsync($"/api/elements/{id}", Body(version, "De Ben", "Ben's"));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("application/problem+json", conflict.Content.Headers.ContentType?.MediaType);
        var problem = await conflict.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("De Ana", problem.GetProperty("current").GetProperty("title").GetProperty("es").GetString());
        Assert.Equal(version + 1, problem.GetProperty("current").GetProperty("version").GetInt32());

        // Ben merges onto the current version: both contributions end up saved, in order, in the history.
        Assert.Equal(HttpStatusCode.OK, (await ben.PutAsJsonAsync($"/api/elements/{id}", Body(version + 1, "De Ana y Ben", "Ana's and Ben's"))).StatusCode);
        var history = await ben.GetFromJsonAsync<JsonElement>($"/api/elements/{id}/history");
        Assert.Equal(["De Ana y Ben", "De Ana"], history.EnumerateArray().Select(h => JsonDocument.Parse(h.GetProperty("after").GetString()!).RootElement.GetProperty("title").GetProperty("es").GetString()));
    }

    [Fact]
    public async Task EditPage_SomeoneSavedMeanwhile_ShowsBothVersionsAndKeepsTheTypedText()
    {
        var id = await FreshElementAsync(2);
        var ana = await app.SignInAsync(await app.AddPersonAsync(Unique("ana-page"), false, "presidency"));
        var ben = await app.SignInAsync(await app.AddPersonAsync(Unique("ben-page"), false, "presidency"));
        await using var db = app.CreateDb();
        var element = await db.PlanElements.AsNoTracking().SingleAsync(e => e.Id == id);
        Dictionary<string, string> Form(string title) => new()
        {
            ["Input.Version"] = element.Version.ToString(CultureInfo.InvariantCulture),
            ["Input.TitleEs"] = title,
            ["Input.TitleEn"] = title + " (en)",
            ["Input.TextEs"] = element.Text.Es,
            ["Input.TextEn"] = element.Text.En,
        };

        var first = await ana.PostFormAsync($"/elements/{id}/edit", $"/elements/{id}/edit", Form("Guardado por Ana"));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = await ben.PostFormAsync($"/elements/{id}/edit", $"/elements/{id}/edit", Form("Escrito por Ben"));
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var html = await second.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"conflict\"", html, StringComparison.Ordinal);
        Assert.Contains("Guardado por Ana", html, StringComparison.Ordinal);
        Assert.Contains("Escrito por Ben", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{element.Version + 1}\"", html, StringComparison.Ordinal);
        await using var after = app.CreateDb();
        Assert.Equal("Guardado por Ana", (await after.PlanElements.AsNoTracking().SingleAsync(e => e.Id == id)).Title.Es);
    }

    [Fact]
    public async Task Put_ByWorkingGroupMemberOnAnElementOfNoWorkingGroupOfTheirs_Is403AndChangesNothing()
    {
        var id = await FreshElementAsync(3);
        var person = await app.AddPersonAsync(Unique("member"), false, "working-group-member:GT-ML");
        var api = await app.TokenClientAsync(person);
        await using var db = app.CreateDb();
        var element = await db.PlanElements.AsNoTracking().SingleAsync(e => e.Id == id);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PutAsJsonAsync($"/api/elements/{id}", Body(element.Version, "Intruso", "Intruder"))).StatusCode);

        var page = await app.SignInAsync(person);
        var response = await page.PostFormAsync("/", $"/elements/{id}/edit", new() { ["Input.Version"] = element.Version.ToString(CultureInfo.InvariantCulture), ["Input.TitleEs"] = "Intruso", ["Input.TitleEn"] = "Intruder" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/denied?ReturnUrl=", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await page.GetAsync(response.Headers.Location)).StatusCode);

        await using var after = app.CreateDb();
        var unchanged = await after.PlanElements.AsNoTracking().SingleAsync(e => e.Id == id);
        Assert.Equal(element.Title, unchanged.Title);
        Assert.Equal(element.Version, unchanged.Version);
        Assert.False(await after.AuditEntries.AnyAsync(e => e.EntityType == "plan-element" && e.EntityId == id.ToString(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task InstitutionPut_ByFocalPointOfAnotherCountry_Is403AndChangesNothingWhileTheirOwnCountrySaves()
    {
        var person = await app.AddPersonAsync(Unique("focal"), false, "focal-point:GT");
        var api = await app.TokenClientAsync(person);
        await using var db = app.CreateDb();
        var mexico = await db.Institutions.AsNoTracking().SingleAsync(i => i.Code == "MX");
        var guatemala = await db.Institutions.AsNoTracking().SingleAsync(i => i.Code == "GT");
        object Edit(Institution i, string name) => new { version = i.Version, acronym = i.Acronym, name = new { es = name, en = name }, url = "https://example.org" };

        Assert.Equal(HttpStatusCode.Forbidden, (await api.PutAsJsonAsync($"/api/institutions/{mexico.Id}", Edit(mexico, "Tomado"))).StatusCode);
        var page = await app.SignInAsync(person);
        var response = await page.PostFormAsync("/", $"/institutions/{mexico.Id}/edit", new()
        {
            ["Input.Version"] = mexico.Version.ToString(CultureInfo.InvariantCulture),
            ["Input.AcronymEs"] = "MX",
            ["Input.AcronymEn"] = "MX",
            ["Input.NameEs"] = "Tomado",
            ["Input.NameEn"] = "Taken",
        });
        Assert.Contains("/account/denied?ReturnUrl=", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/institutions/{guatemala.Id}", Edit(guatemala, "Guatemala (editado)"))).StatusCode);

        await using var after = app.CreateDb();
        var mx = await after.Institutions.AsNoTracking().SingleAsync(i => i.Id == mexico.Id);
        Assert.Equal(mexico.Name, mx.Name);
        Assert.Equal(mexico.Version, mx.Version);
        Assert.Null(mx.EditedAt);
        var gt = await after.Institutions.AsNoTracking().SingleAsync(i => i.Id == guatemala.Id);
        Assert.Equal("Guatemala (editado)", gt.Name.Es);
        Assert.Equal("GT", (await after.AuditEntries.SingleAsync(e => e.EntityType == "institution" && e.EntityId == guatemala.Id.ToString(CultureInfo.InvariantCulture))).Country);
    }

    [Theory]
    [InlineData("'; DROP TABLE \"PlanElements\"; --")]
    [InlineData("Robert'); DELETE FROM \"AuditEntries\" WHERE ('1'='1")]
    [InlineData("1 OR 1=1; UPDATE \"Accounts\" SET \"PasswordHash\" = NULL --")]
    [InlineData("\\'; SELECT pg_sleep(5); -- \u0000-free ñ 漢字 \"quoted\"")]
    public async Task Put_SqlInjectionText_IsSavedAndReadBackVerbatim(string payload)
    {
        payload = payload.Replace("\u0000-free", "nul-free", StringComparison.Ordinal);
        var id = await FreshElementAsync(4);
        var client = await app.TokenClientAsync(await app.AddPersonAsync(Unique("sql"), false, "presidency"));
        var version = (await client.GetFromJsonAsync<JsonElement>($"/api/elements/{id}")).GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/elements/{id}", Body(version, payload, payload, payload, payload, (1, payload, payload)))).StatusCode);

        var read = await client.GetFromJsonAsync<JsonElement>($"/api/elements/{id}");
        Assert.Equal(payload, read.GetProperty("title").GetProperty("es").GetString());
        Assert.Equal(payload, read.GetProperty("text").GetProperty("en").GetString());
        Assert.Equal(payload, read.GetProperty("footnotes")[0].GetProperty("text").GetProperty("es").GetString());
        await using var db = app.CreateDb();
        Assert.True(await db.PlanElements.CountAsync() > 100);
        Assert.True(await db.AuditEntries.AnyAsync());
        Assert.Null((await AuditChain.VerifyAsync(db)).FirstBroken);
    }

    [Fact]
    public async Task DeleteAndRestore_AreSoftAndAudited()
    {
        var id = await FreshElementAsync(5);
        var client = await app.TokenClientAsync(await app.AddPersonAsync(Unique("deleter"), false, "presidency"));
        var anonymous = app.Browser();
        var version = (await client.GetFromJsonAsync<JsonElement>($"/api/elements/{id}")).GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/api/elements/{id}?version={version}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/elements/{id}")).StatusCode);
        await using (var db = app.CreateDb())
        {
            Assert.NotNull((await db.PlanElements.IgnoreQueryFilters().AsNoTracking().SingleAsync(e => e.Id == id)).DeletedAt);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/elements/{id}/restore?version={version + 1}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/elements/{id}")).StatusCode);
        await using var after = app.CreateDb();
        Assert.Equal(["delete", "restore"], await after.AuditEntries.Where(e => e.EntityType == "plan-element" && e.EntityId == id.ToString(CultureInfo.InvariantCulture)).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public async Task DeleteParent_HidesItsChildrenUntilRestored()
    {
        await using var db = app.CreateDb();
        var parent = await db.PlanElements.Where(e => e.Children.Any() && e.ParentId != null).OrderByDescending(e => e.Id).FirstAsync();
        var child = await db.PlanElements.Where(e => e.ParentId == parent.Id).Select(e => e.Id).FirstAsync();
        var client = await app.TokenClientAsync(await app.AddPersonAsync(Unique("parent"), false, "presidency"));
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/api/elements/{parent.Id}?version={parent.Version}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync($"/api/elements/{child}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync($"/elements/{child}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/elements/{parent.Id}/restore?version={parent.Version + 1}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Browser().GetAsync($"/api/elements/{child}")).StatusCode);
    }

    [Fact]
    public async Task UnpublishedPlan_IsReadByStaffOnly()
    {
        var secretariat = await app.TokenClientAsync(await app.AddPersonAsync(Unique("pub"), true, "secretariat"));
        var observer = await app.TokenClientAsync(await app.AddPersonAsync(Unique("obs"), false, "observer"));
        var civil = await app.TokenClientAsync(await app.AddPersonAsync(Unique("cs"), false, "civil-society"));
        await using var db = app.CreateDb();
        var plan = await db.Plans.OrderByDescending(p => p.SortOrder).FirstAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await secretariat.PutAsJsonAsync($"/api/plans/{plan.Id}/publication", new { isPublished = false })).StatusCode);
        try
        {
            Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync($"/api/plans/{plan.Id}/tree")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await civil.GetAsync($"/api/plans/{plan.Id}")).StatusCode);
            Assert.DoesNotContain(plan.Key, await app.Browser().GetStringAsync("/api/plans"), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await observer.GetAsync($"/api/plans/{plan.Id}/tree")).StatusCode);
            Assert.Contains(plan.Key, await observer.GetStringAsync("/api/plans"), StringComparison.Ordinal);
        }
        finally
        {
            await secretariat.PutAsJsonAsync($"/api/plans/{plan.Id}/publication", new { isPublished = true });
        }
    }

    [Fact]
    public async Task PlanPage_CachedForTheAnonymous_IsNeverServedToASignedInPersonAndIsEvictedOnEdit()
    {
        await using var db = app.CreateDb();
        var plan = await db.Plans.OrderBy(p => p.SortOrder).Skip(1).FirstAsync();
        var element = await db.PlanElements.Where(e => e.PlanId == plan.Id && !e.Children.Any()).OrderBy(e => e.Id).FirstAsync();
        var anonymous = app.Browser();
        var first = await anonymous.GetStringAsync($"/plans/{plan.Key}");
        Assert.Equal(first, await anonymous.GetStringAsync($"/plans/{plan.Key}"));

        var person = await app.AddPersonAsync(Unique("cache"), false, "presidency");
        var signedIn = await app.SignInAsync(person);
        var theirs = await signedIn.GetStringAsync($"/plans/{plan.Key}");
        Assert.Contains(person.Email, theirs, StringComparison.Ordinal);
        Assert.DoesNotContain(person.Email, await anonymous.GetStringAsync($"/plans/{plan.Key}"), StringComparison.Ordinal);

        var api = await app.TokenClientAsync(person);
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/elements/{element.Id}", Body(element.Version, "Título tras la caché", "Title after the cache"))).StatusCode);
        Assert.Contains("Title after the cache", await anonymous.GetStringAsync($"/plans/{plan.Key}"), StringComparison.Ordinal);
        Assert.Contains("Title after the cache", await anonymous.GetStringAsync($"/api/plans/{plan.Id}/tree"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Responses_CarryTheSecurityHeaders()
    {
        // HSTS is never sent to localhost, so the request names the host a deployment would have.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "movilidad.example.org";
        var response = await app.Browser().SendAsync(request);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        var signIn = await app.Browser().GetAsync("/account/sign-in");
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("movilidad.csrf=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script>", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditPage_FocalPoint_SeesOnlyTheirCountrysEntries()
    {
        var secretariat = await app.TokenClientAsync(await app.AddPersonAsync(Unique("sec-audit"), true, "secretariat"));
        await using var db = app.CreateDb();
        var honduras = await db.Institutions.AsNoTracking().SingleAsync(i => i.Code == "HN");
        var panama = await db.Institutions.AsNoTracking().SingleAsync(i => i.Code == "PA");
        foreach (var i in new[] { honduras, panama })
        {
            Assert.Equal(HttpStatusCode.OK, (await secretariat.PutAsJsonAsync($"/api/institutions/{i.Id}", new { version = i.Version, acronym = i.Acronym, name = new Bilingual(i.Name.Es + " (auditado)", i.Name.En + " (audited)"), url = (string?)null })).StatusCode);
        }

        var focal = await app.SignInAsync(await app.AddPersonAsync(Unique("focal-hn"), false, "focal-point:HN"));
        var html = await focal.GetStringAsync("/audit?entity=institution");
        Assert.Contains("Honduras (audited)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Panama (audited)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Panamá (auditado)", html, StringComparison.Ordinal);
    }
}

public sealed class ElementEditingTestsOnSqlite(SqliteApp app) : ElementEditingTests(app), IClassFixture<SqliteApp>;

public sealed class ElementEditingTestsOnPostgres(PostgresApp app) : ElementEditingTests(app), IClassFixture<PostgresApp>;
