using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Indicators;
using Movilidad.Platform.Institutions;
using Movilidad.Platform.Monitoring;
using Movilidad.Platform.Audit;
using Movilidad.Web.Tests.Features.Monitoring;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Matrix;

public abstract class FollowUpMatrixTests(MovilidadApp app)
{
    /// <summary>An activity of GT-ML under action 1.1 (or another) of the regional plan, with Guatemala's and Mexico's shares (Guatemala's budgeted).</summary>
    private async Task<int> ActivityAsync(bool completeNote = false, string actionCode = "1.1")
    {
        await using var db = app.CreateDb();
        db.ShowsUnpublished = true;
        var action = await app.ActionIdAsync(actionCode);
        var group = await app.WorkingGroupIdAsync();
        var ministry = await db.Institutions.Where(i => i.Kind == InstitutionKind.MemberState && i.CountryCode == "GT").Select(i => i.Id).FirstAsync();
        var activity = new Activity
        {
            ActionId = action,
            Code = "X" + Guid.NewGuid().ToString("N")[..6],
            Title = new("Taller de la matriz", "Matrix workshop"),
            WorkingGroupId = group,
            Term = Movilidad.Platform.Plans.Term.Short,
            GenderMarker = 2,
            CreatedAt = DateTime.UtcNow,
            StartDate = new DateOnly(2025, 3, 1),
            EndDate = new DateOnly(2025, 6, 30),
            Countries =
            [
                new() { CountryCode = "GT", ResponsibleInstitutionId = ministry, BudgetAmount = 1500.25m, BudgetCurrency = "USD", StartDate = new DateOnly(2025, 3, 1) },
                new() { CountryCode = "MX" },
            ],
            BudgetLines =
            [
                new() { Kind = BudgetKind.Planned, Amount = 20000m, CurrencyCode = "USD", Source = "Fondo de la CRM" },
                new() { Kind = BudgetKind.Executed, Amount = 5000.5m, CurrencyCode = "USD", Source = "Fondo de la CRM" },
            ],
            ConceptNote = completeNote
                ? new ConceptNote
                {
                    Objective = "Objetivo", ExpectedResults = "Resultados", Indicators = "Indicador 2.1", ExpectedWomen = 10, ExpectedMen = 10, ExpectedOther = 0,
                    Modality = Modality.Virtual, Place = "En línea", StartDate = new DateOnly(2025, 3, 1), EndDate = new DateOnly(2025, 3, 2),
                    BudgetAmount = 100m, BudgetCurrency = "USD", Responsible = "MTPS", Partners = "OIT", Risks = "Ninguno",
                }
                : null,
        };
        db.Activities.Add(activity);
        await db.SaveChangesAsync();
        return activity.Id;
    }

    private async Task<ActivityCountry> ShareAsync(int activity, string country)
    {
        await using var db = app.CreateDb();
        return await db.ActivityCountries.AsNoTracking().SingleAsync(c => c.ActivityId == activity && c.CountryCode == country);
    }

    private static async Task<byte[]> ExportAsync(HttpClient client, string language = "es")
    {
        var response = await client.GetAsync($"/api/matrix?language={language}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<(HttpStatusCode Status, JsonElement Outcome)> ImportAsync(HttpClient client, byte[] file)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(content, "file", "matriz.xlsx");
        var response = await client.PostAsync("/api/matrix", form);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private static List<(string Sheet, int Row, string Column, string Es, string En)> Errors(JsonElement outcome) =>
        outcome.GetProperty("errors").EnumerateArray().Select(e => (
            e.GetProperty("sheet").GetString()!, e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString()!,
            e.GetProperty("message").GetProperty("es").GetString()!, e.GetProperty("message").GetProperty("en").GetString()!)).ToList();

    private static byte[] Edit(byte[] file, Action<MatrixWorkbook> edit)
    {
        using var workbook = new MatrixWorkbook(file);
        edit(workbook);
        return workbook.Save();
    }

    [Fact]
    public async Task Export_InEitherLanguage_HasHeadersGroupsDropDownsProtectionAndValues()
    {
        var id = await ActivityAsync();
        var client = await app.ClientAsAsync("observer");

        using var es = new MatrixWorkbook(await ExportAsync(client, "es"));
        using var en = new MatrixWorkbook(await ExportAsync(client, "en"));

        // Well-formed for Excel: the SDK's own schema validator finds nothing to say.
        var problems = new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2010).Validate(es.Document)
            .Select(p => $"{p.Part?.Uri} {p.Path?.XPath}: {p.Description}").ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(["Matriz", "Lists", "Export"], es.Sheets.Select(s => s.Name!.Value));
        Assert.Equal(["Matrix", "Lists", "Export"], en.Sheets.Select(s => s.Name!.Value));
        Assert.All(es.Sheets.Skip(1), s => Assert.Equal(SheetStateValues.Hidden, s.State!.Value));
        Assert.Equal("Id actividad", es.Headers[0]);
        Assert.Contains("Estado (país)", es.Headers);
        Assert.Contains("Falta en la nota conceptual", es.Headers);
        Assert.Equal("Activity id", en.Headers[0]);
        Assert.Contains("Status (country)", en.Headers);
        Assert.Contains("Missing from the concept note", en.Headers);

        // Values of Guatemala's row, in each language.
        Assert.Equal("Taller de la matriz", es.Value(id, "GT", "Título"));
        Assert.Equal("Matrix workshop", en.Value(id, "GT", "Title"));
        Assert.Equal("Planificada", es.Value(id, "GT", "Estado (país)"));
        Assert.Equal("Planned", en.Value(id, "GT", "Status (country)"));
        Assert.Equal("1500.25", es.Value(id, "GT", "Presupuesto (país)"));
        Assert.Equal("USD", es.Value(id, "GT", "Moneda (país)"));
        Assert.Equal("20000", es.Value(id, "GT", "Presupuesto planificado (actividad)"));
        Assert.Equal("5000.5", es.Value(id, "GT", "Presupuesto ejecutado (actividad)"));
        Assert.Equal("2", es.Value(id, "GT", "Marcador de género (0-2)"));
        Assert.Equal("No", es.Value(id, "GT", "Nota conceptual completa"));
        Assert.Contains("Objetivo", es.Value(id, "GT", "Falta en la nota conceptual"), StringComparison.Ordinal);
        Assert.Contains("Objective", en.Value(id, "GT", "Missing from the concept note"), StringComparison.Ordinal);
        Assert.Equal("45717", es.Value(id, "GT", "Inicio (país)"));

        // Line → action → activity rows, collapsible: outline levels 0, 1, 2 with the summary rows above.
        var rows = es.Rows;
        Assert.Equal(2, es.Row(id, "GT").OutlineLevel!.Value);
        var index = rows.ToList().IndexOf(es.Row(id, "GT"));
        var action = rows.Take(index).Last(r => r.OutlineLevel?.Value == 1);
        Assert.Equal("1.1", es.Text(action.Elements<Cell>().ElementAt(es.Column("Acción"))));
        Assert.Contains(rows.Take(index), r => r.OutlineLevel is null && es.Text(r.Elements<Cell>().ElementAt(es.Column("Línea"))).Length > 0);
        Assert.Equal(2, es.Matrix.GetFirstChild<SheetFormatProperties>()!.OutlineLevelRow!.Value);
        Assert.False(es.Matrix.GetFirstChild<SheetProperties>()!.OutlineProperties!.SummaryBelow!.Value);

        // Drop-down lists for the coded columns, from the hidden lists sheet.
        var validations = es.Matrix.GetFirstChild<DataValidations>()!.Elements<DataValidation>().ToList();
        Assert.Equal(3, validations.Count);
        Assert.All(validations, v => Assert.Equal(DataValidationValues.List, v.Type!.Value));
        var status = validations.Single(v => v.SequenceOfReferences?.InnerText?.StartsWith(Web.Features.Matrix.MatrixColumn.Letter(es.Column("Estado (país)")) + "2:", StringComparison.Ordinal) == true);
        Assert.Equal("Lists!$A$1:$A$7", status.Formula1!.Text);
        var lists = es.Sheet("Lists").GetFirstChild<SheetData>()!.Elements<Row>().Take(7).Select(r => es.Text(r.Elements<Cell>().First())).ToList();
        Assert.Equal(["Planificada", "Nota conceptual completa", "Aprobada", "En curso", "Realizada", "Pospuesta", "Cancelada"], lists);
        Assert.Contains(validations, v => v.Formula1!.Text.StartsWith("Lists!$B$1", StringComparison.Ordinal));

        // The sheet is protected; the id is locked and the editable columns are not.
        Assert.True(es.Matrix.GetFirstChild<SheetProtection>()!.Sheet!.Value);
        var formats = es.Workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        bool Locked(string header) => formats[(int)es.Row(id, "GT").Elements<Cell>().ElementAt(es.Column(header)).StyleIndex!.Value].Protection!.Locked!.Value;
        Assert.True(Locked("Id actividad"));
        Assert.True(Locked("Título"));
        Assert.True(Locked("Último valor aprobado (país)"));
        Assert.False(Locked("Estado (país)"));
        Assert.False(Locked("Presupuesto (país)"));
        Assert.False(Locked("Inicio (país)"));

        // Frozen header row and id columns, set widths.
        var pane = es.Matrix.GetFirstChild<SheetViews>()!.GetFirstChild<SheetView>()!.GetFirstChild<Pane>()!;
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1, pane.VerticalSplit!.Value);
        Assert.All(es.Matrix.GetFirstChild<Columns>()!.Elements<Column>(), c => Assert.True(c.Width!.Value >= 7));

        // The hidden export sheet: format, language and each row's version and stamp.
        var export = es.Sheet("Export").GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        Assert.Equal("movilidad.follow-up-matrix/1", es.Text(export[0].Elements<Cell>().ElementAt(1)));
        Assert.Equal("es", es.Text(export[2].Elements<Cell>().ElementAt(1)));
        Assert.Contains(export, r => r.Elements<Cell>().Select(es.Text).Take(3).SequenceEqual([id.ToString(CultureInfo.InvariantCulture), "GT", "0"]));
    }

    [Fact]
    public async Task Export_ShowsTheActivitysIndicatorsAndTheirLatestApprovedValueForTheRowsCountry()
    {
        var id = await ActivityAsync();
        await using (var db = app.CreateDb())
        {
            db.ShowsUnpublished = true;
            var planId = await db.Activities.Where(a => a.Id == id).Select(a => a.Action!.PlanId).SingleAsync();
            var reports = new List<IndicatorReport>();
            foreach (var (code, status) in new[] { ("2024-S2", ReportStatus.Approved), ("2025-S1", ReportStatus.Approved), ("2025-S2", ReportStatus.Submitted) })
            {
                var span = Periods.Parse(code)!;
                var period = await db.ReportingPeriods.SingleOrDefaultAsync(p => p.PlanId == planId && p.Code == code)
                    ?? db.ReportingPeriods.Add(new ReportingPeriod { PlanId = planId, Code = code, Type = span.Type, Start = span.Start, End = span.End, Due = span.End.AddDays(30) }).Entity;
                var report = await db.IndicatorReports.SingleOrDefaultAsync(r => r.PeriodId == period.Id && r.CountryCode == "GT")
                    ?? db.IndicatorReports.Add(new IndicatorReport { Period = period, CountryCode = "GT", Status = status, UpdatedAt = DateTime.UtcNow }).Entity;
                reports.Add(report);
            }

            var key = Guid.NewGuid().ToString("N")[..8];
            Indicator New(string code, Movilidad.Platform.Localization.Bilingual name, int order) => new()
            {
                PlanId = planId, Key = $"matrix-{code}-{key}", Code = code, UnitCode = "PERSONS", Type = Movilidad.Platform.Plans.IndicatorType.Result, ActivityId = id, SortOrder = order,
                Name = name, Unit = new("Personas", "People"), EditedAt = DateTime.UtcNow,
            };
            var trained = New("M1", new("Personas capacitadas", "People trained"), 0);
            var agreements = New("M2", new("Acuerdos firmados", "Agreements signed"), 1);
            db.Indicators.AddRange(trained, agreements);
            await db.SaveChangesAsync();
            db.IndicatorValues.AddRange(
                new IndicatorValue { ReportId = reports[0].Id, IndicatorId = trained.Id, Total = 5 },
                new IndicatorValue { ReportId = reports[1].Id, IndicatorId = trained.Id, Total = 1234.5m, Women = 600 },
                new IndicatorValue { ReportId = reports[2].Id, IndicatorId = trained.Id, Total = 9999 },
                new IndicatorValue { ReportId = reports[2].Id, IndicatorId = agreements.Id, Total = 3 });
            await db.SaveChangesAsync();
        }

        var client = await app.ClientAsAsync("observer");
        using var es = new MatrixWorkbook(await ExportAsync(client, "es"));
        using var en = new MatrixWorkbook(await ExportAsync(client, "en"));

        Assert.Equal("M1 Personas capacitadas; M2 Acuerdos firmados", es.Value(id, "GT", "Indicadores de la actividad"));
        Assert.Equal("M1 People trained; M2 Agreements signed", en.Value(id, "MX", "Indicators of the activity"));

        // The newest approved total of Guatemala; the submitted 2025-S2 values stay out, and Mexico reported nothing.
        Assert.Equal("M1: 1.234,5 (1.er semestre 2025)", es.Value(id, "GT", "Último valor aprobado (país)"));
        Assert.Equal("M1: 1,234.5 (First half 2025)", en.Value(id, "GT", "Latest approved value (country)"));
        Assert.Equal(string.Empty, en.Value(id, "MX", "Latest approved value (country)"));
    }

    [Fact]
    public async Task Export_OfOneLineOrAnotherPlan_HasOnlyItsRows()
    {
        var first = await ActivityAsync();
        var second = await ActivityAsync(actionCode: "2.1");
        int line;
        await using (var db = app.CreateDb())
        {
            var action = await app.ActionIdAsync("2.1");
            var parent = await db.PlanElements.Where(e => e.Id == action).Select(e => e.ParentId).SingleAsync();
            while (await db.PlanElements.Where(e => e.Id == parent).Select(e => new { e.LevelKey, e.ParentId }).SingleAsync() is { LevelKey: not "line" } step)
            {
                parent = step.ParentId;
            }

            line = parent!.Value;
        }

        var client = await app.ClientAsAsync("observer");
        var response = await client.GetAsync($"/api/matrix?language=en&plan=prml-2023-2027&line={line}");
        using var workbook = new MatrixWorkbook(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("2.1", workbook.Value(second, "GT", "Action"));
        Assert.DoesNotContain(workbook.Rows.Skip(1), r => workbook.Text(r.Elements<Cell>().First()) == first.ToString(CultureInfo.InvariantCulture));
        Assert.All(workbook.Rows.Skip(1), r => Assert.NotEqual("1", workbook.Text(r.Elements<Cell>().ElementAt(workbook.Column("Line")))));

        response = await client.GetAsync("/api/matrix?plan=pe-crm-2023-2026");
        using var empty = new MatrixWorkbook(await response.Content.ReadAsByteArrayAsync());
        Assert.Single(empty.Rows);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/matrix?language=fr")).StatusCode);
    }

    [Fact]
    public async Task Export_Repeated_IsTheKeptWorkbook_AConditionalGetIs304_AndAnEditChangesItAtOnce()
    {
        var id = await ActivityAsync();
        var client = await app.ClientAsAsync("focal-point:GT");
        var first = await client.GetAsync("/api/matrix?language=es");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.True(first.Headers.CacheControl is { Private: true, NoCache: true }, $"Cache-Control: {first.Headers.CacheControl}");
        var bytes = await first.Content.ReadAsByteArrayAsync();

        // A repeat is the same workbook; a conditional GET of it is 304 without a body.
        var again = await client.GetAsync("/api/matrix?language=es");
        Assert.Equal(etag, again.Headers.ETag);
        Assert.Equal(bytes, await again.Content.ReadAsByteArrayAsync());
        var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/matrix?language=es");
        conditional.Headers.IfNoneMatch.Add(etag);
        var notModified = await client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        // Another language or filter is another workbook; a reader without the right gets nothing, kept or not.
        Assert.NotEqual(etag, (await client.GetAsync("/api/matrix?language=en")).Headers.ETag);
        Assert.NotEqual(etag, (await client.GetAsync("/api/matrix?language=es&plan=prml-2023-2027")).Headers.ETag);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsAsync("civil-society")).GetAsync("/api/matrix?language=es")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ClientIn("es").GetAsync("/api/matrix?language=es")).StatusCode);

        // An edit of a share expires the kept workbook: the same conditional GET now gets the new one.
        var saved = await client.PutAsJsonAsync($"/api/activities/{id}/countries/GT", new { version = 0, status = "planned", budgetAmount = 777m, budgetCurrency = "USD" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        conditional = new HttpRequestMessage(HttpMethod.Get, "/api/matrix?language=es");
        conditional.Headers.IfNoneMatch.Add(etag);
        var changed = await client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        using var workbook = new MatrixWorkbook(await changed.Content.ReadAsByteArrayAsync());
        Assert.Equal("777", workbook.Value(id, "GT", "Presupuesto (país)"));
    }

    [Fact]
    public async Task Export_OfAPlanOrLineThatDoesNotExist_IsAnEmptyWorkbookEachTime()
    {
        var client = await app.ClientAsAsync("observer");
        foreach (var url in new[] { "/api/matrix?plan=no-such-plan", $"/api/matrix?plan=prml-2023-2027&line={int.MaxValue}", "/api/matrix?line=-1" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var empty = new MatrixWorkbook(await response.Content.ReadAsByteArrayAsync());
            Assert.Single(empty.Rows);
        }
    }

    [Fact]
    public async Task Import_EditedCells_LandAsTypedWithDecimalCommaAndTextDates()
    {
        var id = await ActivityAsync(completeNote: true);
        var client = await app.ClientAsAsync("focal-point:GT");
        var file = Edit(await ExportAsync(client), w =>
        {
            w.Type(id, "GT", "Estado (país)", "nota conceptual completa", shared: true);
            w.Type(id, "GT", "Presupuesto (país)", "1.234,50");
            w.Type(id, "GT", "Moneda (país)", "gtq");
            w.Type(id, "GT", "Inicio (país)", "15/03/2025");
            w.Type(id, "GT", "Fin (país)", "2025-04-30", shared: true);
        });

        var (status, outcome) = await ImportAsync(client, file);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, outcome.GetProperty("applied").GetInt32());
        Assert.True(outcome.GetProperty("unchanged").GetInt32() >= 1);
        var share = await ShareAsync(id, "GT");
        Assert.Equal(ActivityStatus.ConceptNoteComplete, share.Status);
        Assert.Equal(1234.50m, share.BudgetAmount);
        Assert.Equal("GTQ", share.BudgetCurrency);
        Assert.Equal(new DateOnly(2025, 3, 15), share.StartDate);
        Assert.Equal(new DateOnly(2025, 4, 30), share.EndDate);
        Assert.Equal(1, share.Version);
        Assert.Equal(0, (await ShareAsync(id, "MX")).Version);

        await using var db = app.CreateDb();
        var audit = await db.AuditEntries.SingleAsync(e => e.EntityType == "activity-country" && e.EntityId == $"{id}:GT");
        Assert.Equal("GT", audit.Country);
        Assert.Contains("1234.5", audit.After, StringComparison.Ordinal);
        Assert.Null((await AuditChain.VerifyAsync(db)).FirstBroken);
    }

    [Fact]
    public async Task Import_NumericDatesAndNumbers_AreReadAsExcelStoresThem()
    {
        var id = await ActivityAsync();
        var client = await app.ClientAsAsync("secretariat");
        var file = Edit(await ExportAsync(client, "en"), w =>
        {
            w.Number(id, "MX", "Start (country)", 45748);
            w.Number(id, "MX", "Budget (country)", 99.5);
            w.Type(id, "MX", "Currency (country)", "MXN");
            w.Type(id, "MX", "Status (country)", "Postponed");
            w.Type(id, "MX", "Reason (postponed or cancelled)", "Elecciones");
        });

        var (status, outcome) = await ImportAsync(client, file);

        Assert.True(status == HttpStatusCode.OK, outcome.ToString());
        var share = await ShareAsync(id, "MX");
        Assert.Equal(new DateOnly(2025, 4, 1), share.StartDate);
        Assert.Equal(99.5m, share.BudgetAmount);
        Assert.Equal(ActivityStatus.Postponed, share.Status);
        Assert.Equal("Elecciones", share.StatusReason);
    }

    [Fact]
    public async Task Import_WithBadCells_ListsSheetRowColumnAndFixAndSavesNothing()
    {
        var id = await ActivityAsync();
        var other = await ActivityAsync();
        var client = await app.ClientAsAsync("secretariat");
        using var original = new MatrixWorkbook(await ExportAsync(client));
        var file = Edit(await ExportAsync(client), w =>
        {
            w.Type(id, "GT", "Presupuesto (país)", "mil quinientos");
            w.Type(id, "GT", "Estado (país)", "Terminadísima");
            w.Type(id, "MX", "Inicio (país)", "31/02/2025");
            w.Type(other, "GT", "Presupuesto (país)", "10");
        });
        using var edited = new MatrixWorkbook(file);
        int RowOf(int activity, string country) => (int)edited.Row(activity, country).RowIndex!.Value;
        string Letter(string header) => Web.Features.Matrix.MatrixColumn.Letter(edited.Column(header));

        var (status, outcome) = await ImportAsync(client, file);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        var errors = Errors(outcome);
        Assert.Equal(3, errors.Count);
        Assert.All(errors, e => Assert.Equal("Matriz", e.Sheet));
        Assert.Contains(errors, e => e.Row == RowOf(id, "GT") && e.Column == Letter("Presupuesto (país)") && e.Es.Contains("«mil quinientos» no es un importe", StringComparison.Ordinal)
            && e.En.Contains("\"mil quinientos\" is not an amount", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Row == RowOf(id, "GT") && e.Column == Letter("Estado (país)") && e.Es.Contains("no es un estado", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Row == RowOf(id, "MX") && e.Column == Letter("Inicio (país)") && e.En.Contains("15/03/2025", StringComparison.Ordinal));
        Assert.Equal(0, outcome.GetProperty("applied").GetInt32());
        Assert.Equal(1500.25m, (await ShareAsync(other, "GT")).BudgetAmount);
        Assert.Equal(0, (await ShareAsync(other, "GT")).Version);
    }

    [Fact]
    public async Task Import_StatusThatNeedsACompleteConceptNote_IsRefusedNamingWhatIsMissing()
    {
        var id = await ActivityAsync();
        var client = await app.ClientAsAsync("focal-point:GT");
        var file = Edit(await ExportAsync(client, "en"), w => w.Type(id, "GT", "Status (country)", "Concept note complete"));

        var (status, outcome) = await ImportAsync(client, file);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        var error = Assert.Single(Errors(outcome));
        Assert.Contains("concept note must be complete", error.En, StringComparison.Ordinal);
        Assert.Contains("Objective", error.En, StringComparison.Ordinal);
        Assert.Equal(ActivityStatus.Planned, (await ShareAsync(id, "GT")).Status);
    }

    [Fact]
    public async Task Import_RowChangedInThePlatformSinceTheExport_IsAConflictAndNothingIsOverwritten()
    {
        var id = await ActivityAsync();
        var other = await ActivityAsync();
        var client = await app.ClientAsAsync("focal-point:GT");
        var exported = await ExportAsync(client);
        var saved = await client.PutAsJsonAsync($"/api/activities/{id}/countries/GT", new { version = 0, status = "planned", budgetAmount = 777m, budgetCurrency = "USD" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var file = Edit(exported, w =>
        {
            w.Type(id, "GT", "Presupuesto (país)", "2000");
            w.Type(other, "GT", "Presupuesto (país)", "3000");
        });

        var (status, outcome) = await ImportAsync(client, file);

        Assert.Equal(HttpStatusCode.Conflict, status);
        var conflict = Assert.Single(outcome.GetProperty("conflicts").EnumerateArray());
        Assert.Equal(id, conflict.GetProperty("activityId").GetInt32());
        Assert.Equal(0, conflict.GetProperty("exportedVersion").GetInt32());
        Assert.Equal(1, conflict.GetProperty("currentVersion").GetInt32());
        Assert.Contains(conflict.GetProperty("fields").EnumerateArray(), f => f.GetProperty("header").GetString() == "Presupuesto (país)"
            && f.GetProperty("inFile").GetString() == "2.000,00" && f.GetProperty("inPlatform").GetString() == "777,00");
        Assert.Equal(777m, (await ShareAsync(id, "GT")).BudgetAmount);
        Assert.Equal(1500.25m, (await ShareAsync(other, "GT")).BudgetAmount);
    }

    [Fact]
    public async Task Import_FocalPointChangingAnotherCountrysRow_IsRefusedNamingTheRow()
    {
        var id = await ActivityAsync();
        var client = await app.ClientAsAsync("focal-point:GT");
        var file = Edit(await ExportAsync(client), w =>
        {
            w.Type(id, "GT", "Presupuesto (país)", "10");
            w.Type(id, "MX", "Presupuesto (país)", "20");
            w.Type(id, "MX", "Moneda (país)", "MXN");
        });
        using var edited = new MatrixWorkbook(file);

        var (status, outcome) = await ImportAsync(client, file);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        var error = Assert.Single(Errors(outcome));
        Assert.Equal((int)edited.Row(id, "MX").RowIndex!.Value, error.Row);
        Assert.Contains("MX", error.En, StringComparison.Ordinal);
        Assert.Equal(1500.25m, (await ShareAsync(id, "GT")).BudgetAmount);
        Assert.Null((await ShareAsync(id, "MX")).BudgetAmount);
    }

    [Fact]
    public async Task Import_TextTypedInAHeadingRowOrNotAWorkbook_IsRefused()
    {
        var client = await app.ClientAsAsync("secretariat");
        await ActivityAsync();
        var (status, outcome) = await ImportAsync(client, Edit(await ExportAsync(client), w => w.TypeInHeading("Estado (país)", "En curso")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("no tiene id de actividad", Assert.Single(Errors(outcome)).Es, StringComparison.Ordinal);

        (status, outcome) = await ImportAsync(client, "not a workbook"u8.ToArray());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("not an Excel workbook", Assert.Single(Errors(outcome)).En, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_LargerThanTheGeneralRequestLimit_IsStillRead()
    {
        var client = await app.ClientAsAsync("secretariat");
        var large = new byte[3_000_000];
        Random.Shared.NextBytes(large);

        var (status, outcome) = await ImportAsync(client, large);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("not an Excel workbook", Assert.Single(Errors(outcome)).En, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_AsPresidencyOrWithoutAFile_IsRefused()
    {
        var presidency = await app.ClientAsAsync("presidency");
        var (status, _) = await ImportAsync(presidency, await ExportAsync(presidency));
        Assert.Equal(HttpStatusCode.Forbidden, status);

        var secretariat = await app.ClientAsAsync("secretariat");
        var response = await secretariat.PostAsync("/api/matrix", new MultipartFormDataContent());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Page_UploadWithErrors_ShowsTheErrorsTableAndAfterFixingApplies()
    {
        var id = await ActivityAsync();
        var person = await app.AddPersonAsync($"{Guid.NewGuid():N}@example.org", twoFactor: false, "focal-point:GT");
        var browser = await app.SignInAsync(person);
        var download = await browser.GetAsync("/monitoring/matrix?handler=Download&language=es");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Contains("matriz-de-seguimiento", download.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var exported = await download.Content.ReadAsByteArrayAsync();

        async Task<(HttpStatusCode, string)> UploadAsync(byte[] file)
        {
            using var form = new MultipartFormDataContent
            {
                { new ByteArrayContent(file), "Upload", "matriz.xlsx" },
                { new StringContent((await browser.FormTokenAsync("/monitoring/matrix"))!), "__RequestVerificationToken" },
            };
            var response = await browser.PostAsync("/monitoring/matrix?handler=Upload", form);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        var (status, page) = await UploadAsync(Edit(exported, w => w.Type(id, "GT", "Fin (país)", "mañana")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("data-testid=\"errors\"", page, StringComparison.Ordinal);
        Assert.Contains("mañana", page, StringComparison.Ordinal);
        Assert.Contains("15/03/2025", page, StringComparison.Ordinal);

        (status, page) = await UploadAsync(Edit(exported, w => w.Type(id, "GT", "Fin (país)", "30/06/2025")));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Rows applied: 1.", page, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2025, 6, 30), (await ShareAsync(id, "GT")).EndDate);
    }
}

public sealed class FollowUpMatrixTestsOnSqlite(SqliteApp app) : FollowUpMatrixTests(app), IClassFixture<SqliteApp>;

public sealed class FollowUpMatrixTestsOnPostgres(PostgresApp app) : FollowUpMatrixTests(app), IClassFixture<PostgresApp>;
