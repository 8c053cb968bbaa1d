using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Movilidad.Platform.Data;

namespace Movilidad.Platform.Reference;

internal sealed class ReferenceConfiguration :
    IEntityTypeConfiguration<Country>,
    IEntityTypeConfiguration<Currency>,
    IEntityTypeConfiguration<Occupation>
{
    public void Configure(EntityTypeBuilder<Country> builder)
    {
        builder.HasKey(c => c.Alpha2);
        builder.Property(c => c.Alpha2).HasMaxLength(2);
        builder.Property(c => c.Alpha3).HasMaxLength(3);
        builder.Property(c => c.Numeric).HasMaxLength(3);
        builder.Property(c => c.Region).HasMaxLength(64);
        builder.Property(c => c.Subregion).HasMaxLength(64);
        builder.Property(c => c.CurrencyCode).HasMaxLength(3);
        builder.HasBilingual(c => c.Name, 200);
    }

    public void Configure(EntityTypeBuilder<Currency> builder)
    {
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(3);
        builder.Property(c => c.Numeric).HasMaxLength(3);
        builder.HasBilingual(c => c.Name, 200);
    }

    public void Configure(EntityTypeBuilder<Occupation> builder)
    {
        builder.HasKey(o => o.Code);
        builder.Property(o => o.Code).HasMaxLength(4);
        builder.Property(o => o.ParentCode).HasMaxLength(4);
        builder.HasIndex(o => o.ParentCode);
        builder.HasBilingual(o => o.Name, 400);
    }
}
