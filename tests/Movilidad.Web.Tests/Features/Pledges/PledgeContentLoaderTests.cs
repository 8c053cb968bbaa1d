using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Pledges;
using Movilidad.Platform.Data;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Pledges;

public abstract class PledgeContentLoaderTests(MovilidadApp app)
{
    [Fact]
    public async Task Start_LoadsTheRegionalNetworksPledgeFromTheWorkPlan_PublishedAndLinkedToActivity32()
    {
        await using var db = app.CreateDb();
        db.ShowsUnpublished = true;
        var id = await db.Pledges.Where(p => p.Key == "red-onu-femi-mdp").Select(p => p.Id).SingleAsync();

        // Published: the public reads it.
        var shipped = await app.Browser().GetFromJsonAsync<JsonElement>($"/api/pledges/{id}");
        Assert.Equal("RED-ONU", shipped.GetProperty("pledgers")[0].GetProperty("code").GetString());
        Assert.Equal("un-agency", shipped.GetProperty("pledgers")[0].GetProperty("type").GetString());
        Assert.True(shipped.GetProperty("isPublished").GetBoolean());

        var pledge = await db.Pledges.Include(p => p.Elements).SingleAsync(p => p.Key == "red-onu-femi-mdp");
        var element = await db.PlanElements.SingleAsync(e => e.Id == pledge.Elements.Single().ElementId);
        Assert.Equal(("red-onu-2023-2024", "b3-2", "3.2"), (await db.Plans.Where(p => p.Id == element.PlanId).Select(p => p.Key).SingleAsync(), element.Key, element.Code));
        Assert.Contains("pledge de la Red Regional", element.Text.Es, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reload_AfterAnEditInThePlatform_AddsNothingAndKeepsTheEdit()
    {
        int id;
        await using (var db = app.CreateDb())
        {
            id = await db.Pledges.Where(p => p.Key == "red-onu-femi-mdp").Select(p => p.Id).SingleAsync();
        }

        var secretariat = await app.ClientAsAsync("secretariat");
        var current = await secretariat.GetFromJsonAsync<JsonElement>($"/api/pledges/{id}");
        var edit = new
        {
            version = current.GetProperty("version").GetInt32(),
            title = new { es = "Encuentro anual del Mecanismo de Diálogo Permanente", en = "Annual meeting of the Permanent Dialogue Mechanism" },
            pledgers = current.GetProperty("pledgers").EnumerateArray().Select(p => p.GetProperty("id").GetInt32()).ToArray(),
            elements = current.GetProperty("elements").EnumerateArray().Select(e => e.GetInt32()).ToArray(),
            gcmObjectives = new[] { 23 },
        };
        Assert.Equal(HttpStatusCode.OK, (await secretariat.PutAsJsonAsync($"/api/pledges/{id}", edit)).StatusCode);

        await using (var db = app.CreateDb())
        {
            var count = await db.Pledges.CountAsync();
            await new PledgeContentLoader(db, TimeProvider.System).LoadAsync(ShippedData.Folder);
            Assert.Equal(count, await db.Pledges.CountAsync());
        }

        await using (var db = app.CreateDb())
        {
            Assert.Equal("Encuentro anual del Mecanismo de Diálogo Permanente", await db.Pledges.Where(p => p.Id == id).Select(p => p.Title.Es).SingleAsync());
        }
    }

    [Fact]
    public async Task Load_APledgeNamingIndicators_LinksThemAndAnUnknownOneFailsTheFile()
    {
        var folder = Directory.CreateTempSubdirectory("movilidad-pledges-").FullName;
        try
        {
            var file = Path.Combine(folder, PledgeContentLoader.FileName);
            await File.WriteAllTextAsync(file, """
                - key: con-indicador
                  source: "prueba"
                  pledgers: [GT]
                  title: {es: "Compromiso", en: "Pledge"}
                  indicators:
                    - {plan: pe-crm-2023-2026, key: ind-r1}
                """);
            await using var db = app.CreateDb();
            await new PledgeContentLoader(db, TimeProvider.System).LoadAsync(folder);
            var linked = await db.Pledges.Where(p => p.Key == "con-indicador").SelectMany(p => p.Indicators.Select(i => i.Indicator!.Key)).ToListAsync();
            Assert.Equal(["ind-r1"], linked);

            await File.WriteAllTextAsync(file, """
                - key: otro
                  source: "prueba"
                  pledgers: [GT]
                  title: {es: "Compromiso", en: "Pledge"}
                  indicators:
                    - {plan: pe-crm-2023-2026, key: ind-nada}
                """);
            var error = await Assert.ThrowsAsync<DataFileException>(() => new PledgeContentLoader(db, TimeProvider.System).LoadAsync(folder));
            Assert.Contains("pledge 'otro': no indicator pe-crm-2023-2026/ind-nada", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Load_AFileNamingAnUnknownInstitution_FailsNamingThePledgeAndAddsNothing()
    {
        var folder = Directory.CreateTempSubdirectory("movilidad-pledges-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, PledgeContentLoader.FileName), """
                - key: nuevo
                  source: "prueba"
                  pledgers: [NO-EXISTE]
                  title: {es: "Compromiso", en: "Pledge"}
                """);
            await using var db = app.CreateDb();
            var count = await db.Pledges.CountAsync();
            var error = await Assert.ThrowsAsync<DataFileException>(() => new PledgeContentLoader(db, TimeProvider.System).LoadAsync(folder));
            Assert.Contains("pledge 'nuevo'", error.Message, StringComparison.Ordinal);
            Assert.Contains("NO-EXISTE", error.Message, StringComparison.Ordinal);
            Assert.Equal(count, await db.Pledges.CountAsync());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

public sealed class PledgeContentLoaderTestsOnSqlite(SqliteApp app) : PledgeContentLoaderTests(app), IClassFixture<SqliteApp>;

public sealed class PledgeContentLoaderTestsOnPostgres(PostgresApp app) : PledgeContentLoaderTests(app), IClassFixture<PostgresApp>;
