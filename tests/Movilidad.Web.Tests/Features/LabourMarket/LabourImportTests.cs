using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.LabourMarket;
using Movilidad.Platform.Writes;
using Movilidad.Records;

namespace Movilidad.Web.Tests.Features.LabourMarket;

/// <summary>Real files imported into the database: totals kept, provenance recorded, whole or nothing, once per file, audited.</summary>
public abstract class LabourImportTests(LabourMarketApp app)
{
    /// <summary>Sums per measure of one dataset, read back from the database.</summary>
    private async Task<Dictionary<string, decimal>> StoredTotalsAsync(int dataset)
    {
        await using var db = app.CreateDb();
        var sums = await db.LabourObservations.Where(o => o.DatasetId == dataset).GroupBy(o => o.Measure)
            .Select(g => new { Measure = g.Key, Total = g.Sum(o => o.Value) }).ToListAsync();
        return sums.ToDictionary(s => s.Measure, s => s.Total, StringComparer.Ordinal);
    }

    [Fact]
    public async Task Import_RealFiles_StoredTotalsEqualTheFileTotalsForEveryMeasure()
    {
        var imported = await app.ImportedAsync();
        foreach (var (file, dataset) in imported)
        {
            var stored = await StoredTotalsAsync(dataset.Id);
            Assert.Equal(dataset.Totals.Select(t => t.Measure).Order(StringComparer.Ordinal), stored.Keys.Order(StringComparer.Ordinal));
            foreach (var total in dataset.Totals)
            {
                Assert.True(Math.Abs(total.Total - stored[total.Measure]) < 0.0001m, $"{file} {total.Measure}: file {total.Total}, stored {stored[total.Measure]}");
            }
        }

        // Independently of the reader: the negative list's "Requested Positions", row by row from the header to the notes.
        var negative = imported[RecordFiles.NegativeLmia];
        Assert.Equal(IndependentNegativeListTotal(), (await StoredTotalsAsync(negative.Id))["positions-refused"], 6);
        Assert.Equal(1851m, negative.Totals.Single().Total);
    }

    [Fact]
    public async Task Import_RealFiles_PreSummedTableEqualsTheObservationsSummedByEveryDimension()
    {
        var imported = await app.ImportedAsync();
        await using var db = app.CreateDb();
        foreach (var (file, dataset) in imported)
        {
            var observations = await db.LabourObservations.Where(o => o.DatasetId == dataset.Id)
                .GroupBy(o => new { o.Measure, o.Isco08, o.Country, o.Subdivision, o.Period, o.PeriodStart, o.PeriodEnd, o.FiscalYear, o.Programme })
                .Select(g => new { g.Key, Value = g.Sum(o => o.Value), Count = g.Count() }).ToListAsync();
            var sums = await db.LabourObservationSums.Where(o => o.DatasetId == dataset.Id).ToListAsync();
            Assert.Equal(observations.Count, sums.Count);
            Assert.Equal(dataset.Observations, sums.Sum(s => s.Observations));
            var byKey = sums.ToDictionary(s => (s.Measure, s.Isco08, s.Country, s.Subdivision, s.Period, s.PeriodStart, s.PeriodEnd, s.FiscalYear, s.Programme));
            foreach (var o in observations)
            {
                var sum = byKey[(o.Key.Measure, o.Key.Isco08, o.Key.Country, o.Key.Subdivision, o.Key.Period, o.Key.PeriodStart, o.Key.PeriodEnd, o.Key.FiscalYear, o.Key.Programme)];
                Assert.True(Math.Abs(o.Value - sum.Value) < 0.000001m && o.Count == sum.Observations, $"{file} {o.Key}: observations {o.Value} ({o.Count}), pre-summed {sum.Value} ({sum.Observations})");
            }
        }
    }

    [Fact]
    public async Task Import_RealFiles_KeepProvenancePeriodsPlacesAndTheSourceRow()
    {
        var imported = await app.ImportedAsync();
        await using var db = app.CreateDb();
        var lmia = await db.LabourDatasets.AsNoTracking().SingleAsync(d => d.Id == imported[RecordFiles.PositiveLmia].Id);
        Assert.Equal(("esdc-lmia", "CA", "2021-Q3", "positive_lmia_September-2021.xlsx"), (lmia.Source, lmia.PublisherCountry, lmia.PeriodCode, lmia.FileName));
        Assert.Equal(64, lmia.Sha256.Length);
        Assert.Equal(4655, lmia.RowsRead);
        Assert.Equal("cli:" + Environment.UserName, lmia.ImportedBy);
        Assert.True(await db.LabourObservations.Where(o => o.DatasetId == lmia.Id).AllAsync(o => o.Country == "CA" && o.Period == "2021-Q3"));
        Assert.True(await db.LabourObservations.AnyAsync(o => o.DatasetId == lmia.Id && o.Subdivision == "CA-ON" && o.Isco08 != null && o.SourceClassification == "noc2011"));
        Assert.True(await db.LabourObservations.Where(o => o.DatasetId == lmia.Id).AllAsync(o => o.SourceRow > 2 && o.Weight > 0 && o.Weight <= 1));

        var h2b = imported[RecordFiles.H2B2010];
        Assert.Equal(("oflc-h2b", 2010), (h2b.Source, h2b.FiscalYear));
        Assert.True(await db.LabourObservations.Where(o => o.DatasetId == h2b.Id).AllAsync(o => o.Country == "US" && o.FiscalYear == 2010 && o.Programme == "H-2B"));

        // Employers are organisations with their country, named once however many rows name them.
        var employers = await db.LabourOrganisations.Where(o => o.Role == "employer" && o.Country == "US").CountAsync();
        var named = await db.LabourObservations.Where(o => o.DatasetId == h2b.Id && o.EmployerId != null).Select(o => o.EmployerId).Distinct().CountAsync();
        Assert.True(employers >= named && named > 1000, $"{employers} US employers, {named} named by the H-2B file");

        // The ILOSTAT supply side: employment in CRM member countries by ISCO-08 major group, the total left out.
        var ilostat = imported[RecordFiles.Ilostat];
        Assert.True(await db.LabourObservations.Where(o => o.DatasetId == ilostat.Id).AllAsync(o => o.Measure == "employment"));
        Assert.True(await db.LabourObservations.AnyAsync(o => o.DatasetId == ilostat.Id && o.Country == "GT"));

        var audit = await db.AuditEntries.Where(e => e.EntityType == LabourImport.EntityType && e.Action == LabourImport.ImportAction).Select(e => e.EntityId).ToListAsync();
        Assert.Contains(lmia.Id.ToString(CultureInfo.InvariantCulture), audit);
    }

    [Fact]
    public async Task Import_SameFileAgain_AnswersTheDatasetThatHoldsItAndAddsNothing()
    {
        var imported = await app.ImportedAsync();
        var before = await CountsAsync();
        var again = await app.ImportAsync(RecordFiles.NegativeLmia);
        Assert.Equal(imported[RecordFiles.NegativeLmia].Id, Assert.IsType<WriteOutcome<LabourDatasetSummary>.Conflict>(again).Current.Id);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Import_FileOfAnotherPublication_RefusedNamingTheFileAndNothingWritten()
    {
        await app.ImportedAsync();
        var before = await CountsAsync();
        var refused = Assert.IsType<WriteOutcome<LabourDatasetSummary>.Invalid>(await app.ImportAsync(RecordFiles.NotAPublication));
        Assert.Contains("classif1_labels.csv", refused.Errors["file"].Single(), StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Import_CancelledHalfway_LeavesNothingBehind()
    {
        await app.ImportedAsync();
        var before = await CountsAsync();
        using var cancel = new CancellationTokenSource();
        var progress = new SynchronousProgress(p =>
        {
            if (p.RowsRead >= 6000)
            {
                cancel.Cancel();
            }
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => app.ImportAsync("canada-lmia-quarterly/positive_lmia_June-2021.xlsx", ct: cancel.Token, progress: progress));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task ReplaceAndDelete_ByTheSecretariat_SwapTheDatasetWholeAndAuditBoth()
    {
        await app.ImportedAsync();
        var first = Assert.IsType<WriteOutcome<LabourDatasetSummary>.Saved>(await app.ImportAsync("canada-lmia-quarterly/positive_lmia_March-2018.csv")).Value;
        var replaced = Assert.IsType<WriteOutcome<LabourDatasetSummary>.Saved>(await app.ImportAsync("canada-lmia-quarterly/positive_lmia_March-2018.csv", replaces: first.Id)).Value;
        Assert.NotEqual(first.Id, replaced.Id);
        Assert.Equal(first.Totals, replaced.Totals);
        Assert.IsType<WriteOutcome<LabourDatasetSummary>.NotFound>(await app.ImportAsync(RecordFiles.Ilostat, replaces: first.Id));

        await using var db = app.CreateDb();
        Assert.False(await db.LabourObservations.AnyAsync(o => o.DatasetId == first.Id));
        var deleted = await LabourImport.DeleteAsync(db, replaced.Id, _ => true, Platform.Audit.AuditActor.CommandLine(), TimeProvider.System);
        Assert.IsType<WriteOutcome<LabourDatasetSummary>.Saved>(deleted);
        Assert.False(await db.LabourDatasets.AnyAsync(d => d.Id == replaced.Id));
        Assert.False(await db.LabourObservations.AnyAsync(o => o.DatasetId == replaced.Id));
        Assert.False(await db.LabourObservationSums.AnyAsync(o => o.DatasetId == first.Id || o.DatasetId == replaced.Id));
        var trail = await db.AuditEntries.Where(e => e.EntityType == LabourImport.EntityType).Select(e => new { e.Action, e.EntityId }).ToListAsync();
        Assert.Contains(trail, e => e.Action == "delete" && e.EntityId == first.Id.ToString(CultureInfo.InvariantCulture));
        Assert.Contains(trail, e => e.Action == "delete" && e.EntityId == replaced.Id.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(0, (await Platform.Audit.AuditChain.VerifyAsync(db)).FirstBroken ?? 0);
    }

    private async Task<(int Datasets, int Observations, int Issues)> CountsAsync()
    {
        await using var db = app.CreateDb();
        return (await db.LabourDatasets.CountAsync(), await db.LabourObservations.CountAsync(), await db.LabourDatasetIssues.CountAsync());
    }

    /// <summary>The negative list's total read plainly: CSV fields split on commas outside quotes, rows from the header to the first note.</summary>
    internal static decimal IndependentNegativeListTotal()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var lines = File.ReadAllText(RecordFiles.PathOf(RecordFiles.NegativeLmia), Encoding.GetEncoding(1252)).Split('\n');
        var header = Array.FindIndex(lines, l => l.StartsWith("Province/Territory,", StringComparison.Ordinal));
        var total = 0m;
        foreach (var line in lines.Skip(header + 1))
        {
            var fields = Fields(line.TrimEnd('\r'));
            if (fields.Count < 6 || fields[5].Length == 0 || !decimal.TryParse(fields[5], NumberStyles.Number, CultureInfo.InvariantCulture, out var positions))
            {
                break;
            }

            total += positions;
        }

        return total;
    }

    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString().Trim());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString().Trim());
        return fields;
    }

    /// <summary>Reports on the reading thread, so that the cancellation lands while rows are still being read.</summary>
    private sealed class SynchronousProgress(Action<RecordProgress> report) : IProgress<RecordProgress>
    {
        public void Report(RecordProgress value) => report(value);
    }
}

[Collection(LabourMarketSqlite.Name)]
public sealed class LabourImportTestsOnSqlite(LabourMarketSqliteApp app) : LabourImportTests(app);

[Collection(LabourMarketPostgres.Name)]
public sealed class LabourImportTestsOnPostgres(LabourMarketPostgresApp app) : LabourImportTests(app);
