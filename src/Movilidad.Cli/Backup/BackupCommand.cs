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

/// <summary>
/// What a backup holds besides the database itself: the provider, when, the schema's last migration, the row count of every
/// table, the SHA-256 of the database part, the audit checkpoint, and the portable copy of the data (<see cref="PortableData"/>)
/// that a database of the other provider is restored from.
/// </summary>
public sealed record BackupManifest(
    string Format, string Provider, DateTime CreatedAt, string? Migration, IReadOnlyDictionary<string, long> Rows, string DatabaseFile, string Sha256,
    long AuditEntries, string? AuditCheckpointHash, PortablePart? Portable = null)
{
    public const string CurrentFormat = "movilidad-backup/1";
    public const string FileName = "manifest.json";
}

/// <summary>The portable copy in a backup: its file, its SHA-256 (the content hash of the data) and its rows per table.</summary>
public sealed record PortablePart(string File, string Sha256, IReadOnlyDictionary<string, long> Rows)
{
    public const string FileName = "data.jsonl";
}

/// <summary>
/// <c>movilidad backup --out FILE</c> and <c>movilidad restore FILE</c>. A backup is a ZIP with <c>manifest.json</c> and the
/// database: on SQLite a copy made with SQLite's online backup API (the web app may keep running), on PostgreSQL a
/// <c>pg_dump</c> archive in custom format; beside it, a portable copy of every table (<see cref="PortableData"/>), from which a
/// database of the other provider is restored (a pilot on SQLite moving to PostgreSQL). Everything the platform stores is in the database, so the backup holds it
/// all: the data-protection key ring (sign-in cookies, reset links, the audit checkpoint's signature), the evidence files
/// of pledges and the audit trail. A restore goes into an empty database of the same provider, then is verified: the
/// file's SHA-256, every table's row count against the manifest, the audit chain and its signed checkpoint; a restore into the
/// other provider also re-reads the restored data in the portable form and compares its SHA-256 with the backup's.
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
        var restore = new Command("restore", "Restores a backup into an empty database (SQLite or PostgreSQL, whichever wrote it), then verifies it (hash, row counts, content, audit chain). Exit code 0 when verified.")
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

            var portable = Path.Combine(work, PortablePart.FileName);
            var portableRows = await PortableData.WriteAsync(db, portable, ct);
            var migration = (await db.Database.GetAppliedMigrationsAsync(ct)).LastOrDefault();
            var manifest = new BackupManifest(BackupManifest.CurrentFormat, postgres ? "Postgres" : "Sqlite", DateTime.UtcNow, migration, rows,
                Path.GetFileName(part), await Sha256Async(part, ct), audit, checkpoint, new PortablePart(PortablePart.FileName, await Sha256Async(portable, ct), portableRows));
            var temporary = file + ".partial";
            File.Delete(temporary);
            using (var zip = ZipFile.Open(temporary, ZipArchiveMode.Create))
            {
                zip.CreateEntryFromFile(part, manifest.DatabaseFile, CompressionLevel.Optimal);
                zip.CreateEntryFromFile(portable, PortablePart.FileName, CompressionLevel.Optimal);
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
        string? sqliteTarget = null;
        try
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MovilidadDb>();
            db.ShowsUnpublished = true;
            var postgres = db.Database.IsNpgsql();
            sqliteTarget = postgres ? null : db.Database.GetConnectionString();
            BackupManifest? manifest;
            bool across;
            string part, sha256;
            try
            {
                using var zip = ZipFile.OpenRead(file);
                await using (var entry = zip.GetEntry(BackupManifest.FileName)?.Open() ?? throw new InvalidDataException($"it has no {BackupManifest.FileName}"))
                {
                    manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(entry, Json, ct);
                }

                if (manifest is not { Format: BackupManifest.CurrentFormat } || Path.GetFileName(manifest.DatabaseFile) != manifest.DatabaseFile
                    || (manifest.Portable is { } p && Path.GetFileName(p.File) != p.File))
                {
                    throw new InvalidDataException($"its manifest is not of the format {BackupManifest.CurrentFormat}");
                }

                // Into the same provider, the database part (the database's own copy); into the other, the portable copy.
                across = postgres != (manifest.Provider == "Postgres");
                if (across && manifest.Portable is null)
                {
                    return [$"The backup is of a {manifest.Provider} database, written before backups carried a portable copy, and the target is {(postgres ? "PostgreSQL" : "SQLite")}: restore it into the same provider. Nothing was restored."];
                }

                (part, sha256) = across ? (manifest.Portable!.File, manifest.Portable.Sha256) : (manifest.DatabaseFile, manifest.Sha256);
                var name = part;
                part = Path.Combine(work, name);
                (zip.GetEntry(name) ?? throw new InvalidDataException($"it has no {name}")).ExtractToFile(part);
            }
            catch (Exception e) when (e is InvalidDataException or JsonException)
            {
                return [$"{file} is not a Movilidad backup: {e.Message}."];
            }

            if (await Sha256Async(part, ct) != sha256)
            {
                return [$"The backup is damaged: the SHA-256 of {Path.GetFileName(part)} is not the one its manifest records. Nothing was restored."];
            }

            if ((await db.Database.GetAppliedMigrationsAsync(ct)).Any())
            {
                return ["The target database is not empty (it has a schema): restore into a new, empty database. Nothing was restored."];
            }

            if (across)
            {
                try
                {
                    await db.Database.MigrateAsync(ct);
                    await PortableData.LoadAsync(db, part, ct);
                    // The target is new and empty: the data version stays the backup's, so the data read back is the backup's.
                    await Platform.Search.SearchIndexer.ReindexAsync(db, announce: false, ct);
                }
                catch (Exception e) when (e is InvalidDataException or JsonException or System.Data.Common.DbException)
                {
                    return [$"The backup could not be restored into {(postgres ? "PostgreSQL" : "SQLite")}: {e.Message}. No row was written; the target now has the schema only: drop it and create it empty before another restore."];
                }
            }
            else if (postgres)
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

            return await VerifyAsync(services, manifest, across ? part : null, ct);
        }
        finally
        {
            // The target's pooled connections only: clearing every pool of the process would reach other databases in use.
            if (sqliteTarget is not null)
            {
                await using var target = new SqliteConnection(sqliteTarget);
                SqliteConnection.ClearPool(target);
            }

            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>
    /// The restored database against the manifest: every table's rows, the audit chain and its signed checkpoint; restored
    /// from the portable copy (<paramref name="portable"/>), also its content, read again in the portable form, against the
    /// copy's SHA-256; when they differ, the first row that does is named.
    /// </summary>
    private static async Task<IReadOnlyList<string>> VerifyAsync(IServiceProvider services, BackupManifest manifest, string? portable, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MovilidadDb>();
        db.ShowsUnpublished = true;
        var problems = new List<string>();
        var rows = await CountRowsAsync(db, ct);
        var expected = portable is null ? manifest.Rows : manifest.Portable!.Rows;
        foreach (var (table, count) in expected.Where(r => !rows.TryGetValue(r.Key, out var restored) || restored != r.Value))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"The table {table} has {(rows.TryGetValue(table, out var n) ? n : 0)} rows after the restore; the backup recorded {count}."));
        }

        if (portable is not null)
        {
            var again = portable + ".restored";
            await PortableData.WriteAsync(db, again, ct);
            if (await Sha256Async(again, ct) != manifest.Portable!.Sha256)
            {
                var (line, was, now) = File.ReadLines(portable).Zip(File.ReadLines(again)).Select((pair, n) => (n + 1, pair.First, pair.Second)).FirstOrDefault(l => l.First != l.Second);
                problems.Add(string.Create(CultureInfo.InvariantCulture,
                    $"The restored data, read back, differs from the backup's (its SHA-256 is not the one the manifest records); first at line {line} of {PortablePart.FileName}: {Cut(was)} became {Cut(now)}."));
            }
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
                $"Restored and verified{(portable is null ? string.Empty : $" from the portable copy ({manifest.Provider} to {(db.Database.IsNpgsql() ? "Postgres" : "Sqlite")})")}: {expected.Count} tables, {expected.Values.Sum()} rows as recorded, SHA-256 matches{(portable is null ? string.Empty : ", content read back identical")}, audit trail intact ({check.Entries} entries{(state.Signed ? ", signed checkpoint matches" : string.Empty)})."));
        }

        return problems;
    }

    private static string Cut(string? line) => line is null ? "(nothing)" : line.Length > 300 ? line[..300] + "..." : line;

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
