using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Movilidad.Platform.Data;

namespace Movilidad.Platform.Reports;

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>, IEntityTypeConfiguration<ReportNarrative>
{
    public const int SummaryMaxLength = 16000;
    public const int NarrativeMaxLength = 16000;
    public const int CommentMaxLength = 2000;

    public void Configure(EntityTypeBuilder<Report> builder)
    {
        builder.HasOne(r => r.Plan).WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.PlanId, r.Year, r.Half }).IsUnique();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasBilingual(r => r.Summary, SummaryMaxLength);
        builder.Property(r => r.ReturnComment).HasMaxLength(CommentMaxLength);
        builder.Property(r => r.ApprovedBy).HasMaxLength(256);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.Semester);
        builder.HasMany(r => r.Narratives).WithOne().HasForeignKey(n => n.ReportId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ReportNarrative> builder)
    {
        builder.Property(n => n.CountryCode).HasMaxLength(2);
        builder.HasIndex(n => new { n.ReportId, n.CountryCode }).IsUnique();
        builder.HasBilingual(n => n.Text, NarrativeMaxLength);
        builder.Property(n => n.UpdatedBy).HasMaxLength(256);
        builder.Property(n => n.Version).IsConcurrencyToken();
    }
}
