using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Movilidad.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddConventionReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Content",
                table: "IloConventions",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AddColumn<DateTime>(
                name: "ChangedAt",
                table: "IloConventions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ChangedById",
                table: "IloConventions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Countries",
                table: "IloConventions",
                type: "character varying(400)",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Draft",
                table: "IloConventions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PublishedAt",
                table: "IloConventions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewComment",
                table: "IloConventions",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Stage",
                table: "IloConventions",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "StatusCode",
                table: "IloConventions",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "IloConventions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AlterColumn<string>(
                name: "Content",
                table: "EnrolmentOptions",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AddColumn<DateTime>(
                name: "ChangedAt",
                table: "EnrolmentOptions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ChangedById",
                table: "EnrolmentOptions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Countries",
                table: "EnrolmentOptions",
                type: "character varying(400)",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Draft",
                table: "EnrolmentOptions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PublishedAt",
                table: "EnrolmentOptions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewComment",
                table: "EnrolmentOptions",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Stage",
                table: "EnrolmentOptions",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "StatusCode",
                table: "EnrolmentOptions",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "EnrolmentOptions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_IloConventions_ChangedById",
                table: "IloConventions",
                column: "ChangedById");

            migrationBuilder.CreateIndex(
                name: "IX_EnrolmentOptions_ChangedById",
                table: "EnrolmentOptions",
                column: "ChangedById");

            migrationBuilder.AddForeignKey(
                name: "FK_EnrolmentOptions_Accounts_ChangedById",
                table: "EnrolmentOptions",
                column: "ChangedById",
                principalTable: "Accounts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_IloConventions_Accounts_ChangedById",
                table: "IloConventions",
                column: "ChangedById",
                principalTable: "Accounts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_EnrolmentOptions_Accounts_ChangedById",
                table: "EnrolmentOptions");

            migrationBuilder.DropForeignKey(
                name: "FK_IloConventions_Accounts_ChangedById",
                table: "IloConventions");

            migrationBuilder.DropIndex(
                name: "IX_IloConventions_ChangedById",
                table: "IloConventions");

            migrationBuilder.DropIndex(
                name: "IX_EnrolmentOptions_ChangedById",
                table: "EnrolmentOptions");

            migrationBuilder.DropColumn(
                name: "ChangedAt",
                table: "IloConventions");

            migrationBuilder.DropColumn(
                name: "ChangedById",
                table: "IloConventions");

            migrationBuilder.DropColumn(
                name: "Countries",
                table: "IloConventions");

            migrationBuilder.DropColumn(
                name: "Draft",
                table: "IloConventions");

            migrationBuilder.DropColumn(
                name: "PublishedAt",
                table: "IloConventions");

            migrationBuilder.DropColumn(
                name: "ReviewComment",
                table: "IloConventions");

            migrationBuilder.DropColumn(
                name: "Stage",
                table: "IloConventions");

            migrationBuilder.DropColumn(
                name: "StatusCode",
                table: "IloConventions");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "IloConventions");

            migrationBuilder.DropColumn(
                name: "ChangedAt",
                table: "EnrolmentOptions");

            migrationBuilder.DropColumn(
                name: "ChangedById",
                table: "EnrolmentOptions");

            migrationBuilder.DropColumn(
                name: "Countries",
                table: "EnrolmentOptions");

            migrationBuilder.DropColumn(
                name: "Draft",
                table: "EnrolmentOptions");

            migrationBuilder.DropColumn(
                name: "PublishedAt",
                table: "EnrolmentOptions");

            migrationBuilder.DropColumn(
                name: "ReviewComment",
                table: "EnrolmentOptions");

            migrationBuilder.DropColumn(
                name: "Stage",
                table: "EnrolmentOptions");

            migrationBuilder.DropColumn(
                name: "StatusCode",
                table: "EnrolmentOptions");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "EnrolmentOptions");

            migrationBuilder.AlterColumn<string>(
                name: "Content",
                table: "IloConventions",
                type: "text",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Content",
                table: "EnrolmentOptions",
                type: "text",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);
        }
    }
}
