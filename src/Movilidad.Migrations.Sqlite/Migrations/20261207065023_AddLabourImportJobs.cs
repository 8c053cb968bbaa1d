using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Movilidad.Migrations.Sqlite.Migrations
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Signature = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Header = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    MappingJson = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    SavedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SavedById = table.Column<int>(type: "INTEGER", nullable: true),
                    SavedBy = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    StagedFile = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Detected = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Restricted = table.Column<bool>(type: "INTEGER", nullable: false),
                    Replaces = table.Column<int>(type: "INTEGER", nullable: true),
                    Signature = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MappingJson = table.Column<string>(type: "TEXT", nullable: true),
                    Rights = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RowsRead = table.Column<int>(type: "INTEGER", nullable: false),
                    Fraction = table.Column<double>(type: "REAL", nullable: true),
                    DatasetId = table.Column<int>(type: "INTEGER", nullable: true),
                    Errors = table.Column<string>(type: "TEXT", nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedById = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CreatedFrom = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Via = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
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
