using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Movilidad.Platform.Data;

namespace Movilidad.Migrations.Legacy;

/// <summary>
/// Indicators of the plans with their targets, the reporting calendars and periods, and the countries' reports of
/// indicator values by sex and disaggregation. Written by hand, provider-neutral like <see cref="Initial"/>.
/// </summary>
[DbContext(typeof(MovilidadDb))]
[Migration("20261129010000_Indicators")]
public sealed class Indicators : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Indicators",
            columns: t => new
            {
                Id = Initial.Identity(t),
                PlanId = t.Column<int>(nullable: false),
                Key = t.Column<string>(maxLength: 64, nullable: false),
                Code = t.Column<string>(maxLength: 32, nullable: false),
                ElementId = t.Column<int>(nullable: true),
                ActivityId = t.Column<int>(nullable: true),
                WorkingGroupId = t.Column<int>(nullable: true),
                Type = t.Column<string>(maxLength: 16, nullable: false),
                NameEs = t.Column<string>(maxLength: 600, nullable: false),
                NameEn = t.Column<string>(maxLength: 600, nullable: false),
                DefinitionEs = t.Column<string>(maxLength: 4000, nullable: false),
                DefinitionEn = t.Column<string>(maxLength: 4000, nullable: false),
                UnitEs = t.Column<string>(maxLength: 100, nullable: false),
                UnitEn = t.Column<string>(maxLength: 100, nullable: false),
                UnitCode = t.Column<string>(maxLength: 16, nullable: false),
                Baseline = t.Column<decimal>(precision: 18, scale: 2, nullable: true),
                BaselineYear = t.Column<int>(nullable: true),
                TargetType = t.Column<string>(maxLength: 16, nullable: false),
                Aggregation = t.Column<string>(maxLength: 24, nullable: false),
                Source = t.Column<string>(maxLength: 24, nullable: false),
                Dimensions = t.Column<string>(maxLength: 64, nullable: false),
                SourceReference = t.Column<string>(maxLength: 400, nullable: false),
                SortOrder = t.Column<int>(nullable: false),
                SourceHash = t.Column<string>(maxLength: 64, nullable: false),
                EditedAt = t.Column<DateTime>(nullable: true),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Indicators", x => x.Id);
                t.ForeignKey("FK_Indicators_Plans_PlanId", x => x.PlanId, "Plans", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_Indicators_PlanElements_ElementId", x => x.ElementId, "PlanElements", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_Indicators_Activities_ActivityId", x => x.ActivityId, "Activities", "Id", onDelete: ReferentialAction.SetNull);
                t.ForeignKey("FK_Indicators_Institutions_WorkingGroupId", x => x.WorkingGroupId, "Institutions", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Indicators_PlanId_Key", "Indicators", ["PlanId", "Key"], unique: true);
        migrationBuilder.CreateIndex("IX_Indicators_ElementId", "Indicators", "ElementId");
        migrationBuilder.CreateIndex("IX_Indicators_ActivityId", "Indicators", "ActivityId");
        migrationBuilder.CreateIndex("IX_Indicators_WorkingGroupId", "Indicators", "WorkingGroupId");

        migrationBuilder.CreateTable(
            name: "IndicatorTargets",
            columns: t => new
            {
                Id = Initial.Identity(t),
                IndicatorId = t.Column<int>(nullable: false),
                CountryCode = t.Column<string>(maxLength: 2, nullable: true),
                PeriodCode = t.Column<string>(maxLength: 8, nullable: false),
                Value = t.Column<decimal>(precision: 18, scale: 2, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_IndicatorTargets", x => x.Id);
                t.ForeignKey("FK_IndicatorTargets_Indicators_IndicatorId", x => x.IndicatorId, "Indicators", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_IndicatorTargets_IndicatorId_CountryCode_PeriodCode", "IndicatorTargets", ["IndicatorId", "CountryCode", "PeriodCode"]);

        migrationBuilder.CreateTable(
            name: "ReportingCalendars",
            columns: t => new
            {
                PlanId = t.Column<int>(nullable: false),
                PeriodType = t.Column<string>(maxLength: 16, nullable: false),
                DueDays = t.Column<int>(nullable: false),
                SourceReference = t.Column<string>(maxLength: 400, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ReportingCalendars", x => x.PlanId);
                t.ForeignKey("FK_ReportingCalendars_Plans_PlanId", x => x.PlanId, "Plans", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ReportingPeriods",
            columns: t => new
            {
                Id = Initial.Identity(t),
                PlanId = t.Column<int>(nullable: false),
                Code = t.Column<string>(maxLength: 8, nullable: false),
                Type = t.Column<string>(maxLength: 16, nullable: false),
                Start = t.Column<DateOnly>(nullable: false),
                End = t.Column<DateOnly>(nullable: false),
                Due = t.Column<DateOnly>(nullable: false),
                LockedAt = t.Column<DateTime>(nullable: true),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ReportingPeriods", x => x.Id);
                t.ForeignKey("FK_ReportingPeriods_Plans_PlanId", x => x.PlanId, "Plans", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ReportingPeriods_PlanId_Code", "ReportingPeriods", ["PlanId", "Code"], unique: true);

        migrationBuilder.CreateTable(
            name: "IndicatorReports",
            columns: t => new
            {
                Id = Initial.Identity(t),
                PeriodId = t.Column<int>(nullable: false),
                CountryCode = t.Column<string>(maxLength: 2, nullable: false),
                Status = t.Column<string>(maxLength: 16, nullable: false),
                Comment = t.Column<string>(maxLength: 2000, nullable: true),
                UpdatedAt = t.Column<DateTime>(nullable: false),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_IndicatorReports", x => x.Id);
                t.ForeignKey("FK_IndicatorReports_ReportingPeriods_PeriodId", x => x.PeriodId, "ReportingPeriods", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_IndicatorReports_PeriodId_CountryCode", "IndicatorReports", ["PeriodId", "CountryCode"], unique: true);
        migrationBuilder.CreateIndex("IX_IndicatorReports_CountryCode", "IndicatorReports", "CountryCode");

        migrationBuilder.CreateTable(
            name: "IndicatorValues",
            columns: t => new
            {
                Id = Initial.Identity(t),
                ReportId = t.Column<int>(nullable: false),
                IndicatorId = t.Column<int>(nullable: false),
                Dimension = t.Column<string>(maxLength: 32, nullable: false),
                Total = t.Column<decimal>(precision: 18, scale: 2, nullable: true),
                Women = t.Column<decimal>(precision: 18, scale: 2, nullable: true),
                Men = t.Column<decimal>(precision: 18, scale: 2, nullable: true),
                Other = t.Column<decimal>(precision: 18, scale: 2, nullable: true),
                NotReported = t.Column<decimal>(precision: 18, scale: 2, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_IndicatorValues", x => x.Id);
                t.ForeignKey("FK_IndicatorValues_IndicatorReports_ReportId", x => x.ReportId, "IndicatorReports", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_IndicatorValues_Indicators_IndicatorId", x => x.IndicatorId, "Indicators", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_IndicatorValues_ReportId_IndicatorId_Dimension", "IndicatorValues", ["ReportId", "IndicatorId", "Dimension"], unique: true);
        migrationBuilder.CreateIndex("IX_IndicatorValues_IndicatorId_Dimension_ReportId", "IndicatorValues", ["IndicatorId", "Dimension", "ReportId"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "IndicatorValues", "IndicatorReports", "ReportingPeriods", "ReportingCalendars", "IndicatorTargets", "Indicators" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
