using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Movilidad.Platform.Data;

namespace Movilidad.Platform.Training;

internal sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> builder)
    {
        builder.HasBilingual(c => c.Title, CourseLimits.Title).HasBilingual(c => c.Summary, CourseLimits.Summary)
            .HasBilingual(c => c.ProviderName, CourseLimits.Name).HasBilingual(c => c.Certification, CourseLimits.Text).HasBilingual(c => c.Notes, CourseLimits.Text);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Modality).HasConversion<string>().HasMaxLength(12);
        builder.Property(c => c.Languages).HasMaxLength(CourseLimits.CodeList);
        builder.Property(c => c.Audiences).HasMaxLength(CourseLimits.CodeList);
        builder.Property(c => c.Topics).HasMaxLength(CourseLimits.CodeList);
        builder.Property(c => c.Occupations).HasMaxLength(CourseLimits.CodeList);
        builder.Property(c => c.Countries).HasMaxLength(CourseLimits.CodeList);
        builder.Property(c => c.Lines).HasMaxLength(CourseLimits.CodeList);
        builder.Property(c => c.Sources).HasMaxLength(CourseLimits.CodeList);
        builder.Property(c => c.Hours).HasPrecision(8, 2);
        builder.Property(c => c.Cost).HasPrecision(14, 2);
        builder.Property(c => c.Currency).HasMaxLength(3);
        builder.Property(c => c.Url).HasMaxLength(CourseLimits.Url);
        builder.Property(c => c.ShippedKey).HasMaxLength(100);
        builder.HasIndex(c => c.ShippedKey).IsUnique();
        builder.HasIndex(c => c.StartDate);
        builder.HasOne<Institutions.Institution>().WithMany().HasForeignKey(c => c.ProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.ProviderId);
        builder.HasOne<Accounts.Account>().WithMany().HasForeignKey(c => c.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.RecordedById);
        builder.Property(c => c.Version).IsConcurrencyToken();
    }
}

internal sealed class CourseInterestConfiguration : IEntityTypeConfiguration<CourseInterest>
{
    public void Configure(EntityTypeBuilder<CourseInterest> builder)
    {
        builder.HasIndex(i => new { i.CourseId, i.AccountId }).IsUnique();
        builder.HasIndex(i => i.AccountId);
        builder.HasOne<Course>().WithMany().HasForeignKey(i => i.CourseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.Account>().WithMany().HasForeignKey(i => i.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
