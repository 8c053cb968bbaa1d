using System.Net;
using System.Text.RegularExpressions;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Movilidad.Platform.Accounts;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Institutions;
using Movilidad.Platform.LabourMarket;
using Movilidad.Platform.Monitoring;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Pledges;
using Movilidad.Platform.Practices;
using Movilidad.Platform.Recruiters;

namespace Movilidad.Web.Tests.Infrastructure;

/// <summary>
/// The lists paged by the database with more than one page of rows: every page walked through its "next" links holds
/// the rows the filters select, in the list's order, each once, and the range shown counts them all. The expected rows
/// are computed here in memory from every row of the table, independently of the pages' queries.
/// </summary>
public abstract partial class PagingTests
{
    [Fact]
    public async Task Pledges_PagedInTheDatabase_FilteredByLatestStatus_PledgerTypeAndObjective()
    {
        await using (var db = app.CreateDb())
        {
            var state = await db.Institutions.Where(i => i.Kind == InstitutionKind.MemberState).Select(i => i.Id).FirstAsync();
            var agency = await db.Institutions.Where(i => i.Kind == InstitutionKind.UnAgency).Select(i => i.Id).FirstAsync();
            for (var n = 0; n < 70; n++)
            {
                var pledge = new Pledge { Title = new Bilingual($"Compromiso {n}", $"Pledge {n}"), IsPublished = n % 7 != 0, CreatedAt = DateTime.UtcNow };
                pledge.Pledgers.Add(new PledgePledger { InstitutionId = n % 3 == 0 ? agency : state });
                pledge.GcmObjectives.Add(new PledgeGcmObjective { Objective = n % 2 == 0 ? 6 : 18 });
                if (n % 2 == 0)
                {
                    pledge.Updates.Add(new PledgeUpdate { Year = 2025, Quarter = 3, Status = PledgeStatus.Fulfilled });
                }

                if (n % 4 == 0)
                {
                    // A later update decides the status: in progress again.
                    pledge.Updates.Add(new PledgeUpdate { Year = 2026, Quarter = 1, Status = PledgeStatus.InProgress });
                }

                db.Pledges.Add(pledge);
            }

            await db.SaveChangesAsync();
        }

        List<(int Id, PledgeStatus Status, IReadOnlyList<PledgerType> Types, IReadOnlyList<int> Objectives)> all;
        await using (var db = app.CreateDb())
        {
            all = (await db.Pledges.AsNoTracking().Include(p => p.Updates).Include(p => p.GcmObjectives).Include(p => p.Pledgers).ThenInclude(x => x.Institution).ToListAsync())
                .Select(p => (p.Id, p.Updates.Count == 0 ? PledgeStatus.NotStarted : p.Status,
                    (IReadOnlyList<PledgerType>)p.Pledgers.Select(x => Pledge.TypeOf(x.Institution!.Kind)).ToList(), (IReadOnlyList<int>)p.GcmObjectives.Select(g => g.Objective).ToList()))
                .ToList();
        }

        var client = await app.ClientInAsync("es", "secretariat");
        foreach (var (query, match) in new (string, Func<(int Id, PledgeStatus Status, IReadOnlyList<PledgerType> Types, IReadOnlyList<int> Objectives), bool>)[]
        {
            ("", _ => true),
            ("status=Fulfilled", p => p.Status == PledgeStatus.Fulfilled),
            ("status=InProgress&gcm=6", p => p.Status == PledgeStatus.InProgress && p.Objectives.Contains(6)),
            ("status=NotStarted&type=State", p => p.Status == PledgeStatus.NotStarted && p.Types.Contains(PledgerType.State)),
            ("type=UnAgency&gcm=18", p => p.Types.Contains(PledgerType.UnAgency) && p.Objectives.Contains(18)),
        })
        {
            var expected = all.Where(match).OrderByDescending(p => p.Id).Select(p => p.Id).ToList();
            Assert.True(expected.Count > 25 || query.Length > 0, $"{expected.Count} pledges");
            await AssertPagesAsync(client, $"/pledges?{query}&size=25", PledgeRow(), "Páginas de compromisos", expected);
        }
    }

    [Fact]
    public async Task Practices_PublishedAndOnTheirWay_PagedInTheDatabase_FilteredByCountryAndObjective()
    {
        var published = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await using (var db = app.CreateDb())
        {
            var institution = await db.Institutions.Where(i => i.Kind == InstitutionKind.MemberState).Select(i => i.Id).FirstAsync();
            for (var n = 0; n < 90; n++)
            {
                var practice = new Practice
                {
                    Title = new Bilingual($"Práctica {n}", $"Practice {n}"), Summary = new Bilingual("Resumen", "Summary"), Body = new Bilingual("Texto", "Text"),
                    InstitutionId = institution, Status = n % 3 == 0 ? PracticeStatus.Submitted : PracticeStatus.Published, SubmittedAt = published,

                    // Two on the same day: the id decides between them.
                    PublishedAt = n % 3 == 0 ? null : published.AddDays(n / 2),
                };
                practice.Countries.Add(new PracticeCountry { CountryCode = n % 2 == 0 ? "GT" : "HN" });
                practice.GcmObjectives.Add(new PracticeGcmObjective { Objective = n % 4 < 2 ? 6 : 18 });
                db.Practices.Add(practice);
            }

            await db.SaveChangesAsync();
        }

        List<(int Id, PracticeStatus Status, DateTime? PublishedAt, DateOnly? Month, IReadOnlyList<string> Countries, IReadOnlyList<int> Objectives)> all;
        await using (var db = app.CreateDb())
        {
            all = (await db.Practices.AsNoTracking().Include(p => p.Countries).Include(p => p.GcmObjectives).ToListAsync())
                .Select(p => (p.Id, p.Status, p.PublishedAt, p.ScheduledMonth, (IReadOnlyList<string>)p.Countries.Select(c => c.CountryCode).ToList(),
                    (IReadOnlyList<int>)p.GcmObjectives.Select(g => g.Objective).ToList()))
                .ToList();
        }

        static List<int> Newest(IEnumerable<(int Id, PracticeStatus Status, DateTime? PublishedAt, DateOnly? Month, IReadOnlyList<string> Countries, IReadOnlyList<int> Objectives)> rows) =>
            rows.OrderBy(p => p.PublishedAt is null).ThenByDescending(p => p.PublishedAt).ThenBy(p => p.Month is null).ThenByDescending(p => p.Month).ThenByDescending(p => p.Id)
                .Select(p => p.Id).ToList();

        var client = await app.ClientInAsync("es", "secretariat");
        var live = all.Where(p => p.Status == PracticeStatus.Published).ToList();
        await AssertPagesAsync(client, "/practices?size=25", PublishedPractice(), "Páginas de buenas prácticas", Newest(live));
        await AssertPagesAsync(client, "/practices?country=GT&size=25", PublishedPractice(), "Páginas de buenas prácticas", Newest(live.Where(p => p.Countries.Contains("GT"))));
        await AssertPagesAsync(client, "/practices?country=HN&gcm=18&size=25", PublishedPractice(), "Páginas de buenas prácticas",
            Newest(live.Where(p => p.Countries.Contains("HN") && p.Objectives.Contains(18))));
        await AssertPagesAsync(client, "/practices?size=25", PipelinePractice(), "Páginas de buenas prácticas en curso", Newest(all.Where(p => p.Status != PracticeStatus.Published)));

        // The public sees the published ones only, and no list of those on their way.
        var anonymous = app.ClientIn("es");
        await AssertPagesAsync(anonymous, "/practices?gcm=6&size=25", PublishedPractice(), "Páginas de buenas prácticas", Newest(live.Where(p => p.Objectives.Contains(6))));
        Assert.DoesNotContain("data-testid=\"pipeline\"", await anonymous.GetStringAsync("/practices"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accounts_PagedInTheDatabase_FilteredBySearchRoleCountryAndState()
    {
        var mark = Letters();
        await using (var db = app.CreateDb())
        {
            for (var n = 0; n < 60; n++)
            {
                var email = $"paging-{mark}-{n:00}@example.org";
                var account = new Account
                {
                    Email = email, NormalizedEmail = email.ToUpperInvariant(), DisplayName = $"Persona {n}", CreatedAt = DateTimeOffset.UtcNow,
                    PasswordHash = n % 3 == 0 ? null : "not a real hash", DeletedAt = n % 10 == 9 ? DateTimeOffset.UtcNow : null,
                    SecurityStamp = Guid.NewGuid().ToString("N"),
                };
                account.Grants.Add(n % 2 == 0 ? new RoleGrant { Role = Role.FocalPoint, CountryCode = n % 4 == 0 ? "GT" : "PA" } : new RoleGrant { Role = Role.Observer });
                db.Accounts.Add(account);
            }

            await db.SaveChangesAsync();
        }

        // Numbered in the address, so the expected order is the same under any collation.
        static List<int> Numbers(Func<int, bool> match) => Enumerable.Range(0, 60).Where(match).ToList();
        var client = await app.ClientInAsync("es", "secretariat");
        var rows = new Regex($"<td><a href=\"/accounts/users/\\d+\">paging-{mark}-(\\d+)@example.org</a>");
        await AssertPagesAsync(client, $"/accounts/users?q={mark}&size=25", rows, "Páginas de cuentas", Numbers(_ => true));
        await AssertPagesAsync(client, $"/accounts/users?q={mark.ToUpperInvariant()}&holds=focal-point&size=25", rows, "Páginas de cuentas", Numbers(n => n % 2 == 0));
        await AssertPagesAsync(client, $"/accounts/users?q={mark}&for=GT&state=Active&size=25", rows, "Páginas de cuentas", Numbers(n => n % 4 == 0 && n % 3 != 0 && n % 10 != 9));
        await AssertPagesAsync(client, $"/accounts/users?q={mark}&state=Invited&size=25", rows, "Páginas de cuentas", Numbers(n => n % 3 == 0 && n % 10 != 9));
        await AssertPagesAsync(client, $"/accounts/users?q=persona%2059&state=Closed&size=25", rows, "Páginas de cuentas", Numbers(n => n == 59));
    }

    [Fact]
    public async Task RecruitersFraudReportsAndDatasets_Paged_WithTheirFiltersInTheAddress()
    {
        var mark = Letters();
        var received = DateTime.UtcNow.AddDays(-1);
        await using (var db = app.CreateDb())
        {
            for (var n = 0; n < 60; n++)
            {
                var name = $"Agencia {mark} {n:00}";
                db.Recruiters.Add(new Recruiter
                {
                    Name = name, SpellingKey = RecruiterNames.Spelling(name), MatchKey = RecruiterNames.MatchKey(name), Country = n % 2 == 0 ? "GT" : "MX", CreatedAt = DateTime.UtcNow,
                });
                db.FraudReports.Add(new FraudReport
                {
                    Country = n % 2 == 0 ? "GT" : "HN", RecruiterName = name, Description = "Cobro de una cuota", Language = "es",
                    Status = n % 3 == 0 ? FraudReportStatus.Closed : FraudReportStatus.Received, ReceivedAt = received.AddMinutes(-n / 2),
                });
                db.LabourDatasets.Add(new LabourDataset
                {
                    Source = $"paging-{mark}", FileName = $"{mark}-{n:00}.csv", Sha256 = $"{mark}{n:00}", Format = "csv", DescriptionEs = "Prueba", DescriptionEn = "Test",
                    ImportedAt = received.AddMinutes(-n), ImportedBy = "test", ReportJson = new LabourReport([], [], 0, [], [], false, 0).ToJson(),
                });
            }

            await db.SaveChangesAsync();
        }

        var client = await app.ClientInAsync("es", "secretariat");
        var recruiter = new Regex($"<td><a href=\"/recruiters/\\d+\">Agencia {mark} (\\d+)</a>");
        await AssertPagesAsync(client, $"/recruiters?q={mark}&size=25", recruiter, "Páginas del directorio", [.. Enumerable.Range(0, 60)]);
        await AssertPagesAsync(client, $"/recruiters?q={mark}&country=GT&size=25", recruiter, "Páginas del directorio", [.. Enumerable.Range(0, 60).Where(n => n % 2 == 0)]);

        List<(int Id, string Country, FraudReportStatus Status, DateTime ReceivedAt)> reports;
        await using (var db = app.CreateDb())
        {
            reports = (await db.FraudReports.AsNoTracking().Select(f => new { f.Id, f.Country, f.Status, f.ReceivedAt }).ToListAsync())
                .Select(f => (f.Id, f.Country, f.Status, f.ReceivedAt)).ToList();
        }

        static List<int> Newest(IEnumerable<(int Id, string Country, FraudReportStatus Status, DateTime ReceivedAt)> rows) =>
            rows.OrderByDescending(f => f.ReceivedAt).ThenByDescending(f => f.Id).Select(f => f.Id).ToList();
        var report = new Regex("<article class=\"checklist-item\" data-testid=\"report\">\\s*<h3>#(\\d+) ");
        await AssertPagesAsync(client, "/fraud-reports?size=25", report, "Páginas de denuncias", Newest(reports));
        await AssertPagesAsync(client, "/fraud-reports?status=Received&country=GT&size=25", report, "Páginas de denuncias",
            Newest(reports.Where(f => f.Status == FraudReportStatus.Received && f.Country == "GT")));

        var dataset = new Regex($"<a href=\"/labour-market/datasets/\\d+\">{mark}-(\\d+).csv</a>");
        await AssertPagesAsync(client, $"/labour-market/datasets?source=paging-{mark}&size=25", dataset, "Páginas de conjuntos de datos", [.. Enumerable.Range(0, 60)]);
    }

    [Fact]
    public async Task Institutions_PagedInTheDatabase_ByKindInDeclaredOrder_FilteredByKindAndCountry()
    {
        var mark = Letters();
        var kinds = new[] { InstitutionKind.LocalGovernment, InstitutionKind.Academia, InstitutionKind.MemberState };
        await using (var db = app.CreateDb())
        {
            for (var n = 0; n < 70; n++)
            {
                db.Institutions.Add(new Institution
                {
                    Code = $"{mark}-{n:00}", Kind = kinds[n % 3], CountryCode = n % 4 == 0 ? "AU" : "NZ",
                    Acronym = new Bilingual($"I{n}", $"I{n}"), Name = new Bilingual($"Institución {mark} {n}", $"Institution {mark} {n}"),
                });
            }

            await db.SaveChangesAsync();
        }

        // Member states first, then academia, then local governments (the kinds' declared order, not their names'), by code within a kind.
        List<int> Ordered(Func<int, bool> match) =>
            Enumerable.Range(0, 70).Where(match).OrderBy(n => Array.IndexOf(Enum.GetValues<InstitutionKind>(), kinds[n % 3])).ThenBy(n => n).ToList();
        var client = app.ClientIn("es");
        var row = new Regex($"<tr data-code=\"{mark}-(\\d+)\">");
        await AssertPagesAsync(client, "/institutions?country=NZ&size=25", row, "Páginas de instituciones", Ordered(n => n % 4 != 0));
        await AssertPagesAsync(client, "/institutions?kind=local-government&country=NZ&size=25", row, "Páginas de instituciones", Ordered(n => n % 4 != 0 && n % 3 == 0));
        await AssertPagesAsync(client, "/institutions?kind=academia&country=AU&size=25", row, "Páginas de instituciones", Ordered(n => n % 4 == 0 && n % 3 == 1));

        // A heading counts every institution of its kind that matches, not only those on the page (17 member states, then 8 of the 17 academia).
        var first = await client.GetStringAsync("/institutions?country=NZ&size=25");
        Assert.Equal(8, Regex.Matches(first, "<tr data-code=\"[a-z]+-(\\d+)\">").Count(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) % 3 == 1));
        Assert.Contains(">Academia <span class=\"count\">17</span>", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DueShares_LateAndSoon_EachPagedInTheDatabase()
    {
        var mark = Letters();
        var today = DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var ends = new Dictionary<int, DateOnly>();
        await using (var db = app.CreateDb())
        {
            db.ShowsUnpublished = true;
            var action = await db.PlanElements.Where(e => e.IsActionable).Select(e => e.Id).FirstAsync();
            for (var n = 0; n < 130; n++)
            {
                // Even: late (ended before today); odd: due within 30 days (some on the same day: the code decides); every fifth cancelled.
                ends[n] = n % 2 == 0 ? today.AddDays(-3 - n) : today.AddDays(n % 31);
                db.Activities.Add(new Activity
                {
                    ActionId = action, Code = $"D{mark}-{n}", Title = new Bilingual($"Vence {n}", $"Due {n}"), EndDate = ends[n],
                    Status = n % 5 == 0 ? ActivityStatus.Cancelled : ActivityStatus.Planned, StatusReason = n % 5 == 0 ? "Sin fondos" : null,
                    Countries = [new() { CountryCode = "NZ" }],
                });
            }

            await db.SaveChangesAsync();
        }

        List<int> Expected(bool late) => [.. ends.Keys.Where(n => n % 5 != 0 && n % 2 == (late ? 0 : 1)).OrderBy(n => ends[n]).ThenBy(n => n)];
        var client = await app.ClientInAsync("es", "secretariat");
        var whole = await client.GetStringAsync("/monitoring/due?country=NZ&size=200");
        var soon = Regex.Matches(whole, $"<tr>\\s*<td>[^<]*</td>\\s*<td>D{mark}-(\\d+)</td>\\s*<td>.*?</td>\\s*<td class=\"when\">([^<]*)<").Select(m => $"{m.Groups[1].Value} {m.Groups[2].Value}").ToList();
        Assert.True(soon.Count == Expected(late: false).Count, $"today {today:yyyy-MM-dd}: " + string.Join(", ", soon.Where(r => !Expected(late: false).Contains(int.Parse(r.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)))));
        // The pagers' totals are every open share of the country in each window, counted here from the tables (on SQLite one
        // run in three counted a share more than this test made: the total is checked against the database, the rows against this test's).
        async Task<int> OpenSharesAsync(DateOnly? from, DateOnly until)
        {
            await using var db = app.CreateDb();
            db.ShowsUnpublished = true;
            return await db.ActivityCountries.Where(c => c.CountryCode == "NZ" && c.Status != ActivityStatus.Done && c.Status != ActivityStatus.Cancelled)
                .Join(db.Activities.Where(a => a.Status != ActivityStatus.Done && a.Status != ActivityStatus.Cancelled), c => c.ActivityId, a => a.Id, (c, a) => c.EndDate ?? a.EndDate)
                .CountAsync(end => end != null && end < until && (from == null || end >= from));
        }

        await AssertPagesAsync(client, "/monitoring/due?country=NZ&size=25", new Regex($"<tr class=\"late\">\\s*<td>[^<]*</td>\\s*<td>D{mark}-(\\d+)</td>"),
            "Páginas de partes atrasadas", Expected(late: true), await OpenSharesAsync(null, today));
        await AssertPagesAsync(client, "/monitoring/due?country=NZ&size=25", new Regex($"<tr>\\s*<td>[^<]*</td>\\s*<td>D{mark}-(\\d+)</td>"),
            "Páginas de partes que vencen en 30 días", Expected(late: false), await OpenSharesAsync(today, today.AddDays(31)));
    }

    [Fact]
    public async Task Activities_SortedNaturallyByTheDatabase_AndPaged()
    {
        string[] named = ["A1001", "1.10.1", "A10", "A2", "A101", "1.2.10", "A1", "a3", "1.2.9"];
        var codes = named.Concat(Enumerable.Range(1, 40).Select(n => $"B{n * 7 % 41}")).ToList();
        var ids = new Dictionary<int, string>();
        await using (var db = app.CreateDb())
        {
            db.ShowsUnpublished = true;
            var action = await db.PlanElements.Where(e => e.IsActionable).Select(e => e.Id).FirstAsync();
            var activities = codes.Select(code => new Activity { ActionId = action, Code = code, Title = new Bilingual(code, code), Countries = [new() { CountryCode = "AU" }] }).ToList();
            db.Activities.AddRange(activities);
            await db.SaveChangesAsync();
            ids = activities.ToDictionary(a => a.Id, a => a.Code);
        }

        var expected = ids.OrderBy(a => a.Value, Movilidad.Web.Infrastructure.Pages.NaturalOrder.Instance).Select(a => a.Key).ToList();
        Assert.Equal(["1.2.9", "1.2.10", "1.10.1", "A1", "A2", "a3", "A10", "A101", "A1001", "B1", "B2"], expected.Take(11).Select(id => ids[id]));
        var client = await app.ClientInAsync("es", "secretariat");
        await AssertPagesAsync(client, "/monitoring/activities?country=AU&size=25", new Regex("<td class=\"stack-title\"><a href=\"/monitoring/activities/(\\d+)\">"),
            "Páginas de la lista", expected);
    }

    [Fact]
    public async Task Apis_PledgesPracticesAndDatasets_PagedWithTotalStartSize_AndAHugeStartClamps()
    {
        var mark = Letters();
        await using (var db = app.CreateDb())
        {
            var state = await db.Institutions.Where(i => i.Kind == InstitutionKind.MemberState).Select(i => i.Id).FirstAsync();
            for (var n = 0; n < 60; n++)
            {
                var pledge = new Pledge { Title = new Bilingual($"Compromiso {mark}", $"Pledge {mark}"), IsPublished = true, CreatedAt = DateTime.UtcNow };
                pledge.Pledgers.Add(new PledgePledger { InstitutionId = state });
                pledge.GcmObjectives.Add(new PledgeGcmObjective { Objective = 21 });
                db.Pledges.Add(pledge);
                var practice = new Practice
                {
                    Title = new Bilingual($"Práctica {mark}", $"Practice {mark}"), Summary = new Bilingual("Resumen", "Summary"), Body = new Bilingual("Texto", "Text"),
                    InstitutionId = state, Status = PracticeStatus.Published, SubmittedAt = DateTime.UtcNow, PublishedAt = DateTime.UtcNow.AddMinutes(-n),
                };
                practice.Countries.Add(new PracticeCountry { CountryCode = "AU" });
                db.Practices.Add(practice);
                db.LabourDatasets.Add(new LabourDataset
                {
                    Source = $"api-{mark}", FileName = $"{mark}-{n:00}.csv", Sha256 = $"api{mark}{n:00}", Format = "csv", DescriptionEs = "Prueba", DescriptionEn = "Test",
                    ImportedAt = DateTime.UtcNow.AddMinutes(-n), ImportedBy = "test", ReportJson = new LabourReport([], [], 0, [], [], false, 0).ToJson(),
                });
            }

            await db.SaveChangesAsync();
        }

        var client = app.ClientIn("en");
        foreach (var list in new[] { "/api/pledges?gcm=21", "/api/practices?country=AU", $"/api/labour-market/datasets?source=api-{mark}" })
        {
            var seen = new List<int>();
            int total = 0, start = 0;
            do
            {
                var page = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"{list}&size=25&start={start}");
                total = page.GetProperty("total").GetInt32();
                Assert.Equal((start, 25), (page.GetProperty("start").GetInt32(), page.GetProperty("size").GetInt32()));
                seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
                start += 25;
            }
            while (start < total);

            Assert.True(total >= 60, $"{list}: {total}");
            Assert.Equal(total, seen.Count);
            Assert.Equal(total, seen.Distinct().Count());

            // Past the end, and as far as an int goes: the last page, never a negative OFFSET; a size not offered falls back to 50.
            foreach (var huge in new[] { "1000000", "2147483647" })
            {
                var last = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"{list}&size=25&start={huge}");
                Assert.Equal((total - 1) / 25 * 25, last.GetProperty("start").GetInt32());
                Assert.Equal(total - ((total - 1) / 25 * 25), last.GetProperty("items").GetArrayLength());
            }

            var odd = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"{list}&size=7&start=-5");
            Assert.Equal((0, Movilidad.Web.Infrastructure.Pages.Paging.DefaultSize), (odd.GetProperty("start").GetInt32(), odd.GetProperty("size").GetInt32()));
        }

        var refused = await client.GetAsync("/api/pledges?status=someday");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("status", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Walks a list from its first page through the pager's "next" links: the rows (the first group of <paramref name="row"/>, as a number)
    /// are the expected ones in order, no page holds more than its size, and every page's range counts them all.
    /// </summary>
    private static async Task AssertPagesAsync(HttpClient client, string first, Regex row, string pagerLabel, List<int> expected, int? total = null)
    {
        var seen = new List<int>();
        var pages = 0;
        for (string? address = first; address is not null; pages++)
        {
            var response = await client.GetAsync(address);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{address}: {response.StatusCode}");
            var html = await response.Content.ReadAsStringAsync();
            var rows = row.Matches(html).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.True(rows.Count <= 25, $"{address}: {rows.Count} rows");
            seen.AddRange(rows);
            var pager = new Regex($"<nav class=\"pager\" aria-label=\"{Regex.Escape(pagerLabel)}\">(.*?)</nav>", RegexOptions.Singleline).Match(html);
            if (expected.Count == 0)
            {
                break;
            }

            Assert.True(pager.Success, $"{address}: no pager");
            var shown = Shown().Match(pager.Value);
            Assert.True(shown.Success && int.Parse(shown.Groups[3].Value.Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) == (total ?? expected.Count),
                $"{address}: {shown.Value}, {total ?? expected.Count} expected");
            var next = Regex.Match(pager.Groups[1].Value, "rel=\"next\" href=\"([^\"]+)\"");
            address = next.Success ? WebUtility.HtmlDecode(next.Groups[1].Value) : null;
            Assert.True(pages < 10, $"{first}: more than 10 pages");
        }

        Assert.Equal(expected, seen);
        Assert.True(expected.Count <= 25 || pages > 1, $"{first}: {expected.Count} rows on {pages} page(s)");
    }

    /// <summary>A mark of letters only, so a name search finds this test's rows and nothing else.</summary>
    private static string Letters() => string.Concat(Guid.NewGuid().ToString("N").Take(10).Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))));

    [GeneratedRegex("<td class=\"stack-title\"><a href=\"/pledges/(\\d+)\">")]
    private static partial Regex PledgeRow();

    [GeneratedRegex("<h2><a href=\"/practices/(\\d+)\">")]
    private static partial Regex PublishedPractice();

    [GeneratedRegex("<td><a href=\"/practices/(\\d+)\">")]
    private static partial Regex PipelinePractice();
}
