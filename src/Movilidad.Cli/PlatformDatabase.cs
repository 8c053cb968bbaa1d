using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Movilidad.Platform.Accounts;
using Movilidad.Platform.Data;

namespace Movilidad.Cli;

/// <summary>
/// Opens the platform's database with the web platform's own configuration: <c>appsettings.json</c> of
/// <c>src/Movilidad.Web</c>, then the environment (<c>Database__Provider</c>, <c>ConnectionStrings__Movilidad</c>),
/// then <c>--database</c> (a SQLite file or a connection string). Run from anywhere inside the repository, the
/// default is the same SQLite file the web app uses: <c>src/Movilidad.Web/App_Data/movilidad.db</c>.
/// </summary>
public static class PlatformDatabase
{
    public static readonly Option<string?> DatabaseOption = new("--database")
    {
        Description = "SQLite file, or a full connection string (with Database__Provider=Postgres for PostgreSQL). Default: the web app's database.",
    };

    public static readonly Option<DatabaseProvider?> ProviderOption = new("--provider")
    {
        Description = "Sqlite or Postgres, for a connection string given with --database. Default: Database__Provider, else Sqlite.",
    };

    public static IHost Open(ParseResult parse) => Open(parse.GetValue(DatabaseOption), parse.GetValue(ProviderOption));

    public static IHost Open(string? database, DatabaseProvider? provider)
    {
        var contentRoot = WebContentRoot();
        var settings = new HostApplicationBuilderSettings
        {
            ContentRootPath = contentRoot,
            EnvironmentName = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environments.Production,
        };
        var builder = Host.CreateEmptyApplicationBuilder(settings);
        builder.Configuration.AddJsonFile(Path.Combine(contentRoot, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(contentRoot, $"appsettings.{builder.Environment.EnvironmentName}.json"), optional: true)
            .AddEnvironmentVariables();
        if (provider is { } chosen)
        {
            builder.Configuration["Database:Provider"] = chosen.ToString();
        }

        if (database is { Length: > 0 })
        {
            builder.Configuration["ConnectionStrings:Movilidad"] = database.Contains('=', StringComparison.Ordinal)
                ? database
                : $"Data Source={Path.GetFullPath(database)}";
        }

        builder.Services.AddLogging();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddMovilidadDatabase(builder.Configuration, builder.Environment);
        builder.Services.AddAccountStore();
        return builder.Build();
    }

    /// <summary>Applies pending migrations, so the first command on a fresh install works before the web app ever ran.</summary>
    public static async Task<MovilidadDb> MigratedAsync(this IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<MovilidadDb>();
        db.ShowsUnpublished = true;
        await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.MigrateAsync(db.Database, ct);

        // The key ring is read (and on a new database created) before any write: signing a checkpoint inside a write's
        // transaction must never have to store a key, which on SQLite would wait for that very transaction.
        services.GetRequiredService<Movilidad.Platform.Audit.AuditSeal>().Prepare();
        return db;
    }

    /// <summary><c>src/Movilidad.Web</c> of the repository around the current folder; else the current folder.</summary>
    private static string WebContentRoot()
    {
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            var web = Path.Combine(folder.FullName, "src", "Movilidad.Web");
            if (File.Exists(Path.Combine(folder.FullName, "Movilidad.slnx")) && Directory.Exists(web))
            {
                return web;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
