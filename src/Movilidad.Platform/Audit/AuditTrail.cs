using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;

namespace Movilidad.Platform.Audit;

/// <summary>Who makes a write and from where: a person in a browser, a machine client with a token, or the command line.</summary>
public sealed record AuditActor(int? AccountId, string Name, string? Address, string? Via)
{
    public const string TokenClaim = "movilidad:token";

    public static AuditActor From(HttpContext http)
    {
        var user = http.User;
        var id = int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : (int?)null;
        var token = user.FindFirstValue(TokenClaim);
        return new AuditActor(id, user.Identity?.Name ?? "anonymous", http.Connection.RemoteIpAddress?.ToString(), token is null ? "web" : "token:" + token);
    }

    public static AuditActor CommandLine() => new(null, "cli:" + Environment.UserName, Environment.MachineName, "cli");
}

/// <summary>What a write did: the action, the entity, its country (if it has one) and its values before and after.</summary>
public sealed record AuditRecord(string Action, string EntityType, string EntityId, object? Before, object? After, string? Country = null);

public static class AuditActions
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string Restore = "restore";
    public const string Publish = "publish";
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string Grant = "role-change";
    public const string TokenCreate = "token-create";
    public const string TokenRevoke = "token-revoke";
    public const string Password = "password";
    public const string TwoFactor = "two-factor";
    public const string Hide = "hide";
    public const string Confirm = "confirm";
}

public static class AuditTrail
{
    /// <summary>
    /// Writes a checkpoint of the trail as it stands (<c>movilidad audit checkpoint</c>): for a trail written before
    /// checkpoints existed, once its chain has been verified. False when there is no seal or no entry to anchor.
    /// </summary>
    public static async Task<bool> CheckpointNowAsync(this MovilidadDb db, TimeProvider clock, CancellationToken ct = default)
    {
        if (db.Seal is null || !await db.AuditEntries.AnyAsync(ct))
        {
            return false;
        }

        db.Seal.Prepare();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7240531)", ct);
        }

        await db.CheckpointAsync(clock.GetUtcNow().UtcDateTime, ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// Rewrites the signed checkpoint to the chain's new head, in the write's transaction (see <see cref="AuditCheckpoint"/>).
    /// The count adds the entries after the previous checkpoint, so writes made without a seal are counted too.
    /// </summary>
    private static async Task CheckpointAsync(this MovilidadDb db, DateTime now, CancellationToken ct)
    {
        if (db.Seal is not { } seal)
        {
            return;
        }

        var head = await db.AuditEntries.OrderByDescending(e => e.Id).Select(e => new { e.Id, e.Hash }).FirstOrDefaultAsync(ct);
        if (head is null)
        {
            return;
        }

        var checkpoint = await db.AuditCheckpoints.SingleOrDefaultAsync(c => c.Id == AuditCheckpoint.HeadId, ct);
        if (checkpoint is null)
        {
            checkpoint = new AuditCheckpoint { Entries = await db.AuditEntries.LongCountAsync(ct) };
            db.AuditCheckpoints.Add(checkpoint);
        }
        else
        {
            var since = checkpoint.LastEntryId;
            checkpoint.Entries += await db.AuditEntries.LongCountAsync(e => e.Id > since, ct);
        }

        checkpoint.LastEntryId = head.Id;
        checkpoint.Hash = head.Hash;
        checkpoint.At = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
        seal.Sign(checkpoint);
        await db.SaveChangesAsync(ct);
        db.PendingCheckpoint = checkpoint;
    }

    /// <summary>How an item's numeric id is written in the trail's <c>EntityId</c>.</summary>
    public static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    // Enumerations by name, as the API writes them: a history reads "planned → postponed", not "0 → 5".
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower), new UtcDateTimeConverter() } };

    public static string? ToJson(object? value) => value is null ? null : JsonSerializer.Serialize(value, Json);

    /// <summary>
    /// Saves the pending changes and the audit entry that describes them in one transaction. The record is asked
    /// for after the changes are saved, so a created entity's id is known.
    /// </summary>
    public static Task SaveAuditedAsync(this MovilidadDb db, AuditActor actor, Func<AuditRecord> describe, TimeProvider clock, CancellationToken ct = default) =>
        db.SaveAuditedManyAsync(actor, () => [describe()], clock, ct);

    /// <summary>Saves the pending changes of a write that touches many entities (an import) with one chained audit entry per entity, in one transaction.</summary>
    public static async Task SaveAuditedManyAsync(this MovilidadDb db, AuditActor actor, Func<IReadOnlyList<AuditRecord>> describe, TimeProvider clock, CancellationToken ct = default)
    {
        db.Seal?.Prepare();
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            if (db.Database.IsNpgsql())
            {
                // One appender at a time on PostgreSQL; on SQLite the first write of the transaction already serialises writers.
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7240531)", ct);
            }

            await db.SaveChangesAsync(ct);
            var previous = await db.AuditEntries.OrderByDescending(e => e.Id).Select(e => e.Hash).FirstOrDefaultAsync(ct) ?? AuditChain.Genesis;
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var record in describe())
            {
                var entry = new AuditEntry
                {
                    At = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc),
                    AccountId = actor.AccountId,
                    Actor = actor.Name,
                    Address = actor.Address,
                    Via = actor.Via,
                    Action = record.Action,
                    EntityType = record.EntityType,
                    EntityId = record.EntityId,
                    Country = record.Country,
                    Before = ToJson(record.Before),
                    After = ToJson(record.After),
                    PreviousHash = previous,
                    Hash = string.Empty,
                };
                entry.Hash = AuditChain.HashOf(entry);
                previous = entry.Hash;
                db.AuditEntries.Add(entry);
            }

            await db.SaveChangesAsync(ct);
            await db.CheckpointAsync(now, ct);
            if (own is not null)
            {
                await own.CommitAsync(ct);
            }
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }
}

/// <summary>The result of checking the chain: how many entries were read and the first one that does not fit, if any.</summary>
public sealed record ChainCheck(int Entries, long? FirstBroken, string? Reason);

public static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string HashOf(AuditEntry e)
    {
        var text = string.Join('\u001f',
            e.PreviousHash,
            e.At.ToString("yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture),
            e.AccountId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            e.Actor, e.Address ?? string.Empty, e.Via ?? string.Empty, e.Action, e.EntityType, e.EntityId,
            e.Country ?? string.Empty, e.Before ?? string.Empty, e.After ?? string.Empty);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>
    /// Reads the whole trail in order and recomputes every hash; names the first entry that was changed, inserted or removed.
    /// Given a checkpoint, also checks that the trail still reaches it: the entry it names, with its hash, and at least as
    /// many entries (removing the newest entries leaves every hash intact but the trail shorter than its checkpoint).
    /// </summary>
    public static async Task<ChainCheck> VerifyAsync(MovilidadDb db, AuditCheckpoint? checkpoint = null, CancellationToken ct = default)
    {
        var previous = Genesis;
        var count = 0;
        string? hashAtCheckpoint = null;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            if (entry.PreviousHash != previous)
            {
                return new ChainCheck(count, entry.Id, "it does not follow the entry before it (an entry was removed or inserted)");
            }

            if (HashOf(entry) != entry.Hash)
            {
                return new ChainCheck(count, entry.Id, "its content does not match its hash (the entry was edited)");
            }

            if (entry.Id == checkpoint?.LastEntryId)
            {
                hashAtCheckpoint = entry.Hash;
            }

            previous = entry.Hash;
        }

        if (checkpoint is not null && checkpoint.Entries > 0 && (count < checkpoint.Entries || hashAtCheckpoint != checkpoint.Hash))
        {
            return new ChainCheck(count, checkpoint.LastEntryId, string.Create(CultureInfo.InvariantCulture,
                $"the trail is truncated: the checkpoint of {checkpoint.At:yyyy-MM-dd HH:mm:ss} UTC records {checkpoint.Entries} entries ending with entry {checkpoint.LastEntryId} (hash {checkpoint.Hash[..12]}...), the trail holds {count}{(hashAtCheckpoint is null ? $" and no entry {checkpoint.LastEntryId}" : string.Empty)} (its newest entries were removed)"));
        }

        return new ChainCheck(count, null, null);
    }
}

/// <summary>
/// Every time the platform stores is UTC, but SQLite gives it back without its kind and PostgreSQL to the microsecond:
/// written as UTC to the microsecond however it was read, a time saved with one version and read back for the next is
/// not shown as changed by a missing "Z" or a tenth of a microsecond.
/// </summary>
internal sealed class UtcDateTimeConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDateTime();

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        writer.WriteStringValue(new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMicrosecond), DateTimeKind.Utc));
    }
}
