using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Movilidad.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddOutlookSectors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OutlookSectors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Groups = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    EditedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEs = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReasoningEn = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ReasoningEs = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutlookSectors", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutlookSectors_Slug",
                table: "OutlookSectors",
                column: "Slug",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OutlookSectors");
        }
    }
}
