using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Browser.Tests;

/// <summary>The demand models in a real browser: the library, a model's page with its diagram, a simulation's chart, a Monte Carlo set with its progress across a reload and its bands; axe-checked, screenshots saved.</summary>
public abstract partial class DemandBrowserTests(BrowserHost host)
{
    private static async Task AssertAccessible(IPage page)
    {
        var violations = await BrowserHost.SeriousAccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{page.Url}:\n" + string.Join('\n', violations));
    }

    [Fact]
    public async Task ModelPage_RunAndMonteCarlo_WorkInTheBrowser()
    {
        var person = await host.App.AddPersonAsync($"{Guid.NewGuid():N}@example.org", twoFactor: false, "focal-point:GT");
        var page = await host.NewPageAsync("es");
        await page.GotoAsync("/account/sign-in");
        await page.Locator("#Email").FillAsync(person.Email);
        await page.Locator("#Password").FillAsync(person.Password);
        await Task.WhenAll(page.ReachedAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal)), page.Locator("main button[type=submit]").ClickAsync());

        await page.GotoAsync("/models");
        await Assertions.Expect(page.GetByTestId("models")).ToContainTextAsync("Seasonal agricultural demand");
        await AssertAccessible(page);
        await host.ScreenshotAsync(page, "demand-library");

        // The reference model by its title: other tests of this host add models of their own to the library.
        await page.GetByTestId("models").Locator("a", new LocatorLocatorOptions { HasText = "Seasonal agricultural demand" }).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("diagram").Locator("svg rect")).ToHaveCountAsync(7);
        await Assertions.Expect(page.GetByTestId("variables")).ToContainTextAsync("domestic seasonal workforce");
        await Assertions.Expect(page.GetByTestId("variables")).ToContainTextAsync("Acervo");
        await AssertAccessible(page);
        await host.ScreenshotAsync(page, "demand-model");
        var modelUrl = page.Url;

        await page.Locator("#run-scenario").SelectOptionAsync(new SelectOptionValue { Label = "Faster mechanisation" });
        await Task.WhenAll(page.ReachedAsync(RunPage()), page.GetByTestId("run").Locator("button").ClickAsync());
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("terminada");
        await Assertions.Expect(page.GetByTestId("chart").Locator("polyline")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("series-table").Locator("tbody tr")).ToHaveCountAsync(81);
        await AssertAccessible(page);
        await host.ScreenshotAsync(page, "demand-run");

        // Too many runs: refused on the page with the limit in the page's language and format, not a server error.
        await page.GotoAsync(modelUrl);
        await page.Locator("#mc-runs").FillAsync("10000000");
        await page.Locator("#mc-name-0").SelectOptionAsync("domestic tenure");
        await page.Locator("#mc-dist-0").FillAsync("uniform(6,10)");
        await page.GetByTestId("sensitivity").Locator("button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("errors")).ToContainTextAsync("de 1 a 100.000 corridas");
        await AssertAccessible(page);

        await page.Locator("#mc-runs").FillAsync("300");
        await Task.WhenAll(page.ReachedAsync(RunPage()), page.GetByTestId("sensitivity").Locator("button").ClickAsync());
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("terminada", new() { Timeout = 120_000 });
        await Assertions.Expect(page.GetByTestId("chart").Locator("path.band")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("correlations")).ToContainTextAsync("domestic tenure");
        await AssertAccessible(page);
        await host.ScreenshotAsync(page, "demand-monte-carlo");
        Assert.Empty(host.PageErrors);
    }

    [Fact]
    public async Task BindingForm_AndCalibration_WorkInTheBrowser()
    {
        await using (var db = host.App.CreateDb())
        {
            await Movilidad.Web.Tests.Features.Demand.DemandTestData.ImportIlostatAsync(db);
        }

        var person = await host.App.AddPersonAsync($"{Guid.NewGuid():N}@example.org", twoFactor: false, "focal-point:GT");
        var page = await host.NewPageAsync("es");
        await page.GotoAsync("/account/sign-in");
        await page.Locator("#Email").FillAsync(person.Email);
        await page.Locator("#Password").FillAsync(person.Password);
        await Task.WhenAll(page.ReachedAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal)), page.Locator("main button[type=submit]").ClickAsync());

        // A model of Guatemala, added as the API adds it.
        string slug;
        await using (var db = host.App.CreateDb())
        {
            var upload = new Movilidad.Web.Features.Demand.ModelUpload(new Platform.Demand.UploadedFile("growth.mdl", System.Text.Encoding.UTF8.GetBytes(Movilidad.Web.Tests.Features.Demand.DemandCalibrationTests.GrowthModel)),
                [], "Empleo " + Guid.NewGuid().ToString("N")[..6], "GT", null);
            var created = await Movilidad.Web.Features.Demand.DemandEditing.CreateAsync(db, upload, new Movilidad.Web.Infrastructure.Localization.TextLocalizer(), Platform.Audit.AuditActor.CommandLine(), TimeProvider.System, CancellationToken.None);
            slug = Assert.IsType<Platform.Writes.WriteOutcome<Movilidad.Web.Features.Demand.ModelView>.Saved>(created).Value.Slug;
        }

        await page.GotoAsync("/models/" + slug);
        var modelUrl = page.Url;

        // The binding form: a measure the records lack is refused naming the field; the preview shows the aligned series; then it binds.
        var binding = page.GetByTestId("binding-form");
        await page.Locator("#bind-variable").SelectOptionAsync("reference employment");
        await page.Locator("#bind-measure").FillAsync("no-such-measure");
        await page.Locator("#bind-area").FillAsync("GT");
        await page.Locator("#bind-occupation").FillAsync("7");
        await page.Locator("#bind-alignment").SelectOptionAsync("calendar-year");
        await binding.GetByTestId("preview-binding").ClickAsync();
        await Assertions.Expect(page.GetByTestId("errors")).ToContainTextAsync("Medida");
        await Assertions.Expect(page.Locator("#bind-measure")).ToHaveValueAsync("no-such-measure");
        await page.Locator("#bind-measure").FillAsync("employment");
        await page.GetByTestId("binding-form").GetByTestId("preview-binding").ClickAsync();
        await Assertions.Expect(page.GetByTestId("binding-preview").Locator("tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByTestId("binding-preview")).ToContainTextAsync("2019,5");
        await AssertAccessible(page);
        await host.ScreenshotAsync(page, "demand-binding-preview");
        await page.GetByTestId("binding-form").GetByTestId("bind").ClickAsync();
        await Assertions.Expect(page.GetByTestId("bindings")).ToContainTextAsync("reference employment");
        await Assertions.Expect(page.GetByTestId("bindings")).ToContainTextAsync("3 valores");

        // The calibration form: an empty range is refused naming the constant's field; then it runs in the background.
        await page.Locator("#fit-name-0").SelectOptionAsync("initial employment");
        await page.Locator("#fit-low-0").FillAsync("100");
        await page.Locator("#fit-high-0").FillAsync("50");
        await page.Locator("#fit-name-1").SelectOptionAsync("hiring rate");
        await page.Locator("#fit-low-1").FillAsync("0");
        await page.Locator("#fit-high-1").FillAsync("0,3");
        await page.Locator("#cal-variable").SelectOptionAsync("employment");
        await page.Locator("#cal-measure").FillAsync("employment");
        await page.Locator("#cal-area").FillAsync("GT");
        await page.Locator("#cal-occupation").FillAsync("7");
        await page.Locator("#cal-alignment").SelectOptionAsync("calendar-year");
        await page.Locator("#cal-scale").FillAsync("0,001");
        await page.Locator("#cal-backtest").FillAsync("2020");
        await page.GetByTestId("calibration").Locator("button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("errors")).ToContainTextAsync("[0].high");
        await AssertAccessible(page);
        await host.ScreenshotAsync(page, "demand-calibration-form");
        await page.Locator("#fit-high-0").FillAsync("3000");
        await Task.WhenAll(page.ReachedAsync(RunPage()), page.GetByTestId("calibration").Locator("button").ClickAsync());
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("terminada", new() { Timeout = 120_000 });
        await Assertions.Expect(page.GetByTestId("fitted").Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("fit-chart").Locator("circle")).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByTestId("backtest-table").Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("rmse")).Not.ToBeEmptyAsync();
        await AssertAccessible(page);
        await host.ScreenshotAsync(page, "demand-calibration");

        // The fit saved as a scenario of the model.
        await Task.WhenAll(page.ReachedAsync(url => url.StartsWith(modelUrl, StringComparison.Ordinal)), page.GetByTestId("save-scenario").Locator("button").ClickAsync());
        await Assertions.Expect(page.GetByTestId("scenarios")).ToContainTextAsync("Calibrado (corrida");
        Assert.Empty(host.PageErrors);
    }

    [GeneratedRegex("/models/runs/[0-9]+$")]
    private static partial Regex RunPage();
}

public sealed class DemandBrowserTestsOnSqlite(SqliteBrowserHost host) : DemandBrowserTests(host), IClassFixture<SqliteBrowserHost>;

public sealed class DemandBrowserTestsOnPostgres(PostgresBrowserHost host) : DemandBrowserTests(host), IClassFixture<PostgresBrowserHost>;
