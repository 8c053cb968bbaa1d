using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Movilidad.Platform.Data;
using Movilidad.Platform.Programmes;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Programmes;

/// <summary>
/// The programmes and agreements registry: the shipped content loaded whole and sourced, the review of a change
/// (draft, in review, published or returned) with its authorisation by country, versions and audit, and bad input
/// refused naming the field.
/// </summary>
public abstract class ProgrammesApiTests(MovilidadApp app)
{
    private static string DataFolder
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Movilidad.slnx")))
            {
                folder = folder.Parent;
            }

            return Path.Combine(folder!.FullName, "data");
        }
    }

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    /// <summary>A new programme's content naming <paramref name="country"/>: every statement with a shipped source.</summary>
    private static JsonObject NewProgramme(string key, string country = "GT", string name = "Programa de prueba") => new()
    {
        ["key"] = key,
        ["name"] = new JsonObject { ["es"] = name, ["en"] = name },
        ["kind"] = "destination-scheme",
        ["destination"] = new JsonArray(country),
        ["status"] = new JsonObject { ["code"] = "active" },
        ["rights"] = new JsonArray(new JsonObject { ["es"] = "Derecho", ["en"] = "Right", ["sources"] = new JsonArray("us-dol-whd-h2a-rights") }),
    };

    private async Task<(int Id, int Version, JsonObject Content)> ProgrammeAsync(string key)
    {
        await using var db = app.CreateDb();
        var programme = await db.Programmes.AsNoTracking().SingleAsync(p => p.Key == key);
        return (programme.Id, programme.Version, RegistryContent.Parse(programme.Content ?? programme.Draft!));
    }

    [Fact]
    public async Task Load_ShipsEveryProgrammeAndAgreementOfData_PublishedAndSourced_AndAReloadChangesNothing()
    {
        var files = Directory.GetFiles(Path.Combine(DataFolder, "programmes"), "*.yaml").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();
        var anonymous = app.Browser();
        var programmes = await OkAsync(await anonymous.GetAsync("/api/programmes"));
        var keys = programmes.EnumerateArray().Select(p => p.GetProperty("key").GetString()).ToList();
        Assert.Subset(keys.ToHashSet(), files.ToHashSet<string?>());
        Assert.Subset(keys.ToHashSet(), new HashSet<string?> { "us-h2a", "us-h2b", "ca-tfwp-agricultural-stream", "ca-tfwp-low-wage", "ca-tfwp-high-wage", "ca-tfwp-global-talent", "ca-sawp" });
        var agreements = await OkAsync(await anonymous.GetAsync("/api/agreements"));
        Assert.Contains(agreements.EnumerateArray(), a => a.GetProperty("key").GetString() == "cmiss");

        await using var db = app.CreateDb();
        var shipped = await db.Programmes.Where(p => files.Contains(p.Key)).ToListAsync();
        Assert.Equal(files.Count, shipped.Count);
        Assert.All(shipped, p => Assert.True(p.IsPublished && p.Stage == RegistryStage.Published, p.Key));
        var agreementCount = await db.Agreements.CountAsync(a => a.Content != null);
        Assert.True(agreementCount >= 18, $"{agreementCount} agreements");

        // Every statement of every programme names a source that the page can show.
        var references = (await db.SourceReferences.Select(r => r.Key).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        var countries = (await db.Countries.Select(c => c.Alpha2).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        Assert.All(shipped, p => Assert.Empty(RegistryContent.Validate(RegistryContent.Parse(p.Content!), RegistryKind.Programme, references, countries)));
        var h2a = RegistryContent.Parse(shipped.Single(p => p.Key == "us-h2a").Content!);
        Assert.NotEmpty(RegistryContent.At(h2a, "workerNeverPays")!.AsArray());

        var before = (await db.Programmes.CountAsync(), await db.Agreements.CountAsync(), await db.SourceReferences.CountAsync());
        await using var scope = app.Services.CreateAsyncScope();
        await new RegistryLoader(scope.ServiceProvider.GetRequiredService<MovilidadDb>(), TimeProvider.System).LoadAsync(DataFolder);
        Assert.Equal(before, (await db.Programmes.CountAsync(), await db.Agreements.CountAsync(), await db.SourceReferences.CountAsync()));
    }

    [Fact]
    public async Task Review_FocalPointChange_IsPublishedOnlyAfterTheSecretariatReviewsIt_EveryStepAudited()
    {
        var focal = await app.ClientAsAsync("focal-point:GT");
        var secretariat = await app.ClientAsAsync("secretariat");
        var anonymous = app.Browser();
        var key = $"gt-review-{Guid.NewGuid():N}"[..30];
        var created = await OkAsync(await secretariat.PostAsJsonAsync("/api/programmes", new { version = 0, content = NewProgramme(key) }), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/programmes/{key}")).StatusCode);
        await OkAsync(await secretariat.PostAsJsonAsync($"/api/programmes/{id}/publish", new { version = 0 }));
        Assert.Equal("Programa de prueba", (await OkAsync(await anonymous.GetAsync($"/api/programmes/{key}"))).GetProperty("content").GetProperty("name").GetProperty("es").GetString());

        var proposed = await OkAsync(await focal.PutAsJsonAsync($"/api/programmes/{id}", new { version = 1, content = NewProgramme(key, name: "Nombre propuesto") }));
        Assert.Equal("draft", proposed.GetProperty("stage").GetString(), ignoreCase: true);
        var seen = await OkAsync(await anonymous.GetAsync($"/api/programmes/{key}"));
        Assert.Equal("Programa de prueba", seen.GetProperty("content").GetProperty("name").GetProperty("es").GetString());
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("draft").ValueKind);

        Assert.Equal(HttpStatusCode.Forbidden, (await focal.PostAsJsonAsync($"/api/programmes/{id}/publish", new { version = 2 })).StatusCode);
        await OkAsync(await focal.PostAsJsonAsync($"/api/programmes/{id}/submit", new { version = 2 }));
        var noComment = await ErrorsAsync(await secretariat.PostAsJsonAsync($"/api/programmes/{id}/return", new { version = 3 }));
        Assert.True(noComment.TryGetProperty("comment", out _));
        var returned = await OkAsync(await secretariat.PostAsJsonAsync($"/api/programmes/{id}/return", new { version = 3, comment = "Cite la fuente del nombre." }));
        Assert.Equal("Cite la fuente del nombre.", returned.GetProperty("reviewComment").GetString());
        await OkAsync(await focal.PostAsJsonAsync($"/api/programmes/{id}/submit", new { version = 4 }));
        var published = await OkAsync(await secretariat.PostAsJsonAsync($"/api/programmes/{id}/publish", new { version = 5 }));
        Assert.Equal("published", published.GetProperty("stage").GetString(), ignoreCase: true);
        Assert.Equal("Nombre propuesto", (await OkAsync(await anonymous.GetAsync($"/api/programmes/{key}"))).GetProperty("content").GetProperty("name").GetProperty("es").GetString());
        Assert.Contains("Nombre propuesto", await anonymous.GetStringAsync($"/programmes/{key}"));

        await using var db = app.CreateDb();
        var actions = await db.AuditEntries.Where(e => e.EntityType == "programme" && e.EntityId == key).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
        Assert.Equal(["create", "publish", "propose", "submit", "return", "submit", "publish"], actions);
    }

    [Fact]
    public async Task FocalPoint_OfAnotherCountry_CannotProposeOrCreate()
    {
        var focal = await app.ClientAsAsync("focal-point:GT");
        var (id, version, content) = await ProgrammeAsync("ca-sawp");
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.PutAsJsonAsync($"/api/programmes/{id}", new { version, content })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.PostAsJsonAsync("/api/programmes", new { version = 0, content = NewProgramme($"mx-{Guid.NewGuid():N}"[..20], "MX") })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsAsync("observer")).PutAsJsonAsync($"/api/programmes/{id}", new { version, content })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Browser().PutAsJsonAsync($"/api/programmes/{id}", new { version, content })).StatusCode);
        Assert.Equal(version, (await ProgrammeAsync("ca-sawp")).Version);
    }

    [Fact]
    public async Task StaleVersion_Gets409WithTheCurrentEntry_AndChangesNothing()
    {
        var secretariat = await app.ClientAsAsync("secretariat");
        var key = $"stale-{Guid.NewGuid():N}"[..24];
        var id = (await OkAsync(await secretariat.PostAsJsonAsync("/api/programmes", new { version = 0, content = NewProgramme(key, name: "Primera") }), HttpStatusCode.Created)).GetProperty("id").GetInt32();
        await OkAsync(await secretariat.PutAsJsonAsync($"/api/programmes/{id}", new { version = 0, content = NewProgramme(key, name: "Segunda") }));
        var stale = await secretariat.PutAsJsonAsync($"/api/programmes/{id}", new { version = 0, content = NewProgramme(key, name: "Perdida") });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var current = (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("current");
        Assert.Equal("Segunda", current.GetProperty("draft").GetProperty("name").GetProperty("es").GetString());
        Assert.Equal(1, (await ProgrammeAsync(key)).Version);
    }

    [Fact]
    public async Task BadInput_IsRefusedNamingTheField()
    {
        var secretariat = await app.ClientAsAsync("secretariat");
        async Task<JsonElement> Create(JsonObject content) => await ErrorsAsync(await secretariat.PostAsJsonAsync("/api/programmes", new { version = 0, content }));

        var unsourced = NewProgramme("unsourced");
        unsourced["rights"]![0]!.AsObject().Remove("sources");
        Assert.True((await Create(unsourced)).TryGetProperty("content.rights[0].sources", out _));

        var unknownSource = NewProgramme("unknown-source");
        unknownSource["rights"]![0]!["sources"] = new JsonArray("no-such-reference");
        Assert.True((await Create(unknownSource)).TryGetProperty("content.rights[0].sources[0]", out _));

        var longText = NewProgramme("long-text");
        longText["rights"]![0]!["es"] = new string('a', 25_000);
        Assert.True((await Create(longText)).TryGetProperty("content.rights[0].es", out _));

        var longName = NewProgramme("long-name", name: new string('x', 10_000));
        Assert.True((await Create(longName)).TryGetProperty("content.name.es", out _));

        var longAcronym = NewProgramme("long-acronym");
        longAcronym["acronym"] = new string('H', 100);
        Assert.True((await Create(longAcronym)).TryGetProperty("content.acronym", out _));

        Assert.True((await Create(NewProgramme("bad-country", "XX"))).TryGetProperty("content.destination[0]", out _));
        Assert.True((await Create(NewProgramme("Not A Key"))).TryGetProperty("content.key", out _));
        Assert.True((await Create(NewProgramme("us-h2a"))).TryGetProperty("content.key", out _));
        Assert.True((await ErrorsAsync(await secretariat.PostAsJsonAsync("/api/programmes", new { version = 0 }))).TryGetProperty("content", out _));
        var agreement = await ErrorsAsync(await secretariat.PostAsJsonAsync("/api/agreements", new { version = 0, content = new JsonObject { ["key"] = "no-parties", ["title"] = new JsonObject { ["es"] = "A", ["en"] = "A" }, ["kind"] = "mou", ["subject"] = "labour-mobility" } }));
        Assert.True(agreement.TryGetProperty("content.parties", out _));
    }

    [Fact]
    public async Task Html_InAProgramme_IsEscapedOnItsPages()
    {
        var secretariat = await app.ClientAsAsync("secretariat");
        var key = $"html-{Guid.NewGuid():N}"[..22];
        var content = NewProgramme(key, name: "<script>alert(1)</script>");
        content["rights"]![0]!["es"] = "<img src=x onerror=alert(2)>";
        var id = (await OkAsync(await secretariat.PostAsJsonAsync("/api/programmes", new { version = 0, content }), HttpStatusCode.Created)).GetProperty("id").GetInt32();
        await OkAsync(await secretariat.PostAsJsonAsync($"/api/programmes/{id}/publish", new { version = 0 }));
        foreach (var page in new[] { $"/programmes/{key}", "/programmes", "/guide/offer?destination=GT" })
        {
            var html = await app.Browser().GetStringAsync(page);
            Assert.DoesNotContain("<script>alert(1)", html);
            Assert.DoesNotContain("<img src=x", html);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        }
    }

    [Theory]
    [InlineData("es", "/programmes/us-h2a", "Lo que el trabajador nunca debe pagar")]
    [InlineData("en", "/programmes/us-h2a", "What the worker must never pay")]
    [InlineData("en", "/programmes/ca-tfwp-high-wage", "Not yet sourced")]
    [InlineData("es", "/programmes", "Programa H-2A")]
    [InlineData("en", "/agreements", "Social security")]
    [InlineData("es", "/agreements/mx-ca-sawp-mou", "Memorándum de Entendimiento")]
    [InlineData("es", "/guide", "/recruiters/check")]
    [InlineData("en", "/guide", "/fraud-reports/new")]
    [InlineData("en", "/guide/offer?destination=US&occupation=6", "H-2A Temporary Agricultural Workers Program")]
    [InlineData("es", "/guide/return?country=MX", "Apoyo al volver")]
    public async Task Pages_ShowTheRegistryInTheReadersLanguage(string language, string page, string expected)
    {
        var response = await app.ClientIn(language).GetAsync(page);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {(int)response.StatusCode}");
        Assert.Contains(expected, html);
    }

    [Fact]
    public async Task ProgrammePage_NumbersEverySourceItCites()
    {
        var html = await app.Browser().GetStringAsync("/programmes/us-h2a");
        var cited = System.Text.RegularExpressions.Regex.Matches(html, "href=\"#source-(\\d+)\"").Select(m => m.Groups[1].Value).ToHashSet();
        var listed = System.Text.RegularExpressions.Regex.Matches(html, "id=\"source-(\\d+)\"").Select(m => m.Groups[1].Value).ToHashSet();
        Assert.NotEmpty(cited);
        Assert.Equal(listed, cited);
        Assert.Contains("https://www.dol.gov/agencies/whd/workers/h2a", html);
    }

    /// <summary>A programme as the edit form posts it: every field by its path in the content.</summary>
    private static List<KeyValuePair<string, string>> ProgrammeForm(int version, string key, string country, string rightEs, string sources) =>
    [
        new("version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("t:key", key), new("t:name.es", "Programa de la página"), new("t:name.en", "Page programme"),
        new("t:kind", "destination-scheme"), new("l:destination", country), new("t:status.code", "active"),
        new("t:rights[0].es", rightEs), new("t:rights[0].en", "Fair pay"), new("l:rights[0].sources", sources),
        new("t:rights[1].es", ""), new("t:rights[1].en", ""), new("l:rights[1].sources", ""),
    ];

    [Fact]
    public async Task EditForm_DraftReviewAndPublication_ErrorsAndConflictsNameTheField()
    {
        var guatemala = await app.ClientAsAsync("focal-point:GT");
        var secretariat = await app.ClientAsAsync("secretariat");
        var key = $"form-{Guid.NewGuid():N}"[..21];

        // The new entry's form has the shape of the shipped programmes: every part, each statement with its sources.
        var blank = await guatemala.GetStringAsync("/programmes/edit");
        foreach (var input in new[] { "name=\"t:name.es\"", "name=\"l:destination\"", "name=\"t:workerNeverPays[0].es\"", "name=\"l:workerNeverPays[0].sources\"", "name=\"t:returnReintegration[0].en\"" })
        {
            Assert.Contains(input, blank, StringComparison.Ordinal);
        }

        // Codes are chosen from their labels in the reader's language, never typed.
        foreach (var (field, label) in new[] { ("kind", "Programa del país de destino"), ("status-code", "Suspendido"), ("modality-code", "Arreglos bilaterales") })
        {
            var select = System.Text.RegularExpressions.Regex.Match(blank, $"<select id=\"f-{field}\"[^>]*>(.*?)</select>", System.Text.RegularExpressions.RegexOptions.Singleline);
            Assert.True(select.Success, field);
            Assert.Contains(label, select.Groups[1].Value, StringComparison.Ordinal);
        }

        var created = await guatemala.PostPageFormAsync("/programmes/edit?handler=Save", ProgrammeForm(0, key, "GT", "Salario justo", "us-dol-whd-h2a-rights"));
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        Assert.Equal($"/programmes/edit/{key}?done=saved", created.Headers.Location!.OriginalString);
        var (id, _, content) = await ProgrammeAsync(key);
        Assert.Equal("Salario justo", content["rights"]![0]!["es"]!.GetValue<string>());
        Assert.Single(content["rights"]!.AsArray());

        // Another country's focal point does not open it; an error names its field, in the reader's language.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsAsync("focal-point:MX")).GetAsync($"/programmes/edit/{key}")).StatusCode);
        var url = $"/programmes/edit/{key}?handler=Save";
        var invalid = await guatemala.PostPageFormAsync(url, ProgrammeForm(0, key, "GT", "Salario justo", "no-such-source"));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("id=\"error-rights-0--sources\"", errors, StringComparison.Ordinal);
        Assert.Contains("Derechos 1 · Fuentes 1: no es una clave de las referencias", errors, StringComparison.Ordinal);

        // The Secretariat saves meanwhile: the focal point's save at the old version is a 409 naming the differing field.
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.PostPageFormAsync(url, ProgrammeForm(0, key, "GT", "Salario mínimo", "us-dol-whd-h2a-rights"))).StatusCode);
        var conflict = await guatemala.PostPageFormAsync(url, ProgrammeForm(0, key, "GT", "Salario digno", "us-dol-whd-h2a-rights"));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var both = await conflict.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"registry-conflict\"", both, StringComparison.Ordinal);
        Assert.Contains("<li>Derechos 1 (español)</li>", both, StringComparison.Ordinal);
        Assert.Contains("Salario digno", both, StringComparison.Ordinal);
        Assert.Contains("name=\"version\" value=\"1\"", both, StringComparison.Ordinal);

        // Draft → review → published; the focal point cannot publish; the public sees it once published; the history has every step.
        Assert.Equal(HttpStatusCode.Redirect, (await guatemala.PostPageFormAsync($"/programmes/edit/{key}?handler=Submit", [new("version", "1")])).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await guatemala.PostPageFormAsync($"/programmes/edit/{key}?handler=Publish", [new("version", "2")])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync($"/programmes/{key}")).StatusCode);
        var published = await secretariat.PostPageFormAsync($"/programmes/edit/{key}?handler=Publish", [new("version", "2")]);
        Assert.Equal($"/programmes/edit/{key}?done=published", published.Headers.Location!.OriginalString);
        var spanish = await app.ClientIn("es").GetStringAsync($"/programmes/{key}");
        Assert.Contains("Salario mínimo", spanish, StringComparison.Ordinal);
        Assert.Contains("Fair pay", await app.Browser().GetStringAsync($"/programmes/{key}"), StringComparison.Ordinal);
        var history = await secretariat.GetAsync($"/programmes/{id}/history");
        Assert.Equal(HttpStatusCode.OK, history.StatusCode);
        var versions = await history.Content.ReadAsStringAsync();
        Assert.Contains("Borrador", versions, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsAsync("focal-point:MX")).GetAsync($"/programmes/{id}/history")).StatusCode);
        await using var db = app.CreateDb();
        Assert.Equal(["create", "propose", "submit", "publish"], await db.AuditEntries.Where(e => e.EntityType == "programme" && e.EntityId == key).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public async Task AgreementEditForm_OpensForTheSecretariat_AndItsHistoryTab()
    {
        var secretariat = await app.ClientAsAsync("secretariat");
        var html = await secretariat.GetStringAsync("/agreements/edit/cmiss");
        Assert.Contains("name=\"t:title.es\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"t:parties[0].country\"", html, StringComparison.Ordinal);
        int id;
        await using (var db = app.CreateDb())
        {
            id = await db.Agreements.Where(a => a.Key == "cmiss").Select(a => a.Id).SingleAsync();
        }

        Assert.Equal(HttpStatusCode.OK, (await secretariat.GetAsync($"/agreements/{id}/history")).StatusCode);
        Assert.Contains($"/agreements/edit/cmiss", await secretariat.GetStringAsync("/agreements/cmiss"), StringComparison.Ordinal);
        Assert.DoesNotContain($"/agreements/edit/cmiss", await app.Browser().GetStringAsync("/agreements/cmiss"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkersGuide_FoldsItsSourceList()
    {
        var html = await app.ClientIn("es").GetStringAsync("/guide/offer?destination=US&occupation=6");
        Assert.Contains("<details class=\"sources-fold\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"source-1\"", html, StringComparison.Ordinal);
    }
}

public sealed class ProgrammesApiTestsOnSqlite(SqliteApp app) : ProgrammesApiTests(app), IClassFixture<SqliteApp>;

public sealed class ProgrammesApiTestsOnPostgres(PostgresApp app) : ProgrammesApiTests(app), IClassFixture<PostgresApp>;
