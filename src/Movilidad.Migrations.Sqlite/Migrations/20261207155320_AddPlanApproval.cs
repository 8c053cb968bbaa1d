using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Movilidad.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddPlanApproval : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReturnComment",
                table: "Plans",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Review",
                table: "Plans",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Plans",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReturnComment",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "Review",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Plans");
        }
    }
}
