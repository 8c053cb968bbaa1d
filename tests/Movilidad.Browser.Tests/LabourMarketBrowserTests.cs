using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Writes;
using Movilidad.Platform.LabourMarket;
using Movilidad.Web.Tests.Features.LabourMarket;

namespace Movilidad.Browser.Tests;

/// <summary>The labour-market explorer, an occupation page and the dataset pages over a real imported file, for the public, checked with axe-core.</summary>
public abstract class LabourMarketBrowserTests(BrowserHost host)
{
    [Fact]
    public async Task ExplorerOccupationAndDatasetPages_ShowTheImportedFileAndAreAccessible()
    {
        LabourDatasetSummary dataset;
        await using (var scope = host.App.Services.CreateAsyncScope())
        await using (var stream = File.OpenRead(RecordFiles.PathOf(RecordFiles.NegativeLmia)))
        {
            var outcome = await LabourImport.ImportAsync(scope.ServiceProvider.GetRequiredService<MovilidadDb>(), new LabourImportRequest(stream, Path.GetFileName(RecordFiles.NegativeLmia)),
                _ => true, AuditActor.CommandLine(), TimeProvider.System, "es", null, CancellationToken.None);
            dataset = Assert.IsType<WriteOutcome<LabourDatasetSummary>.Saved>(outcome).Value;
        }

        var page = await host.NewPageAsync("es");
        await page.GotoAsync($"/labour-market?dataset={dataset.Id}&level=1");
        await Assertions.Expect(page.Locator("[data-testid=top-occupations] svg")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Explorador del mercado laboral");
        await Assertions.Expect(page.Locator("a", new() { HasTextString = "XLSX" })).ToBeVisibleAsync();
        await host.ScreenshotAsync(page, "labour-market-explorer");
        await BrowserHost.AssertAccessibleAsync(page);

        await page.Locator("[data-testid=top-occupations] ~ table a").First.ClickAsync();
        await page.ReachedAsync(url => url.Contains("/labour-market/occupations/", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("[data-testid=by-country]")).ToBeVisibleAsync();
        await host.ScreenshotAsync(page, "labour-market-occupation");
        await BrowserHost.AssertAccessibleAsync(page);

        await page.GotoAsync("/labour-market/datasets");
        await Assertions.Expect(page.Locator($"a[href='/labour-market/datasets/{dataset.Id}']")).ToBeVisibleAsync();
        await host.ScreenshotAsync(page, "labour-market-datasets");
        await BrowserHost.AssertAccessibleAsync(page);

        await page.GotoAsync($"/labour-market/datasets/{dataset.Id}");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(dataset.Sha256);
        await host.ScreenshotAsync(page, "labour-market-dataset");
        await BrowserHost.AssertAccessibleAsync(page);
        Assert.Empty(host.PageErrors);
    }

    /// <summary>
    /// A ministry's table of job placements (semicolon-separated, Spanish headers no publication uses), thousands of rows so
    /// that the import shows its progress; <paramref name="bad"/> puts a word in the count of the third data row.
    /// </summary>
    private static byte[] Placements(int year, bool bad)
    {
        var text = new System.Text.StringBuilder($"Año;Departamento;Código CIUO;Colocados {year}\n");
        string[] codes = ["9211", "6111", "7112", "8322"];
        string[] departments = ["Cortés", "Atlántida"];
        for (var i = 0; i < 6_000; i++)
        {
            var count = bad && i == 2 ? "muchos" : (1 + (i % 9)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{year};{departments[i % 2]};{codes[i % 4]};{count}\n");
        }

        return System.Text.Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Uploads the file on the import page and corrects the mapping the page proposes: the codes are ISCO-08, the country Honduras for every row, the count workers placed (certified).</summary>
    private static async Task UploadAndMapAsync(IPage page, string path, int year)
    {
        await page.GotoAsync("/labour-market/import");
        await page.Locator("#file").SetInputFilesAsync(path);
        await page.Locator("[data-testid=upload] button[type=submit]").ClickAsync();
        await page.GetByTestId("mapping").WaitForAsync();
        await page.Locator("#map-occupation").SelectOptionAsync("Código CIUO");
        await page.Locator("#map-classification-fixed").FillAsync("isco08");
        await page.Locator("#map-country-fixed").FillAsync("HN");
        await page.Locator("#map-subdivision").SelectOptionAsync("Departamento");
        await page.Locator("#map-period").SelectOptionAsync("Año");
        await page.Locator("#map-measure-workers-certified").SelectOptionAsync($"Colocados {year}");
        await page.GetByTestId("preview-button").ClickAsync();
        await page.GetByTestId("preview").WaitForAsync();
    }

    [Theory]
    [InlineData("es")]
    [InlineData("en")]
    public async Task ImportPage_MinistryTable_MappedCorrectedPreviewedAndImportedWithProgress_ThenInTheExplorer(string language)
    {
        var year = (language == "es" ? 2018 : 2017) - (host.Provider == DatabaseProvider.Sqlite ? 0 : 10);
        var folder = Directory.CreateTempSubdirectory("labour-import").FullName;
        var page = await host.SignedInAsync(language, "secretariat");
        var shot = $"labour-import-{language}";

        // The first file has a word in a count: the preview names the row and the column.
        var wrong = Path.Combine(folder, "colocaciones.csv");
        await File.WriteAllBytesAsync(wrong, Placements(year, bad: true));
        await UploadAndMapAsync(page, wrong, year);
        await Assertions.Expect(page.GetByTestId("detected")).ToContainTextAsync(language == "es" ? "Ninguna: se lee como tabla de series" : "None: it is read as a series table");
        var issues = page.GetByTestId("issues");
        await Assertions.Expect(issues).ToContainTextAsync(language == "es" ? "Fila 4, «Colocados" : "Row 4, 'Colocados");
        await Assertions.Expect(issues).ToContainTextAsync(language == "es" ? "«muchos» no es un número" : "'muchos' is not a number");
        await host.ScreenshotAsync(page, $"{shot}-preview-error");
        await BrowserHost.AssertAccessibleAsync(page);

        // Corrected at the ministry and uploaded again: the preview has no problem left; imported, its progress shown to the end.
        var right = Path.Combine(folder, "colocaciones-corregido.csv");
        await File.WriteAllBytesAsync(right, Placements(year, bad: false));
        await UploadAndMapAsync(page, right, year);
        await Assertions.Expect(page.GetByTestId("issues")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("preview").Locator("tbody tr").First).ToContainTextAsync("HN-CR");
        await host.ScreenshotAsync(page, $"{shot}-preview");
        await page.GetByTestId("start").ClickAsync();
        await page.ReachedAsync(new System.Text.RegularExpressions.Regex(@"/labour-market/import/\d+$"));
        await Assertions.Expect(page.GetByTestId("status")).ToHaveAttributeAsync("data-status", new System.Text.RegularExpressions.Regex("^(queued|running|done)$"));
        if (await page.GetByTestId("progress").IsVisibleAsync())
        {
            await host.ScreenshotAsync(page, $"{shot}-progress");
        }

        await page.GetByTestId("done").WaitForAsync(new LocatorWaitForOptions { Timeout = 180_000 });
        await Assertions.Expect(page.GetByTestId("status")).ToHaveAttributeAsync("data-status", "done");
        await host.ScreenshotAsync(page, $"{shot}-done");
        await BrowserHost.AssertAccessibleAsync(page);

        // The dataset and its rows, then the explorer over it.
        await page.GetByTestId("done").Locator("a").First.ClickAsync();
        await page.ReachedAsync(new System.Text.RegularExpressions.Regex(@"/labour-market/datasets/\d+$"));
        var dataset = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("colocaciones-corregido.csv");
        await host.ScreenshotAsync(page, $"{shot}-dataset");
        await page.GotoAsync($"/labour-market?dataset={dataset}&measure=workers-certified&level=1");
        await Assertions.Expect(page.Locator("[data-testid=top-occupations] svg")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await host.ScreenshotAsync(page, $"{shot}-explorer");
        await BrowserHost.AssertAccessibleAsync(page);
        Assert.Empty(host.PageErrors);
        Directory.Delete(folder, true);
    }
}

public sealed class LabourMarketBrowserTestsOnSqlite(SqliteBrowserHost host) : LabourMarketBrowserTests(host), IClassFixture<SqliteBrowserHost>;

public sealed class LabourMarketBrowserTestsOnPostgres(PostgresBrowserHost host) : LabourMarketBrowserTests(host), IClassFixture<PostgresBrowserHost>;
