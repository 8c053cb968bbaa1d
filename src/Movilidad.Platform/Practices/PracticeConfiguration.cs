using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Movilidad.Platform.Reference;
using Movilidad.Platform.Data;

namespace Movilidad.Platform.Practices;

internal sealed class PracticeConfiguration :
    IEntityTypeConfiguration<Practice>,
    IEntityTypeConfiguration<PracticeGcmObjective>,
    IEntityTypeConfiguration<PracticeElement>,
    IEntityTypeConfiguration<PracticeCountry>
{
    public const int TitleMaxLength = 400;
    public const int SummaryMaxLength = 2000;
    public const int BodyMaxLength = 20000;
    public const int CommentMaxLength = 2000;
    public const int NameMaxLength = 200;

    public void Configure(EntityTypeBuilder<Practice> builder)
    {
        builder.HasBilingual(p => p.Title, TitleMaxLength).HasBilingual(p => p.Summary, SummaryMaxLength).HasBilingual(p => p.Body, BodyMaxLength);
        builder.HasOne(p => p.Institution).WithMany().HasForeignKey(p => p.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.InstitutionId);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(p => p.Status);
        builder.Property(p => p.ReviewComment).HasMaxLength(CommentMaxLength);
        builder.Property(p => p.ConsentGivenBy).HasMaxLength(NameMaxLength);
        builder.HasOne<Accounts.Account>().WithMany().HasForeignKey(p => p.SubmittedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.SubmittedById);
        builder.HasOne<Accounts.Account>().WithMany().HasForeignKey(p => p.ConsentRecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.ConsentRecordedById);

        // One practice a month: two cannot hold the same month.
        builder.HasIndex(p => p.ScheduledMonth).IsUnique();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasMany(p => p.GcmObjectives).WithOne().HasForeignKey(g => g.PracticeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Elements).WithOne().HasForeignKey(e => e.PracticeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Countries).WithOne().HasForeignKey(c => c.PracticeId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<PracticeGcmObjective> builder)
    {
        builder.HasKey(g => new { g.PracticeId, g.Objective });
        builder.HasIndex(g => g.Objective);
    }

    public void Configure(EntityTypeBuilder<PracticeElement> builder)
    {
        builder.HasKey(e => new { e.PracticeId, e.ElementId });
        builder.HasOne(e => e.Element).WithMany().HasForeignKey(e => e.ElementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.ElementId);
    }

    public void Configure(EntityTypeBuilder<PracticeCountry> builder)
    {
        builder.Property(c => c.CountryCode).HasMaxLength(2);
        builder.HasKey(c => new { c.PracticeId, c.CountryCode });
        builder.HasOne<Country>().WithMany().HasForeignKey(c => c.CountryCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.CountryCode);
    }
}
