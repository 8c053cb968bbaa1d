using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;

namespace Movilidad.Web.Tests.Infrastructure;

/// <summary>What a database's schema is, read back from the database itself: tables, columns, keys, indexes, foreign keys.</summary>
public static class SchemaSnapshot
{
    public static async Task<SortedSet<string>> ReadAsync(MovilidadDb db, DatabaseProvider provider)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            return provider == DatabaseProvider.Sqlite ? await ReadSqliteAsync(connection) : await ReadPostgresAsync(connection);
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    /// <summary>The search's FTS5 table and its shadow tables, made by raw SQL in the migration, outside the model.</summary>
    private const string Fts5Tables = "'SearchIndex', 'SearchIndex_data', 'SearchIndex_idx', 'SearchIndex_docsize', 'SearchIndex_config'";

    private static async Task<SortedSet<string>> ReadSqliteAsync(DbConnection connection)
    {
        var facts = new SortedSet<string>(StringComparer.Ordinal);
        var tables = await QueryAsync(connection, "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsHistory' AND name <> '__EFMigrationsLock' AND name NOT IN (" + Fts5Tables + ")");
        foreach (var table in tables)
        {
            var name = table[0]!;
            facts.Add($"table {name}{(table[1]!.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase) ? " autoincrement" : "")}");
            foreach (var c in await QueryAsync(connection, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{name}')"))
            {
                facts.Add($"column {name}.{c[0]} {c[1]} {(c[2] == "1" ? "not null" : "null")}{(c[3] != "0" ? " pk" + c[3] : "")}");
            }

            foreach (var i in await QueryAsync(connection, $"SELECT name, \"unique\", origin FROM pragma_index_list('{name}')"))
            {
                var columns = await QueryAsync(connection, $"SELECT name FROM pragma_index_info('{i[0]}') ORDER BY seqno");
                facts.Add($"index {name}.{(i[2] == "pk" ? "pk" : i[0])} ({string.Join(",", columns.Select(r => r[0]))}){(i[1] == "1" ? " unique" : "")}");
            }

            foreach (var f in await QueryAsync(connection, $"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{name}')"))
            {
                facts.Add($"fk {name}.{f[1]} -> {f[0]}.{f[2]} on delete {f[3]}");
            }
        }

        return facts;
    }

    private static async Task<SortedSet<string>> ReadPostgresAsync(DbConnection connection)
    {
        var facts = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var c in await QueryAsync(connection, """
            SELECT table_name, column_name, data_type, COALESCE(character_maximum_length::text, ''), is_nullable, is_identity, COALESCE(identity_generation, '')
            FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock')
            """))
        {
            facts.Add($"column {c[0]}.{c[1]} {c[2]}({c[3]}) {(c[4] == "YES" ? "null" : "not null")}{(c[5] == "YES" ? " identity " + c[6] : "")}");
        }

        foreach (var i in await QueryAsync(connection, """
            SELECT tablename, indexdef FROM pg_indexes
            WHERE schemaname = 'public' AND tablename NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock')
            """))
        {
            facts.Add($"index {i[0]} {i[1]}");
        }

        foreach (var f in await QueryAsync(connection, """
            SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)
            FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
            WHERE n.nspname = 'public' AND c.contype IN ('f', 'p', 'u', 'c') AND c.conrelid::regclass::text NOT LIKE '%EFMigrations%'
            """))
        {
            facts.Add($"constraint {f[0]}.{f[1]} {f[2]}");
        }

        return facts;
    }

    private static async Task<List<string?[]>> QueryAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string?[]>();
        while (await reader.ReadAsync())
        {
            var row = new string?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
            }

            rows.Add(row);
        }

        return rows;
    }
}
