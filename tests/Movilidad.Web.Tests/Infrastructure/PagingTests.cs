using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Demo;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Tests.Infrastructure;

/// <summary>The shared server-side paging over a real database, and the lists that use it with their page size and filters in the address.</summary>
public abstract partial class PagingTests(MovilidadApp app)
{
    [Fact]
    public async Task PageAsync_CountsAndReadsOnePage_PastTheEndShowsTheLastPage_AndAnUnofferedSizeFallsBack()
    {
        await using var db = app.CreateDb();
        var query = db.Countries.AsNoTracking().OrderBy(c => c.Alpha2).Select(c => c.Alpha2);
        var all = await query.ToListAsync();
        Assert.True(all.Count > 60, $"{all.Count} countries");

        var second = await query.PageAsync(25, 25, CancellationToken.None);
        Assert.Equal((all.Count, 25, 25), (second.Total, second.Start, second.Size));
        Assert.Equal(all.Skip(25).Take(25), second.Rows);
        Assert.True(second.HasPrevious && second.HasNext);

        var last = await query.PageAsync(1_000_000, 25, CancellationToken.None);
        Assert.Equal((all.Count - 1) / 25 * 25, last.Start);
        Assert.Equal(all.Skip(last.Start), last.Rows);
        Assert.False(last.HasNext);

        var odd = await query.PageAsync(-3, 7, CancellationToken.None);
        Assert.Equal((0, Paging.DefaultSize), (odd.Start, odd.Size));
        Assert.Equal(all.Take(Paging.DefaultSize), odd.Rows);

        Assert.Equal(["A1", "A2", "A10", "A101", "A1001"], new[] { "A10", "A2", "A1001", "A1", "A101" }.Order(NaturalOrder.Instance));
        Assert.Equal("/audit?entity=activity&size=25&start=50", Paging.Link("/audit", [new("entity", "activity"), new("person", null)], 25, 50));
    }

    [Fact]
    public async Task Lists_PagedWithSizeAndFiltersInTheAddress()
    {
        await using (var db = app.CreateDb())
        {
            if (!await DemoData.IsPresentAsync(db, CancellationToken.None))
            {
                await DemoData.SeedAsync(db, DateOnly.FromDateTime(DateTime.UtcNow), CancellationToken.None);
            }
        }

        var client = await app.ClientInAsync("es", "secretariat");
        foreach (var list in new[] { "/pledges", "/practices", "/audit", "/monitoring/activities" })
        {
            var html = await client.GetStringAsync($"{list}?size=25&start=1000000");
            Assert.Contains("<option value=\"25\" selected=\"selected\">25</option>", html, StringComparison.Ordinal);
            var shown = Shown().Match(html);
            Assert.True(shown.Success, $"{list}: no range shown");
            var (from, to, total) = (int.Parse(shown.Groups[1].Value.Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(shown.Groups[2].Value.Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(shown.Groups[3].Value.Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(total > 0 && to == total && from == ((total - 1) / 25 * 25) + 1, $"{list}: {shown.Value}");
            if (from > 1)
            {
                Assert.Contains($"size=25&amp;start={from - 26}", html, StringComparison.Ordinal);
            }
        }

        var filtered = await client.GetStringAsync("/pledges?status=Fulfilled&size=100");
        Assert.DoesNotContain("status-in-progress\"", filtered, StringComparison.Ordinal);
    }

    [GeneratedRegex("data-testid=\"shown\">([\\d.]+)–([\\d.]+) de ([\\d.]+)<")]
    private static partial Regex Shown();
}

public sealed class PagingTestsOnSqlite(SqliteApp app) : PagingTests(app), IClassFixture<SqliteApp>;

public sealed class PagingTestsOnPostgres(PostgresApp app) : PagingTests(app), IClassFixture<PostgresApp>;
