using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Movilidad.Platform.Data;
using Npgsql;
using NpgsqlTypes;

namespace Movilidad.Platform.LabourMarket;

/// <summary>
/// Writes observations in bulk inside the import's transaction: PostgreSQL's binary COPY, one per batch; on SQLite one
/// prepared INSERT run per row (SQLite has no faster path, and in one transaction it writes tens of thousands a second).
/// </summary>
internal abstract class LabourObservationSink : IAsyncDisposable
{
    protected static readonly string[] Columns =
    [
        "DatasetId", "Measure", "Value", "Weight", "SourceClassification", "SourceCode", "Isco08", "Country", "Subdivision", "Period",
        "PeriodStart", "PeriodEnd", "FiscalYear", "Programme", "EmployerId", "RecruiterId", "SourceRow", "CaseNumber",
    ];

    protected const string Table = "LabourObservations";

    public static LabourObservationSink For(MovilidadDb db) => db.Database.IsNpgsql()
        ? new CopySink((NpgsqlConnection)db.Database.GetDbConnection())
        : new InsertSink((SqliteConnection)db.Database.GetDbConnection(), (SqliteTransaction)db.Database.CurrentTransaction!.GetDbTransaction());

    public abstract Task WriteAsync(IReadOnlyList<LabourObservation> rows, CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    private sealed class CopySink(NpgsqlConnection connection) : LabourObservationSink
    {
        public override async Task WriteAsync(IReadOnlyList<LabourObservation> rows, CancellationToken ct)
        {
            await using var importer = await connection.BeginBinaryImportAsync(
                $"COPY \"{Table}\" ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)", ct);
            importer.Timeout = TimeSpan.FromMinutes(30);
            foreach (var o in rows)
            {
                await importer.StartRowAsync(ct);
                importer.Write(o.DatasetId, NpgsqlDbType.Integer);
                importer.Write(o.Measure, NpgsqlDbType.Varchar);
                importer.Write(o.Value, NpgsqlDbType.Numeric);
                importer.Write(o.Weight, NpgsqlDbType.Numeric);
                Text(importer, o.SourceClassification);
                Text(importer, o.SourceCode);
                Text(importer, o.Isco08);
                importer.Write(o.Country, NpgsqlDbType.Varchar);
                Text(importer, o.Subdivision);
                importer.Write(o.Period, NpgsqlDbType.Varchar);
                importer.Write(o.PeriodStart, NpgsqlDbType.Date);
                importer.Write(o.PeriodEnd, NpgsqlDbType.Date);
                Number(importer, o.FiscalYear);
                Text(importer, o.Programme);
                Number(importer, o.EmployerId);
                Number(importer, o.RecruiterId);
                importer.Write(o.SourceRow, NpgsqlDbType.Integer);
                Text(importer, o.CaseNumber);
            }

            await importer.CompleteAsync(ct);
        }

        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

        private static void Text(NpgsqlBinaryImporter importer, string? text)
        {
            if (text is null)
            {
                importer.WriteNull();
            }
            else
            {
                importer.Write(text, NpgsqlDbType.Varchar);
            }
        }

        private static void Number(NpgsqlBinaryImporter importer, int? number)
        {
            if (number is { } value)
            {
                importer.Write(value, NpgsqlDbType.Integer);
            }
            else
            {
                importer.WriteNull();
            }
        }
    }

    private sealed class InsertSink : LabourObservationSink
    {
        private readonly SqliteCommand command;
        private readonly SqliteParameter[] parameters;

        public InsertSink(SqliteConnection connection, SqliteTransaction transaction)
        {
            command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO \"{Table}\" ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", Columns.Select((_, i) => $"$p{i}"))})";
            parameters = [.. Columns.Select((_, i) => command.Parameters.Add(new SqliteParameter { ParameterName = $"$p{i}" }))];
            command.Prepare();
        }

        public override async Task WriteAsync(IReadOnlyList<LabourObservation> rows, CancellationToken ct)
        {
            foreach (var o in rows)
            {
                object?[] values =
                [
                    o.DatasetId, o.Measure, o.Value, o.Weight, o.SourceClassification, o.SourceCode, o.Isco08, o.Country, o.Subdivision, o.Period,
                    o.PeriodStart, o.PeriodEnd, o.FiscalYear, o.Programme, o.EmployerId, o.RecruiterId, o.SourceRow, o.CaseNumber,
                ];
                for (var i = 0; i < values.Length; i++)
                {
                    parameters[i].Value = Stored(values[i]);
                }

                await command.ExecuteNonQueryAsync(ct);
            }
        }

        // As EF Core's SQLite provider stores them: decimals and dates as invariant text, integers as integers.
        private static object Stored(object? value) => value switch
        {
            null => DBNull.Value,
            decimal d => d.ToString("0.0###########################", System.Globalization.CultureInfo.InvariantCulture),
            DateOnly date => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            int i => i,
            string s => s,
            _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
        };

        public override async ValueTask DisposeAsync() => await command.DisposeAsync();
    }
}
