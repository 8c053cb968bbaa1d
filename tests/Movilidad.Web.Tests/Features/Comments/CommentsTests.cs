using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Movilidad.Web.Tests.Features.Monitoring;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Comments;

/// <summary>Comments on plan elements and activities: who may write them, what their authors and the Secretariat may do, and that they are plain text.</summary>
public abstract class CommentsTests(MovilidadApp app)
{
    private const string Payload = "<script>alert('xss')</script><img src=x onerror=\"alert(1)\"> & 'quotes' \"too\"; DROP TABLE \"Comments\"; --";

    private async Task<int> PublishedElementAsync()
    {
        await using var db = app.CreateDb();
        return await db.PlanElements.Where(e => e.Plan!.IsPublished && !e.Children.Any()).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
    }

    private static object New(string type, int id, string text) => new { entityType = type, entityId = id.ToString(CultureInfo.InvariantCulture), text };

    private static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Comment_ScriptAndSqlPayload_IsStoredVerbatimAndShownEncoded()
    {
        var element = await PublishedElementAsync();
        var person = await app.AddPersonAsync($"un-{Guid.NewGuid():N}@example.org", twoFactor: false, "observer");
        var api = await app.TokenClientAsync(person);

        var created = await CreatedAsync(await api.PostAsJsonAsync("/api/comments", New("plan-element", element, Payload)));

        Assert.Equal(Payload, created.GetProperty("text").GetString());
        var listed = await api.GetFromJsonAsync<JsonElement>($"/api/comments?entityType=plan-element&entityId={element}");
        Assert.Contains(listed.EnumerateArray(), c => c.GetProperty("text").GetString() == Payload);
        var html = await (await app.SignInAsync(person)).GetStringAsync($"/elements/{element}");
        Assert.Contains("&lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(1)&quot;&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CivilSociety_CommentsOnlyOnPublishedItems()
    {
        var civil = await app.ClientAsAsync("civil-society");
        var published = await PublishedElementAsync();
        int unpublished, planId;
        await using (var db = app.CreateDb())
        {
            var plan = await db.Plans.OrderBy(p => p.SortOrder).FirstAsync(p => p.Elements.Any(e => e.Id != published));
            planId = plan.Id;
            unpublished = await db.PlanElements.Where(e => e.PlanId == plan.Id && e.Id != published).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
        }

        var activity = await NewActivityAsync();
        try
        {
            await SetPublishedAsync(planId, false);
            Assert.Equal(HttpStatusCode.NotFound, (await civil.PostAsJsonAsync("/api/comments", New("plan-element", unpublished, "No publicado"))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await civil.GetAsync($"/api/comments?entityType=plan-element&entityId={unpublished}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await civil.PostAsJsonAsync("/api/comments", New("activity", activity, "Actividad"))).StatusCode);
            var observer = await app.ClientAsAsync("observer");
            await CreatedAsync(await observer.PostAsJsonAsync("/api/comments", New("plan-element", unpublished, "Las agencias leen lo no publicado")));
        }
        finally
        {
            await SetPublishedAsync(planId, true);
        }

        await CreatedAsync(await civil.PostAsJsonAsync("/api/comments", New("plan-element", unpublished, "Ya publicado")));
        await using var check = app.CreateDb();
        var texts = await check.Comments.Where(c => c.EntityType == "plan-element" && c.EntityId == unpublished.ToString(CultureInfo.InvariantCulture)).Select(c => c.Text).ToListAsync();
        Assert.Equal(["Las agencias leen lo no publicado", "Ya publicado"], texts.Order(StringComparer.Ordinal));
        Assert.False(await check.Comments.AnyAsync(c => c.EntityType == "activity" && c.EntityId == activity.ToString(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Author_EditsThenDeletes_EachWriteAuditedAndTheRowKept()
    {
        var element = await PublishedElementAsync();
        var author = await app.ClientAsAsync("civil-society");
        var id = (await CreatedAsync(await author.PostAsJsonAsync("/api/comments", New("plan-element", element, "Primera versión")))).GetProperty("id").GetInt32();

        var edited = await author.PutAsJsonAsync($"/api/comments/{id}", new { version = 0, text = "Segunda versión" });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var stale = await author.PutAsJsonAsync($"/api/comments/{id}", new { version = 0, text = "Desde una versión vieja" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await author.DeleteAsync($"/api/comments/{id}?version=1")).StatusCode);

        var listed = await author.GetFromJsonAsync<JsonElement>($"/api/comments?entityType=plan-element&entityId={element}");
        Assert.DoesNotContain(listed.EnumerateArray(), c => c.GetProperty("id").GetInt32() == id);
        await using var db = app.CreateDb();
        var row = await db.Comments.SingleAsync(c => c.Id == id);
        Assert.Equal("Segunda versión", row.Text);
        Assert.NotNull(row.DeletedAt);
        var audit = await db.AuditEntries.Where(e => e.EntityType == "comment" && e.EntityId == id.ToString(CultureInfo.InvariantCulture)).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["create", "update", "delete"], audit.Select(e => e.Action));
        Assert.Equal("Primera versión", JsonDocument.Parse(audit[1].Before!).RootElement.GetProperty("text").GetString());
        Assert.Equal("Segunda versión", JsonDocument.Parse(audit[1].After!).RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Edit_SomeoneElsesOrTooLate_IsRefusedAndChangesNothing()
    {
        var element = await PublishedElementAsync();
        var author = await app.ClientAsAsync("observer");
        var id = (await CreatedAsync(await author.PostAsJsonAsync("/api/comments", New("plan-element", element, "Mío")))).GetProperty("id").GetInt32();
        var other = await app.ClientAsAsync("presidency");

        Assert.Equal(HttpStatusCode.Forbidden, (await other.PutAsJsonAsync($"/api/comments/{id}", new { version = 0, text = "Ajeno" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.DeleteAsync($"/api/comments/{id}?version=0")).StatusCode);
        await using (var db = app.CreateDb())
        {
            await db.Comments.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.CreatedAt, DateTime.UtcNow.AddHours(-25)));
        }

        var late = await author.PutAsJsonAsync($"/api/comments/{id}", new { version = 0, text = "Tarde" });
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("text", (await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        await using var check = app.CreateDb();
        Assert.Equal("Mío", (await check.Comments.SingleAsync(c => c.Id == id)).Text);
    }

    [Fact]
    public async Task Secretariat_HidesWithAReason_OthersSeeTheReasonTheAuthorStillTheText()
    {
        var element = await PublishedElementAsync();
        var author = await app.ClientAsAsync("civil-society");
        var id = (await CreatedAsync(await author.PostAsJsonAsync("/api/comments", New("plan-element", element, "Publicidad fuera de lugar")))).GetProperty("id").GetInt32();
        var secretariat = await app.ClientAsAsync("secretariat");

        Assert.Equal(HttpStatusCode.BadRequest, (await secretariat.PostAsJsonAsync($"/api/comments/{id}/hide", new { version = 0, reason = " " })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.PostAsJsonAsync($"/api/comments/{id}/hide", new { version = 0, reason = "Yo" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretariat.PostAsJsonAsync($"/api/comments/{id}/hide", new { version = 0, reason = "Fuera de tema" })).StatusCode);

        var reader = await app.ClientAsAsync("observer");
        var seen = (await reader.GetFromJsonAsync<JsonElement>($"/api/comments?entityType=plan-element&entityId={element}")).EnumerateArray().Single(c => c.GetProperty("id").GetInt32() == id);
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("text").ValueKind);
        Assert.Equal("Fuera de tema", seen.GetProperty("hiddenReason").GetString());
        var own = (await author.GetFromJsonAsync<JsonElement>($"/api/comments?entityType=plan-element&entityId={element}")).EnumerateArray().Single(c => c.GetProperty("id").GetInt32() == id);
        Assert.Equal("Publicidad fuera de lugar", own.GetProperty("text").GetString());
        Assert.False(own.GetProperty("canEdit").GetBoolean());
        await using var db = app.CreateDb();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == "comment" && e.EntityId == id.ToString(CultureInfo.InvariantCulture) && e.Action == "hide"));
    }

    [Fact]
    public async Task PageForm_OnAnActivity_AddsTheCommentAndGoesBackToIt()
    {
        var activity = await NewActivityAsync();
        var person = await app.AddPersonAsync($"wg-{Guid.NewGuid():N}@example.org", twoFactor: false, "focal-point:HN");
        var client = await app.SignInAsync(person);

        var response = await client.PostFormAsync($"/monitoring/activities/{activity}", "/comments?handler=Add",
            new() { ["EntityType"] = "activity", ["EntityId"] = activity.ToString(CultureInfo.InvariantCulture), ["Text"] = "Honduras participa con dos personas." });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"/monitoring/activities/{activity}#comment-", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var page = await client.GetStringAsync($"/monitoring/activities/{activity}");
        Assert.Contains("Honduras participa con dos personas.", page, StringComparison.Ordinal);

        var empty = await client.PostFormAsync($"/monitoring/activities/{activity}", "/comments?handler=Add",
            new() { ["EntityType"] = "activity", ["EntityId"] = activity.ToString(CultureInfo.InvariantCulture), ["Text"] = "   " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("between 1 and 4000 characters", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommentsSection_Public_IsNotShown()
    {
        var element = await PublishedElementAsync();
        var html = await app.Browser().GetStringAsync($"/elements/{element}");
        Assert.DoesNotContain("data-testid=\"comments\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Browser().GetAsync($"/api/comments?entityType=plan-element&entityId={element}")).StatusCode);
    }

    private async Task<int> NewActivityAsync()
    {
        var member = await app.ClientAsAsync("working-group-member:GT-ML");
        var created = await member.PostAsJsonAsync("/api/activities", ActivityBuilders.Activity(await app.ActionIdAsync(), await app.WorkingGroupIdAsync(), "C." + Guid.NewGuid().ToString("N")[..6]));
        return (await CreatedAsync(created)).GetProperty("id").GetInt32();
    }

    private async Task SetPublishedAsync(int planId, bool published)
    {
        await using var db = app.CreateDb();
        db.ShowsUnpublished = true;
        await db.Plans.Where(p => p.Id == planId).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsPublished, published));
    }
}

public sealed class CommentsTestsOnSqlite(SqliteApp app) : CommentsTests(app), IClassFixture<SqliteApp>;

public sealed class CommentsTestsOnPostgres(PostgresApp app) : CommentsTests(app), IClassFixture<PostgresApp>;
