using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Movilidad.Platform.Data;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Movilidad.Migrations.Legacy;

/// <summary>
/// Accounts with their role grants and API tokens, the hash-chained audit trail, the shared data-protection key
/// ring, and what editing needs: versions for optimistic concurrency, soft delete of elements, publication of plans.
/// Written by hand, provider-neutral like <see cref="Initial"/>.
/// </summary>
[DbContext(typeof(MovilidadDb))]
[Migration("20261122010000_Accounts")]
public sealed class Accounts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>("Version", "PlanElements", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<DateTime>("DeletedAt", "PlanElements", nullable: true);
        migrationBuilder.AddColumn<bool>("IsPublished", "Plans", nullable: false, defaultValue: true);
        migrationBuilder.AddColumn<int>("Version", "Institutions", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<DateTime>("EditedAt", "Institutions", nullable: true);

        migrationBuilder.CreateTable(
            name: "Accounts",
            columns: t => new
            {
                Id = Initial.Identity(t),
                Email = t.Column<string>(maxLength: 256, nullable: false),
                NormalizedEmail = t.Column<string>(maxLength: 256, nullable: false),
                DisplayName = t.Column<string>(maxLength: 200, nullable: false),
                PasswordHash = t.Column<string>(maxLength: 200, nullable: true),
                SecurityStamp = t.Column<string>(maxLength: 64, nullable: false),
                LockoutEnabled = t.Column<bool>(nullable: false),
                LockoutEnd = t.Column<DateTimeOffset>(nullable: true),
                AccessFailedCount = t.Column<int>(nullable: false),
                TwoFactorEnabled = t.Column<bool>(nullable: false),
                AuthenticatorKey = t.Column<string>(maxLength: 64, nullable: true),
                RecoveryCodes = t.Column<string>(maxLength: 400, nullable: true),
                CreatedAt = t.Column<DateTimeOffset>(nullable: false),
                DeletedAt = t.Column<DateTimeOffset>(nullable: true),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_Accounts", x => x.Id));
        migrationBuilder.CreateIndex("IX_Accounts_NormalizedEmail", "Accounts", "NormalizedEmail", unique: true);

        migrationBuilder.CreateTable(
            name: "RoleGrants",
            columns: t => new
            {
                Id = Initial.Identity(t),
                AccountId = t.Column<int>(nullable: false),
                Role = t.Column<string>(maxLength: 32, nullable: false),
                CountryCode = t.Column<string>(maxLength: 2, nullable: true),
                WorkingGroupId = t.Column<int>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_RoleGrants", x => x.Id);
                t.ForeignKey("FK_RoleGrants_Accounts_AccountId", x => x.AccountId, "Accounts", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_RoleGrants_AccountId", "RoleGrants", "AccountId");

        migrationBuilder.CreateTable(
            name: "ApiTokens",
            columns: t => new
            {
                Id = Initial.Identity(t),
                AccountId = t.Column<int>(nullable: false),
                Name = t.Column<string>(maxLength: 100, nullable: false),
                Prefix = t.Column<string>(maxLength: 16, nullable: false),
                Hash = t.Column<string>(maxLength: 64, nullable: false),
                CreatedAt = t.Column<DateTimeOffset>(nullable: false),
                ExpiresAt = t.Column<DateTimeOffset>(nullable: false),
                RevokedAt = t.Column<DateTimeOffset>(nullable: true),
                LastUsedAt = t.Column<DateTimeOffset>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ApiTokens", x => x.Id);
                t.ForeignKey("FK_ApiTokens_Accounts_AccountId", x => x.AccountId, "Accounts", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ApiTokens_Hash", "ApiTokens", "Hash", unique: true);
        migrationBuilder.CreateIndex("IX_ApiTokens_AccountId", "ApiTokens", "AccountId");

        migrationBuilder.CreateTable(
            name: "AuditEntries",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                At = t.Column<DateTime>(nullable: false),
                AccountId = t.Column<int>(nullable: true),
                Actor = t.Column<string>(maxLength: 256, nullable: false),
                Address = t.Column<string>(maxLength: 64, nullable: true),
                Via = t.Column<string>(maxLength: 32, nullable: true),
                Action = t.Column<string>(maxLength: 32, nullable: false),
                EntityType = t.Column<string>(maxLength: 64, nullable: false),
                EntityId = t.Column<string>(maxLength: 64, nullable: false),
                Country = t.Column<string>(maxLength: 2, nullable: true),
                Before = t.Column<string>(nullable: true),
                After = t.Column<string>(nullable: true),
                PreviousHash = t.Column<string>(maxLength: 64, nullable: false),
                Hash = t.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_AuditEntries", x => x.Id));
        migrationBuilder.CreateIndex("IX_AuditEntries_PreviousHash", "AuditEntries", "PreviousHash", unique: true);
        migrationBuilder.CreateIndex("IX_AuditEntries_EntityType_EntityId", "AuditEntries", ["EntityType", "EntityId"]);
        migrationBuilder.CreateIndex("IX_AuditEntries_At", "AuditEntries", "At");

        migrationBuilder.CreateTable(
            name: "DataProtectionKeys",
            columns: t => new
            {
                Id = Initial.Identity(t),
                FriendlyName = t.Column<string>(maxLength: 100, nullable: true),
                Xml = t.Column<string>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_DataProtectionKeys", x => x.Id));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "DataProtectionKeys", "AuditEntries", "ApiTokens", "RoleGrants", "Accounts" })
        {
            migrationBuilder.DropTable(table);
        }

        migrationBuilder.DropColumn("EditedAt", "Institutions");
        migrationBuilder.DropColumn("Version", "Institutions");
        migrationBuilder.DropColumn("IsPublished", "Plans");
        migrationBuilder.DropColumn("DeletedAt", "PlanElements");
        migrationBuilder.DropColumn("Version", "PlanElements");
    }
}
