using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Movilidad.Matrix.Bench;
using Movilidad.Web.Features.Matrix;
using Movilidad.Web.Features.OpenData;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Auth;
using Movilidad.Web.Infrastructure.Localization;
using Movilidad.Platform.Localization;

// The figures issue 4 asks for: follow-up matrix export of 10,000 rows (< 5 s, peak memory < 300 MB), its
// re-import (< 10 s) and the IATI export of 2,000 activities (< 5 s). Each measured step runs in its own process,
// so its peak working set is its own and not the seeding's.
//   dotnet run -c Release --project bench/Movilidad.Matrix.Bench [-- rows activities]
var mode = args.FirstOrDefault() ?? "all";
var folder = Path.Combine(Path.GetTempPath(), "movilidad-matrix-bench");
switch (mode)
{
    case "all":
        var rowCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        var activities = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2_000;
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        Console.WriteLine($"Seeding {rowCount:N0} matrix rows ({rowCount / 2:N0} activities x 2 countries) and {activities:N0} IATI activities (SQLite, {folder})...");
        Child("seed", rowCount.ToString(CultureInfo.InvariantCulture), activities.ToString(CultureInfo.InvariantCulture));
        File.Copy(Path.Combine(folder, "matrix.db"), Path.Combine(folder, "seeded.db"));
        Child("export");
        Child("edit", "1");
        Child("import");

        // The usual case: a country's focal point changes some rows of the whole matrix.
        File.Copy(Path.Combine(folder, "seeded.db"), Path.Combine(folder, "matrix.db"), overwrite: true);
        Child("edit", "20");
        Child("import");
        Child("iati");
        return 0;
    case "seed":
        using (var host = Bench.Open(Path.Combine(folder, "matrix.db")))
        {
            await Seeding.MatrixAsync(host.Services, int.Parse(args[1], CultureInfo.InvariantCulture) / 2);
        }

        using (var host = Bench.Open(Path.Combine(folder, "iati.db")))
        {
            await Seeding.IatiAsync(host.Services, int.Parse(args[2], CultureInfo.InvariantCulture));
        }

        return 0;
    case "export":
        using (var host = Bench.Open(Path.Combine(folder, "matrix.db")))
        {
            // Warm: a first export (to nowhere) compiles the code paths and queries, as on a server that has been running.
            await Export(host, Stream.Null);
            var clock = Bench.Start();
            var count = await Export(host, new ForwardOnlyStream(File.Create(Path.Combine(folder, "matrix.xlsx"))));
            clock.Stop();
            Bench.Report($"Matrix export, {count:N0} rows ({new FileInfo(Path.Combine(folder, "matrix.xlsx")).Length / 1024.0 / 1024.0:N1} MB file)", clock.Elapsed, "< 5 s, peak < 300 MB");
        }

        return 0;

        static async Task<int> Export(Microsoft.Extensions.Hosting.IHost host, Stream output)
        {
            await using var sink = output;
            await using var scope = host.Services.CreateAsyncScope();
            var db = Bench.Db(scope);
            var texts = scope.ServiceProvider.GetRequiredService<TextLocalizer>();
            var language = new MatrixLanguage(texts, "es");
            var rows = await db.LoadAsync(new MatrixFilter(null, null), CancellationToken.None);
            var lists = MatrixLists.For(language, await db.Currencies.Select(c => c.Code).OrderBy(c => c).ToListAsync(), await db.Institutions.Select(i => i.Code).OrderBy(c => c).ToListAsync());

            FollowUpMatrix.ToExcel(sink, rows, lists, language, new MatrixFilter(null, null), DateTime.UtcNow);
            return rows.Count;
        }
    case "edit":
        Editing.ChangeBudgets(Path.Combine(folder, "matrix.xlsx"), Path.Combine(folder, "edited.xlsx"), int.Parse(args[1], CultureInfo.InvariantCulture));
        return 0;
    case "import":
        using (var host = Bench.Open(Path.Combine(folder, "matrix.db")))
        {
            // Warm: the file as exported (nothing changed, nothing saved) compiles the reading paths first.
            await Import(host, Path.Combine(folder, "matrix.xlsx"));
            var clock = Bench.Start();
            var outcome = await Import(host, Path.Combine(folder, "edited.xlsx"));
            clock.Stop();
            if (!outcome.Saved)
            {
                throw new InvalidOperationException($"The import was refused: {outcome.Errors.Count} errors, {outcome.Conflicts.Count} conflicts; first: {(outcome.Errors.Count > 0 ? outcome.Errors[0].Message.En : "none")}");
            }

            Bench.Report($"Matrix re-import, {outcome.Applied:N0} rows changed and audited, {outcome.Unchanged:N0} unchanged", clock.Elapsed, "< 10 s");
        }

        return 0;

        static async Task<MatrixOutcome> Import(Microsoft.Extensions.Hosting.IHost host, string path)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = Bench.Db(scope);
            var secretariat = new ClaimsPrincipal(new ClaimsIdentity([new Claim(Grant.ClaimType, new Grant(Role.Secretariat).ToClaimValue())], "bench"));
            await using var file = File.OpenRead(path);
            return await db.ImportAsync(file, secretariat, scope.ServiceProvider.GetRequiredService<IAuthorizationService>(),
                scope.ServiceProvider.GetRequiredService<TextLocalizer>(), new AuditActor(null, "bench", null, "bench"), TimeProvider.System, CancellationToken.None);
        }
    case "iati":
        using (var host = Bench.Open(Path.Combine(folder, "iati.db")))
        {
            await Iati(host, Stream.Null);
            var clock = Bench.Start();
            var count = await Iati(host, new ForwardOnlyStream(File.Create(Path.Combine(folder, "iati.xml"))));
            clock.Stop();
            Bench.Report($"IATI export, {count:N0} activities ({new FileInfo(Path.Combine(folder, "iati.xml")).Length / 1024.0 / 1024.0:N1} MB)", clock.Elapsed, "< 5 s");
        }

        return 0;

        static async Task<int> Iati(Microsoft.Extensions.Hosting.IHost host, Stream output)
        {
            await using var sink = output;
            await using var scope = host.Services.CreateAsyncScope();
            var db = Bench.Db(scope);
            var (list, organisations) = await IatiActivities.LoadAsync(db, CancellationToken.None);
            await IatiActivities.WriteAsync(sink, list, organisations, scope.ServiceProvider.GetRequiredService<IOptions<OpenDataOptions>>().Value,
                _ => new Bilingual("Objetivo", "Objective"), DateTime.UtcNow, CancellationToken.None);
            return list.Count;
        }
    default:
        Console.Error.WriteLine("Usage: Movilidad.Matrix.Bench [all [rows activities] | seed rows activities | export | edit every | import | iati]");
        return 2;
}

static void Child(params string[] arguments)
{
    var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
    if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
    {
        start.ArgumentList.Add(typeof(Bench).Assembly.Location);
    }

    foreach (var argument in arguments)
    {
        start.ArgumentList.Add(argument);
    }

    using var process = Process.Start(start)!;
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"The step {arguments[0]} failed ({process.ExitCode}).");
    }
}
