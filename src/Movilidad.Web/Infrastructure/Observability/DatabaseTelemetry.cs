using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Movilidad.Web.Infrastructure.Observability;

/// <summary>
/// Every database command the platform sends, on either database: a span (<c>Movilidad.Database</c>), its duration in the
/// <c>movilidad.db.command.duration</c> histogram by command kind, and a warning with the command's text when it is slow.
/// PostgreSQL's own driver adds its connection-pool metrics and spans (<c>Npgsql</c>); SQLite has no pool.
/// </summary>
public sealed class DatabaseTelemetry(IOptions<ObservabilityOptions> options, ILogger<DatabaseTelemetry> logger) : DbCommandInterceptor
{
    public const string SourceName = "Movilidad.Database";

    private static readonly ActivitySource Source = new(SourceName);
    private static readonly Meter Meter = new(SourceName);
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("movilidad.db.command.duration", "s", "Duration of the database commands the platform sends.");

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Finish(command, eventData, failed: false);
        return ValueTask.FromResult(result);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Finish(command, eventData, failed: false);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Finish(command, eventData, failed: false);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Finish(command, eventData, failed: false);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Finish(command, eventData, failed: false);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Finish(command, eventData, failed: false);
        return result;
    }

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Finish(command, eventData, failed: true);
        return Task.CompletedTask;
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Finish(command, eventData, failed: true);

    private void Finish(DbCommand command, CommandEndEventData data, bool failed)
    {
        var text = command.CommandText.TrimStart();
        var kind = text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) || text.StartsWith("WITH", StringComparison.OrdinalIgnoreCase) ? "query" : "write";
        // The span is written when the command has ended, from its start time and duration: nothing is left open across awaits.
        using (var span = Source.StartActivity(ActivityKind.Client, startTime: data.StartTime, name: "db " + kind))
        {
            if (span is not null)
            {
                span.SetTag("db.system.name", data.Context?.Database.ProviderName);
                span.SetTag("db.query.text", command.CommandText);
                span.SetStatus(failed ? ActivityStatusCode.Error : ActivityStatusCode.Ok);
                span.SetEndTime(data.StartTime.UtcDateTime + data.Duration);
            }
        }

        Duration.Record(data.Duration.TotalSeconds, new KeyValuePair<string, object?>("db.operation", kind), new KeyValuePair<string, object?>("error", failed));
        if (data.Duration.TotalMilliseconds >= options.Value.SlowQueryMilliseconds)
        {
            logger.LogWarning("Slow database command: {ElapsedMilliseconds} ms, {CommandKind}, {CommandText}", (long)data.Duration.TotalMilliseconds, kind, command.CommandText);
        }
    }
}
