using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;
using Movilidad.Platform.Data;

namespace Movilidad.Web.Infrastructure.Web;

/// <summary>
/// Figures derived from the content, kept in the host's <see cref="IMemoryCache"/> until the content changes
/// (<see cref="DataVersion.ChangeToken"/>: a write on this node, on another node or by the command line) and at most
/// <see cref="DataVersion.MaximumAge"/> on the host's <see cref="TimeProvider"/>.
/// </summary>
public sealed class ContentCache(IMemoryCache cache, DataVersion version, TimeProvider clock)
{
    /// <summary>The value kept under the key, or the computed one (kept unless null).</summary>
    public async Task<T?> GetOrComputeAsync<T>(object key, Func<Task<T?>> compute) where T : class
    {
        if (cache.TryGetValue(key, out T? kept) && kept is not null)
        {
            return kept;
        }

        // The token is taken before reading: a change committed while the value is computed expires it at once.
        var changed = version.ChangeToken;
        if (await compute() is not { } computed)
        {
            return null;
        }

        var expiry = new CancellationTokenSource(DataVersion.MaximumAge, clock);
        var entry = new MemoryCacheEntryOptions()
            .AddExpirationToken(changed)
            .AddExpirationToken(new CancellationChangeToken(expiry.Token))
            .RegisterPostEvictionCallback((_, _, _, _) => expiry.Dispose());
        return cache.Set(key, computed, entry);
    }
}

public static class ContentCacheSetup
{
    public static IServiceCollection AddContentCache(this IServiceCollection services) => services.AddMemoryCache().AddSingleton<ContentCache>();
}
