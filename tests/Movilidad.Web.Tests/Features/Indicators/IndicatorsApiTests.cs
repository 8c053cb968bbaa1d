using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Movilidad.Web.Features.Indicators;
using Movilidad.Platform.Indicators;
using Movilidad.Platform.Monitoring;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Reference;
using Movilidad.Web.Tests.Infrastructure;
using static Movilidad.Web.Tests.Features.Indicators.IndicatorBuilders;

namespace Movilidad.Web.Tests.Features.Indicators;

public abstract class IndicatorsApiTests(MovilidadApp app)
{
    private async Task TotalsMatchValuesAsync()
    {
        await using var db = app.CreateDb();
        await AssertTotalsMatchValuesAsync(db);
    }

    private async Task<int> ReportCountAsync()
    {
        await using var db = app.CreateDb();
        return await db.IndicatorReports.IgnoreQueryFilters().CountAsync();
    }

    [Fact]
    public async Task ShippedIndicators_OfTheStrategicPlan_AreLoadedWithTheirTypesSourcesAndSemesters()
    {
        var client = await app.ClientAsAsync("observer");
        var indicators = await client.GetFromJsonAsync<JsonElement>($"/api/indicators?plan={Plan}");
        var shipped = indicators.EnumerateArray().Where(i => i.GetProperty("key").GetString() is { } key && key != PeopleKey && !key.StartsWith(IndicatorEditing.CreatedKeyPrefix, StringComparison.Ordinal)).ToList();

        Assert.Equal(["R1", "R2", "R3.GF", "R3.PROT", "R3.ML", "P1", "P2", "I1", "I2", "I3", "SEG.1"], shipped.Select(i => i.GetProperty("code").GetString()));
        var r1 = shipped[0];
        Assert.Equal("result", r1.GetProperty("type").GetString());
        Assert.Equal("Number of road maps agreed by consensus to support a process, activity, event, etc.", r1.GetProperty("name").GetProperty("en").GetString());
        Assert.StartsWith("004 · Marco Estratégico > Tabla 2", r1.GetProperty("sourceReference").GetString(), StringComparison.Ordinal);
        Assert.Equal("impact", shipped.Single(i => i.GetProperty("code").GetString() == "I2").GetProperty("type").GetString());
        Assert.Equal("count-of-countries", shipped.Single(i => i.GetProperty("code").GetString() == "I2").GetProperty("aggregation").GetString());
        Assert.True(shipped.Single(i => i.GetProperty("code").GetString() == "R3.ML").GetProperty("automatic").GetBoolean());

        await using var db = app.CreateDb();
        var periods = await db.ReportingPeriods.Where(p => p.Plan!.Key == Plan).OrderBy(p => p.Start).Select(p => p.Code).ToListAsync();
        Assert.Equal(["2023-S1", "2023-S2", "2024-S1", "2024-S2", "2025-S1", "2025-S2", "2026-S1", "2026-S2"], periods);
        Assert.Equal(8, await db.ReportingPeriods.CountAsync(p => p.Plan!.Key == "red-onu-2023-2024" && p.Type == PeriodType.Quarter));
    }

    [Fact]
    public async Task Edit_AsSecretariat_SavesTargetsAndAReloadOfTheShippedFileKeepsIt()
    {
        var secretariat = await app.ClientAsAsync("secretariat");
        var id = await app.IndicatorIdAsync("ind-r2");
        var current = await secretariat.GetFromJsonAsync<JsonElement>($"/api/indicators/{id}");
        var body = new
        {
            version = current.GetProperty("version").GetInt32(),
            name = new { es = "Buenas prácticas intercambiadas", en = "Good practices exchanged" },
            definition = current.GetProperty("definition"),
            unit = current.GetProperty("unit"),
            baseline = 2,
            baselineYear = 2022,
            targets = new object[] { new { country = (string?)null, period = "2026-S2", value = 20 }, new { country = "GT", period = "2026-S2", value = 3 } },
        };

        var saved = await secretariat.PutAsJsonAsync($"/api/indicators/{id}", body);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var focal = await app.ClientAsAsync("focal-point:GT");
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.PutAsJsonAsync($"/api/indicators/{id}", body)).StatusCode);
        var outside = await secretariat.PutAsJsonAsync($"/api/indicators/{id}", body with { version = body.version + 1, targets = [new { country = "XX", period = "2031-S1", value = -1 }] });
        Assert.Equal(["targets[0].country", "targets[0].period", "targets[0].value"], (await outside.ErrorsAsync()).Keys.Order(StringComparer.Ordinal));

        await using (var db = app.CreateDb())
        {
            await new IndicatorLoader(db).LoadAsync(ShippedData.Folder);
        }

        var after = await secretariat.GetFromJsonAsync<JsonElement>($"/api/indicators/{id}");
        Assert.Equal("Good practices exchanged", after.GetProperty("name").GetProperty("en").GetString());
        Assert.Equal(2, after.GetProperty("targets").GetArrayLength());
        Assert.True(after.GetProperty("edited").GetBoolean());
    }

    [Fact]
    public async Task Workflow_SaveSubmitReturnResubmitApproveLockReopen_MovesAsTheRolesSayAndIsAudited()
    {
        var people = await app.PeopleIndicatorAsync();
        var focal = await app.ClientAsAsync("focal-point:GT");
        var secretariat = await app.ClientAsAsync("secretariat");
        var url = Report("2024-S1", "GT");

        var saved = await (await focal.PutAsJsonAsync(url, await app.ValuesAsync(0,
            new { indicatorId = people, total = 40, women = 22, men = 16, other = 1, notReported = 1 },
            new { indicatorId = people, dimension = "age-group:Y18T29", total = 12, women = 7, men = 5 }))).JsonAsync();
        Assert.Equal("draft", saved.GetProperty("status").GetString());
        Assert.Equal(1, saved.GetProperty("version").GetInt32());

        var submitted = await (await focal.PostAsJsonAsync(url + "/submit", new { version = 1 })).JsonAsync();
        Assert.Equal("submitted", submitted.GetProperty("status").GetString());
        await TotalsMatchValuesAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.PostAsJsonAsync(url + "/approve", new { version = 2 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsAsync("presidency")).PostAsJsonAsync(url + "/approve", new { version = 2 })).StatusCode);
        Assert.Equal(["status"], (await (await focal.PutAsJsonAsync(url, await app.ValuesAsync(2))).ErrorsAsync()).Keys);

        Assert.Equal(["comment"], (await (await secretariat.PostAsJsonAsync(url + "/return", new { version = 2, comment = " " })).ErrorsAsync()).Keys);
        var returned = await (await secretariat.PostAsJsonAsync(url + "/return", new { version = 2, comment = "Revise el desglose por edad." })).JsonAsync();
        Assert.Equal("returned", returned.GetProperty("status").GetString());
        await TotalsMatchValuesAsync();
        Assert.Equal("Revise el desglose por edad.", (await focal.GetFromJsonAsync<JsonElement>(url)).GetProperty("comment").GetString());

        var resaved = await (await focal.PutAsJsonAsync(url, await app.ValuesAsync(3, new { indicatorId = people, total = 41, women = 23, men = 16, other = 1, notReported = 1 }))).JsonAsync();
        Assert.Equal(4, resaved.GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, (await focal.PostAsJsonAsync(url + "/submit", new { version = 3 })).StatusCode);
        await focal.PostAsJsonAsync(url + "/submit", new { version = 4 });
        var approved = await (await secretariat.PostAsJsonAsync(url + "/approve", new { version = 5 })).JsonAsync();
        Assert.Equal("approved", approved.GetProperty("status").GetString());
        await TotalsMatchValuesAsync();

        var period = await secretariat.GetFromJsonAsync<JsonElement>($"/api/indicators/reports?plan={Plan}&country=GT");
        Assert.Equal("approved", period.EnumerateArray().Single(r => r.GetProperty("period").GetString() == "2024-S1").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.PostAsJsonAsync($"/api/indicators/periods/{Plan}/2024-S1/lock", new { version = 0 })).StatusCode);
        var locked = await (await secretariat.PostAsJsonAsync($"/api/indicators/periods/{Plan}/2024-S1/lock", new { version = 0 })).JsonAsync();
        Assert.True(locked.GetProperty("locked").GetBoolean());

        // Locked: not even the Secretariat returns or changes anything until the period is reopened.
        Assert.Equal(["period"], (await (await secretariat.PostAsJsonAsync(url + "/return", new { version = 6, comment = "Otra vez" })).ErrorsAsync()).Keys);
        Assert.Equal(["reason"], (await (await secretariat.PostAsJsonAsync($"/api/indicators/periods/{Plan}/2024-S1/reopen", new { version = 1 })).ErrorsAsync()).Keys);
        var reopened = await (await secretariat.PostAsJsonAsync($"/api/indicators/periods/{Plan}/2024-S1/reopen", new { version = 1, reason = "Corrección de Guatemala" })).JsonAsync();
        Assert.False(reopened.GetProperty("locked").GetBoolean());
        await TotalsMatchValuesAsync();
        Assert.Equal("returned", (await (await secretariat.PostAsJsonAsync(url + "/return", new { version = 6, comment = "Otra vez" })).JsonAsync()).GetProperty("status").GetString());
        await TotalsMatchValuesAsync();

        await using var db = app.CreateDb();
        var trail = await db.AuditEntries.Where(e => e.EntityType == IndicatorReporting.ReportEntity && e.EntityId == $"{Plan}/2024-S1/GT").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
        Assert.Equal([AuditActions.Create, ReportActions.Submit, ReportActions.Return, AuditActions.Update, ReportActions.Submit, ReportActions.Approve, ReportActions.Return], trail);
        var reopen = await db.AuditEntries.SingleAsync(e => e.EntityType == IndicatorReporting.PeriodEntity && e.Action == ReportActions.Reopen && e.EntityId == $"{Plan}/2024-S1");
        Assert.Contains("de Guatemala", reopen.After, StringComparison.Ordinal);
        Assert.Equal("GT", (await db.AuditEntries.Where(e => e.EntityType == IndicatorReporting.ReportEntity && e.EntityId == $"{Plan}/2024-S1/GT").OrderBy(e => e.Id).FirstAsync()).Country);
        Assert.Null((await AuditChain.VerifyAsync(db)).FirstBroken);
    }

    [Fact]
    public async Task Save_AsFocalPointOfAnotherCountry_IsForbiddenAndChangesNothing()
    {
        var focal = await app.ClientAsAsync("focal-point:GT");
        var before = await ReportCountAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await focal.PutAsJsonAsync(Report("2024-S2", "HN"), await app.ValuesAsync(0))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.PostAsJsonAsync(Report("2024-S2", "HN") + "/submit", new { version = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsAsync("observer")).PutAsJsonAsync(Report("2024-S2", "GT"), await app.ValuesAsync(0))).StatusCode);

        Assert.Equal(before, await ReportCountAsync());
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientAsAsync("focal-point:HN")).PutAsJsonAsync(Report("2024-S2", "HN"), await app.ValuesAsync(0))).StatusCode);
    }

    [Fact]
    public async Task Save_WithBadValues_NamesEveryFieldAndSavesNothing()
    {
        var people = await app.PeopleIndicatorAsync();
        var r1 = await app.IndicatorIdAsync("ind-r1");
        var automatic = await app.IndicatorIdAsync("ind-r3-ml");
        var focal = await app.ClientAsAsync("focal-point:SV");
        var before = await ReportCountAsync();
        var body = new
        {
            version = 0,
            values = new object[]
            {
                new { indicatorId = r1, total = -2 },
                new { indicatorId = people, total = 10, women = 8, men = 5 },
                new { indicatorId = people, dimension = "age-group:Y99", total = 1 },
                new { indicatorId = automatic, total = 4 },
                new { indicatorId = r1, dimension = "", total = 1 },
            },
        };

        var errors = await (await focal.PutAsJsonAsync(Report("2025-S1", "SV"), body)).ErrorsAsync();

        Assert.Equal(["values[0].total", "values[1].total", "values[2].dimension", "values[3].indicatorId", "values[4].dimension"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("13", errors["values[1].total"][0], StringComparison.Ordinal);
        Assert.Equal(before, await ReportCountAsync());

        var text = await focal.PutAsync(Report("2025-S1", "SV"), new StringContent($$"""{"version":0,"values":[{"indicatorId":{{r1}},"total":"diez"}]}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(["values[0].total"], (await text.ErrorsAsync()).Keys);

        var outside = await focal.PutAsJsonAsync(Report("2031-S1", "SV"), await app.ValuesAsync(0));
        var period = (await outside.ErrorsAsync())["period"][0];
        Assert.Contains("2023-S1", period, StringComparison.Ordinal);
        Assert.Contains("2026-S2", period, StringComparison.Ordinal);

        var dimensions = await focal.PutAsJsonAsync(Report("2025-S1", "SV"), await app.ValuesAsync(0,
            new { indicatorId = people, total = 10 },
            new { indicatorId = people, dimension = "age-group:Y18T29", total = 8 },
            new { indicatorId = people, dimension = "age-group:Y30T49", total = 5 }));
        Assert.Contains((await dimensions.ErrorsAsync()).Keys, k => k.EndsWith(".total", StringComparison.Ordinal));
        Assert.Equal(before, await ReportCountAsync());
    }

    [Fact]
    public async Task Submit_WithoutEveryTotal_NamesTheMissingIndicators()
    {
        var focal = await app.ClientAsAsync("focal-point:PA");
        var r1 = await app.IndicatorIdAsync("ind-r1");
        await focal.PutAsJsonAsync(Report("2025-S1", "PA"), new { version = 0, values = new[] { new { indicatorId = r1, total = 2 } } });

        var errors = await (await focal.PostAsJsonAsync(Report("2025-S1", "PA") + "/submit", new { version = 1 })).ErrorsAsync();

        Assert.Contains("R2", errors["values"][0], StringComparison.Ordinal);
        Assert.DoesNotContain("R3.ML", errors["values"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AutomaticIndicators_CountDoneActivitiesAndReportingCountries_Live()
    {
        var ml = await app.IndicatorIdAsync("ind-r3-ml");
        await using (var db = app.CreateDb())
        {
            var group = await db.Institutions.Where(i => i.Code == "GT-ML").Select(i => i.Id).SingleAsync();
            var action = await db.PlanElements.Where(e => e.LevelKey == "action").OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
            foreach (var (code, status) in new[] { ("AUT-1", ActivityStatus.Done), ("AUT-2", ActivityStatus.Done), ("AUT-3", ActivityStatus.InProgress) })
            {
                db.Activities.Add(new Activity
                {
                    ActionId = action, Code = code, Title = new("Taller", "Workshop"), WorkingGroupId = group, CreatedAt = DateTime.UtcNow, EndDate = new DateOnly(2023, 5, 20),
                    Countries = [new() { CountryCode = "CR", Status = status }],
                });
            }

            await db.SaveChangesAsync();
        }

        var observer = await app.ClientAsAsync("observer");
        var report = await observer.GetFromJsonAsync<JsonElement>(Report("2023-S1", "CR"));
        var value = report.GetProperty("values").EnumerateArray().Single(v => v.GetProperty("indicatorId").GetInt32() == ml);
        Assert.True(value.GetProperty("automatic").GetBoolean());
        Assert.Equal(2, value.GetProperty("total").GetDecimal());

        var focal = await app.ClientAsAsync("focal-point:CR");
        await focal.PutAsJsonAsync(Report("2023-S1", "CR"), await app.ValuesAsync(0));
        await focal.PostAsJsonAsync(Report("2023-S1", "CR") + "/submit", new { version = 1 });
        var seg = await app.IndicatorIdAsync("seg-paises-reportan");
        var after = await observer.GetFromJsonAsync<JsonElement>(Report("2023-S1", "CR"));
        Assert.Equal(1, after.GetProperty("values").EnumerateArray().Single(v => v.GetProperty("indicatorId").GetInt32() == seg).GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task MentoringSessionsIndicator_CreatedByTheSecretariat_CountsTheSessionsHeldByTheMenteesCountryAndPeriod()
    {
        var secretariat = await app.ClientAsAsync("secretariat");
        object Indicator(string code, string source) => new
        {
            plan = Plan, code, type = "process", source,
            name = new { es = "Sesiones de mentoría virtual", en = "Virtual mentoring sessions" },
            definition = new { es = "Sesiones de mentoría realizadas (acción 1.3).", en = "Mentoring sessions held (action 1.3)." },
            unit = new { es = "Sesiones", en = "Sessions" }, unitCode = "NUMBER", targetType = "incremental", aggregation = "sum",
        };

        var refused = await secretariat.PostAsJsonAsync("/api/indicators", Indicator("MENT-X", "teleport"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("source", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var created = await Pledges.PledgeBuilders.CreatedAsync(await secretariat.PostAsJsonAsync("/api/indicators", Indicator("MENT-1", "mentoring-sessions")));
        var id = created.GetProperty("id").GetInt32();
        Assert.True(created.GetProperty("automatic").GetBoolean());

        var mentee = await app.AddPersonAsync($"{Guid.NewGuid():N}@example.org", twoFactor: false);
        await using (var db = app.CreateDb())
        {
            MentoringRequestWith(db, mentee.Id, "CR", new DateOnly(2023, 2, 10), new DateOnly(2023, 6, 30), new DateOnly(2023, 7, 1));
            MentoringRequestWith(db, mentee.Id, "PA", new DateOnly(2023, 3, 5));
            await db.SaveChangesAsync();
        }

        var observer = await app.ClientAsAsync("observer");
        async Task<decimal> TotalAsync(string period, string country) =>
            (await observer.GetFromJsonAsync<JsonElement>(Report(period, country))).GetProperty("values").EnumerateArray()
                .Single(v => v.GetProperty("indicatorId").GetInt32() == id).GetProperty("total").GetDecimal();
        Assert.Equal(2, await TotalAsync("2023-S1", "CR"));
        Assert.Equal(1, await TotalAsync("2023-S2", "CR"));
        Assert.Equal(1, await TotalAsync("2023-S1", "PA"));

        var page = await (await app.ClientIn("es").GetAsync($"/indicators/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("sesiones de mentoría virtual realizadas (acción 1.3)", page, StringComparison.Ordinal);
    }

    /// <summary>A mentoring request of a mentee in the country, with one session logged on each date given.</summary>
    private static void MentoringRequestWith(MovilidadDb db, int mentee, string country, params DateOnly[] sessions) =>
        db.MentoringRequests.Add(new Platform.Mentoring.MentoringRequest
        {
            MenteeAccountId = mentee, MenteeName = "Persona mentorada", MenteeContact = "mentee@example.org", Country = country, Topic = "l1",
            Language = "es", Description = "Recién designada en movilidad laboral.", Status = Platform.Mentoring.MentoringStatus.Matched, CreatedAt = DateTime.UtcNow,
            Sessions = [.. sessions.Select(date => new Platform.Mentoring.MentoringSession { Date = date, Minutes = 60, Topics = "l1", LoggedById = mentee })],
        });

    [Fact]
    public async Task SdmxCsv_OfApprovedValues_ParsesBackWithSdmxCodes()
    {
        var people = await app.PeopleIndicatorAsync();
        var focal = await app.ClientAsAsync("focal-point:MX");
        var secretariat = await app.ClientAsAsync("secretariat");
        var url = Report("2025-S2", "MX");
        await focal.PutAsJsonAsync(url, await app.ValuesAsync(0,
            new { indicatorId = people, total = 30, women = 18, men = 10, other = 1, notReported = 1 },
            new { indicatorId = people, dimension = "age-group:Y_LT18", total = 4, women = 2, men = 2 }));
        await focal.PostAsJsonAsync(url + "/submit", new { version = 1 });
        await secretariat.PostAsJsonAsync(url + "/approve", new { version = 2 });

        var response = await (await app.ClientAsAsync("observer")).GetAsync($"/api/indicators/values.sdmx.csv?plan={Plan}&country=MX&period=2025-S2");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("application/vnd.sdmx.data+csv", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        var table = CsvTable.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(SdmxCsv.Columns, table.Header);
        var rows = table.Records.Where(r => r["INDICATOR"] == "004_T1").ToList();
        Assert.All(table.Records, r => Assert.Equal("CRM:DF_MOVILIDAD_INDICATORS(1.0)", r["DATAFLOW"]));
        Assert.All(rows, r => Assert.Equal("MEX", r["REF_AREA"]));
        Assert.All(rows, r => Assert.Equal("2025-S2", r["TIME_PERIOD"]));
        Assert.All(rows, r => Assert.Equal("A", r["OBS_STATUS"]));
        var totals = rows.Where(r => r["AGE"] == "_T").ToDictionary(r => r["SEX"]!, r => r["OBS_VALUE"]!);
        Assert.Equal(new Dictionary<string, string> { ["_T"] = "30", ["F"] = "18", ["M"] = "10", ["_O"] = "1", ["_N"] = "1" }, totals);
        Assert.Equal("4", rows.Single(r => r["AGE"] == "Y_LT18" && r["SEX"] == "_T")["OBS_VALUE"]);
        Assert.Equal("PERSONS", rows[0]["UNIT_MEASURE"]);
        Assert.Contains(table.Records, r => r["INDICATOR"] == "004_R1" && r["OBS_VALUE"] == "0" && r["UNIT_MEASURE"] == "NUMBER");
    }

    [Fact]
    public async Task SdmxCsv_UnitWithCommaQuoteAndNewline_IsQuotedAndReadsBackWhole()
    {
        var people = await app.PeopleIndicatorAsync();
        const string unit = "PERS, \"X\"\nONS"; // within the column's 16 characters
        string original;
        await using (var db = app.CreateDb())
        {
            original = await db.Indicators.Where(i => i.Id == people).Select(i => i.UnitCode).SingleAsync();
            await db.Indicators.Where(i => i.Id == people).ExecuteUpdateAsync(s => s.SetProperty(i => i.UnitCode, unit));
        }

        try
        {
            var url = Report("2024-S1", "BZ");
            var focal = await app.ClientAsAsync("focal-point:BZ");
            await focal.PutAsJsonAsync(url, await app.ValuesAsync(0, new { indicatorId = people, total = 7 }));
            await focal.PostAsJsonAsync(url + "/submit", new { version = 1 });
            Assert.Equal(HttpStatusCode.OK, (await (await app.ClientAsAsync("secretariat")).PostAsJsonAsync(url + "/approve", new { version = 2 })).StatusCode);

            var text = await (await app.ClientAsAsync("observer")).GetStringAsync($"/api/indicators/values.sdmx.csv?plan={Plan}&country=BZ&period=2024-S1");
            Assert.Contains("\"PERS, \"\"X\"\"\nONS\"", text, StringComparison.Ordinal);
            var table = CsvTable.Parse(text);
            Assert.Equal(SdmxCsv.Columns, table.Header);
            var row = Assert.Single(table.Records, r => r["INDICATOR"] == "004_T1" && r["SEX"] == "_T" && r["AGE"] == "_T");
            Assert.Equal(unit, row["UNIT_MEASURE"]);
            Assert.Equal("7", row["OBS_VALUE"]);
            Assert.Equal("A", row["OBS_STATUS"]);
        }
        finally
        {
            await using var db = app.CreateDb();
            await db.Indicators.Where(i => i.Id == people).ExecuteUpdateAsync(s => s.SetProperty(i => i.UnitCode, original));
        }
    }

    [Fact]
    public async Task SdmxCsv_ForThePublic_HoldsApprovedValuesOfPublishedPlansAndCountedValuesOfLockedPeriodsOnly()
    {
        var people = await app.PeopleIndicatorAsync();
        var secretariat = await app.ClientAsAsync("secretariat");
        var pa = await app.ClientAsAsync("focal-point:PA");
        await pa.PutAsJsonAsync(Report("2023-S1", "PA"), await app.ValuesAsync(0, new { indicatorId = people, total = 22, women = 12, men = 10 }));
        await pa.PostAsJsonAsync(Report("2023-S1", "PA") + "/submit", new { version = 1 });
        Assert.Equal(HttpStatusCode.OK, (await secretariat.PostAsJsonAsync(Report("2023-S1", "PA") + "/approve", new { version = 2 })).StatusCode);
        var sv = await app.ClientAsAsync("focal-point:SV");
        await sv.PutAsJsonAsync(Report("2023-S1", "SV"), await app.ValuesAsync(0, new { indicatorId = people, total = 11 }));
        Assert.Equal(HttpStatusCode.OK, (await sv.PostAsJsonAsync(Report("2023-S1", "SV") + "/submit", new { version = 1 })).StatusCode);
        var url = $"/api/indicators/values.sdmx.csv?plan={Plan}&period=2023-S1";
        static async Task<IReadOnlyList<CsvRecord>> RowsAsync(HttpClient client, string url)
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var table = CsvTable.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(SdmxCsv.Columns, table.Header);
            return table.Records;
        }

        static string? Total(IReadOnlyList<CsvRecord> rows, string area) =>
            rows.SingleOrDefault(r => r["INDICATOR"] == "004_T1" && r["REF_AREA"] == area && r["SEX"] == "_T" && r["AGE"] == "_T")?["OBS_VALUE"];

        var anonymous = await RowsAsync(app.Browser(), url);
        Assert.Equal("22", Total(anonymous, "PAN"));
        Assert.Null(Total(anonymous, "SLV"));
        Assert.All(anonymous, r => Assert.Equal("A", r["OBS_STATUS"]));
        Assert.DoesNotContain(anonymous, r => r["INDICATOR"] == "004_SEG_1");
        Assert.Equal(await app.Browser().GetStringAsync(url), await (await app.ClientAsAsync("civil-society")).GetStringAsync(url));

        // Those who read indicators also get what is submitted (provisional) and what the platform counts in an open period.
        var staff = await RowsAsync(await app.ClientAsAsync("observer"), url);
        Assert.Equal("22", Total(staff, "PAN"));
        Assert.Equal("11", Total(staff, "SLV"));
        Assert.Equal("P", staff.First(r => r["REF_AREA"] == "SLV")["OBS_STATUS"]);
        Assert.Contains(staff, r => r["INDICATOR"] == "004_SEG_1");

        // Once the Secretariat locks the period, its counted values are final and public; a submitted value still is not.
        Assert.Equal(HttpStatusCode.OK, (await secretariat.PostAsJsonAsync($"/api/indicators/periods/{Plan}/2023-S1/lock", new { version = 0 })).StatusCode);
        var locked = await RowsAsync(app.Browser(), url);
        Assert.Contains(locked, r => r["INDICATOR"] == "004_SEG_1" && r["REF_AREA"] == "PAN");
        Assert.Null(Total(locked, "SLV"));
        Assert.Equal(HttpStatusCode.OK, (await secretariat.PostAsJsonAsync($"/api/indicators/periods/{Plan}/2023-S1/reopen", new { version = 1, reason = "Prueba del SDMX público" })).StatusCode);

        // An unpublished plan gives the public nothing.
        await using var db = app.CreateDb();
        await db.Plans.IgnoreQueryFilters().Where(p => p.Key == Plan).ExecuteUpdateAsync(p => p.SetProperty(x => x.IsPublished, false));
        try
        {
            Assert.Empty(await RowsAsync(app.Browser(), url));
            Assert.Equal("22", Total(await RowsAsync(await app.ClientAsAsync("observer"), url), "PAN"));
        }
        finally
        {
            await db.Plans.IgnoreQueryFilters().Where(p => p.Key == Plan).ExecuteUpdateAsync(p => p.SetProperty(x => x.IsPublished, true));
        }
    }

    [Fact]
    public async Task Dashboard_WithTargetsAndApprovedValues_ComputesProgressTrendAndCountries()
    {
        var secretariat = await app.ClientAsAsync("secretariat");
        var id = await app.IndicatorIdAsync("ind-p1");
        var current = await secretariat.GetFromJsonAsync<JsonElement>($"/api/indicators/{id}");
        await secretariat.PutAsJsonAsync($"/api/indicators/{id}", new
        {
            version = current.GetProperty("version").GetInt32(), name = current.GetProperty("name"), definition = current.GetProperty("definition"), unit = current.GetProperty("unit"),
            targets = new object[] { new { country = "DO", period = "2026-S2", value = 8 }, new { country = "BZ", period = "2026-S2", value = 4 } },
        });
        foreach (var (country, period, value) in new[] { ("DO", "2025-S1", 2), ("DO", "2025-S2", 6), ("BZ", "2025-S2", 1) })
        {
            var focal = await app.ClientAsAsync("focal-point:" + country);
            var view = await focal.GetFromJsonAsync<JsonElement>(Report(period, country));
            var version = view.GetProperty("version").GetInt32();
            await focal.PutAsJsonAsync(Report(period, country), await app.ValuesAsync(version, new { indicatorId = id, total = value }));
            await focal.PostAsJsonAsync(Report(period, country) + "/submit", new { version = version + 1 });
            await secretariat.PostAsJsonAsync(Report(period, country) + "/approve", new { version = version + 2 });
        }

        var dashboard = await (await app.ClientAsAsync("observer")).GetFromJsonAsync<JsonElement>($"/api/indicators/dashboard?plan={Plan}&indicator={id}");

        var p1 = dashboard.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("id").GetInt32() == id);
        Assert.Equal(12, p1.GetProperty("target").GetDouble());
        Assert.Equal(7, p1.GetProperty("actual").GetDouble()); // cumulative: the latest period, 6 + 1
        var countries = dashboard.GetProperty("countries").EnumerateArray().ToDictionary(c => c.GetProperty("key").GetString()!, c => c.GetProperty("ratio").GetDouble());
        Assert.Equal(0.75, countries["DO"], 3);
        Assert.Equal(0.25, countries["BZ"], 3);
        var trend = dashboard.GetProperty("trend").EnumerateArray().ToDictionary(t => t.GetProperty("period").GetString()!, t => t.GetProperty("actual"));
        Assert.Equal(2, trend["2025-S1"].GetDouble());
        Assert.Equal(7, trend["2025-S2"].GetDouble());
        Assert.Equal(JsonValueKind.Null, trend["2024-S2"].ValueKind);
        Assert.NotEmpty(dashboard.GetProperty("lines").EnumerateArray());
        await TotalsMatchValuesAsync();
    }

    [Fact]
    public async Task Dashboard_ReadBeforeAndAfterAnApproval_ShowsTheApprovedValue()
    {
        var observer = await app.ClientAsAsync("observer");
        var id = await app.IndicatorIdAsync("ind-p2");
        var url = $"/api/indicators/dashboard?plan={Plan}&indicator={id}";
        double? TrendAt(JsonElement dashboard, string period) =>
            dashboard.GetProperty("trend").EnumerateArray().Single(t => t.GetProperty("period").GetString() == period).GetProperty("actual") is { ValueKind: JsonValueKind.Number } v ? v.GetDouble() : null;
        var before = TrendAt(await observer.GetFromJsonAsync<JsonElement>(url), "2023-S2");

        var focal = await app.ClientAsAsync("focal-point:NI");
        var version = (await focal.GetFromJsonAsync<JsonElement>(Report("2023-S2", "NI"))).GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await focal.PutAsJsonAsync(Report("2023-S2", "NI"), await app.ValuesAsync(version, new { indicatorId = id, total = 5 }))).StatusCode);
        var draftOnly = TrendAt(await observer.GetFromJsonAsync<JsonElement>(url), "2023-S2");
        Assert.Equal(before, draftOnly); // a draft does not count
        Assert.Equal(HttpStatusCode.OK, (await focal.PostAsJsonAsync(Report("2023-S2", "NI") + "/submit", new { version = version + 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientAsAsync("secretariat")).PostAsJsonAsync(Report("2023-S2", "NI") + "/approve", new { version = version + 2 })).StatusCode);

        Assert.Equal((before ?? 0) + 5, TrendAt(await observer.GetFromJsonAsync<JsonElement>(url), "2023-S2"));
    }
}

public sealed class IndicatorsApiTestsOnSqlite(SqliteApp app) : IndicatorsApiTests(app), IClassFixture<SqliteApp>;

public sealed class IndicatorsApiTestsOnPostgres(PostgresApp app) : IndicatorsApiTests(app), IClassFixture<PostgresApp>;
