using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Movilidad.Web.Features.Indicators;
using Movilidad.Web.Features.Plans;
using Movilidad.Web.Features.Pledges;
using Movilidad.Web.Features.Reference;

namespace Movilidad.Web.Infrastructure.Data;

public static class DatabaseSetup
{
    public static IServiceCollection AddMovilidadDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString("Movilidad");
        services.AddDbContext<MovilidadDb>(db =>
        {
            switch (options.Provider)
            {
                case DatabaseProvider.Sqlite:
                    db.UseSqlite(connectionString ?? SqliteDefault(options, environment));
                    break;
                case DatabaseProvider.Postgres:
                    db.UseNpgsql(connectionString ?? throw new InvalidOperationException(
                        "Database:Provider is Postgres but no connection string is set: set ConnectionStrings__Movilidad."));
                    break;
                default:
                    throw new InvalidOperationException($"Unknown database provider '{options.Provider}'.");
            }
        });
        services.AddHealthChecks().AddDbContextCheck<MovilidadDb>("database", tags: ["ready"]);
        services.AddHostedService<DatabasePreparation>();
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

    /// <summary>Applies pending migrations and loads the shipped content.</summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MovilidadDb>();
        await db.Database.MigrateAsync(cancellationToken);
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (!options.LoadContent)
        {
            return;
        }

        var dataFolder = options.ContentDirectory ?? ShippedData.Folder;
        await new ReferenceLoader(db).LoadAsync(dataFolder, cancellationToken);
        await new PlanContentLoader(db).LoadAsync(dataFolder, cancellationToken);
        await new IndicatorLoader(db).LoadAsync(dataFolder, cancellationToken);

        // After the indicators: a shipped pledge may name the indicators it contributes to.
        await new PledgeContentLoader(db, scope.ServiceProvider.GetRequiredService<TimeProvider>()).LoadAsync(dataFolder, cancellationToken);
    }
}

/// <summary>Prepares the database before the server takes its first request (and in every test host).</summary>
internal sealed class DatabasePreparation(IServiceProvider services) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => services.PrepareDatabaseAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
