using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Movilidad.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddProgrammes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Agreements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Subject = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Programmes = table.Column<string>(type: "character varying(1600)", maxLength: 1600, nullable: false),
                    Signed = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
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
                    table.PrimaryKey("PK_Agreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Agreements_Accounts_ChangedById",
                        column: x => x.ChangedById,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Programmes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Acronym = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Modality = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Destinations = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Origins = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Occupations = table.Column<string>(type: "character varying(1600)", maxLength: 1600, nullable: false),
                    DemandDataset = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    DemandStream = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
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
                    table.PrimaryKey("PK_Programmes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Programmes_Accounts_ChangedById",
                        column: x => x.ChangedById,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SourceReferences",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Title = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    Publisher = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: true),
                    Reference = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: true),
                    Accessed = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    File = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SourceReferences", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_ChangedById",
                table: "Agreements",
                column: "ChangedById");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_Key",
                table: "Agreements",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Programmes_ChangedById",
                table: "Programmes",
                column: "ChangedById");

            migrationBuilder.CreateIndex(
                name: "IX_Programmes_Key",
                table: "Programmes",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SourceReferences_Key",
                table: "SourceReferences",
                column: "Key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Agreements");

            migrationBuilder.DropTable(
                name: "Programmes");

            migrationBuilder.DropTable(
                name: "SourceReferences");
        }
    }
}
