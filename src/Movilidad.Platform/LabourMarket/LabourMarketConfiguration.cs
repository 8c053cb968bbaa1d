using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Movilidad.Platform.LabourMarket;

internal sealed class LabourMarketConfiguration :
    IEntityTypeConfiguration<LabourDataset>,
    IEntityTypeConfiguration<LabourDatasetIssue>,
    IEntityTypeConfiguration<LabourObservation>,
    IEntityTypeConfiguration<LabourObservationSum>,
    IEntityTypeConfiguration<LabourOrganisation>,
    IEntityTypeConfiguration<LabourImportJob>,
    IEntityTypeConfiguration<LabourColumnMapping>
{
    public const int NameMaxLength = 400;
    public const int CodeMaxLength = 32;

    public void Configure(EntityTypeBuilder<LabourDataset> builder)
    {
        builder.Property(d => d.Source).HasMaxLength(CodeMaxLength);
        builder.Property(d => d.PublisherCountry).HasMaxLength(2);
        builder.Property(d => d.FileName).HasMaxLength(NameMaxLength);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.HasIndex(d => d.Sha256).IsUnique();
        builder.Property(d => d.Format).HasMaxLength(8);
        builder.Property(d => d.Encoding).HasMaxLength(CodeMaxLength);
        builder.Property(d => d.Sheet).HasMaxLength(200);
        builder.Property(d => d.Title).HasMaxLength(2000);
        builder.Property(d => d.DescriptionEs).HasMaxLength(NameMaxLength);
        builder.Property(d => d.DescriptionEn).HasMaxLength(NameMaxLength);
        builder.Property(d => d.Classification).HasMaxLength(CodeMaxLength);
        builder.Property(d => d.PeriodCode).HasMaxLength(CodeMaxLength);
        builder.Property(d => d.ImportedBy).HasMaxLength(NameMaxLength);
        builder.HasOne<Accounts.Account>().WithMany().HasForeignKey(d => d.ImportedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(d => d.ImportedById);
        builder.HasMany(d => d.Issues).WithOne().HasForeignKey(i => i.DatasetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany<LabourObservation>().WithOne().HasForeignKey(o => o.DatasetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany<LabourObservationSum>().WithOne().HasForeignKey(o => o.DatasetId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<LabourDatasetIssue> builder)
    {
        builder.Property(i => i.Kind).HasMaxLength(16);
        builder.Property(i => i.Sheet).HasMaxLength(200);
        builder.Property(i => i.Column).HasMaxLength(200);
        builder.Property(i => i.Reason).HasMaxLength(CodeMaxLength);
        builder.Property(i => i.Value).HasMaxLength(NameMaxLength);
        builder.Property(i => i.MessageEs).HasMaxLength(2000);
        builder.Property(i => i.MessageEn).HasMaxLength(2000);
        builder.HasIndex(i => new { i.DatasetId, i.Row });
    }

    public void Configure(EntityTypeBuilder<LabourObservation> builder)
    {
        builder.Property(o => o.Measure).HasMaxLength(CodeMaxLength);
        builder.Property(o => o.Value).HasPrecision(20, 6);
        builder.Property(o => o.Weight).HasPrecision(12, 10);
        builder.Property(o => o.SourceClassification).HasMaxLength(16);
        builder.Property(o => o.SourceCode).HasMaxLength(CodeMaxLength);
        builder.Property(o => o.Isco08).HasMaxLength(4);
        builder.Property(o => o.Country).HasMaxLength(2);
        builder.Property(o => o.Subdivision).HasMaxLength(8);
        builder.Property(o => o.Period).HasMaxLength(CodeMaxLength);
        builder.Property(o => o.Programme).HasMaxLength(200);
        builder.Property(o => o.CaseNumber).HasMaxLength(64);
        builder.HasOne<LabourOrganisation>().WithMany().HasForeignKey(o => o.EmployerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LabourOrganisation>().WithMany().HasForeignKey(o => o.RecruiterId).OnDelete(DeleteBehavior.Restrict);

        // The explorer filters by measure first, then by occupation (a prefix of the ISCO-08 code), place or period.
        builder.HasIndex(o => new { o.DatasetId, o.SourceRow });
        builder.HasIndex(o => new { o.Measure, o.Isco08 });
        builder.HasIndex(o => new { o.Measure, o.Country, o.Subdivision });
        builder.HasIndex(o => new { o.Measure, o.PeriodStart });
        builder.HasIndex(o => o.EmployerId);
        builder.HasIndex(o => o.RecruiterId);
    }

    public void Configure(EntityTypeBuilder<LabourObservationSum> builder)
    {
        builder.Property(o => o.Measure).HasMaxLength(CodeMaxLength);
        builder.Property(o => o.Value).HasPrecision(20, 6);
        builder.Property(o => o.Isco08).HasMaxLength(4);
        builder.Property(o => o.Country).HasMaxLength(2);
        builder.Property(o => o.Subdivision).HasMaxLength(8);
        builder.Property(o => o.Period).HasMaxLength(CodeMaxLength);
        builder.Property(o => o.Programme).HasMaxLength(200);
        builder.HasIndex(o => o.DatasetId);
        builder.HasIndex(o => new { o.Measure, o.Isco08 });
        builder.HasIndex(o => new { o.Measure, o.Country, o.Subdivision });
        builder.HasIndex(o => new { o.Measure, o.PeriodStart });
    }

    public void Configure(EntityTypeBuilder<LabourOrganisation> builder)
    {
        builder.Property(o => o.Role).HasMaxLength(16);
        builder.Property(o => o.Name).HasMaxLength(NameMaxLength);
        builder.Property(o => o.Key).HasMaxLength(NameMaxLength);
        builder.Property(o => o.Country).HasMaxLength(2);
        builder.Property(o => o.Subdivision).HasMaxLength(8);
        builder.Property(o => o.City).HasMaxLength(200);
        builder.HasIndex(o => new { o.Role, o.Country, o.Key }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<LabourImportJob> builder)
    {
        builder.Property(j => j.Status).HasMaxLength(16);
        builder.Property(j => j.FileName).HasMaxLength(NameMaxLength);
        builder.Property(j => j.StagedFile).HasMaxLength(64);
        builder.Property(j => j.Sha256).HasMaxLength(64);
        builder.Property(j => j.Source).HasMaxLength(CodeMaxLength);
        builder.Property(j => j.Detected).HasMaxLength(CodeMaxLength);
        builder.Property(j => j.Signature).HasMaxLength(64);
        builder.Property(j => j.Rights).HasMaxLength(64);
        builder.Property(j => j.Language).HasMaxLength(2);
        builder.Property(j => j.CreatedBy).HasMaxLength(NameMaxLength);
        builder.Property(j => j.CreatedFrom).HasMaxLength(64);
        builder.Property(j => j.Via).HasMaxLength(NameMaxLength);
        builder.HasOne<Accounts.Account>().WithMany().HasForeignKey(j => j.CreatedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<LabourDataset>().WithMany().HasForeignKey(j => j.DatasetId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(j => j.CreatedById);
        builder.HasIndex(j => j.DatasetId);
        builder.HasIndex(j => j.Status);
    }

    public void Configure(EntityTypeBuilder<LabourColumnMapping> builder)
    {
        builder.Property(m => m.Signature).HasMaxLength(64);
        builder.HasIndex(m => m.Signature).IsUnique();
        builder.Property(m => m.Header).HasMaxLength(4000);
        builder.Property(m => m.SavedBy).HasMaxLength(NameMaxLength);
        builder.HasOne<Accounts.Account>().WithMany().HasForeignKey(m => m.SavedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(m => m.SavedById);
        builder.Property(m => m.Version).IsConcurrencyToken();
    }
}
