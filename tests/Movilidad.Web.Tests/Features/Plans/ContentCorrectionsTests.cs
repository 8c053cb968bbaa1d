using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Institutions;
using Movilidad.Platform.Localization;
using Movilidad.Web.Tests.Features.Pledges;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Plans;

/// <summary>The content corrections of issue 15, as the platform loads and shows them.</summary>
public abstract class ContentCorrectionsTests(MovilidadApp app)
{
    [Fact]
    public async Task ApprovalByNine_IsTheActionPlansAndNamesTheOperationalPlanAsWhereItIsStated()
    {
        var client = app.ClientIn("es");
        var operational = await client.GetFromJsonAsync<JsonElement>("/api/plans/po-prml-2023-2027");
        Assert.Equal(string.Empty, operational.GetProperty("approvalText").GetProperty("es").GetString());

        var action = await client.GetFromJsonAsync<JsonElement>("/api/plans/prml-2023-2027");
        Assert.Equal("El Plan de Acción ya ha sido aprobado por 9 Países Miembros.", action.GetProperty("approvalText").GetProperty("es").GetString());
        Assert.Equal("po-prml-2023-2027", action.GetProperty("approvalStatedIn").GetProperty("key").GetString());

        var page = await client.GetStringAsync("/plans/prml-2023-2027");
        Assert.Contains("data-testid=\"approval-source\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/plans/po-prml-2023-2027\"", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Aprobación</dt>", page, StringComparison.Ordinal);

        // The operational plan keeps the sentence among its next steps, as its document has it, but no approval of its own.
        Assert.DoesNotContain("<dt>Aprobación</dt>", await client.GetStringAsync("/plans/po-prml-2023-2027"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workshop2023_HasNoCountryAsParticipant_AndNetworkActivitiesRunThrough2024()
    {
        await using var db = app.CreateDb();
        var workshop = await db.PlanElements.Include(e => e.Institutions).ThenInclude(i => i.Institution)
            .SingleAsync(e => e.Plan!.Key == "po-prml-2023-2027" && e.Key == "taller-2023");
        Assert.DoesNotContain(workshop.Institutions, i => i.Institution!.Kind == InstitutionKind.MemberState);
        Assert.Contains(workshop.Institutions, i => i.Institution!.Code == "RROCM");

        var network = await db.PlanElements.Where(e => e.Plan!.Key == "red-onu-2023-2024" && (e.Key == "b1-3" || e.Key == "b2-1"))
            .ToDictionaryAsync(e => e.Key, e => e.EndDate);
        Assert.Equal(new DateOnly(2024, 12, 31), network["b1-3"]);
        Assert.Equal(new DateOnly(2024, 11, 30), network["b2-1"]);
    }

    [Fact]
    public async Task InferredGcmTags_AreShownAsInferred_AndTheSecretariatCorrectsThem()
    {
        int id;
        await using (var db = app.CreateDb())
        {
            id = await db.PlanElements.Where(e => e.Plan!.Key == "prml-2023-2027" && e.LevelKey == "action" && e.GcmObjectives.Count(g => g.Inferred) >= 2)
                .OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
            Assert.False(await db.PlanElements.AnyAsync(e => (e.Plan!.Key == "prml-2023-2027" || e.Plan.Key == "po-prml-2023-2027" || e.Plan.Key == "taller-ptmt-2009")
                && e.GcmObjectives.Any(g => !g.Inferred)));
            Assert.True(await db.PlanElements.AnyAsync(e => e.Plan!.Key == "red-onu-2023-2024" && e.GcmObjectives.Any(g => !g.Inferred)));
        }

        var reader = app.ClientIn("es");
        var element = await reader.GetFromJsonAsync<JsonElement>($"/api/elements/{id}");
        var inferred = element.GetProperty("gcmInferred").EnumerateArray().Select(g => g.GetInt32()).ToList();
        Assert.Equal(element.GetProperty("gcmObjectives").EnumerateArray().Select(g => g.GetInt32()), inferred);
        var page = await reader.GetStringAsync($"/elements/{id}");
        Assert.Contains("data-testid=\"gcm-inferred\"", page, StringComparison.Ordinal);
        Assert.Contains("inferido", page, StringComparison.Ordinal);
        Assert.Contains("inferred", await app.ClientIn("en").GetStringAsync($"/elements/{id}"), StringComparison.Ordinal);

        // The Secretariat states the first objective (the document is read again) and keeps the rest as inferred.
        var secretariat = await app.ClientAsAsync("secretariat");
        var version = element.GetProperty("version").GetInt32();
        object Body(int v, int[] stated, int[] guessed) => new
        {
            version = v,
            title = element.GetProperty("title"),
            text = element.GetProperty("text"),
            timeframeLabel = new { es = "", en = "" },
            footnotes = element.GetProperty("footnotes"),
            gcmObjectives = stated,
            gcmInferred = guessed,
        };
        var invalid = await secretariat.PutAsJsonAsync($"/api/elements/{id}", Body(version, [inferred[0]], [24]));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.True((await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("gcmInferred[0]", out _));

        var saved = await secretariat.PutAsJsonAsync($"/api/elements/{id}", Body(version, [inferred[0]], [.. inferred.Skip(1)]));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var after = await reader.GetFromJsonAsync<JsonElement>($"/api/elements/{id}");
        Assert.Equal(inferred.Skip(1), after.GetProperty("gcmInferred").EnumerateArray().Select(g => g.GetInt32()));
        Assert.Equal(inferred, after.GetProperty("gcmObjectives").EnumerateArray().Select(g => g.GetInt32()));
        var history = await secretariat.GetFromJsonAsync<JsonElement>($"/api/elements/{id}/history");
        var latest = JsonDocument.Parse(history[0].GetProperty("after").GetString()!).RootElement;
        Assert.Equal([inferred[0]], latest.GetProperty("gcmObjectives").EnumerateArray().Select(g => g.GetInt32()));

        // The form: a part that is not a number is refused naming the field, and nothing is saved.
        var form = await secretariat.PostFormAsync($"/elements/{id}/edit", $"/elements/{id}/edit", new Dictionary<string, string>
        {
            ["Input.Version"] = after.GetProperty("version").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.TitleEs"] = after.GetProperty("title").GetProperty("es").GetString()!,
            ["Input.TitleEn"] = after.GetProperty("title").GetProperty("en").GetString()!,
            ["Input.GcmObjectives"] = "seis",
            ["Input.GcmInferred"] = "",
        });
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        Assert.Contains("gcmObjectives", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(after.GetProperty("version").GetInt32(), (await reader.GetFromJsonAsync<JsonElement>($"/api/elements/{id}")).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task NewInstitutionKinds_AreListed_AndALocalGovernmentMakesPledgesAsSuch()
    {
        await using (var db = app.CreateDb())
        {
            foreach (var (code, kind) in new[]
            {
                ("T-COHEP", InstitutionKind.EmployersOrganisation), ("T-CSA", InstitutionKind.WorkersOrganisation),
                ("T-EMPRESA", InstitutionKind.PrivateSector), ("T-UNI", InstitutionKind.Academia), ("T-MUNI", InstitutionKind.LocalGovernment),
            })
            {
                db.Institutions.Add(new Institution { Code = code, Kind = kind, Name = new Bilingual(code, code), Acronym = new Bilingual(code, code), CountryCode = "HN" });
            }

            await db.SaveChangesAsync();
        }

        var reader = app.ClientIn("es");
        foreach (var (kind, code) in new[] { ("employers-organisation", "T-COHEP"), ("workers-organisation", "T-CSA"), ("private-sector", "T-EMPRESA"), ("academia", "T-UNI"), ("local-government", "T-MUNI") })
        {
            var listed = await reader.GetFromJsonAsync<JsonElement>($"/api/institutions?kind={kind}");
            Assert.Contains(listed.EnumerateArray(), i => i.GetProperty("code").GetString() == code);
        }

        Assert.Contains("<h2 id=\"kind-LocalGovernment\">Gobiernos locales <span", await reader.GetStringAsync("/institutions?kind=local-government"), StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"kind-EmployersOrganisation\">Organizaciones de empleadores <span", await reader.GetStringAsync("/institutions?kind=employers-organisation"), StringComparison.Ordinal);

        var secretariat = await app.ClientAsAsync("secretariat");
        var pledge = await PledgeBuilders.CreatedAsync(await secretariat.PostAsJsonAsync("/api/pledges", await app.PledgeAsync("T-MUNI")));
        Assert.Equal("local-government", pledge.GetProperty("pledgers")[0].GetProperty("type").GetString());
        var dashboard = await secretariat.GetStringAsync("/pledges/dashboard");
        Assert.Contains("Gobierno local", dashboard, StringComparison.Ordinal);
    }
}

public sealed class ContentCorrectionsTestsOnSqlite(SqliteApp app) : ContentCorrectionsTests(app), IClassFixture<SqliteApp>;

public sealed class ContentCorrectionsTestsOnPostgres(PostgresApp app) : ContentCorrectionsTests(app), IClassFixture<PostgresApp>;
