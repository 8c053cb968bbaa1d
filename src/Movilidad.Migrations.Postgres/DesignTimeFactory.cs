using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Movilidad.Platform.Data;

namespace Movilidad.Migrations.Postgres;

/// <summary>
/// What `dotnet ef` builds the model with when it scaffolds a Postgres migration: the platform's own context on Postgres,
/// with this assembly for its migrations. The connection string is never opened to add a migration.
/// </summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MovilidadDb>
{
    public MovilidadDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<MovilidadDb>();
        options.UseMovilidadDatabase(DatabaseProvider.Postgres, "Host=localhost;Database=movilidad");
        return new MovilidadDb(options.Options);
    }
}
