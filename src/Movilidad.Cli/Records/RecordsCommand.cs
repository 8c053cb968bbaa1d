using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Movilidad.Platform.Audit;
using Movilidad.Platform.LabourMarket;
using Movilidad.Platform.Writes;
using Movilidad.Records;

namespace Movilidad.Cli.Records;

/// <summary>
/// <c>movilidad records import FILE... [--source ...] [--restricted] [--replace ID]</c>: imports labour-market files, each
/// whole or not at all. Per file it prints a summary and, as its last line, <c>dataset ID: N observations</c> followed by
/// <c>MEASURE=total</c> for each measure. Exits with 1 when a file was refused (the others are still imported).
/// </summary>
public static class RecordsCommand
{
    public static Command Create()
    {
        var records = new Command("records", "Labour-market records: OFLC, ESDC, ILOSTAT and template files.");
        records.Add(Import());
        return records;
    }

    private static Command Import()
    {
        var files = new Argument<FileInfo[]>("FILE") { Description = "The files to import (.xlsx, .xls, .csv).", Arity = ArgumentArity.OneOrMore };
        var source = new Option<string?>("--source") { Description = "The publication, when not detected from the content: " + string.Join(", ", RecordSources.All.Select(s => s.Slug())) + "." };
        source.AcceptOnlyFromAmong([.. RecordSources.All.Select(s => s.Slug())]);
        var restricted = new Option<bool>("--restricted") { Description = "Keeps the datasets for signed-in readers (public sources are public by default)." };
        var replace = new Option<int?>("--replace") { Description = "The dataset the (single) file replaces, in the same transaction." };
        var command = new Command("import", "Imports labour-market files into datasets of observations mapped to ISCO-08.")
        {
            files, source, restricted, replace, PlatformDatabase.DatabaseOption, PlatformDatabase.ProviderOption,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(replace) is not null && result.GetValue(files) is { Length: > 1 })
            {
                result.AddError("--replace takes one file.");
            }
        });
        command.SetAction(async (parse, ct) =>
        {
            using var host = PlatformDatabase.Open(parse);
            await using var scope = host.Services.CreateAsyncScope();
            var db = await scope.ServiceProvider.MigratedAsync(ct);
            RecordSource? chosen = RecordSources.TryParse(parse.GetValue(source), out var parsed) ? parsed : null;
            var failed = 0;
            foreach (var file in parse.GetValue(files)!)
            {
                if (!file.Exists)
                {
                    await Console.Error.WriteLineAsync($"{file.FullName}: no such file.");
                    failed++;
                    continue;
                }

                await using var stream = file.OpenRead();
                var request = new LabourImportRequest(stream, file.Name, chosen, parse.GetValue(restricted), parse.GetValue(replace));
                var outcome = await LabourImport.ImportAsync(db, request, _ => true, AuditActor.CommandLine(), TimeProvider.System, "en", null, ct);
                switch (outcome)
                {
                    case WriteOutcome<LabourDatasetSummary>.Saved saved:
                        Print(saved.Value);
                        break;
                    case WriteOutcome<LabourDatasetSummary>.Conflict conflict:
                        Console.WriteLine($"{file.Name}: already imported (same SHA-256) as dataset {conflict.Current.Id}; nothing imported.");
                        Console.WriteLine(LastLine(conflict.Current));
                        break;
                    case WriteOutcome<LabourDatasetSummary>.Invalid invalid:
                        await Console.Error.WriteLineAsync($"{file.Name}: refused, nothing imported. {string.Join(" ", invalid.Errors.SelectMany(e => e.Value))}");
                        failed++;
                        break;
                    case WriteOutcome<LabourDatasetSummary>.NotFound:
                        await Console.Error.WriteLineAsync($"--replace {parse.GetValue(replace)}: no dataset has that id; nothing imported.");
                        failed++;
                        break;
                    default:
                        throw new InvalidOperationException($"Unexpected outcome {outcome}.");
                }
            }

            return failed == 0 ? 0 : 1;
        });
        return command;
    }

    private static void Print(LabourDatasetSummary d)
    {
        Console.WriteLine($"{d.FileName}: {d.Source}, period {d.Period ?? "-"}{(d.FiscalYear is { } fy ? $" (US FY{fy})" : "")}, SHA-256 {d.Sha256}");
        Console.WriteLine(FormattableString.Invariant($"  rows read {d.RowsRead}, imported {d.RowsImported}, skipped {d.RowsSkipped}{(d.IsRestricted ? "; restricted to signed-in readers" : "")}"));
        foreach (var t in d.Totals)
        {
            Console.WriteLine(FormattableString.Invariant($"  {t.Measure}: {Number(t.Total)} ({t.ShareMapped:P1} mapped to ISCO-08)"));
        }

        Console.WriteLine(LastLine(d));
    }

    /// <summary>The line scripts read: <c>dataset 7: 12345 observations workers-certified=165741 workers-requested=172654</c>.</summary>
    public static string LastLine(LabourDatasetSummary d) =>
        string.Join(' ', [$"dataset {d.Id.ToString(CultureInfo.InvariantCulture)}: {d.Observations.ToString(CultureInfo.InvariantCulture)} observations", .. d.Totals.Select(t => $"{t.Measure}={Number(t.Total)}")]);

    private static string Number(decimal value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
