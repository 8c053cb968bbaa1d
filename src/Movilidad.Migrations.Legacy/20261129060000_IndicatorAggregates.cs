using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Movilidad.Platform.Data;

namespace Movilidad.Migrations.Legacy;

/// <summary>
/// The indicators' counted values summed per period and per country (kept by IndicatorTotals), so that the
/// dashboard reads thousands of rows instead of aggregating millions; filled from the values already reported.
/// Written by hand, provider-neutral like <see cref="Initial"/>.
/// </summary>
[DbContext(typeof(MovilidadDb))]
[Migration("20261129060000_IndicatorAggregates")]
public sealed class IndicatorAggregates : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "IndicatorPeriodTotals",
            columns: t => new
            {
                IndicatorId = t.Column<int>(nullable: false),
                PeriodId = t.Column<int>(nullable: false),
                Sum = t.Column<double>(nullable: false),
                Count = t.Column<int>(nullable: false),
                Positive = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_IndicatorPeriodTotals", x => new { x.IndicatorId, x.PeriodId });
                t.ForeignKey("FK_IndicatorPeriodTotals_Indicators_IndicatorId", x => x.IndicatorId, "Indicators", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_IndicatorPeriodTotals_ReportingPeriods_PeriodId", x => x.PeriodId, "ReportingPeriods", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_IndicatorPeriodTotals_PeriodId", "IndicatorPeriodTotals", "PeriodId");

        migrationBuilder.CreateTable(
            name: "IndicatorCountryTotals",
            columns: t => new
            {
                IndicatorId = t.Column<int>(nullable: false),
                CountryCode = t.Column<string>(maxLength: 2, nullable: false),
                Sum = t.Column<double>(nullable: false),
                LatestPeriod = t.Column<string>(maxLength: 8, nullable: false),
                Latest = t.Column<double>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_IndicatorCountryTotals", x => new { x.IndicatorId, x.CountryCode });
                t.ForeignKey("FK_IndicatorCountryTotals_Indicators_IndicatorId", x => x.IndicatorId, "Indicators", "Id", onDelete: ReferentialAction.Cascade);
            });

        // The SQL is frozen here as IndicatorTotals wrote it on 2026-11-29: a migration must not change when live code does.
        migrationBuilder.Sql("""
            INSERT INTO "IndicatorPeriodTotals" ("IndicatorId", "PeriodId", "Sum", "Count", "Positive")
            SELECT v."IndicatorId", r."PeriodId", SUM(CAST(v."Total" AS DOUBLE PRECISION)), COUNT(*), SUM(CASE WHEN CAST(v."Total" AS DOUBLE PRECISION) > 0 THEN 1 ELSE 0 END)
            FROM "IndicatorValues" v JOIN "IndicatorReports" r ON r."Id" = v."ReportId" JOIN "ReportingPeriods" p ON p."Id" = r."PeriodId"
            WHERE v."Dimension" = '' AND v."Total" IS NOT NULL AND r."Status" IN ('Submitted', 'Approved') AND 1 = 1
            GROUP BY v."IndicatorId", r."PeriodId"
            """);
        migrationBuilder.Sql("""
            INSERT INTO "IndicatorCountryTotals" ("IndicatorId", "CountryCode", "Sum", "LatestPeriod", "Latest")
            SELECT v."IndicatorId", r."CountryCode", SUM(CAST(v."Total" AS DOUBLE PRECISION)), MAX(p."Code"), 0
            FROM "IndicatorValues" v JOIN "IndicatorReports" r ON r."Id" = v."ReportId" JOIN "ReportingPeriods" p ON p."Id" = r."PeriodId"
            WHERE v."Dimension" = '' AND v."Total" IS NOT NULL AND r."Status" IN ('Submitted', 'Approved') AND 1 = 1
            GROUP BY v."IndicatorId", r."CountryCode"
            """);
        migrationBuilder.Sql("""
            UPDATE "IndicatorCountryTotals" SET "Latest" = (SELECT CAST(v."Total" AS DOUBLE PRECISION) FROM "IndicatorValues" v
                WHERE v."IndicatorId" = "IndicatorCountryTotals"."IndicatorId" AND v."Dimension" = '' AND v."ReportId" = (
                    SELECT r."Id" FROM "IndicatorReports" r JOIN "ReportingPeriods" p ON p."Id" = r."PeriodId" JOIN "Indicators" i ON i."PlanId" = p."PlanId"
                    WHERE i."Id" = "IndicatorCountryTotals"."IndicatorId" AND r."CountryCode" = "IndicatorCountryTotals"."CountryCode" AND p."Code" = "IndicatorCountryTotals"."LatestPeriod"))
            WHERE 1 = 1
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("IndicatorCountryTotals");
        migrationBuilder.DropTable("IndicatorPeriodTotals");
    }
}
