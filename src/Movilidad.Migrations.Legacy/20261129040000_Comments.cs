using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Movilidad.Platform.Data;

namespace Movilidad.Migrations.Legacy;

/// <summary>
/// Comments on any item (named by entity type and id, as the audit trail names it), and the attempt counters that
/// limit sign-in and password reset for every web node together. Written by hand, provider-neutral like <see cref="Initial"/>.
/// </summary>
[DbContext(typeof(MovilidadDb))]
[Migration("20261129040000_Comments")]
public sealed class Comments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Comments",
            columns: t => new
            {
                Id = Initial.Identity(t),
                EntityType = t.Column<string>(maxLength: 64, nullable: false),
                EntityId = t.Column<string>(maxLength: 64, nullable: false),
                AccountId = t.Column<int>(nullable: false),
                Text = t.Column<string>(maxLength: 4000, nullable: false),
                CreatedAt = t.Column<DateTime>(nullable: false),
                EditedAt = t.Column<DateTime>(nullable: true),
                DeletedAt = t.Column<DateTime>(nullable: true),
                HiddenAt = t.Column<DateTime>(nullable: true),
                HiddenReason = t.Column<string>(maxLength: 1000, nullable: true),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Comments", x => x.Id);
                t.ForeignKey("FK_Comments_Accounts_AccountId", x => x.AccountId, "Accounts", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Comments_AccountId", "Comments", "AccountId");
        migrationBuilder.CreateIndex("IX_Comments_EntityType_EntityId", "Comments", ["EntityType", "EntityId"]);

        migrationBuilder.CreateTable(
            name: "AttemptCounters",
            columns: t => new
            {
                Partition = t.Column<string>(maxLength: 128, nullable: false),
                WindowStart = t.Column<DateTime>(nullable: false),
                Count = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_AttemptCounters", x => new { x.Partition, x.WindowStart }));
        migrationBuilder.CreateIndex("IX_AttemptCounters_WindowStart", "AttemptCounters", "WindowStart");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("AttemptCounters");
        migrationBuilder.DropTable("Comments");
    }
}
