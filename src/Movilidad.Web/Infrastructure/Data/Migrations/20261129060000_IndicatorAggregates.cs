using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Movilidad.Web.Features.Indicators;

namespace Movilidad.Web.Infrastructure.Data.Migrations;

/// <summary>
/// The indicators' counted values summed per period and per country (<see cref="IndicatorTotals"/>), so that the
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

        migrationBuilder.Sql(IndicatorTotals.InsertPeriodTotals("1 = 1"));
        migrationBuilder.Sql(IndicatorTotals.InsertCountryTotals("1 = 1"));
        migrationBuilder.Sql(IndicatorTotals.UpdateLatest("1 = 1"));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("IndicatorCountryTotals");
        migrationBuilder.DropTable("IndicatorPeriodTotals");
    }
}
