using Microsoft.EntityFrameworkCore;
using Movilidad.Web.Infrastructure.Data;

namespace Movilidad.Web.Tests.Infrastructure;

/// <summary>
/// The migrations are written by hand (the EF design-time package cannot be restored here), so this proves
/// that applying every migration to an empty database gives exactly the schema the model describes.
/// A model change without its migration fails here.
/// </summary>
public abstract class MigrationSchemaTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Migrate_EmptyDatabase_GivesTheSchemaOfTheModel()
    {
        await using var migrated = await TestDatabase.CreateAsync(provider);
        await using var created = await TestDatabase.CreateAsync(provider);
        await using (var db = migrated.CreateContext())
        {
            await db.Database.MigrateAsync();
        }

        await using (var db = created.CreateContext())
        {
            await db.Database.EnsureCreatedAsync();
        }

        SortedSet<string> fromMigrations, fromModel;
        await using (var db = migrated.CreateContext())
        {
            fromMigrations = await SchemaSnapshot.ReadAsync(db, provider);
        }

        await using (var db = created.CreateContext())
        {
            fromModel = await SchemaSnapshot.ReadAsync(db, provider);
        }

        var missing = fromModel.Except(fromMigrations).ToList();
        var extra = fromMigrations.Except(fromModel).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"The migrations do not build the model's schema on {provider}.\nIn the model, not in the migrations:\n  {string.Join("\n  ", missing)}\nIn the migrations, not in the model:\n  {string.Join("\n  ", extra)}");
        Assert.Contains(fromModel, f => f.Contains("PlanElements", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Migrate_Twice_ChangesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        await db.Database.MigrateAsync();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }
}

public sealed class MigrationSchemaTestsOnSqlite() : MigrationSchemaTests(DatabaseProvider.Sqlite);

public sealed class MigrationSchemaTestsOnPostgres() : MigrationSchemaTests(DatabaseProvider.Postgres);
