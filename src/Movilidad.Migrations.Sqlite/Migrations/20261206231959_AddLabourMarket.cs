using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Movilidad.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddLabourMarket : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LabourDatasets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PublisherCountry = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Encoding = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Sheet = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    HeaderRow = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DescriptionEs = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    DescriptionEn = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Classification = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    PeriodCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: true),
                    RowsRead = table.Column<int>(type: "INTEGER", nullable: false),
                    RowsImported = table.Column<int>(type: "INTEGER", nullable: false),
                    RowsSkipped = table.Column<int>(type: "INTEGER", nullable: false),
                    FootnoteRows = table.Column<int>(type: "INTEGER", nullable: false),
                    Observations = table.Column<int>(type: "INTEGER", nullable: false),
                    IsRestricted = table.Column<bool>(type: "INTEGER", nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ImportedById = table.Column<int>(type: "INTEGER", nullable: true),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ReportJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LabourDatasets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LabourDatasets_Accounts_ImportedById",
                        column: x => x.ImportedById,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "LabourOrganisations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Subdivision = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    City = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LabourOrganisations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LabourDatasetIssues",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DatasetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Sheet = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Row = table.Column<int>(type: "INTEGER", nullable: false),
                    Column = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    MessageEs = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    MessageEn = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LabourDatasetIssues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LabourDatasetIssues_LabourDatasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "LabourDatasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LabourObservations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DatasetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: false),
                    Weight = table.Column<decimal>(type: "TEXT", precision: 12, scale: 10, nullable: false),
                    SourceClassification = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    SourceCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Isco08 = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Subdivision = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Period = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: true),
                    Programme = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    EmployerId = table.Column<int>(type: "INTEGER", nullable: true),
                    RecruiterId = table.Column<int>(type: "INTEGER", nullable: true),
                    SourceRow = table.Column<int>(type: "INTEGER", nullable: false),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LabourObservations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LabourObservations_LabourDatasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "LabourDatasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LabourObservations_LabourOrganisations_EmployerId",
                        column: x => x.EmployerId,
                        principalTable: "LabourOrganisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LabourObservations_LabourOrganisations_RecruiterId",
                        column: x => x.RecruiterId,
                        principalTable: "LabourOrganisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LabourDatasetIssues_DatasetId_Row",
                table: "LabourDatasetIssues",
                columns: new[] { "DatasetId", "Row" });

            migrationBuilder.CreateIndex(
                name: "IX_LabourDatasets_ImportedById",
                table: "LabourDatasets",
                column: "ImportedById");

            migrationBuilder.CreateIndex(
                name: "IX_LabourDatasets_Sha256",
                table: "LabourDatasets",
                column: "Sha256",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LabourObservations_DatasetId_SourceRow",
                table: "LabourObservations",
                columns: new[] { "DatasetId", "SourceRow" });

            migrationBuilder.CreateIndex(
                name: "IX_LabourObservations_EmployerId",
                table: "LabourObservations",
                column: "EmployerId");

            migrationBuilder.CreateIndex(
                name: "IX_LabourObservations_Measure_Country_Subdivision",
                table: "LabourObservations",
                columns: new[] { "Measure", "Country", "Subdivision" });

            migrationBuilder.CreateIndex(
                name: "IX_LabourObservations_Measure_Isco08",
                table: "LabourObservations",
                columns: new[] { "Measure", "Isco08" });

            migrationBuilder.CreateIndex(
                name: "IX_LabourObservations_Measure_PeriodStart",
                table: "LabourObservations",
                columns: new[] { "Measure", "PeriodStart" });

            migrationBuilder.CreateIndex(
                name: "IX_LabourObservations_RecruiterId",
                table: "LabourObservations",
                column: "RecruiterId");

            migrationBuilder.CreateIndex(
                name: "IX_LabourOrganisations_Role_Country_Key",
                table: "LabourOrganisations",
                columns: new[] { "Role", "Country", "Key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LabourDatasetIssues");

            migrationBuilder.DropTable(
                name: "LabourObservations");

            migrationBuilder.DropTable(
                name: "LabourDatasets");

            migrationBuilder.DropTable(
                name: "LabourOrganisations");
        }
    }
}
