using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Movilidad.Platform.Data;

namespace Movilidad.Migrations.Legacy;

/// <summary>The plan indicators a pledge contributes to. Written by hand, provider-neutral like <see cref="Initial"/>.</summary>
[DbContext(typeof(MovilidadDb))]
[Migration("20261129050000_PledgeIndicators")]
public sealed class PledgeIndicators : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "PledgeIndicator",
            columns: t => new
            {
                PledgeId = t.Column<int>(nullable: false),
                IndicatorId = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_PledgeIndicator", x => new { x.PledgeId, x.IndicatorId });
                t.ForeignKey("FK_PledgeIndicator_Pledges_PledgeId", x => x.PledgeId, "Pledges", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_PledgeIndicator_Indicators_IndicatorId", x => x.IndicatorId, "Indicators", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_PledgeIndicator_IndicatorId", "PledgeIndicator", "IndicatorId");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("PledgeIndicator");
}
