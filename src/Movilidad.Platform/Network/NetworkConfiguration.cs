using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Movilidad.Platform.Data;

namespace Movilidad.Platform.Network;

internal sealed class NetworkConfiguration : IEntityTypeConfiguration<NetworkUpdate>, IEntityTypeConfiguration<NetworkReview>
{
    public void Configure(EntityTypeBuilder<NetworkUpdate> builder)
    {
        builder.HasBilingual(u => u.Progress, NetworkLimits.Text).HasBilingual(u => u.Milestone, NetworkLimits.Milestone);
        builder.Property(u => u.Quarter).HasMaxLength(7);
        builder.Property(u => u.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(u => u.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(u => u.EvidenceUrl).HasMaxLength(NetworkLimits.Url);
        builder.Property(u => u.Comment).HasMaxLength(NetworkLimits.Comment);
        builder.HasOne(u => u.Element).WithMany().HasForeignKey(u => u.ElementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => new { u.ElementId, u.Quarter }).IsUnique();
        builder.HasOne<Institutions.Institution>().WithMany().HasForeignKey(u => u.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.InstitutionId);
        builder.HasOne<Accounts.Account>().WithMany().HasForeignKey(u => u.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.AuthorId);
        builder.HasOne<Accounts.Account>().WithMany().HasForeignKey(u => u.DecidedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.DecidedById);
        builder.Property(u => u.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<NetworkReview> builder)
    {
        builder.HasBilingual(r => r.Findings, NetworkLimits.Review).HasBilingual(r => r.Changes, NetworkLimits.Review);
        builder.HasOne<Plans.Plan>().WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.PlanId).IsUnique();
        builder.HasOne<Accounts.Account>().WithMany().HasForeignKey(r => r.ApprovedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.ApprovedById);
        builder.Property(r => r.Version).IsConcurrencyToken();
    }
}
