using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Movilidad.Platform.Data;

namespace Movilidad.Migrations.Legacy;

/// <summary>
/// Pledges (pledgers, GCM objectives, milestones, links to plan elements and activities, quarterly updates with their
/// evidence files) and good practices (GCM objectives, plan elements, countries). Written by hand, provider-neutral.
/// </summary>
[DbContext(typeof(MovilidadDb))]
[Migration("20261129020000_Pledges")]
public sealed class Pledges : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Pledges",
            columns: t => new
            {
                Id = Initial.Identity(t),
                Key = t.Column<string>(maxLength: 64, nullable: true),
                TitleEs = t.Column<string>(maxLength: 400, nullable: false),
                TitleEn = t.Column<string>(maxLength: 400, nullable: false),
                DescriptionEs = t.Column<string>(maxLength: 8000, nullable: false),
                DescriptionEn = t.Column<string>(maxLength: 8000, nullable: false),
                MatchingPledgeId = t.Column<int>(nullable: true),
                IsPublished = t.Column<bool>(nullable: false),
                CreatedById = t.Column<int>(nullable: true),
                CreatedAt = t.Column<DateTime>(nullable: false),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Pledges", x => x.Id);
                t.ForeignKey("FK_Pledges_Pledges_MatchingPledgeId", x => x.MatchingPledgeId, "Pledges", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_Pledges_Accounts_CreatedById", x => x.CreatedById, "Accounts", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Pledges_Key", "Pledges", "Key", unique: true);
        migrationBuilder.CreateIndex("IX_Pledges_MatchingPledgeId", "Pledges", "MatchingPledgeId");
        migrationBuilder.CreateIndex("IX_Pledges_CreatedById", "Pledges", "CreatedById");

        migrationBuilder.CreateTable(
            name: "PledgePledger",
            columns: t => new
            {
                PledgeId = t.Column<int>(nullable: false),
                InstitutionId = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_PledgePledger", x => new { x.PledgeId, x.InstitutionId });
                t.ForeignKey("FK_PledgePledger_Pledges_PledgeId", x => x.PledgeId, "Pledges", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_PledgePledger_Institutions_InstitutionId", x => x.InstitutionId, "Institutions", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_PledgePledger_InstitutionId", "PledgePledger", "InstitutionId");

        migrationBuilder.CreateTable(
            name: "PledgeGcmObjective",
            columns: t => new
            {
                PledgeId = t.Column<int>(nullable: false),
                Objective = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_PledgeGcmObjective", x => new { x.PledgeId, x.Objective });
                t.ForeignKey("FK_PledgeGcmObjective_Pledges_PledgeId", x => x.PledgeId, "Pledges", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_PledgeGcmObjective_Objective", "PledgeGcmObjective", "Objective");

        migrationBuilder.CreateTable(
            name: "PledgeMilestone",
            columns: t => new
            {
                Id = Initial.Identity(t),
                PledgeId = t.Column<int>(nullable: false),
                Title = t.Column<string>(maxLength: 400, nullable: false),
                DueDate = t.Column<DateOnly>(nullable: false),
                Done = t.Column<bool>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_PledgeMilestone", x => x.Id);
                t.ForeignKey("FK_PledgeMilestone_Pledges_PledgeId", x => x.PledgeId, "Pledges", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_PledgeMilestone_PledgeId", "PledgeMilestone", "PledgeId");

        migrationBuilder.CreateTable(
            name: "PledgeElement",
            columns: t => new
            {
                PledgeId = t.Column<int>(nullable: false),
                ElementId = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_PledgeElement", x => new { x.PledgeId, x.ElementId });
                t.ForeignKey("FK_PledgeElement_Pledges_PledgeId", x => x.PledgeId, "Pledges", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_PledgeElement_PlanElements_ElementId", x => x.ElementId, "PlanElements", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_PledgeElement_ElementId", "PledgeElement", "ElementId");

        migrationBuilder.CreateTable(
            name: "PledgeActivity",
            columns: t => new
            {
                PledgeId = t.Column<int>(nullable: false),
                ActivityId = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_PledgeActivity", x => new { x.PledgeId, x.ActivityId });
                t.ForeignKey("FK_PledgeActivity_Pledges_PledgeId", x => x.PledgeId, "Pledges", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_PledgeActivity_Activities_ActivityId", x => x.ActivityId, "Activities", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_PledgeActivity_ActivityId", "PledgeActivity", "ActivityId");

        migrationBuilder.CreateTable(
            name: "PledgeUpdates",
            columns: t => new
            {
                Id = Initial.Identity(t),
                PledgeId = t.Column<int>(nullable: false),
                Year = t.Column<int>(nullable: false),
                Quarter = t.Column<int>(nullable: false),
                Status = t.Column<string>(maxLength: 16, nullable: false),
                Narrative = t.Column<string>(maxLength: 8000, nullable: false),
                EvidenceUrl = t.Column<string>(maxLength: 1000, nullable: true),
                EvidenceFileName = t.Column<string>(maxLength: 200, nullable: true),
                EvidenceContentType = t.Column<string>(maxLength: 100, nullable: true),
                EvidenceSize = t.Column<int>(nullable: true),
                RecordedAt = t.Column<DateTime>(nullable: false),
                RecordedById = t.Column<int>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_PledgeUpdates", x => x.Id);
                t.ForeignKey("FK_PledgeUpdates_Pledges_PledgeId", x => x.PledgeId, "Pledges", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_PledgeUpdates_Accounts_RecordedById", x => x.RecordedById, "Accounts", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_PledgeUpdates_PledgeId_Year_Quarter", "PledgeUpdates", ["PledgeId", "Year", "Quarter"], unique: true);
        migrationBuilder.CreateIndex("IX_PledgeUpdates_RecordedById", "PledgeUpdates", "RecordedById");

        migrationBuilder.CreateTable(
            name: "PledgeEvidence",
            columns: t => new
            {
                UpdateId = t.Column<int>(nullable: false),
                Content = t.Column<byte[]>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_PledgeEvidence", x => x.UpdateId);
                t.ForeignKey("FK_PledgeEvidence_PledgeUpdates_UpdateId", x => x.UpdateId, "PledgeUpdates", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Practices",
            columns: t => new
            {
                Id = Initial.Identity(t),
                TitleEs = t.Column<string>(maxLength: 400, nullable: false),
                TitleEn = t.Column<string>(maxLength: 400, nullable: false),
                SummaryEs = t.Column<string>(maxLength: 2000, nullable: false),
                SummaryEn = t.Column<string>(maxLength: 2000, nullable: false),
                BodyEs = t.Column<string>(maxLength: 20000, nullable: false),
                BodyEn = t.Column<string>(maxLength: 20000, nullable: false),
                InstitutionId = t.Column<int>(nullable: false),
                Status = t.Column<string>(maxLength: 16, nullable: false),
                ReviewComment = t.Column<string>(maxLength: 2000, nullable: true),
                SubmittedById = t.Column<int>(nullable: true),
                SubmittedAt = t.Column<DateTime>(nullable: false),
                ConsentGivenBy = t.Column<string>(maxLength: 200, nullable: true),
                ConsentGivenOn = t.Column<DateOnly>(nullable: true),
                ConsentRecordedAt = t.Column<DateTime>(nullable: true),
                ConsentRecordedById = t.Column<int>(nullable: true),
                ScheduledMonth = t.Column<DateOnly>(nullable: true),
                PublishedAt = t.Column<DateTime>(nullable: true),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Practices", x => x.Id);
                t.ForeignKey("FK_Practices_Institutions_InstitutionId", x => x.InstitutionId, "Institutions", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_Practices_Accounts_SubmittedById", x => x.SubmittedById, "Accounts", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_Practices_Accounts_ConsentRecordedById", x => x.ConsentRecordedById, "Accounts", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Practices_InstitutionId", "Practices", "InstitutionId");
        migrationBuilder.CreateIndex("IX_Practices_Status", "Practices", "Status");
        migrationBuilder.CreateIndex("IX_Practices_SubmittedById", "Practices", "SubmittedById");
        migrationBuilder.CreateIndex("IX_Practices_ConsentRecordedById", "Practices", "ConsentRecordedById");
        migrationBuilder.CreateIndex("IX_Practices_ScheduledMonth", "Practices", "ScheduledMonth", unique: true);

        migrationBuilder.CreateTable(
            name: "PracticeGcmObjective",
            columns: t => new
            {
                PracticeId = t.Column<int>(nullable: false),
                Objective = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_PracticeGcmObjective", x => new { x.PracticeId, x.Objective });
                t.ForeignKey("FK_PracticeGcmObjective_Practices_PracticeId", x => x.PracticeId, "Practices", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_PracticeGcmObjective_Objective", "PracticeGcmObjective", "Objective");

        migrationBuilder.CreateTable(
            name: "PracticeElement",
            columns: t => new
            {
                PracticeId = t.Column<int>(nullable: false),
                ElementId = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_PracticeElement", x => new { x.PracticeId, x.ElementId });
                t.ForeignKey("FK_PracticeElement_Practices_PracticeId", x => x.PracticeId, "Practices", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_PracticeElement_PlanElements_ElementId", x => x.ElementId, "PlanElements", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_PracticeElement_ElementId", "PracticeElement", "ElementId");

        migrationBuilder.CreateTable(
            name: "PracticeCountry",
            columns: t => new
            {
                PracticeId = t.Column<int>(nullable: false),
                CountryCode = t.Column<string>(maxLength: 2, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_PracticeCountry", x => new { x.PracticeId, x.CountryCode });
                t.ForeignKey("FK_PracticeCountry_Practices_PracticeId", x => x.PracticeId, "Practices", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_PracticeCountry_Countries_CountryCode", x => x.CountryCode, "Countries", "Alpha2", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_PracticeCountry_CountryCode", "PracticeCountry", "CountryCode");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[]
        {
            "PracticeCountry", "PracticeElement", "PracticeGcmObjective", "Practices",
            "PledgeEvidence", "PledgeUpdates", "PledgeActivity", "PledgeElement", "PledgeMilestone", "PledgeGcmObjective", "PledgePledger", "Pledges",
        })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
