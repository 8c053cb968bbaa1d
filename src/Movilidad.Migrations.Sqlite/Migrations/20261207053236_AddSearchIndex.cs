using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Movilidad.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SearchEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    TitleEs = table.Column<string>(type: "TEXT", nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", nullable: false),
                    TextEs = table.Column<string>(type: "TEXT", nullable: false),
                    TextEn = table.Column<string>(type: "TEXT", nullable: false),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Year = table.Column<int>(type: "INTEGER", nullable: true),
                    FtsTitle = table.Column<string>(type: "TEXT", nullable: false),
                    FtsBody = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SearchFacets",
                columns: table => new
                {
                    EntryId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchFacets", x => new { x.EntryId, x.Name, x.Value });
                    table.ForeignKey(
                        name: "FK_SearchFacets_SearchEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "SearchEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_Kind_Key",
                table: "SearchEntries",
                columns: new[] { "Kind", "Key" });

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_Source",
                table: "SearchEntries",
                column: "Source",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SearchFacets_Name_Value_EntryId",
                table: "SearchFacets",
                columns: new[] { "Name", "Value", "EntryId" });

            // Raw SQL, outside the model: the FTS5 index over the entries' index columns (external content, Spanish stems
            // computed by the application, porter for English, accents and case folded), kept in step by triggers.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "SearchIndex" USING fts5(FtsTitle, FtsBody, content='SearchEntries', content_rowid='Id', tokenize='porter unicode61 remove_diacritics 2');
                CREATE TRIGGER "SearchEntries_ai" AFTER INSERT ON "SearchEntries" BEGIN
                    INSERT INTO "SearchIndex"(rowid, FtsTitle, FtsBody) VALUES (new."Id", new."FtsTitle", new."FtsBody");
                END;
                CREATE TRIGGER "SearchEntries_ad" AFTER DELETE ON "SearchEntries" BEGIN
                    INSERT INTO "SearchIndex"("SearchIndex", rowid, FtsTitle, FtsBody) VALUES ('delete', old."Id", old."FtsTitle", old."FtsBody");
                END;
                CREATE TRIGGER "SearchEntries_au" AFTER UPDATE ON "SearchEntries" BEGIN
                    INSERT INTO "SearchIndex"("SearchIndex", rowid, FtsTitle, FtsBody) VALUES ('delete', old."Id", old."FtsTitle", old."FtsBody");
                    INSERT INTO "SearchIndex"(rowid, FtsTitle, FtsBody) VALUES (new."Id", new."FtsTitle", new."FtsBody");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "SearchEntries_au";
                DROP TRIGGER "SearchEntries_ad";
                DROP TRIGGER "SearchEntries_ai";
                DROP TABLE "SearchIndex";
                """);

            migrationBuilder.DropTable(
                name: "SearchFacets");

            migrationBuilder.DropTable(
                name: "SearchEntries");
        }
    }
}
