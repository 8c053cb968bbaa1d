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
    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var result = new RootCommand { RecordsCommand.Create() }.Parse(args);
        var (stdout, stderr) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            return (await result.InvokeAsync(), output + error.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
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
