using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Plans;
using Movilidad.Platform.Reference;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Plans;

public abstract class PlanContentLoaderTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase database = null!;
    private string data = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        data = Directory.CreateTempSubdirectory("movilidad-data-").FullName;
        foreach (var file in Directory.GetFiles(ShippedData.Folder, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(data, Path.GetRelativePath(ShippedData.Folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        await database.DisposeAsync();
        Directory.Delete(data, recursive: true);
    }

    private async Task LoadAsync()
    {
        await using var db = database.CreateContext();
        await new ReferenceLoader(db).LoadAsync(data);
        await new PlanContentLoader(db).LoadAsync(data);
    }

    private async Task<(int Plans, int Elements, int Links, int Footnotes, int Institutions, int Occupations)> CountAsync()
    {
        await using var db = database.CreateContext();
        return (await db.Plans.CountAsync(), await db.PlanElements.CountAsync(), await db.ElementInstitutions.CountAsync(),
            await db.Footnotes.CountAsync(), await db.Institutions.CountAsync(), await db.Occupations.CountAsync());
    }

    private string PlanFile(string number) => Directory.GetFiles(Path.Combine(data, "plans"), number + "-*.yaml").Single();

    [Fact]
    public async Task Load_Twice_DuplicatesNothing()
    {
        await LoadAsync();
        var first = await CountAsync();
        await LoadAsync();
        Assert.Equal(first, await CountAsync());
        Assert.Equal(5, first.Plans);
        Assert.Equal(619, first.Occupations);
        Assert.True(first.Elements > 200);
    }

    [Fact]
    public async Task Load_AfterALocalEdit_KeepsTheEditAndUpdatesUneditedElements()
    {
        await LoadAsync();
        await using (var db = database.CreateContext())
        {
            var edited = await db.PlanElements.SingleAsync(e => e.Plan!.Key == "prml-2023-2027" && e.Key == "a1-2");
            edited.Title = new Bilingual("Título corregido por la Secretaría", "Title corrected by the Secretariat");
            await db.SaveChangesAsync();
        }

        var file = PlanFile("001");
        var yaml = await File.ReadAllTextAsync(file);
        await File.WriteAllTextAsync(file, yaml
            .Replace("el Diplomado en Movilidad Laboral", "el Diplomado en Movilidad Laboral (v2)", StringComparison.Ordinal)
            .Replace("un proceso de mentoría virtual", "un proceso de mentoría virtual (v2)", StringComparison.Ordinal));
        await LoadAsync();

        await using var check = database.CreateContext();
        var kept = await check.PlanElements.SingleAsync(e => e.Plan!.Key == "prml-2023-2027" && e.Key == "a1-2");
        Assert.Equal("Título corregido por la Secretaría", kept.Title.Es);
        Assert.DoesNotContain("(v2)", kept.Text.Es, StringComparison.Ordinal);
        var upgraded = await check.PlanElements.SingleAsync(e => e.Plan!.Key == "prml-2023-2027" && e.Key == "a1-3");
        Assert.Contains("mentoría virtual (v2)", upgraded.Text.Es, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_NewElementInFile_IsAddedOnUpgrade()
    {
        await LoadAsync();
        var file = PlanFile("002");
        await File.AppendAllTextAsync(file, """

              - key: added-in-upgrade
                level: recommendation
                code: "7"
                title: {es: "Recomendación añadida", en: "Added recommendation"}
                section: "Prueba"
            """);
        await LoadAsync();
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.PlanElements.CountAsync(e => e.Key == "added-in-upgrade"));
    }

    [Fact]
    public async Task Load_BrokenFile_NamesTheFileAndTheElementAndLoadsNothingOfIt()
    {
        var file = PlanFile("003");
        var yaml = await File.ReadAllTextAsync(file);
        await File.WriteAllTextAsync(file, yaml.Replace("code: OIM", "code: NO-SUCH-AGENCY", StringComparison.Ordinal));
        var error = await Assert.ThrowsAsync<DataFileException>(LoadAsync);
        Assert.Contains(Path.GetFileName(file), error.Message, StringComparison.Ordinal);
        Assert.Contains("element '", error.Message, StringComparison.Ordinal);
        Assert.Contains("NO-SUCH-AGENCY", error.Message, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.False(await db.Plans.AnyAsync(p => p.Key == "red-onu-2023-2024"));
    }

    [Fact]
    public async Task Load_UnparsableYaml_NamesTheFileAndLine()
    {
        var file = PlanFile("002");
        await File.WriteAllTextAsync(file, "key: x\nelements:\n  - key: [unclosed\n");
        var error = await Assert.ThrowsAsync<DataFileException>(LoadAsync);
        Assert.StartsWith(Path.GetFileName(file), error.Message, StringComparison.Ordinal);
        Assert.Contains("line ", error.Message, StringComparison.Ordinal);
    }
}

public sealed class PlanContentLoaderTestsOnSqlite() : PlanContentLoaderTests(DatabaseProvider.Sqlite);

public sealed class PlanContentLoaderTestsOnPostgres() : PlanContentLoaderTests(DatabaseProvider.Postgres);

public sealed class StartupTests
{
    [Fact]
    public async Task Start_BrokenDataFile_StopsWithAMessageNamingFileAndElementNotAStackTrace()
    {
        var data = Directory.CreateTempSubdirectory("movilidad-broken-").FullName;
        var db = Directory.CreateTempSubdirectory("movilidad-db-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(ShippedData.Folder, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(data, Path.GetRelativePath(ShippedData.Folder, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            var plan = Directory.GetFiles(Path.Combine(data, "plans"), "001-*.yaml").Single();
            await File.WriteAllTextAsync(plan, (await File.ReadAllTextAsync(plan)).Replace("level: action", "level: acción-inexistente", StringComparison.Ordinal));
            var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Movilidad.Web.dll"), "--urls", "http://127.0.0.1:0"])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                WorkingDirectory = AppContext.BaseDirectory,
            };
            start.Environment["Database__ContentDirectory"] = data;
            start.Environment["Database__DataDirectory"] = db;
            start.Environment["Logging__LogLevel__Default"] = "None";
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                Assert.Fail("The platform did not stop within 4 minutes on a broken data file. It printed:\n" + await stderr + await stdout);
            }

            var output = await stderr + await stdout;
            Assert.Equal(1, process.ExitCode);
            Assert.Contains(Path.GetFileName(plan), output, StringComparison.Ordinal);
            Assert.Contains("element 'a1-1'", output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
            Directory.Delete(db, recursive: true);
        }
    }
}
