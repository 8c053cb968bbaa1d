using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Movilidad.Web.Tests.Features.LabourMarket;

namespace Movilidad.Web.Tests.Features.Programmes;

/// <summary>A programme's page charts its demand from the imported records: the table's total per year equals the records' sum.</summary>
public abstract partial class ProgrammeDemandTests(LabourMarketApp app)
{
    [Theory]
    [InlineData("us-h2b", "H-2B", "workers-certified")]
    [InlineData("ca-tfwp-high-wage", "TFWP High Wage", "positions-approved")]
    public async Task ProgrammePage_ShowsItsDemandFromTheImportedRecords(string key, string programme, string measure)
    {
        await app.ImportedAsync();
        decimal expected;
        await using (var db = app.CreateDb())
        {
            expected = await db.LabourObservations.Where(o => o.Programme == programme && o.Measure == measure).SumAsync(o => o.Value);
        }

        Assert.True(expected > 0, $"no {programme} records imported");
        var html = await app.ClientIn("en").GetStringAsync($"/programmes/{key}");
        Assert.Contains("<svg", html);
        var table = html[html.IndexOf("data-testid=\"demand-table\"", StringComparison.Ordinal)..];
        var totals = TotalCells().Match(table);
        Assert.True(totals.Success, "no total row");
        var sum = TotalValue().Matches(totals.Value).Sum(m => decimal.Parse(m.Groups[1].Value, NumberStyles.Number, CultureInfo.GetCultureInfo("en")));
        Assert.Equal(expected, sum);
    }

    [GeneratedRegex("<tfoot>.*?</tfoot>", RegexOptions.Singleline)]
    private static partial Regex TotalCells();

    [GeneratedRegex("<td class=\"number\">([0-9,.]+)</td>")]
    private static partial Regex TotalValue();
}

[Collection(LabourMarketSqlite.Name)]
public sealed class ProgrammeDemandTestsOnSqlite(LabourMarketSqliteApp app) : ProgrammeDemandTests(app);

[Collection(LabourMarketPostgres.Name)]
public sealed class ProgrammeDemandTestsOnPostgres(LabourMarketPostgresApp app) : ProgrammeDemandTests(app);
