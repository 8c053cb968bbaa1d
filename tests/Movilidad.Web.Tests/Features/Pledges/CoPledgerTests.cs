using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Pledges;

/// <summary>A focal point's joint pledge names other states only as proposed co-pledgers until a focal point of each confirms.</summary>
public abstract class CoPledgerTests(MovilidadApp app)
{
    private static Dictionary<string, JsonElement> Pledgers(JsonElement pledge) =>
        pledge.GetProperty("pledgers").EnumerateArray().ToDictionary(p => p.GetProperty("code").GetString()!);

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task FocalPointNamesAnotherState_ItIsProposedUntilThatCountrysFocalPointConfirms_AuditedAndShownInBothLanguages()
    {
        var gt = await app.ClientAsAsync("focal-point:GT");
        var created = await PledgeBuilders.CreatedAsync(await gt.PostAsJsonAsync("/api/pledges", await app.PledgeAsync("GT", "MX")));
        var id = created.GetProperty("id").GetInt32();
        var version = created.GetProperty("version").GetInt32();
        Assert.False(Pledgers(created)["GT"].GetProperty("proposed").GetBoolean());
        Assert.True(Pledgers(created)["MX"].GetProperty("proposed").GetBoolean());
        var mexico = Pledgers(created)["MX"].GetProperty("id").GetInt32();
        var confirm = $"/api/pledges/{id}/pledgers/{mexico}/confirm";

        // Neither the proposing country nor a third one confirms for Mexico.
        Assert.Equal(HttpStatusCode.Forbidden, (await gt.PostAsJsonAsync(confirm, new { version })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsAsync("focal-point:HN")).PostAsJsonAsync(confirm, new { version })).StatusCode);

        var spanish = await gt.GetStringAsync($"/pledges/{id}");
        Assert.Contains("data-testid=\"proposed\"", spanish, StringComparison.Ordinal);
        Assert.Contains("espera la confirmación de un punto focal de MX", spanish, StringComparison.Ordinal);
        var english = await (await app.ClientInAsync("en", "focal-point:GT")).GetStringAsync($"/pledges/{id}");
        Assert.Contains("awaits the confirmation of a focal point of MX", english, StringComparison.Ordinal);

        var mx = await app.ClientAsAsync("focal-point:MX");
        Assert.Equal(HttpStatusCode.Conflict, (await mx.PostAsJsonAsync(confirm, new { version = version + 5 })).StatusCode);
        var confirmed = await OkAsync(await mx.PostAsJsonAsync(confirm, new { version }));
        Assert.False(Pledgers(confirmed)["MX"].GetProperty("proposed").GetBoolean());
        Assert.False(string.IsNullOrEmpty(Pledgers(confirmed)["MX"].GetProperty("confirmedBy").GetString()));
        Assert.Equal(JsonValueKind.String, Pledgers(confirmed)["MX"].GetProperty("confirmedAt").ValueKind);

        // Once confirmed there is nothing left to confirm; a pledger that is not one is named.
        var again = await mx.PostAsJsonAsync(confirm, new { version = confirmed.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("institutionId", (await PledgeBuilders.ErrorsAsync(again)).Keys);

        Assert.Contains("confirmado por", await mx.GetStringAsync($"/pledges/{id}"), StringComparison.Ordinal);
        Assert.Contains("confirmed by", await (await app.ClientInAsync("en", "focal-point:MX")).GetStringAsync($"/pledges/{id}"), StringComparison.Ordinal);

        await using var db = app.CreateDb();
        var audit = await db.AuditEntries.Where(e => e.EntityType == "pledge" && e.EntityId == id.ToString(CultureInfo.InvariantCulture)).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([AuditActions.Create, AuditActions.Confirm], audit.Select(e => e.Action));
        Assert.Contains("\"proposed\":true", audit[1].Before, StringComparison.Ordinal);
        Assert.DoesNotContain("\"proposed\":true", audit[1].After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecretariatNamesStates_AndAFocalPointNamesOnlyTheirOwn_NoneIsProposed()
    {
        var secretariat = await app.ClientAsAsync("secretariat");
        var joint = await PledgeBuilders.CreatedAsync(await secretariat.PostAsJsonAsync("/api/pledges", await app.PledgeAsync("GT", "MX")));
        Assert.All(Pledgers(joint).Values, p => Assert.False(p.GetProperty("proposed").GetBoolean()));

        var gt = await app.ClientAsAsync("focal-point:GT");
        var own = await PledgeBuilders.CreatedAsync(await gt.PostAsJsonAsync("/api/pledges", await app.PledgeAsync("GT")));
        Assert.False(Pledgers(own)["GT"].GetProperty("proposed").GetBoolean());

        // A state added by an edit is proposed as well; the states already there keep their standing.
        var body = await app.PledgeAsync("GT", "HN");
        body["version"] = own.GetProperty("version").GetInt32();
        var edited = await OkAsync(await gt.PutAsJsonAsync($"/api/pledges/{own.GetProperty("id").GetInt32()}", body));
        Assert.False(Pledgers(edited)["GT"].GetProperty("proposed").GetBoolean());
        Assert.True(Pledgers(edited)["HN"].GetProperty("proposed").GetBoolean());
    }

    [Fact]
    public async Task ConfirmButton_OnThePledgePage_IsShownToTheCountrysFocalPointAndConfirms()
    {
        var gt = await app.ClientAsAsync("focal-point:GT");
        var id = (await PledgeBuilders.CreatedAsync(await gt.PostAsJsonAsync("/api/pledges", await app.PledgeAsync("GT", "MX")))).GetProperty("id").GetInt32();
        await using (var db = app.CreateDb())
        {
            Assert.True(await db.Set<Movilidad.Platform.Pledges.PledgePledger>().AnyAsync(p => p.PledgeId == id && p.IsProposed));
        }

        Assert.DoesNotContain("handler=Confirm", await gt.GetStringAsync($"/pledges/{id}"), StringComparison.Ordinal);
        var mx = await app.SignInAsync(await app.AddPersonAsync($"{Guid.NewGuid():N}@example.org", false, "focal-point:MX"));
        var page = await mx.GetStringAsync($"/pledges/{id}");
        var action = System.Text.RegularExpressions.Regex.Match(page, "action=\"([^\"]*handler=Confirm[^\"]*)\"").Groups[1].Value;
        Assert.NotEmpty(action);
        var version = await app.PledgeVersionAsync(id);
        var response = await mx.PostFormAsync($"/pledges/{id}", WebUtility.HtmlDecode(action), new() { ["Form.Version"] = version.ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var read = app.CreateDb();
        Assert.False(await read.Set<Movilidad.Platform.Pledges.PledgePledger>().AnyAsync(p => p.PledgeId == id && p.IsProposed));
    }
}

public sealed class CoPledgerTestsOnSqlite(SqliteApp app) : CoPledgerTests(app), IClassFixture<SqliteApp>;

public sealed class CoPledgerTestsOnPostgres(PostgresApp app) : CoPledgerTests(app), IClassFixture<PostgresApp>;
