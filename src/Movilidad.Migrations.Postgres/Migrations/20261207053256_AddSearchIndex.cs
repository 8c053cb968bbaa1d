using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;

#nullable disable

namespace Movilidad.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .Annotation("Npgsql:PostgresExtension:unaccent", ",,");

            migrationBuilder.CreateTable(
                name: "SearchEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Path = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    TitleEs = table.Column<string>(type: "text", nullable: false),
                    TitleEn = table.Column<string>(type: "text", nullable: false),
                    TextEs = table.Column<string>(type: "text", nullable: false),
                    TextEn = table.Column<string>(type: "text", nullable: false),
                    IsPublic = table.Column<bool>(type: "boolean", nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    Year = table.Column<int>(type: "integer", nullable: true),
                    FtsTitle = table.Column<string>(type: "text", nullable: false),
                    FtsBody = table.Column<string>(type: "text", nullable: false),
                    Document = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SearchFacets",
                columns: table => new
                {
                    EntryId = table.Column<long>(type: "bigint", nullable: false),
                    Name = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Value = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
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
                name: "IX_SearchEntries_Document",
                table: "SearchEntries",
                column: "Document")
                .Annotation("Npgsql:IndexMethod", "GIN");

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
                name: "IX_SearchEntries_TitleEn_trgm",
                table: "SearchEntries",
                column: "TitleEn")
                .Annotation("Npgsql:IndexMethod", "GIN")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_TitleEs_trgm",
                table: "SearchEntries",
                column: "TitleEs")
                .Annotation("Npgsql:IndexMethod", "GIN")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_SearchFacets_Name_Value_EntryId",
                table: "SearchFacets",
                columns: new[] { "Name", "Value", "EntryId" });

            // Raw SQL, outside the model: Spanish and English text search configurations that fold accents (unaccent) before
            // stemming, and the trigger that fills the entries' tsvector from them (titles weigh A, texts B; texts are cut at
            // 200,000 characters to stay inside a tsvector's limits).
            migrationBuilder.Sql("""
                CREATE TEXT SEARCH CONFIGURATION movilidad_es (COPY = pg_catalog.spanish);
                ALTER TEXT SEARCH CONFIGURATION movilidad_es ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;
                CREATE TEXT SEARCH CONFIGURATION movilidad_en (COPY = pg_catalog.english);
                ALTER TEXT SEARCH CONFIGURATION movilidad_en ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
                CREATE FUNCTION "SearchEntries_document"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    NEW."Document" :=
                        setweight(to_tsvector('movilidad_es', NEW."TitleEs"), 'A') || setweight(to_tsvector('movilidad_en', NEW."TitleEn"), 'A') ||
                        setweight(to_tsvector('movilidad_es', left(NEW."TextEs", 200000)), 'B') || setweight(to_tsvector('movilidad_en', left(NEW."TextEn", 200000)), 'B');
                    RETURN NEW;
                END $$;
                CREATE TRIGGER "SearchEntries_document" BEFORE INSERT OR UPDATE ON "SearchEntries" FOR EACH ROW EXECUTE FUNCTION "SearchEntries_document"();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "SearchEntries_document" ON "SearchEntries";
                DROP FUNCTION "SearchEntries_document"();
                DROP TEXT SEARCH CONFIGURATION movilidad_en;
                DROP TEXT SEARCH CONFIGURATION movilidad_es;
                """);

            migrationBuilder.DropTable(
                name: "SearchFacets");

            migrationBuilder.DropTable(
                name: "SearchEntries");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:unaccent", ",,");
        }
    }
}
