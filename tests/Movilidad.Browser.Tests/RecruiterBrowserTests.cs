using Microsoft.Playwright;

namespace Movilidad.Browser.Tests;

/// <summary>The worker's check and the fraud form in a real browser, on a phone (390 px) and a desktop, axe-checked, with screenshots.</summary>
public abstract class RecruiterBrowserTests(BrowserHost host)
{
    private static async Task AssertAccessible(IPage page)
    {
        var violations = await BrowserHost.SeriousAccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{page.Url}:\n" + string.Join('\n', violations));
    }

    private static async Task AssertFitsWidth(IPage page, int width)
    {
        var scroll = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scroll <= width, $"{page.Url} is {scroll} px wide on a {width} px screen.");
    }

    [Theory]
    [InlineData(390, 844, "es")]
    [InlineData(1280, 900, "en")]
    public async Task CheckARecruiter_ThenReportAFraud(int width, int height, string language)
    {
        var page = await host.NewPageAsync(language);
        await page.SetViewportSizeAsync(width, height);

        await page.GotoAsync("/recruiters/check");
        await page.Locator("#name").FillAsync("global horizons manpower inc");
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.ReachedAsync(url => url.Contains("name=", StringComparison.Ordinal));
        Assert.Equal("SanctionedBefore", await page.GetByTestId("verdict").GetAttributeAsync("data-verdict"));
        Assert.Contains("2011", await page.GetByTestId("sanctions").InnerTextAsync(), StringComparison.Ordinal);
        await host.ScreenshotAsync(page, $"recruiter-check-debarred-{width}");
        await AssertAccessible(page);
        await AssertFitsWidth(page, width);

        await page.GotoAsync("/recruiters/check?name=" + Uri.EscapeDataString("Agencia Empleos del Sol"));
        Assert.Equal("Unknown", await page.GetByTestId("verdict").GetAttributeAsync("data-verdict"));
        Assert.Contains(language == "es" ? "NO significa que sea legítimo" : "does NOT mean it is legitimate", await page.GetByTestId("verdict").InnerTextAsync(), StringComparison.Ordinal);
        await host.ScreenshotAsync(page, $"recruiter-check-unknown-{width}");
        await AssertAccessible(page);
        await AssertFitsWidth(page, width);

        await page.Locator("a[href^='/fraud-reports/new']").ClickAsync();
        await page.ReachedAsync(url => url.Contains("/fraud-reports/new", StringComparison.Ordinal));
        Assert.Equal("Agencia Empleos del Sol", await page.Locator("#recruiterName").InputValueAsync());
        await page.Locator("#country").SelectOptionAsync("HN");
        await page.Locator("#description").FillAsync("Me pidieron 300 dólares para «apartar» el puesto y no volvieron a contestar.");
        await page.Locator("#contactPhone").FillAsync("+504 9999 0000");
        await host.ScreenshotAsync(page, $"fraud-form-{width}");
        await AssertAccessible(page);
        await AssertFitsWidth(page, width);

        // The form's token is accepted 3 seconds after the form was served: a person takes longer, a bot does not wait.
        await Task.Delay(TimeSpan.FromSeconds(3.2));
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.GetByTestId("received").WaitForAsync();
        Assert.Contains("HN", await page.GetByTestId("received").InnerTextAsync(), StringComparison.Ordinal);
        await host.ScreenshotAsync(page, $"fraud-received-{width}");
        await AssertAccessible(page);
        Assert.Empty(host.PageErrors);
    }

    [Fact]
    public async Task FraudForm_Empty_NamesEveryFieldToFix()
    {
        var page = await host.NewPageAsync("es");
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/fraud-reports/new");
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.GetByTestId("errors").WaitForAsync();
        var errors = await page.GetByTestId("errors").InnerTextAsync();
        Assert.Contains("Elija un país.", errors, StringComparison.Ordinal);
        Assert.Contains("Escriba el nombre de la agencia o persona.", errors, StringComparison.Ordinal);
        Assert.Contains("Cuente qué pasó.", errors, StringComparison.Ordinal);
        await host.ScreenshotAsync(page, "fraud-form-errors-390");
        await AssertAccessible(page);
    }
}

public sealed class RecruiterBrowserTestsOnSqlite(SqliteBrowserHost host) : RecruiterBrowserTests(host), IClassFixture<SqliteBrowserHost>;

public sealed class RecruiterBrowserTestsOnPostgres(PostgresBrowserHost host) : RecruiterBrowserTests(host), IClassFixture<PostgresBrowserHost>;
