using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Movilidad.Platform.Data;

namespace Movilidad.Migrations.Sqlite;

/// <summary>
/// What `dotnet ef` builds the model with when it scaffolds a Sqlite migration: the platform's own context on Sqlite,
/// with this assembly for its migrations. The connection string is never opened to add a migration.
/// </summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MovilidadDb>
{
    public MovilidadDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<MovilidadDb>();
        options.UseMovilidadDatabase(DatabaseProvider.Sqlite, "Data Source=design-time.db");
        return new MovilidadDb(options.Options);
    }
}
