using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Movilidad.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddRecruiters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Recruiters",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    SpellingKey = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    MatchKey = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Subdivision = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    City = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    MergedIntoId = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Recruiters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Recruiters_Recruiters_MergedIntoId",
                        column: x => x.MergedIntoId,
                        principalTable: "Recruiters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FraudReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    RecruiterName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    RecruiterId = table.Column<int>(type: "integer", nullable: true),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ContactName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ContactEmail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ContactPhone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TriageNote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TriagedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    TriagedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FraudReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FraudReports_Recruiters_RecruiterId",
                        column: x => x.RecruiterId,
                        principalTable: "Recruiters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "RecruiterDuplicates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RecruiterId = table.Column<int>(type: "integer", nullable: false),
                    OtherId = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Similarity = table.Column<double>(type: "double precision", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ProposedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReviewedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecruiterDuplicates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecruiterDuplicates_Recruiters_OtherId",
                        column: x => x.OtherId,
                        principalTable: "Recruiters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RecruiterDuplicates_Recruiters_RecruiterId",
                        column: x => x.RecruiterId,
                        principalTable: "Recruiters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RecruiterLicences",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RecruiterId = table.Column<int>(type: "integer", nullable: false),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Number = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NumberKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Authority = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Source = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecruiterLicences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecruiterLicences_Recruiters_RecruiterId",
                        column: x => x.RecruiterId,
                        principalTable: "Recruiters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RecruiterNames",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RecruiterId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    SpellingKey = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    MatchKey = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    LabourOrganisationId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecruiterNames", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecruiterNames_LabourOrganisations_LabourOrganisationId",
                        column: x => x.LabourOrganisationId,
                        principalTable: "LabourOrganisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RecruiterNames_Recruiters_RecruiterId",
                        column: x => x.RecruiterId,
                        principalTable: "Recruiters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RecruiterSanctions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RecruiterId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Programme = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Authority = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Start = table.Column<DateOnly>(type: "date", nullable: true),
                    End = table.Column<DateOnly>(type: "date", nullable: true),
                    ListedName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Source = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ImportKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecruiterSanctions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecruiterSanctions_Recruiters_RecruiterId",
                        column: x => x.RecruiterId,
                        principalTable: "Recruiters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FraudReports_Country_ReceivedAt",
                table: "FraudReports",
                columns: new[] { "Country", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FraudReports_RecruiterId",
                table: "FraudReports",
                column: "RecruiterId");

            migrationBuilder.CreateIndex(
                name: "IX_RecruiterDuplicates_OtherId",
                table: "RecruiterDuplicates",
                column: "OtherId");

            migrationBuilder.CreateIndex(
                name: "IX_RecruiterDuplicates_RecruiterId_OtherId",
                table: "RecruiterDuplicates",
                columns: new[] { "RecruiterId", "OtherId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RecruiterDuplicates_Status",
                table: "RecruiterDuplicates",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_RecruiterLicences_NumberKey",
                table: "RecruiterLicences",
                column: "NumberKey");

            migrationBuilder.CreateIndex(
                name: "IX_RecruiterLicences_RecruiterId",
                table: "RecruiterLicences",
                column: "RecruiterId");

            migrationBuilder.CreateIndex(
                name: "IX_RecruiterNames_LabourOrganisationId",
                table: "RecruiterNames",
                column: "LabourOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_RecruiterNames_MatchKey",
                table: "RecruiterNames",
                column: "MatchKey");

            migrationBuilder.CreateIndex(
                name: "IX_RecruiterNames_RecruiterId",
                table: "RecruiterNames",
                column: "RecruiterId");

            migrationBuilder.CreateIndex(
                name: "IX_Recruiters_Country_SpellingKey",
                table: "Recruiters",
                columns: new[] { "Country", "SpellingKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Recruiters_MatchKey",
                table: "Recruiters",
                column: "MatchKey");

            migrationBuilder.CreateIndex(
                name: "IX_Recruiters_MergedIntoId",
                table: "Recruiters",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_RecruiterSanctions_ImportKey",
                table: "RecruiterSanctions",
                column: "ImportKey");

            migrationBuilder.CreateIndex(
                name: "IX_RecruiterSanctions_RecruiterId",
                table: "RecruiterSanctions",
                column: "RecruiterId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FraudReports");

            migrationBuilder.DropTable(
                name: "RecruiterDuplicates");

            migrationBuilder.DropTable(
                name: "RecruiterLicences");

            migrationBuilder.DropTable(
                name: "RecruiterNames");

            migrationBuilder.DropTable(
                name: "RecruiterSanctions");

            migrationBuilder.DropTable(
                name: "Recruiters");
        }
    }
}
