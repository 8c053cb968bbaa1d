using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Movilidad.Platform.Data;

namespace Movilidad.Platform.Institutions;

internal sealed class InstitutionConfiguration : IEntityTypeConfiguration<Institution>
{
    public void Configure(EntityTypeBuilder<Institution> builder)
    {
        builder.Property(i => i.Code).HasMaxLength(32);
        builder.HasIndex(i => i.Code).IsUnique();
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(i => i.CountryCode).HasMaxLength(2);
        builder.Property(i => i.Url).HasMaxLength(400);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasBilingual(i => i.Acronym, 64).HasBilingual(i => i.Name, 400);
    }
}
