using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Movilidad.Platform.Practices;
using Movilidad.Web.Tests.Features.Monitoring;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Practices;

/// <summary>The good-practice pipeline through its pages, as people in a browser go through it.</summary>
public abstract class PracticePipelineTests(MovilidadApp app)
{
    /// <summary>Now by the app's clock, read when a test asks (not when the class loads).</summary>
    private DateTimeOffset Now => app.Services.GetRequiredService<TimeProvider>().GetUtcNow();

    private string ThisMonth => Now.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private async Task<HttpClient> SignedInAsync(string grant) =>
        await app.SignInAsync(await app.AddPersonAsync($"{Guid.NewGuid():N}@example.org", twoFactor: grant == "secretariat", grant));

    private async Task<Dictionary<string, string>> SubmissionAsync(string title = "Ventanilla única de migración laboral") => new()
    {
        ["Form.Version"] = "0",
        ["Form.InstitutionId"] = (await app.InstitutionIdAsync("RROCM")).ToString(CultureInfo.InvariantCulture),
        ["Form.TitleEs"] = title,
        ["Form.TitleEn"] = title,
        ["Form.SummaryEs"] = "Un solo lugar para orientar a las personas trabajadoras migrantes.",
        ["Form.SummaryEn"] = "One place to guide migrant workers.",
        ["Form.BodyEs"] = "Primer párrafo.\n\nSegundo párrafo <script>alert(1)</script>.",
        ["Form.BodyEn"] = "First paragraph.\n\nSecond paragraph <script>alert(1)</script>.",
        ["Form.GcmObjectives"] = "6",
        ["Form.Countries"] = "GT",
    };

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string action, Dictionary<string, string> fields) =>
        client.PostFormAsync("/practices", action, fields);

    private static int IdFrom(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}");
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
    }

    private async Task<Practice> PracticeAsync(int id)
    {
        await using var db = app.CreateDb();
        return await db.Practices.AsNoTracking().SingleAsync(p => p.Id == id);
    }

    private static async Task<string> ErrorPageAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}");
        return html;
    }

    [Fact]
    public async Task Pipeline_SubmitReturnResubmitAcceptConsentSchedulePublish_PublicSeesOnlyThePublishedPractice()
    {
        var submitter = await SignedInAsync("civil-society");
        var secretariat = await SignedInAsync("secretariat");
        var anonymous = app.Browser();
        var id = IdFrom(await PostAsync(submitter, "/practices/submit", await SubmissionAsync()));
        Assert.Equal(PracticeStatus.Submitted, (await PracticeAsync(id)).Status);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/practices/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/practices/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await SignedInAsync("civil-society")).GetAsync($"/practices/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await SignedInAsync("observer")).GetAsync($"/practices/{id}")).StatusCode);
        Assert.Contains("Ventanilla única", await submitter.GetStringAsync("/practices"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(secretariat, $"/practices/{id}?handler=Review",
            new() { ["Version"] = "0", ["Decision"] = "Return", ["Comment"] = "Agregue resultados medibles." })).StatusCode);
        Assert.Equal(PracticeStatus.Returned, (await PracticeAsync(id)).Status);
        Assert.Contains("Agregue resultados medibles.", await submitter.GetStringAsync($"/practices/submit/{id}"), StringComparison.Ordinal);

        var resubmission = await SubmissionAsync("Ventanilla única con resultados medibles");
        resubmission["Form.Version"] = "1";
        Assert.Equal(id, IdFrom(await PostAsync(submitter, $"/practices/submit/{id}", resubmission)));
        Assert.Equal(PracticeStatus.Submitted, (await PracticeAsync(id)).Status);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(secretariat, $"/practices/{id}?handler=Review", new() { ["Version"] = "2", ["Decision"] = "Accept" })).StatusCode);
        Assert.Equal(PracticeStatus.Accepted, (await PracticeAsync(id)).Status);

        // Not yet: neither the institution's consent nor a month.
        var early = await ErrorPageAsync(await PostAsync(secretariat, $"/practices/{id}?handler=Publish", new() { ["Version"] = "3" }));
        Assert.Contains("id=\"error-consentGivenBy\"", early, StringComparison.Ordinal);
        Assert.Contains("id=\"error-month\"", early, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(submitter, $"/practices/{id}?handler=Consent",
            new() { ["Version"] = "3", ["ConsentGivenBy"] = "María López, directora", ["ConsentGivenOn"] = Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) })).StatusCode);
        var consented = await PracticeAsync(id);
        Assert.Equal("María López, directora", consented.ConsentGivenBy);
        Assert.NotNull(consented.ConsentRecordedAt);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(secretariat, $"/practices/{id}?handler=Schedule", new() { ["Version"] = "4", ["Month"] = ThisMonth })).StatusCode);

        // One practice a month: a second accepted practice cannot take the same month.
        var second = IdFrom(await PostAsync(submitter, "/practices/submit", await SubmissionAsync("Otra práctica")));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(secretariat, $"/practices/{second}?handler=Review", new() { ["Version"] = "0", ["Decision"] = "Accept" })).StatusCode);
        Assert.Contains("id=\"error-month\"", await ErrorPageAsync(await PostAsync(secretariat, $"/practices/{second}?handler=Schedule", new() { ["Version"] = "1", ["Month"] = ThisMonth })), StringComparison.Ordinal);

        Assert.Contains("Reserved", await anonymous.GetStringAsync("/practices/calendar"), StringComparison.Ordinal);
        Assert.Contains("Ventanilla única con resultados medibles", await submitter.GetStringAsync("/practices/calendar"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(secretariat, $"/practices/{id}?handler=Publish", new() { ["Version"] = "5" })).StatusCode);
        var published = await PracticeAsync(id);
        Assert.Equal(PracticeStatus.Published, published.Status);
        Assert.NotNull(published.PublishedAt);

        var page = await anonymous.GetStringAsync($"/practices/{id}");
        Assert.Contains("Ventanilla única con resultados medibles", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Agregue resultados medibles.", page, StringComparison.Ordinal);
        Assert.Contains("Ventanilla única con resultados medibles", await anonymous.GetStringAsync("/practices?country=GT&gcm=6"), StringComparison.Ordinal);
        Assert.DoesNotContain("Ventanilla única con resultados medibles", await anonymous.GetStringAsync("/practices?gcm=1"), StringComparison.Ordinal);
        var listed = (await anonymous.GetFromJsonAsync<JsonElement>("/api/practices?country=GT&size=200")).GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt32()).ToList();
        Assert.Contains(id, listed);
        Assert.DoesNotContain(second, listed);
        var read = await anonymous.GetFromJsonAsync<JsonElement>($"/api/practices/{id}");
        Assert.Equal("published", read.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, read.GetProperty("consentGivenBy").ValueKind);
        Assert.Equal(JsonValueKind.Null, read.GetProperty("reviewComment").ValueKind);

        await using var db = app.CreateDb();
        var actions = await db.AuditEntries.Where(e => e.EntityType == "practice" && e.EntityId == id.ToString(CultureInfo.InvariantCulture)).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
        Assert.Equal(["submit", "return", "resubmit", "accept", "consent", "schedule", "publish"], actions);
    }

    [Fact]
    public async Task Review_ReturnWithoutComment_NamesTheCommentAndChangesNothing()
    {
        var submitter = await SignedInAsync("observer");
        var secretariat = await SignedInAsync("secretariat");
        var id = IdFrom(await PostAsync(submitter, "/practices/submit", await SubmissionAsync()));
        var html = await ErrorPageAsync(await PostAsync(secretariat, $"/practices/{id}?handler=Review", new() { ["Version"] = "0", ["Decision"] = "Reject", ["Comment"] = " " }));
        Assert.Contains("id=\"error-comment\"", html, StringComparison.Ordinal);
        Assert.Equal(PracticeStatus.Submitted, (await PracticeAsync(id)).Status);

        var stale = await PostAsync(secretariat, $"/practices/{id}?handler=Review", new() { ["Version"] = "7", ["Decision"] = "Accept" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(0, (await PracticeAsync(id)).Version);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(secretariat, $"/practices/{id}?handler=Review", new() { ["Version"] = "0", ["Decision"] = "Reject", ["Comment"] = "Fuera del alcance del Pacto." })).StatusCode);
        Assert.Equal(PracticeStatus.Rejected, (await PracticeAsync(id)).Status);
        var resubmission = await SubmissionAsync();
        resubmission["Form.Version"] = "1";
        Assert.Contains("id=\"error-status\"", await ErrorPageAsync(await PostAsync(submitter, $"/practices/submit/{id}", resubmission)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_WithMissingFields_NamesEachFieldAndSavesNothing()
    {
        var submitter = await SignedInAsync("focal-point:HN");
        await using var db = app.CreateDb();
        var before = await db.Practices.CountAsync();
        var html = await ErrorPageAsync(await PostAsync(submitter, "/practices/submit", new() { ["Form.Version"] = "0", ["Form.InstitutionId"] = "0", ["Form.TitleEs"] = "Solo el título" }));
        foreach (var field in new[] { "title-en", "summary-es", "summary-en", "body-es", "body-en", "institutionId", "gcmObjectives", "countries" })
        {
            Assert.Contains($"id=\"error-{field}\"", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("id=\"error-title-es\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await db.Practices.CountAsync());
    }

    [Fact]
    public async Task Review_ByCivilSocietyOrAnotherSubmitter_IsDeniedAndChangesNothing()
    {
        var submitter = await SignedInAsync("civil-society");
        var id = IdFrom(await PostAsync(submitter, "/practices/submit", await SubmissionAsync()));
        foreach (var client in new[] { submitter, await SignedInAsync("observer"), await SignedInAsync("presidency") })
        {
            var response = await PostAsync(client, $"/practices/{id}?handler=Review", new() { ["Version"] = "0", ["Decision"] = "Accept" });
            Assert.Contains("/account/denied", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }

        var other = await SignedInAsync("civil-society");
        var edit = await SubmissionAsync("Tomada por otra organización");
        Assert.Contains("/account/denied", (await PostAsync(other, $"/practices/submit/{id}", edit)).Headers.Location?.OriginalString, StringComparison.Ordinal);
        var practice = await PracticeAsync(id);
        Assert.Equal(PracticeStatus.Submitted, practice.Status);
        Assert.Equal("Ventanilla única de migración laboral", practice.Title.Es);
    }
}

public sealed class PracticePipelineTestsOnSqlite(SqliteApp app) : PracticePipelineTests(app), IClassFixture<SqliteApp>;

public sealed class PracticePipelineTestsOnPostgres(PostgresApp app) : PracticePipelineTests(app), IClassFixture<PostgresApp>;
