using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Movilidad.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddSocialSecurity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CountryGaps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Topic = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    TextEn = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    TextEs = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CountryGaps", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EnrolmentOptions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    SelfEmployed = table.Column<bool>(type: "boolean", nullable: true),
                    Abroad = table.Column<bool>(type: "boolean", nullable: true),
                    Content = table.Column<string>(type: "text", nullable: false),
                    NameEn = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    NameEs = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnrolmentOptions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IloConventions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Ratified = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false),
                    NameEn = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    NameEs = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IloConventions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NationalBodies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Acronym = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Sources = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    NameEs = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NationalBodies", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CountryGaps_Topic_Country",
                table: "CountryGaps",
                columns: new[] { "Topic", "Country" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EnrolmentOptions_Country",
                table: "EnrolmentOptions",
                column: "Country");

            migrationBuilder.CreateIndex(
                name: "IX_EnrolmentOptions_Key",
                table: "EnrolmentOptions",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IloConventions_Key",
                table: "IloConventions",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NationalBodies_Code",
                table: "NationalBodies",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CountryGaps");

            migrationBuilder.DropTable(
                name: "EnrolmentOptions");

            migrationBuilder.DropTable(
                name: "IloConventions");

            migrationBuilder.DropTable(
                name: "NationalBodies");
        }
    }
}
