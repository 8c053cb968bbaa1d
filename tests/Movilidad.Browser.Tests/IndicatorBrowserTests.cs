using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Movilidad.Platform.Indicators;
using Movilidad.Web.Tests.Features.Indicators;

namespace Movilidad.Browser.Tests;

/// <summary>A focal point types their country's indicator values in the grid; the dashboard draws the approved ones. Checked with axe-core.</summary>
public abstract class IndicatorBrowserTests(BrowserHost host)
{
    private static async Task AssertAccessible(IPage page)
    {
        var violations = await BrowserHost.SeriousAccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{page.Url}:\n" + string.Join('\n', violations));
    }

    private Task<IPage> SignedInAsync(string language, params string[] grants) => host.SignedInAsync(language, grants);

    /// <summary>Approved reports of five countries over five semesters, and targets for the plan's end, as the Secretariat would have them.</summary>
    private async Task SeedAsync()
    {
        var people = await host.App.PeopleIndicatorAsync();
        await using var db = host.App.CreateDb();
        if (await db.IndicatorReports.AnyAsync(r => r.CountryCode == "CR"))
        {
            return;
        }

        var indicators = await db.Indicators.Where(i => i.Plan!.Key == IndicatorBuilders.Plan && i.Source == IndicatorSource.Reported).ToListAsync();
        var periods = await db.ReportingPeriods.Where(p => p.Plan!.Key == IndicatorBuilders.Plan).OrderBy(p => p.Start).Take(5).ToListAsync();
        var countries = new[] { "CR", "SV", "HN", "MX", "PA" };
        foreach (var indicator in indicators)
        {
            indicator.Targets.AddRange(countries.Select((c, i) => new IndicatorTarget { CountryCode = c, PeriodCode = "2026-S2", Value = indicator.Id == people ? 400 : 6 + i }));
        }

        for (var p = 0; p < periods.Count; p++)
        {
            for (var c = 0; c < countries.Length; c++)
            {
                var report = new IndicatorReport { PeriodId = periods[p].Id, CountryCode = countries[c], Status = ReportStatus.Approved, UpdatedAt = DateTime.UtcNow, Version = 3 };
                foreach (var indicator in indicators)
                {
                    var value = indicator.Id == people ? 20 + (p * 9) + (c * 4) : indicator.TargetType == TargetType.Cumulative ? p + (c % 3) : (p + c) % 3;
                    report.Values.Add(indicator.Id == people
                        ? new IndicatorValue { IndicatorId = indicator.Id, Total = value, Women = value / 2, Men = value - (value / 2) - 1, Other = 1, NotReported = 0 }
                        : new IndicatorValue { IndicatorId = indicator.Id, Total = value });
                }

                db.IndicatorReports.Add(report);
            }
        }

        await db.SaveChangesAsync();

        // Written around the report workflow, so the totals the dashboard reads are kept here as the workflow would.
        foreach (var period in periods)
        {
            foreach (var country in countries)
            {
                await IndicatorTotals.RefreshAsync(db, period.PlanId, period.Id, country, CancellationToken.None);
            }
        }
    }

    [Fact]
    public async Task FocalPoint_TypesValuesWithAnErrorThenSubmits_AndTheDashboardDrawsTheApprovedOnes()
    {
        await SeedAsync();
        var page = await SignedInAsync("es", "focal-point:GT");
        await page.GotoAsync("/monitoring/due");
        Assert.Contains("Indicadores por reportar", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("[data-testid=due-reports] a").First.ClickAsync();
        await page.ReachedAsync(new System.Text.RegularExpressions.Regex("/indicators/reports/pe-crm-2023-2026/2023-S1/GT$"));

        var grid = page.GetByTestId("value-grid");
        await grid.GetByLabel("R1 · Total · Total", new() { Exact = true }).FillAsync("2");
        await grid.GetByLabel("T1 · Total · Total", new() { Exact = true }).FillAsync("30");
        await grid.GetByLabel("T1 · Total · Mujeres", new() { Exact = true }).FillAsync("20");
        await grid.GetByLabel("T1 · Total · Hombres", new() { Exact = true }).FillAsync("15");
        await grid.GetByLabel("T1 · 18 a 29 años · Total", new() { Exact = true }).FillAsync("12,0");
        await page.GetByTestId("save").ClickAsync();
        Assert.Contains("suman 35, más que el total 30", await page.GetByTestId("errors").InnerTextAsync(), StringComparison.Ordinal);
        await host.ScreenshotAsync(page, "indicator-values-error");
        await AssertAccessible(page);

        await grid.GetByLabel("T1 · Total · Hombres", new() { Exact = true }).FillAsync("9");
        foreach (var code in new[] { "R2", "P1", "P2", "I1", "I2", "I3" })
        {
            await grid.GetByLabel($"{code} · Total · Total", new() { Exact = true }).FillAsync("1");
        }

        await page.GetByTestId("submit").ClickAsync();
        await page.ReachedAsync(new System.Text.RegularExpressions.Regex("/indicators/reports/pe-crm-2023-2026/2023-S1/GT$"));
        Assert.Equal("enviado", await page.GetByTestId("report-status").InnerTextAsync());
        await host.ScreenshotAsync(page, "indicator-values-submitted");
        await AssertAccessible(page);

        await page.GotoAsync("/indicators/reports");
        await host.ScreenshotAsync(page, "indicator-reports");
        await AssertAccessible(page);

        var reader = await SignedInAsync("en", "observer");
        var people = await host.App.IndicatorIdAsync(IndicatorBuilders.PeopleKey);
        await reader.GotoAsync($"/indicators?indicator={people}");
        var dashboard = await reader.Locator("main").InnerTextAsync();
        Assert.Contains("Progress per country", dashboard, StringComparison.Ordinal);

        // T1's actual: the approved values of five countries over five semesters (1,150) and Guatemala's 30 just submitted.
        Assert.Contains("1,180", dashboard, StringComparison.Ordinal);
        Assert.True(await reader.Locator("svg.progress-chart").CountAsync() >= 2);
        Assert.Equal(1, await reader.Locator("svg.trend-chart").CountAsync());
        await host.ScreenshotAsync(reader, "indicator-dashboard");
        await AssertAccessible(reader);
        Assert.Empty(host.PageErrors);
    }

    [Fact]
    public async Task Secretariat_EditsTargetsWithAnErrorThenSaves_AndTheIndicatorShowsThemBesideTheActuals()
    {
        await SeedAsync();
        var r1 = await host.App.IndicatorIdAsync("ind-r1");
        var page = await SignedInAsync("es", "secretariat");
        await page.GotoAsync("/indicators/reports");
        await page.GetByTestId("indicator-list").GetByRole(AriaRole.Link, new() { Name = "Editar el indicador R1" }).ClickAsync();
        await page.ReachedAsync(new System.Text.RegularExpressions.Regex($"/indicators/edit/{r1}$"));

        var grid = page.GetByTestId("targets-grid");
        await grid.GetByLabel("Meta de MX 2025-S1", new() { Exact = true }).FillAsync("cuatro");
        await grid.GetByLabel("Meta de GT 2025-S2", new() { Exact = true }).FillAsync("2,5");
        await grid.GetByLabel("Meta de la región 2026-S2", new() { Exact = true }).FillAsync("40");
        await page.GetByTestId("save").ClickAsync();
        Assert.Contains("Meta de MX 2025-S1: «cuatro» no es un número.", await page.GetByTestId("errors").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("true", await grid.GetByLabel("Meta de MX 2025-S1", new() { Exact = true }).GetAttributeAsync("aria-invalid"));
        await host.ScreenshotAsync(page, "indicator-edit-error");
        await AssertAccessible(page);

        await grid.GetByLabel("Meta de MX 2025-S1", new() { Exact = true }).FillAsync("4");
        await page.GetByTestId("save").ClickAsync();
        await page.ReachedAsync(new System.Text.RegularExpressions.Regex($"/indicators/{r1}$"));
        var targets = await page.GetByTestId("targets").InnerTextAsync();
        Assert.Contains("Meta: 2,5", targets, StringComparison.Ordinal);
        Assert.Contains("Logrado:", targets, StringComparison.Ordinal);
        await host.ScreenshotAsync(page, "indicator-details");
        await AssertAccessible(page);

        await page.GetByTestId("history-link").ClickAsync();
        Assert.Contains("Versión", await page.GetByTestId("history").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessible(page);
        Assert.Empty(host.PageErrors);
    }
}

public sealed class IndicatorBrowserTestsOnSqlite(SqliteBrowserHost host) : IndicatorBrowserTests(host), IClassFixture<SqliteBrowserHost>;

public sealed class IndicatorBrowserTestsOnPostgres(PostgresBrowserHost host) : IndicatorBrowserTests(host), IClassFixture<PostgresBrowserHost>;
