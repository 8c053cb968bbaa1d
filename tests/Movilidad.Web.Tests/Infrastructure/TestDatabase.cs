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

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var folder = Directory.CreateTempSubdirectory("movilidad-test-").FullName;
                return new TestDatabase(provider, $"Data Source={Path.Combine(folder, "test.db")};Pooling=False", folder, null);
            case DatabaseProvider.Postgres:
                var name = $"movilidad_test_{Guid.NewGuid():N}";
                await using (var connection = new NpgsqlConnection(PostgresServer + ";Database=postgres"))
                {
                    await connection.OpenAsync();
                    await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                    await create.ExecuteNonQueryAsync();
                }

                return new TestDatabase(provider, $"{PostgresServer};Database={name}", null, name);
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, null);
        }
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

    public async ValueTask DisposeAsync()
    {
        if (sqliteFolder is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(sqliteFolder, recursive: true);
        }

        if (postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(PostgresServer + ";Database=postgres");
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
