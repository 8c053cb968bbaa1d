extern alias cli;

using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Web.Tests.Infrastructure;
using RecordsCommand = cli::Movilidad.Cli.Records.RecordsCommand;

namespace Movilidad.Web.Tests.Features.LabourMarket;

/// <summary><c>movilidad records import</c> on a fresh database of each provider, as an operator runs it.</summary>
public abstract class RecordsCommandTests(DatabaseProvider provider)
{
    private static Task<(int Exit, string Output)> RunAsync(params string[] args) => RunInAsync(null, args);

    /// <summary>Runs the command with <paramref name="lang"/> as the locale (LANG), or the process's when null.</summary>
    private static async Task<(int Exit, string Output)> RunInAsync(string? lang, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var result = new RootCommand { RecordsCommand.Create(lang is null ? null : v => v == "LANG" ? lang : null) }.Parse(args);
        return (await result.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }), output + error.ToString());
    }

    [Fact]
    public async Task Import_TwoFilesThenAgainAndABadOne_LastLinePerFileNamesTheDatasetAndItsTotals()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        string[] target = ["--database", database.ConnectionString, "--provider", provider.ToString()];
        var (exit, output) = await RunAsync(["records", "import", RecordFiles.PathOf(RecordFiles.NegativeLmia), RecordFiles.PathOf(RecordFiles.Ilostat), .. target]);
        Assert.True(exit == 0, output);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^dataset \d+: 2738 observations positions-refused=1851$"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^dataset \d+: 264 observations employment=789755816$"));

        var (again, repeated) = await RunAsync(["records", "import", RecordFiles.PathOf(RecordFiles.NegativeLmia), .. target]);
        Assert.Equal(0, again);
        Assert.Contains("already imported", repeated, StringComparison.Ordinal);

        var (refused, message) = await RunAsync(["records", "import", RecordFiles.PathOf(RecordFiles.NotAPublication), "--source", "ilostat", .. target]);
        Assert.Equal(1, refused);
        Assert.Contains("classif1_labels.csv", message, StringComparison.Ordinal);

        await using var db = database.CreateContext();
        Assert.Equal(2, await db.LabourDatasets.CountAsync());
        Assert.Equal(2738 + 264, await db.LabourObservations.CountAsync());
    }

    [Fact]
    public async Task Import_NewEditionWithAColumnRenamed_RefusedNamingTheField_ThenImportedWithColumn_InTheLocalesLanguage()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        string[] target = ["--database", database.ConnectionString, "--provider", provider.ToString()];
        var folder = Directory.CreateTempSubdirectory("movilidad-new-edition-");
        try
        {
            // The real ESDC list with its employer column renamed and moved to the end, after a column ESDC never published.
            var file = Path.Combine(folder.FullName, "negative_lmia_2019Q4_new_edition.csv");
            await File.WriteAllBytesAsync(file, RecordFiles.Reedited(RecordFiles.NegativeLmia, "Employer", "Business operating name", "Internal reference"));

            var (refused, english) = await RunInAsync("en_US.UTF-8", ["records", "import", file, .. target]);
            Assert.True(refused == 1, english);
            Assert.Contains("negative_lmia_2019Q4_new_edition.csv: refused, nothing imported.", english, StringComparison.Ordinal);
            Assert.Contains("Column EMPLOYER is missing", english, StringComparison.Ordinal);
            Assert.Contains("--column employer=COLUMN", english, StringComparison.Ordinal);
            var (_, spanish) = await RunInAsync("es_MX.UTF-8", ["records", "import", file, .. target]);
            Assert.Contains("negative_lmia_2019Q4_new_edition.csv: rechazado, no se importó nada.", spanish, StringComparison.Ordinal);
            Assert.Contains("Falta la columna EMPLOYER", spanish, StringComparison.Ordinal);
            Assert.Contains("--column employer=COLUMNA", spanish, StringComparison.Ordinal);

            // A column the file does not have, or a field the list does not have, is refused by the reader naming it; a value without '=' by the command.
            var (_, nowhere) = await RunInAsync("en_US.UTF-8", ["records", "import", file, "--column", "employer=Nowhere", .. target]);
            Assert.Contains("Column 'Nowhere' was named for field employer", nowhere, StringComparison.Ordinal);
            var (_, soc) = await RunInAsync("en_US.UTF-8", ["records", "import", file, "--column", "employer=Business operating name", "--column", "soc=Address", .. target]);
            Assert.Contains("field soc", soc, StringComparison.Ordinal);
            var (malformed, usage) = await RunInAsync("es_MX.UTF-8", ["records", "import", file, "--column", "employer", .. target]);
            Assert.Equal(2, malformed);
            Assert.Contains("--column espera CAMPO=COLUMNA", usage, StringComparison.Ordinal);

            await using (var db = database.CreateContext())
            {
                Assert.Equal(0, await db.LabourDatasets.CountAsync());
            }

            // Named: imported as the list as published (the totals of the shipped file), summary in Spanish, last line as in English.
            var (exit, output) = await RunInAsync("es_MX.UTF-8", ["records", "import", file, "--column", "employer=Business operating name", .. target]);
            Assert.True(exit == 0, output);
            Assert.Contains("filas leídas", output, StringComparison.Ordinal);
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Matches(@"^dataset \d+: 2738 observations positions-refused=1851$", lines[^1]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Import_BadFiles_EachRefusedNamingTheFileAndNothingWritten()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var folder = Directory.CreateTempSubdirectory("movilidad-bad-records-");
        try
        {
            var oversize = Path.Combine(folder.FullName, "oversize.xlsx");
            await using (var sparse = File.Create(oversize))
            {
                sparse.SetLength(201L << 20);
            }

            var files = new List<string> { oversize };
            foreach (var (name, bytes) in new[] { ("corrupt.xlsx", BadRecordFiles.Corrupt()), ("protected.xlsx", BadRecordFiles.Encrypted()), ("bomb.xlsx", BadRecordFiles.Bomb()) })
            {
                files.Add(Path.Combine(folder.FullName, name));
                await File.WriteAllBytesAsync(files[^1], bytes);
            }

            foreach (var file in files)
            {
                var (exit, output) = await RunAsync(["records", "import", file, "--database", database.ConnectionString, "--provider", provider.ToString()]);
                Assert.True(exit == 1, output);
                Assert.Contains(Path.GetFileName(file), output, StringComparison.Ordinal);
                Assert.DoesNotContain("Unhandled", output, StringComparison.Ordinal);
            }

            await using var db = database.CreateContext();
            Assert.Equal(0, await db.LabourDatasets.CountAsync());
            Assert.Equal(0, await db.LabourObservations.CountAsync());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

// One collection: the command writes to the process's console, which each test redirects in turn.
[Collection(nameof(RecordsCommandTests))]
public sealed class RecordsCommandTestsOnSqlite() : RecordsCommandTests(DatabaseProvider.Sqlite);

[Collection(nameof(RecordsCommandTests))]
public sealed class RecordsCommandTestsOnPostgres() : RecordsCommandTests(DatabaseProvider.Postgres);
