using System.Net;
using Microsoft.EntityFrameworkCore;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Plans;

public abstract class PlanPagesTests(MovilidadApp app)
{
    private async Task<(HttpStatusCode Status, string Html)> Get(string url, string language = "es")
    {
        var response = await app.ClientIn(language).GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("es", "Gobernanza de la movilidad laboral en la región de la CRM", "lang=\"es\"")]
    [InlineData("en", "Governing labour mobility in the RCM region", "lang=\"en\"")]
    [InlineData("en-CA", "Governing labour mobility in the RCM region", "lang=\"en\"")]
    [InlineData("fr", "Gobernanza de la movilidad laboral en la región de la CRM", "lang=\"es\"")]
    public async Task Home_AcceptLanguage_ChoosesTheLanguage(string language, string heading, string htmlLang)
    {
        var (status, html) = await Get("/", language);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(heading, html, StringComparison.Ordinal);
        Assert.Contains(htmlLang, html, StringComparison.Ordinal);
        Assert.Contains("/plans/pe-crm-2023-2026", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LanguageSwitch_SetsACookieThatSticks()
    {
        var client = app.ClientIn("es");
        var response = await client.GetAsync("/language/en?returnUrl=%2Fplans");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/plans", response.Headers.Location?.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        var request = new HttpRequestMessage(HttpMethod.Get, "/plans");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        var html = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Regional action plan", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LanguageSwitch_ForeignReturnUrl_GoesHome()
    {
        var response = await app.ClientIn("es").GetAsync("/language/en?returnUrl=https%3A%2F%2Fevil.example");
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task PlanPage_ShowsTheTreeDownToActions()
    {
        var (status, html) = await Get("/plans/prml-2023-2027");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("FORTALECIMIENTO DE CAPACIDADES REGIONALES", html.ToUpperInvariant(), StringComparison.Ordinal);
        Assert.Equal(26, html.Split("data-level=\"action\"").Length - 1);
        Assert.Contains("<details>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StrategicPlanPage_LinksDownToThePlansThatCarryItOut()
    {
        var (_, strategic) = await Get("/plans/pe-crm-2023-2026");
        Assert.Contains("href=\"/plans/prml-2023-2027\"", strategic, StringComparison.Ordinal);
        var (_, regional) = await Get("/plans/prml-2023-2027");
        Assert.Contains("href=\"/plans/po-prml-2023-2027\"", regional, StringComparison.Ordinal);
        Assert.Contains("href=\"/plans/pe-crm-2023-2026\"", regional, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ElementPage_ShowsTextFootnotesInstitutionsAndSource()
    {
        await using var db = app.CreateDb();
        var id = await db.PlanElements.Where(e => e.Plan!.Key == "red-onu-2023-2024" && e.Key == "b1-3").Select(e => e.Id).SingleAsync();
        var (status, html) = await Get($"/elements/{id}", "en");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("pledges", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Responsible", html, StringComparison.Ordinal);
        Assert.Contains("IOM", html, StringComparison.Ordinal);
        Assert.DoesNotContain("003_7a9702581e6fb8f3.txt", html, StringComparison.Ordinal);

        // The source is named by its plan's title and links to the document's text, shipped with the platform.
        var source = System.Text.RegularExpressions.Regex.Match(html, "<a href=\"(/api/plans/red-onu-2023-2024/source)\" data-testid=\"source\">([^<]+)</a>");
        Assert.True(source.Success, "source linked by title");
        var text = await app.ClientIn("en").GetAsync(source.Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, text.StatusCode);
        Assert.Equal("text/plain", text.Content.Headers.ContentType?.MediaType);
        Assert.True((await text.Content.ReadAsStringAsync()).Length > 1000);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientIn("en").GetAsync("/api/plans/no-such-plan/source")).StatusCode);
    }

    [Theory]
    [InlineData("/plans/no-such-plan")]
    [InlineData("/elements/99999")]
    [InlineData("/no/such/page")]
    [InlineData("/roadmap?plan=no-such-plan")]
    public async Task Page_Unknown_Gives404PageInTheReadersLanguage(string url)
    {
        var (status, html) = await Get(url, "en");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstitutionsPage_GroupsByKind()
    {
        var (status, html) = await Get("/institutions");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h2 id=\"kind-MemberState\">Países miembros <span", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("id=\"kind-MemberState\"", StringComparison.Ordinal) < html.IndexOf("<h2 id=\"kind-UnAgency\">Sistema de las Naciones Unidas", StringComparison.Ordinal), "member states first");
        var (_, agencies) = await Get("/institutions?kind=un-agency&size=100");
        Assert.Contains("Organización Internacional del Trabajo", agencies, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"kind-MemberState\"", agencies, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Roadmap_DrawsDatedActivitiesWithTodayLine()
    {
        var (status, html) = await Get("/roadmap?plan=red-onu-2023-2024");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("class=\"today\"", html, StringComparison.Ordinal);
        Assert.True(html.Split("class=\"bar").Length - 1 >= 15);
    }

    [Theory]
    [InlineData("migracion laboral", "es")]
    [InlineData("MIGRACIÓN LABORAL", "es")]
    [InlineData("labour migration", "en")]
    public async Task Search_FindsElementsIgnoringAccentsAndCase(string query, string language)
    {
        var (status, html) = await Get("/search?q=" + Uri.EscapeDataString(query), language);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("/elements/", html, StringComparison.Ordinal);
    }
}

public sealed class PlanPagesTestsOnSqlite(SqliteApp app) : PlanPagesTests(app), IClassFixture<SqliteApp>;

public sealed class PlanPagesTestsOnPostgres(PostgresApp app) : PlanPagesTests(app), IClassFixture<PostgresApp>;
