using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Plans;

public abstract class PlansApiTests(MovilidadApp app)
{
    private readonly HttpClient client = app.ClientIn("es");

    private async Task<JsonElement> GetJson(string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<int> PlanId(string key) =>
        (await GetJson("/api/plans")).EnumerateArray().Single(p => p.GetProperty("key").GetString() == key).GetProperty("id").GetInt32();

    private static IEnumerable<JsonElement> Flatten(JsonElement nodes) =>
        nodes.EnumerateArray().SelectMany(n => new[] { n }.Concat(Flatten(n.GetProperty("children"))));

    [Fact]
    public async Task GetPlans_ListsTheFivePlansFromTheStrategicPlanDown()
    {
        var plans = (await GetJson("/api/plans")).EnumerateArray().ToList();
        Assert.Equal(["pe-crm-2023-2026", "prml-2023-2027", "po-prml-2023-2027", "red-onu-2023-2024", "taller-ptmt-2009"], plans.Select(p => p.GetProperty("key").GetString()));
        Assert.Equal("strategic-plan", plans[0].GetProperty("kind").GetString());
        Assert.Equal("Plan Regional sobre Movilidad Laboral 2023-2027", plans[1].GetProperty("title").GetProperty("es").GetString()?.Replace(" – ", "-", StringComparison.Ordinal));
        Assert.False(string.IsNullOrEmpty(plans[1].GetProperty("title").GetProperty("en").GetString()));
    }

    [Fact]
    public async Task GetPlanTree_RegionalPlan_HasFourLinesWithTheirActions()
    {
        var tree = await GetJson($"/api/plans/{await PlanId("prml-2023-2027")}/tree");
        var all = Flatten(tree).ToList();
        Assert.Equal(4, all.Count(n => n.GetProperty("level").GetString() == "line"));
        Assert.Equal(26, all.Count(n => n.GetProperty("level").GetString() == "action"));
        var line1 = all.First(n => n.GetProperty("level").GetString() == "line");
        Assert.Equal(8, Flatten(line1.GetProperty("children")).Count(n => n.GetProperty("level").GetString() == "action"));
    }

    [Fact]
    public async Task GetElement_ActionWithFootnote_HasFootnoteSourceAndLinks()
    {
        var tree = await GetJson($"/api/plans/{await PlanId("prml-2023-2027")}/tree");
        var action = Flatten(tree).First(n => n.GetProperty("code").GetString() == "1.6");
        var element = await GetJson($"/api/elements/{action.GetProperty("id").GetInt32()}");
        Assert.Equal("action", element.GetProperty("level").GetString());
        Assert.Contains(element.GetProperty("footnotes").EnumerateArray(), f => f.GetProperty("number").GetInt32() == 7
            && f.GetProperty("text").GetProperty("es").GetString()!.Contains("dinámica de sistemas", StringComparison.Ordinal));
        Assert.Equal("001_68c9cb0c6e759fe9.txt", element.GetProperty("sourceDocument").GetString());
        Assert.False(string.IsNullOrEmpty(element.GetProperty("section").GetString()));
        Assert.Equal("prml-2023-2027", element.GetProperty("plan").GetProperty("key").GetString());
        Assert.Equal("line", element.GetProperty("ancestors")[0].GetProperty("level").GetString());
    }

    [Fact]
    public async Task GetElement_UnActivity_HasResponsibleAndAccompanyingAgenciesAndCalendar()
    {
        var tree = await GetJson($"/api/plans/{await PlanId("red-onu-2023-2024")}/tree");
        var activity = Flatten(tree).First(n => n.GetProperty("key").GetString() == "b1-5");
        var element = await GetJson($"/api/elements/{activity.GetProperty("id").GetInt32()}");
        var roles = element.GetProperty("institutions").EnumerateArray()
            .Select(i => (i.GetProperty("institution").GetProperty("code").GetString(), i.GetProperty("role").GetString())).ToList();
        Assert.Contains(("OIM", "responsible"), roles);
        Assert.Contains(("RED-ONU", "accompanying"), roles);
        var timeframe = element.GetProperty("timeframe");
        Assert.Equal("2023-09-27", timeframe.GetProperty("start").GetString());
        Assert.Equal("2023-09-28", timeframe.GetProperty("end").GetString());
    }

    [Fact]
    public async Task GetInstitutions_HasMemberStatesAndUnAgencies()
    {
        var institutions = (await GetJson("/api/institutions")).EnumerateArray().ToList();
        Assert.Equal(11, institutions.Count(i => i.GetProperty("kind").GetString() == "member-state"));
        var ilo = institutions.Single(i => i.GetProperty("code").GetString() == "OIT");
        Assert.Equal("ILO", ilo.GetProperty("acronym").GetProperty("en").GetString());
        var onlyUn = (await GetJson("/api/institutions?kind=un-agency")).EnumerateArray().ToList();
        Assert.All(onlyUn, i => Assert.Equal("un-agency", i.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task GetCountries_HasIsoCodesBothLanguagesAndTheElevenMembers()
    {
        var countries = (await GetJson("/api/reference/countries")).EnumerateArray().ToList();
        Assert.True(countries.Count >= 249);
        var mexico = countries.Single(c => c.GetProperty("alpha2").GetString() == "MX");
        Assert.Equal("MEX", mexico.GetProperty("alpha3").GetString());
        Assert.Equal("México", mexico.GetProperty("name").GetProperty("es").GetString());
        Assert.Equal(11, countries.Count(c => c.GetProperty("crmMember").GetBoolean()));
    }

    [Theory]
    [InlineData("agricola", "6")]
    [InlineData("AGRÍCOLA", "6")]
    [InlineData("nursing", "2")]
    [InlineData("9211", "9")]
    public async Task GetOccupations_ByWordsOrCode_FindsIscoGroupsIgnoringAccentsAndCase(string query, string majorGroup)
    {
        var found = (await GetJson($"/api/reference/occupations?q={Uri.EscapeDataString(query)}&limit=200")).EnumerateArray().ToList();
        Assert.NotEmpty(found);
        Assert.Contains(found, o => o.GetProperty("code").GetString()!.StartsWith(majorGroup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetOccupations_Level_ReturnsTheTenMajorGroups()
    {
        var found = (await GetJson("/api/reference/occupations?level=1")).EnumerateArray().ToList();
        Assert.Equal(10, found.Count);
    }

    [Theory]
    [InlineData("/api/reference/occupations?limit=abc", "limit")]
    [InlineData("/api/reference/occupations?level=7", "level")]
    [InlineData("/api/institutions?kind=ministry", "kind")]
    public async Task Get_MalformedQueryParameter_Gives400NamingIt(string url, string parameter)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _));
        Assert.Contains(parameter, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/plans/99999")]
    [InlineData("/api/plans/99999/tree")]
    [InlineData("/api/elements/99999")]
    [InlineData("/api/no-such-thing")]
    public async Task Get_UnknownId_Gives404ProblemDetails(string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task GetSearch_AccentlessLowercaseWords_FindsElementsInEitherLanguage()
    {
        var spanish = (await GetJson("/api/search?q=contratacion%20justa")).GetProperty("results").EnumerateArray().ToList();
        Assert.Contains(spanish, h => h.GetProperty("kind").GetString() == "element");
        var english = (await GetJson("/api/search?q=FAIR%20recruitment")).GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(english);
        Assert.Empty((await GetJson("/api/search?q=%25")).GetProperty("results").EnumerateArray());
    }

    [Fact]
    public async Task GetOpenApi_DescribesThePlanEndpoints()
    {
        var document = await GetJson("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/plans", "/api/plans/{plan}", "/api/plans/{plan}/tree", "/api/elements/{id}", "/api/institutions", "/api/reference/countries", "/api/reference/occupations" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in the OpenAPI document");
        }
    }

    [Fact]
    public async Task GetHealth_ReportsTheDatabaseAndLiveAnswers()
    {
        Assert.Equal("Healthy", await client.GetStringAsync("/health"));
        Assert.Equal("Healthy", await client.GetStringAsync("/health/live"));
    }
}

public sealed class PlansApiTestsOnSqlite(SqliteApp app) : PlansApiTests(app), IClassFixture<SqliteApp>;

public sealed class PlansApiTestsOnPostgres(PostgresApp app) : PlansApiTests(app), IClassFixture<PostgresApp>;
