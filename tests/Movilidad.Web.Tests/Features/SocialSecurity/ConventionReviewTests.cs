using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Movilidad.Platform.Data;
using Movilidad.Platform.Programmes;
using Movilidad.Platform.SocialSecurity;
using Movilidad.Web.Features.Programmes;
using Movilidad.Web.Tests.Features.Qualifications;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.SocialSecurity;

/// <summary>
/// ILO conventions and voluntary enrolment options are entries of the sourced registry: a country's focal point proposes
/// a change to their own country's row or options, the Secretariat publishes it or returns it, the public reads only what
/// is published, every step is versioned and audited; the start-up load never overwrites an edit. The academic-mobility
/// conventions ship as agreements of the registry and appear in the instruments registry.
/// </summary>
public abstract class ConventionReviewTests(MovilidadApp app)
{
    private static Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK) => ApiAnswers.OkAsync(response, expected);

    private static JsonObject Content(JsonElement view) => JsonNode.Parse(view.GetProperty("content").GetRawText())!.AsObject();

    private static JsonObject Row(JsonObject content, string country) =>
        content["states"]!.AsArray().Single(s => RegistryContent.Text(s, "country") == country)!.AsObject();

    [Fact]
    public async Task Convention_AFocalPointChangesTheirCountrysRowOnly_ThePublicSeesItWhenTheSecretariatPublishes()
    {
        var secretariat = await app.ClientAsAsync("secretariat");
        var mexico = await app.ClientAsAsync("focal-point:MX");
        var guatemala = await app.ClientAsAsync("focal-point:GT");
        const string api = "/api/social-security/conventions";
        var read = await OkAsync(await mexico.GetAsync($"{api}/c157"));
        var (id, version) = (read.GetProperty("id").GetInt32(), read.GetProperty("version").GetInt32());
        var note = $"Nota de prueba {Guid.NewGuid():N}";

        var change = Content(read);
        Row(change, "MX")["note"] = new JsonObject { ["es"] = note, ["en"] = note };
        Assert.Equal(HttpStatusCode.Forbidden, (await guatemala.PutAsJsonAsync($"{api}/{id}", new { version, content = change })).StatusCode);
        var retitled = (JsonObject)change.DeepClone();
        retitled["title"]!["es"] = "Otro título";
        Assert.Equal(HttpStatusCode.Forbidden, (await mexico.PutAsJsonAsync($"{api}/{id}", new { version, content = retitled })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await mexico.PostAsJsonAsync(api, new { version = 0, content = NewConvention() })).StatusCode);

        var draft = await OkAsync(await mexico.PutAsJsonAsync($"{api}/{id}", new { version, content = change }));
        Assert.Equal("draft", draft.GetProperty("stage").GetString());
        Assert.DoesNotContain(note, await app.Browser().GetStringAsync("/social-security/instruments/c157"), StringComparison.Ordinal);
        Assert.DoesNotContain(note, (await OkAsync(await app.Browser().GetAsync($"{api}/c157"))).GetRawText(), StringComparison.Ordinal);

        var submitted = await OkAsync(await mexico.PostAsJsonAsync($"{api}/{id}/submit", new { version = version + 1 }));
        Assert.Equal(HttpStatusCode.Forbidden, (await mexico.PostAsJsonAsync($"{api}/{id}/publish", new { version = version + 2 })).StatusCode);
        await OkAsync(await secretariat.PostAsJsonAsync($"{api}/{id}/publish", new { version = submitted.GetProperty("version").GetInt32() }));
        Assert.Contains(note, await app.Browser().GetStringAsync("/social-security/instruments/c157"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await mexico.PutAsJsonAsync($"{api}/{id}", new { version, content = change })).StatusCode);

        await using var db = app.CreateDb();
        var actions = await db.AuditEntries.Where(e => e.EntityType == "ilo-convention" && e.EntityId == "c157").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
        Assert.Equal(["propose", "submit", "publish"], actions[^3..]);
        Assert.Equal(HttpStatusCode.OK, (await secretariat.GetAsync($"/social-security/instruments/{id}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsAsync("civil-society")).GetAsync($"/social-security/instruments/{id}/history")).StatusCode);
    }

    [Theory]
    [InlineData("status", "\"quizás\"", "content.states[0].status")]
    [InlineData("country", "\"XX\"", "content.states[0].country")]
    public async Task Convention_BadRow_Is400NamingTheField(string field, string json, string error)
    {
        var secretariat = await app.ClientAsAsync("secretariat");
        var content = NewConvention();
        Row(content, "MX")[field] = JsonNode.Parse(json);
        var response = await secretariat.PostAsJsonAsync("/api/social-security/conventions", new { version = 0, content });
        Assert.True((await ApiAnswers.ErrorsAsync(response)).TryGetProperty(error, out _));
    }

    [Theory]
    [InlineData("es", "Situación por país 1 · Estado: elija uno de los valores")]
    [InlineData("en", "Status by country 1 · Status: use one of the values")]
    public async Task ConventionPage_ABadStatus_IsNamedInTheReadersLanguage_AndNothingIsSaved(string language, string expected)
    {
        var secretariat = await app.ClientInAsync(language, "secretariat");
        var fields = new Dictionary<string, string>
        {
            ["version"] = "0", ["t:key"] = "c097", ["n:number"] = "97", ["t:title.es"] = "Convenio", ["t:title.en"] = "Convention",
            ["t:states[0].country"] = "MX", ["t:states[0].status"] = "quizás",
        };
        var response = await secretariat.PostPageFormAsync("/social-security/instruments/edit/c097?handler=Save", fields);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(expected, html, StringComparison.Ordinal);
        await using var db = app.CreateDb();
        Assert.Null((await db.IloConventions.SingleAsync(c => c.Key == "c097")).Draft);
    }

    [Fact]
    public async Task ConventionForm_AFocalPointSavesTheWholeFormWithTheirRowChanged_TheSecretariatPublishesItFromThePage_AnotherCountryIsRefused()
    {
        const string page = "/social-security/instruments/edit/c143";
        var guatemala = await app.ClientInAsync("en", "focal-point:GT");
        var fields = FormFields(await guatemala.GetStringAsync(page));
        var row = fields.Single(f => f.Key.StartsWith("t:states[", StringComparison.Ordinal) && f.Key.EndsWith("].country", StringComparison.Ordinal) && f.Value == "GT").Key[..^".country".Length];
        var before = fields[row + ".status"];
        var status = before == "unknown" ? "ratified-not-in-force" : "unknown";

        // Mexico's focal point sends the same form with Guatemala's row changed, and Guatemala's a changed title: both refused.
        var mexico = await app.ClientInAsync("en", "focal-point:MX");
        var notTheirs = FormFields(await mexico.GetStringAsync(page));
        notTheirs[row + ".status"] = status;
        Assert.True(Denied(await mexico.PostPageFormAsync(page + "?handler=Save", notTheirs)));
        var retitled = new Dictionary<string, string>(fields) { ["t:title.en"] = "Another title" };
        Assert.True(Denied(await guatemala.PostPageFormAsync(page + "?handler=Save", retitled)));

        fields[row + ".status"] = status;

        // The form posts its fields section by section (here: inputs, then text areas, then lists), not in the content's
        // order: the change is still only Guatemala's row (it was read as a change of everything, answered 403).
        await using (var check = app.CreateDb())
        {
            var stored = await check.IloConventions.AsNoTracking().SingleAsync(c => c.Key == "c143");
            var shown = RegistryForm.Read(RegistryForm.Fields(RegistryContent.Parse(stored.Draft ?? stored.Content!), []).Select(f => KeyValuePair.Create(f.Input, f.Value)), new Dictionary<string, string[]>());
            var touched = ConventionRules.Touched(shown, RegistryForm.Read(fields, new Dictionary<string, string[]>()));
            Assert.False(touched.Other);
            Assert.Equal(["GT"], touched.Countries);
        }

        var saved = await guatemala.PostPageFormAsync(page + "?handler=Save", fields);
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, $"{(int)saved.StatusCode} {await saved.Content.ReadAsStringAsync()}");
        Assert.Contains(page + "?done=saved", saved.Headers.Location!.OriginalString, StringComparison.Ordinal);
        int version;
        await using (var db = app.CreateDb())
        {
            var convention = await db.IloConventions.AsNoTracking().SingleAsync(c => c.Key == "c143");
            Assert.Equal(RegistryStage.Draft, convention.Stage);
            Assert.Equal(status, RegistryContent.Text(Row(RegistryContent.Parse(convention.Draft!), "GT"), "status"));
            Assert.Equal(before, RegistryContent.Text(Row(RegistryContent.Parse(convention.Content!), "GT"), "status"));
            version = convention.Version;
        }

        // Guatemala sends it for review; the Secretariat publishes it from the same page; the public reads the new status.
        var versionField = new KeyValuePair<string, string>("version", version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.Redirect, (await guatemala.PostPageFormAsync(page + "?handler=Submit", [versionField])).StatusCode);
        Assert.True(Denied(await guatemala.PostPageFormAsync(page + "?handler=Publish", [new("version", (version + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))])));
        var secretariat = await app.ClientInAsync("en", "secretariat");
        var review = await secretariat.GetStringAsync(page);
        Assert.Contains("data-testid=\"registry-stage\"", review, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.PostPageFormAsync(page + "?handler=Publish", [new("version", (version + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))])).StatusCode);
        var published = (await OkAsync(await app.Browser().GetAsync("/api/social-security/instruments?country=GT"))).EnumerateArray().Single(i => i.GetProperty("key").GetString() == "c143");
        Assert.Equal(status, published.GetProperty("countries").EnumerateArray().Single(c => c.GetProperty("country").GetString() == "GT").GetProperty("status").GetString());

        await using var after = app.CreateDb();
        Assert.Equal(["propose", "submit", "publish"],
            (await after.AuditEntries.Where(e => e.EntityType == "ilo-convention" && e.EntityId == "c143").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync())[^3..]);
    }

    private static bool Denied(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/account/denied", StringComparison.Ordinal) == true);

    /// <summary>The content fields of a registry form as a browser would send them back: inputs, text areas and the option chosen in each list.</summary>
    private static Dictionary<string, string> FormFields(string html)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal) { ["version"] = Regex.Match(html, "name=\"version\" value=\"([0-9]+)\"").Groups[1].Value };
        foreach (Match m in Regex.Matches(html, "<input [^>]*name=\"([a-z]:[^\"]+)\" value=\"([^\"]*)\""))
        {
            fields[WebUtility.HtmlDecode(m.Groups[1].Value)] = WebUtility.HtmlDecode(m.Groups[2].Value);
        }

        foreach (Match m in Regex.Matches(html, "<textarea [^>]*name=\"([a-z]:[^\"]+)\"[^>]*>([^<]*)</textarea>"))
        {
            fields[WebUtility.HtmlDecode(m.Groups[1].Value)] = WebUtility.HtmlDecode(m.Groups[2].Value);
        }

        foreach (Match m in Regex.Matches(html, "<select [^>]*name=\"([a-z]:[^\"]+)\"[^>]*>(.*?)</select>", RegexOptions.Singleline))
        {
            var chosen = Regex.Match(m.Groups[2].Value, "<option value=\"([^\"]*)\" selected");
            fields[WebUtility.HtmlDecode(m.Groups[1].Value)] = chosen.Success ? WebUtility.HtmlDecode(chosen.Groups[1].Value) : string.Empty;
        }

        return fields;
    }

    [Fact]
    public async Task EnrolmentOption_ReturnedWithAComment_ThenPublished_AndTheCheckerSaysIt_AnotherCountryRefused()
    {
        var secretariat = await app.ClientAsAsync("secretariat");
        var mexico = await app.ClientAsAsync("focal-point:MX");
        var guatemala = await app.ClientAsAsync("focal-point:GT");
        const string api = "/api/social-security/enrolment-options";
        var read = await OkAsync(await mexico.GetAsync($"{api}/mx-imss-seguro-salud-familia"));
        var id = read.GetProperty("id").GetInt32();
        var text = $"Solicitud de prueba {Guid.NewGuid():N}";
        var change = Content(read);
        change["howToApply"] = new JsonObject { ["es"] = text, ["en"] = text, ["sources"] = change["howToApply"]?["sources"]?.DeepClone() ?? new JsonArray("mx-imss-voluntaria-2026") };

        Assert.Equal(HttpStatusCode.Forbidden, (await guatemala.PutAsJsonAsync($"{api}/{id}", new { version = read.GetProperty("version").GetInt32(), content = change })).StatusCode);
        var draft = await OkAsync(await mexico.PutAsJsonAsync($"{api}/{id}", new { version = read.GetProperty("version").GetInt32(), content = change }));
        var submitted = await OkAsync(await mexico.PostAsJsonAsync($"{api}/{id}/submit", new { version = draft.GetProperty("version").GetInt32() }));
        var returned = await OkAsync(await secretariat.PostAsJsonAsync($"{api}/{id}/return", new { version = submitted.GetProperty("version").GetInt32(), comment = "Falta la fecha." }));
        Assert.Equal("Falta la fecha.", (await OkAsync(await mexico.GetAsync($"{api}/{id}"))).GetProperty("reviewComment").GetString());
        var resubmitted = await OkAsync(await mexico.PostAsJsonAsync($"{api}/{id}/submit", new { version = returned.GetProperty("version").GetInt32() }));
        Assert.DoesNotContain(text, await app.Browser().GetStringAsync("/api/social-security/portability?countries=GT,MX"), StringComparison.Ordinal);
        await OkAsync(await secretariat.PostAsJsonAsync($"{api}/{id}/publish", new { version = resubmitted.GetProperty("version").GetInt32() }));
        Assert.Contains(text, await app.Browser().GetStringAsync("/api/social-security/portability?countries=GT,MX"), StringComparison.Ordinal);
        Assert.Contains(text, await app.Browser().GetStringAsync("/social-security/enrolment?country=MX"), StringComparison.Ordinal);

        // A new option of Mexico: Guatemala's focal point is refused, Mexico's saves a draft the public does not read.
        var option = Content(read);
        option["key"] = $"mx-test-{Guid.NewGuid():N}"[..30];
        Assert.Equal(HttpStatusCode.Forbidden, (await guatemala.PostAsJsonAsync(api, new { version = 0, content = option })).StatusCode);
        await OkAsync(await mexico.PostAsJsonAsync(api, new { version = 0, content = option }), HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync($"{api}/{option["key"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await guatemala.GetAsync("/social-security/enrolment/edit/mx-imss-seguro-salud-familia")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await mexico.GetAsync("/social-security/enrolment/edit/mx-imss-seguro-salud-familia")).StatusCode);

        await using var db = app.CreateDb();
        Assert.Equal(["propose", "submit", "return", "submit", "publish"],
            await db.AuditEntries.Where(e => e.EntityType == "enrolment-option" && e.EntityId == "mx-imss-seguro-salud-familia").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public async Task Load_KeepsWhatWasEditedInThePlatform_AndBringsWhatNobodyEditedUpToTheChangedFile()
    {
        var secretariat = await app.ClientAsAsync("secretariat");
        const string api = "/api/social-security/enrolment-options";
        var read = await OkAsync(await secretariat.GetAsync($"{api}/cr-ccss-asegurado-voluntario"));
        var edited = Content(read);
        var platformText = $"Editado en la plataforma {Guid.NewGuid():N}";
        edited["whoMayApply"]!["es"] = platformText;
        var saved = await OkAsync(await secretariat.PutAsJsonAsync($"{api}/{read.GetProperty("id").GetInt32()}", new { version = read.GetProperty("version").GetInt32(), content = edited }));
        await OkAsync(await secretariat.PostAsJsonAsync($"{api}/{read.GetProperty("id").GetInt32()}/publish", new { version = saved.GetProperty("version").GetInt32() }));

        // A copy of the shipped files in which both that option and a convention nobody edited changed.
        var data = Path.Combine(LocalizationTests.RepositoryRoot(), "data");
        var copy = Directory.CreateTempSubdirectory("movilidad-social-security-").FullName;
        Directory.CreateDirectory(Path.Combine(copy, "social-security"));
        File.Copy(Path.Combine(data, "bodies.yaml"), Path.Combine(copy, "bodies.yaml"));
        var options = await File.ReadAllTextAsync(Path.Combine(data, "social-security", "voluntary-enrolment.yaml"));
        var conventions = await File.ReadAllTextAsync(Path.Combine(data, "social-security", "ilo-conventions.yaml"));
        const string fileTitle = "Social Security (Minimum Standards) Convention, 1952 (as the changed file says)";
        await File.WriteAllTextAsync(Path.Combine(copy, "social-security", "voluntary-enrolment.yaml"), options.Replace("key: cr-ccss-asegurado-voluntario", "key: cr-ccss-asegurado-voluntario\n    purpose: {es: \"Cambio del archivo\", en: \"File change\"}", StringComparison.Ordinal));
        var c102 = conventions.IndexOf("- key: c102", StringComparison.Ordinal);
        var title = conventions.IndexOf("en: ", c102, StringComparison.Ordinal);
        var end = conventions.IndexOf('\n', title);
        await File.WriteAllTextAsync(Path.Combine(copy, "social-security", "ilo-conventions.yaml"), conventions[..title] + $"en: \"{fileTitle}\"" + conventions[end..]);
        try
        {
            await LoadAsync(copy);
            await using var db = app.CreateDb();
            var option = await db.EnrolmentOptions.AsNoTracking().SingleAsync(o => o.Key == "cr-ccss-asegurado-voluntario");
            Assert.Contains(platformText, option.Content, StringComparison.Ordinal);
            Assert.DoesNotContain("File change", option.Content, StringComparison.Ordinal);
            Assert.Equal(fileTitle, (await db.IloConventions.AsNoTracking().SingleAsync(c => c.Key == "c102")).Name.En);
        }
        finally
        {
            await LoadAsync(data);
            Directory.Delete(copy, recursive: true);
        }

        await using var after = app.CreateDb();
        Assert.NotEqual(fileTitle, (await after.IloConventions.AsNoTracking().SingleAsync(c => c.Key == "c102")).Name.En);
    }

    private async Task LoadAsync(string folder)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await new SocialSecurityLoader(scope.ServiceProvider.GetRequiredService<MovilidadDb>(), TimeProvider.System).LoadAsync(folder);
    }

    [Fact]
    public async Task AcademicMobilityConventions_Load_AndAppearInTheRegistryPageAndApi_WithEachSourcedStatus()
    {
        var list = await app.Browser().GetFromJsonAsync<JsonElement>("/api/social-security/instruments");
        var academic = list.EnumerateArray().Where(i => i.GetProperty("subject").GetString() == "academic-mobility").ToDictionary(i => i.GetProperty("key").GetString()!);
        Assert.Equal(["ca-university-professions-1962", "unesco-lac-recognition-1974", "unesco-lac-recognition-2019"], academic.Keys.Order(StringComparer.Ordinal));
        var costaRica = academic["ca-university-professions-1962"].GetProperty("countries").EnumerateArray().Single(c => c.GetProperty("country").GetString() == "CR");
        Assert.Equal("ratified", costaRica.GetProperty("status").GetString());
        Assert.Contains("cr-pgr-c-170-2021", costaRica.GetProperty("sources").EnumerateArray().Select(s => s.GetString()));
        Assert.All(academic["unesco-lac-recognition-2019"].GetProperty("countries").EnumerateArray(), c => Assert.Equal("unknown", c.GetProperty("status").GetString()));
        Assert.Equal("/agreements/unesco-lac-recognition-1974", academic["unesco-lac-recognition-1974"].GetProperty("page").GetString());
        Assert.Contains("ca-university-professions-1962", (await app.Browser().GetFromJsonAsync<JsonElement>("/api/social-security/instruments?country=NI")).EnumerateArray().Select(i => i.GetProperty("key").GetString()));

        var page = await app.Browser().GetStringAsync("/social-security");
        Assert.Contains("data-testid=\"instruments-academic-mobility\"", page, StringComparison.Ordinal);
        Assert.Contains("/agreements/unesco-lac-recognition-2019", page, StringComparison.Ordinal);
        Assert.Contains("Ratifications: not verified", WebUtility.HtmlDecode(await app.Browser().GetStringAsync("/agreements/unesco-lac-recognition-1974")), StringComparison.Ordinal);
    }

    /// <summary>A new convention with Mexico's row, every source a shipped one.</summary>
    private static JsonObject NewConvention() => new()
    {
        ["key"] = $"c-test-{Guid.NewGuid():N}"[..24],
        ["number"] = 999,
        ["title"] = new JsonObject { ["es"] = "Convenio de prueba", ["en"] = "Test convention" },
        ["states"] = new JsonArray(new JsonObject { ["country"] = "MX", ["status"] = "unknown" }),
    };
}

public sealed class ConventionReviewTestsOnSqlite(SqliteApp app) : ConventionReviewTests(app), IClassFixture<SqliteApp>;

public sealed class ConventionReviewTestsOnPostgres(PostgresApp app) : ConventionReviewTests(app), IClassFixture<PostgresApp>;
