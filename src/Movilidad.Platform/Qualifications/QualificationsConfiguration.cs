using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Movilidad.Platform.Programmes;

namespace Movilidad.Platform.Qualifications;

internal sealed class QualificationsConfiguration :
    IEntityTypeConfiguration<QualificationProcedure>,
    IEntityTypeConfiguration<ExchangeRate>,
    IEntityTypeConfiguration<CompetencyStandard>
{
    public void Configure(EntityTypeBuilder<QualificationProcedure> builder)
    {
        RegistryConfiguration.Entry(builder);
        builder.Property(p => p.Kind).HasMaxLength(RegistryConfiguration.CodeMaxLength);
        builder.Property(p => p.Country).HasMaxLength(2);
        builder.HasIndex(p => p.Country);
        builder.Property(p => p.Institution).HasMaxLength(RegistryConfiguration.CodeMaxLength);
        builder.Property(p => p.Occupations).HasMaxLength(RegistryConfiguration.ListMaxLength * 4);
        builder.Property(p => p.LastVerified).HasMaxLength(10);
    }

    public void Configure(EntityTypeBuilder<CompetencyStandard> builder)
    {
        RegistryConfiguration.Entry(builder);
        builder.Property(s => s.Kind).HasMaxLength(RegistryConfiguration.CodeMaxLength);
        builder.Property(s => s.Country).HasMaxLength(2);
        builder.HasIndex(s => s.Country);
        builder.Property(s => s.Institution).HasMaxLength(RegistryConfiguration.CodeMaxLength);
        builder.Property(s => s.Code).HasMaxLength(RegistryConfiguration.CodeMaxLength);
        builder.Property(s => s.Occupations).HasMaxLength(RegistryConfiguration.ListMaxLength);
        builder.Property(s => s.Procedures).HasMaxLength(RegistryConfiguration.ListMaxLength * 4);
        builder.Property(s => s.Published).HasMaxLength(10);
        builder.Property(s => s.LastVerified).HasMaxLength(10);
    }

    public void Configure(EntityTypeBuilder<ExchangeRate> builder)
    {
        builder.Property(r => r.Currency).HasMaxLength(3);
        builder.HasIndex(r => new { r.Currency, r.AsOf }).IsUnique();
        builder.Property(r => r.Rate).HasPrecision(20, 8);
        builder.Property(r => r.Source).HasMaxLength(ExchangeRate.SourceMaxLength);
        builder.Property(r => r.SourceUrl).HasMaxLength(2000);
        builder.Property(r => r.Version).IsConcurrencyToken();
    }
}
