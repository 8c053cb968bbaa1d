using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Movilidad.Web.Features.Institutions;
using Movilidad.Web.Infrastructure.Audit;
using Movilidad.Web.Tests.Features.Monitoring;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Audit;

/// <summary>The history tab shared by elements, institutions and activities: every version, and a comparison of any two.</summary>
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
