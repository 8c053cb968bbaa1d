using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Movilidad.Platform.Data;

namespace Movilidad.Platform.Knowledge;

internal sealed class RepositoryConfiguration : IEntityTypeConfiguration<RepositoryItem>, IEntityTypeConfiguration<RepositoryFile>, IEntityTypeConfiguration<RepositoryFileContent>
{
    public void Configure(EntityTypeBuilder<RepositoryItem> builder)
    {
        builder.HasBilingual(i => i.Title, RepositoryLimits.Title).HasBilingual(i => i.Summary, RepositoryLimits.Summary);
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Type).HasConversion<string>().HasMaxLength(24);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(i => i.Audience).HasConversion<string>().HasMaxLength(12);
        builder.Property(i => i.GenderLens).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Countries).HasMaxLength(RepositoryLimits.CodeList);
        builder.Property(i => i.Lines).HasMaxLength(RepositoryLimits.CodeList);
        builder.Property(i => i.Objectives).HasMaxLength(RepositoryLimits.CodeList);
        builder.Property(i => i.Topics).HasMaxLength(RepositoryLimits.CodeList);
        builder.Property(i => i.Occupations).HasMaxLength(RepositoryLimits.CodeList);
        builder.Property(i => i.GenderChecklist).HasMaxLength(RepositoryLimits.CodeList);
        builder.Property(i => i.Language).HasMaxLength(2);
        builder.Property(i => i.AuthorInstitution).HasMaxLength(RepositoryLimits.Name);
        builder.Property(i => i.Licence).HasMaxLength(RepositoryLimits.Name);
        builder.Property(i => i.Url).HasMaxLength(RepositoryLimits.Url);
        builder.Property(i => i.ContentKind).HasMaxLength(16);
        builder.Property(i => i.ContentKey).HasMaxLength(100);
        builder.Property(i => i.ReviewComment).HasMaxLength(RepositoryLimits.Comment);
        builder.Property(i => i.ShippedKey).HasMaxLength(100);
        builder.HasIndex(i => i.ShippedKey).IsUnique();
        builder.HasIndex(i => new { i.Status, i.Type });
        builder.HasOne<Accounts.Account>().WithMany().HasForeignKey(i => i.ProposedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.ProposedById);
        builder.HasOne<Accounts.Account>().WithMany().HasForeignKey(i => i.ReviewedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.ReviewedById);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasMany(i => i.Files).WithOne().HasForeignKey(f => f.ItemId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<RepositoryFile> builder)
    {
        builder.Property(f => f.Slot).HasMaxLength(60);
        builder.Property(f => f.Name).HasMaxLength(RepositoryLimits.FileName);
        builder.Property(f => f.ContentType).HasMaxLength(120);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.HasIndex(f => new { f.ItemId, f.Slot, f.FileVersion }).IsUnique();
        builder.HasOne<Accounts.Account>().WithMany().HasForeignKey(f => f.UploadedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => f.UploadedById);
        builder.HasOne(f => f.Content).WithOne().HasForeignKey<RepositoryFileContent>(c => c.FileId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<RepositoryFileContent> builder) => builder.HasKey(c => c.FileId);
}

/// <summary>The lengths the repository accepts, checked (and named) before a save.</summary>
public static class RepositoryLimits
{
    public const int Title = 400;
    public const int Summary = 4000;
    public const int CodeList = 2000;
    public const int Name = 300;
    public const int Url = 2000;
    public const int Comment = 2000;
    public const int FileName = 255;

    /// <summary>An upload's largest file: 20 MB.</summary>
    public const long FileBytes = 20L * 1024 * 1024;

    /// <summary>A ZIP-based file (DOCX, XLSX, ODT) may unpack to at most this much, and at most <see cref="ZipRatio"/> times its size.</summary>
    public const long UnpackedBytes = 200L * 1024 * 1024;
    public const int ZipRatio = 100;
    public const int ZipEntries = 5000;
}
