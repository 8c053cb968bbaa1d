using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Movilidad.Platform.Data;

namespace Movilidad.Platform.Programmes;

internal sealed class RegistryConfiguration :
    IEntityTypeConfiguration<Programme>,
    IEntityTypeConfiguration<Agreement>,
    IEntityTypeConfiguration<SourceReference>
{
    public const int KeyMaxLength = 80;
    public const int NameMaxLength = RegistryContent.NameMaxLength;
    public const int CodeMaxLength = 40;
    public const int ListMaxLength = 400;
    public const int CommentMaxLength = RegistryContent.CommentMaxLength;

    public void Configure(EntityTypeBuilder<Programme> builder)
    {
        Entry(builder);
        builder.Property(p => p.Acronym).HasMaxLength(CodeMaxLength);
        builder.Property(p => p.Kind).HasMaxLength(CodeMaxLength);
        builder.Property(p => p.Modality).HasMaxLength(CodeMaxLength);
        builder.Property(p => p.Destinations).HasMaxLength(ListMaxLength);
        builder.Property(p => p.Origins).HasMaxLength(ListMaxLength);
        builder.Property(p => p.Occupations).HasMaxLength(ListMaxLength * 4);
        builder.Property(p => p.DemandDataset).HasMaxLength(CodeMaxLength);
        builder.Property(p => p.DemandStream).HasMaxLength(CodeMaxLength * 2);
    }

    public void Configure(EntityTypeBuilder<Agreement> builder)
    {
        Entry(builder);
        builder.Property(a => a.Subject).HasMaxLength(CodeMaxLength);
        builder.Property(a => a.Kind).HasMaxLength(CodeMaxLength);
        builder.Property(a => a.Programmes).HasMaxLength(ListMaxLength * 4);
        builder.Property(a => a.Signed).HasMaxLength(CodeMaxLength);
    }

    public void Configure(EntityTypeBuilder<SourceReference> builder)
    {
        builder.Property(r => r.Key).HasMaxLength(KeyMaxLength);
        builder.HasIndex(r => r.Key).IsUnique();
        builder.Property(r => r.Kind).HasMaxLength(CodeMaxLength);
        builder.Property(r => r.Url).HasMaxLength(2000);
        builder.Property(r => r.Title).HasMaxLength(NameMaxLength);
        builder.Property(r => r.Publisher).HasMaxLength(NameMaxLength);
        builder.Property(r => r.Reference).HasMaxLength(NameMaxLength);
        builder.Property(r => r.Accessed).HasMaxLength(CodeMaxLength);
        builder.Property(r => r.File).HasMaxLength(200);
    }

    internal static void Entry<T>(EntityTypeBuilder<T> builder)
        where T : RegistryEntry
    {
        builder.Property(e => e.Key).HasMaxLength(KeyMaxLength);
        builder.HasIndex(e => e.Key).IsUnique();
        builder.HasBilingual(e => e.Name, NameMaxLength);
        builder.Property(e => e.StatusCode).HasMaxLength(CodeMaxLength);
        builder.Property(e => e.Countries).HasMaxLength(ListMaxLength);
        builder.Property(e => e.Stage).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.ReviewComment).HasMaxLength(CommentMaxLength);
        builder.HasOne<Accounts.Account>().WithMany().HasForeignKey(e => e.ChangedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.ChangedById);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.Ignore(e => e.IsPublished);
        builder.Ignore(e => e.CountryList);
    }
}
