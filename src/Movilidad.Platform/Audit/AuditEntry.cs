using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Movilidad.Platform.Audit;

/// <summary>
/// One write: who, when, from where, what, and the values before and after (JSON). Append-only: each entry
/// carries the hash of the one before it, so editing or removing a row breaks the chain (<see cref="AuditChain"/>).
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }

    /// <summary>When the write happened, UTC.</summary>
    public DateTime At { get; set; }
    public int? AccountId { get; set; }
    public string Actor { get; set; } = string.Empty;

    /// <summary>The client's address, and "token:{id}" when an API token made the write.</summary>
    public string? Address { get; set; }
    public string? Via { get; set; }
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }

    /// <summary>The member country the entity belongs to, so a focal point sees their country's trail.</summary>
    public string? Country { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(e => e.Actor).HasMaxLength(256);
        builder.Property(e => e.Address).HasMaxLength(64);
        builder.Property(e => e.Via).HasMaxLength(32);
        builder.Property(e => e.Action).HasMaxLength(32);
        builder.Property(e => e.EntityType).HasMaxLength(64);
        builder.Property(e => e.EntityId).HasMaxLength(64);
        builder.Property(e => e.Country).HasMaxLength(2);
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        builder.Property(e => e.Hash).HasMaxLength(64);

        // Two writers that read the same last entry cannot both append after it: the chain never forks.
        builder.HasIndex(e => e.PreviousHash).IsUnique();
        builder.HasIndex(e => new { e.EntityType, e.EntityId });
        builder.HasIndex(e => e.At);
    }
}
