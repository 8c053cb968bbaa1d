using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Movilidad.Platform.Mentoring;

internal sealed class MentoringConfiguration :
    IEntityTypeConfiguration<MentoringExpert>,
    IEntityTypeConfiguration<MentoringRequest>,
    IEntityTypeConfiguration<MentoringSession>
{
    private const int NameMaxLength = MentoringExpert.NameMaxLength;
    private const int ListMaxLength = 2000;
    private const int TextMaxLength = MentoringExpert.TextMaxLength;

    public void Configure(EntityTypeBuilder<MentoringExpert> builder)
    {
        builder.HasIndex(e => e.AccountId).IsUnique();
        builder.HasOne<Accounts.Account>().WithMany().HasForeignKey(e => e.AccountId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.Name).HasMaxLength(NameMaxLength);
        builder.Property(e => e.Country).HasMaxLength(2);
        builder.Property(e => e.Kind).HasMaxLength(40);
        builder.Property(e => e.Areas).HasMaxLength(ListMaxLength);
        builder.Property(e => e.Languages).HasMaxLength(100);
        builder.Property(e => e.Contact).HasMaxLength(NameMaxLength);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.Ignore(e => e.AreaList);
        builder.Ignore(e => e.LanguageList);
    }

    public void Configure(EntityTypeBuilder<MentoringRequest> builder)
    {
        builder.HasOne<Accounts.Account>().WithMany().HasForeignKey(r => r.MenteeAccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.MenteeAccountId);
        builder.HasOne<MentoringExpert>().WithMany().HasForeignKey(r => r.ExpertId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.ExpertId);
        builder.Property(r => r.MenteeName).HasMaxLength(NameMaxLength);
        builder.Property(r => r.MenteeContact).HasMaxLength(NameMaxLength);
        builder.Property(r => r.Country).HasMaxLength(2);
        builder.Property(r => r.Topic).HasMaxLength(80);
        builder.Property(r => r.Language).HasMaxLength(2);
        builder.Property(r => r.Description).HasMaxLength(TextMaxLength);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.MenteeFeedback).HasMaxLength(TextMaxLength);
        builder.Property(r => r.ExpertFeedback).HasMaxLength(TextMaxLength);
        builder.HasMany(r => r.Sessions).WithOne().HasForeignKey(s => s.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<MentoringSession> builder)
    {
        builder.Property(s => s.Topics).HasMaxLength(TextMaxLength);
        builder.Property(s => s.FollowUps).HasMaxLength(TextMaxLength);
        builder.HasOne<Accounts.Account>().WithMany().HasForeignKey(s => s.LoggedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.LoggedById);
    }
}
