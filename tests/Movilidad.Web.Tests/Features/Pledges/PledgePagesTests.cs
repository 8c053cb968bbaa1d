using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Movilidad.Web.Features.Pledges;
using Movilidad.Platform.Pledges;
using Movilidad.Web.Tests.Features.Monitoring;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Pledges;

public abstract class PledgePagesTests(MovilidadApp app)
{
    /// <summary>The quarter whose update is due now, by the app's clock, read when a test runs.</summary>
    private YearQuarter Due => YearQuarter.LastEnded(DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime));

    private async Task<HttpClient> SignedInAsync(string grant) =>
        await app.SignInAsync(await app.AddPersonAsync($"{Guid.NewGuid():N}@example.org", twoFactor: grant == "secretariat", grant));

    private async Task<int> PledgeOfAsync(string grant, params string[] pledgers)
    {
        var client = await app.ClientAsAsync(grant);
        return (await PledgeBuilders.CreatedAsync(await client.PostAsJsonAsync("/api/pledges", await app.PledgeAsync(pledgers)))).GetProperty("id").GetInt32();
    }

    private static MultipartFormDataContent UpdateForm(int version, YearQuarter quarter, string narrative, (string Name, string Type, byte[] Content)? file)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(version.ToString(CultureInfo.InvariantCulture)), "Form.Version" },
            { new StringContent(quarter.Year.ToString(CultureInfo.InvariantCulture)), "Form.Year" },
            { new StringContent(quarter.Quarter.ToString(CultureInfo.InvariantCulture)), "Form.Quarter" },
            { new StringContent("InProgress"), "Form.Status" },
            { new StringContent(narrative), "Form.Narrative" },
        };
        if (file is { } f)
        {
            var content = new ByteArrayContent(f.Content);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(f.Type);
            form.Add(content, "Form.EvidenceFile", f.Name);
        }

        return form;
    }

    private static async Task<HttpResponseMessage> PostMultipartAsync(HttpClient client, string url, MultipartFormDataContent form)
    {
        var token = await client.FormTokenAsync("/pledges/edit");
        form.Add(new StringContent(token!), "__RequestVerificationToken");
        return await client.PostAsync(url, form);
    }

    [Fact]
    public async Task QuarterlyUpdateForm_WithAFileOfTheWrongKindThenAPdf_NamesTheFileThenStoresIt()
    {
        var id = await PledgeOfAsync("focal-point:PA", "PA");
        var focal = await SignedInAsync("focal-point:PA");
        var wrong = await PostMultipartAsync(focal, $"/pledges/{id}?handler=Update", UpdateForm(0, Due, "Avance", ("informe.pdf", "application/pdf", "<html>no</html>"u8.ToArray())));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("id=\"error-evidenceFile\"", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var pdf = "%PDF-1.7\n%%EOF"u8.ToArray();
        var saved = await PostMultipartAsync(focal, $"/pledges/{id}?handler=Update", UpdateForm(0, Due, "Se firmó el convenio.", ("convenio.pdf", "application/pdf", pdf)));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var db = app.CreateDb();
        var update = await db.PledgeUpdates.SingleAsync(u => u.PledgeId == id);
        Assert.Equal(("convenio.pdf", PledgeStatus.InProgress, Due.Year, Due.Quarter), (update.EvidenceFileName, update.Status, update.Year, update.Quarter));
        Assert.Equal(pdf, await db.PledgeEvidence.Where(e => e.UpdateId == update.Id).Select(e => e.Content).SingleAsync());
        Assert.Contains("convenio.pdf", await focal.GetStringAsync($"/pledges/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_FocalPointOfGuatemalaOnAHonduranPledge_AreDeniedAndChangeNothing()
    {
        var id = await PledgeOfAsync("focal-point:HN", "HN");
        var guatemala = await SignedInAsync("focal-point:GT");
        Assert.Contains("/account/denied", (await guatemala.GetAsync($"/pledges/edit/{id}")).Headers.Location?.OriginalString, StringComparison.Ordinal);
        var edit = await guatemala.PostFormAsync("/pledges/edit", $"/pledges/edit/{id}", new()
        {
            ["Form.Version"] = "0", ["Form.TitleEs"] = "Tomada", ["Form.TitleEn"] = "Taken", ["Form.Pledgers"] = (await app.InstitutionIdAsync("GT")).ToString(CultureInfo.InvariantCulture),
        });
        Assert.Contains("/account/denied", edit.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var update = await PostMultipartAsync(guatemala, $"/pledges/{id}?handler=Update", UpdateForm(0, Due, "Ajeno", null));
        Assert.Contains("/account/denied", update.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/pledges/edit/{id}\"", await guatemala.GetStringAsync($"/pledges/{id}"), StringComparison.Ordinal);
        Assert.Contains($"href=\"/pledges/edit/{id}\"", await (await SignedInAsync("focal-point:HN")).GetStringAsync($"/pledges/{id}"), StringComparison.Ordinal);

        await using var db = app.CreateDb();
        var pledge = await db.Pledges.Include(p => p.Updates).SingleAsync(p => p.Id == id);
        Assert.Equal((0, "Ampliar las vías regulares de movilidad laboral"), (pledge.Version, pledge.Title.Es));
        Assert.Empty(pledge.Updates);
    }

    [Fact]
    public async Task EditForm_WithoutTitleOrPledgers_NamesBothAndSavesNothing()
    {
        var observer = await SignedInAsync("observer");
        await using var db = app.CreateDb();
        var before = await db.Pledges.CountAsync();
        var response = await observer.PostFormAsync("/pledges/edit", "/pledges/edit", new() { ["Form.Version"] = "0", ["Form.TitleEn"] = "Only English", ["Form.Milestones[0].Title"] = "Hito", ["Form.Milestones[0].DueDate"] = "31/13/2026" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("id=\"error-milestones-0--dueDate\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        response = await observer.PostFormAsync("/pledges/edit", "/pledges/edit", new() { ["Form.Version"] = "0", ["Form.TitleEn"] = "Only English" });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("id=\"error-title-es\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"error-pledgers\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await db.Pledges.CountAsync());
    }

    [Fact]
    public async Task Dashboard_ForThePublic_CountsPublishedPledgesAndListsTheOverdueOnes()
    {
        var reported = await PledgeOfAsync("focal-point:CR", "CR");
        var silent = await PledgeOfAsync("focal-point:CR", "CR");
        var hidden = await PledgeOfAsync("focal-point:CR", "CR");
        var old = Due.Start.AddDays(-100).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        foreach (var id in new[] { reported, silent, hidden })
        {
            await app.BackdateAsync(id, old);
        }

        var focal = await app.ClientAsAsync("focal-point:CR");
        Assert.Equal(HttpStatusCode.OK, (await focal.PostAsJsonAsync($"/api/pledges/{reported}/updates", new { version = 0, year = Due.Year, quarter = Due.Quarter, status = "in-progress", narrative = "Avance" })).StatusCode);
        var secretariat = await app.ClientAsAsync("secretariat");
        foreach (var (id, version) in new[] { (reported, 1), (silent, 0) })
        {
            Assert.Equal(HttpStatusCode.OK, (await secretariat.PutAsJsonAsync($"/api/pledges/{id}/publication", new { version, isPublished = true })).StatusCode);
        }

        var html = await app.Browser().GetStringAsync("/pledges/dashboard");
        var overdue = html[html.IndexOf("data-testid=\"overdue\"", StringComparison.Ordinal)..];
        overdue = overdue[..overdue.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Contains($"/pledges/{silent}\"", overdue, StringComparison.Ordinal);
        Assert.DoesNotContain($"/pledges/{reported}\"", overdue, StringComparison.Ordinal);
        Assert.DoesNotContain($"/pledges/{hidden}\"", html, StringComparison.Ordinal);
        Assert.Contains("role=\"img\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync($"/pledges/{hidden}")).StatusCode);
    }
}

public sealed class PledgePagesTestsOnSqlite(SqliteApp app) : PledgePagesTests(app), IClassFixture<SqliteApp>;

public sealed class PledgePagesTestsOnPostgres(PostgresApp app) : PledgePagesTests(app), IClassFixture<PostgresApp>;
