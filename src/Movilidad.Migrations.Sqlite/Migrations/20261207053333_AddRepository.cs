using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Movilidad.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddRepository : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RepositoryItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Countries = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Lines = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Objectives = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Topics = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Occupations = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AuthorInstitution = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Licence = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ContentKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ContentKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ExtractedText = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    GenderLens = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    GenderChecklist = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ReviewComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ProposedById = table.Column<int>(type: "INTEGER", nullable: true),
                    ProposedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReviewedById = table.Column<int>(type: "INTEGER", nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Guide = table.Column<string>(type: "TEXT", nullable: true),
                    IsDraft = table.Column<bool>(type: "INTEGER", nullable: false),
                    ShippedKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    SummaryEn = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SummaryEs = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    TitleEs = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RepositoryItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RepositoryItems_Accounts_ProposedById",
                        column: x => x.ProposedById,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RepositoryItems_Accounts_ReviewedById",
                        column: x => x.ReviewedById,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RepositoryFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Slot = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    FileVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UploadedById = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RepositoryFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RepositoryFiles_Accounts_UploadedById",
                        column: x => x.UploadedById,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RepositoryFiles_RepositoryItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "RepositoryItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RepositoryFileContents",
                columns: table => new
                {
                    FileId = table.Column<int>(type: "INTEGER", nullable: false),
                    Bytes = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RepositoryFileContents", x => x.FileId);
                    table.ForeignKey(
                        name: "FK_RepositoryFileContents_RepositoryFiles_FileId",
                        column: x => x.FileId,
                        principalTable: "RepositoryFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RepositoryFiles_ItemId_Slot_FileVersion",
                table: "RepositoryFiles",
                columns: new[] { "ItemId", "Slot", "FileVersion" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RepositoryFiles_UploadedById",
                table: "RepositoryFiles",
                column: "UploadedById");

            migrationBuilder.CreateIndex(
                name: "IX_RepositoryItems_ProposedById",
                table: "RepositoryItems",
                column: "ProposedById");

            migrationBuilder.CreateIndex(
                name: "IX_RepositoryItems_ReviewedById",
                table: "RepositoryItems",
                column: "ReviewedById");

            migrationBuilder.CreateIndex(
                name: "IX_RepositoryItems_ShippedKey",
                table: "RepositoryItems",
                column: "ShippedKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RepositoryItems_Status_Type",
                table: "RepositoryItems",
                columns: new[] { "Status", "Type" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RepositoryFileContents");

            migrationBuilder.DropTable(
                name: "RepositoryFiles");

            migrationBuilder.DropTable(
                name: "RepositoryItems");
        }
    }
}
