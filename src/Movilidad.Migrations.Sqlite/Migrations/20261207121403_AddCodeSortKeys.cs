using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Movilidad.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 176,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "CodeSortKey",
                table: "Activities",
                type: "TEXT",
                maxLength: 176,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_ActionId_CodeSortKey",
                table: "Activities",
                columns: new[] { "ActionId", "CodeSortKey" });

            // Data: the keys of the rows already there, computed as NaturalSortKey.Of does (MigrationSchemaTests checks both agree).
            migrationBuilder.Sql(Fill("PlanElements"));
            migrationBuilder.Sql(Fill("Activities"));
        }

        /// <summary>
        /// Sets "CodeSortKey" from "Code" in every row of the table, by a recursive walk over each code's characters (SQLite has no regular expressions): each run of digits without its leading zeros,
        /// padded with zeros to ten, ASCII letters in upper case, the rest as it is.
        /// </summary>
        public static string Fill(string table) => """
            WITH RECURSIVE walk("Id", rest, run, sortKey) AS (
                SELECT "Id", COALESCE("Code", ''), '', '' FROM "{table}"
                UNION ALL
                SELECT "Id", substr(rest, 2),
                    CASE WHEN substr(rest, 1, 1) BETWEEN '0' AND '9' THEN run || substr(rest, 1, 1) ELSE '' END,
                    CASE WHEN substr(rest, 1, 1) BETWEEN '0' AND '9' THEN sortKey
                        ELSE sortKey || CASE WHEN run = '' THEN '' WHEN length(ltrim(run, '0')) >= 10 THEN ltrim(run, '0') ELSE substr('0000000000' || ltrim(run, '0'), -10) END || upper(substr(rest, 1, 1)) END
                FROM walk WHERE rest <> ''
            )
            UPDATE "{table}" SET "CodeSortKey" = done.sortKey
            FROM (
                SELECT "Id", sortKey || CASE WHEN run = '' THEN '' WHEN length(ltrim(run, '0')) >= 10 THEN ltrim(run, '0') ELSE substr('0000000000' || ltrim(run, '0'), -10) END AS sortKey
                FROM walk WHERE rest = ''
            ) AS done
            WHERE done."Id" = "{table}"."Id";
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
