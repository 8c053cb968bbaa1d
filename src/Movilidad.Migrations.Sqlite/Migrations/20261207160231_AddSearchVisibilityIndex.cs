using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Movilidad.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddSearchVisibilityIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_IsPublic",
                table: "SearchEntries",
                column: "IsPublic");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SearchEntries_IsPublic",
                table: "SearchEntries");
        }
    }
}
