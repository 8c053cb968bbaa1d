using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Movilidad.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddCompetencyStandards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CompetencyStandards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Institution = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Occupations = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Procedures = table.Column<string>(type: "character varying(1600)", maxLength: 1600, nullable: false),
                    Published = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    LastVerified = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    NameEn = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    NameEs = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    Key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    StatusCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Countries = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Content = table.Column<string>(type: "text", nullable: true),
                    Draft = table.Column<string>(type: "text", nullable: true),
                    Stage = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReviewComment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ChangedById = table.Column<int>(type: "integer", nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompetencyStandards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CompetencyStandards_Accounts_ChangedById",
                        column: x => x.ChangedById,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CompetencyStandards_ChangedById",
                table: "CompetencyStandards",
                column: "ChangedById");

            migrationBuilder.CreateIndex(
                name: "IX_CompetencyStandards_Country",
                table: "CompetencyStandards",
                column: "Country");

            migrationBuilder.CreateIndex(
                name: "IX_CompetencyStandards_Key",
                table: "CompetencyStandards",
                column: "Key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CompetencyStandards");
        }
    }
}
