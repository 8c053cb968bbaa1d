using System.Net;
using System.Xml;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Indicators;
using Movilidad.Platform.Institutions;
using Movilidad.Platform.Monitoring;
using Movilidad.Platform.Plans;
using Movilidad.Web.Tests.Features.Monitoring;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.OpenData;

public abstract class IatiExportTests(MovilidadApp app)
{
    private static readonly XNamespace Xml = XNamespace.Xml;

    // Codes of the IATI 2.03 codelists (iatistandard.org/en/iati-standard/203/codelists/) that the export may use.
    private static readonly string[] ActivityStatusCodes = ["1", "2", "3", "4", "5", "6"];
    private static readonly string[] OrganisationRoles = ["1", "2", "3", "4"];
    private static readonly string[] OrganisationTypes = ["10", "11", "15", "21", "22", "23", "24", "30", "40", "60", "70", "71", "72", "73", "80", "90"];
    private static readonly string[] ActivityDateTypes = ["1", "2", "3", "4"];
    private static readonly string[] PolicySignificance = ["0", "1", "2", "3", "4"];

    /// <summary>Activities that use every element the export writes: all statuses that change dates, institutions of every role, budgets, tags.</summary>
    private async Task<List<int>> ActivitiesAsync()
    {
        await using var db = app.CreateDb();
        var action = await app.ActionIdAsync();
        var group = await app.WorkingGroupIdAsync();
        var ministry = await db.Institutions.Where(i => i.Kind == InstitutionKind.MemberState && i.CountryCode == "HN").Select(i => i.Id).FirstAsync();
        var agency = await db.Institutions.Where(i => i.Kind == InstitutionKind.UnAgency).Select(i => i.Id).FirstAsync();
        var civil = await db.Institutions.Where(i => i.Kind != InstitutionKind.MemberState && i.Kind != InstitutionKind.UnAgency).Select(i => i.Id).FirstAsync();
        Activity New(ActivityStatus status, DateOnly? start, DateOnly? end, params string[] countries) => new()
        {
            ActionId = action,
            Code = "I" + Guid.NewGuid().ToString("N")[..6],
            Title = new("Diálogo regional sobre contratación equitativa", "Regional dialogue on fair recruitment"),
            Description = new("Reunión de los ministerios de trabajo & agencias <OIT>.", "Meeting of the labour ministries & agencies <ILO>."),
            Status = status,
            StartDate = start,
            EndDate = end,
            GenderMarker = 1,
            CreatedAt = DateTime.UtcNow,
            Countries = countries.Select(c => new ActivityCountry { CountryCode = c, StartDate = start?.AddDays(3), EndDate = end?.AddDays(-3), ResponsibleInstitutionId = c == "HN" ? ministry : null }).ToList(),
        };

        var done = New(ActivityStatus.Done, new DateOnly(2024, 2, 1), new DateOnly(2024, 5, 31), "HN", "GT", "MX");
        done.WorkingGroupId = group;
        done.GenderMarker = 2;
        done.Institutions = [new() { InstitutionId = agency, Role = InstitutionRole.Responsible }, new() { InstitutionId = civil, Role = InstitutionRole.Accompanying }];
        done.BudgetLines =
        [
            new() { Kind = BudgetKind.Planned, Amount = 12000.5m, CurrencyCode = "USD", Source = "Fondo de la CRM" },
            new() { Kind = BudgetKind.Planned, Amount = 30000m, CurrencyCode = "HNL", Source = "Secretaría de Trabajo" },
            new() { Kind = BudgetKind.Executed, Amount = 9000m, CurrencyCode = "USD", Source = "Fondo de la CRM" },
        ];
        done.GcmObjectives = [new() { Objective = 6 }, new() { Objective = 18 }];
        done.SdgTargets = [new() { Target = "8.8" }, new() { Target = "10.7" }];
        var running = New(ActivityStatus.InProgress, new DateOnly(2025, 1, 15), new DateOnly(2025, 12, 15), "GT");
        running.BudgetLines = [new() { Kind = BudgetKind.Planned, Amount = 500m, CurrencyCode = "USD", Source = "OIM" }];
        var bare = New(ActivityStatus.Cancelled, null, null, "PA");
        bare.Description = Movilidad.Platform.Localization.Bilingual.Empty;
        bare.GenderMarker = 0;
        var postponed = New(ActivityStatus.Postponed, new DateOnly(2026, 1, 1), null, "CR", "SV");
        db.Activities.AddRange(done, running, bare, postponed);
        await db.SaveChangesAsync();
        await IndicatorsAsync(db, done);
        return [done.Id, running.Id, bare.Id, postponed.Id];
    }

    /// <summary>
    /// Two indicators of the done activity: people trained (summed, with a baseline, country and regional targets) and a percentage
    /// (averaged); approved values for HN and MX in 2024-S1, a submitted one for GT that must stay out.
    /// </summary>
    private static async Task IndicatorsAsync(Platform.Data.MovilidadDb db, Activity done)
    {
        db.ShowsUnpublished = true;
        var planId = await db.PlanElements.Where(e => e.Id == done.ActionId).Select(e => e.PlanId).SingleAsync();
        var periods = new List<ReportingPeriod>();
        foreach (var span in Periods.Between(2024, 2024, PeriodType.Semester))
        {
            var period = await db.ReportingPeriods.SingleOrDefaultAsync(p => p.PlanId == planId && p.Code == span.Code);
            if (period is null)
            {
                period = new ReportingPeriod { PlanId = planId, Code = span.Code, Type = span.Type, Start = span.Start, End = span.End, Due = span.End.AddDays(30) };
                db.ReportingPeriods.Add(period);
            }

            periods.Add(period);
        }

        var reports = new Dictionary<string, IndicatorReport>(StringComparer.Ordinal);
        foreach (var (country, status) in new[] { ("HN", ReportStatus.Approved), ("MX", ReportStatus.Approved), ("GT", ReportStatus.Submitted) })
        {
            var report = await db.IndicatorReports.SingleOrDefaultAsync(r => r.PeriodId == periods[0].Id && r.CountryCode == country);
            if (report is null)
            {
                report = new IndicatorReport { Period = periods[0], CountryCode = country, Status = status, UpdatedAt = DateTime.UtcNow };
                db.IndicatorReports.Add(report);
            }

            reports[country] = report;
        }

        var key = Guid.NewGuid().ToString("N")[..8];
        var people = new Indicator
        {
            PlanId = planId, Key = "iati-people-" + key, Code = "IP", UnitCode = "PERSONS", Type = IndicatorType.Result, ActivityId = done.Id, ElementId = done.ActionId,
            Name = new("Personas funcionarias capacitadas", "Officials trained"), Definition = new("Personas capacitadas en contratación equitativa.", "People trained in fair recruitment."),
            Unit = new("Personas", "People"), Baseline = 10, BaselineYear = 2023, Aggregation = AggregationRule.Sum, EditedAt = DateTime.UtcNow,
            Targets = [new() { CountryCode = "HN", PeriodCode = "2024-S1", Value = 20 }, new() { CountryCode = "GT", PeriodCode = "2024-S1", Value = 15 }, new() { PeriodCode = "2024-S2", Value = 60 }],
        };
        var share = new Indicator
        {
            PlanId = planId, Key = "iati-share-" + key, Code = "IS", UnitCode = "PERCENT", Type = IndicatorType.Process, ActivityId = done.Id, SortOrder = 1,
            Name = new("Porcentaje de acuerdos aplicados", "Share of agreements applied"), Unit = new("%", "%"), Aggregation = AggregationRule.Average, EditedAt = DateTime.UtcNow,
        };
        db.Indicators.AddRange(people, share);
        await db.SaveChangesAsync();
        db.IndicatorValues.AddRange(
            new IndicatorValue { ReportId = reports["HN"].Id, IndicatorId = people.Id, Total = 12, Women = 7, Men = 5, Other = 0, NotReported = 0 },
            new IndicatorValue { ReportId = reports["MX"].Id, IndicatorId = people.Id, Total = 8, Women = 3, Men = 5 },
            new IndicatorValue { ReportId = reports["GT"].Id, IndicatorId = people.Id, Total = 100, Women = 50, Men = 50 },
            new IndicatorValue { ReportId = reports["HN"].Id, IndicatorId = share.Id, Total = 50 },
            new IndicatorValue { ReportId = reports["MX"].Id, IndicatorId = share.Id, Total = 75 },
            new IndicatorValue { ReportId = reports["GT"].Id, IndicatorId = share.Id, Total = 0 });
        await db.SaveChangesAsync();
    }

    private static async Task<string> ExportAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/open-data/iati-activities.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    private static List<string> Validate(string xml)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Features", "OpenData", "Iati");
        // The activity schema includes iati-common.xsd and imports xml.xsd from its own folder: the resolver must read local files.
        var schemas = new System.Xml.Schema.XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        schemas.Add(null, Path.Combine(folder, "iati-activities-schema.xsd"));
        schemas.Compile();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        var errors = new List<string>();
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }

        return errors;
    }

    private static XElement Activity(XDocument document, int id) =>
        document.Root!.Elements("iati-activity").Single(a => a.Element("iati-identifier")!.Value == $"XI-IATI-CRMST-ACT-{id}");

    [Fact]
    public async Task Export_OfActivitiesUsingEveryElement_ValidatesAgainstTheIati203Schema()
    {
        await ActivitiesAsync();

        var xml = await ExportAsync(app.Browser());

        var errors = Validate(xml);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var broken = XDocument.Parse(xml);
        broken.Root!.Element("iati-activity")!.Element("title")!.Remove();
        Assert.NotEmpty(Validate(broken.ToString()));
        var withResults = XDocument.Parse(xml);
        var indicator = withResults.Descendants("result").First().Element("indicator")!;
        indicator.Attribute("measure")!.Remove();
        Assert.NotEmpty(Validate(withResults.ToString()));
    }

    [Fact]
    public async Task Export_WritesBilingualNarrativesRolesDatesCountriesBudgetsAndMarkersWithValidCodes()
    {
        var ids = await ActivitiesAsync();

        var document = XDocument.Parse(await ExportAsync(app.Browser()));

        Assert.Equal("2.03", document.Root!.Attribute("version")!.Value);
        var done = Activity(document, ids[0]);
        Assert.Equal("es", done.Attribute(Xml + "lang")!.Value);
        Assert.Equal("XI-IATI-CRMST", done.Element("reporting-org")!.Attribute("ref")!.Value);
        var title = done.Element("title")!.Elements("narrative").ToList();
        Assert.Equal("Diálogo regional sobre contratación equitativa", title[0].Value);
        Assert.Equal(("en", "Regional dialogue on fair recruitment"), (title[1].Attribute(Xml + "lang")!.Value, title[1].Value));
        Assert.Equal("Meeting of the labour ministries & agencies <ILO>.", done.Element("description")!.Elements("narrative").Last().Value);
        Assert.Equal(["1", "1", "2", "3", "4", "4", "4"], done.Elements("participating-org").Select(o => o.Attribute("role")!.Value));
        Assert.Contains(done.Elements("participating-org"), o => o.Attribute("role")!.Value == "4" && o.Attribute("type")!.Value == "10");
        Assert.Equal("4", done.Element("activity-status")!.Attribute("code")!.Value);
        Assert.Equal(
            [("1", "2024-02-01"), ("2", "2024-02-04"), ("3", "2024-05-31"), ("4", "2024-05-28")],
            done.Elements("activity-date").Select(d => (d.Attribute("type")!.Value, d.Attribute("iso-date")!.Value)));
        var countries = done.Elements("recipient-country").ToList();
        Assert.Equal(["GT", "HN", "MX"], countries.Select(c => c.Attribute("code")!.Value));
        Assert.Equal(100m, countries.Sum(c => decimal.Parse(c.Attribute("percentage")!.Value, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(("1", "15190", "100"), (done.Element("sector")!.Attribute("vocabulary")!.Value, done.Element("sector")!.Attribute("code")!.Value, done.Element("sector")!.Attribute("percentage")!.Value));
        Assert.Equal(["3:10.7", "3:8.8", "99:6", "99:18"], done.Elements("tag").Select(t => $"{t.Attribute("vocabulary")!.Value}:{t.Attribute("code")!.Value}"));
        Assert.Contains("desarrollo de aptitudes", done.Elements("tag").Last().Element("narrative")!.Value, StringComparison.Ordinal);
        var marker = done.Element("policy-marker")!;
        Assert.Equal(("1", "1", "2"), (marker.Attribute("vocabulary")!.Value, marker.Attribute("code")!.Value, marker.Attribute("significance")!.Value));
        var budgets = done.Elements("budget").ToList();
        Assert.Equal(["HNL:30000.00", "USD:12000.50"], budgets.Select(b => $"{b.Element("value")!.Attribute("currency")!.Value}:{b.Element("value")!.Value}").Order(StringComparer.Ordinal));
        Assert.All(budgets, b => Assert.Equal(("2024-02-01", "2024-05-31"), (b.Element("period-start")!.Attribute("iso-date")!.Value, b.Element("period-end")!.Attribute("iso-date")!.Value)));
        Assert.Null(done.Attribute("default-currency"));
        Assert.Equal("USD", Activity(document, ids[1]).Attribute("default-currency")!.Value);

        var bare = Activity(document, ids[2]);
        Assert.Equal("5", bare.Element("activity-status")!.Attribute("code")!.Value);
        Assert.Equal("Diálogo regional sobre contratación equitativa", bare.Element("description")!.Element("narrative")!.Value);
        Assert.Equal("100", bare.Element("recipient-country")!.Attribute("percentage")!.Value);
        Assert.Equal("6", Activity(document, ids[3]).Element("activity-status")!.Attribute("code")!.Value);

        foreach (var activity in document.Root.Elements("iati-activity"))
        {
            Assert.Contains(activity.Element("activity-status")!.Attribute("code")!.Value, ActivityStatusCodes);
            Assert.All(activity.Elements("participating-org"), o => Assert.Contains(o.Attribute("role")!.Value, OrganisationRoles));
            Assert.All(activity.Elements("participating-org").Select(o => o.Attribute("type")?.Value).OfType<string>(), t => Assert.Contains(t, OrganisationTypes));
            Assert.All(activity.Elements("activity-date"), d => Assert.Contains(d.Attribute("type")!.Value, ActivityDateTypes));
            Assert.Contains(activity.Element("policy-marker")!.Attribute("significance")!.Value, PolicySignificance);
            Assert.All(activity.Elements("budget"), b => Assert.Equal(("1", "1"), (b.Attribute("type")!.Value, b.Attribute("status")!.Value)));
        }

        await using var db = app.CreateDb();
        var currencies = await db.Currencies.Select(c => c.Code).ToListAsync();
        var countryCodes = await db.Countries.Select(c => c.Alpha2).ToListAsync();
        Assert.All(document.Descendants("value"), v => Assert.Contains(v.Attribute("currency")!.Value, currencies));
        Assert.All(document.Descendants("recipient-country"), c => Assert.Contains(c.Attribute("code")!.Value, countryCodes));
    }

    [Fact]
    public async Task Export_WritesAResultPerIndicatorOfTheActivityWithTargetsAndApprovedActualsBySex()
    {
        var ids = await ActivitiesAsync();

        var document = XDocument.Parse(await ExportAsync(app.Browser()));

        var results = Activity(document, ids[0]).Elements("result").ToList();
        Assert.Equal(["1", "2"], results.Select(r => r.Attribute("type")!.Value));
        Assert.Equal(["Personas funcionarias capacitadas", "Officials trained"], results[0].Element("title")!.Elements("narrative").Select(n => n.Value));
        Assert.Equal("en", results[0].Element("title")!.Elements("narrative").Last().Attribute(Xml + "lang")!.Value);
        var people = results[0].Element("indicator")!;
        Assert.Equal(("1", "1"), (people.Attribute("measure")!.Value, people.Attribute("ascending")!.Value));
        Assert.Equal(["Officials trained", "People trained in fair recruitment."], new[] { people.Element("title")!, people.Element("description")! }.Select(e => e.Elements("narrative").Last().Value));
        Assert.Equal(("2023", "10"), (people.Element("baseline")!.Attribute("year")!.Value, people.Element("baseline")!.Attribute("value")!.Value));
        var periods = people.Elements("period").ToList();
        Assert.Equal(
            [("2024-01-01", "2024-06-30", "35"), ("2024-07-01", "2024-12-31", "60")],
            periods.Select(p => (p.Element("period-start")!.Attribute("iso-date")!.Value, p.Element("period-end")!.Attribute("iso-date")!.Value, p.Element("target")!.Attribute("value")!.Value)));

        // HN and MX approved 12 (7 women, 5 men) and 8 (3 women, 5 men, no other parts); GT's submitted 100 stays out.
        Assert.Equal(
            ["20", "female:10", "male:10"],
            periods[0].Elements("actual").Select(a => a.Element("dimension") is { } d ? $"{d.Attribute("value")!.Value}:{a.Attribute("value")!.Value}" : a.Attribute("value")!.Value));
        Assert.All(periods[0].Elements("actual").Elements("dimension"), d => Assert.Equal("sex", d.Attribute("name")!.Value));
        Assert.Empty(periods[1].Elements("actual"));

        var share = results[1].Element("indicator")!;
        Assert.Equal("2", share.Attribute("measure")!.Value);
        Assert.Null(share.Element("baseline"));
        Assert.Null(share.Element("description"));
        var sharePeriod = Assert.Single(share.Elements("period"));
        Assert.Null(sharePeriod.Element("target"));
        Assert.Equal("62.5", Assert.Single(sharePeriod.Elements("actual")).Attribute("value")!.Value);

        Assert.Empty(Activity(document, ids[1]).Elements("result"));
    }

    [Fact]
    public async Task Export_WithAnotherReportingOrganisation_PrefixesEveryIdentifierWithIt()
    {
        var ids = await ActivitiesAsync();
        using var configured = app.WithWebHostBuilder(b => b.UseSetting("OpenData:ReportingOrgRef", "XM-DAC-47066"));

        var document = XDocument.Parse(await ExportAsync(configured.CreateClient()));

        var activity = document.Root!.Elements("iati-activity").Single(a => a.Element("iati-identifier")!.Value == $"XM-DAC-47066-ACT-{ids[0]}");
        Assert.Equal("XM-DAC-47066", activity.Element("reporting-org")!.Attribute("ref")!.Value);
    }
}

public sealed class IatiExportTestsOnSqlite(SqliteApp app) : IatiExportTests(app), IClassFixture<SqliteApp>;

public sealed class IatiExportTestsOnPostgres(PostgresApp app) : IatiExportTests(app), IClassFixture<PostgresApp>;
