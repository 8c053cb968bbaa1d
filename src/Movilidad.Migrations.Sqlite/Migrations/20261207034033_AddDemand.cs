using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Movilidad.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddDemand : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DemandModels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DemandModels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DemandBindings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ModelId = table.Column<int>(type: "INTEGER", nullable: false),
                    Variable = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    DatasetId = table.Column<int>(type: "INTEGER", nullable: true),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Occupation = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    Area = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Programme = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Aggregation = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Alignment = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Scale = table.Column<double>(type: "REAL", nullable: false),
                    Lag = table.Column<double>(type: "REAL", nullable: false),
                    IndexBase = table.Column<double>(type: "REAL", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DemandBindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DemandBindings_DemandModels_ModelId",
                        column: x => x.ModelId,
                        principalTable: "DemandModels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DemandModelVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ModelId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    VariableCount = table.Column<int>(type: "INTEGER", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DemandModelVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DemandModelVersions_DemandModels_ModelId",
                        column: x => x.ModelId,
                        principalTable: "DemandModels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DemandScenarios",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ModelId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Overrides = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DemandScenarios", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DemandScenarios_DemandModels_ModelId",
                        column: x => x.ModelId,
                        principalTable: "DemandModels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DemandDataFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ModelVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DemandDataFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DemandDataFiles_DemandModelVersions_ModelVersionId",
                        column: x => x.ModelVersionId,
                        principalTable: "DemandModelVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DemandRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ModelVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ScenarioId = table.Column<int>(type: "INTEGER", nullable: true),
                    ScenarioName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Progress = table.Column<double>(type: "REAL", nullable: false),
                    StopRequested = table.Column<bool>(type: "INTEGER", nullable: false),
                    Inputs = table.Column<string>(type: "TEXT", nullable: false),
                    InputsHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Results = table.Column<string>(type: "TEXT", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedById = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DemandRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DemandRuns_Accounts_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_DemandRuns_DemandModelVersions_ModelVersionId",
                        column: x => x.ModelVersionId,
                        principalTable: "DemandModelVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DemandRuns_DemandScenarios_ScenarioId",
                        column: x => x.ScenarioId,
                        principalTable: "DemandScenarios",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DemandBindings_ModelId_Variable",
                table: "DemandBindings",
                columns: new[] { "ModelId", "Variable" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DemandDataFiles_ModelVersionId",
                table: "DemandDataFiles",
                column: "ModelVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_DemandModels_Slug",
                table: "DemandModels",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DemandModelVersions_ModelId_Number",
                table: "DemandModelVersions",
                columns: new[] { "ModelId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DemandRuns_CreatedById",
                table: "DemandRuns",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_DemandRuns_ModelVersionId_CreatedAt",
                table: "DemandRuns",
                columns: new[] { "ModelVersionId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DemandRuns_ScenarioId",
                table: "DemandRuns",
                column: "ScenarioId");

            migrationBuilder.CreateIndex(
                name: "IX_DemandScenarios_ModelId_Name",
                table: "DemandScenarios",
                columns: new[] { "ModelId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DemandBindings");

            migrationBuilder.DropTable(
                name: "DemandDataFiles");

            migrationBuilder.DropTable(
                name: "DemandRuns");

            migrationBuilder.DropTable(
                name: "DemandModelVersions");

            migrationBuilder.DropTable(
                name: "DemandScenarios");

            migrationBuilder.DropTable(
                name: "DemandModels");
        }
    }
}
