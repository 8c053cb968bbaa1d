using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Movilidad.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddCourses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Courses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Modality = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    ProviderId = table.Column<int>(type: "INTEGER", nullable: true),
                    Languages = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Audiences = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Topics = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Occupations = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Countries = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Lines = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Hours = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: true),
                    Cost = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Sources = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ShippedKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RecordedById = table.Column<int>(type: "INTEGER", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CertificationEn = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CertificationEs = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    NotesEn = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    NotesEs = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ProviderNameEn = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ProviderNameEs = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    SummaryEn = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SummaryEs = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    TitleEs = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Courses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Courses_Accounts_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Courses_Institutions_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Courses_ProviderId",
                table: "Courses",
                column: "ProviderId");

            migrationBuilder.CreateIndex(
                name: "IX_Courses_RecordedById",
                table: "Courses",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_Courses_ShippedKey",
                table: "Courses",
                column: "ShippedKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Courses_StartDate",
                table: "Courses",
                column: "StartDate");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Courses");
        }
    }
}
