using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Movilidad.Platform.Reference;
using Movilidad.Platform.Data;

namespace Movilidad.Platform.Monitoring;

internal sealed class ActivityConfiguration :
    IEntityTypeConfiguration<Activity>,
    IEntityTypeConfiguration<ActivityCountry>,
    IEntityTypeConfiguration<ActivityInstitution>,
    IEntityTypeConfiguration<BudgetLine>,
    IEntityTypeConfiguration<ActivityGcmObjective>,
    IEntityTypeConfiguration<ActivitySdgTarget>,
    IEntityTypeConfiguration<ConceptNote>
{
    public const int CodeMaxLength = 32;
    public const int TitleMaxLength = 400;
    public const int TextMaxLength = 8000;
    public const int ReasonMaxLength = 1000;
    public const int SourceMaxLength = 200;

    public void Configure(EntityTypeBuilder<Activity> builder)
    {
        builder.Property(a => a.Code).HasMaxLength(CodeMaxLength);
        builder.Property(a => a.CodeSortKey).HasMaxLength(NaturalSortKey.MaxLength(CodeMaxLength));
        builder.HasBilingual(a => a.Title, TitleMaxLength).HasBilingual(a => a.Description, TextMaxLength);
        builder.Property(a => a.Term).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Priority).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(a => a.StatusReason).HasMaxLength(ReasonMaxLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne(a => a.Action).WithMany().HasForeignKey(a => a.ActionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.WorkingGroup).WithMany().HasForeignKey(a => a.WorkingGroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.ActionId, a.Code });
        builder.HasIndex(a => new { a.ActionId, a.CodeSortKey });
        builder.HasIndex(a => a.WorkingGroupId);
        builder.HasMany(a => a.Countries).WithOne().HasForeignKey(c => c.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Institutions).WithOne().HasForeignKey(i => i.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.BudgetLines).WithOne().HasForeignKey(b => b.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.GcmObjectives).WithOne().HasForeignKey(g => g.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.SdgTargets).WithOne().HasForeignKey(s => s.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.ConceptNote).WithOne().HasForeignKey<ConceptNote>(n => n.ActivityId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ActivityCountry> builder)
    {
        builder.Property(c => c.CountryCode).HasMaxLength(2);
        builder.HasIndex(c => new { c.ActivityId, c.CountryCode }).IsUnique();
        builder.HasIndex(c => c.CountryCode);
        builder.HasOne(c => c.ResponsibleInstitution).WithMany().HasForeignKey(c => c.ResponsibleInstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.ResponsibleInstitutionId);
        builder.Property(c => c.BudgetAmount).HasPrecision(18, 2);
        builder.Property(c => c.BudgetCurrency).HasMaxLength(3);
        builder.HasOne<Currency>().WithMany().HasForeignKey(c => c.BudgetCurrency).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.BudgetCurrency);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.StatusReason).HasMaxLength(ReasonMaxLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<ActivityInstitution> builder)
    {
        builder.Property(i => i.Role).HasConversion<string>().HasMaxLength(16);
        builder.HasKey(i => new { i.ActivityId, i.InstitutionId, i.Role });
        builder.HasOne(i => i.Institution).WithMany().HasForeignKey(i => i.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.InstitutionId);
    }

    public void Configure(EntityTypeBuilder<BudgetLine> builder)
    {
        builder.Property(b => b.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(b => b.Amount).HasPrecision(18, 2);
        builder.Property(b => b.CurrencyCode).HasMaxLength(3);
        builder.HasOne<Currency>().WithMany().HasForeignKey(b => b.CurrencyCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => b.CurrencyCode);
        builder.Property(b => b.Source).HasMaxLength(SourceMaxLength);
        builder.HasIndex(b => b.ActivityId);
    }

    public void Configure(EntityTypeBuilder<ActivityGcmObjective> builder) => builder.HasKey(g => new { g.ActivityId, g.Objective });

    public void Configure(EntityTypeBuilder<ActivitySdgTarget> builder)
    {
        builder.Property(s => s.Target).HasMaxLength(8);
        builder.HasKey(s => new { s.ActivityId, s.Target });
    }

    public void Configure(EntityTypeBuilder<ConceptNote> builder)
    {
        builder.HasKey(n => n.ActivityId);
        builder.Property(n => n.Objective).HasMaxLength(TextMaxLength);
        builder.Property(n => n.ExpectedResults).HasMaxLength(TextMaxLength);
        builder.Property(n => n.Indicators).HasMaxLength(TextMaxLength);
        builder.Property(n => n.Modality).HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.Place).HasMaxLength(SourceMaxLength);
        builder.Property(n => n.BudgetAmount).HasPrecision(18, 2);
        builder.Property(n => n.BudgetCurrency).HasMaxLength(3);
        builder.HasOne<Currency>().WithMany().HasForeignKey(n => n.BudgetCurrency).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => n.BudgetCurrency);
        builder.Property(n => n.Responsible).HasMaxLength(TextMaxLength);
        builder.Property(n => n.Partners).HasMaxLength(TextMaxLength);
        builder.Property(n => n.Risks).HasMaxLength(TextMaxLength);
        builder.Property(n => n.Outputs).HasMaxLength(TextMaxLength);
    }
}
