using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.VisualBasic.FileIO;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.LabourMarket;
using Movilidad.Platform.Writes;
using Movilidad.Records;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.LabourMarket;

/// <summary>The real files the labour-market tests import once per database (small ones; every file only in the benchmark).</summary>
public static class RecordFiles
{
    public const string Ilostat = "ilostat-modelled-emp-by-occupation/emp_2emp_sex_ocu_nb_sex_t_selected.csv";
    public const string NegativeLmia = "canada-tfwp-lmia-employers/negative_lmia_2019Q4_noc2011.csv";
    public const string PositiveLmia = "canada-lmia-quarterly/positive_lmia_September-2021.xlsx";
    public const string H2B2010 = "us-oflc-h2-history/H-2B_FY2010.xlsx";
    public const string NotAPublication = "ilostat-modelled-emp-by-occupation/classif1_labels.csv";

    public static readonly string[] Imported = [Ilostat, NegativeLmia, PositiveLmia, H2B2010];

    public static string PathOf(string relative)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Movilidad.slnx")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("The repository root is not above the test binaries."), "data", "records", relative);
    }

    /// <summary>
    /// A shipped CSV list as a new edition might publish it: column <paramref name="column"/> renamed <paramref name="renamed"/>
    /// and moved to the end, after a column the publication never had (<paramref name="extra"/>, a value on every data row);
    /// every value as published (Latin-1, as ESDC writes).
    /// </summary>
    public static byte[] Reedited(string relative, string column, string renamed, string extra)
    {
        using var parser = new TextFieldParser(PathOf(relative), Encoding.Latin1) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
        parser.SetDelimiters(",");
        var rows = new List<string[]>();
        while (!parser.EndOfData)
        {
            rows.Add(parser.ReadFields() ?? []);
        }

        var header = rows.FindIndex(r => r.Contains(column));
        var at = Array.IndexOf(rows[header], column);
        var text = new StringBuilder();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var data = i > header && row.Count(c => c.Trim().Length > 0) > 2;
            string[] cells = [.. row.Where((_, c) => c != at), i == header ? extra : data ? $"ref-{i}" : "", i == header ? renamed : at < row.Length ? row[at] : ""];
            text.AppendJoin(',', cells.Select(c => c.IndexOfAny([',', '"', '\n']) >= 0 ? $"\"{c.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : c)).Append("\r\n");
        }

        return Encoding.Latin1.GetBytes(text.ToString());
    }
}

/// <summary>The platform with <see cref="RecordFiles.Imported"/> imported once, on first use, by the command line's actor.</summary>
public abstract class LabourMarketApp(DatabaseProvider provider) : MovilidadApp(provider)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private IReadOnlyDictionary<string, LabourDatasetSummary>? imported;

    /// <summary>The datasets of <see cref="RecordFiles.Imported"/>, by file.</summary>
    public async Task<IReadOnlyDictionary<string, LabourDatasetSummary>> ImportedAsync()
    {
        await gate.WaitAsync();
        try
        {
            if (imported is null)
            {
                var datasets = new Dictionary<string, LabourDatasetSummary>(StringComparer.Ordinal);
                foreach (var file in RecordFiles.Imported)
                {
                    var outcome = await ImportAsync(file);
                    datasets[file] = Assert.IsType<WriteOutcome<LabourDatasetSummary>.Saved>(outcome).Value;
                }

                imported = datasets;
            }

            return imported;
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<WriteOutcome<LabourDatasetSummary>> ImportAsync(string file, int? replaces = null, IProgress<RecordProgress>? progress = null, CancellationToken ct = default)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MovilidadDb>();
        await using var stream = File.OpenRead(RecordFiles.PathOf(file));
        return await LabourImport.ImportAsync(db, new LabourImportRequest(stream, Path.GetFileName(file), Replaces: replaces), _ => true, AuditActor.CommandLine(), TimeProvider.System, "en", progress, ct);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            gate.Dispose();
        }

        base.Dispose(disposing);
    }
}

public sealed class LabourMarketSqliteApp() : LabourMarketApp(DatabaseProvider.Sqlite);

public sealed class LabourMarketPostgresApp() : LabourMarketApp(DatabaseProvider.Postgres);

/// <summary>The test classes that share one imported SQLite database.</summary>
[CollectionDefinition(Name)]
public sealed class LabourMarketSqlite : ICollectionFixture<LabourMarketSqliteApp>
{
    public const string Name = "labour-market-sqlite";
}

/// <summary>The test classes that share one imported PostgreSQL database.</summary>
[CollectionDefinition(Name)]
public sealed class LabourMarketPostgres : ICollectionFixture<LabourMarketPostgresApp>
{
    public const string Name = "labour-market-postgres";
}
