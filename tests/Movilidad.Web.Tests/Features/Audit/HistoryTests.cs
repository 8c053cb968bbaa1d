using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Institutions;
using Movilidad.Platform.Audit;
using Movilidad.Web.Tests.Features.Monitoring;
using Movilidad.Web.Tests.Features.Pledges;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Audit;

/// <summary>The history tab shared by elements, institutions, activities, pledges and good practices: every version, and a comparison of any two.</summary>
public abstract partial class HistoryTests(MovilidadApp app)
{
    [Fact]
    public async Task InstitutionHistory_TwoSaves_ListsBothAndComparesTheFirstWithTheLast()
    {
        var secretariat = await app.ClientAsAsync("secretariat");
        int id;
        await using (var db = app.CreateDb())
        {
            id = await db.Institutions.Where(i => i.CountryCode == "CR" && i.Kind == InstitutionKind.MemberState).Select(i => i.Id).SingleAsync();
        }

        var first = await Save(secretariat, id, 0, "Costa Rica (primera)", "https://example.org/uno");
        await Save(secretariat, id, first, "Costa Rica (segunda)", "https://example.org/uno");

        var reader = await app.SignInAsync(await app.AddPersonAsync($"h-{Guid.NewGuid():N}@example.org", twoFactor: false, "observer"));
        var page = await reader.GetStringAsync($"/institutions/{id}/history");
        Assert.Contains("Costa Rica (primera)", page, StringComparison.Ordinal);
        Assert.Contains("Costa Rica (segunda)", page, StringComparison.Ordinal);
        var versions = OptionValues().Matches(page).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct().Order().ToList();
        Assert.Equal(2, versions.Count);

        var compared = await reader.GetStringAsync($"/institutions/{id}/history?from={versions[0]}&to={versions[1]}");
        var comparison = compared[compared.IndexOf("data-testid=\"comparison\"", StringComparison.Ordinal)..compared.IndexOf("data-testid=\"history\"", StringComparison.Ordinal)];
        Assert.Contains("<del>Costa Rica (primera)</del>", comparison, StringComparison.Ordinal);
        Assert.Contains("<ins>Costa Rica (segunda)</ins>", comparison, StringComparison.Ordinal);
        Assert.DoesNotContain("example.org/uno", comparison, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstitutionHistory_Changes_AreLabelledInTheReadersLanguageNotByKey()
    {
        var secretariat = await app.ClientAsAsync("secretariat");
        int id;
        await using (var db = app.CreateDb())
        {
            id = await db.Institutions.Where(i => i.CountryCode == "PA" && i.Kind == InstitutionKind.MemberState).Select(i => i.Id).SingleAsync();
        }

        var first = await Save(secretariat, id, 0, "Panamá (primera)", "https://example.org/pa");
        await Save(secretariat, id, first, "Panamá (segunda)", "https://example.org/pa");

        var spanish = await (await app.ClientInAsync("es", "observer")).GetStringAsync($"/institutions/{id}/history");
        Assert.Contains("<td>Nombre (español)</td>", spanish, StringComparison.Ordinal);
        Assert.DoesNotContain(">name.es<", spanish, StringComparison.Ordinal);
        var english = await (await app.ClientInAsync("en", "observer")).GetStringAsync($"/institutions/{id}/history");
        Assert.Contains("<td>Name (Spanish)</td>", english, StringComparison.Ordinal);
        Assert.Contains("<td>Name (English)</td>", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstitutionHistory_Public_IsSentToSignIn()
    {
        var response = await app.Browser().GetAsync("/institutions/1/history");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActivityHistory_ActivityShareAndConceptNote_AllListedAndDifferentPartsAreNotCompared()
    {
        var member = await app.ClientAsAsync("working-group-member:GT-ML");
        var created = await member.PostAsJsonAsync("/api/activities", ActivityBuilders.Activity(await app.ActionIdAsync(), await app.WorkingGroupIdAsync(), "H." + Guid.NewGuid().ToString("N")[..6]));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var focal = await app.ClientAsAsync("focal-point:HN");
        Assert.Equal(HttpStatusCode.OK, (await focal.PutAsJsonAsync($"/api/activities/{id}/countries/HN", new { version = 0, status = "postponed", statusReason = "Elecciones" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.PutAsJsonAsync($"/api/activities/{id}/concept-note", ActivityBuilders.CompleteConceptNote(0))).StatusCode);

        var reader = await app.SignInAsync(await app.AddPersonAsync($"h-{Guid.NewGuid():N}@example.org", twoFactor: false, "presidency"));
        var page = await reader.GetStringAsync($"/monitoring/activities/{id}/history");
        Assert.Contains("Elecciones", page, StringComparison.Ordinal);
        Assert.Contains("Acordar un marco regional de reconocimiento.", page, StringComparison.Ordinal);
        Assert.Contains("Regional workshop on skills recognition", page, StringComparison.Ordinal);

        var entries = await reader.GetFromJsonAsync<JsonElement>($"/api/activities/{id}/history");
        var share = entries.EnumerateArray().Single(e => e.GetProperty("entityType").GetString() == "activity-country").GetProperty("id").GetInt64();
        var note = entries.EnumerateArray().Single(e => e.GetProperty("entityType").GetString() == "concept-note").GetProperty("id").GetInt64();
        var mixed = await reader.GetStringAsync($"/monitoring/activities/{id}/history?from={share}&to={note}");
        Assert.Contains("choose two versions of the same part", WebUtility.HtmlDecode(mixed), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActivityHistory_CivilSociety_IsForbidden()
    {
        var client = await app.SignInAsync(await app.AddPersonAsync($"cs-{Guid.NewGuid():N}@example.org", twoFactor: false, "civil-society"));
        var response = await client.GetAsync("/monitoring/activities/1/history");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/denied", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PledgeHistory_CreateEditPublish_NumbersTheVersionsAndComparesTheFirstWithTheLast()
    {
        var focal = await app.ClientAsAsync("focal-point:GT");
        var body = await app.PledgeAsync("GT");
        var id = (await PledgeBuilders.CreatedAsync(await focal.PostAsJsonAsync("/api/pledges", body))).GetProperty("id").GetInt32();
        body["version"] = 0;
        body["title"] = new { es = "Ampliar y evaluar las vías regulares", en = "Expand and evaluate regular pathways" };
        Assert.Equal(HttpStatusCode.OK, (await focal.PutAsJsonAsync($"/api/pledges/{id}", body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientAsAsync("secretariat")).PutAsJsonAsync($"/api/pledges/{id}/publication", new { version = 1, isPublished = true })).StatusCode);

        var reader = await app.SignInAsync(await app.AddPersonAsync($"h-{Guid.NewGuid():N}@example.org", twoFactor: false, "observer"));
        Assert.Contains($"href=\"/pledges/{id}/history\"", await reader.GetStringAsync($"/pledges/{id}"), StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(await reader.GetStringAsync($"/pledges/{id}/history"));
        Assert.Contains("Version 3 · Publication", page, StringComparison.Ordinal);
        Assert.Contains("Version 2 · Updated", page, StringComparison.Ordinal);
        Assert.Contains("Version 1 · Created", page, StringComparison.Ordinal);
        var versions = OptionValues().Matches(page).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct().Order().ToList();
        Assert.Equal(3, versions.Count);

        var compared = WebUtility.HtmlDecode(await reader.GetStringAsync($"/pledges/{id}/history?from={versions[0]}&to={versions[2]}"));
        var comparison = compared[compared.IndexOf("data-testid=\"comparison\"", StringComparison.Ordinal)..compared.IndexOf("data-testid=\"history\"", StringComparison.Ordinal)];
        Assert.Contains("<del>Ampliar las vías regulares de movilidad laboral</del>", comparison, StringComparison.Ordinal);
        Assert.Contains("<ins>Ampliar y evaluar las vías regulares</ins>", comparison, StringComparison.Ordinal);
        Assert.Contains("<td>Published</td>", comparison, StringComparison.Ordinal);
        Assert.DoesNotContain("Bilateral temporary work agreements", comparison, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PledgeHistory_PublicAndCivilSocietyThatDidNotRecordIt_AreRefusedAndSeeNoLink()
    {
        var id = (await PledgeBuilders.CreatedAsync(await (await app.ClientAsAsync("secretariat")).PostAsJsonAsync("/api/pledges", await app.PledgeAsync("GT")))).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientAsAsync("secretariat")).PutAsJsonAsync($"/api/pledges/{id}/publication", new { version = 0, isPublished = true })).StatusCode);

        var anonymous = app.Browser();
        Assert.DoesNotContain("/history", await anonymous.GetStringAsync($"/pledges/{id}"), StringComparison.Ordinal);
        Assert.Contains("/account/sign-in", (await anonymous.GetAsync($"/pledges/{id}/history")).Headers.Location?.OriginalString, StringComparison.Ordinal);
        var civil = await app.SignInAsync(await app.AddPersonAsync($"cs-{Guid.NewGuid():N}@example.org", twoFactor: false, "civil-society"));
        Assert.DoesNotContain("/history", await civil.GetStringAsync($"/pledges/{id}"), StringComparison.Ordinal);
        Assert.Contains("/account/denied", (await civil.GetAsync($"/pledges/{id}/history")).Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await civil.GetAsync("/pledges/999999/history")).StatusCode);
    }

    [Fact]
    public async Task PracticeHistory_ThroughThePipeline_ShowsEveryStepToItsSubmitterAndNotToOthers()
    {
        var person = await app.AddPersonAsync($"p-{Guid.NewGuid():N}@example.org", twoFactor: false, "civil-society");
        var submitter = await app.TokenClientAsync(person);
        var practice = new
        {
            version = 0, institutionId = await app.InstitutionIdAsync("RROCM"), title = new { es = "Ventanilla única", en = "One-stop shop" },
            summary = new { es = "Orientación", en = "Guidance" }, body = new { es = "Texto.", en = "Text." }, gcmObjectives = new[] { 6 }, countries = new[] { "GT" },
        };
        var created = await submitter.PostAsJsonAsync("/api/practices", practice);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientAsAsync("secretariat")).PostAsJsonAsync($"/api/practices/{id}/review",
            new { version = 0, decision = "return", comment = "Agregue resultados medibles." })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await submitter.PutAsJsonAsync($"/api/practices/{id}", practice with { version = 1, title = new { es = "Ventanilla única con resultados", en = "One-stop shop with results" } })).StatusCode);

        var browser = await app.SignInAsync(person);
        Assert.Contains($"href=\"/practices/{id}/history\"", await browser.GetStringAsync($"/practices/{id}"), StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"/practices/{id}/history"));
        Assert.Contains("Version 1 · Submitted", page, StringComparison.Ordinal);
        Assert.Contains("Version 2 · Returned", page, StringComparison.Ordinal);
        Assert.Contains("Version 3 · Resubmitted", page, StringComparison.Ordinal);
        Assert.Contains("Agregue resultados medibles.", page, StringComparison.Ordinal);
        var versions = OptionValues().Matches(page).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct().Order().ToList();
        var compared = WebUtility.HtmlDecode(await browser.GetStringAsync($"/practices/{id}/history?from={versions[0]}&to={versions[2]}"));
        var comparison = compared[compared.IndexOf("data-testid=\"comparison\"", StringComparison.Ordinal)..compared.IndexOf("data-testid=\"history\"", StringComparison.Ordinal)];
        Assert.Contains("<del>Ventanilla única</del>", comparison, StringComparison.Ordinal);
        Assert.Contains("<ins>Ventanilla única con resultados</ins>", comparison, StringComparison.Ordinal);

        // A time saved with the first version and read back for the next is the same time, on SQLite too.
        Assert.DoesNotContain("<td>Submitted on</td>", comparison, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await (await app.SignInAsync(await app.AddPersonAsync($"o-{Guid.NewGuid():N}@example.org", twoFactor: false, "observer"))).GetAsync($"/practices/{id}/history")).StatusCode);
        var other = await app.SignInAsync(await app.AddPersonAsync($"cs-{Guid.NewGuid():N}@example.org", twoFactor: false, "civil-society"));
        Assert.Contains("/account/denied", (await other.GetAsync($"/practices/{id}/history")).Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Contains("/account/denied", (await (await app.SignInAsync(await app.AddPersonAsync($"f-{Guid.NewGuid():N}@example.org", twoFactor: false, "focal-point:GT"))).GetAsync($"/practices/{id}/history")).Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public void View_TwoVersionsOfOneItem_ComparesTheStatesAfterEach()
    {
        HistoryEntry Entry(long id, string? before, string after) => new(id, DateTime.UtcNow, "ana", null, "web", "update", "institution", "7", before, after);
        var entries = new[] { Entry(3, """{"name":"B","url":"u"}""", """{"name":"C","url":"u"}"""), Entry(2, """{"name":"A","url":"u"}""", """{"name":"B","url":"u"}"""), Entry(1, null, """{"name":"A","url":"u"}""") };

        var view = ItemHistory.View(entries, from: 3, to: 1, showsAddress: false);

        Assert.Equal(1, view.Comparison!.Older.Id);
        Assert.Equal(3, view.Comparison.Newer.Id);
        Assert.Equal([new FieldChange("name", "A", "C")], view.Comparison.Changes);
        Assert.Null(view.Comparison.Problem);
    }

    [Fact]
    public void View_ForSomeoneWhoDoesNotReadTheAudit_LeavesOutTheAddress()
    {
        var entries = new[] { new HistoryEntry(1, DateTime.UtcNow, "ana", "203.0.113.9", "web", "update", "institution", "7", null, "{}") };
        Assert.Null(ItemHistory.View(entries, null, null, showsAddress: false).Entries[0].Address);
        Assert.Equal("203.0.113.9", ItemHistory.View(entries, null, null, showsAddress: true).Entries[0].Address);
    }

    private static async Task<int> Save(HttpClient client, int id, int version, string name, string url)
    {
        var response = await client.PutAsJsonAsync($"/api/institutions/{id}", new { version, acronym = new { es = "CR", en = "CR" }, name = new { es = name, en = name }, url });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
    }

    [GeneratedRegex("<option value=\"([0-9]+)\"")]
    private static partial Regex OptionValues();
}

public sealed class HistoryTestsOnSqlite(SqliteApp app) : HistoryTests(app), IClassFixture<SqliteApp>;

public sealed class HistoryTestsOnPostgres(PostgresApp app) : HistoryTests(app), IClassFixture<PostgresApp>;
