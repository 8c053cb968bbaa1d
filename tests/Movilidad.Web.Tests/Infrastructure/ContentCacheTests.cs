using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Time.Testing;
using Movilidad.Platform.Data;
using Movilidad.Web.Infrastructure.Web;

namespace Movilidad.Web.Tests.Infrastructure;

/// <summary>
/// What the dashboard, the home page's figures and the demonstration banner are kept under: computed once, kept until the
/// data version moves, and never longer than <see cref="DataVersion.MaximumAge"/> on the host's clock.
/// </summary>
public sealed class ContentCacheTests : IDisposable
{
    private readonly MemoryCache memory = new(new MemoryCacheOptions());
    private readonly DataVersion version = new();
    private readonly FakeTimeProvider clock = new(DateTimeOffset.Parse("2026-12-07T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private int computed;

    private Task<string?> ReadAsync(ContentCache cache) => cache.GetOrComputeAsync("key", () => Task.FromResult<string?>($"figures {++computed}"));

    [Fact]
    public async Task Read_TwiceWithoutAChange_ComputesOnce()
    {
        var cache = new ContentCache(memory, version, clock);
        Assert.Equal("figures 1", await ReadAsync(cache));
        clock.Advance(DataVersion.MaximumAge - TimeSpan.FromSeconds(1));
        Assert.Equal("figures 1", await ReadAsync(cache));
    }

    [Fact]
    public async Task Read_AfterTheDataVersionMoves_Recomputes()
    {
        var cache = new ContentCache(memory, version, clock);
        await ReadAsync(cache);
        version.Bump();
        Assert.Equal("figures 2", await ReadAsync(cache));
        Assert.Equal("figures 2", await ReadAsync(cache));
    }

    [Fact]
    public async Task Read_AfterTheMaximumAgeOnTheHostsClock_Recomputes()
    {
        var cache = new ContentCache(memory, version, clock);
        await ReadAsync(cache);
        clock.Advance(DataVersion.MaximumAge);
        Assert.Equal("figures 2", await ReadAsync(cache));
    }

    [Fact]
    public async Task Read_WhenTheVersionMovesWhileComputing_KeepsNothing()
    {
        var cache = new ContentCache(memory, version, clock);
        Assert.Equal("during", await cache.GetOrComputeAsync("key", () =>
        {
            version.Bump();
            return Task.FromResult<string?>("during");
        }));
        Assert.Equal("figures 1", await ReadAsync(cache));
    }

    [Fact]
    public async Task Read_NothingComputed_KeepsNothing()
    {
        var cache = new ContentCache(memory, version, clock);
        Assert.Null(await cache.GetOrComputeAsync("key", () => Task.FromResult<string?>(null)));
        Assert.Equal("figures 1", await ReadAsync(cache));
    }

    public void Dispose()
    {
        memory.Dispose();
        version.Dispose();
    }
}
