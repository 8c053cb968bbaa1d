using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Movilidad.Platform.Data;

namespace Movilidad.Platform.Meetings;

internal sealed class MeetingConfiguration :
    IEntityTypeConfiguration<Meeting>, IEntityTypeConfiguration<MeetingParticipant>, IEntityTypeConfiguration<MeetingAgreement>,
    IEntityTypeConfiguration<MeetingFile>, IEntityTypeConfiguration<MeetingFileContent>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.HasBilingual(m => m.Title, MeetingLimits.Title).HasBilingual(m => m.Agenda, MeetingLimits.Text).HasBilingual(m => m.Minutes, MeetingLimits.Text);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(m => m.Convener).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Place).HasMaxLength(MeetingLimits.Place);
        builder.Property(m => m.CountryCode).HasMaxLength(2);
        builder.Property(m => m.Table).HasMaxLength(MeetingLimits.Table);
        builder.HasIndex(m => m.Date);
        builder.HasIndex(m => new { m.WorkingGroupId, m.Date });
        builder.HasIndex(m => new { m.CountryCode, m.Date });
        builder.HasOne<Institutions.Institution>().WithMany().HasForeignKey(m => m.WorkingGroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Accounts.Account>().WithMany().HasForeignKey(m => m.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.RecordedById);
        builder.HasMany(m => m.Participants).WithOne().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Agreements).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Files).WithOne().HasForeignKey(f => f.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<MeetingParticipant> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(MeetingLimits.Name);
        builder.Property(p => p.CountryCode).HasMaxLength(2);
        builder.Property(p => p.Actor).HasConversion<string>().HasMaxLength(28);
        builder.HasOne<Institutions.Institution>().WithMany().HasForeignKey(p => p.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.InstitutionId);
    }

    public void Configure(EntityTypeBuilder<MeetingAgreement> builder)
    {
        builder.HasBilingual(a => a.Text, MeetingLimits.Agreement);
        builder.Property(a => a.OwnerName).HasMaxLength(MeetingLimits.Name);
        builder.HasOne<Institutions.Institution>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.OwnerId);
        builder.HasOne<Monitoring.Activity>().WithMany().HasForeignKey(a => a.ActivityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.ActivityId).IsUnique();
    }

    public void Configure(EntityTypeBuilder<MeetingFile> builder)
    {
        builder.Property(f => f.Name).HasMaxLength(MeetingLimits.FileName);
        builder.Property(f => f.ContentType).HasMaxLength(120);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.HasOne<Accounts.Account>().WithMany().HasForeignKey(f => f.UploadedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => f.UploadedById);
        builder.HasOne(f => f.Content).WithOne().HasForeignKey<MeetingFileContent>(c => c.FileId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<MeetingFileContent> builder) => builder.HasKey(c => c.FileId);
}
