using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Movilidad.Platform.Data;

namespace Movilidad.Migrations.Legacy;

/// <summary>The semi-annual reports to the GRCM and the country narratives in them. Written by hand, provider-neutral like <see cref="Initial"/>.</summary>
[DbContext(typeof(MovilidadDb))]
[Migration("20261129030000_Reports")]
public sealed class Reports : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Reports",
            columns: t => new
            {
                Id = Initial.Identity(t),
                PlanId = t.Column<int>(nullable: false),
                Year = t.Column<int>(nullable: false),
                Half = t.Column<int>(nullable: false),
                Status = t.Column<string>(maxLength: 16, nullable: false),
                SummaryEs = t.Column<string>(maxLength: 16000, nullable: false),
                SummaryEn = t.Column<string>(maxLength: 16000, nullable: false),
                ReturnComment = t.Column<string>(maxLength: 2000, nullable: true),
                CreatedAt = t.Column<DateTime>(nullable: false),
                SubmittedAt = t.Column<DateTime>(nullable: true),
                ApprovedAt = t.Column<DateTime>(nullable: true),
                ApprovedBy = t.Column<string>(maxLength: 256, nullable: true),
                Snapshot = t.Column<string>(nullable: true),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Reports", x => x.Id);
                t.ForeignKey("FK_Reports_Plans_PlanId", x => x.PlanId, "Plans", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Reports_PlanId_Year_Half", "Reports", ["PlanId", "Year", "Half"], unique: true);

        migrationBuilder.CreateTable(
            name: "ReportNarratives",
            columns: t => new
            {
                Id = Initial.Identity(t),
                ReportId = t.Column<int>(nullable: false),
                CountryCode = t.Column<string>(maxLength: 2, nullable: false),
                TextEs = t.Column<string>(maxLength: 16000, nullable: false),
                TextEn = t.Column<string>(maxLength: 16000, nullable: false),
                UpdatedAt = t.Column<DateTime>(nullable: false),
                UpdatedBy = t.Column<string>(maxLength: 256, nullable: true),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ReportNarratives", x => x.Id);
                t.ForeignKey("FK_ReportNarratives_Reports_ReportId", x => x.ReportId, "Reports", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ReportNarratives_ReportId_CountryCode", "ReportNarratives", ["ReportId", "CountryCode"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ReportNarratives");
        migrationBuilder.DropTable("Reports");
    }
}
