using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Npgsql;

namespace Movilidad.Cli.Backup;

/// <summary>What a backup holds besides the database itself: the provider, when, the schema's last migration, the row count of every table, the SHA-256 of the database part and the audit checkpoint.</summary>
public sealed record BackupManifest(
    string Format, string Provider, DateTime CreatedAt, string? Migration, IReadOnlyDictionary<string, long> Rows, string DatabaseFile, string Sha256,
    long AuditEntries, string? AuditCheckpointHash)
{
    public const string CurrentFormat = "movilidad-backup/1";
    public const string FileName = "manifest.json";
}

/// <summary>
/// <c>movilidad backup --out FILE</c> and <c>movilidad restore FILE</c>. A backup is a ZIP with <c>manifest.json</c> and the
/// database: on SQLite a copy made with SQLite's online backup API (the web app may keep running), on PostgreSQL a
/// <c>pg_dump</c> archive in custom format. Everything the platform stores is in the database, so the backup holds it
/// all: the data-protection key ring (sign-in cookies, reset links, the audit checkpoint's signature), the evidence files
/// of pledges and the audit trail. A restore goes into an empty database of the same provider, then is verified: the
/// file's SHA-256, every table's row count against the manifest, the audit chain and its signed checkpoint.
/// </summary>
public static class BackupCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command CreateBackup()
    {
        var output = new Option<string>("--out") { Description = "The backup file to write (a .zip).", Required = true };
        var backup = new Command("backup", "Writes a verified backup of the platform's database (key ring, uploaded files and audit trail included) to one file.")
        {
            output, PlatformDatabase.DatabaseOption, PlatformDatabase.ProviderOption,
        };
        backup.SetAction(async (parse, ct) =>
        {
            using var host = PlatformDatabase.Open(parse);
            await using var scope = host.Services.CreateAsyncScope();
            var db = await scope.ServiceProvider.MigratedAsync(ct);
            var file = Path.GetFullPath(parse.GetValue(output)!);
            var manifest = await WriteAsync(db, file, ct);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Backup written to {file}: {manifest.Provider}, {manifest.Rows.Count} tables, {manifest.Rows.Values.Sum()} rows, {manifest.AuditEntries} audit entries, SHA-256 {manifest.Sha256[..16]}..."));
            return 0;
        });
        return backup;
    }

    public static Command CreateRestore()
    {
        var input = new Argument<string>("file") { Description = "A backup written by `movilidad backup`." };
        var restore = new Command("restore", "Restores a backup into an empty database of the same provider, then verifies it (hash, row counts, audit chain). Exit code 0 when verified.")
        {
            input, PlatformDatabase.DatabaseOption, PlatformDatabase.ProviderOption,
        };
        restore.SetAction(async (parse, ct) =>
        {
            using var host = PlatformDatabase.Open(parse);
            var problems = await RestoreAsync(host.Services, Path.GetFullPath(parse.GetValue(input)!), ct);
            foreach (var problem in problems)
            {
                await Console.Error.WriteLineAsync(problem);
            }

            return problems.Count == 0 ? 0 : 1;
        });
        return restore;
    }

    public static async Task<BackupManifest> WriteAsync(MovilidadDb db, string file, CancellationToken ct)
    {
        var work = Directory.CreateTempSubdirectory("movilidad-backup-").FullName;
        try
        {
            var postgres = db.Database.IsNpgsql();
            var part = Path.Combine(work, postgres ? "database.pgdump" : "database.sqlite");
            var rows = await CountRowsAsync(db, ct);
            var audit = await db.AuditEntries.LongCountAsync(ct);
            var checkpoint = await db.AuditCheckpoints.AsNoTracking().Select(c => c.Hash).FirstOrDefaultAsync(ct);
            if (postgres)
            {
                await PgAsync("pg_dump", db.Database.GetConnectionString()!, ["--format=custom", "--no-owner", "--no-privileges", "--file", part], ct);
            }
            else
            {
                await using var source = new SqliteConnection(db.Database.GetConnectionString());
                await source.OpenAsync(ct);
                await using var target = new SqliteConnection($"Data Source={part};Pooling=False");
                await target.OpenAsync(ct);
                source.BackupDatabase(target);
            }

            var migration = (await db.Database.GetAppliedMigrationsAsync(ct)).LastOrDefault();
            var manifest = new BackupManifest(BackupManifest.CurrentFormat, postgres ? "Postgres" : "Sqlite", DateTime.UtcNow, migration, rows,
                Path.GetFileName(part), await Sha256Async(part, ct), audit, checkpoint);
            var temporary = file + ".partial";
            File.Delete(temporary);
            using (var zip = ZipFile.Open(temporary, ZipArchiveMode.Create))
            {
                zip.CreateEntryFromFile(part, manifest.DatabaseFile, CompressionLevel.Optimal);
                await using var entry = zip.CreateEntry(BackupManifest.FileName).Open();
                await JsonSerializer.SerializeAsync(entry, manifest, Json, ct);
            }

            File.Move(temporary, file, overwrite: true);
            return manifest;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Restores and verifies; the problems found, none when the restored database matches the backup.</summary>
    public static async Task<IReadOnlyList<string>> RestoreAsync(IServiceProvider services, string file, CancellationToken ct)
    {
        if (!File.Exists(file))
        {
            return [$"No backup file at {file}."];
        }

        var work = Directory.CreateTempSubdirectory("movilidad-restore-").FullName;
        try
        {
            BackupManifest? manifest;
            string part;
            try
            {
                using var zip = ZipFile.OpenRead(file);
                await using (var entry = zip.GetEntry(BackupManifest.FileName)?.Open() ?? throw new InvalidDataException($"it has no {BackupManifest.FileName}"))
                {
                    manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(entry, Json, ct);
                }

                if (manifest is not { Format: BackupManifest.CurrentFormat } || Path.GetFileName(manifest.DatabaseFile) != manifest.DatabaseFile)
                {
                    throw new InvalidDataException($"its manifest is not of the format {BackupManifest.CurrentFormat}");
                }

                part = Path.Combine(work, manifest.DatabaseFile);
                (zip.GetEntry(manifest.DatabaseFile) ?? throw new InvalidDataException($"it has no {manifest.DatabaseFile}")).ExtractToFile(part);
            }
            catch (Exception e) when (e is InvalidDataException or JsonException)
            {
                return [$"{file} is not a Movilidad backup: {e.Message}."];
            }

            if (await Sha256Async(part, ct) != manifest.Sha256)
            {
                return [$"The backup is damaged: the SHA-256 of {manifest.DatabaseFile} is not the one its manifest records. Nothing was restored."];
            }

            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MovilidadDb>();
            db.ShowsUnpublished = true;
            var postgres = db.Database.IsNpgsql();
            if (postgres != (manifest.Provider == "Postgres"))
            {
                return [$"The backup is of a {manifest.Provider} database and the target is {(postgres ? "PostgreSQL" : "SQLite")}: restore into the same provider."];
            }

            if ((await db.Database.GetAppliedMigrationsAsync(ct)).Any())
            {
                return ["The target database is not empty (it has a schema): restore into a new, empty database. Nothing was restored."];
            }

            if (postgres)
            {
                await PgAsync("pg_restore", db.Database.GetConnectionString()!, ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", part], ct);
            }
            else
            {
                await using var source = new SqliteConnection($"Data Source={part};Mode=ReadOnly;Pooling=False");
                await source.OpenAsync(ct);
                await using var target = new SqliteConnection(db.Database.GetConnectionString());
                await target.OpenAsync(ct);
                source.BackupDatabase(target);
            }

            return await VerifyAsync(services, manifest, ct);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The restored database against the manifest: every table's rows, the audit chain and its signed checkpoint.</summary>
    private static async Task<IReadOnlyList<string>> VerifyAsync(IServiceProvider services, BackupManifest manifest, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MovilidadDb>();
        db.ShowsUnpublished = true;
        var problems = new List<string>();
        var rows = await CountRowsAsync(db, ct);
        foreach (var (table, count) in manifest.Rows.Where(r => !rows.TryGetValue(r.Key, out var restored) || restored != r.Value))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"The table {table} has {(rows.TryGetValue(table, out var n) ? n : 0)} rows after the restore; the backup recorded {count}."));
        }

        // Only now: migrations newer than the backup bring the restored schema up to this version of the platform.
        await db.Database.MigrateAsync(ct);
        var seal = scope.ServiceProvider.GetRequiredService<AuditSeal>();
        var state = await CheckpointState.ReadAsync(db, seal, ct);
        if (state.Checkpoint is not null && !state.Signed)
        {
            problems.Add("The restored audit checkpoint does not match its signature.");
        }

        var check = await AuditChain.VerifyAsync(db, state.Signed ? state.Checkpoint : null, ct);
        if (check.FirstBroken is { } broken)
        {
            problems.Add($"The restored audit trail is broken at entry {broken}: {check.Reason}.");
        }
        else if (check.Entries != manifest.AuditEntries)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"The restored audit trail has {check.Entries} entries; the backup recorded {manifest.AuditEntries}."));
        }

        if (problems.Count == 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Restored and verified: {manifest.Rows.Count} tables, {manifest.Rows.Values.Sum()} rows as recorded, SHA-256 matches, audit trail intact ({check.Entries} entries{(state.Signed ? ", signed checkpoint matches" : string.Empty)})."));
        }

        return problems;
    }

    /// <summary>The rows of every table of the model and of the migrations history.</summary>
    private static async Task<SortedDictionary<string, long>> CountRowsAsync(MovilidadDb db, CancellationToken ct)
    {
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Append("__EFMigrationsHistory").Distinct().Order(StringComparer.Ordinal).ToList();
        var rows = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }

        try
        {
            foreach (var table in tables)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
                rows[table] = Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
            }
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }

        return rows;
    }

    private static async Task<string> Sha256Async(string file, CancellationToken ct)
    {
        await using var stream = File.OpenRead(file);
        return Convert.ToHexString(await SHA256.HashDataAsync(stream, ct));
    }

    /// <summary>Runs pg_dump or pg_restore against the database of a connection string (the password through PGPASSWORD, never the command line).</summary>
    private static async Task PgAsync(string tool, string connectionString, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--host", cs.Host ?? "localhost", "--port", cs.Port.ToString(CultureInfo.InvariantCulture), "--username", cs.Username ?? Environment.UserName, "--dbname", cs.Database ?? "postgres" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        if (cs.Password is { Length: > 0 } password)
        {
            start.Environment["PGPASSWORD"] = password;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} could not be started: install PostgreSQL's client tools.");
        var errors = await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed (exit code {process.ExitCode}): {errors.Trim()}");
        }
    }
}
