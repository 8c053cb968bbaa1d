using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Movilidad.Platform.Accounts;

internal sealed class AccountConfiguration :
    IEntityTypeConfiguration<Account>,
    IEntityTypeConfiguration<RoleGrant>,
    IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.Property(a => a.Email).HasMaxLength(256);
        builder.Property(a => a.NormalizedEmail).HasMaxLength(256);
        builder.HasIndex(a => a.NormalizedEmail).IsUnique();
        builder.Property(a => a.DisplayName).HasMaxLength(200);
        builder.Property(a => a.PasswordHash).HasMaxLength(200);
        builder.Property(a => a.SecurityStamp).HasMaxLength(64);
        builder.Property(a => a.AuthenticatorKey).HasMaxLength(64);
        builder.Property(a => a.RecoveryCodes).HasMaxLength(400);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasMany(a => a.Grants).WithOne().HasForeignKey(g => g.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Tokens).WithOne(t => t.Account).HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<RoleGrant> builder)
    {
        builder.Property(g => g.Role).HasConversion<string>().HasMaxLength(32);
        builder.Property(g => g.CountryCode).HasMaxLength(2);
        builder.HasIndex(g => g.AccountId);
    }

    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.Prefix).HasMaxLength(16);
        builder.Property(t => t.Hash).HasMaxLength(64);
        builder.HasIndex(t => t.Hash).IsUnique();
        builder.HasIndex(t => t.AccountId);
    }
}
