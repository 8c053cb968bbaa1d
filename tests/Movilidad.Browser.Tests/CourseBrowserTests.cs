using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Movilidad.Browser.Tests;

/// <summary>The training catalogue in a real browser at 1366 and 390 px, in Spanish and English: the list and its filters, the calendar (a grid on a laptop, a list by date on a phone), a course page, and "I am interested" with the count the Secretariat sees; axe-checked, screenshots saved.</summary>
public abstract partial class CourseBrowserTests(BrowserHost host)
{
    private static readonly (int Width, int Height)[] Sizes = [(1366, 900), (390, 844)];

    [Fact]
    public async Task ListFiltersCalendarAndCoursePage_OnLaptopAndPhone_InBothLanguages()
    {
        foreach (var (language, month, filtered) in new[] { ("es", "Octubre de 2025", "Turín"), ("en", "October 2025", "Turin") })
        {
            var page = await host.NewPageAsync(language);
            foreach (var (width, height) in Sizes)
            {
                await page.SetViewportSizeAsync(width, height);
                var where = $"{language}-{width}";
                await page.GotoAsync("/courses");
                await page.Locator("select[name=modality]").SelectOptionAsync("in-person");
                await page.Locator("select[name=topic]").SelectOptionAsync("social-protection");
                await Task.WhenAll(page.ReachedAsync(url => url.Contains("modality=in-person", StringComparison.Ordinal)), page.Locator("form.activity-filters button[type=submit]").ClickAsync());
                Assert.Contains(filtered, await page.GetByTestId("courses").InnerTextAsync(), StringComparison.Ordinal);
                await AssertFitsAsync(page);
                await host.ScreenshotAsync(page, $"courses-list-{where}");
                await BrowserHost.AssertAccessibleAsync(page);

                await page.GotoAsync("/courses/calendar?month=2025-10");
                await Assertions.Expect(page.GetByTestId("month")).ToHaveTextAsync(month);
                var grid = page.GetByTestId("calendar-grid");
                var agenda = page.GetByTestId("agenda");
                if (width > 640)
                {
                    await Assertions.Expect(grid).ToBeVisibleAsync();
                    await Assertions.Expect(agenda).ToBeHiddenAsync();
                }
                else
                {
                    await Assertions.Expect(grid).ToBeHiddenAsync();
                    await Assertions.Expect(agenda).ToBeVisibleAsync();
                }

                await Assertions.Expect(page.GetByTestId("undated")).ToBeVisibleAsync();
                await AssertFitsAsync(page);
                await host.ScreenshotAsync(page, $"courses-calendar-{where}");
                await BrowserHost.AssertAccessibleAsync(page);

                // Keyboard: the next month is a link reached by Tab and followed by Enter.
                await page.GetByTestId("next-month").FocusAsync();
                await Task.WhenAll(page.ReachedAsync(url => url.Contains("month=2025-11", StringComparison.Ordinal)), page.Keyboard.PressAsync("Enter"));
                await Assertions.Expect(page.GetByTestId("ongoing")).ToBeVisibleAsync();

                await page.GotoAsync("/courses/calendar?month=2025-10");
                var course = (width > 640 ? grid : agenda).GetByRole(AriaRole.Link).First;
                await Task.WhenAll(page.ReachedAsync(CoursePage()), course.ClickAsync());
                await Assertions.Expect(page.GetByTestId("interest")).ToBeVisibleAsync();
                await AssertFitsAsync(page);
                await host.ScreenshotAsync(page, $"courses-course-{where}");
                await BrowserHost.AssertAccessibleAsync(page);
            }

            await page.Context.CloseAsync();
        }

        Assert.Empty(host.PageErrors);
    }

    [Fact]
    public async Task ASignedInPersonSaysTheyAreInterested_AndTheSecretariatSeesTheCount()
    {
        var reader = await host.SignedInAsync("es", "civil-society");
        await reader.GotoAsync("/courses/calendar?month=2025-10");
        await Task.WhenAll(reader.ReachedAsync(CoursePage()), reader.GetByTestId("calendar-grid").GetByRole(AriaRole.Link).First.ClickAsync());
        var address = reader.Url;
        await Task.WhenAll(reader.ReachedAsync(CoursePage()), reader.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Me interesa" }).ClickAsync());
        await Assertions.Expect(reader.GetByTestId("interested")).ToBeVisibleAsync();
        await Assertions.Expect(reader.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Ya no me interesa" })).ToBeVisibleAsync();
        await host.ScreenshotAsync(reader, "courses-interested");
        await BrowserHost.AssertAccessibleAsync(reader);

        var secretariat = await host.SignedInAsync("en", "secretariat");
        await secretariat.SetViewportSizeAsync(390, 844);
        await secretariat.GotoAsync(address);
        await Assertions.Expect(secretariat.GetByTestId("interest-count")).ToHaveTextAsync(new Regex("People interested: [1-9]"));
        await Assertions.Expect(secretariat.GetByTestId("interested-people")).ToBeVisibleAsync();
        await AssertFitsAsync(secretariat);
        await host.ScreenshotAsync(secretariat, "courses-interest-count-phone");
        await BrowserHost.AssertAccessibleAsync(secretariat);
        Assert.Empty(host.PageErrors);
    }

    private static async Task AssertFitsAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), $"{page.Url} scrolls sideways");

    [GeneratedRegex("/courses/[0-9]+(#interest)?$")]
    private static partial Regex CoursePage();
}

public sealed class CourseBrowserTestsOnSqlite(SqliteBrowserHost host) : CourseBrowserTests(host), IClassFixture<SqliteBrowserHost>;

public sealed class CourseBrowserTestsOnPostgres(PostgresBrowserHost host) : CourseBrowserTests(host), IClassFixture<PostgresBrowserHost>;
