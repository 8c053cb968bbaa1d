using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;

namespace Movilidad.Web.Infrastructure.Auth;

/// <summary>
/// The API per person and per client address, and comment writes per person, counted for every web node together:
/// each node counts in memory and adds its counts to the database's <see cref="AttemptCounter"/> rows every
/// <see cref="FlushInterval"/>, reading back what all nodes counted (<see cref="SharedRateCounts"/>). A node thus lets
/// through at most what the others counted in the last interval beyond a limit, with no database write per request.
/// Sign-in and password reset are counted in the database at every request (<see cref="SharedAttemptLimitAttribute"/>).
/// Refusals are 429 with Retry-After until the window ends.
/// </summary>
public static class RateLimits
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(250);

    public static IServiceCollection AddMovilidadRateLimits(this IServiceCollection services) =>
        services.AddSingleton<SharedRateCounts>().AddHostedService(s => s.GetRequiredService<SharedRateCounts>());

    /// <summary>Counts API requests and comment writes (<see cref="CommentWriteLimitAttribute"/>); placed after authentication.</summary>
    public static IApplicationBuilder UseMovilidadRateLimits(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            var services = http.RequestServices;
            var limits = services.GetRequiredService<IOptions<SecurityOptions>>().Value;
            var counts = services.GetRequiredService<SharedRateCounts>();
            var person = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
            TimeSpan? refused = null;
            if (http.Request.Path.StartsWithSegments("/api"))
            {
                refused = (person is null ? null : counts.Count("api:person:" + person, limits.ApiPermitsPerMinute))
                    ?? counts.Count("api:address:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"), limits.ApiPermitsPerMinute);
            }

            if (refused is null && person is not null && !HttpMethods.IsGet(http.Request.Method)
                && http.GetEndpoint()?.Metadata.GetMetadata<CommentWriteLimitAttribute>() is not null)
            {
                refused = counts.Count("comment:" + person, limits.CommentPermitsPerMinute);
            }

            if (refused is { } retry)
            {
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return;
            }

            await next(http);
        });
}

/// <summary>Marks the comment writes, pages and API: at most <see cref="SecurityOptions.CommentPermitsPerMinute"/> per person per window.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class CommentWriteLimitAttribute : Attribute;

/// <summary>
/// Fixed-window counts per partition shared by every web node through the database. A request is admitted while what
/// all nodes had counted at the last exchange, plus what this node counted since, stays within the limit; every
/// <see cref="RateLimits.FlushInterval"/> this node adds its new counts to the stored ones and reads back the totals.
/// </summary>
public sealed class SharedRateCounts(IServiceScopeFactory scopes, TimeProvider clock, IOptions<SecurityOptions> options, ILogger<SharedRateCounts> log) : BackgroundService
{
    private readonly ConcurrentDictionary<(string Partition, DateTime Window), Slot> slots = new();
    private readonly SemaphoreSlim exchanging = new(1, 1);

    /// <summary>
    /// Counts one request in the partition's current window (<see cref="SecurityOptions.RateLimitWindowSeconds"/> unless
    /// another length is given): null when admitted, else the time left in the window.
    /// </summary>
    public TimeSpan? Count(string partition, int limit, TimeSpan? windowLength = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var length = windowLength ?? TimeSpan.FromSeconds(options.Value.RateLimitWindowSeconds);
        var window = new DateTime(now.Ticks - (now.Ticks % length.Ticks), DateTimeKind.Utc);
        var slot = slots.GetOrAdd((partition, window), _ => new Slot { End = window + length });
        var counted = Interlocked.Increment(ref slot.Unsent);
        if (Volatile.Read(ref slot.Everywhere) + counted <= limit)
        {
            return null;
        }

        Interlocked.Decrement(ref slot.Unsent);
        return window + length - now;
    }

    /// <summary>Adds this node's new counts to the stored ones and reads back every node's totals; windows that ended are dropped.</summary>
    public async Task ExchangeAsync(CancellationToken ct)
    {
        await exchanging.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MovilidadDb>();
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var ((partition, window), slot) in slots)
            {
                if (slot.End <= now)
                {
                    slots.TryRemove((partition, window), out _);
                    continue;
                }

                var unsent = Interlocked.Exchange(ref slot.Unsent, 0);
                Interlocked.Add(ref slot.Everywhere, unsent);
                try
                {
                    Volatile.Write(ref slot.Everywhere, await db.AddAttemptsAsync(partition, window, unsent, ct));
                }
                catch
                {
                    Interlocked.Add(ref slot.Everywhere, -unsent);
                    Interlocked.Add(ref slot.Unsent, unsent);
                    throw;
                }
            }
        }
        finally
        {
            exchanging.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RateLimits.FlushInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await ExchangeAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogDebug(e, "Rate-limit counts could not be exchanged with the database; counting on this node until the next tick");
            }
        }
    }

    public override void Dispose()
    {
        exchanging.Dispose();
        base.Dispose();
    }

    private sealed class Slot
    {
        public DateTime End { get; init; }

        /// <summary>Counted on this node since the last exchange.</summary>
        public int Unsent;

        /// <summary>Counted on every node together at the last exchange (this node's own counts included).</summary>
        public int Everywhere;
    }
}
