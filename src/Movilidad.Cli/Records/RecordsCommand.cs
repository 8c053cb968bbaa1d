using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Movilidad.Cli.Sd;
using Movilidad.Platform.Audit;
using Movilidad.Platform.LabourMarket;
using Movilidad.Platform.Writes;
using Movilidad.Records;

namespace Movilidad.Cli.Records;

/// <summary>
/// <c>movilidad records import FILE... [--source ...] [--column FIELD=COLUMN]... [--restricted] [--replace ID]</c>: imports
/// labour-market files, each whole or not at all. Per file it prints a summary and, as its last line, <c>dataset ID: N
/// observations</c> followed by <c>MEASURE=total</c> for each measure. Exits with 1 when a file was refused (the others are
/// still imported), with 2 for a malformed --column (before any file is read). Messages in Spanish when the POSIX locale is a Spanish one (LC_ALL, else
/// LC_MESSAGES, else LANG, as the sd commands), else in English; the last line is the same in both.
/// </summary>
public static class RecordsCommand
{
    /// <summary>The command; <paramref name="environment"/> reads the locale variables (the process's by default).</summary>
    public static Command Create(Func<string, string?>? environment = null)
    {
        var records = new Command("records", "Labour-market records: OFLC, ESDC, ILOSTAT and template files.");
        records.Add(Import(environment ?? Environment.GetEnvironmentVariable));
        return records;
    }

    private static Command Import(Func<string, string?> environment)
    {
        var files = new Argument<FileInfo[]>("FILE") { Description = "The files to import (.xlsx, .xls, .csv).", Arity = ArgumentArity.OneOrMore };
        var source = new Option<string?>("--source") { Description = "The publication, when not detected from the content: " + string.Join(", ", RecordSources.All.Select(s => s.Slug())) + "." };
        source.AcceptOnlyFromAmong([.. RecordSources.All.Select(s => s.Slug())]);
        var columns = new Option<string[]>("--column")
        {
            Description = "FIELD=COLUMN: the file's column for a field of the publication's reader, when a new edition renamed or moved it "
                + "(repeatable; e.g. --column case=\"Case No.\"). A refused file names the fields it lacks.",
        };
        var restricted = new Option<bool>("--restricted") { Description = "Keeps the datasets for signed-in readers (public sources are public by default)." };
        var replace = new Option<int?>("--replace") { Description = "The dataset the (single) file replaces, in the same transaction." };
        var command = new Command("import", "Imports labour-market files into datasets of observations mapped to ISCO-08.")
        {
            files, source, columns, restricted, replace, PlatformDatabase.DatabaseOption, PlatformDatabase.ProviderOption,
        };
        command.Validators.Add(result =>
        {
            var words = Words.For(environment);
            if (result.GetValue(replace) is not null && result.GetValue(files) is { Length: > 1 })
            {
                result.AddError(words.ReplaceTakesOneFile);
            }
        });
        command.SetAction(async (parse, ct) =>
        {
            var words = Words.For(environment);
            var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            var (named, malformed) = Named(parse.GetValue(columns) ?? [], words);
            if (malformed is not null)
            {
                await error.WriteLineAsync(malformed);
                return 2;
            }

            using var host = PlatformDatabase.Open(parse);
            await using var scope = host.Services.CreateAsyncScope();
            var db = await scope.ServiceProvider.MigratedAsync(ct);
            RecordSource? chosen = RecordSources.TryParse(parse.GetValue(source), out var parsed) ? parsed : null;
            var failed = 0;
            foreach (var file in parse.GetValue(files)!)
            {
                if (!file.Exists)
                {
                    await error.WriteLineAsync(words.NoSuchFile(file.FullName));
                    failed++;
                    continue;
                }

                await using var stream = file.OpenRead();
                var request = new LabourImportRequest(stream, file.Name, chosen, parse.GetValue(restricted), parse.GetValue(replace), Columns: named);
                var outcome = await LabourImport.ImportAsync(db, request, _ => true, AuditActor.CommandLine(), TimeProvider.System, words.Language, null, ct);
                switch (outcome)
                {
                    case WriteOutcome<LabourDatasetSummary>.Saved saved:
                        Print(output, saved.Value, words);
                        break;
                    case WriteOutcome<LabourDatasetSummary>.Conflict conflict:
                        output.WriteLine(words.AlreadyImported(file.Name, conflict.Current.Id));
                        output.WriteLine(LastLine(conflict.Current));
                        break;
                    case WriteOutcome<LabourDatasetSummary>.Invalid invalid:
                        await error.WriteLineAsync(words.Refused(file.Name, string.Join(" ", invalid.Errors.SelectMany(e => e.Value))));
                        failed++;
                        break;
                    case WriteOutcome<LabourDatasetSummary>.NotFound:
                        await error.WriteLineAsync(words.NoDataset(parse.GetValue(replace)));
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

    /// <summary>The <c>--column FIELD=COLUMN</c> values as <c>field → column</c>, or the error naming the first malformed or repeated one.</summary>
    private static (Dictionary<string, string>? Columns, string? Error) Named(string[] values, Words words)
    {
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            var field = equals > 0 ? value[..equals].Trim() : "";
            var column = equals > 0 ? value[(equals + 1)..].Trim() : "";
            if (field.Length == 0 || column.Length == 0)
            {
                return (null, words.BadColumn(value));
            }

            if (!named.TryAdd(field, column))
            {
                return (null, words.ColumnTwice(field));
            }
        }

        return (named.Count > 0 ? named : null, null);
    }

    private static void Print(TextWriter output, LabourDatasetSummary d, Words words)
    {
        output.WriteLine(words.Summary(d));
        output.WriteLine(words.Rows(d));
        foreach (var t in d.Totals)
        {
            output.WriteLine(words.Total(t));
        }

        output.WriteLine(LastLine(d));
    }

    /// <summary>The line scripts read: <c>dataset 7: 12345 observations workers-certified=165741 workers-requested=172654</c>.</summary>
    public static string LastLine(LabourDatasetSummary d) =>
        string.Join(' ', [$"dataset {d.Id.ToString(CultureInfo.InvariantCulture)}: {d.Observations.ToString(CultureInfo.InvariantCulture)} observations", .. d.Totals.Select(t => $"{t.Measure}={Number(t.Total)}")]);

    private static string Number(decimal value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>The command's sentences in the locale's language.</summary>
    private sealed record Words(string Language)
    {
        public static Words For(Func<string, string?> environment) => new(SdErrors.LanguageOf(environment).Name == "es" ? "es" : "en");

        private bool Spanish => Language == "es";

        private CultureInfo Culture => Spanish ? CultureInfo.GetCultureInfo("es") : CultureInfo.InvariantCulture;

        public string ReplaceTakesOneFile => Spanish ? "--replace admite un solo archivo." : "--replace takes one file.";

        public string BadColumn(string value) => Spanish
            ? $"--column espera CAMPO=COLUMNA (por ejemplo --column case=\"Case No.\"), no «{value}»."
            : $"--column expects FIELD=COLUMN (e.g. --column case=\"Case No.\"), not '{value}'.";

        public string ColumnTwice(string field) => Spanish
            ? $"--column nombra dos veces el campo {field}."
            : $"--column names field {field} twice.";

        public string NoSuchFile(string path) => Spanish ? $"{path}: el archivo no existe." : $"{path}: no such file.";

        public string AlreadyImported(string file, int id) => Spanish
            ? $"{file}: ya importado (mismo SHA-256) como conjunto de datos {id}; no se importó nada."
            : $"{file}: already imported (same SHA-256) as dataset {id}; nothing imported.";

        public string Refused(string file, string errors) => Spanish ? $"{file}: rechazado, no se importó nada. {errors}" : $"{file}: refused, nothing imported. {errors}";

        public string NoDataset(int? id) => Spanish
            ? $"--replace {id}: ningún conjunto de datos tiene ese número; no se importó nada."
            : $"--replace {id}: no dataset has that id; nothing imported.";

        public string Summary(LabourDatasetSummary d) => Spanish
            ? $"{d.FileName}: {d.Source}, período {d.Period ?? "-"}{(d.FiscalYear is { } fy ? $" (año fiscal de EE. UU. {fy})" : "")}, SHA-256 {d.Sha256}"
            : $"{d.FileName}: {d.Source}, period {d.Period ?? "-"}{(d.FiscalYear is { } year ? $" (US FY{year})" : "")}, SHA-256 {d.Sha256}";

        public string Rows(LabourDatasetSummary d) => Spanish
            ? string.Format(Culture, "  filas leídas {0:N0}, importadas {1:N0}, omitidas {2:N0}{3}", d.RowsRead, d.RowsImported, d.RowsSkipped, d.IsRestricted ? "; reservado a quien inicia sesión" : "")
            : FormattableString.Invariant($"  rows read {d.RowsRead}, imported {d.RowsImported}, skipped {d.RowsSkipped}{(d.IsRestricted ? "; restricted to signed-in readers" : "")}");

        public string Total(LabourMeasureTotal t) => Spanish
            ? string.Format(Culture, "  {0}: {1:#,##0.######} ({2:P1} asignado a CIUO-08)", t.Measure, t.Total, t.ShareMapped)
            : FormattableString.Invariant($"  {t.Measure}: {Number(t.Total)} ({t.ShareMapped:P1} mapped to ISCO-08)");
    }
}
