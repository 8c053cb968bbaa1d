using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Movilidad.Web.Tests.Infrastructure;
using static Movilidad.Web.Tests.Features.Indicators.IndicatorBuilders;

namespace Movilidad.Web.Tests.Features.Indicators;

public abstract class IndicatorPagesTests(MovilidadApp app)
{
    private const string Page = "/indicators/reports/pe-crm-2023-2026/2023-S2/HN";

    private static List<KeyValuePair<string, string>> Row(int index, int indicator, string dimension, string total, string women = "", string men = "") =>
    [
        new($"Rows[{index}].IndicatorId", indicator.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new($"Rows[{index}].Dimension", dimension),
        new($"Rows[{index}].Total", total),
        new($"Rows[{index}].Women", women),
        new($"Rows[{index}].Men", men),
    ];

    [Fact]
    public async Task EntryPage_WithTextAndPartsAboveTotal_NamesTheFieldsInSpanishAndSavesNothing()
    {
        var people = await app.PeopleIndicatorAsync();
        var r1 = await app.IndicatorIdAsync("ind-r1");
        var focal = await app.ClientAsAsync("focal-point:HN");

        const string page = "/indicators/reports/pe-crm-2023-2026/2025-S2/HN";
        var response = await focal.PostPageFormAsync(page, [new("Version", "0"), .. Row(0, r1, "", "dos"), .. Row(1, people, "", "10", "8", "5")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("R1 · Total: «dos» no es un número.", html, StringComparison.Ordinal);
        Assert.Equal(0, (await focal.GetFromJsonAsync<JsonElement>(Report("2025-S2", "HN"))).GetProperty("version").GetInt32());

        var parts = await focal.PostPageFormAsync(page, [new("Version", "0"), .. Row(0, r1, "", "2"), .. Row(1, people, "", "10", "8", "5")]);
        Assert.Contains("T1: mujeres, hombres, otras y no reportado suman 13, más que el total 10.", WebUtility.HtmlDecode(await parts.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", await parts.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EntryPage_WithSpanishDecimalComma_SavesAndSubmits()
    {
        var people = await app.PeopleIndicatorAsync();
        var focal = await app.ClientAsAsync("focal-point:HN");
        var body = JsonSerializer.SerializeToElement(await app.ValuesAsync(0));
        var fields = new List<KeyValuePair<string, string>> { new("Version", "0") };
        var index = 0;
        foreach (var value in body.GetProperty("values").EnumerateArray().Where(v => v.GetProperty("indicatorId").GetInt32() != people))
        {
            fields.AddRange(Row(index++, value.GetProperty("indicatorId").GetInt32(), "", "1,0"));
        }

        fields.AddRange(Row(index, people, "", "12,00", "7", "5"));

        var response = await focal.PostPageFormAsync(Page + "?handler=Submit", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var report = await focal.GetFromJsonAsync<JsonElement>(Report("2023-S2", "HN"));
        Assert.Equal("submitted", report.GetProperty("status").GetString());
        Assert.Equal(12, report.GetProperty("values").EnumerateArray().Single(v => v.GetProperty("indicatorId").GetInt32() == people).GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task DueView_OfAFocalPoint_ListsTheEndedPeriodsNotYetSent()
    {
        var focal = await app.ClientInAsync("en", "focal-point:NI");

        var html = await focal.GetStringAsync("/monitoring/due");

        Assert.Contains("Indicator values to report", html, StringComparison.Ordinal);
        Assert.Contains("/indicators/reports/pe-crm-2023-2026/2023-S1/NI", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/indicators/reports/pe-crm-2023-2026/2023-S1/GT", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/indicators/reports/pe-crm-2026", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_AsObserver_DrawsAccessibleChartsWithoutScript()
    {
        var secretariat = await app.ClientAsAsync("secretariat");
        var id = await app.IndicatorIdAsync("ind-i1");
        var current = await secretariat.GetFromJsonAsync<JsonElement>($"/api/indicators/{id}");
        await secretariat.PutAsJsonAsync($"/api/indicators/{id}", new
        {
            version = current.GetProperty("version").GetInt32(), name = current.GetProperty("name"), definition = current.GetProperty("definition"), unit = current.GetProperty("unit"),
            targets = new object[] { new { country = "CR", period = "2026-S2", value = 5 } },
        });
        var focal = await app.ClientAsAsync("focal-point:CR");
        await focal.PutAsJsonAsync(Report("2024-S1", "CR"), await app.ValuesAsync(0, new { indicatorId = id, total = 3 }));
        await focal.PostAsJsonAsync(Report("2024-S1", "CR") + "/submit", new { version = 1 });
        var observer = await app.ClientInAsync("en", "observer");

        var html = await observer.GetStringAsync($"/indicators?indicator={id}");

        Assert.Contains("Indicators dashboard", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("role=\"img\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("Progress per country", html, StringComparison.Ordinal);
        Assert.Contains("Costa Rica: 60 % (1 with target)", html, StringComparison.Ordinal);
        Assert.Contains("Trend of I1", html, StringComparison.Ordinal);
        Assert.Contains("R3.ML", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_OfALargeLine_ListsSixtyIndicatorsAPageWithPreviousAndNext()
    {
        var key = await app.PlanOfManyIndicatorsAsync(70);
        var observer = await app.ClientInAsync("en", "observer");

        var first = WebUtility.HtmlDecode(await observer.GetStringAsync($"/indicators?plan={key}"));
        var line = System.Text.RegularExpressions.Regex.Match(first, "line=([0-9]+)&amp;start=60|line=([0-9]+)&start=60");

        Assert.Contains("Indicators 1–60 of 70", first, StringComparison.Ordinal);
        Assert.Contains("M60 Many 60", first, StringComparison.Ordinal);
        Assert.DoesNotContain("M61 Many 61", first, StringComparison.Ordinal);
        Assert.Contains("start=60#pairs", first, StringComparison.Ordinal);
        Assert.DoesNotContain(">Previous<", first, StringComparison.Ordinal);
        Assert.True(line.Success, "The Next link names the line and the next start.");

        var second = WebUtility.HtmlDecode(await observer.GetStringAsync($"/indicators?plan={key}&line={line.Groups[1].Value}{line.Groups[2].Value}&start=60"));

        Assert.Contains("Indicators 61–70 of 70", second, StringComparison.Ordinal);
        Assert.Contains("M70 Many 70", second, StringComparison.Ordinal);
        Assert.DoesNotContain("M01 Many 01", second, StringComparison.Ordinal);
        Assert.Contains(">Previous<", second, StringComparison.Ordinal);
        Assert.DoesNotContain(">Next<", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_KeptBody_IsSharedByReadersOfOneVisibilityOnly_AndEachGetsTheirOwnShell()
    {
        var url = $"/indicators?plan={Plan}";
        static string Body(string html) => html[html.IndexOf("<form method=\"get\" class=\"filters\"", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)];

        // Those who work on the plans: the reporting status, no public note; the edit link only for who may edit.
        var observer = await (await app.ClientInAsync("en", "observer")).GetStringAsync(url);
        var secretariat = await (await app.ClientInAsync("en", "secretariat")).GetStringAsync(url);
        Assert.Equal(Body(observer), Body(secretariat));
        Assert.Contains("id=\"reporting\"", Body(observer), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"new-indicator\"", observer, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"new-indicator\"", secretariat, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"public-note\"", secretariat, StringComparison.Ordinal);

        // Signed in without working on the plans, or not signed in: the public dashboard, never the kept one above.
        foreach (var reader in new[] { await app.ClientInAsync("en", "civil-society"), app.ClientIn("en") })
        {
            var html = await reader.GetStringAsync(url);
            Assert.NotEqual(Body(observer), Body(html));
            Assert.DoesNotContain("id=\"reporting\"", html, StringComparison.Ordinal);
            Assert.Contains("data-testid=\"public-note\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Dashboard_DrawnAndKept_AnswersEachLanguageAndOddAddressAndShowsAnEditAtOnce()
    {
        var key = await app.PlanOfManyIndicatorsAsync(70);
        var english = await app.ClientInAsync("en", "observer");
        var spanish = await app.ClientInAsync("es", "observer");
        var line = System.Text.RegularExpressions.Regex.Match(WebUtility.HtmlDecode(await english.GetStringAsync($"/indicators?plan={key}")), "line=([0-9]+)&start=60").Groups[1].Value;
        var second = $"/indicators?plan={key}&line={line}&start=60";

        Assert.Contains("Indicators 61–70 of 70", WebUtility.HtmlDecode(await english.GetStringAsync(second)), StringComparison.Ordinal);
        Assert.Contains("Indicadores 61–70 de 70", WebUtility.HtmlDecode(await spanish.GetStringAsync(second)), StringComparison.Ordinal);
        Assert.Contains("Muchos 65", WebUtility.HtmlDecode(await spanish.GetStringAsync(second)), StringComparison.Ordinal);
        Assert.Contains("Indicators 61–70 of 70", WebUtility.HtmlDecode(await english.GetStringAsync($"/indicators?plan={key}&line={line}&start={int.MaxValue}")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await english.GetAsync($"/indicators?plan={key}&line=-7&start={int.MinValue}&indicator={int.MaxValue}")).StatusCode);

        var secretariat = await app.ClientAsAsync("secretariat");
        await using (var db = app.CreateDb())
        {
            var id = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Indicators.Where(i => i.Key == "m65" && i.Plan!.Key == key).Select(i => i.Id));
            var current = await secretariat.GetFromJsonAsync<JsonElement>($"/api/indicators/{id}");
            var edited = await secretariat.PutAsJsonAsync($"/api/indicators/{id}", new
            {
                version = current.GetProperty("version").GetInt32(), name = new { es = "Muchos 65 renombrado", en = "Many 65 renamed" },
                definition = new { es = "Definición", en = "Definition" }, unit = current.GetProperty("unit"),
                targets = new object[] { new { period = "2025-S2", value = 65 } },
            });
            Assert.True(edited.IsSuccessStatusCode, await edited.Content.ReadAsStringAsync());
        }

        Assert.Contains("Muchos 65 renombrado", WebUtility.HtmlDecode(await spanish.GetStringAsync(second)), StringComparison.Ordinal);
        Assert.Contains("Many 65 renamed", WebUtility.HtmlDecode(await english.GetStringAsync(second)), StringComparison.Ordinal);
    }
}

public sealed class IndicatorPagesTestsOnSqlite(SqliteApp app) : IndicatorPagesTests(app), IClassFixture<SqliteApp>;

public sealed class IndicatorPagesTestsOnPostgres(PostgresApp app) : IndicatorPagesTests(app), IClassFixture<PostgresApp>;
