using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Movilidad.Platform.Data;

namespace Movilidad.Web.Tests.Infrastructure;

/// <summary>
/// Applying every migration to an empty database gives exactly the schema the model describes (the first nine were
/// written by hand, before the design-time package could be restored here); a model change without its scaffolded
/// migration fails here; and a database that the hand-written migrations built upgrades to the model.
/// </summary>
public abstract class MigrationSchemaTests(DatabaseProvider provider)
{
    /// <summary>The last migration written by hand: every database made before the model snapshot was taken stands here.</summary>
    private const string LastHandWritten = "20261129060000_IndicatorAggregates";

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
    public async Task Model_ComparedWithTheSnapshot_HasNoChangeWithoutAMigration()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changed since the last {provider} migration: run `dotnet ef migrations add <Name>` for both providers (README, \"Schema changes\").");
    }

    [Fact]
    public async Task Migrate_DatabaseBuiltByTheHandWrittenMigrations_UpgradesToTheModel()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(LastHandWritten);
            Assert.Equal(LastHandWritten, (await db.Database.GetAppliedMigrationsAsync()).Last());
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "Countries" ("Alpha2", "Alpha3", "Numeric", "NameEs", "NameEn") VALUES ('GT', 'GTM', '320', 'Guatemala', 'Guatemala')""");
        }

        await using (var db = database.CreateContext())
        {
            await db.Database.MigrateAsync();
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            Assert.Equal("Guatemala", (await db.Countries.SingleAsync()).Name.Es);
        }

        await using var created = await TestDatabase.CreateAsync(provider);
        await using (var db = created.CreateContext())
        {
            await db.Database.EnsureCreatedAsync();
        }

        await using var upgraded = database.CreateContext();
        await using var model = created.CreateContext();
        Assert.Equal(await SchemaSnapshot.ReadAsync(model, provider), await SchemaSnapshot.ReadAsync(upgraded, provider));
    }

    /// <summary>
    /// The SQL with which the migration that added the codes' sort keys fills them for the rows already there computes, on
    /// this database, the keys the model sets with every code (<see cref="NaturalSortKey"/>).
    /// </summary>
    [Fact]
    public async Task Migrate_AddCodeSortKeys_FillsTheKeysOfExistingRowsAsTheModelComputesThem()
    {
        string?[] codes = ["A101", "a2", "A1001", "1.10", "A1", "1.9", "B", "1.2.3", "1.2.10", "1.10.1", "A-7", "A 7", "Ñ1", "007", "x9.Y10", "", "A0", "A00012", "12345678901x", "ab000", null];
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await db.Database.ExecuteSqlRawAsync("""CREATE TABLE "SortKeyProbe" ("Id" integer PRIMARY KEY, "Code" varchar(32) NULL, "CodeSortKey" varchar(176) NOT NULL DEFAULT '')""");
        for (var n = 0; n < codes.Length; n++)
        {
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "SortKeyProbe" ("Id", "Code") VALUES ({n}, {codes[n]})""");
        }

        await db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.Sqlite
            ? Movilidad.Migrations.Sqlite.Migrations.AddCodeSortKeys.Fill("SortKeyProbe")
            : Movilidad.Migrations.Postgres.Migrations.AddCodeSortKeys.Fill("SortKeyProbe"));

        var keys = await db.Database.SqlQueryRaw<string>("""SELECT "CodeSortKey" AS "Value" FROM "SortKeyProbe" ORDER BY "Id" """).ToListAsync();
        Assert.Equal(codes.Select(NaturalSortKey.Of), keys);
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
