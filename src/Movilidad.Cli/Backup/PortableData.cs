using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Movilidad.Platform.Data;

namespace Movilidad.Cli.Backup;

/// <summary>
/// A logical copy of every table that either provider can load: JSON lines, one header line naming the migrations,
/// then for each table (parents before the tables that refer to them) a line naming it, its columns and its row
/// count, and one JSON array per row in key order. Values are written as the model reads them (an enumeration by its
/// value, a date as ISO 8601), in one form whatever the database: times in UTC to the microsecond (PostgreSQL's
/// precision), decimals rounded to their column's declared scale (SQLite keeps more digits than the schema says,
/// PostgreSQL rounds) and without trailing zeros. The same content therefore gives the same bytes on SQLite and on
/// PostgreSQL, and the file's SHA-256 is the content hash a restore is checked against.
/// </summary>
public static class PortableData
{
    public const string Format = "movilidad-portable/1";

    private static readonly JsonWriterOptions Writer = new() { Indented = false };
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Header(string Format, IReadOnlyList<string> Migrations);

    private sealed record TableHeader(string Table, IReadOnlyList<string> Columns, long Rows);

    /// <summary>The model's tables, each after every other table its foreign keys point to; a cycle between two tables is refused.</summary>
    public static IReadOnlyList<ITable> TablesInDependencyOrder(MovilidadDb db)
    {
        // The search index is derived from the other tables (and holds a provider's own column): a restore rebuilds it.
        var tables = db.Model.GetRelationalModel().Tables.Where(t => t.PrimaryKey is not null && !Platform.Search.SearchIndexer.DerivedTables.Contains(t.Name)).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        var ordered = new List<ITable>();
        var placed = new HashSet<ITable>();
        while (ordered.Count < tables.Count)
        {
            var next = tables.FirstOrDefault(t => !placed.Contains(t) && t.ForeignKeyConstraints.All(fk => fk.PrincipalTable == t || placed.Contains(fk.PrincipalTable)))
                ?? throw new InvalidOperationException("The tables' foreign keys form a cycle: no dependency order for a portable copy.");
            ordered.Add(next);
            placed.Add(next);
        }

        return ordered;
    }

    /// <summary>A migration's name without its timestamp (the two providers' migrations have the same names, not the same ids).</summary>
    public static string MigrationName(string id) => id.Length > 15 && id[14] == '_' ? id[15..] : id;

    /// <summary>Writes every table of the database, read in one snapshot (a read transaction), to <paramref name="file"/>; returns the rows per table.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> WriteAsync(MovilidadDb db, string file, CancellationToken ct)
    {
        // By name, in name order: each provider's migrations have their own timestamps, so their order may differ.
        var migrations = (await db.Database.GetAppliedMigrationsAsync(ct)).Select(MigrationName).Order(StringComparer.Ordinal).ToList();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        try
        {
            await using var transaction = connection is SqliteConnection sqlite
                ? sqlite.BeginTransaction(deferred: true)
                : await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            var rows = new SortedDictionary<string, long>(StringComparer.Ordinal);
            await using var output = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            WriteLine(output, new Header(Format, migrations));
            foreach (var table in TablesInDependencyOrder(db))
            {
                var columns = table.Columns.ToList();
                await using var count = connection.CreateCommand();
                count.Transaction = transaction;
                count.CommandText = $"SELECT COUNT(*) FROM {Quote(table.Name)}";
                var n = Convert.ToInt64(await count.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
                rows[table.Name] = n;
                WriteLine(output, new TableHeader(table.Name, columns.Select(c => c.Name).ToList(), n));

                await using var select = connection.CreateCommand();
                select.Transaction = transaction;
                select.CommandText = $"SELECT {string.Join(", ", columns.Select(c => Quote(c.Name)))} FROM {Quote(table.Name)} ORDER BY {string.Join(", ", table.PrimaryKey!.Columns.Select(c => Quote(c.Name)))}";
                await using var reader = await select.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
                var values = columns.Select(ColumnValue.For).ToList();
                while (await reader.ReadAsync(ct))
                {
                    await using (var json = new Utf8JsonWriter(output, Writer))
                    {
                        json.WriteStartArray();
                        for (var i = 0; i < values.Count; i++)
                        {
                            values[i].Write(json, reader, i);
                        }

                        json.WriteEndArray();
                    }

                    output.WriteByte((byte)'\n');
                }
            }

            await transaction.CommitAsync(ct);
            return rows;
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    /// <summary>
    /// Loads a portable copy into a database built by the same migrations and holding no rows (one just migrated): every
    /// table in one transaction, so a failure leaves no row; PostgreSQL's identity sequences then continue after the highest id.
    /// </summary>
    public static async Task LoadAsync(MovilidadDb db, string file, CancellationToken ct)
    {
        using var input = new StreamReader(file, Encoding.UTF8);
        var header = JsonSerializer.Deserialize<Header>(await input.ReadLineAsync(ct) ?? string.Empty, Json);
        if (header?.Format != Format)
        {
            throw new InvalidDataException($"its data is not of the format {Format}");
        }

        // The same migrations by name: each provider's are scaffolded at their own time, so two independent ones may be
        // applied in another order on the other provider.
        var migrations = db.Database.GetMigrations().Select(MigrationName).ToList();
        if (!migrations.Order(StringComparer.Ordinal).SequenceEqual(header.Migrations.Order(StringComparer.Ordinal)))
        {
            throw new InvalidDataException(
                $"it was written by a version of the platform with other migrations (its last: {(header.Migrations.Count > 0 ? header.Migrations[^1] : "none")}; this version's last: {(migrations.Count > 0 ? migrations[^1] : "none")}): restore it with the version that wrote it");
        }

        var tables = db.Model.GetRelationalModel().Tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            while (await input.ReadLineAsync(ct) is { Length: > 0 } line)
            {
                var table = JsonSerializer.Deserialize<TableHeader>(line, Json) ?? throw new InvalidDataException("a table's header is empty");
                if (!tables.TryGetValue(table.Table, out var target))
                {
                    throw new InvalidDataException($"the table {table.Table} is not in this version's schema");
                }

                var columns = table.Columns.Select(name => target.FindColumn(name) ?? throw new InvalidDataException($"the column {table.Table}.{name} is not in this version's schema")).ToList();
                var values = columns.Select(ColumnValue.For).ToList();
                var selfReferencing = target.ForeignKeyConstraints.Any(fk => fk.PrincipalTable == target);

                // The migrations seed some rows (the shared data version's row): the copy's rows take their place.
                await using (var clear = connection.CreateCommand())
                {
                    clear.Transaction = transaction;
                    clear.CommandText = $"DELETE FROM {Quote(target.Name)}";
                    await clear.ExecuteNonQueryAsync(ct);
                }

                // Several rows per statement, well under either database's limit on parameters (SQLite 32,766; PostgreSQL 65,535).
                var perStatement = Math.Max(1, 5000 / Math.Max(1, columns.Count));
                var rows = new List<object?[]>();
                for (var i = 0L; i < table.Rows; i++)
                {
                    using var row = JsonDocument.Parse(await input.ReadLineAsync(ct) ?? throw new InvalidDataException($"the table {table.Table} ends after {i} of {table.Rows} rows"));
                    rows.Add(values.Select((v, index) => v.Read(row.RootElement[index])).ToArray());
                    if (!selfReferencing && rows.Count == perStatement)
                    {
                        await InsertAsync(connection, transaction, target, columns, rows, ct);
                        rows.Clear();
                    }
                }

                foreach (var chunk in (selfReferencing ? ParentsFirst(target, columns, rows) : rows).Chunk(perStatement))
                {
                    await InsertAsync(connection, transaction, target, columns, chunk, ct);
                }
            }

            if (db.Database.IsNpgsql())
            {
                foreach (var table in tables.Values.Where(t => t.PrimaryKey is { Columns: [{ ProviderClrType: var type }] } && (type == typeof(int) || type == typeof(long))))
                {
                    var key = table.PrimaryKey!.Columns[0].Name;
                    await using var sequence = connection.CreateCommand();
                    sequence.Transaction = transaction;
                    sequence.CommandText = $"SELECT setval(pg_get_serial_sequence('{Quote(table.Name)}', '{key}'), COALESCE(MAX({Quote(key)}), 0) + 1, false) FROM {Quote(table.Name)}";
                    await sequence.ExecuteNonQueryAsync(ct);
                }
            }

            await transaction.CommitAsync(ct);
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    private static void WriteLine<T>(Stream output, T value)
    {
        using (var json = new Utf8JsonWriter(output, Writer))
        {
            JsonSerializer.Serialize(json, value, Json);
        }

        output.WriteByte((byte)'\n');
    }

    /// <summary>Rows of a table that refers to itself (an element under its parent), each after the row it refers to.</summary>
    private static List<object?[]> ParentsFirst(ITable table, List<IColumn> columns, List<object?[]> rows)
    {
        int IndexOf(IColumn column) => columns.FindIndex(c => c.Name == column.Name);
        var links = table.ForeignKeyConstraints.Where(fk => fk.PrincipalTable == table)
            .Select(fk => (Dependent: fk.Columns.Select(IndexOf).ToArray(), Principal: fk.PrincipalColumns.Select(IndexOf).ToArray())).ToList();
        string KeyOf(int link, object?[] row, int[] at) => link.ToString(CultureInfo.InvariantCulture) + ":" + string.Join('\u001f', at.Select(i => Convert.ToString(row[i], CultureInfo.InvariantCulture)));
        var inserted = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<object?[]>(rows.Count);
        var pending = rows;
        while (pending.Count > 0)
        {
            var ready = pending.Where(r => links.Select((l, n) => l.Dependent.Any(i => r[i] is null) || inserted.Contains(KeyOf(n, r, l.Dependent))).All(ok => ok)).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidDataException($"rows of {table.Name} refer to rows of {table.Name} that are not in the backup");
            }

            foreach (var row in ready)
            {
                ordered.Add(row);
                for (var n = 0; n < links.Count; n++)
                {
                    inserted.Add(KeyOf(n, row, links[n].Principal));
                }
            }

            var done = ready.ToHashSet();
            pending = pending.Where(r => !done.Contains(r)).ToList();
        }

        return ordered;
    }

    private static async Task InsertAsync(DbConnection connection, DbTransaction transaction, ITable table, List<IColumn> columns, IReadOnlyList<object?[]> rows, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder($"INSERT INTO {Quote(table.Name)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) VALUES ");
        for (var r = 0; r < rows.Count; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"@p{r}_{c}");
                sql.Append(c == 0 ? name : ", " + name);
                command.Parameters.Add(columns[c].StoreTypeMapping.CreateParameter(command, name, rows[r][c], columns[c].IsNullable));
            }

            sql.Append(')');
        }

        command.CommandText = sql.ToString();
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>How one column's values are read from a database row and from JSON, in the model's type and the portable form.</summary>
    private sealed class ColumnValue
    {
        private static readonly ConcurrentDictionary<(Type Provider, Type Model, int? Scale), ColumnValue> Known = new();
        private static readonly MethodInfo GetFieldValue = typeof(DbDataReader).GetMethod(nameof(DbDataReader.GetFieldValue))!;

        private readonly MethodInfo readProvider;
        private readonly Func<object, object>? fromProvider;
        private readonly Type model;
        private readonly int? scale;

        private ColumnValue(Type provider, Type model, int? scale, Func<object, object>? fromProvider)
        {
            readProvider = GetFieldValue.MakeGenericMethod(provider);
            this.fromProvider = fromProvider;
            this.model = model;
            this.scale = scale;
        }

        public static ColumnValue For(IColumn column)
        {
            var mapping = column.StoreTypeMapping;
            var converter = mapping.Converter;
            var model = converter?.ModelClrType ?? mapping.ClrType;
            var provider = converter?.ProviderClrType ?? mapping.ClrType;
            // A decimal column's declared scale: SQLite keeps whatever was written, PostgreSQL rounds to it.
            var scale = Unwrap(model) == typeof(decimal) ? column.Scale : null;
            return converter is null
                ? Known.GetOrAdd((Unwrap(provider), Unwrap(model), scale), key => new ColumnValue(key.Provider, key.Model, key.Scale, null))
                : new ColumnValue(Unwrap(provider), Unwrap(model), scale, v => converter.ConvertFromProvider(v)!);
        }

        private static Type Unwrap(Type type) => Nullable.GetUnderlyingType(type) ?? type;

        public void Write(Utf8JsonWriter json, DbDataReader reader, int i)
        {
            if (reader.IsDBNull(i))
            {
                json.WriteNullValue();
                return;
            }

            var value = readProvider.Invoke(reader, [i])!;
            JsonSerializer.Serialize(json, Canonical(fromProvider is null ? value : fromProvider(value)), model, Json);
        }

        public object? Read(JsonElement element) =>
            element.ValueKind == JsonValueKind.Null ? null : Canonical(element.Deserialize(model, Json)!);

        /// <summary>
        /// One form for a value whatever the database held it in: UTC to the microsecond, decimals rounded to their
        /// column's scale (as PostgreSQL stores them) and without trailing zeros.
        /// </summary>
        private object Canonical(object value) => value switch
        {
            DateTime d => new DateTime(d.Ticks - (d.Ticks % 10), DateTimeKind.Utc),
            DateTimeOffset o => new DateTimeOffset(o.UtcTicks - (o.UtcTicks % 10), TimeSpan.Zero),
            decimal m => (scale is { } digits ? Math.Round(m, digits, MidpointRounding.AwayFromZero) : m) / 1.000000000000000000000000000000000m,
            _ => value,
        };
    }
}
