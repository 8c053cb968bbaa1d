using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Movilidad.Platform.Data;

namespace Movilidad.Platform.Plans;

internal sealed class PlanConfiguration :
    IEntityTypeConfiguration<Plan>,
    IEntityTypeConfiguration<PlanLevel>,
    IEntityTypeConfiguration<PlanElement>,
    IEntityTypeConfiguration<Footnote>,
    IEntityTypeConfiguration<ElementInstitution>,
    IEntityTypeConfiguration<GcmLink>,
    IEntityTypeConfiguration<SdgLink>,
    IEntityTypeConfiguration<AxisLink>,
    IEntityTypeConfiguration<ResultContribution>,
    IEntityTypeConfiguration<IndicatorContribution>
{
    public void Configure(EntityTypeBuilder<Plan> builder)
    {
        builder.Property(p => p.Key).HasMaxLength(64);
        builder.HasIndex(p => p.Key).IsUnique();
        builder.Property(p => p.Number).HasMaxLength(8);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.SourceDocument).HasMaxLength(128);
        builder.Property(p => p.ApprovalCountries).HasMaxLength(64);
        builder.Property(p => p.ApprovalSource).HasMaxLength(128);
        builder.Property(p => p.SourceHash).HasMaxLength(64);
        builder.Property(p => p.Review).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.ReturnComment).HasMaxLength(PlanReviews.CommentMaxLength);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasBilingual(p => p.Title, 400).HasBilingual(p => p.Summary).HasBilingual(p => p.ApprovalText);
        builder.HasOne(p => p.Owner).WithMany().HasForeignKey(p => p.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.ApprovalBody).WithMany().HasForeignKey(p => p.ApprovalBodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.ParentPlan).WithMany().HasForeignKey(p => p.ParentPlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Levels).WithOne().HasForeignKey(l => l.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Elements).WithOne(e => e.Plan).HasForeignKey(e => e.PlanId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<PlanLevel> builder)
    {
        builder.Property(l => l.Key).HasMaxLength(64);
        builder.HasIndex(l => new { l.PlanId, l.Key }).IsUnique();
        builder.HasBilingual(l => l.Name, 200);
    }

    public void Configure(EntityTypeBuilder<PlanElement> builder)
    {
        builder.Property(e => e.Key).HasMaxLength(64);
        builder.HasIndex(e => new { e.PlanId, e.Key }).IsUnique();
        builder.Property(e => e.LevelKey).HasMaxLength(64);
        builder.Property(e => e.Code).HasMaxLength(32);
        builder.Property(e => e.CodeSortKey).HasMaxLength(NaturalSortKey.MaxLength(32));
        builder.Property(e => e.Section).HasMaxLength(400);
        builder.Property(e => e.Term).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.IndicatorType).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.SourceHash).HasMaxLength(64);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasBilingual(e => e.Title).HasBilingual(e => e.Text).HasBilingual(e => e.TimeframeLabel, 200);
        builder.HasOne(e => e.Parent).WithMany(e => e.Children).HasForeignKey(e => e.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.PlanId, e.ParentId, e.SortOrder });
        builder.HasMany(e => e.Footnotes).WithOne().HasForeignKey(f => f.ElementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Institutions).WithOne().HasForeignKey(i => i.ElementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.GcmObjectives).WithOne().HasForeignKey(g => g.ElementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.SdgTargets).WithOne().HasForeignKey(s => s.ElementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Axes).WithOne().HasForeignKey(a => a.ElementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Results).WithOne().HasForeignKey(r => r.ElementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Indicators).WithOne().HasForeignKey(i => i.ElementId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Footnote> builder)
    {
        builder.HasIndex(f => new { f.ElementId, f.Number }).IsUnique();
        builder.HasBilingual(f => f.Text);
    }

    public void Configure(EntityTypeBuilder<ElementInstitution> builder)
    {
        builder.Property(i => i.Role).HasConversion<string>().HasMaxLength(16);
        builder.HasKey(i => new { i.ElementId, i.InstitutionId, i.Role });
        builder.HasOne(i => i.Institution).WithMany().HasForeignKey(i => i.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.InstitutionId);
    }

    public void Configure(EntityTypeBuilder<GcmLink> builder)
    {
        builder.HasKey(g => new { g.ElementId, g.Objective });
        builder.HasIndex(g => g.Objective);
    }

    public void Configure(EntityTypeBuilder<SdgLink> builder)
    {
        builder.Property(s => s.Target).HasMaxLength(8);
        builder.HasKey(s => new { s.ElementId, s.Target });
    }

    public void Configure(EntityTypeBuilder<AxisLink> builder)
    {
        builder.HasKey(a => new { a.ElementId, a.AxisId });
        builder.HasOne(a => a.Axis).WithMany().HasForeignKey(a => a.AxisId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.AxisId);
    }

    public void Configure(EntityTypeBuilder<ResultContribution> builder)
    {
        builder.HasKey(r => new { r.ElementId, r.ResultId });
        builder.HasOne(r => r.Result).WithMany().HasForeignKey(r => r.ResultId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.ResultId);
    }

    public void Configure(EntityTypeBuilder<IndicatorContribution> builder)
    {
        builder.HasKey(i => new { i.ElementId, i.IndicatorId });
        builder.HasOne(i => i.Indicator).WithMany().HasForeignKey(i => i.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => i.IndicatorId);
    }
}
