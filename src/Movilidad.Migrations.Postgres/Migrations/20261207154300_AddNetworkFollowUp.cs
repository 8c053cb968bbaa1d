using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Movilidad.Migrations.Postgres.Migrations
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
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "NetworkReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Approved = table.Column<bool>(type: "boolean", nullable: false),
                    ApprovedById = table.Column<int>(type: "integer", nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ChangesEn = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    ChangesEs = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    FindingsEn = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    FindingsEs = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ElementId = table.Column<int>(type: "integer", nullable: false),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    Quarter = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Percent = table.Column<int>(type: "integer", nullable: true),
                    EvidenceUrl = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AuthorId = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedById = table.Column<int>(type: "integer", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    MilestoneEn = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    MilestoneEs = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ProgressEn = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    ProgressEs = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false)
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
