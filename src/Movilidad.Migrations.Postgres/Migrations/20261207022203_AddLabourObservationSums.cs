using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Movilidad.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddLabourObservationSums : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LabourObservationSums",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DatasetId = table.Column<int>(type: "integer", nullable: false),
                    Measure = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Value = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: false),
                    Observations = table.Column<int>(type: "integer", nullable: false),
                    Isco08 = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Subdivision = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    Period = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    FiscalYear = table.Column<int>(type: "integer", nullable: true),
                    Programme = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LabourObservationSums", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LabourObservationSums_LabourDatasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "LabourDatasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LabourObservationSums_DatasetId",
                table: "LabourObservationSums",
                column: "DatasetId");

            migrationBuilder.CreateIndex(
                name: "IX_LabourObservationSums_Measure_Country_Subdivision",
                table: "LabourObservationSums",
                columns: new[] { "Measure", "Country", "Subdivision" });

            migrationBuilder.CreateIndex(
                name: "IX_LabourObservationSums_Measure_Isco08",
                table: "LabourObservationSums",
                columns: new[] { "Measure", "Isco08" });

            migrationBuilder.CreateIndex(
                name: "IX_LabourObservationSums_Measure_PeriodStart",
                table: "LabourObservationSums",
                columns: new[] { "Measure", "PeriodStart" });

            // Data: the sums of the observations imported before this migration (SUM: exact on numeric).
            migrationBuilder.Sql(
                """
                INSERT INTO "LabourObservationSums" ("DatasetId", "Measure", "Isco08", "Country", "Subdivision", "Period", "PeriodStart", "PeriodEnd", "FiscalYear", "Programme", "Value", "Observations")
                SELECT "DatasetId", "Measure", "Isco08", "Country", "Subdivision", "Period", "PeriodStart", "PeriodEnd", "FiscalYear", "Programme", SUM("Value"), COUNT(*)
                FROM "LabourObservations"
                GROUP BY "DatasetId", "Measure", "Isco08", "Country", "Subdivision", "Period", "PeriodStart", "PeriodEnd", "FiscalYear", "Programme"
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LabourObservationSums");
        }
    }
}
