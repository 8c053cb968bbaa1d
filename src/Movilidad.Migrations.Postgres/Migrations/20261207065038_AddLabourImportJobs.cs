using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Movilidad.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddLabourImportJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LabourColumnMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Signature = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Header = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    MappingJson = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    SavedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SavedById = table.Column<int>(type: "integer", nullable: true),
                    SavedBy = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LabourColumnMappings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LabourColumnMappings_Accounts_SavedById",
                        column: x => x.SavedById,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "LabourImportJobs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FileName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    StagedFile = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Bytes = table.Column<long>(type: "bigint", nullable: false),
                    Source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Detected = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Restricted = table.Column<bool>(type: "boolean", nullable: false),
                    Replaces = table.Column<int>(type: "integer", nullable: true),
                    Signature = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    MappingJson = table.Column<string>(type: "text", nullable: true),
                    Rights = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RowsRead = table.Column<int>(type: "integer", nullable: false),
                    Fraction = table.Column<double>(type: "double precision", nullable: true),
                    DatasetId = table.Column<int>(type: "integer", nullable: true),
                    Errors = table.Column<string>(type: "text", nullable: true),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedById = table.Column<int>(type: "integer", nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    CreatedFrom = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Via = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LabourImportJobs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LabourImportJobs_Accounts_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_LabourImportJobs_LabourDatasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "LabourDatasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LabourColumnMappings_SavedById",
                table: "LabourColumnMappings",
                column: "SavedById");

            migrationBuilder.CreateIndex(
                name: "IX_LabourColumnMappings_Signature",
                table: "LabourColumnMappings",
                column: "Signature",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LabourImportJobs_CreatedById",
                table: "LabourImportJobs",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_LabourImportJobs_DatasetId",
                table: "LabourImportJobs",
                column: "DatasetId");

            migrationBuilder.CreateIndex(
                name: "IX_LabourImportJobs_Status",
                table: "LabourImportJobs",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LabourColumnMappings");

            migrationBuilder.DropTable(
                name: "LabourImportJobs");
        }
    }
}
