using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Movilidad.Migrations.Postgres.Migrations
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Modality = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    ProviderId = table.Column<int>(type: "integer", nullable: true),
                    Languages = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Audiences = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Topics = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Occupations = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Countries = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Lines = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Hours = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: true),
                    Cost = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Sources = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ShippedKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RecordedById = table.Column<int>(type: "integer", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CertificationEn = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CertificationEs = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    NotesEn = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    NotesEs = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ProviderNameEn = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ProviderNameEs = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    SummaryEn = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    SummaryEs = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    TitleEs = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
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
