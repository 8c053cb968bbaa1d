using System.Diagnostics;
using System.Globalization;
using Movilidad.Records;
using Movilidad.Records.Bench;

// Reads every labour-market file under the folders given (default: data/records) and prints, per file, the rows
// read and skipped, the totals per measure, the share mapped to ISCO-08, the unmapped codes and the time taken;
// then reads synthetic 100,000-row files (XLSX and CSV) to show that memory stays flat. Run in Release:
//   dotnet run -c Release --project bench/Movilidad.Records.Bench [folder...]
var culture = CultureInfo.InvariantCulture;
var folders = args.Length > 0 ? args : [Path.Combine(Repository.Root(), "data", "records")];
var files = folders.SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories))
    .Where(f => f.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
    .Where(f => !Path.GetFileName(f).Equals("classif1_labels.csv", StringComparison.OrdinalIgnoreCase))
    .Order(StringComparer.Ordinal)
    .ToList();

Console.WriteLine($"| file | source | rows read | imported | skipped (by reason) | not counted | totals (mapped to ISCO-08) | unmapped codes | ms | rows/s | peak MB |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
var all = Stopwatch.StartNew();
long allRows = 0;
foreach (var file in files)
{
    var (report, elapsed, peak, _) = Reading.Read(file);
    allRows += report.RowsRead;
    var skipped = string.Join("; ", report.IssuesByReason.Where(i => i.Key.Kind == RowIssueKind.Skipped).Select(i => $"{i.Key.Reason} {i.Value}"));
    var notCounted = string.Join("; ", report.IssuesByReason.Where(i => i.Key.Kind == RowIssueKind.NotCounted).Select(i => $"{i.Key.Reason} {i.Value}"));
    var totals = string.Join("; ", report.Totals.Select(t => report.HasOccupations
        ? $"{t.Measure.Code()} {t.Total.ToString("#,0.###", culture)} ({t.ShareMapped.ToString("P1", culture)})"
        : $"{t.Measure.Code()} {t.Total.ToString("#,0.###", culture)} (no occupations)"));
    Console.WriteLine(string.Create(culture,
        $"| {Path.GetFileName(file)} | {report.Source.Slug()} | {report.RowsRead} | {report.RowsImported} | {report.RowsSkipped}{(skipped.Length > 0 ? $" ({skipped})" : "")} | {notCounted} | {totals} | {report.UnmappedCodes.Count} | {elapsed.TotalMilliseconds:0} | {report.RowsRead / elapsed.TotalSeconds:#,0} | {peak:0} |"));
}
Console.WriteLine(string.Create(culture, $"\nAll {files.Count} files: {allRows:#,0} rows in {all.Elapsed.TotalSeconds:0.0} s."));

Console.WriteLine("\nSynthetic files (a full collection every 10,000 rows measures the live heap; the times include it):");
var work = Directory.CreateTempSubdirectory("records-bench");
try
{
    foreach (var rows in new[] { 10_000, 100_000, 300_000 })
    {
        var xlsx = Synthetic.OflcWorkbook(Path.Combine(work.FullName, $"h2a-{rows}.xlsx"), rows);
        var csv = Synthetic.LmiaCsv(Path.Combine(work.FullName, $"lmia-{rows}.csv"), rows);
        foreach (var file in new[] { xlsx, csv })
        {
            var (report, elapsed, peak, live) = Reading.Read(file, live: true);
            Console.WriteLine(string.Create(culture,
                $"  {Path.GetFileName(file)} ({new FileInfo(file).Length / 1048576.0:0.0} MB): {report.RowsRead:#,0} rows in {elapsed.TotalSeconds:0.00} s, {report.RowsRead / elapsed.TotalSeconds:#,0} rows/s, live heap at most {live:0.0} MB, heap with garbage at most {peak:0} MB"));
        }
    }
}
finally
{
    work.Delete(true);
}
