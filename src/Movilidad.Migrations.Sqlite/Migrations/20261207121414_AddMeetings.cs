using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Movilidad.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddMeetings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Meetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    IsVirtual = table.Column<bool>(type: "INTEGER", nullable: false),
                    Convener = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    WorkingGroupId = table.Column<int>(type: "INTEGER", nullable: true),
                    CountryCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    Table = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ParticipantsTotal = table.Column<int>(type: "INTEGER", nullable: true),
                    Women = table.Column<int>(type: "INTEGER", nullable: true),
                    Men = table.Column<int>(type: "INTEGER", nullable: true),
                    RecordedById = table.Column<int>(type: "INTEGER", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    AgendaEn = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    AgendaEs = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    MinutesEn = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    MinutesEs = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    TitleEs = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Meetings_Accounts_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Meetings_Institutions_WorkingGroupId",
                        column: x => x.WorkingGroupId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MeetingAgreements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerId = table.Column<int>(type: "INTEGER", nullable: true),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ActivityId = table.Column<int>(type: "INTEGER", nullable: true),
                    TextEn = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    TextEs = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingAgreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingAgreements_Activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "Activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MeetingAgreements_Institutions_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MeetingAgreements_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UploadedById = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingFiles_Accounts_UploadedById",
                        column: x => x.UploadedById,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MeetingFiles_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingParticipants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    InstitutionId = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    CountryCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    People = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingParticipants_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MeetingParticipants_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingFileContents",
                columns: table => new
                {
                    FileId = table.Column<int>(type: "INTEGER", nullable: false),
                    Bytes = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingFileContents", x => x.FileId);
                    table.ForeignKey(
                        name: "FK_MeetingFileContents_MeetingFiles_FileId",
                        column: x => x.FileId,
                        principalTable: "MeetingFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingAgreements_ActivityId",
                table: "MeetingAgreements",
                column: "ActivityId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingAgreements_MeetingId",
                table: "MeetingAgreements",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingAgreements_OwnerId",
                table: "MeetingAgreements",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingFiles_MeetingId",
                table: "MeetingFiles",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingFiles_UploadedById",
                table: "MeetingFiles",
                column: "UploadedById");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingParticipants_InstitutionId",
                table: "MeetingParticipants",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingParticipants_MeetingId",
                table: "MeetingParticipants",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_CountryCode_Date",
                table: "Meetings",
                columns: new[] { "CountryCode", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_Date",
                table: "Meetings",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_RecordedById",
                table: "Meetings",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_WorkingGroupId_Date",
                table: "Meetings",
                columns: new[] { "WorkingGroupId", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MeetingAgreements");

            migrationBuilder.DropTable(
                name: "MeetingFileContents");

            migrationBuilder.DropTable(
                name: "MeetingParticipants");

            migrationBuilder.DropTable(
                name: "MeetingFiles");

            migrationBuilder.DropTable(
                name: "Meetings");
        }
    }
}
