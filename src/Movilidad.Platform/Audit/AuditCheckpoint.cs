using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Configuration;
using Movilidad.Platform.Data;

namespace Movilidad.Platform.Audit;

/// <summary>
/// The head of the audit chain as the platform last wrote it: how many entries the trail holds, the newest entry's id
/// and hash, when, and a signature made with the data-protection key ring. Removing the newest entries leaves a trail
/// shorter than its checkpoint, and a checkpoint moved back by hand no longer matches its signature. One row (id 1),
/// rewritten in the transaction of every audited write; optionally copied, line by line, to a file out of the database.
/// </summary>
public class AuditCheckpoint
{
    public const int HeadId = 1;

    public int Id { get; set; } = HeadId;
    public long Entries { get; set; }
    public long LastEntryId { get; set; }
    public string Hash { get; set; } = AuditChain.Genesis;

    /// <summary>When the checkpoint was written, UTC, to the millisecond.</summary>
    public DateTime At { get; set; }
    public string Signature { get; set; } = string.Empty;

    /// <summary>What the signature covers.</summary>
    public string Payload() => string.Join('|', Entries.ToString(CultureInfo.InvariantCulture), LastEntryId.ToString(CultureInfo.InvariantCulture), Hash,
        At.ToString("yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture));
}

internal sealed class AuditCheckpointConfiguration : IEntityTypeConfiguration<AuditCheckpoint>
{
    public void Configure(EntityTypeBuilder<AuditCheckpoint> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Hash).HasMaxLength(64);
        builder.Property(c => c.Signature).HasMaxLength(1024);
    }
}

/// <summary>
/// Signs and checks audit checkpoints with the data-protection key ring (the one that protects cookies and reset links),
/// and appends each checkpoint to the file named by <c>Audit:CheckpointFile</c> when one is set. Registered by every host;
/// a context made without it (design time, some tests) writes no checkpoint, which leaves the last one a valid prefix.
/// </summary>
public sealed class AuditSeal(IDataProtectionProvider protection, IConfiguration configuration)
{
    public const string FileSetting = "Audit:CheckpointFile";

    private static readonly Lock FileLock = new();
    private readonly IDataProtector protector = protection.CreateProtector("Movilidad.Audit.Checkpoint.v1");

    /// <summary>The file every checkpoint is appended to, if any.</summary>
    public string? File => configuration[FileSetting] is { Length: > 0 } file ? Path.GetFullPath(file) : null;

    /// <summary>
    /// Reads (and creates, on a new database) the key ring before a write's transaction begins, so signing inside it never
    /// writes a key: the hosts call it once the database is migrated, the audited writes before they open a transaction.
    /// </summary>
    public void Prepare() => protector.Protect("ready"u8.ToArray());

    public void Sign(AuditCheckpoint checkpoint) => checkpoint.Signature = Convert.ToBase64String(protector.Protect(Encoding.UTF8.GetBytes(checkpoint.Payload())));

    public bool IsSigned(AuditCheckpoint checkpoint)
    {
        try
        {
            return Encoding.UTF8.GetString(protector.Unprotect(Convert.FromBase64String(checkpoint.Signature))) == checkpoint.Payload();
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }

    /// <summary>Appends a committed checkpoint to the file, one JSON line each.</summary>
    public void Append(AuditCheckpoint checkpoint)
    {
        if (File is not { } file)
        {
            return;
        }

        var line = JsonSerializer.Serialize(new FileLine(checkpoint.Entries, checkpoint.LastEntryId, checkpoint.Hash, checkpoint.At, checkpoint.Signature)) + "\n";
        lock (FileLock)
        {
            System.IO.File.AppendAllText(file, line);
        }
    }

    /// <summary>The checkpoint with the most entries in a checkpoint file, or why the file cannot be trusted.</summary>
    public static (AuditCheckpoint? Latest, string? Problem) ReadFile(string file, AuditSeal seal)
    {
        if (!System.IO.File.Exists(file))
        {
            return (null, $"the checkpoint file {file} does not exist");
        }

        AuditCheckpoint? latest = null;
        var number = 0;
        foreach (var text in System.IO.File.ReadLines(file))
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            FileLine? line;
            try
            {
                line = JsonSerializer.Deserialize<FileLine>(text);
            }
            catch (JsonException)
            {
                line = null;
            }

            if (line is null)
            {
                return (null, $"line {number} of {file} is not a checkpoint");
            }

            var checkpoint = new AuditCheckpoint { Entries = line.Entries, LastEntryId = line.LastEntryId, Hash = line.Hash, At = line.At, Signature = line.Signature };
            if (!seal.IsSigned(checkpoint))
            {
                return (null, $"line {number} of {file} does not match its signature (it was edited, or signed with another key ring)");
            }

            if (latest is null || checkpoint.Entries > latest.Entries)
            {
                latest = checkpoint;
            }
        }

        return (latest, null);
    }

    private sealed record FileLine(long Entries, long LastEntryId, string Hash, DateTime At, string Signature);
}

/// <summary>The checkpoint kept in the database, checked against its signature: what the audit page and <c>audit verify</c> show.</summary>
public sealed record CheckpointState(AuditCheckpoint? Checkpoint, bool Signed)
{
    public static async Task<CheckpointState> ReadAsync(MovilidadDb db, AuditSeal seal, CancellationToken ct)
    {
        var checkpoint = await db.AuditCheckpoints.AsNoTracking().SingleOrDefaultAsync(c => c.Id == AuditCheckpoint.HeadId, ct);
        return new CheckpointState(checkpoint, checkpoint is not null && seal.IsSigned(checkpoint));
    }
}
