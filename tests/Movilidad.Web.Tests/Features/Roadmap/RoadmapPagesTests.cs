using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Monitoring;
using Movilidad.Web.Tests.Features.Monitoring;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Roadmap;

public abstract partial class RoadmapPagesTests(MovilidadApp app)
{
    private async Task<(HttpStatusCode Status, string Html)> Get(string url, string language = "es")
    {
        var response = await app.ClientIn(language).GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The ids of the rows the chart draws (elements and activities), in page order.</summary>
    private static List<string> Rows(string html)
    {
        var chart = html.IndexOf("class=\"table-alt", StringComparison.Ordinal);
        Assert.True(chart > 0, "the page has no chart");
        return RowLink().Matches(html[..chart]).Select(m => m.Groups[1].Value).ToList();
    }

    [Fact]
    public async Task Roadmap_LeavesAPlansNarrativeOut_AndDrawsItsScheduledSteps()
    {
        await using var db = app.CreateDb();
        var elements = await db.PlanElements.Where(e => e.Plan!.Key == "po-prml-2023-2027" && (e.StartDate != null || e.EndDate != null))
            .Select(e => new { e.Id, e.LevelKey }).ToListAsync();
        Assert.Contains(elements, e => e.LevelKey == "background");
        var (status, html) = await Get("/roadmap?plan=po-prml-2023-2027");
        Assert.Equal(HttpStatusCode.OK, status);
        var rows = Rows(html);
        Assert.All(elements.Where(e => e.LevelKey == "background"), e => Assert.DoesNotContain($"/elements/{e.Id}", rows));
        Assert.All(elements.Where(e => e.LevelKey == "next-step"), e => Assert.Contains($"/elements/{e.Id}", rows));
        Assert.DoesNotContain("En la Reunión del Grupo Regional", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Roadmap_SliversGetAMinimumWidthAndALabel()
    {
        var (status, html) = await Get("/roadmap?plan=pe-crm-2023-2026");
        Assert.Equal(HttpStatusCode.OK, status);
        var widths = BarWidth().Matches(html).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(widths);
        Assert.All(widths, w => Assert.True(w >= 6, $"a bar {w} px wide"));
        Assert.Contains("class=\"bar-label\"", html, StringComparison.Ordinal);
        Assert.Contains(">al finalizar el Plan Estratégico (2026)</text>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Roadmap_DrawsActivitiesUnderTheirAction_ByStatus_AndFiltersByGroupCountryAndStatus()
    {
        var action = await app.ActionIdAsync("4.3");
        var group = await app.WorkingGroupIdAsync();
        var ids = new List<int>();
        await using (var db = app.CreateDb())
        {
            Activity New(string code, ActivityStatus status, int? workingGroup, DateOnly? start, DateOnly? end, string country) => new()
            {
                ActionId = action,
                Code = code,
                Title = new($"Actividad {code}", $"Activity {code}"),
                Status = status,
                WorkingGroupId = workingGroup,
                StartDate = start,
                EndDate = end,
                CreatedAt = DateTime.UtcNow,
                Countries = [new() { CountryCode = country, Status = status }],
            };
            var suffix = Guid.NewGuid().ToString("N")[..5];
            var added = new[]
            {
                New($"RM{suffix}-1", ActivityStatus.Done, group, new DateOnly(2024, 2, 1), new DateOnly(2024, 5, 31), "GT"),
                New($"RM{suffix}-2", ActivityStatus.InProgress, null, new DateOnly(2026, 1, 1), new DateOnly(2027, 3, 31), "HN"),
                New($"RM{suffix}-10", ActivityStatus.Planned, null, null, null, "HN"),
            };
            db.Activities.AddRange(added);
            await db.SaveChangesAsync();
            ids.AddRange(added.Select(a => a.Id));
        }

        try
        {
            var (status, html) = await Get("/roadmap?plan=prml-2023-2027", "en");
            Assert.Equal(HttpStatusCode.OK, status);
            var rows = Rows(html);
            var at = rows.IndexOf($"/elements/{action}");
            Assert.True(at >= 0, "the action is drawn");
            Assert.Equal(ids.Select(id => $"/monitoring/activities/{id}"), rows.Skip(at + 1).Take(3));
            Assert.Contains("data-status=\"done\"", html, StringComparison.Ordinal);
            Assert.Contains("class=\"bar status-in-progress\"", html, StringComparison.Ordinal);
            Assert.Contains("class=\"bar span\"", html, StringComparison.Ordinal);
            Assert.Contains(">no dates</text>", html, StringComparison.Ordinal);

            async Task<List<string>> Shown(string query)
            {
                var (code, page) = await Get("/roadmap?plan=prml-2023-2027&" + query);
                Assert.Equal(HttpStatusCode.OK, code);
                return Rows(page).Where(r => ids.Any(id => r == $"/monitoring/activities/{id}")).ToList();
            }

            Assert.Equal([$"/monitoring/activities/{ids[0]}"], await Shown("status=done"));
            Assert.Equal([$"/monitoring/activities/{ids[1]}", $"/monitoring/activities/{ids[2]}"], await Shown("country=HN"));
            Assert.Equal([$"/monitoring/activities/{ids[0]}"], await Shown($"group={group}"));
            Assert.Equal([$"/monitoring/activities/{ids[2]}"], await Shown("country=HN&status=planned"));
            foreach (var bad in new[] { "status=finished", "country=ZZ", "group=999999", "plan=no-such-plan" })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await Get("/roadmap?" + bad)).Status);
            }
        }
        finally
        {
            await using var db = app.CreateDb();
            db.Activities.RemoveRange(await db.Activities.IgnoreQueryFilters().Include(a => a.Countries).Where(a => ids.Contains(a.Id)).ToListAsync());
            await db.SaveChangesAsync();
        }
    }

    [GeneratedRegex("<th scope=\"row\" class=\"rm-label\">\\s*<a href=\"([^\"]+)\"")]
    private static partial Regex RowLink();

    [GeneratedRegex("<rect class=\"bar[^\"]*\" x=\"[^\"]+\" y=\"[^\"]+\" width=\"([0-9.]+)\"")]
    private static partial Regex BarWidth();
}

public sealed class RoadmapPagesTestsOnSqlite(SqliteApp app) : RoadmapPagesTests(app), IClassFixture<SqliteApp>;

public sealed class RoadmapPagesTestsOnPostgres(PostgresApp app) : RoadmapPagesTests(app), IClassFixture<PostgresApp>;
