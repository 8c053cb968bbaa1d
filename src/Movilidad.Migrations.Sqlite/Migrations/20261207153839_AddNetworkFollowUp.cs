using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Movilidad.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddNetworkFollowUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "InstitutionId",
                table: "RoleGrants",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "NetworkReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Approved = table.Column<bool>(type: "INTEGER", nullable: false),
                    ApprovedById = table.Column<int>(type: "INTEGER", nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangesEn = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    ChangesEs = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    FindingsEn = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    FindingsEs = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NetworkReviews_Accounts_ApprovedById",
                        column: x => x.ApprovedById,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_NetworkReviews_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NetworkUpdates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ElementId = table.Column<int>(type: "INTEGER", nullable: false),
                    InstitutionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Quarter = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Percent = table.Column<int>(type: "INTEGER", nullable: true),
                    EvidenceUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AuthorId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedById = table.Column<int>(type: "INTEGER", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    MilestoneEn = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    MilestoneEs = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ProgressEn = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    ProgressEs = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkUpdates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NetworkUpdates_Accounts_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_NetworkUpdates_Accounts_DecidedById",
                        column: x => x.DecidedById,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_NetworkUpdates_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_NetworkUpdates_PlanElements_ElementId",
                        column: x => x.ElementId,
                        principalTable: "PlanElements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NetworkReviews_ApprovedById",
                table: "NetworkReviews",
                column: "ApprovedById");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkReviews_PlanId",
                table: "NetworkReviews",
                column: "PlanId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NetworkUpdates_AuthorId",
                table: "NetworkUpdates",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkUpdates_DecidedById",
                table: "NetworkUpdates",
                column: "DecidedById");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkUpdates_ElementId_Quarter",
                table: "NetworkUpdates",
                columns: new[] { "ElementId", "Quarter" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NetworkUpdates_InstitutionId",
                table: "NetworkUpdates",
                column: "InstitutionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NetworkReviews");

            migrationBuilder.DropTable(
                name: "NetworkUpdates");

            migrationBuilder.DropColumn(
                name: "InstitutionId",
                table: "RoleGrants");
        }
    }
}
