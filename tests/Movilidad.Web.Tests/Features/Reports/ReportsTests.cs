using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using DocxReport = Movilidad.Web.Features.Reports.DocxReport;
using Movilidad.Web.Features.Pledges;
using Movilidad.Platform.Pledges;
using PledgesSection = Movilidad.Web.Features.Reports.PledgesSection;
using PracticesSection = Movilidad.Web.Features.Reports.PracticesSection;
using ReportEditing = Movilidad.Web.Features.Reports.ReportEditing;
using Movilidad.Platform.Audit;
using Movilidad.Web.Tests.Features.Monitoring;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Reports;

public abstract class ReportsTests(MovilidadApp app)
{
    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray());
    }

    private static object Narrative(int version, string es, string en) => new { version, text = new { es, en } };

    private async Task<byte[]> DocumentAsync(HttpClient client, int report, string format, string language)
    {
        var response = await client.GetAsync($"/api/reports/{report}/document?format={format}&language={language}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task Flow_SecretariatPreparesFocalPointsWritePresidencyApproves_ReportIsFrozen()
    {
        var secretariat = await app.ClientAsAsync("secretariat");
        var guatemala = await app.ClientAsAsync("focal-point:GT");
        var honduras = await app.ClientAsAsync("focal-point:HN");
        var presidency = await app.ClientAsAsync("presidency");
        var s = await app.ScenarioAsync(secretariat, 2023);
        var p = await app.PledgesAndPracticesAsync(2023);
        var id = s.ReportId;

        Assert.Equal(HttpStatusCode.OK, (await guatemala.PutAsJsonAsync($"/api/reports/{id}/narratives/GT", Narrative(0, "Guatemala realizó el taller nacional.", string.Empty))).StatusCode);

        // A focal point of Guatemala cannot write Honduras' narrative, nor change its status: 403 and nothing saved.
        Assert.Equal(HttpStatusCode.Forbidden, (await guatemala.PutAsJsonAsync($"/api/reports/{id}/narratives/HN", Narrative(0, "Texto ajeno", string.Empty))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await guatemala.PostAsJsonAsync($"/api/reports/{id}/submit", new { version = 0 })).StatusCode);
        await using (var db = app.CreateDb())
        {
            Assert.False(await db.ReportNarratives.AnyAsync(n => n.ReportId == id && n.CountryCode == "HN"));
        }

        await OkAsync(await honduras.PutAsJsonAsync($"/api/reports/{id}/narratives/HN", Narrative(0, string.Empty, "Honduras trained 40 labour inspectors.")));
        var stale = await honduras.PutAsJsonAsync($"/api/reports/{id}/narratives/HN", Narrative(0, "Otra versión", string.Empty));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Honduras trained 40 labour inspectors.", (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("current").GetProperty("text").GetProperty("en").GetString());
        Assert.Contains("text", (await ErrorsAsync(await honduras.PutAsJsonAsync($"/api/reports/{id}/narratives/HN", Narrative(1, " ", string.Empty)))).Keys);

        var summary = await OkAsync(await secretariat.PutAsJsonAsync($"/api/reports/{id}/summary", new { version = 0, summary = new { es = "Semestre de avances.", en = "A semester of progress." } }));
        Assert.Equal(HttpStatusCode.Conflict, (await secretariat.PutAsJsonAsync($"/api/reports/{id}/summary", new { version = 0, summary = new { es = "Viejo", en = "Old" } })).StatusCode);
        var version = summary.GetProperty("version").GetInt32();

        // Only the Pro-Tempore Presidency approves, and only a submitted report.
        Assert.Contains("status", (await ErrorsAsync(await presidency.PostAsJsonAsync($"/api/reports/{id}/approve", new { version }))).Keys);
        version = (await OkAsync(await secretariat.PostAsJsonAsync($"/api/reports/{id}/submit", new { version }))).GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.Forbidden, (await secretariat.PostAsJsonAsync($"/api/reports/{id}/approve", new { version })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await guatemala.PostAsJsonAsync($"/api/reports/{id}/approve", new { version })).StatusCode);
        Assert.Contains("status", (await ErrorsAsync(await guatemala.PutAsJsonAsync($"/api/reports/{id}/narratives/GT", Narrative(1, "Cambio tardío", string.Empty)))).Keys);

        // Returned with a comment, it is a draft again; submitted once more, the Presidency approves it.
        Assert.Contains("comment", (await ErrorsAsync(await presidency.PostAsJsonAsync($"/api/reports/{id}/return", new { version, comment = "" }))).Keys);
        var returned = await OkAsync(await presidency.PostAsJsonAsync($"/api/reports/{id}/return", new { version, comment = "Añadir el presupuesto ejecutado de México." }));
        Assert.Equal("draft", returned.GetProperty("status").GetString());
        Assert.Equal("Añadir el presupuesto ejecutado de México.", returned.GetProperty("returnComment").GetString());
        version = (await OkAsync(await secretariat.PostAsJsonAsync($"/api/reports/{id}/submit", new { version = returned.GetProperty("version").GetInt32() }))).GetProperty("version").GetInt32();
        var beforeApproval = await SectionRowsAsync(secretariat, id, "Compromisos con el Pacto Mundial", "Buenas prácticas");
        Assert.Contains(beforeApproval, r => r.StartsWith(p.Visas.Es, StringComparison.Ordinal));
        var approved = await OkAsync(await presidency.PostAsJsonAsync($"/api/reports/{id}/approve", new { version }));
        Assert.Equal("approved", approved.GetProperty("status").GetString());
        Assert.True(approved.GetProperty("frozen").GetBoolean());

        // Frozen: later changes to activities and narratives do not reach the approved report.
        await using (var db = app.CreateDb())
        {
            await db.Activities.Where(a => a.Id == s.CompleteActivityId).ExecuteUpdateAsync(u => u.SetProperty(a => a.Title, new Movilidad.Platform.Localization.Bilingual("Título cambiado después", "Changed afterwards")));
            var actions = await db.AuditEntries.Where(e => e.EntityType == ReportEditing.EntityType && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
            Assert.Equal(["create", "update", "submitted", "return", "submitted", "approved"], actions);
            Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.EntityType == ReportEditing.NarrativeEntityType && e.EntityId.StartsWith(id.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":")));
            Assert.Null((await AuditChain.VerifyAsync(db)).FirstBroken);
        }

        Assert.Contains("status", (await ErrorsAsync(await secretariat.PutAsJsonAsync($"/api/reports/{id}/summary", new { version = version + 1, summary = new { es = "Tarde", en = "Late" } }))).Keys);

        // A pledge recorded after the approval, with an update for the semester, is in a draft report but not in the approved one.
        await using (var db = app.CreateDb())
        {
            db.Pledges.Add(new Pledge
            {
                Title = new("Compromiso añadido después", "Pledge added afterwards"), CreatedAt = DateTime.UtcNow, Version = 1,
                Pledgers = [new() { InstitutionId = await app.InstitutionIdAsync("MX") }],
                Updates = [new() { Year = 2023, Quarter = 2, Status = PledgeStatus.InProgress, Narrative = "Recién registrado.", RecordedAt = DateTime.UtcNow }],
            });
            await db.SaveChangesAsync();
        }

        Assert.Equal(beforeApproval, await SectionRowsAsync(secretariat, id, "Compromisos con el Pacto Mundial", "Buenas prácticas"));
        var draft = await ReportAsync(secretariat, "2023-S2");
        Assert.Contains(await SectionRowsAsync(secretariat, draft, "Compromisos con el Pacto Mundial", "Buenas prácticas"), r => r.StartsWith("Compromiso añadido después", StringComparison.Ordinal));
        using var word = WordprocessingDocument.Open(new MemoryStream(await DocumentAsync(secretariat, id, "docx", "es")), false);
        var text = word.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains(s.CompleteTitle, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Título cambiado después", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Docx_OpenedWithOpenXml_HasStylesHeadingsActivityRowsNarrativesAndLanguage()
    {
        var secretariat = await app.ClientAsAsync("secretariat");
        var s = await app.ScenarioAsync(secretariat, 2024);
        await OkAsync(await (await app.ClientAsAsync("focal-point:GT")).PutAsJsonAsync($"/api/reports/{s.ReportId}/narratives/GT",
            Narrative(0, "Guatemala capacitó a 35 funcionarias y funcionarios.\n\nLa segunda fase empezará en julio.", string.Empty)));
        await OkAsync(await (await app.ClientAsAsync("focal-point:HN")).PutAsJsonAsync($"/api/reports/{s.ReportId}/narratives/HN",
            Narrative(0, string.Empty, "Honduras trained 40 labour inspectors.")));

        using var es = WordprocessingDocument.Open(new MemoryStream(await DocumentAsync(secretariat, s.ReportId, "docx", "es")), false);
        var invalid = new OpenXmlValidator(FileFormatVersions.Office2016).Validate(es).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(invalid.Count == 0, "The Word document does not follow the schema:\n" + string.Join("\n", invalid));
        var main = es.MainDocumentPart!;
        var styles = main.StyleDefinitionsPart!.Styles!;
        Assert.Equal("es-ES", styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.GetFirstChild<Languages>()!.Val!.Value);
        Assert.Contains(styles.Elements<Style>(), st => st.StyleId == "Heading1" && st.StyleName!.Val == "heading 1");
        Assert.Contains(styles.Elements<Style>(), st => st.StyleId == DocxReport.TableStyleId && st.Type!.Value == StyleValues.Table);
        var body = main.Document.Body!;
        string[] Headings(string style) => body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val == style).Select(p => p.InnerText).ToArray();
        Assert.Equal(["Resumen de la Secretaría Ejecutiva", "Actividades del plan operativo", "Compromisos con el Pacto Mundial", "Buenas prácticas", "Informes de los Países Miembros"], Headings("Heading1"));
        Assert.Contains(Headings("Heading2"), h => h.StartsWith("Línea de acción 1.", StringComparison.Ordinal));
        Assert.Contains("Guatemala", Headings("Heading2"));
        Assert.Equal(["Grupo de Trabajo sobre Migración Laboral", "Grupo de Trabajo sobre Migración Laboral"], Headings("Heading3"));
        Assert.Equal("Informe semestral al Grupo Regional de Consulta sobre Migración", Headings("Title").Single());
        Assert.Equal("Primer semestre de 2024", Headings("Subtitle").Single());

        // Activity tables: a header row repeated on every page, then one row per activity of the semester; the December one is not in S1.
        var rows = body.Descendants<Table>().SelectMany(t => t.Elements<TableRow>()).ToList();
        Assert.All(body.Descendants<Table>(), t => Assert.NotNull(t.Elements<TableRow>().First().TableRowProperties!.GetFirstChild<TableHeader>()));
        var complete = rows.Single(r => r.InnerText.Contains(s.CompleteTitle, StringComparison.Ordinal)).Elements<TableCell>().Select(c => c.InnerText).ToList();
        Assert.Equal(["1.1 · R2024a", s.CompleteTitle, "GT HN MX", "1/3/2024 –30/4/2024", "Planificada", "25.000,50 USD", "1.200 GTQ", "Completa"], complete);
        var open = rows.Single(r => r.InnerText.Contains(s.OpenTitle, StringComparison.Ordinal)).Elements<TableCell>().Select(c => c.InnerText).ToList();
        Assert.Equal("Faltan 11 campos", open[^1]);
        Assert.DoesNotContain(rows, r => r.InnerText.Contains(s.LaterTitle, StringComparison.Ordinal));

        // Narratives: paragraphs kept; the English-only one is shown with its language tagged and named.
        var paragraphs = body.Elements<Paragraph>().ToList();
        Assert.Contains(paragraphs, p => p.InnerText == "La segunda fase empezará en julio.");
        var english = paragraphs.Single(p => p.InnerText == "Honduras trained 40 labour inspectors.");
        Assert.Equal("en-GB", english.Descendants<Languages>().Single().Val!.Value);
        Assert.Contains(paragraphs, p => p.InnerText == "Texto original en inglés.");
        Assert.Contains(paragraphs, p => p.InnerText == "El país no presentó narrativa para este semestre.");

        // Two chart images (activities, pledges), the header with the running head, and a footer numbering pages with fields.
        Assert.Equal(2, main.ImageParts.Count());
        Assert.Contains("Informe semestral al GRCM · Primer semestre de 2024", main.HeaderParts.Single().Header.InnerText, StringComparison.Ordinal);
        Assert.Equal([" PAGE ", " NUMPAGES "], main.FooterParts.Single().Footer.Descendants<SimpleField>().Select(f => f.Instruction!.Value));
        Assert.NotNull(body.GetFirstChild<SectionProperties>()!.GetFirstChild<TitlePage>());

        using var en = WordprocessingDocument.Open(new MemoryStream(await DocumentAsync(secretariat, s.ReportId, "docx", "en")), false);
        var enStyles = en.MainDocumentPart!.StyleDefinitionsPart!.Styles!;
        Assert.Equal("en-GB", enStyles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.GetFirstChild<Languages>()!.Val!.Value);
        var enBody = en.MainDocumentPart.Document.Body!;
        Assert.Contains(enBody.Elements<Paragraph>(), p => p.InnerText == "Operational-plan activities");
        var spanish = enBody.Elements<Paragraph>().Single(p => p.InnerText == "La segunda fase empezará en julio.");
        Assert.Equal("es-ES", spanish.Descendants<Languages>().Single().Val!.Value);
        Assert.Contains(enBody.Descendants<TableRow>(), r => r.InnerText.Contains("Skills recognition workshop 2024", StringComparison.Ordinal));

        // Table headers carry their white text on the run, where no paragraph style overrides it.
        Assert.All(es.MainDocumentPart!.Document.Body!.Descendants<TableRow>().Where(r => r.TableRowProperties?.GetFirstChild<TableHeader>() is not null)
            .SelectMany(r => r.Descendants<Run>()), run => Assert.Equal("FFFFFF", run.RunProperties?.Color?.Val?.Value));
        await LibreOfficeRendersAsync(secretariat, s);
    }

    [Fact]
    public async Task Pdf_RenderedWithPdftoppm_IsARealDocumentWithTheReportsText()
    {
        var secretariat = await app.ClientAsAsync("secretariat");
        var s = await app.ScenarioAsync(secretariat, 2025);
        var p = await app.PledgesAndPracticesAsync(2025);
        await OkAsync(await (await app.ClientAsAsync("focal-point:GT")).PutAsJsonAsync($"/api/reports/{s.ReportId}/narratives/GT",
            Narrative(0, string.Join("\n\n", Enumerable.Range(1, 6).Select(i => $"Párrafo {i}: la institución de trabajo coordinó con la Secretaría las acciones de reconocimiento de competencias, con participación de organizaciones de empleadores y trabajadores, y acompañamiento técnico de la OIT y la OIM.")),
                string.Empty)));
        await OkAsync(await secretariat.PutAsJsonAsync($"/api/reports/{s.ReportId}/summary", new { version = 0, summary = new { es = "Durante el semestre, la Conferencia avanzó en el reconocimiento de competencias y la movilidad laboral.", en = "During the semester the Conference advanced skills recognition and labour mobility." } }));
        var folder = Path.Combine(LocalizationTests.RepositoryRoot(), "artifacts", "report-pdf");
        Directory.CreateDirectory(folder);

        foreach (var language in new[] { "es", "en" })
        {
            var pdf = await DocumentAsync(secretariat, s.ReportId, "pdf", language);
            Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
            var file = Path.Combine(folder, $"{app.Provider}-{language}.pdf".ToLowerInvariant());
            await File.WriteAllBytesAsync(file, pdf);
            foreach (var old in Directory.GetFiles(folder, Path.GetFileNameWithoutExtension(file) + "-*.png"))
            {
                File.Delete(old);
            }

            Run("pdftoppm", "-png", "-r", "70", file, Path.Combine(folder, Path.GetFileNameWithoutExtension(file)));
            var pages = Directory.GetFiles(folder, Path.GetFileNameWithoutExtension(file) + "-*.png").Order(StringComparer.Ordinal).ToList();
            Assert.True(pages.Count >= 4, $"{pages.Count} pages rendered");
            foreach (var page in pages)
            {
                var png = await File.ReadAllBytesAsync(page);
                Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
                Assert.True(png.Length > 3000, $"{page} is {png.Length} bytes: a blank page?");
            }

            // Noto Sans is embedded as subsets of the glyphs used (a six-letter tag before the name), not whole.
            var fonts = Run("pdffonts", file).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
            Assert.Equal(2, fonts.Count);
            Assert.All(fonts, f => Assert.Matches(@"^[A-Z]{6}\+NotoSans-(Regular|Bold)\s.*\syes\s+yes\s+yes\s", f));

            var text = Run("pdftotext", "-layout", file, "-");
            if (language == "es")
            {
                Assert.Contains("Informe semestral al Grupo", text, StringComparison.Ordinal);
                Assert.Contains("Resumen de la Secretaría Ejecutiva", text, StringComparison.Ordinal);
                Assert.Contains("Línea de acción 1.", text, StringComparison.Ordinal);
                Assert.Contains("Taller de reconocimiento", text, StringComparison.Ordinal);
                Assert.Contains("Párrafo 6: la institución", text, StringComparison.Ordinal);
                Assert.Contains($"Página 2 de {pages.Count}", text, StringComparison.Ordinal);
                Assert.Contains("Compromisos con el Pacto Mundial", text, StringComparison.Ordinal);
                Assert.Contains(p.Visas.Es, text, StringComparison.Ordinal);
                Assert.Contains("(sin publicar)", text, StringComparison.Ordinal);
                Assert.Contains(p.Narrative, text, StringComparison.Ordinal);
                Assert.Contains("Calendario de publicación", text, StringComparison.Ordinal);
                Assert.Contains(p.Window.Es, text, StringComparison.Ordinal);
                Assert.Contains("Programada, sin publicar", text, StringComparison.Ordinal);
            }
            else
            {
                Assert.Contains("Semi-annual report to the", text, StringComparison.Ordinal);
                Assert.Contains("Skills recognition", text, StringComparison.Ordinal);
                Assert.Contains("Original text in Spanish.", text, StringComparison.Ordinal);
                Assert.Contains($"Page {pages.Count} of {pages.Count}", text, StringComparison.Ordinal);
                Assert.Contains("Pledges to the Global Compact", text, StringComparison.Ordinal);
                Assert.Contains(p.Training.En, text, StringComparison.Ordinal);
                Assert.Contains("(unpublished)", text, StringComparison.Ordinal);
                Assert.Contains(p.Window.En, text, StringComparison.Ordinal);
                Assert.Contains("Scheduled, not published", text, StringComparison.Ordinal);
            }

            Assert.DoesNotContain(s.LaterTitle, text, StringComparison.Ordinal);
            Assert.DoesNotContain(p.Portal.Es, text, StringComparison.Ordinal);
            Assert.DoesNotContain(p.Withdrawn.En, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Document_WithUnknownFormatOrLanguage_NamesTheParameter()
    {
        var secretariat = await app.ClientAsAsync("secretariat");
        var created = await secretariat.PostAsJsonAsync("/api/reports", new { planId = await app.PlanIdAsync(), semester = "2026-S2" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(["format", "language"], (await ErrorsAsync(await secretariat.GetAsync($"/api/reports/{id}/document?format=odt&language=fr"))).Keys.Order());
        Assert.Equal(["semester"], (await ErrorsAsync(await secretariat.PostAsJsonAsync("/api/reports", new { planId = await app.PlanIdAsync(), semester = "2026-S2" }))).Keys);
        Assert.Equal(["planId", "semester"], (await ErrorsAsync(await secretariat.PostAsJsonAsync("/api/reports", new { planId = -1, semester = "2026-S3" }))).Keys.Order());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsAsync("presidency")).PostAsJsonAsync("/api/reports", new { planId = await app.PlanIdAsync(), semester = "2026-S1" })).StatusCode);
    }

    [Fact]
    public async Task NarrativePage_SavedByOtherMeanwhile_Answers409WithBothVersionsAndKeepsWhatWasTyped()
    {
        var secretariat = await app.ClientAsAsync("secretariat");
        var created = await secretariat.PostAsJsonAsync("/api/reports", new { planId = await app.PlanIdAsync(), semester = "2026-S1" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var person = await app.AddPersonAsync($"{Guid.NewGuid():N}@example.org", twoFactor: false, "focal-point:GT");
        var page = await app.SignInAsync(person);
        var url = $"/reports/{id}/narratives/GT";

        await OkAsync(await (await app.ClientAsAsync("focal-point:GT")).PutAsJsonAsync($"/api/reports/{id}/narratives/GT", Narrative(0, "Versión de la colega.", string.Empty)));
        var response = await page.PostPageFormAsync(url, [new("Version", "0"), new("TextEs", "Mi versión escrita a la vez."), new("TextEn", string.Empty)]);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Versión de la colega.", html, StringComparison.Ordinal);
        Assert.Contains("Mi versión escrita a la vez.", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Version\" value=\"1\"", html, StringComparison.Ordinal);
        var saved = await page.PostPageFormAsync(url, [new("Version", "1"), new("TextEs", "Mi versión, revisada."), new("TextEn", string.Empty)]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var honduras = await page.GetAsync($"/reports/{id}/narratives/HN");
        Assert.Equal(HttpStatusCode.Redirect, honduras.StatusCode);
        Assert.Contains("/account/denied?ReturnUrl=", honduras.Headers.Location?.OriginalString, StringComparison.Ordinal);
        await using var db = app.CreateDb();
        Assert.Equal("Mi versión, revisada.", await db.ReportNarratives.Where(n => n.ReportId == id && n.CountryCode == "GT").Select(n => n.Text.Es).SingleAsync());
    }

    /// <summary>The text of every table row and paragraph of the Spanish Word document between two level-1 headings, one string per row (cells joined by |).</summary>
    private async Task<List<string>> SectionRowsAsync(HttpClient client, int report, string from, string to)
    {
        using var word = WordprocessingDocument.Open(new MemoryStream(await DocumentAsync(client, report, "docx", "es")), false);
        return word.MainDocumentPart!.Document.Body!.Elements()
            .SkipWhile(e => e.InnerText != from).TakeWhile(e => e.InnerText != to)
            .SelectMany(e => e is Table table ? table.Elements<TableRow>().Select(r => string.Join("|", r.Elements<TableCell>().Select(c => c.InnerText))) : [e.InnerText])
            .ToList();
    }

    private async Task<int> ReportAsync(HttpClient secretariat, string semester)
    {
        var created = await secretariat.PostAsJsonAsync("/api/reports", new { planId = await app.PlanIdAsync(), semester });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task Docx_PledgesAndPractices_ShowTheirRowsInTheChosenLanguage()
    {
        var secretariat = await app.ClientAsAsync("secretariat");
        var report = await ReportAsync(secretariat, "2022-S1");
        var p = await app.PledgesAndPracticesAsync(2022);

        var es = await SectionRowsAsync(secretariat, report, "Compromisos con el Pacto Mundial", "Buenas prácticas");
        Assert.Contains(es, r => r.StartsWith("Estado|Publicados|Sin publicar|Total", StringComparison.Ordinal));
        Assert.Contains($"{p.Visas.Es}|GuatemalaHonduras|5, 6|P1, R1|En curso|T1 2022", es);
        Assert.Contains($"{p.Training.Es}(sin publicar)|OIT|18|–|Cumplido|T1 2022", es);
        Assert.DoesNotContain(es, r => r.Contains(p.Withdrawn.Es, StringComparison.Ordinal));
        Assert.Contains(es, r => r.StartsWith("Objetivos del Pacto Mundial: ", StringComparison.Ordinal) && r.Contains("18. Invertir en el desarrollo de aptitudes", StringComparison.Ordinal));
        Assert.Equal(["T1 2022 · En curso", p.Narrative], es.SkipWhile(r => r != p.Visas.Es).Skip(1).Take(2));
        Assert.Equal(["T1 2022 · Cumplido", "Se formaron 60 inspectores."], es.SkipWhile(r => r != p.Training.Es + " (sin publicar)").Skip(1).Take(2));

        // Overdue: the joint pledge did not report on Q2; the ILO pledge was fulfilled in Q1 and owes nothing more.
        var overdue = es.SkipWhile(r => r != "Informes trimestrales atrasados").ToList();
        Assert.Contains(overdue, r => r.StartsWith("Trimestres del semestre ya terminados el ", StringComparison.Ordinal) && r.Contains(": T1 2022, T2 2022.", StringComparison.Ordinal));
        Assert.Contains($"{p.Visas.Es}|GuatemalaHonduras|T2 2022", overdue);
        Assert.DoesNotContain(overdue, r => r.StartsWith(p.Training.Es, StringComparison.Ordinal));

        var practices = await SectionRowsAsync(secretariat, report, "Buenas prácticas", "Informes de los Países Miembros");
        Assert.Contains($"5/3/2022|{p.Window.Es}Organización Internacional del Trabajo|CR GT|18|Resumen de {p.Window.Es}.", practices);
        Assert.DoesNotContain(practices, r => r.Contains(p.Portal.Es, StringComparison.Ordinal));
        Assert.Equal(
            [
                "Mes|Buena práctica|Estado", "Enero de 2022|–|Sin práctica", "Febrero de 2022|–|Sin práctica", $"Marzo de 2022|{p.Window.Es}|Publicada el 5/3/2022",
                "Abril de 2022|–|Sin práctica", $"Mayo de 2022|{p.Fairs.Es}|Programada, sin publicar", "Junio de 2022|–|Sin práctica",
            ],
            practices.SkipWhile(r => r != "Calendario de publicación").Skip(1).Take(7));
        Assert.StartsWith("Buenas prácticas publicadas en el semestre: 1. Meses del calendario con una práctica publicada: 1 de 6,", practices[1], StringComparison.Ordinal);

        using var en = WordprocessingDocument.Open(new MemoryStream(await DocumentAsync(secretariat, report, "docx", "en")), false);
        var rows = en.MainDocumentPart!.Document.Body!.Descendants<TableRow>().Select(r => string.Join("|", r.Elements<TableCell>().Select(c => c.InnerText))).ToList();
        Assert.Contains($"{p.Visas.En}|GuatemalaHonduras|5, 6|P1, R1|In progress|Q1 2022", rows);
        Assert.Contains($"{p.Training.En}(unpublished)|ILO|18|–|Fulfilled|Q1 2022", rows);
        Assert.Contains($"{p.Visas.En}|GuatemalaHonduras|Q2 2022", rows);
        Assert.Contains($"05/03/2022|{p.Window.En}International Labour Organization|CR GT|18|Summary of {p.Window.En}.", rows);
        Assert.Contains($"March 2022|{p.Window.En}|Published on 05/03/2022", rows);
        Assert.Contains($"May 2022|{p.Fairs.En}|Scheduled, not published", rows);
        Assert.Contains("April 2022|–|No practice", rows);
    }

    [Fact]
    public async Task Snapshot_PledgesAndPracticesData_RoundTripsThroughJson()
    {
        var secretariat = await app.ClientAsAsync("secretariat");
        var report = await ReportAsync(secretariat, "2021-S1");
        var p = await app.PledgesAndPracticesAsync(2021);
        var version = (await OkAsync(await secretariat.PostAsJsonAsync($"/api/reports/{report}/submit", new { version = 0 }))).GetProperty("version").GetInt32();
        await OkAsync(await (await app.ClientAsAsync("presidency")).PostAsJsonAsync($"/api/reports/{report}/approve", new { version }));

        await using var db = app.CreateDb();
        var snapshot = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>((await db.Reports.SingleAsync(r => r.Id == report)).Snapshot!)!;
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
        var pledges = snapshot["pledges"].Deserialize<PledgesSection.Data>(options)!;
        Assert.Equal(snapshot["pledges"].GetRawText(), JsonSerializer.Serialize(pledges, options));
        var visas = pledges.Pledges.Single(x => x.Title == p.Visas);
        Assert.Equal([new YearQuarter(2021, 2)], visas.Missing);
        Assert.Equal(p.Narrative, visas.Updates.Single().Narrative);
        var practices = snapshot["practices"].Deserialize<PracticesSection.Data>(options)!;
        Assert.Equal(snapshot["practices"].GetRawText(), JsonSerializer.Serialize(practices, options));
        Assert.Equal(p.Window, practices.Published.Single().Title);
        Assert.Equal(new DateOnly(2021, 3, 5), practices.Published.Single().PublishedOn);
        Assert.Equal(6, practices.Calendar.Count);
    }

    /// <summary>The Word report as LibreOffice opens it: converted to PDF, every page rendered, the text where it belongs.</summary>
    private async Task LibreOfficeRendersAsync(HttpClient secretariat, ReportScenario s)
    {
        var folder = Path.Combine(LocalizationTests.RepositoryRoot(), "artifacts", "report-docx", app.Provider.ToString().ToLowerInvariant());
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var docx = Path.Combine(folder, "report-es.docx");
        await File.WriteAllBytesAsync(docx, await DocumentAsync(secretariat, s.ReportId, "docx", "es"));

        // A profile of its own, so LibreOffice runs beside another instance (the other database's test, a person's).
        Run("soffice", $"-env:UserInstallation=file://{Path.Combine(folder, "profile")}", "--headless", "--convert-to", "pdf", "--outdir", folder, docx);
        var pdf = Path.Combine(folder, "report-es.pdf");
        Assert.True(File.Exists(pdf), "LibreOffice wrote no PDF");
        Run("pdftoppm", "-png", "-r", "60", pdf, Path.Combine(folder, "page"));
        var pages = Directory.GetFiles(folder, "page-*.png");
        Assert.True(pages.Length >= 3, $"{pages.Length} pages rendered");
        Assert.All(pages, page => Assert.True(new FileInfo(page).Length > 3000, $"{page}: a blank page?"));
        var text = Run("pdftotext", "-layout", pdf, "-");
        Assert.Contains("Informe semestral al Grupo", text, StringComparison.Ordinal);
        Assert.Contains("Línea de acción 1.", text, StringComparison.Ordinal);
        Assert.Contains($"R{s.Year}a", text, StringComparison.Ordinal); // the activity's code: its title wraps in the table cell
        Assert.Contains("Taller de", text, StringComparison.Ordinal);
        Assert.Contains($"Página 2 de {pages.Length}", text, StringComparison.Ordinal);
    }

    private static string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start; test.sh installs it (poppler-utils, libreoffice-writer-nogui).");
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} failed ({process.ExitCode}): {error}");
        return output;
    }
}

public sealed class ReportsTestsOnSqlite(SqliteApp app) : ReportsTests(app), IClassFixture<SqliteApp>;

public sealed class ReportsTestsOnPostgres(PostgresApp app) : ReportsTests(app), IClassFixture<PostgresApp>;
