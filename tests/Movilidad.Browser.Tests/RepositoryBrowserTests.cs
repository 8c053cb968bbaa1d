using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Browser.Tests;

/// <summary>The repository in a real browser: the list and a toolkit's page, proposing a document, a curator's review with the gender checklist and publication; axe-checked.</summary>
public abstract partial class RepositoryBrowserTests(BrowserHost host)
{
    private async Task<IPage> SignedInAsync(string language, string grant)
    {
        var person = await host.App.AddPersonAsync($"{Guid.NewGuid():N}@example.org", twoFactor: false, grant);
        var page = await host.NewPageAsync(language);
        await page.GotoAsync("/account/sign-in");
        await page.Locator("#Email").FillAsync(person.Email);
        await page.Locator("#Password").FillAsync(person.Password);
        await Task.WhenAll(
            page.ReachedAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal)),
            page.Locator("main button[type=submit]").ClickAsync());
        return page;
    }

    [Fact]
    public async Task ProposeReviewAndPublish_ADocument_ThenTheListItemPageAndDashboardShowIt()
    {
        var visitor = await host.NewPageAsync("es");
        await visitor.GotoAsync("/repository?type=toolkit");
        Assert.Contains("Herramientas de comunicación: contratación justa", await visitor.GetByTestId("items").InnerTextAsync(), StringComparison.Ordinal);
        await host.ScreenshotAsync(visitor, "repository-list");
        await BrowserHost.AssertAccessibleAsync(visitor);
        await visitor.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Herramientas de comunicación: contratación justa, trabajo decente y prevención de fraudes" }).ClickAsync();
        await visitor.ReachedAsync(ItemPage());
        Assert.Contains("Nadie puede cobrarte", await visitor.GetByTestId("guide").InnerTextAsync(), StringComparison.Ordinal);
        await host.ScreenshotAsync(visitor, "repository-toolkit");
        await BrowserHost.AssertAccessibleAsync(visitor);

        var proposer = await SignedInAsync("es", "civil-society");
        await proposer.GotoAsync("/repository/propose");
        await proposer.Locator("input[name='Form.TitleEs']").FillAsync("Manual de reclutamiento ético para agencias");
        await proposer.Locator("select[name='Form.Type']").SelectOptionAsync("manual");
        await proposer.Locator("select[name='Form.Countries']").SelectOptionAsync(["HN"]);
        await proposer.Locator("input[name='Form.Lines']").FillAsync("1.5");
        await proposer.Locator("input[name='Form.Topics'][value='fair-recruitment']").CheckAsync();
        await proposer.Locator("select[name='Form.Language']").SelectOptionAsync("es");
        await proposer.Locator("input[name=file]").SetInputFilesAsync(new FilePayload { Name = "falso.pdf", MimeType = "application/pdf", Buffer = "no soy un PDF"u8.ToArray() });
        await proposer.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Enviar la propuesta" }).ClickAsync();
        Assert.Contains("no es de ninguno de los tipos", await proposer.GetByTestId("errors").InnerTextAsync(), StringComparison.Ordinal);
        await host.ScreenshotAsync(proposer, "repository-propose-refused");
        await BrowserHost.AssertAccessibleAsync(proposer);

        await proposer.Locator("input[name=file]").SetInputFilesAsync(new FilePayload { Name = "manual.pdf", MimeType = "application/pdf", Buffer = Movilidad.Web.Tests.Features.Knowledge.TestFiles.Pdf("Reclutamiento etico sin cobros") });
        await proposer.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Enviar la propuesta" }).ClickAsync();
        await proposer.ReachedAsync(ItemPage());
        Assert.Equal("Propuesto", await proposer.GetByTestId("status").InnerTextAsync());
        Assert.Contains("Inglés", await proposer.GetByTestId("missing").InnerTextAsync(), StringComparison.Ordinal);
        var address = proposer.Url;

        var curator = await SignedInAsync("es", "curator");
        await curator.GotoAsync(address);
        await curator.Locator("input[name=Checklist][value='sex-disaggregated']").CheckAsync();
        await curator.Locator("input[name=Checklist][value='specific-risks']").CheckAsync();
        await host.ScreenshotAsync(curator, "repository-review");
        await BrowserHost.AssertAccessibleAsync(curator);
        await curator.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Aprobar la revisión" }).ClickAsync();
        await curator.ReachedAsync(ItemPage());
        Assert.Contains("Sensible al género", await curator.GetByTestId("gender-review").InnerTextAsync(), StringComparison.Ordinal);
        await curator.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Publicar" }).ClickAsync();
        await curator.ReachedAsync(ItemPage());
        Assert.Equal("Publicado", await curator.GetByTestId("status").InnerTextAsync());

        await visitor.GotoAsync(address);
        Assert.Contains("✓ Cumple", await visitor.GetByTestId("gender-review").InnerTextAsync(), StringComparison.Ordinal);
        await host.ScreenshotAsync(visitor, "repository-item");
        await BrowserHost.AssertAccessibleAsync(visitor);

        await visitor.GotoAsync("/repository/dashboard");
        Assert.Equal(5, await visitor.Locator("svg.bars").CountAsync());
        await host.ScreenshotAsync(visitor, "repository-dashboard");
        await BrowserHost.AssertAccessibleAsync(visitor);
        await visitor.SetViewportSizeAsync(390, 844);
        Assert.True(await visitor.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"));
        await host.ScreenshotAsync(visitor, "repository-dashboard-phone");
        Assert.Empty(host.PageErrors);
    }

    /// <summary>
    /// The toolkit guide page (issue 13) in the browser: a curator opens it at laptop and phone widths in both languages,
    /// a step written in one language only is refused at its field, and the guide saved in both shows on the item's page.
    /// </summary>
    [Fact]
    public async Task ToolkitGuide_EditedByACurator_RefusedAtItsField_AtLaptopAndPhoneWidths_InBothLanguages()
    {
        int id;
        await using (var db = host.App.CreateDb())
        {
            var item = new Platform.Knowledge.RepositoryItem
            {
                Kind = Platform.Knowledge.ItemKind.Toolkit, Type = Platform.Knowledge.ItemType.Toolkit, Title = new("Herramienta del navegador", "Browser toolkit"),
                Status = Platform.Knowledge.ItemStatus.Published, Audience = Platform.Knowledge.ItemAudience.Public, IsDraft = true, ProposedAt = DateTime.UtcNow, PublishedAt = DateTime.UtcNow,
                Guide = System.Text.Json.JsonSerializer.Serialize(new Platform.Knowledge.ToolkitGuide([new("Paso inicial", "First step")], [], [], [], []), Platform.Knowledge.ToolkitLoader.Json),
            };
            db.RepositoryItems.Add(item);
            await db.SaveChangesAsync();
            id = item.Id;
        }

        foreach (var language in new[] { "en", "es" })
        {
            var curator = await SignedInAsync(language, "curator");
            await curator.SetViewportSizeAsync(1366, 900);
            await curator.GotoAsync($"/repository/{id}/guide");
            await Assertions.Expect(curator.GetByTestId("guide-form")).ToBeVisibleAsync();
            await host.ScreenshotAsync(curator, $"toolkit-guide-{language}-1366");
            await BrowserHost.AssertAccessibleAsync(curator);
            await curator.SetViewportSizeAsync(390, 844);
            Assert.True(await curator.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"));
            await host.ScreenshotAsync(curator, $"toolkit-guide-{language}-390");
            await BrowserHost.AssertAccessibleAsync(curator);
        }

        var page = await SignedInAsync("es", "curator");
        await page.GotoAsync($"/repository/{id}/guide");
        await page.Locator("textarea[name='Form.Steps[0].En']").FillAsync(string.Empty);
        await page.GetByTestId("complete").CheckAsync();
        await page.GetByTestId("guide-form").Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.GetByTestId("errors")).ToBeVisibleAsync();
        Assert.Contains("Pasos 1 (inglés)", await page.GetByTestId("errors").InnerTextAsync(), StringComparison.Ordinal);
        await host.ScreenshotAsync(page, "toolkit-guide-refused");
        await BrowserHost.AssertAccessibleAsync(page);
        await page.Locator("textarea[name='Form.Steps[0].En']").FillAsync("Bring the institutions together");
        await page.GetByTestId("complete").UncheckAsync();
        await page.GetByTestId("guide-form").Locator("button[type=submit]").ClickAsync();
        await page.ReachedAsync(url => url.EndsWith($"/repository/{id}", StringComparison.Ordinal));
        Assert.Contains("Paso inicial", await page.GetByTestId("guide").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(host.PageErrors);
    }

    [GeneratedRegex("/repository/[0-9]+$")]
    private static partial Regex ItemPage();
}

public sealed class RepositoryBrowserTestsOnSqlite(SqliteBrowserHost host) : RepositoryBrowserTests(host), IClassFixture<SqliteBrowserHost>;

public sealed class RepositoryBrowserTestsOnPostgres(PostgresBrowserHost host) : RepositoryBrowserTests(host), IClassFixture<PostgresBrowserHost>;
