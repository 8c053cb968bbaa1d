using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Movilidad.Platform.Demand;

internal sealed class DemandConfiguration :
    IEntityTypeConfiguration<DemandModel>,
    IEntityTypeConfiguration<DemandModelVersion>,
    IEntityTypeConfiguration<DemandDataFile>,
    IEntityTypeConfiguration<DemandBinding>,
    IEntityTypeConfiguration<DemandScenario>,
    IEntityTypeConfiguration<DemandRun>
{
    public const int NameMaxLength = 200;
    public const int CodeMaxLength = 32;

    public void Configure(EntityTypeBuilder<DemandModel> builder)
    {
        builder.Property(m => m.Slug).HasMaxLength(80);
        builder.HasIndex(m => m.Slug).IsUnique();
        builder.Property(m => m.Title).HasMaxLength(NameMaxLength);
        builder.Property(m => m.Country).HasMaxLength(2);
        builder.Property(m => m.CreatedBy).HasMaxLength(NameMaxLength);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasMany(m => m.Versions).WithOne().HasForeignKey(v => v.ModelId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Bindings).WithOne().HasForeignKey(b => b.ModelId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Scenarios).WithOne().HasForeignKey(s => s.ModelId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<DemandModelVersion> builder)
    {
        builder.HasIndex(v => new { v.ModelId, v.Number }).IsUnique();
        builder.Property(v => v.FileName).HasMaxLength(NameMaxLength);
        builder.Property(v => v.Format).HasMaxLength(8);
        builder.Property(v => v.Sha256).HasMaxLength(64);
        builder.Property(v => v.UploadedBy).HasMaxLength(NameMaxLength);
        builder.Property(v => v.Note).HasMaxLength(2000);
        builder.HasMany(v => v.DataFiles).WithOne().HasForeignKey(f => f.ModelVersionId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<DemandDataFile> builder) => builder.Property(f => f.FileName).HasMaxLength(NameMaxLength);

    public void Configure(EntityTypeBuilder<DemandBinding> builder)
    {
        builder.Property(b => b.Variable).HasMaxLength(NameMaxLength);
        builder.HasIndex(b => new { b.ModelId, b.Variable }).IsUnique();
        builder.Property(b => b.Kind).HasMaxLength(8);
        builder.Property(b => b.Measure).HasMaxLength(CodeMaxLength);
        builder.Property(b => b.Occupation).HasMaxLength(4);
        builder.Property(b => b.Area).HasMaxLength(8);
        builder.Property(b => b.Programme).HasMaxLength(NameMaxLength);
        builder.Property(b => b.Aggregation).HasMaxLength(8);
        builder.Property(b => b.Alignment).HasMaxLength(16);
        builder.Property(b => b.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<DemandScenario> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(NameMaxLength);
        builder.HasIndex(s => new { s.ModelId, s.Name }).IsUnique();
        builder.Property(s => s.Description).HasMaxLength(2000);
        builder.Property(s => s.CreatedBy).HasMaxLength(NameMaxLength);
        builder.Property(s => s.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<DemandRun> builder)
    {
        builder.Property(r => r.Kind).HasMaxLength(16);
        builder.Property(r => r.Status).HasMaxLength(16);
        builder.Property(r => r.ScenarioName).HasMaxLength(NameMaxLength);
        builder.Property(r => r.InputsHash).HasMaxLength(64);
        builder.Property(r => r.Error).HasMaxLength(4000);
        builder.Property(r => r.CreatedBy).HasMaxLength(NameMaxLength);
        builder.HasOne<DemandModelVersion>().WithMany().HasForeignKey(r => r.ModelVersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DemandScenario>().WithMany().HasForeignKey(r => r.ScenarioId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Accounts.Account>().WithMany().HasForeignKey(r => r.CreatedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(r => r.CreatedById);
        builder.HasIndex(r => new { r.ModelVersionId, r.CreatedAt });
    }
}
