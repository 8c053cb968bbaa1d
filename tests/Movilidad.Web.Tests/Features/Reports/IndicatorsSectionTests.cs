using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Indicators;
using Movilidad.Web.Tests.Features.Indicators;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Reports;

/// <summary>The indicators section of the semi-annual report on the Strategic Plan (004), whose reporting calendar is semi-annual.</summary>
public abstract class IndicatorsSectionTests(MovilidadApp app)
{
    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The people-trained indicator with targets for Guatemala and Honduras in <paramref name="period"/>, and a draft report on the Strategic Plan for it.</summary>
    private async Task<(int Report, int People)> ScenarioAsync(HttpClient secretariat, string period, decimal guatemala, decimal honduras)
    {
        var people = await app.PeopleIndicatorAsync();
        await using (var db = app.CreateDb())
        {
            db.IndicatorTargets.AddRange(
                new IndicatorTarget { IndicatorId = people, CountryCode = "GT", PeriodCode = period, Value = guatemala },
                new IndicatorTarget { IndicatorId = people, CountryCode = "HN", PeriodCode = period, Value = honduras });
            await db.SaveChangesAsync();
        }

        int plan;
        await using (var db = app.CreateDb())
        {
            db.ShowsUnpublished = true;
            plan = await db.Plans.Where(p => p.Key == IndicatorBuilders.Plan).Select(p => p.Id).SingleAsync();
        }

        var created = await secretariat.PostAsJsonAsync("/api/reports", new { planId = plan, semester = period });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return ((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32(), people);
    }

    /// <summary>The country's values saved and submitted by its focal point, then approved by the Secretariat unless <paramref name="approve"/> is false.</summary>
    private async Task ValuesAsync(HttpClient secretariat, string period, string country, object row, bool approve = true)
    {
        var focal = await app.ClientAsAsync("focal-point:" + country);
        var url = IndicatorBuilders.Report(period, country);
        var version = (await OkAsync(await focal.PutAsJsonAsync(url, await app.ValuesAsync(0, row)))).GetProperty("version").GetInt32();
        version = (await OkAsync(await focal.PostAsJsonAsync(url + "/submit", new { version }))).GetProperty("version").GetInt32();
        if (approve)
        {
            Assert.Equal("approved", (await OkAsync(await secretariat.PostAsJsonAsync(url + "/approve", new { version }))).GetProperty("status").GetString());
        }
    }

    private static async Task<byte[]> DocumentAsync(HttpClient client, int report, string format, string language)
    {
        var response = await client.GetAsync($"/api/reports/{report}/document?format={format}&language={language}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>The cells of the rows of the table that follows the heading, by the first cell.</summary>
    private static Dictionary<string, string[]> TableAfter(Body body, string heading)
    {
        var start = body.Elements<Paragraph>().Single(p => p.InnerText == heading);
        var table = start.ElementsAfter().OfType<Table>().First();
        return table.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToArray()).ToDictionary(r => r[0]);
    }

    [Fact]
    public async Task Docx_InSpanishAndEnglish_HasTheIndicatorRowsWithApprovedValuesTargetsSexPartsAndWhoHasNotReported()
    {
        var secretariat = await app.ClientAsAsync("secretariat");
        var (report, people) = await ScenarioAsync(secretariat, "2025-S1", 50, 30);
        await ValuesAsync(secretariat, "2025-S1", "GT", new { indicatorId = people, total = 41, women = 23, men = 16, other = 1, notReported = 1 });
        await ValuesAsync(secretariat, "2025-S1", "HN", new { indicatorId = people, total = 20, women = 12, men = 8 }, approve: false);

        using var es = WordprocessingDocument.Open(new MemoryStream(await DocumentAsync(secretariat, report, "docx", "es")), false);
        var body = es.MainDocumentPart!.Document.Body!;
        string[] Headings(Body of, string style) => of.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val == style).Select(p => p.InnerText).ToArray();
        Assert.Contains("Indicadores del plan", Headings(body, "Heading1"));
        Assert.Equal(["Indicadores de resultado", "Indicadores de proceso", "Indicadores de impacto"], Headings(body, "Heading2").Where(h => h.StartsWith("Indicadores de", StringComparison.Ordinal)));

        // Honduras' values are submitted, not approved: its target shows, its actual does not, and it is named as not reported.
        var rows = TableAfter(body, "T1. Personas funcionarias capacitadas");
        Assert.Equal(["País", "Meta", "Logrado", "Mujeres", "Hombres", "No binarias u otras", "Sexo no reportado"], rows["País"]);
        Assert.Equal(["Guatemala", "50", "41", "23", "16", "1", "1"], rows["Guatemala"]);
        Assert.Equal(["Honduras", "30", "–", "–", "–", "–", "–"], rows["Honduras"]);
        Assert.Equal(["Total regional", "80", "41", "23", "16", "1", "1"], rows["Total regional"]);
        var paragraphs = body.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains(paragraphs, p => p.StartsWith("1 de ", StringComparison.Ordinal) && p.Contains("Honduras (enviado, por aprobar)", StringComparison.Ordinal) && p.Contains("El Salvador (sin informe)", StringComparison.Ordinal));

        // The automatic indicator of the working group on labour migration says it is computed by the platform.
        var automatic = body.Elements<Paragraph>().Single(p => p.ParagraphProperties?.ParagraphStyleId?.Val == "Heading3" && p.InnerText.StartsWith("R3.ML.", StringComparison.Ordinal));
        Assert.Contains("Indicador automático", automatic.ElementsAfter().OfType<Paragraph>().First().InnerText, StringComparison.Ordinal);

        using var en = WordprocessingDocument.Open(new MemoryStream(await DocumentAsync(secretariat, report, "docx", "en")), false);
        var enBody = en.MainDocumentPart!.Document.Body!;
        Assert.Contains("Plan indicators", Headings(enBody, "Heading1"));
        var enRows = TableAfter(enBody, "T1. Officials trained");
        Assert.Equal(["Country", "Target", "Actual", "Women", "Men", "Non-binary or other", "Sex not reported"], enRows["Country"]);
        Assert.Equal(["Regional total", "80", "41", "23", "16", "1", "1"], enRows["Regional total"]);
        Assert.Contains(enBody.Elements<Paragraph>(), p => p.InnerText.Contains("Honduras (submitted, awaiting approval)", StringComparison.Ordinal));

        // The PDF says the same.
        var folder = Path.Combine(LocalizationTests.RepositoryRoot(), "artifacts", "report-pdf");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"indicators-{app.Provider}-es.pdf".ToLowerInvariant());
        await File.WriteAllBytesAsync(file, await DocumentAsync(secretariat, report, "pdf", "es"));
        var text = Run("pdftotext", "-layout", file, "-");
        Assert.Contains("Indicadores del plan", text, StringComparison.Ordinal);
        Assert.Contains("T1. Personas funcionarias capacitadas", text, StringComparison.Ordinal);
        Assert.Matches(@"Guatemala\s+50\s+41\s+23\s+16\s+1\s+1", text);
        Assert.Matches(@"Total regional\s+80\s+41\s+23\s+16\s+1\s+1", text);
        Assert.Contains("Honduras (enviado, por aprobar)", text.Replace("\n", " ", StringComparison.Ordinal).Replace("  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        foreach (var old in Directory.GetFiles(folder, Path.GetFileNameWithoutExtension(file) + "-*.png"))
        {
            File.Delete(old);
        }

        Run("pdftoppm", "-png", "-r", "70", file, Path.Combine(folder, Path.GetFileNameWithoutExtension(file)));
        Assert.NotEmpty(Directory.GetFiles(folder, Path.GetFileNameWithoutExtension(file) + "-*.png"));
    }

    [Fact]
    public async Task ApprovedReport_WhenAValueIsApprovedLater_KeepsTheFiguresItWasApprovedWith()
    {
        var secretariat = await app.ClientAsAsync("secretariat");
        var presidency = await app.ClientAsAsync("presidency");
        var (report, people) = await ScenarioAsync(secretariat, "2025-S2", 12, 8);
        await ValuesAsync(secretariat, "2025-S2", "GT", new { indicatorId = people, total = 10, women = 6, men = 4 });

        var version = (await OkAsync(await secretariat.PostAsJsonAsync($"/api/reports/{report}/submit", new { version = 0 }))).GetProperty("version").GetInt32();
        Assert.True((await OkAsync(await presidency.PostAsJsonAsync($"/api/reports/{report}/approve", new { version }))).GetProperty("frozen").GetBoolean());
        await ValuesAsync(secretariat, "2025-S2", "HN", new { indicatorId = people, total = 7, women = 7, men = 0 });

        using var word = WordprocessingDocument.Open(new MemoryStream(await DocumentAsync(secretariat, report, "docx", "en")), false);
        var rows = TableAfter(word.MainDocumentPart!.Document.Body!, "T1. Officials trained");
        Assert.Equal(["Honduras", "8", "–", "–", "–", "–", "–"], rows["Honduras"]);
        Assert.Equal(["Regional total", "20", "10", "6", "4", "–", "–"], rows["Regional total"]);

        // The frozen data holds the figures as approved.
        await using var db = app.CreateDb();
        var snapshot = JsonDocument.Parse((await db.Reports.Where(r => r.Id == report).Select(r => r.Snapshot).SingleAsync())!).RootElement.GetProperty("indicators");
        var frozen = snapshot.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("id").GetInt32() == people);
        Assert.Equal(10m, frozen.GetProperty("regionalActual").GetDecimal());
    }

    private static string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start; test.sh installs it (poppler-utils).");
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} failed ({process.ExitCode}): {error}");
        return output;
    }
}

public sealed class IndicatorsSectionTestsOnSqlite(SqliteApp app) : IndicatorsSectionTests(app), IClassFixture<SqliteApp>;

public sealed class IndicatorsSectionTestsOnPostgres(PostgresApp app) : IndicatorsSectionTests(app), IClassFixture<PostgresApp>;
