using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Movilidad.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddWorkPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ApprovalSource",
                table: "Plans",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Actionable",
                table: "PlanLevels",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsActionable",
                table: "PlanElements",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Inferred",
                table: "GcmLinks",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Data: the shipped plans' actions take activities, as they did before levels could be marked actionable.
            migrationBuilder.Sql("UPDATE \"PlanLevels\" SET \"Actionable\" = TRUE WHERE \"Key\" = 'action'");
            migrationBuilder.Sql("UPDATE \"PlanElements\" SET \"IsActionable\" = TRUE WHERE \"LevelKey\" = 'action'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ApprovalSource",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "Actionable",
                table: "PlanLevels");

            migrationBuilder.DropColumn(
                name: "IsActionable",
                table: "PlanElements");

            migrationBuilder.DropColumn(
                name: "Inferred",
                table: "GcmLinks");
        }
    }
}
