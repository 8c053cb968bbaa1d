using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Knowledge;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Knowledge;

/// <summary>A toolkit's planning guide edited by the Secretariat or a curator (API and page): checked by field, versioned, audited, no longer a draft once complete; new asset versions uploaded through the page with the upload defences.</summary>
public abstract partial class ToolkitGuideTests(MovilidadApp app)
{
    private async Task<int> NewToolkitAsync()
    {
        await using var db = app.CreateDb();
        var item = new RepositoryItem
        {
            Kind = ItemKind.Toolkit, Type = ItemType.Toolkit, Title = new("Herramienta de prueba", "Test toolkit"), Status = ItemStatus.Published, Audience = ItemAudience.Public,
            IsDraft = true, ProposedAt = DateTime.UtcNow, PublishedAt = DateTime.UtcNow,
            Guide = JsonSerializer.Serialize(new ToolkitGuide([new("Paso inicial", "First step")], [], [], [], []), ToolkitLoader.Json),
        };
        item.Files.Add(new RepositoryFile
        {
            Slot = "poster", FileVersion = 1, Name = "poster.svg", ContentType = "image/svg+xml", Size = 10, Sha256 = new string('0', 64),
            Content = new RepositoryFileContent { Bytes = TestFiles.Svg("<rect width=\"5\" height=\"5\"/>") }, UploadedAt = DateTime.UtcNow,
        });
        db.RepositoryItems.Add(item);
        await db.SaveChangesAsync();
        return item.Id;
    }

    private static object Guide(string step, string? stepEn = "Agree the campaign's goals", string audience = "migrant-workers", int week = 2) => new
    {
        steps = new[] { new { es = step, en = stepEn } },
        audiences = new[] { new { key = audience, name = new { es = "Personas trabajadoras migrantes", en = "Migrant workers" } } },
        channels = new[] { new { es = "Radio comunitaria", en = "Community radio" } },
        calendar = new[] { new { week, activity = new { es = "Lanzamiento", en = "Launch" } } },
        messages = new[] { new { audience, text = new { es = "Nadie puede cobrarte por un empleo.", en = "No one may charge you for a job." } } },
    };

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task TheGuide_IsEditedByACurator_WithItsVersion_Audited_AndNoLongerADraftOnceComplete()
    {
        var id = await NewToolkitAsync();
        var url = $"/api/toolkits/{id}/guide";
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsAsync("civil-society")).PutAsJsonAsync(url, new { version = 0, guide = Guide("Acordar los objetivos"), complete = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Browser().PutAsJsonAsync(url, new { version = 0, guide = Guide("Acordar los objetivos"), complete = true })).StatusCode);

        var curator = await app.ClientAsAsync("curator");
        var draft = await JsonAsync(await curator.PutAsJsonAsync(url, new { version = 0, guide = Guide("Acordar los objetivos", stepEn: string.Empty), complete = false }), HttpStatusCode.OK);
        Assert.True(draft.GetProperty("isDraft").GetBoolean());
        var refused = await JsonAsync(await curator.PutAsJsonAsync(url, new { version = 1, guide = Guide("Acordar los objetivos", stepEn: string.Empty), complete = true }), HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("guide.steps[0].en", out _));

        var saved = await JsonAsync(await curator.PutAsJsonAsync(url, new { version = 1, guide = Guide("Acordar los objetivos de la campaña"), complete = true }), HttpStatusCode.OK);
        Assert.False(saved.GetProperty("isDraft").GetBoolean());
        Assert.Equal("Acordar los objetivos de la campaña", saved.GetProperty("guide").GetProperty("steps")[0].GetProperty("es").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await curator.PutAsJsonAsync(url, new { version = 1, guide = Guide("Otra cosa"), complete = true })).StatusCode);

        using var zip = new ZipArchive(new MemoryStream(await app.Browser().GetByteArrayAsync($"/api/toolkits/{id}/download")));
        using var manifest = JsonDocument.Parse(zip.GetEntry("manifest.json")!.Open());
        Assert.False(manifest.RootElement.GetProperty("draft").GetBoolean());
        using var english = new StreamReader(zip.GetEntry("guide.en.md")!.Open());
        var text = await english.ReadToEndAsync();
        Assert.Contains("Agree the campaign's goals", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Draft to complete", text, StringComparison.Ordinal);

        await using var db = app.CreateDb();
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "repository-item" && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal(["edit-guide", "edit-guide"], audit);
    }

    [Fact]
    public async Task BadGuides_AreRefusedNamingEveryField_NeverA500()
    {
        var id = await NewToolkitAsync();
        var secretariat = await app.ClientAsAsync("secretariat");
        var body = new
        {
            version = 0,
            complete = false,
            guide = new
            {
                steps = new[] { new { es = new string('x', 100_000), en = string.Empty }, new { es = string.Empty, en = string.Empty } },
                audiences = new[] { new { key = "Migrantes!", name = new { es = "A", en = "A" } }, new { key = "b", name = new { es = "B", en = "B" } }, new { key = "b", name = new { es = "B", en = "B" } } },
                channels = Enumerable.Range(0, 61).Select(_ => new { es = "Radio", en = "Radio" }).ToArray(),
                calendar = new[] { new { week = 0, activity = new { es = "x", en = "x" } } },
                messages = new[] { new { audience = "nadie", text = new { es = "x", en = "x" } } },
            },
        };
        var problem = await JsonAsync(await secretariat.PutAsJsonAsync($"/api/toolkits/{id}/guide", body), HttpStatusCode.BadRequest);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Superset(new HashSet<string>
        {
            "guide.steps[0].es", "guide.steps[1].es", "guide.steps[1].en", "guide.audiences[0].key", "guide.audiences[2].key", "guide.channels", "guide.calendar[0].week",
            "guide.messages[0].audience",
        }, fields);
        Assert.Equal(HttpStatusCode.BadRequest, (await secretariat.PutAsJsonAsync($"/api/toolkits/{id}/guide", new { version = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.PutAsJsonAsync("/api/toolkits/999999/guide", new { version = 0, guide = Guide("x"), complete = false })).StatusCode);
    }

    [Fact]
    public async Task ThePage_EditsTheGuideInBothLanguages_AndUploadsAnAssetVersionThroughTheFileDefences()
    {
        var id = await NewToolkitAsync();
        var person = await app.AddPersonAsync($"{Guid.NewGuid():N}@example.org", twoFactor: false, "curator");
        var client = await app.SignInAsync(person);
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new System.Net.Http.Headers.StringWithQualityHeaderValue("es"));
        Assert.Contains($"/repository/{id}/guide", await client.GetStringAsync($"/repository/{id}"), StringComparison.Ordinal);
        var form = await client.GetStringAsync($"/repository/{id}/guide");
        Assert.Contains("Paso inicial", form, StringComparison.Ordinal);

        var refused = await client.PostPageFormAsync($"/repository/{id}/guide",
        [
            new("Form.Version", "0"), new("Form.Steps[0].Es", "Reunir a las instituciones"), new("Form.Steps[0].En", string.Empty),
            new("Form.Calendar[0].Key", "cuarta"), new("Form.Calendar[0].Es", "Lanzamiento"), new("Form.Calendar[0].En", "Launch"), new("Form.Complete", "true"),
        ]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Pasos 1 (inglés)", errors, StringComparison.Ordinal);
        Assert.Contains("la semana es un número entero", errors, StringComparison.Ordinal);
        Assert.Contains("Reunir a las instituciones", errors, StringComparison.Ordinal);

        var saved = await client.PostPageFormAsync($"/repository/{id}/guide",
        [
            new("Form.Version", "0"), new("Form.Steps[0].Es", "Reunir a las instituciones"), new("Form.Steps[0].En", "Bring the institutions together"),
            new("Form.Steps[1].Es", string.Empty), new("Form.Steps[1].En", string.Empty),
            new("Form.Audiences[0].Key", "employers"), new("Form.Audiences[0].Es", "Empleadores"), new("Form.Audiences[0].En", "Employers"),
            new("Form.Messages[0].Key", "employers"), new("Form.Messages[0].Es", "Contrate por vías regulares."), new("Form.Messages[0].En", "Hire through regular channels."),
            new("Form.Calendar[0].Key", "4"), new("Form.Calendar[0].Es", "Lanzamiento"), new("Form.Calendar[0].En", "Launch"), new("Form.Complete", "true"),
        ]);
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var item = await client.GetStringAsync($"/repository/{id}");
        Assert.Contains("Contrate por vías regulares.", item, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"draft\"", item, StringComparison.Ordinal);

        var script = await PostAssetAsync(client, id, 1, "poster", "poster.svg", TestFiles.Svg("<script>alert(1)</script>"));
        Assert.Equal(HttpStatusCode.BadRequest, script.StatusCode);
        Assert.Contains("id=\"error-file\"", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var uploaded = await PostAssetAsync(client, id, 1, "poster", "poster-v2.svg", TestFiles.Svg("<circle r=\"4\"/>"));
        Assert.True(uploaded.StatusCode == HttpStatusCode.Redirect, await uploaded.Content.ReadAsStringAsync());

        // Artwork of a few megabytes is taken (the page's limit is the repository's, not the platform's 1 MB); a body over
        // it is refused before anything reads it, naming the field and the largest file.
        var large = await PostAssetAsync(client, id, 2, "poster", "poster-v3.svg", TestFiles.Svg($"<desc>{new string('a', 3_000_000)}</desc>"));
        Assert.True(large.StatusCode == HttpStatusCode.Redirect, $"{(int)large.StatusCode}");
        var huge = await PostAssetAsync(client, id, 3, "poster", "enorme.svg", new byte[22 * 1024 * 1024]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Contains("Archivo: el archivo pesa más de 20 MB", WebUtility.HtmlDecode(await huge.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        await using var db = app.CreateDb();
        var versions = await db.RepositoryFiles.AsNoTracking().Where(f => f.ItemId == id && f.Slot == "poster").OrderBy(f => f.FileVersion).Select(f => f.Name).ToListAsync();
        Assert.Equal(["poster.svg", "poster-v2.svg", "poster-v3.svg"], versions);
    }

    private static async Task<HttpResponseMessage> PostAssetAsync(HttpClient client, int id, int version, string slot, string name, byte[] content)
    {
        var token = AntiforgeryField().Match(await client.GetStringAsync($"/repository/{id}/guide")).Groups[1].Value;
        using var body = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
            { new StringContent(version.ToString(System.Globalization.CultureInfo.InvariantCulture)), "Form.Version" },
            { new StringContent(slot), "Slot" },
            { new ByteArrayContent(content), "Upload", name },
        };
        return await client.PostAsync($"/repository/{id}/guide?handler=Asset", body);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

public sealed class ToolkitGuideTestsOnSqlite(SqliteApp app) : ToolkitGuideTests(app), IClassFixture<SqliteApp>;

public sealed class ToolkitGuideTestsOnPostgres(PostgresApp app) : ToolkitGuideTests(app), IClassFixture<PostgresApp>;
