using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Movilidad.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddCodeSortKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CodeSortKey",
                table: "PlanElements",
                type: "character varying(176)",
                maxLength: 176,
                nullable: false,
                defaultValue: "",
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "CodeSortKey",
                table: "Activities",
                type: "character varying(176)",
                maxLength: 176,
                nullable: false,
                defaultValue: "",
                collation: "C");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_ActionId_CodeSortKey",
                table: "Activities",
                columns: new[] { "ActionId", "CodeSortKey" });

            // Data: the keys of the rows already there, computed as NaturalSortKey.Of does (MigrationSchemaTests checks both agree).
            migrationBuilder.Sql(Fill("PlanElements"));
            migrationBuilder.Sql(Fill("Activities"));
        }

        /// <summary>
        /// Sets "CodeSortKey" from "Code" in every row of the table, by the code split into runs of digits and of other characters: each run of digits without its leading zeros,
        /// padded with zeros to ten, ASCII letters in upper case, the rest as it is.
        /// </summary>
        public static string Fill(string table) => """
            UPDATE "{table}" AS t SET "CodeSortKey" = COALESCE((
                SELECT string_agg(CASE WHEN m.part[1] ~ '^[0-9]+$'
                        THEN CASE WHEN length(ltrim(m.part[1], '0')) >= 10 THEN ltrim(m.part[1], '0') ELSE lpad(ltrim(m.part[1], '0'), 10, '0') END
                        ELSE translate(m.part[1], 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') END, '' ORDER BY m.n)
                FROM regexp_matches(t."Code", '[0-9]+|[^0-9]+', 'g') WITH ORDINALITY AS m(part, n)), '');
            """.Replace("{table}", table, StringComparison.Ordinal);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Activities_ActionId_CodeSortKey",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "CodeSortKey",
                table: "PlanElements");

            migrationBuilder.DropColumn(
                name: "CodeSortKey",
                table: "Activities");
        }
    }
}
