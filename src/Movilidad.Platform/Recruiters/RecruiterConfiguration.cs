using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Movilidad.Platform.Recruiters;

internal sealed class RecruiterConfiguration :
    IEntityTypeConfiguration<Recruiter>,
    IEntityTypeConfiguration<RecruiterName>,
    IEntityTypeConfiguration<RecruiterLicence>,
    IEntityTypeConfiguration<RecruiterSanction>,
    IEntityTypeConfiguration<RecruiterDuplicate>,
    IEntityTypeConfiguration<FraudReport>
{
    public const int NameMaxLength = 400;
    public const int TextMaxLength = 4000;
    public const int SourceMaxLength = 1000;
    public const int ShortMaxLength = 200;

    public void Configure(EntityTypeBuilder<Recruiter> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(NameMaxLength);
        builder.Property(r => r.SpellingKey).HasMaxLength(NameMaxLength);
        builder.Property(r => r.MatchKey).HasMaxLength(NameMaxLength);
        builder.Property(r => r.Country).HasMaxLength(2);
        builder.Property(r => r.Subdivision).HasMaxLength(8);
        builder.Property(r => r.City).HasMaxLength(ShortMaxLength);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(r => new { r.Country, r.SpellingKey }).IsUnique();
        builder.HasIndex(r => r.MatchKey);
        builder.HasOne<Recruiter>().WithMany().HasForeignKey(r => r.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.MergedIntoId);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasMany(r => r.Names).WithOne().HasForeignKey(n => n.RecruiterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Licences).WithOne().HasForeignKey(l => l.RecruiterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Sanctions).WithOne().HasForeignKey(s => s.RecruiterId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<RecruiterName> builder)
    {
        builder.Property(n => n.Name).HasMaxLength(NameMaxLength);
        builder.Property(n => n.SpellingKey).HasMaxLength(NameMaxLength);
        builder.Property(n => n.MatchKey).HasMaxLength(NameMaxLength);
        builder.Property(n => n.Source).HasMaxLength(32);
        builder.HasIndex(n => n.MatchKey);
        builder.HasIndex(n => n.RecruiterId);
        builder.HasOne<LabourMarket.LabourOrganisation>().WithMany().HasForeignKey(n => n.LabourOrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => n.LabourOrganisationId);
    }

    public void Configure(EntityTypeBuilder<RecruiterLicence> builder)
    {
        builder.Property(l => l.Country).HasMaxLength(2);
        builder.Property(l => l.Number).HasMaxLength(ShortMaxLength);
        builder.Property(l => l.NumberKey).HasMaxLength(ShortMaxLength);
        builder.Property(l => l.Authority).HasMaxLength(NameMaxLength);
        builder.Property(l => l.Source).HasMaxLength(SourceMaxLength);
        builder.Property(l => l.RecordedBy).HasMaxLength(ShortMaxLength);
        builder.Property(l => l.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(l => l.NumberKey);
        builder.HasIndex(l => l.RecruiterId);
    }

    public void Configure(EntityTypeBuilder<RecruiterSanction> builder)
    {
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(s => s.Country).HasMaxLength(2);
        builder.Property(s => s.Programme).HasMaxLength(32);
        builder.Property(s => s.Authority).HasMaxLength(NameMaxLength);
        builder.Property(s => s.ListedName).HasMaxLength(NameMaxLength);
        builder.Property(s => s.Source).HasMaxLength(SourceMaxLength);
        builder.Property(s => s.Notes).HasMaxLength(TextMaxLength);
        builder.Property(s => s.ImportKey).HasMaxLength(64);
        builder.Property(s => s.RecordedBy).HasMaxLength(ShortMaxLength);
        builder.HasIndex(s => s.RecruiterId);
        builder.HasIndex(s => s.ImportKey);
    }

    public void Configure(EntityTypeBuilder<RecruiterDuplicate> builder)
    {
        builder.Property(d => d.Reason).HasMaxLength(32);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.ReviewedBy).HasMaxLength(ShortMaxLength);
        builder.HasOne<Recruiter>().WithMany().HasForeignKey(d => d.RecruiterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Recruiter>().WithMany().HasForeignKey(d => d.OtherId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.RecruiterId, d.OtherId }).IsUnique();
        builder.HasIndex(d => d.OtherId);
        builder.HasIndex(d => d.Status);
        builder.Property(d => d.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<FraudReport> builder)
    {
        builder.Property(f => f.Country).HasMaxLength(2);
        builder.Property(f => f.RecruiterName).HasMaxLength(RecruiterNames.MaxLength);
        builder.Property(f => f.Description).HasMaxLength(TextMaxLength);
        builder.Property(f => f.ContactName).HasMaxLength(ShortMaxLength);
        builder.Property(f => f.ContactEmail).HasMaxLength(ShortMaxLength);
        builder.Property(f => f.ContactPhone).HasMaxLength(64);
        builder.Property(f => f.Language).HasMaxLength(2);
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.TriageNote).HasMaxLength(TextMaxLength);
        builder.Property(f => f.TriagedBy).HasMaxLength(ShortMaxLength);
        builder.HasOne<Recruiter>().WithMany().HasForeignKey(f => f.RecruiterId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(f => f.RecruiterId);
        builder.HasIndex(f => new { f.Country, f.ReceivedAt });
        builder.Property(f => f.Version).IsConcurrencyToken();
    }
}
