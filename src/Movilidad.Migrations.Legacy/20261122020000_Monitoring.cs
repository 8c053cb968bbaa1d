using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Movilidad.Platform.Data;

namespace Movilidad.Migrations.Legacy;

/// <summary>
/// The operational plan's activities under plan actions, with their country shares, institutions, budget lines,
/// GCM objectives, SDG targets and concept notes. Written by hand, provider-neutral like <see cref="Initial"/>.
/// </summary>
[DbContext(typeof(MovilidadDb))]
[Migration("20261122020000_Monitoring")]
public sealed class Monitoring : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Activities",
            columns: t => new
            {
                Id = Initial.Identity(t),
                ActionId = t.Column<int>(nullable: false),
                Code = t.Column<string>(maxLength: 32, nullable: false),
                TitleEs = t.Column<string>(maxLength: 400, nullable: false),
                TitleEn = t.Column<string>(maxLength: 400, nullable: false),
                DescriptionEs = t.Column<string>(maxLength: 8000, nullable: false),
                DescriptionEn = t.Column<string>(maxLength: 8000, nullable: false),
                Term = t.Column<string>(maxLength: 16, nullable: true),
                StartDate = t.Column<DateOnly>(nullable: true),
                EndDate = t.Column<DateOnly>(nullable: true),
                WorkingGroupId = t.Column<int>(nullable: true),
                Priority = t.Column<string>(maxLength: 16, nullable: false),
                GenderMarker = t.Column<int>(nullable: false),
                Status = t.Column<string>(maxLength: 32, nullable: false),
                StatusReason = t.Column<string>(maxLength: 1000, nullable: true),
                CreatedAt = t.Column<DateTime>(nullable: false),
                Version = t.Column<int>(nullable: false),
                DeletedAt = t.Column<DateTime>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Activities", x => x.Id);
                t.ForeignKey("FK_Activities_PlanElements_ActionId", x => x.ActionId, "PlanElements", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_Activities_Institutions_WorkingGroupId", x => x.WorkingGroupId, "Institutions", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Activities_ActionId_Code", "Activities", ["ActionId", "Code"]);
        migrationBuilder.CreateIndex("IX_Activities_WorkingGroupId", "Activities", "WorkingGroupId");

        migrationBuilder.CreateTable(
            name: "ActivityCountries",
            columns: t => new
            {
                Id = Initial.Identity(t),
                ActivityId = t.Column<int>(nullable: false),
                CountryCode = t.Column<string>(maxLength: 2, nullable: false),
                ResponsibleInstitutionId = t.Column<int>(nullable: true),
                StartDate = t.Column<DateOnly>(nullable: true),
                EndDate = t.Column<DateOnly>(nullable: true),
                BudgetAmount = t.Column<decimal>(precision: 18, scale: 2, nullable: true),
                BudgetCurrency = t.Column<string>(maxLength: 3, nullable: true),
                Status = t.Column<string>(maxLength: 32, nullable: false),
                StatusReason = t.Column<string>(maxLength: 1000, nullable: true),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ActivityCountries", x => x.Id);
                t.ForeignKey("FK_ActivityCountries_Activities_ActivityId", x => x.ActivityId, "Activities", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_ActivityCountries_Institutions_ResponsibleInstitutionId", x => x.ResponsibleInstitutionId, "Institutions", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_ActivityCountries_Currencies_BudgetCurrency", x => x.BudgetCurrency, "Currencies", "Code", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_ActivityCountries_ActivityId_CountryCode", "ActivityCountries", ["ActivityId", "CountryCode"], unique: true);
        migrationBuilder.CreateIndex("IX_ActivityCountries_CountryCode", "ActivityCountries", "CountryCode");
        migrationBuilder.CreateIndex("IX_ActivityCountries_ResponsibleInstitutionId", "ActivityCountries", "ResponsibleInstitutionId");
        migrationBuilder.CreateIndex("IX_ActivityCountries_BudgetCurrency", "ActivityCountries", "BudgetCurrency");

        migrationBuilder.CreateTable(
            name: "ActivityInstitution",
            columns: t => new
            {
                ActivityId = t.Column<int>(nullable: false),
                InstitutionId = t.Column<int>(nullable: false),
                Role = t.Column<string>(maxLength: 16, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ActivityInstitution", x => new { x.ActivityId, x.InstitutionId, x.Role });
                t.ForeignKey("FK_ActivityInstitution_Activities_ActivityId", x => x.ActivityId, "Activities", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_ActivityInstitution_Institutions_InstitutionId", x => x.InstitutionId, "Institutions", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_ActivityInstitution_InstitutionId", "ActivityInstitution", "InstitutionId");

        migrationBuilder.CreateTable(
            name: "BudgetLines",
            columns: t => new
            {
                Id = Initial.Identity(t),
                ActivityId = t.Column<int>(nullable: false),
                Kind = t.Column<string>(maxLength: 16, nullable: false),
                Amount = t.Column<decimal>(precision: 18, scale: 2, nullable: false),
                CurrencyCode = t.Column<string>(maxLength: 3, nullable: false),
                Source = t.Column<string>(maxLength: 200, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_BudgetLines", x => x.Id);
                t.ForeignKey("FK_BudgetLines_Activities_ActivityId", x => x.ActivityId, "Activities", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_BudgetLines_Currencies_CurrencyCode", x => x.CurrencyCode, "Currencies", "Code", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_BudgetLines_ActivityId", "BudgetLines", "ActivityId");
        migrationBuilder.CreateIndex("IX_BudgetLines_CurrencyCode", "BudgetLines", "CurrencyCode");

        migrationBuilder.CreateTable(
            name: "ActivityGcmObjective",
            columns: t => new
            {
                ActivityId = t.Column<int>(nullable: false),
                Objective = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ActivityGcmObjective", x => new { x.ActivityId, x.Objective });
                t.ForeignKey("FK_ActivityGcmObjective_Activities_ActivityId", x => x.ActivityId, "Activities", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ActivitySdgTarget",
            columns: t => new
            {
                ActivityId = t.Column<int>(nullable: false),
                Target = t.Column<string>(maxLength: 8, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ActivitySdgTarget", x => new { x.ActivityId, x.Target });
                t.ForeignKey("FK_ActivitySdgTarget_Activities_ActivityId", x => x.ActivityId, "Activities", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ConceptNotes",
            columns: t => new
            {
                ActivityId = t.Column<int>(nullable: false),
                Objective = t.Column<string>(maxLength: 8000, nullable: false),
                ExpectedResults = t.Column<string>(maxLength: 8000, nullable: false),
                Indicators = t.Column<string>(maxLength: 8000, nullable: false),
                ExpectedWomen = t.Column<int>(nullable: true),
                ExpectedMen = t.Column<int>(nullable: true),
                ExpectedOther = t.Column<int>(nullable: true),
                Modality = t.Column<string>(maxLength: 16, nullable: true),
                Place = t.Column<string>(maxLength: 200, nullable: false),
                StartDate = t.Column<DateOnly>(nullable: true),
                EndDate = t.Column<DateOnly>(nullable: true),
                BudgetAmount = t.Column<decimal>(precision: 18, scale: 2, nullable: true),
                BudgetCurrency = t.Column<string>(maxLength: 3, nullable: true),
                Responsible = t.Column<string>(maxLength: 8000, nullable: false),
                Partners = t.Column<string>(maxLength: 8000, nullable: false),
                Risks = t.Column<string>(maxLength: 8000, nullable: false),
                ActualWomen = t.Column<int>(nullable: true),
                ActualMen = t.Column<int>(nullable: true),
                ActualOther = t.Column<int>(nullable: true),
                ActualNotReported = t.Column<int>(nullable: true),
                Outputs = t.Column<string>(maxLength: 8000, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ConceptNotes", x => x.ActivityId);
                t.ForeignKey("FK_ConceptNotes_Activities_ActivityId", x => x.ActivityId, "Activities", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_ConceptNotes_Currencies_BudgetCurrency", x => x.BudgetCurrency, "Currencies", "Code", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_ConceptNotes_BudgetCurrency", "ConceptNotes", "BudgetCurrency");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "ConceptNotes", "ActivitySdgTarget", "ActivityGcmObjective", "BudgetLines", "ActivityInstitution", "ActivityCountries", "Activities" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
