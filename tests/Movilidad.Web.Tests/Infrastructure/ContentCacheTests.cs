using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Time.Testing;
using Movilidad.Platform.Data;
using Movilidad.Web.Infrastructure.Web;

namespace Movilidad.Web.Tests.Infrastructure;

/// <summary>
/// What the dashboard, the home page's figures, the demonstration banner and the occupation outlook are kept under: computed
/// once, kept until the data version moves, and never longer than <see cref="DataVersion.MaximumAge"/> on the host's clock;
/// computed once too when many requests ask at the same time (the computation counts its calls and is held on a gate while
/// they arrive), a failure not kept, a waiter going away leaving the others their value.
/// </summary>
public sealed class ContentCacheTests : IDisposable
{
    private readonly MemoryCache memory = new(new MemoryCacheOptions());
    private readonly DataVersion version = new();
    private readonly FakeTimeProvider clock = new(DateTimeOffset.Parse("2026-12-07T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private int computed;

    private Task<string?> ReadAsync(ContentCache cache) => cache.GetOrComputeAsync("key", () => Task.FromResult<string?>($"figures {++computed}"), CancellationToken.None);

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
        }, CancellationToken.None));
        Assert.Equal("figures 1", await ReadAsync(cache));
    }

    [Fact]
    public async Task Read_NothingComputed_KeepsNothing()
    {
        var cache = new ContentCache(memory, version, clock);
        Assert.Null(await cache.GetOrComputeAsync("key", () => Task.FromResult<string?>(null), CancellationToken.None));
        Assert.Equal("figures 1", await ReadAsync(cache));
    }

    private const int Readers = 8;

    private readonly TaskCompletionSource gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A computation that counts its calls and waits at the gate (or until its reader goes away) before it answers.</summary>
    private Func<Task<string?>> Held(CancellationToken ct = default) => async () =>
    {
        var call = Interlocked.Increment(ref computed);
        await gate.Task.WaitAsync(ct);
        return $"figures {call}";
    };

    [Fact]
    public async Task Read_ByManyReadersAtOnce_ComputesOnceAndAllShareIt()
    {
        var cache = new ContentCache(memory, version, clock);
        var reads = Enumerable.Range(0, Readers).Select(_ => cache.GetOrComputeAsync("key", Held(), CancellationToken.None)).ToList();
        Assert.Equal(1, computed);
        Assert.All(reads, r => Assert.False(r.IsCompleted));

        gate.SetResult();
        Assert.All(await Task.WhenAll(reads), value => Assert.Equal("figures 1", value));
        Assert.Equal("figures 1", await ReadAsync(cache));
        Assert.Equal(1, computed);
    }

    [Fact]
    public async Task Read_WhenTheSharedComputationFails_AllSeeTheFailure_NothingIsKept_AndTheNextReadComputes()
    {
        var cache = new ContentCache(memory, version, clock);
        var reads = Enumerable.Range(0, Readers).Select(_ => cache.GetOrComputeAsync<string>("key", async () =>
        {
            Interlocked.Increment(ref computed);
            await gate.Task;
            throw new InvalidOperationException("the database went away");
        }, CancellationToken.None)).ToList();
        gate.SetResult();
        foreach (var read in reads)
        {
            Assert.Equal("the database went away", (await Assert.ThrowsAsync<InvalidOperationException>(() => read)).Message);
        }

        Assert.Equal(1, computed);
        Assert.Equal("figures 2", await ReadAsync(cache));
    }

    [Fact]
    public async Task Read_AWaiterGoesAway_TheOthersStillGetTheOneValue()
    {
        var cache = new ContentCache(memory, version, clock);
        using var leaving = new CancellationTokenSource();
        var first = cache.GetOrComputeAsync("key", Held(), CancellationToken.None);
        var waiter = cache.GetOrComputeAsync("key", Held(), leaving.Token);
        var others = Enumerable.Range(0, Readers - 2).Select(_ => cache.GetOrComputeAsync("key", Held(), CancellationToken.None)).ToList();

        await leaving.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiter);
        Assert.False(first.IsCompleted);

        gate.SetResult();
        Assert.Equal("figures 1", await first);
        Assert.All(await Task.WhenAll(others), value => Assert.Equal("figures 1", value));
        Assert.Equal(1, computed);
    }

    [Fact]
    public async Task Read_TheComputingReaderGoesAway_AWaiterComputesInstead_AndTheOthersShareIt()
    {
        var cache = new ContentCache(memory, version, clock);
        using var leaving = new CancellationTokenSource();
        var first = cache.GetOrComputeAsync("key", Held(leaving.Token), leaving.Token);
        var others = Enumerable.Range(0, Readers - 1).Select(_ => cache.GetOrComputeAsync("key", Held(), CancellationToken.None)).ToList();

        await leaving.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.All(others, r => Assert.False(r.IsCompleted));

        gate.SetResult();
        Assert.All(await Task.WhenAll(others), value => Assert.Equal("figures 2", value));
        Assert.Equal(2, computed);
    }

    [Fact]
    public async Task Read_AfterTheVersionMovesDuringAComputation_DoesNotWaitForTheStaleOne()
    {
        var cache = new ContentCache(memory, version, clock);
        var stale = cache.GetOrComputeAsync("key", Held(), CancellationToken.None);
        version.Bump();
        var fresh = cache.GetOrComputeAsync("key", Held(), CancellationToken.None);
        Assert.Equal(2, computed);

        gate.SetResult();
        Assert.Equal("figures 1", await stale);
        Assert.Equal("figures 2", await fresh);
        Assert.Equal("figures 2", await ReadAsync(cache));
    }

    public void Dispose()
    {
        memory.Dispose();
        version.Dispose();
    }
}
