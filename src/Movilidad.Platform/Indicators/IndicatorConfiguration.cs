using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Movilidad.Platform.Data;

namespace Movilidad.Platform.Indicators;

internal sealed class IndicatorConfiguration :
    IEntityTypeConfiguration<Indicator>,
    IEntityTypeConfiguration<IndicatorTarget>,
    IEntityTypeConfiguration<ReportingCalendar>,
    IEntityTypeConfiguration<ReportingPeriod>,
    IEntityTypeConfiguration<IndicatorReport>,
    IEntityTypeConfiguration<IndicatorValue>
{
    public const int KeyMaxLength = 64;
    public const int CodeMaxLength = 32;
    public const int NameMaxLength = 600;
    public const int TextMaxLength = 4000;
    public const int UnitMaxLength = 100;
    public const int CommentMaxLength = 2000;

    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.Property(i => i.Key).HasMaxLength(KeyMaxLength);
        builder.Property(i => i.Code).HasMaxLength(CodeMaxLength);
        builder.HasBilingual(i => i.Name, NameMaxLength).HasBilingual(i => i.Definition, TextMaxLength).HasBilingual(i => i.Unit, UnitMaxLength);
        builder.Property(i => i.UnitCode).HasMaxLength(16);
        builder.Property(i => i.Type).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.TargetType).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Aggregation).HasConversion<string>().HasMaxLength(24);
        builder.Property(i => i.Source).HasConversion<string>().HasMaxLength(24);
        builder.Property(i => i.Dimensions).HasMaxLength(64);
        builder.Property(i => i.SourceReference).HasMaxLength(400);
        builder.Property(i => i.SourceHash).HasMaxLength(64);
        builder.Property(i => i.Baseline).HasPrecision(18, 2);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Ignore(i => i.DimensionKeys);
        builder.HasOne(i => i.Plan).WithMany().HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.Element).WithMany().HasForeignKey(i => i.ElementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Activity).WithMany().HasForeignKey(i => i.ActivityId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(i => i.WorkingGroup).WithMany().HasForeignKey(i => i.WorkingGroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.PlanId, i.Key }).IsUnique();
        builder.HasIndex(i => i.ElementId);
        builder.HasIndex(i => i.ActivityId);
        builder.HasIndex(i => i.WorkingGroupId);
        builder.HasMany(i => i.Targets).WithOne().HasForeignKey(t => t.IndicatorId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<IndicatorTarget> builder)
    {
        builder.Property(t => t.CountryCode).HasMaxLength(2);
        builder.Property(t => t.PeriodCode).HasMaxLength(8);
        builder.Property(t => t.Value).HasPrecision(18, 2);
        builder.HasIndex(t => new { t.IndicatorId, t.CountryCode, t.PeriodCode });
    }

    public void Configure(EntityTypeBuilder<ReportingCalendar> builder)
    {
        builder.HasKey(c => c.PlanId);
        builder.Property(c => c.PeriodType).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.SourceReference).HasMaxLength(400);
        builder.HasOne<Plans.Plan>().WithOne().HasForeignKey<ReportingCalendar>(c => c.PlanId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ReportingPeriod> builder)
    {
        builder.Property(p => p.Code).HasMaxLength(8);
        builder.Property(p => p.Type).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne(p => p.Plan).WithMany().HasForeignKey(p => p.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.PlanId, p.Code }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<IndicatorReport> builder)
    {
        builder.Property(r => r.CountryCode).HasMaxLength(2);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Comment).HasMaxLength(CommentMaxLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne(r => r.Period).WithMany().HasForeignKey(r => r.PeriodId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.PeriodId, r.CountryCode }).IsUnique();
        builder.HasIndex(r => r.CountryCode);
        builder.HasMany(r => r.Values).WithOne(v => v.Report).HasForeignKey(v => v.ReportId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<IndicatorValue> builder)
    {
        builder.Property(v => v.Dimension).HasMaxLength(32);
        foreach (var column in new[] { nameof(IndicatorValue.Total), nameof(IndicatorValue.Women), nameof(IndicatorValue.Men), nameof(IndicatorValue.Other), nameof(IndicatorValue.NotReported) })
        {
            builder.Property<decimal?>(column).HasPrecision(18, 2);
        }

        builder.HasOne<Indicator>().WithMany().HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.ReportId, v.IndicatorId, v.Dimension }).IsUnique();

        // The dashboards aggregate one indicator's values across reports.
        builder.HasIndex(v => new { v.IndicatorId, v.Dimension, v.ReportId });
    }
}
