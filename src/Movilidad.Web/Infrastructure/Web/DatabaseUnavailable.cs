using System.Globalization;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Movilidad.Web.Infrastructure.Web;

/// <summary>
/// A database that cannot be reached for a moment (PostgreSQL restarting or shutting down, its connections cut, the pool
/// waiting for one; SQLite locked past its timeout) answers 503 with Retry-After, not 500: the request may be repeated
/// as it is, and the next one is served as soon as the database is back, without restarting the web host (broken pooled
/// connections are dropped by the driver on first use). The body is left to the error pages: problem details for the
/// API, the error page in the reader's language for pages. A full disk (SQLite's SQLITE_FULL, PostgreSQL's disk_full, no
/// space left for a file) answers 507: the write's transaction was rolled back, so nothing of it was kept.
/// </summary>
public static class DatabaseUnavailable
{
    /// <summary>The seconds a client is asked to wait: a PostgreSQL restart takes a few.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>Whether the exception, or one it wraps, says the database could not be reached or is going away (not a bad query).</summary>
    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // 57P01-03: administrator or crash shutdown, cannot connect now (starting up); class 08: connection exceptions.
                case PostgresException postgres when postgres.SqlState.StartsWith("57P", StringComparison.Ordinal) || postgres.SqlState.StartsWith("08", StringComparison.Ordinal):
                    return true;
                case PostgresException:
                    return false;
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                case SqliteException { SqliteErrorCode: 5 or 6 }: // SQLITE_BUSY, SQLITE_LOCKED
                    return true;
            }
        }

        return false;
    }

    /// <summary>Whether the exception, or one it wraps, says the disk is full.</summary>
    public static bool IsStorageFull(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: 13 } or PostgresException { SqlState: "53100" }
                || (e is IOException && e.Message.Contains("No space left on device", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    public static IApplicationBuilder UseDatabaseUnavailable(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        try
        {
            await next(http);
        }
        catch (Exception e) when (IsStorageFull(e) && !http.Response.HasStarted)
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Movilidad.Database")
                .LogError(e, "Storage full on {Method} {Path}: answered 507, the write was rolled back", http.Request.Method, http.Request.Path);
            http.Response.Clear();
            http.Response.StatusCode = StatusCodes.Status507InsufficientStorage;
            http.Response.Headers.CacheControl = "no-store";
        }
        catch (Exception e) when (Is(e) && !http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Movilidad.Database")
                .LogWarning(e, "Database unavailable on {Method} {Path}: answered 503", http.Request.Method, http.Request.Path);
            http.Response.Clear();
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            http.Response.Headers.CacheControl = "no-store";
        }
    });
}
