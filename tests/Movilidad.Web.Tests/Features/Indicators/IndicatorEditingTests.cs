using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Web.Tests.Features.Monitoring;
using Movilidad.Web.Tests.Features.Pledges;
using Movilidad.Web.Tests.Infrastructure;
using static Movilidad.Web.Tests.Features.Indicators.IndicatorBuilders;

namespace Movilidad.Web.Tests.Features.Indicators;

/// <summary>Creating and editing indicators and their targets through the API and the pages, and linking pledges to indicators.</summary>
public abstract class IndicatorEditingTests(MovilidadApp app)
{
    private static object NewIndicator(string code, object? targets = null, string unitCode = "NUMBER", string nameEn = "Agreements signed") => new
    {
        plan = Plan,
        code,
        type = "result",
        name = new { es = "Acuerdos firmados", en = nameEn },
        definition = new { es = "Acuerdos bilaterales de movilidad laboral firmados.", en = "Bilateral labour mobility agreements signed." },
        unit = new { es = "Acuerdos", en = "Agreements" },
        unitCode,
        baseline = 1.5m,
        baselineYear = 2022,
        targetType = "cumulative",
        aggregation = "sum",
        elementId = (int?)null,
        workingGroupId = (int?)null,
        targets,
    };

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<int> CreateAsync(string code)
    {
        var secretariat = await app.ClientAsAsync("secretariat");
        var created = await PledgeBuilders.CreatedAsync(await secretariat.PostAsJsonAsync("/api/indicators", NewIndicator(code, new[] { new { country = "MX", period = "2025-S1", value = 4 } })));
        return created.GetProperty("id").GetInt32();
    }

    private static List<KeyValuePair<string, string>> Fields(JsonElement indicator, params (string Cell, string Value)[] targets)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Form.Version", indicator.GetProperty("version").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Form.Plan", Plan),
            new("Form.NameEs", indicator.GetProperty("name").GetProperty("es").GetString()!),
            new("Form.NameEn", indicator.GetProperty("name").GetProperty("en").GetString()!),
            new("Form.DefinitionEs", indicator.GetProperty("definition").GetProperty("es").GetString()!),
            new("Form.DefinitionEn", indicator.GetProperty("definition").GetProperty("en").GetString()!),
            new("Form.UnitEs", indicator.GetProperty("unit").GetProperty("es").GetString()!),
            new("Form.UnitEn", indicator.GetProperty("unit").GetProperty("en").GetString()!),
            new("Form.Type", "Result"),
            new("Form.TargetType", "Cumulative"),
            new("Form.Aggregation", "Sum"),
            new("Form.Baseline", "1,5"),
            new("Form.BaselineYear", "2022"),
        };
        fields.AddRange(targets.Select(t => new KeyValuePair<string, string>($"Form.Targets[{t.Cell}]", t.Value)));
        return fields;
    }

    [Fact]
    public async Task CreateApi_AsSecretariat_SavesTheDefinitionAndTargetsAndAuditsIt()
    {
        var id = await CreateAsync("N1");
        var observer = await app.ClientAsAsync("observer");

        var read = await OkAsync(await observer.GetAsync($"/api/indicators/{id}"));

        Assert.Equal("N1", read.GetProperty("code").GetString());
        Assert.Equal("cumulative", read.GetProperty("targetType").GetString());
        Assert.Equal(1.5m, read.GetProperty("baseline").GetDecimal());
        Assert.True(read.GetProperty("edited").GetBoolean());
        Assert.Equal(4, read.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("country").GetString() == "MX").GetProperty("value").GetDecimal());
        await using var db = app.CreateDb();
        var audit = await db.AuditEntries.SingleAsync(e => e.EntityType == "indicator" && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(AuditActions.Create, audit.Action);
    }

    [Fact]
    public async Task CreateApi_WithBadValues_NamesEachFieldAndCreatesNothing()
    {
        await CreateAsync("N2");
        var secretariat = await app.ClientAsAsync("secretariat");
        await using var db = app.CreateDb();
        var count = await db.Indicators.CountAsync();

        var errors = await (await secretariat.PostAsJsonAsync("/api/indicators",
            NewIndicator("N2", new[] { new { country = "MX", period = "2031-S1", value = 1 } }, unitCode: "KILOS", nameEn: " "))).ErrorsAsync();

        Assert.Equal(["code", "name.en", "targets[0].period", "unitCode"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("already has an indicator N2", errors["code"][0], StringComparison.Ordinal);
        var wrongKind = await secretariat.PostAsync("/api/indicators", new StringContent("""{"plan":"pe-crm-2023-2026","code":"N9","type":"outcome"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(["type"], (await wrongKind.ErrorsAsync()).Keys);
        Assert.Equal(count, await db.Indicators.CountAsync());
    }

    [Fact]
    public async Task CreateAndTargetsApi_AsFocalPointOrObserver_Are403()
    {
        var id = await CreateAsync("N3");
        foreach (var grant in new[] { "focal-point:MX", "observer", "presidency" })
        {
            var client = await app.ClientAsAsync(grant);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/indicators", NewIndicator("N3b"))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync($"/api/indicators/{id}/targets", new { version = 0, targets = new[] { new { country = "MX", period = "2025-S1", value = 9 } } })).StatusCode);
        }
    }

    [Fact]
    public async Task TargetsApi_WithOneBadTarget_SavesNoneThenAStaleVersionGets409()
    {
        var id = await CreateAsync("N4");
        var secretariat = await app.ClientAsAsync("secretariat");

        var bad = await secretariat.PutAsJsonAsync($"/api/indicators/{id}/targets", new
        {
            version = 0,
            targets = new object[] { new { country = "GT", period = "2025-S1", value = 3 }, new { country = "MX", period = "2025-S2", value = 2.555m } },
        });
        var errors = await bad.ErrorsAsync();
        Assert.Equal(["targets[1].value"], errors.Keys);
        Assert.Contains("MX", errors["targets[1].value"][0], StringComparison.Ordinal);
        Assert.Single((await OkAsync(await secretariat.GetAsync($"/api/indicators/{id}"))).GetProperty("targets").EnumerateArray());

        var saved = await OkAsync(await secretariat.PutAsJsonAsync($"/api/indicators/{id}/targets", new
        {
            version = 0,
            targets = new object?[] { new { country = "GT", period = "2025-S1", value = 3 }, new { country = (string?)null, period = "2026-S2", value = 10 } },
        }));
        Assert.Equal(1, saved.GetProperty("version").GetInt32());
        Assert.Equal(["GT", null], saved.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("country").GetString()));
        Assert.Equal("Acuerdos firmados", saved.GetProperty("name").GetProperty("es").GetString());

        var stale = await secretariat.PutAsJsonAsync($"/api/indicators/{id}/targets", new { version = 0, targets = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(1, (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("current").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task EditPage_WithTextInATargetCell_NamesTheCellAndSavesNothingThenSavesDecimalCommas()
    {
        var id = await CreateAsync("N5");
        var secretariat = await app.ClientAsAsync("secretariat");
        var indicator = await OkAsync(await secretariat.GetAsync($"/api/indicators/{id}"));
        var page = $"/indicators/edit/{id}";

        var refused = await secretariat.PostPageFormAsync(page, Fields(indicator, ("MX_2025-S1", "cuatro"), ("GT_2025-S2", "2,5")));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Meta de MX 2025-S1: «cuatro» no es un número.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#t-MX_2025-S1\"", html, StringComparison.Ordinal);
        Assert.Equal(0, (await OkAsync(await secretariat.GetAsync($"/api/indicators/{id}"))).GetProperty("version").GetInt32());

        var tooPrecise = await secretariat.PostPageFormAsync(page, Fields(indicator, ("MX_2025-S1", "4"), ("GT_2025-S2", "2,555")));
        Assert.Contains("Meta de GT 2025-S2: es cero o más, con 2 decimales como máximo.", WebUtility.HtmlDecode(await tooPrecise.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var saved = await secretariat.PostPageFormAsync(page, Fields(indicator, ("MX_2025-S1", "4"), ("GT_2025-S2", "2,5"), ("region_2026-S2", "12")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/indicators/{id}", saved.Headers.Location?.OriginalString);
        var after = await OkAsync(await secretariat.GetAsync($"/api/indicators/{id}"));
        Assert.Equal(2.5m, after.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("country").GetString() == "GT").GetProperty("value").GetDecimal());
        Assert.Equal(3, after.GetProperty("targets").GetArrayLength());

        var details = WebUtility.HtmlDecode(await secretariat.GetStringAsync($"/indicators/{id}"));
        Assert.Contains("Meta: 2,5", details, StringComparison.Ordinal);
        var history = WebUtility.HtmlDecode(await secretariat.GetStringAsync($"/indicators/{id}/history"));
        Assert.Contains("Versión 2", history, StringComparison.Ordinal);
        Assert.Contains("<td>Meta", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditPage_WithAStaleVersion_Is409AndShowsBothVersions()
    {
        var id = await CreateAsync("N6");
        var secretariat = await app.ClientAsAsync("secretariat");
        var read = await OkAsync(await secretariat.GetAsync($"/api/indicators/{id}"));
        await OkAsync(await secretariat.PutAsJsonAsync($"/api/indicators/{id}/targets", new { version = 0, targets = new[] { new { country = "MX", period = "2025-S1", value = 7 } } }));

        var response = await secretariat.PostPageFormAsync($"/indicators/edit/{id}", Fields(read, ("MX_2025-S1", "5")));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Otra persona guardó este indicador", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Meta de MX 2025-S1</th><td>5</td><td>7</td>", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Form.Version\" value=\"1\"", html, StringComparison.Ordinal);
        Assert.Equal(7, (await OkAsync(await secretariat.GetAsync($"/api/indicators/{id}"))).GetProperty("targets")[0].GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task EditPage_AsFocalPoint_Is403EvenForItsOwnCountrysTargets()
    {
        var id = await CreateAsync("N7");
        var secretariat = await app.ClientAsAsync("secretariat");
        var read = await OkAsync(await secretariat.GetAsync($"/api/indicators/{id}"));
        var focal = await app.ClientAsAsync("focal-point:MX");

        Assert.Equal(HttpStatusCode.Forbidden, (await focal.GetAsync($"/indicators/edit/{id}")).StatusCode);
        var fields = Fields(read, ("MX_2025-S1", "9"));
        fields.Add(new("__RequestVerificationToken", (await focal.FormTokenAsync("/"))!));
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.PostAsync($"/indicators/edit/{id}", new FormUrlEncodedContent(fields))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await focal.GetAsync($"/indicators/{id}")).StatusCode);
        Assert.DoesNotContain("/indicators/edit/", await focal.GetStringAsync($"/indicators/{id}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.PutAsJsonAsync($"/api/indicators/{id}", new
        {
            version = 0, name = read.GetProperty("name"), definition = read.GetProperty("definition"), unit = read.GetProperty("unit"),
        })).StatusCode);
        Assert.Equal(0, (await OkAsync(await secretariat.GetAsync($"/api/indicators/{id}"))).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task CreatePage_AsSecretariat_CreatesTheIndicatorAndTheDashboardLinksIt()
    {
        var secretariat = await app.ClientAsAsync("secretariat");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Form.Version", "0"), new("Form.Plan", Plan), new("Form.Code", "N8"), new("Form.UnitCode", "PERSONS"),
            new("Form.NameEs", "Personas colocadas"), new("Form.NameEn", "People placed"), new("Form.DefinitionEs", "Personas colocadas en un empleo."),
            new("Form.DefinitionEn", "People placed in a job."), new("Form.UnitEs", "Personas"), new("Form.UnitEn", "People"),
            new("Form.Type", "Impact"), new("Form.TargetType", "Incremental"), new("Form.Aggregation", "Sum"), new("Form.Targets[HN_2024-S1]", "30"),
        };

        var response = await secretariat.PostPageFormAsync($"/indicators/edit?plan={Plan}", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString["/indicators/".Length..], System.Globalization.CultureInfo.InvariantCulture);
        var read = await OkAsync(await secretariat.GetAsync($"/api/indicators/{id}"));
        Assert.Equal("impact", read.GetProperty("type").GetString());
        Assert.Equal("PERSONS", read.GetProperty("unitCode").GetString());
        Assert.Contains($"href=\"/indicators/{id}\"", await secretariat.GetStringAsync($"/indicators?plan={Plan}"), StringComparison.Ordinal);
        Assert.Contains($"href=\"/indicators/{id}\"", await secretariat.GetStringAsync($"/indicators/reports?plan={Plan}"), StringComparison.Ordinal);
        Assert.False(read.GetProperty("automatic").GetBoolean());

        // The computation chosen on the form: the indicator counts the mentoring sessions held, nobody types its values.
        fields.RemoveAll(f => f.Key == "Form.Code");
        fields.Add(new("Form.Code", "N9"));
        fields.Add(new("Form.Source", "MentoringSessions"));
        var counted = await secretariat.PostPageFormAsync($"/indicators/edit?plan={Plan}", fields);
        Assert.Equal(HttpStatusCode.Redirect, counted.StatusCode);
        var countedId = counted.Headers.Location!.OriginalString["/indicators/".Length..];
        Assert.True((await OkAsync(await secretariat.GetAsync($"/api/indicators/{countedId}"))).GetProperty("automatic").GetBoolean());
    }

    [Fact]
    public async Task PledgeIndicators_SavedThroughApiAndForm_AreShownWithTheirProgress()
    {
        var indicator = await CreateAsync("N10");
        var focal = await app.ClientAsAsync("focal-point:GT");
        var body = await app.PledgeAsync("GT");
        body["indicators"] = new[] { indicator, 999999 };
        Assert.Equal(["indicators[1]"], (await PledgeBuilders.ErrorsAsync(await focal.PostAsJsonAsync("/api/pledges", body))).Keys);

        body["indicators"] = new[] { indicator };
        var created = await PledgeBuilders.CreatedAsync(await focal.PostAsJsonAsync("/api/pledges", body));
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal([indicator], (await OkAsync(await focal.GetAsync($"/api/pledges/{id}"))).GetProperty("indicators").EnumerateArray().Select(i => i.GetInt32()));

        var html = WebUtility.HtmlDecode(await focal.GetStringAsync($"/pledges/{id}"));
        Assert.Contains($"<a href=\"/indicators/{indicator}\"><span class=\"indedit-code\">N10</span> Acuerdos firmados</a>", html, StringComparison.Ordinal);
        Assert.Contains("Logrado – de una meta de 4", html, StringComparison.Ordinal);

        var r1 = await app.IndicatorIdAsync("ind-r1");
        var form = new List<KeyValuePair<string, string>>
        {
            new("Form.Version", "0"), new("Form.TitleEs", "Ampliar las vías regulares"), new("Form.TitleEn", "Expand regular pathways"),
            new("Form.Pledgers", (await app.InstitutionIdAsync("GT")).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Form.Indicators", r1.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        Assert.Equal(HttpStatusCode.Redirect, (await focal.PostPageFormAsync($"/pledges/edit/{id}", form)).StatusCode);
        Assert.Equal([r1], (await OkAsync(await focal.GetAsync($"/api/pledges/{id}"))).GetProperty("indicators").EnumerateArray().Select(i => i.GetInt32()));
        await using var db = app.CreateDb();
        var audit = await db.AuditEntries.Where(e => e.EntityType == "pledge" && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).OrderBy(e => e.Id).LastAsync();
        Assert.Contains("\"indicators\"", audit.After, StringComparison.Ordinal);
    }
}

public sealed class IndicatorEditingTestsOnSqlite(SqliteApp app) : IndicatorEditingTests(app), IClassFixture<SqliteApp>;

public sealed class IndicatorEditingTestsOnPostgres(PostgresApp app) : IndicatorEditingTests(app), IClassFixture<PostgresApp>;
