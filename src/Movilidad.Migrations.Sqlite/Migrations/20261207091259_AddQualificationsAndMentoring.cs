using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Movilidad.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddQualificationsAndMentoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ExchangeRates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Rate = table.Column<decimal>(type: "TEXT", precision: 20, scale: 8, nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false),
                    SourceUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExchangeRates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MentoringExperts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Areas = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Languages = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    HoursPerMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MentoringExperts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MentoringExperts_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QualificationProcedures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Institution = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Occupations = table.Column<string>(type: "TEXT", maxLength: 1600, nullable: false),
                    LastVerified = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false),
                    NameEs = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    StatusCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Countries = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: true),
                    Draft = table.Column<string>(type: "TEXT", nullable: true),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReviewComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ChangedById = table.Column<int>(type: "INTEGER", nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QualificationProcedures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QualificationProcedures_Accounts_ChangedById",
                        column: x => x.ChangedById,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MentoringRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MenteeAccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    MenteeName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MenteeContact = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ExpertId = table.Column<int>(type: "INTEGER", nullable: true),
                    MatchedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MenteeRating = table.Column<int>(type: "INTEGER", nullable: true),
                    MenteeFeedback = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ExpertRating = table.Column<int>(type: "INTEGER", nullable: true),
                    ExpertFeedback = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MentoringRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MentoringRequests_Accounts_MenteeAccountId",
                        column: x => x.MenteeAccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MentoringRequests_MentoringExperts_ExpertId",
                        column: x => x.ExpertId,
                        principalTable: "MentoringExperts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MentoringSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Topics = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    FollowUps = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    LoggedById = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MentoringSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MentoringSessions_Accounts_LoggedById",
                        column: x => x.LoggedById,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MentoringSessions_MentoringRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "MentoringRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExchangeRates_Currency_AsOf",
                table: "ExchangeRates",
                columns: new[] { "Currency", "AsOf" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MentoringExperts_AccountId",
                table: "MentoringExperts",
                column: "AccountId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MentoringRequests_ExpertId",
                table: "MentoringRequests",
                column: "ExpertId");

            migrationBuilder.CreateIndex(
                name: "IX_MentoringRequests_MenteeAccountId",
                table: "MentoringRequests",
                column: "MenteeAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_MentoringSessions_LoggedById",
                table: "MentoringSessions",
                column: "LoggedById");

            migrationBuilder.CreateIndex(
                name: "IX_MentoringSessions_RequestId",
                table: "MentoringSessions",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_QualificationProcedures_ChangedById",
                table: "QualificationProcedures",
                column: "ChangedById");

            migrationBuilder.CreateIndex(
                name: "IX_QualificationProcedures_Country",
                table: "QualificationProcedures",
                column: "Country");

            migrationBuilder.CreateIndex(
                name: "IX_QualificationProcedures_Key",
                table: "QualificationProcedures",
                column: "Key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExchangeRates");

            migrationBuilder.DropTable(
                name: "MentoringSessions");

            migrationBuilder.DropTable(
                name: "QualificationProcedures");

            migrationBuilder.DropTable(
                name: "MentoringRequests");

            migrationBuilder.DropTable(
                name: "MentoringExperts");
        }
    }
}
