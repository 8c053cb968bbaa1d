using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Movilidad.Platform.Accounts;
using Movilidad.Platform.Writes;
namespace Movilidad.Platform.Comments;

/// <summary>
/// A remark by a signed-in person on an item, named by its entity type and id as the audit trail names it
/// (<c>plan-element</c> 12, <c>activity</c> 7), so any item can take comments. Plain text, encoded on output.
/// Never hard-deleted: its author deletes it (soft) and the Secretariat hides it with a reason.
/// </summary>
public class Comment : IVersioned
{
    public const int MaxLength = 4000;
    public const int MaxReasonLength = 1000;

    public int Id { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public int AccountId { get; set; }
    public Account? Account { get; set; }
    public required string Text { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? EditedAt { get; set; }
    public DateTime? DeletedAt { get; set; }
    public DateTime? HiddenAt { get; set; }
    public string? HiddenReason { get; set; }

    /// <summary>Goes up by one on every change; a change made from an older version is a conflict.</summary>
    public int Version { get; set; }
}

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> builder)
    {
        builder.Property(c => c.EntityType).HasMaxLength(64);
        builder.Property(c => c.EntityId).HasMaxLength(64);
        builder.Property(c => c.Text).HasMaxLength(Comment.MaxLength);
        builder.Property(c => c.HiddenReason).HasMaxLength(Comment.MaxReasonLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne(c => c.Account).WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.EntityType, c.EntityId });
    }
}
