using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Movilidad.Platform.Accounts;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Audit;

namespace Movilidad.Platform.Data;

/// <summary>
/// A number, per process, that grows whenever the content may have changed (anything but accounts, tokens, sign-in
/// counters, keys and the audit trail): figures derived from the content are kept while it stays the same, and
/// <see cref="ChangeToken"/> fires when it moves. Every content save through <see cref="MovilidadDb"/> in any process
/// (a web node, the command line, a test) also adds one to the <see cref="StoredDataVersion"/> row once it commits, and
/// <see cref="DataVersionWatch"/> moves this number when that row moves, so a change made on another web node or by
/// the command line is seen here within <see cref="DatabaseOptions.VersionPollMilliseconds"/>. Writes that bypass the
/// platform (SQL typed by hand) are not seen: whatever is kept under it also expires after <see cref="MaximumAge"/>.
/// </summary>
public sealed class DataVersion : IDisposable
{
    public static readonly TimeSpan MaximumAge = TimeSpan.FromMinutes(1);

    private long current;
    private long stored = -1;
    private CancellationTokenSource changed = new();

    public long Current => Interlocked.Read(ref current);

    /// <summary>Fires at the next change (then a new token is needed: read this property again).</summary>
    public IChangeToken ChangeToken => new CancellationChangeToken(Volatile.Read(ref changed).Token);

    /// <summary>The content may have changed: whatever was kept under the current number is stale.</summary>
    public void Bump()
    {
        Interlocked.Increment(ref current);
        Interlocked.Exchange(ref changed, new CancellationTokenSource()).Cancel();
    }

    public void Dispose() => changed.Dispose();

    /// <summary>This process wrote the stored row and it now reads <paramref name="value"/>: the watch need not announce that change again.</summary>
    internal void Wrote(long value)
    {
        Interlocked.CompareExchange(ref stored, value, value - 1);
        Bump();
    }

    /// <summary>The stored row reads <paramref name="value"/>: a change when it differs from what this process knew.</summary>
    internal void Saw(long value)
    {
        var known = Interlocked.Exchange(ref stored, value);
        if (known != value && known != -1)
        {
            Bump();
        }
    }

    /// <summary>Whether a save may change content: any tracked content entity counts, whatever its state (erring towards a new version).</summary>
    internal static bool MayTouchContent(ChangeTracker tracker) =>
        tracker.Entries().Any(e => e.Entity is not (AuditEntry or AuditCheckpoint or AttemptCounter or DataProtectionKey or ApiToken or Account or RoleGrant or StoredDataVersion));
}

/// <summary>The content's version shared by every process on the database: one row (id 1), one more at every committed content change.</summary>
public class StoredDataVersion
{
    public const int RowId = 1;

    public int Id { get; set; } = RowId;
    public long Value { get; set; }

    /// <summary>Adds one, outside any transaction (the change it announces has committed), and answers the new value.</summary>
    internal const string IncrementSql = """UPDATE "StoredDataVersions" SET "Value" = "Value" + 1 WHERE "Id" = 1 RETURNING "Value" """;

    internal const string ReadSql = """SELECT "Value" FROM "StoredDataVersions" WHERE "Id" = 1""";
}

internal sealed class StoredDataVersionConfiguration : IEntityTypeConfiguration<StoredDataVersion>
{
    public void Configure(EntityTypeBuilder<StoredDataVersion> builder)
    {
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasData(new StoredDataVersion { Id = StoredDataVersion.RowId, Value = 0 });
    }
}

/// <summary>
/// Reads the stored data version every <see cref="DatabaseOptions.VersionPollMilliseconds"/> and moves this process's
/// <see cref="DataVersion"/> when another process moved it. One indexed single-row read, straight on the connection
/// (not traced as a query); a failed read (the database restarting) is retried at the next tick. It polls on the
/// system's clock, whatever <see cref="TimeProvider"/> the host is given.
/// </summary>
public sealed class DataVersionWatch(IServiceScopeFactory scopes, DataVersion version, IOptions<DatabaseOptions> options, ILogger<DataVersionWatch> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.VersionPollMilliseconds));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<MovilidadDb>();
                if (await db.ReadStoredVersionAsync(stoppingToken) is { } value)
                {
                    version.Saw(value);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogDebug(e, "The stored data version could not be read; retrying at the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
