using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Npgsql;

namespace Movilidad.Web.Tests.Infrastructure;

/// <summary>A fresh, empty database on one provider: a SQLite file, or a new database on the PostgreSQL server that ./test.sh starts.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? sqliteFolder;
    private readonly string? postgresName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteFolder, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.sqliteFolder = sqliteFolder;
        this.postgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("MOVILIDAD_TEST_POSTGRES") is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException(
                "MOVILIDAD_TEST_POSTGRES is not set. Run ./test.sh, which starts a private PostgreSQL server, or point the variable at one (Host=...;Port=...;Username=...).");

    /// <summary>
    /// A fresh database as a host's first start leaves it (migrated, the shipped content loaded, the key ring made): a copy
    /// of a template that one host prepared once per test run and provider, so that not every test host migrates and
    /// loads from nothing. Hosts started on a copy skip the content check (<c>Database:LoadContent=false</c>).
    /// </summary>
    public static async Task<TestDatabase> CreatePreparedAsync(DatabaseProvider provider, Func<TestDatabase, Task> prepare)
    {
        var template = await Templates.GetOrAdd(provider, p => new Lazy<Task<TestDatabase>>(() => PrepareTemplateAsync(p, prepare))).Value;
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var copy = await CreateAsync(provider);
                File.Copy(Path.Combine(template.sqliteFolder!, "test.db"), Path.Combine(copy.sqliteFolder!, "test.db"));
                return copy;
            case DatabaseProvider.Postgres:
                return await CreatePostgresAsync($"TEMPLATE \"{template.postgresName}\"");
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, null);
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<DatabaseProvider, Lazy<Task<TestDatabase>>> Templates = new();

    /// <summary>The template of a run: prepared by a host that is then stopped, its connections closed so it can be copied. Removed when the test process ends.</summary>
    private static async Task<TestDatabase> PrepareTemplateAsync(DatabaseProvider provider, Func<TestDatabase, Task> prepare)
    {
        var template = await CreateAsync(provider);
        await prepare(template);
        template.ClearOwnPool();

        AppDomain.CurrentDomain.ProcessExit += (_, _) => template.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return template;
    }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var folder = Directory.CreateTempSubdirectory("movilidad-test-").FullName;
                return new TestDatabase(provider, $"Data Source={Path.Combine(folder, "test.db")};Pooling=True", folder, null);
            case DatabaseProvider.Postgres:
                return await CreatePostgresAsync(string.Empty);
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, null);
        }
    }

    /// <summary>A new database on the test server, made by <c>CREATE DATABASE</c> with the clause given (a template, or none).</summary>
    private static async Task<TestDatabase> CreatePostgresAsync(string clause)
    {
        var name = $"movilidad_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(PostgresServer + ";Database=postgres"))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" {clause}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new TestDatabase(DatabaseProvider.Postgres, $"{PostgresServer};Database={name}", null, name);
    }

    /// <summary>
    /// A context on the database; with a seal, its audited writes keep the signed checkpoint as the hosts' do; with a
    /// host's data version, its content writes are seen by that host at once, as the host's own writes are.
    /// </summary>
    public MovilidadDb CreateContext(Platform.Audit.AuditSeal? seal = null, DataVersion? version = null)
    {
        var options = new DbContextOptionsBuilder<MovilidadDb>();
        options.UseMovilidadDatabase(Provider, ConnectionString);
        return new MovilidadDb(options.Options, seal, version);
    }

    /// <summary>
    /// Closes the pooled connections of this database only. Never the process's every pool: test classes run in parallel,
    /// and Microsoft.Data.Sqlite's clear can dispose the native handle of a connection another test is just opening
    /// (dotnet/efcore#39008; CI saw pages of other hosts answer 5xx with an empty body while classes were finishing).
    /// </summary>
    private void ClearOwnPool()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            using var connection = new SqliteConnection(ConnectionString);
            SqliteConnection.ClearPool(connection);
        }
        else
        {
            using var connection = new NpgsqlConnection(ConnectionString);
            NpgsqlConnection.ClearPool(connection);
        }
    }

    public async ValueTask DisposeAsync()
    {
        ClearOwnPool();
        if (sqliteFolder is not null)
        {
            Directory.Delete(sqliteFolder, recursive: true);
        }

        if (postgresName is not null)
        {
            await using var connection = new NpgsqlConnection(PostgresServer + ";Database=postgres");
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
