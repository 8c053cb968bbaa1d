using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;
using Movilidad.Platform.Data;

namespace Movilidad.Web.Infrastructure.Web;

/// <summary>
/// Figures derived from the content, kept in the host's <see cref="IMemoryCache"/> until the content changes
/// (<see cref="DataVersion.ChangeToken"/>: a write on this node, on another node or by the command line) and at most
/// <see cref="DataVersion.MaximumAge"/> on the host's <see cref="TimeProvider"/>.
/// A value not kept yet is computed once however many requests ask for it at the same time: the first computes it (on
/// its own database context), the others wait for that computation and share its value or its failure. A failure is
/// not kept: the next request computes again. A waiter that goes away stops waiting and nothing else; when the request
/// that computes goes away (its computation cancelled), the waiters do not share the cancellation: one of them computes.
/// </summary>
public sealed class ContentCache(IMemoryCache cache, DataVersion version, TimeProvider clock)
{
    /// <summary>The computations under way, by key, with the data version each began on.</summary>
    private readonly ConcurrentDictionary<object, Flight> flights = new();

    /// <summary>
    /// The value kept under the key, or the computed one (kept unless null). <paramref name="ct"/> is the caller's request's:
    /// it ends the caller's wait (pass it); <paramref name="compute"/> runs only when this caller is the one that computes.
    /// </summary>
    public async Task<T?> GetOrComputeAsync<T>(object key, Func<Task<T?>> compute, CancellationToken ct = default) where T : class
    {
        while (true)
        {
            if (cache.TryGetValue(key, out T? kept) && kept is not null)
            {
                return kept;
            }

            // The token is taken before reading: a change committed while the value is computed expires it at once,
            // and a request that comes after the change does not wait for a computation begun before it.
            var mine = new Flight(version.ChangeToken);
            var flight = flights.GetOrAdd(key, mine);
            if (flight != mine && flight.Changed.HasChanged)
            {
                if (!flights.TryUpdate(key, mine, flight))
                {
                    continue;
                }

                flight = mine;
            }

            if (flight == mine)
            {
                return await ComputeAsync(key, mine, compute);
            }

            try
            {
                return (T?)await flight.Result.Task.WaitAsync(ct);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                // The request that computed went away; this one is still here: look again, and compute if nobody does.
            }
        }
    }

    private async Task<T?> ComputeAsync<T>(object key, Flight flight, Func<Task<T?>> compute) where T : class
    {
        T? computed;
        try
        {
            computed = await compute();
        }
        catch (Exception e)
        {
            flights.TryRemove(new KeyValuePair<object, Flight>(key, flight));
            if (e is OperationCanceledException)
            {
                flight.Result.SetCanceled(CancellationToken.None);
            }
            else
            {
                flight.Result.SetException(e);
            }

            throw;
        }

        // A value computed on a data version that has moved meanwhile is answered but not kept (nor does it replace a newer one).
        if (computed is not null && !flight.Changed.HasChanged)
        {
            var expiry = new CancellationTokenSource(DataVersion.MaximumAge, clock);
            var entry = new MemoryCacheEntryOptions()
                .AddExpirationToken(flight.Changed)
                .AddExpirationToken(new CancellationChangeToken(expiry.Token))
                .RegisterPostEvictionCallback((_, _, _, _) => expiry.Dispose());
            cache.Set(key, computed, entry);
        }

        flights.TryRemove(new KeyValuePair<object, Flight>(key, flight));
        flight.Result.SetResult(computed);
        return computed;
    }

    /// <summary>One computation under way: its outcome, and the change token of the data version it began on.</summary>
    private sealed class Flight(IChangeToken changed)
    {
        public IChangeToken Changed { get; } = changed;

        public TaskCompletionSource<object?> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

public static class ContentCacheSetup
{
    public static IServiceCollection AddContentCache(this IServiceCollection services) => services.AddMemoryCache().AddSingleton<ContentCache>();
}
