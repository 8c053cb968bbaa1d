using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Monitoring;

public abstract class ActivityPagesTests(MovilidadApp app)
{
    private async Task<(HttpClient Client, int ActionId, int GroupId)> WorkingGroupMemberAsync(string language = "es")
    {
        var group = await app.WorkingGroupIdAsync();
        return (await app.ClientInAsync(language, "working-group-member:GT-ML"), await app.ActionIdAsync(), group);
    }

    private async Task<int> CreateAsync(HttpClient client, int action, int group, string code)
    {
        var response = await client.PostAsJsonAsync("/api/activities", ActivityBuilders.Activity(action, group, code));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static List<KeyValuePair<string, string>> Form(int action, int group, string code, string amount) =>
    [
        new("Form.Version", "0"),
        new("Form.ActionId", action.ToString(CultureInfo.InvariantCulture)),
        new("Form.Code", code),
        new("Form.TitleEs", "Encuentro de ministerios de trabajo"),
        new("Form.TitleEn", "Meeting of labour ministries"),
        new("Form.StartDate", "2025-09-01"),
        new("Form.EndDate", "2025-09-30"),
        new("Form.WorkingGroupId", group.ToString(CultureInfo.InvariantCulture)),
        new("Form.Priority", "High"),
        new("Form.GenderMarker", "2"),
        new("Form.Countries", "CR"),
        new("Form.Countries", "PA"),
        new("Form.BudgetLines[0].Kind", "Planned"),
        new("Form.BudgetLines[0].Amount", amount),
        new("Form.BudgetLines[0].Currency", "USD"),
        new("Form.BudgetLines[0].Source", "Cooperación"),
        new("Form.BudgetLines[1].Kind", "Planned"),
        new("Form.BudgetLines[1].Amount", ""),
        new("Form.BudgetLines[1].Currency", "USD"),
        new("Form.BudgetLines[1].Source", ""),
        new("Form.GcmObjectives", "6"),
        new("Form.SdgTargets", "8.8, 10.7"),
    ];

    [Fact]
    public async Task ListAndDetails_NotSignedIn_ShowThePublishedPlansActivitiesReadOnly_WithWhatSigningInAdds()
    {
        var (member, action, group) = await WorkingGroupMemberAsync();
        var id = await CreateAsync(member, action, group, "PUB-1");
        var anonymous = app.ClientIn("es");

        var list = await anonymous.GetAsync("/monitoring/activities");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var html = await list.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"public-note\"", html, StringComparison.Ordinal);
        Assert.Contains("Consulta pública", html, StringComparison.Ordinal);
        Assert.Contains($"/monitoring/activities/{id}", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/monitoring/matrix", html.Split("<main")[1], StringComparison.Ordinal);

        var details = await anonymous.GetStringAsync($"/monitoring/activities/{id}");
        Assert.Contains("Consulta pública", details, StringComparison.Ordinal);
        Assert.DoesNotContain("history-link", details, StringComparison.Ordinal);
        Assert.DoesNotContain($"/monitoring/activities/edit/{id}", details, StringComparison.Ordinal);

        // Their history, concept note and edit pages stay for those who work on the plans.
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync($"/monitoring/activities/{id}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync($"/monitoring/activities/{id}/concept-note")).StatusCode);
        var observer = await app.ClientInAsync("es", "observer");
        Assert.DoesNotContain("data-testid=\"public-note\"", await observer.GetStringAsync($"/monitoring/activities/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_ManyActivities_PagedOnTheServerInNaturalOrder_WithFiltersAndSizeInTheAddress()
    {
        var group = await app.WorkingGroupIdAsync("GT-PROT");
        var action = await app.ActionIdAsync("1.2");
        await using (var db = app.CreateDb())
        {
            db.Activities.AddRange(Enumerable.Range(1, 30).Select(i => new Movilidad.Platform.Monitoring.Activity
            {
                ActionId = action, WorkingGroupId = group, Code = $"PG-{i}", Title = new($"Paginada {i}", $"Paged {i}"), Countries = [new() { CountryCode = "BZ" }],
            }));
            await db.SaveChangesAsync();
        }

        var client = await app.ClientInAsync("es", "observer");
        var first = await client.GetStringAsync($"/monitoring/activities?workingGroupId={group}&size=25");
        Assert.Contains("1–25 de 30", first, StringComparison.Ordinal);
        Assert.Equal(25, first.Split("/monitoring/activities/", StringSplitOptions.None).Count(p => char.IsAsciiDigit(p[0])));
        Assert.True(first.IndexOf(">PG-9<", StringComparison.Ordinal) < first.IndexOf(">PG-10<", StringComparison.Ordinal), "PG-9 comes before PG-10");
        Assert.DoesNotContain(">PG-26<", first, StringComparison.Ordinal);
        var next = $"/monitoring/activities?workingGroupId={group}&amp;size=25&amp;start=25";
        Assert.Contains(next, first, StringComparison.Ordinal);

        var second = await client.GetStringAsync(System.Net.WebUtility.HtmlDecode(next));
        Assert.Contains("26–30 de 30", second, StringComparison.Ordinal);
        Assert.Contains(">PG-30<", second, StringComparison.Ordinal);
        Assert.DoesNotContain(">PG-9<", second, StringComparison.Ordinal);

        // The plan and line filters: the plan's lines are offered once a plan is chosen; an action of another line matches nothing.
        await using (var db = app.CreateDb())
        {
            db.ShowsUnpublished = true;
            var line = await db.PlanElements.Where(e => e.Id == action).Select(e => new { e.PlanId, e.ParentId }).SingleAsync();
            var otherLine = await db.PlanElements.Where(e => e.PlanId == line.PlanId && e.LevelKey == "action" && e.ParentId != line.ParentId).Select(e => e.ParentId).FirstAsync();
            var inLine = await client.GetStringAsync($"/monitoring/activities?plan={line.PlanId}&line={line.ParentId}&workingGroupId={group}&size=100");
            Assert.Contains("1–30 de 30", inLine, StringComparison.Ordinal);
            Assert.Contains($"<option value=\"{line.ParentId}\" selected=\"selected\"", inLine, StringComparison.Ordinal);
            Assert.Contains("No hay actividades con estos filtros.", await client.GetStringAsync($"/monitoring/activities?plan={line.PlanId}&line={otherLine}&workingGroupId={group}"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task List_AsObserverInEnglish_ShowsActivitiesWithTheirStatus()
    {
        var (member, action, group) = await WorkingGroupMemberAsync();
        await CreateAsync(member, action, group, "1.1.20");
        var observer = await app.ClientInAsync("en", "observer");

        var html = await observer.GetStringAsync("/monitoring/activities?country=GT");

        Assert.Contains("Operational plan activities", html, StringComparison.Ordinal);
        Assert.Contains("Regional workshop on skills recognition", html, StringComparison.Ordinal);
        Assert.Contains(">Planned<", html, StringComparison.Ordinal);
        Assert.DoesNotContain("New activity", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatePage_WithSpanishDecimalComma_SavesTheAmountAndShowsTheActivity()
    {
        var (client, action, group) = await WorkingGroupMemberAsync();

        var response = await client.PostPageFormAsync("/monitoring/activities/edit", Form(action, group, "1.1.21", "1234,56"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        var id = int.Parse(location.Split('/')[^1], CultureInfo.InvariantCulture);
        var saved = await client.GetFromJsonAsync<JsonElement>($"/api/activities/{id}");
        Assert.Equal(1234.56m, saved.GetProperty("budgetLines")[0].GetProperty("amount").GetDecimal());
        Assert.Single(saved.GetProperty("budgetLines").EnumerateArray());
        Assert.Equal(["CR", "PA"], saved.GetProperty("countries").EnumerateArray().Select(c => c.GetProperty("country").GetString()));
        var page = await client.GetStringAsync(location);
        Assert.Contains("1.234,56 USD", page, StringComparison.Ordinal);
        Assert.Contains("Encuentro de ministerios de trabajo", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatePage_WithBadAmountAndNoCountry_NamesTheFieldsInSpanishAndSavesNothing()
    {
        var (client, action, group) = await WorkingGroupMemberAsync();
        await using var db = app.CreateDb();
        var before = await db.Activities.IgnoreQueryFilters().CountAsync();
        var form = Form(action, group, "1.1.22", "mil");

        var response = await client.PostPageFormAsync("/monitoring/activities/edit", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("No se guardó nada", html, StringComparison.Ordinal);
        Assert.Contains("Presupuesto, monto: escriba un número positivo", html, StringComparison.Ordinal);
        Assert.Contains("value=\"mil\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await db.Activities.IgnoreQueryFilters().CountAsync());

        form.RemoveAll(f => f.Key == "Form.Countries" || f.Key == "Form.BudgetLines[0].Amount");
        form.Add(new("Form.BudgetLines[0].Amount", "10"));
        var second = await client.PostPageFormAsync("/monitoring/activities/edit", form);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("Países participantes: marque al menos un país", WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await db.Activities.IgnoreQueryFilters().CountAsync());
    }

    [Fact]
    public async Task EditPage_AsMemberOfAnotherWorkingGroup_IsForbidden()
    {
        var (member, action, group) = await WorkingGroupMemberAsync();
        var id = await CreateAsync(member, action, group, "1.1.23");
        var other = await app.ClientAsAsync("working-group-member:GT-PROT");

        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/monitoring/activities/edit/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/monitoring/activities/{id}/concept-note")).StatusCode);
    }

    [Fact]
    public async Task DetailsPage_ApproveWithIncompleteNote_NamesTheMissingFieldsAndKeepsTheStatus()
    {
        var (client, action, group) = await WorkingGroupMemberAsync();
        var id = await CreateAsync(client, action, group, "1.1.24");

        var response = await client.PostPageFormAsync($"/monitoring/activities/{id}?handler=Status", [new("Version", "0"), new("NewStatus", "ConceptNoteComplete"), new("Reason", "")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("La nota conceptual no está completa", html, StringComparison.Ordinal);
        Assert.Contains("<li>Riesgos</li>", html, StringComparison.Ordinal);
        Assert.Contains("<li>Participantes esperados por sexo</li>", html, StringComparison.Ordinal);
        var saved = await client.GetFromJsonAsync<JsonElement>($"/api/activities/{id}");
        Assert.Equal("planned", saved.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ConceptNotePage_CompleteNoteThenApprove_MovesTheActivity()
    {
        var (client, action, group) = await WorkingGroupMemberAsync();
        var id = await CreateAsync(client, action, group, "1.1.25");
        var note = ActivityBuilders.CompleteConceptNote(0)
            .Where(p => p.Key != "version" && p.Value is not null)
            .Select(p => new KeyValuePair<string, string>("Form." + char.ToUpperInvariant(p.Key[0]) + p.Key[1..], Convert.ToString(p.Value, CultureInfo.GetCultureInfo("es"))!))
            .Select(p => p.Key == "Form.Modality" ? new KeyValuePair<string, string>(p.Key, "Hybrid") : p)
            .Append(new("Form.Version", "0"))
            .ToList();

        var saved = await client.PostPageFormAsync($"/monitoring/activities/{id}/concept-note", note);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/monitoring/activities/{id}"));
        Assert.Contains("La nota conceptual está completa", page, StringComparison.Ordinal);

        var moved = await client.PostPageFormAsync($"/monitoring/activities/{id}?handler=Status", [new("Version", "1"), new("NewStatus", "ConceptNoteComplete"), new("Reason", "")]);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var read = await client.GetFromJsonAsync<JsonElement>($"/api/activities/{id}/concept-note");
        Assert.Equal(25000.50m, read.GetProperty("note").GetProperty("budgetAmount").GetDecimal());
        Assert.Equal("concept-note-complete", (await client.GetFromJsonAsync<JsonElement>($"/api/activities/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task SharePage_AsThatCountrysFocalPoint_SavesWithDecimalComma_AndAnotherCountryIsForbidden()
    {
        var (member, action, group) = await WorkingGroupMemberAsync();
        var id = await CreateAsync(member, action, group, "1.1.26");
        var honduras = await app.ClientAsAsync("focal-point:HN");
        var guatemala = await app.ClientAsAsync("focal-point:GT");

        Assert.Equal(HttpStatusCode.Forbidden, (await guatemala.GetAsync($"/monitoring/activities/{id}/countries/HN")).StatusCode);
        var response = await honduras.PostPageFormAsync($"/monitoring/activities/{id}/countries/HN",
        [
            new("Form.Version", "0"), new("Form.StartDate", "2025-05-01"), new("Form.EndDate", "2025-05-03"),
            new("Form.BudgetAmount", "980,5"), new("Form.BudgetCurrency", "HNL"), new("Form.Status", "Planned"), new("Form.StatusReason", ""),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var share = (await member.GetFromJsonAsync<JsonElement>($"/api/activities/{id}")).GetProperty("countries").EnumerateArray().Single(c => c.GetProperty("country").GetString() == "HN");
        Assert.Equal(980.5m, share.GetProperty("budgetAmount").GetDecimal());
        Assert.Equal("2025-05-01", share.GetProperty("startDate").GetString());
        var details = await honduras.GetStringAsync($"/monitoring/activities/{id}");
        Assert.Contains($"/monitoring/activities/{id}/countries/HN", details, StringComparison.Ordinal);
        Assert.DoesNotContain($"/monitoring/activities/{id}/countries/GT", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Due_AsFocalPoint_ListsTheirCountrysLateAndSoonSharesButNotClosedOnes()
    {
        var (member, action, group) = await WorkingGroupMemberAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        async Task<int> Create(string code, DateOnly end, params string[] countries)
        {
            var body = ActivityBuilders.Activity(action, group, code, countries);
            body["startDate"] = end.AddDays(-20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            body["endDate"] = end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var response = await member.PostAsJsonAsync("/api/activities", body);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        }

        await Create("DUE-LATE", new DateOnly(2025, 6, 30), "HN", "GT");
        await Create("DUE-OTHER", new DateOnly(2025, 6, 30), "GT");
        await Create("DUE-SOON", today.AddDays(10), "HN");
        await Create("DUE-LATER", today.AddDays(60), "HN");
        var cancelled = await Create("DUE-CANCELLED", new DateOnly(2025, 6, 30), "HN");
        Assert.Equal(HttpStatusCode.OK, (await member.PutAsJsonAsync($"/api/activities/{cancelled}/status", new { version = 0, status = "cancelled", reason = "Sin fondos" })).StatusCode);
        var honduras = await app.ClientAsAsync("focal-point:HN");

        var html = await honduras.GetStringAsync("/monitoring/due");

        var parts = html.Split("data-testid=\"soon\"");
        Assert.Equal(2, parts.Length);
        var late = parts[0].Split("data-testid=\"late\"")[1];
        Assert.Contains(">DUE-LATE<", late, StringComparison.Ordinal);
        Assert.DoesNotContain(">DUE-OTHER<", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">DUE-CANCELLED<", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">DUE-LATER<", html, StringComparison.Ordinal);
        Assert.Contains(">DUE-SOON<", parts[1], StringComparison.Ordinal);
        Assert.DoesNotContain(">DUE-SOON<", late, StringComparison.Ordinal);
        Assert.Contains(">DUE-OTHER<", await honduras.GetStringAsync("/monitoring/due?country=GT"), StringComparison.Ordinal);
    }
}

public sealed class ActivityPagesTestsOnSqlite(SqliteApp app) : ActivityPagesTests(app), IClassFixture<SqliteApp>;

public sealed class ActivityPagesTestsOnPostgres(PostgresApp app) : ActivityPagesTests(app), IClassFixture<PostgresApp>;

public sealed class NaturalOrderTests
{
    [Fact]
    public void Codes_SortAsPeopleCountThem()
    {
        string[] codes = ["A101", "a2", "A1001", "1.10", "A1", "1.9", "A01", "B", "1.2.3"];
        Assert.Equal(["1.2.3", "1.9", "1.10", "A01", "A1", "a2", "A101", "A1001", "B"], codes.Order(Movilidad.Web.Infrastructure.Pages.NaturalOrder.Instance));
    }

    /// <summary>The stored keys, compared ordinally as the databases compare them, order codes as <c>NaturalOrder</c> does.</summary>
    [Fact]
    public void SortKeys_ComparedOrdinally_OrderCodesNaturally()
    {
        string[] codes = ["A101", "a2", "A1001", "1.10", "A1", "1.9", "B", "1.2.3", "1.2.10", "1.10.1", "A-7", "A 7", "Ñ1", "007", "x9.Y10", "", "A0", "A00012"];
        Assert.Equal(codes.Order(Movilidad.Web.Infrastructure.Pages.NaturalOrder.Instance), codes.OrderBy(Movilidad.Platform.Data.NaturalSortKey.Of, StringComparer.Ordinal));
        Assert.Equal("A0000000002", Movilidad.Platform.Data.NaturalSortKey.Of("a2"));
        Assert.Equal("0000000001.0000000010.0000000001", Movilidad.Platform.Data.NaturalSortKey.Of("1.10.1"));
        Assert.True(Movilidad.Platform.Data.NaturalSortKey.Of(new string('1', 1) + string.Concat(Enumerable.Repeat(".1", 15)) + "1").Length <= Movilidad.Platform.Data.NaturalSortKey.MaxLength(32));
    }
}
