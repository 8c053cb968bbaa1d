using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Movilidad.Platform.Data;

namespace Movilidad.Platform.Pledges;

internal sealed class PledgeConfiguration :
    IEntityTypeConfiguration<Pledge>,
    IEntityTypeConfiguration<PledgePledger>,
    IEntityTypeConfiguration<PledgeGcmObjective>,
    IEntityTypeConfiguration<PledgeMilestone>,
    IEntityTypeConfiguration<PledgeElement>,
    IEntityTypeConfiguration<PledgeActivity>,
    IEntityTypeConfiguration<PledgeIndicator>,
    IEntityTypeConfiguration<PledgeUpdate>,
    IEntityTypeConfiguration<PledgeEvidence>
{
    public const int TitleMaxLength = 400;
    public const int TextMaxLength = 8000;
    public const int MilestoneMaxLength = 400;
    public const int UrlMaxLength = 1000;
    public const int FileNameMaxLength = 200;

    public void Configure(EntityTypeBuilder<Pledge> builder)
    {
        builder.HasBilingual(p => p.Title, TitleMaxLength).HasBilingual(p => p.Description, TextMaxLength);
        builder.Property(p => p.Key).HasMaxLength(64);
        builder.HasIndex(p => p.Key).IsUnique();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.Status);
        builder.HasOne(p => p.MatchingPledge).WithMany().HasForeignKey(p => p.MatchingPledgeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.MatchingPledgeId);
        builder.HasOne<Accounts.Account>().WithMany().HasForeignKey(p => p.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.CreatedById);
        builder.HasMany(p => p.Pledgers).WithOne().HasForeignKey(p => p.PledgeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.GcmObjectives).WithOne().HasForeignKey(g => g.PledgeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Milestones).WithOne().HasForeignKey(m => m.PledgeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Elements).WithOne().HasForeignKey(e => e.PledgeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Activities).WithOne().HasForeignKey(a => a.PledgeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Indicators).WithOne().HasForeignKey(i => i.PledgeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Updates).WithOne().HasForeignKey(u => u.PledgeId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<PledgePledger> builder)
    {
        builder.HasKey(p => new { p.PledgeId, p.InstitutionId });
        builder.Property(p => p.ConfirmedBy).HasMaxLength(256);
        builder.HasOne(p => p.Institution).WithMany().HasForeignKey(p => p.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.InstitutionId);
    }

    public void Configure(EntityTypeBuilder<PledgeGcmObjective> builder)
    {
        builder.HasKey(g => new { g.PledgeId, g.Objective });
        builder.HasIndex(g => g.Objective);
    }

    public void Configure(EntityTypeBuilder<PledgeMilestone> builder)
    {
        builder.Property(m => m.Title).HasMaxLength(MilestoneMaxLength);
        builder.HasIndex(m => m.PledgeId);
    }

    public void Configure(EntityTypeBuilder<PledgeElement> builder)
    {
        builder.HasKey(e => new { e.PledgeId, e.ElementId });
        builder.HasOne(e => e.Element).WithMany().HasForeignKey(e => e.ElementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.ElementId);
    }

    public void Configure(EntityTypeBuilder<PledgeActivity> builder)
    {
        builder.HasKey(a => new { a.PledgeId, a.ActivityId });
        builder.HasOne(a => a.Activity).WithMany().HasForeignKey(a => a.ActivityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.ActivityId);
    }

    public void Configure(EntityTypeBuilder<PledgeIndicator> builder)
    {
        builder.HasKey(i => new { i.PledgeId, i.IndicatorId });
        builder.HasOne(i => i.Indicator).WithMany().HasForeignKey(i => i.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.IndicatorId);
    }

    public void Configure(EntityTypeBuilder<PledgeUpdate> builder)
    {
        builder.HasIndex(u => new { u.PledgeId, u.Year, u.Quarter }).IsUnique();
        builder.Property(u => u.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(u => u.Narrative).HasMaxLength(TextMaxLength);
        builder.Property(u => u.EvidenceUrl).HasMaxLength(UrlMaxLength);
        builder.Property(u => u.EvidenceFileName).HasMaxLength(FileNameMaxLength);
        builder.Property(u => u.EvidenceContentType).HasMaxLength(100);
        builder.HasOne<Accounts.Account>().WithMany().HasForeignKey(u => u.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.RecordedById);
        builder.HasOne<PledgeEvidence>().WithOne().HasForeignKey<PledgeEvidence>(e => e.UpdateId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<PledgeEvidence> builder) => builder.HasKey(e => e.UpdateId);
}
