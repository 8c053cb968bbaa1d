using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Movilidad.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddElementContributions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IndicatorContributions",
                columns: table => new
                {
                    ElementId = table.Column<int>(type: "INTEGER", nullable: false),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorContributions", x => new { x.ElementId, x.IndicatorId });
                    table.ForeignKey(
                        name: "FK_IndicatorContributions_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IndicatorContributions_PlanElements_ElementId",
                        column: x => x.ElementId,
                        principalTable: "PlanElements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResultContributions",
                columns: table => new
                {
                    ElementId = table.Column<int>(type: "INTEGER", nullable: false),
                    ResultId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultContributions", x => new { x.ElementId, x.ResultId });
                    table.ForeignKey(
                        name: "FK_ResultContributions_PlanElements_ElementId",
                        column: x => x.ElementId,
                        principalTable: "PlanElements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ResultContributions_PlanElements_ResultId",
                        column: x => x.ResultId,
                        principalTable: "PlanElements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorContributions_IndicatorId",
                table: "IndicatorContributions",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_ResultContributions_ResultId",
                table: "ResultContributions",
                column: "ResultId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IndicatorContributions");

            migrationBuilder.DropTable(
                name: "ResultContributions");
        }
    }
}
