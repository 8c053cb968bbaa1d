using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Movilidad.Platform.Data;

public static class DatabaseSetup
{
    /// <summary>The assembly that holds each provider's migrations and model snapshot (see the README, "Schema changes").</summary>
    public static string MigrationsAssembly(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "Movilidad.Migrations.Sqlite",
        DatabaseProvider.Postgres => "Movilidad.Migrations.Postgres",
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    /// <summary>Points a context at a database: the hosts, the tests and the design-time factories all go through here.</summary>
    public static DbContextOptionsBuilder UseMovilidadDatabase(this DbContextOptionsBuilder db, DatabaseProvider provider, string connectionString) => provider switch
    {
        DatabaseProvider.Sqlite => db.UseSqlite(connectionString, o => o.MigrationsAssembly(MigrationsAssembly(provider))).AddInterceptors(TransactionEndInterceptor.Instance),
        DatabaseProvider.Postgres => db.UseNpgsql(connectionString, o => o.MigrationsAssembly(MigrationsAssembly(provider))).AddInterceptors(TransactionEndInterceptor.Instance),
        _ => throw new InvalidOperationException($"Unknown database provider '{provider}'."),
    };

    public static IServiceCollection AddMovilidadDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString("Movilidad");
        services.AddDbContext<MovilidadDb>(db => db.UseMovilidadDatabase(options.Provider, options.Provider switch
        {
            DatabaseProvider.Sqlite => connectionString ?? SqliteDefault(options, environment),
            _ => connectionString ?? throw new InvalidOperationException(
                $"Database:Provider is {options.Provider} but no connection string is set: set ConnectionStrings__Movilidad."),
        }));

        services.AddSingleton<DataVersion>();
        services.AddSingleton<Search.SearchCounts>();

        // Each feature's loader is found where the feature keeps it, as its EF configuration is.
        foreach (var loader in typeof(MovilidadDb).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IContentLoader))))
        {
            services.AddScoped(typeof(IContentLoader), loader);
        }

        return services;
    }

    private static string SqliteDefault(DatabaseOptions options, IHostEnvironment environment)
    {
        var folder = Path.IsPathRooted(options.DataDirectory)
            ? options.DataDirectory
            : Path.Combine(environment.ContentRootPath, options.DataDirectory);
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "movilidad.db")}";
    }

    /// <summary>Applies pending migrations and loads the shipped content, each feature's loader in its order.</summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MovilidadDb>();
        await db.Database.MigrateAsync(cancellationToken);
        db.Seal?.Prepare();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (!options.LoadContent)
        {
            return;
        }

        var dataFolder = options.ContentDirectory ?? ShippedData.Folder;
        var log = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Movilidad.Content");
        foreach (var loader in scope.ServiceProvider.GetServices<IContentLoader>().OrderBy(l => l.Order))
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await loader.LoadAsync(dataFolder, cancellationToken);
            log.LogInformation("{Loader} checked the shipped content in {Milliseconds:F0} ms", loader.GetType().Name, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        // A database whose content predates the search index (upgraded by the migration that made it) gets its index built once.
        await Search.SearchIndexer.ReindexIfEmptyAsync(db, cancellationToken);
    }
}

/// <summary>
/// Loads a feature's shipped content from <c>data/</c> on start: adds what is new, updates what nobody edited in the
/// platform, never duplicates. Loaders run by <see cref="Order"/>, so one may refer to what an earlier one loaded.
/// </summary>
public interface IContentLoader
{
    int Order { get; }

    Task LoadAsync(string dataFolder, CancellationToken ct = default);
}

/// <summary>Prepares the database before the server takes its first request (and in every test host).</summary>
public sealed class DatabasePreparation(IServiceProvider services) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => services.PrepareDatabaseAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
