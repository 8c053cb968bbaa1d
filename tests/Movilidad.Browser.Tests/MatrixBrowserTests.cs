using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Movilidad.Platform.Institutions;
using Movilidad.Platform.Monitoring;
using Movilidad.Web.Tests.Features.Matrix;
using Movilidad.Web.Tests.Features.Monitoring;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Browser.Tests;

/// <summary>A focal point downloads the follow-up matrix, uploads it with a mistake, sees where, fixes it and uploads it again.</summary>
public abstract class MatrixBrowserTests(BrowserHost host)
{
    private static async Task AssertAccessible(IPage page)
    {
        var violations = await BrowserHost.SeriousAccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{page.Url}:\n" + string.Join('\n', violations));
    }

    private async Task<int> ActivityAsync()
    {
        await using var db = host.App.CreateDb();
        var ministry = await db.Institutions.Where(i => i.Kind == InstitutionKind.MemberState && i.CountryCode == "GT").Select(i => i.Id).FirstAsync();
        var activity = new Activity
        {
            ActionId = await host.App.ActionIdAsync(),
            Code = "1.1.9",
            Title = new("Taller regional sobre reconocimiento de competencias", "Regional workshop on skills recognition"),
            WorkingGroupId = await host.App.WorkingGroupIdAsync(),
            CreatedAt = DateTime.UtcNow,
            StartDate = new DateOnly(2025, 3, 1),
            EndDate = new DateOnly(2025, 6, 30),
            Countries = [new() { CountryCode = "GT", ResponsibleInstitutionId = ministry }, new() { CountryCode = "HN" }],
        };
        db.Activities.Add(activity);
        await db.SaveChangesAsync();
        return activity.Id;
    }

    private async Task<IPage> SignedInAsync(string language, params string[] grants)
    {
        var person = await host.App.AddPersonAsync($"{Guid.NewGuid():N}@example.org", twoFactor: false, grants);
        var page = await host.NewPageAsync(language);
        await page.GotoAsync("/account/sign-in");
        await page.Locator("#Email").FillAsync(person.Email);
        await page.Locator("#Password").FillAsync(person.Password);
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.ReachedAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
        return page;
    }

    [Fact]
    public async Task DownloadEditUpload_WithAMistakeThenFixed_ShowsTheErrorThenApplies()
    {
        var id = await ActivityAsync();
        var page = await SignedInAsync("es", "focal-point:GT");
        await page.GotoAsync("/monitoring/activities");
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Matriz de seguimiento (Excel)" }).ClickAsync();
        await page.ReachedAsync("**/monitoring/matrix");
        await host.ScreenshotAsync(page, "matrix-download");
        await AssertAccessible(page);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Descargar (.xlsx)" }).ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        var exported = await File.ReadAllBytesAsync((await download.PathAsync())!);

        var folder = Directory.CreateTempSubdirectory("movilidad-matrix-").FullName;
        var wrong = Path.Combine(folder, "matriz-con-error.xlsx");
        using (var workbook = new MatrixWorkbook(exported))
        {
            workbook.Type(id, "GT", "Presupuesto (país)", "1.500,00");
            workbook.Type(id, "GT", "Moneda (país)", "USD");
            workbook.Type(id, "GT", "Fin (país)", "31/06/2025");
            workbook.Type(id, "GT", "Estado (país)", "Realizadísima");
            await File.WriteAllBytesAsync(wrong, workbook.Save());
        }

        await page.Locator("input[type=file]").SetInputFilesAsync(wrong);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Subir y aplicar" }).ClickAsync();
        await page.GetByTestId("errors").WaitForAsync();
        var errors = await page.GetByTestId("errors").InnerTextAsync();
        Assert.Contains("«31/06/2025» no es una fecha", errors, StringComparison.Ordinal);
        Assert.Contains("«Realizadísima» no es un estado", errors, StringComparison.Ordinal);
        await host.ScreenshotAsync(page, "matrix-upload-errors");
        await AssertAccessible(page);

        var right = Path.Combine(folder, "matriz.xlsx");
        using (var workbook = new MatrixWorkbook(exported))
        {
            workbook.Type(id, "GT", "Presupuesto (país)", "1.500,00");
            workbook.Type(id, "GT", "Moneda (país)", "USD");
            workbook.Type(id, "GT", "Fin (país)", "30/06/2025");
            await File.WriteAllBytesAsync(right, workbook.Save());
        }

        await page.Locator("input[type=file]").SetInputFilesAsync(right);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Subir y aplicar" }).ClickAsync();
        await page.GetByTestId("applied").WaitForAsync();
        Assert.StartsWith("Filas aplicadas: 1.", await page.GetByTestId("applied").InnerTextAsync(), StringComparison.Ordinal);
        await host.ScreenshotAsync(page, "matrix-upload-applied");
        await AssertAccessible(page);

        await using (var db = host.App.CreateDb())
        {
            var share = await db.ActivityCountries.SingleAsync(c => c.ActivityId == id && c.CountryCode == "GT");
            Assert.Equal(1500m, share.BudgetAmount);
            Assert.Equal(new DateOnly(2025, 6, 30), share.EndDate);
        }

        // A second edit of the first download: the row changed in the platform since, so it is a conflict.
        var stale = Path.Combine(folder, "matriz-antigua.xlsx");
        using (var workbook = new MatrixWorkbook(exported))
        {
            workbook.Type(id, "GT", "Presupuesto (país)", "2.750,00");
            workbook.Type(id, "GT", "Moneda (país)", "USD");
            await File.WriteAllBytesAsync(stale, workbook.Save());
        }

        await page.Locator("input[type=file]").SetInputFilesAsync(stale);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Subir y aplicar" }).ClickAsync();
        await page.GetByTestId("conflicts").WaitForAsync();
        Assert.Contains("2.750,00", await page.GetByTestId("conflicts").InnerTextAsync(), StringComparison.Ordinal);
        await host.ScreenshotAsync(page, "matrix-upload-conflict");
        await AssertAccessible(page);
        await using (var db = host.App.CreateDb())
        {
            Assert.Equal(1500m, (await db.ActivityCountries.SingleAsync(c => c.ActivityId == id && c.CountryCode == "GT")).BudgetAmount);
        }

        Directory.Delete(folder, recursive: true);
        Assert.Empty(host.PageErrors);
    }
}

public sealed class MatrixBrowserTestsOnSqlite(SqliteBrowserHost host) : MatrixBrowserTests(host), IClassFixture<SqliteBrowserHost>;

public sealed class MatrixBrowserTestsOnPostgres(PostgresBrowserHost host) : MatrixBrowserTests(host), IClassFixture<PostgresBrowserHost>;
