using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Movilidad.Platform.Data;
using Movilidad.Platform.Programmes;

namespace Movilidad.Platform.SocialSecurity;

internal sealed class SocialSecurityConfiguration :
    IEntityTypeConfiguration<IloConvention>,
    IEntityTypeConfiguration<EnrolmentOption>,
    IEntityTypeConfiguration<CountryGap>,
    IEntityTypeConfiguration<NationalBody>
{
    private const int KeyLength = 80;
    private const int NameLength = 600;

    public void Configure(EntityTypeBuilder<IloConvention> builder)
    {
        RegistryConfiguration.Entry(builder);
        builder.Property(c => c.Ratified).HasMaxLength(RegistryConfiguration.ListMaxLength);
    }

    public void Configure(EntityTypeBuilder<EnrolmentOption> builder)
    {
        RegistryConfiguration.Entry(builder);
        builder.Property(o => o.Country).HasMaxLength(2);
        builder.HasIndex(o => o.Country);
    }

    public void Configure(EntityTypeBuilder<CountryGap> builder)
    {
        builder.Property(g => g.Topic).HasMaxLength(40);
        builder.Property(g => g.Country).HasMaxLength(2);
        builder.HasIndex(g => new { g.Topic, g.Country }).IsUnique();
        builder.HasBilingual(g => g.Text, 2000);
    }

    public void Configure(EntityTypeBuilder<NationalBody> builder)
    {
        builder.Property(b => b.Code).HasMaxLength(KeyLength);
        builder.HasIndex(b => b.Code).IsUnique();
        builder.Property(b => b.Country).HasMaxLength(2);
        builder.Property(b => b.Kind).HasMaxLength(40);
        builder.HasBilingual(b => b.Name, NameLength);
        builder.Property(b => b.Acronym).HasMaxLength(40);
        builder.Property(b => b.Url).HasMaxLength(2000);
        builder.Property(b => b.Sources).HasMaxLength(1000);
    }
}
