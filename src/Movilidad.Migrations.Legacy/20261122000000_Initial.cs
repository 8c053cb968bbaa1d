using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Movilidad.Platform.Data;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Movilidad.Migrations.Legacy;

/// <summary>
/// Plans, their elements and links, institutions and reference tables. Written by hand, provider-neutral:
/// no store types, so each provider maps the CLR types as it maps the model (checked by MigrationSchemaTests).
/// </summary>
[DbContext(typeof(MovilidadDb))]
[Migration("20261122000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Institutions",
            columns: t => new
            {
                Id = Identity(t),
                Code = t.Column<string>(maxLength: 32, nullable: false),
                Kind = t.Column<string>(maxLength: 32, nullable: false),
                AcronymEs = t.Column<string>(maxLength: 64, nullable: false),
                AcronymEn = t.Column<string>(maxLength: 64, nullable: false),
                NameEs = t.Column<string>(maxLength: 400, nullable: false),
                NameEn = t.Column<string>(maxLength: 400, nullable: false),
                CountryCode = t.Column<string>(maxLength: 2, nullable: true),
                Url = t.Column<string>(maxLength: 400, nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_Institutions", x => x.Id));
        migrationBuilder.CreateIndex("IX_Institutions_Code", "Institutions", "Code", unique: true);

        migrationBuilder.CreateTable(
            name: "Countries",
            columns: t => new
            {
                Alpha2 = t.Column<string>(maxLength: 2, nullable: false),
                Alpha3 = t.Column<string>(maxLength: 3, nullable: false),
                Numeric = t.Column<string>(maxLength: 3, nullable: false),
                NameEs = t.Column<string>(maxLength: 200, nullable: false),
                NameEn = t.Column<string>(maxLength: 200, nullable: false),
                Region = t.Column<string>(maxLength: 64, nullable: true),
                Subregion = t.Column<string>(maxLength: 64, nullable: true),
                CurrencyCode = t.Column<string>(maxLength: 3, nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_Countries", x => x.Alpha2));

        migrationBuilder.CreateTable(
            name: "Currencies",
            columns: t => new
            {
                Code = t.Column<string>(maxLength: 3, nullable: false),
                Numeric = t.Column<string>(maxLength: 3, nullable: true),
                MinorUnit = t.Column<int>(nullable: true),
                NameEs = t.Column<string>(maxLength: 200, nullable: false),
                NameEn = t.Column<string>(maxLength: 200, nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_Currencies", x => x.Code));

        migrationBuilder.CreateTable(
            name: "Occupations",
            columns: t => new
            {
                Code = t.Column<string>(maxLength: 4, nullable: false),
                Level = t.Column<int>(nullable: false),
                ParentCode = t.Column<string>(maxLength: 4, nullable: true),
                NameEs = t.Column<string>(maxLength: 400, nullable: false),
                NameEn = t.Column<string>(maxLength: 400, nullable: false),
                Description = t.Column<string>(nullable: true),
                SearchText = t.Column<string>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_Occupations", x => x.Code));
        migrationBuilder.CreateIndex("IX_Occupations_ParentCode", "Occupations", "ParentCode");

        migrationBuilder.CreateTable(
            name: "Plans",
            columns: t => new
            {
                Id = Identity(t),
                Key = t.Column<string>(maxLength: 64, nullable: false),
                Number = t.Column<string>(maxLength: 8, nullable: false),
                Kind = t.Column<string>(maxLength: 32, nullable: false),
                TitleEs = t.Column<string>(maxLength: 400, nullable: false),
                TitleEn = t.Column<string>(maxLength: 400, nullable: false),
                SummaryEs = t.Column<string>(nullable: false),
                SummaryEn = t.Column<string>(nullable: false),
                PeriodStart = t.Column<int>(nullable: false),
                PeriodEnd = t.Column<int>(nullable: false),
                OwnerId = t.Column<int>(nullable: true),
                ParentPlanId = t.Column<int>(nullable: true),
                SourceDocument = t.Column<string>(maxLength: 128, nullable: false),
                ApprovalTextEs = t.Column<string>(nullable: false),
                ApprovalTextEn = t.Column<string>(nullable: false),
                ApprovalDate = t.Column<DateOnly>(nullable: true),
                ApprovalBodyId = t.Column<int>(nullable: true),
                ApprovalCountries = t.Column<string>(maxLength: 64, nullable: true),
                SortOrder = t.Column<int>(nullable: false),
                SourceHash = t.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Plans", x => x.Id);
                t.ForeignKey("FK_Plans_Institutions_OwnerId", x => x.OwnerId, "Institutions", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_Plans_Institutions_ApprovalBodyId", x => x.ApprovalBodyId, "Institutions", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_Plans_Plans_ParentPlanId", x => x.ParentPlanId, "Plans", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Plans_Key", "Plans", "Key", unique: true);
        migrationBuilder.CreateIndex("IX_Plans_OwnerId", "Plans", "OwnerId");
        migrationBuilder.CreateIndex("IX_Plans_ApprovalBodyId", "Plans", "ApprovalBodyId");
        migrationBuilder.CreateIndex("IX_Plans_ParentPlanId", "Plans", "ParentPlanId");

        migrationBuilder.CreateTable(
            name: "PlanLevels",
            columns: t => new
            {
                Id = Identity(t),
                PlanId = t.Column<int>(nullable: false),
                Key = t.Column<string>(maxLength: 64, nullable: false),
                NameEs = t.Column<string>(maxLength: 200, nullable: false),
                NameEn = t.Column<string>(maxLength: 200, nullable: false),
                SortOrder = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_PlanLevels", x => x.Id);
                t.ForeignKey("FK_PlanLevels_Plans_PlanId", x => x.PlanId, "Plans", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_PlanLevels_PlanId_Key", "PlanLevels", ["PlanId", "Key"], unique: true);

        migrationBuilder.CreateTable(
            name: "PlanElements",
            columns: t => new
            {
                Id = Identity(t),
                PlanId = t.Column<int>(nullable: false),
                ParentId = t.Column<int>(nullable: true),
                Key = t.Column<string>(maxLength: 64, nullable: false),
                LevelKey = t.Column<string>(maxLength: 64, nullable: false),
                Code = t.Column<string>(maxLength: 32, nullable: true),
                TitleEs = t.Column<string>(nullable: false),
                TitleEn = t.Column<string>(nullable: false),
                TextEs = t.Column<string>(nullable: false),
                TextEn = t.Column<string>(nullable: false),
                Section = t.Column<string>(maxLength: 400, nullable: false),
                SortOrder = t.Column<int>(nullable: false),
                Depth = t.Column<int>(nullable: false),
                Term = t.Column<string>(maxLength: 16, nullable: true),
                StartDate = t.Column<DateOnly>(nullable: true),
                EndDate = t.Column<DateOnly>(nullable: true),
                TimeframeLabelEs = t.Column<string>(maxLength: 200, nullable: false),
                TimeframeLabelEn = t.Column<string>(maxLength: 200, nullable: false),
                IndicatorType = t.Column<string>(maxLength: 16, nullable: true),
                SearchText = t.Column<string>(nullable: false),
                SourceHash = t.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_PlanElements", x => x.Id);
                t.ForeignKey("FK_PlanElements_Plans_PlanId", x => x.PlanId, "Plans", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_PlanElements_PlanElements_ParentId", x => x.ParentId, "PlanElements", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_PlanElements_PlanId_Key", "PlanElements", ["PlanId", "Key"], unique: true);
        migrationBuilder.CreateIndex("IX_PlanElements_PlanId_ParentId_SortOrder", "PlanElements", ["PlanId", "ParentId", "SortOrder"]);
        migrationBuilder.CreateIndex("IX_PlanElements_ParentId", "PlanElements", "ParentId");

        migrationBuilder.CreateTable(
            name: "Footnotes",
            columns: t => new
            {
                Id = Identity(t),
                ElementId = t.Column<int>(nullable: false),
                Number = t.Column<int>(nullable: false),
                TextEs = t.Column<string>(nullable: false),
                TextEn = t.Column<string>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Footnotes", x => x.Id);
                t.ForeignKey("FK_Footnotes_PlanElements_ElementId", x => x.ElementId, "PlanElements", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_Footnotes_ElementId_Number", "Footnotes", ["ElementId", "Number"], unique: true);

        migrationBuilder.CreateTable(
            name: "ElementInstitutions",
            columns: t => new
            {
                ElementId = t.Column<int>(nullable: false),
                InstitutionId = t.Column<int>(nullable: false),
                Role = t.Column<string>(maxLength: 16, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ElementInstitutions", x => new { x.ElementId, x.InstitutionId, x.Role });
                t.ForeignKey("FK_ElementInstitutions_PlanElements_ElementId", x => x.ElementId, "PlanElements", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_ElementInstitutions_Institutions_InstitutionId", x => x.InstitutionId, "Institutions", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_ElementInstitutions_InstitutionId", "ElementInstitutions", "InstitutionId");

        migrationBuilder.CreateTable(
            name: "GcmLinks",
            columns: t => new
            {
                ElementId = t.Column<int>(nullable: false),
                Objective = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_GcmLinks", x => new { x.ElementId, x.Objective });
                t.ForeignKey("FK_GcmLinks_PlanElements_ElementId", x => x.ElementId, "PlanElements", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_GcmLinks_Objective", "GcmLinks", "Objective");

        migrationBuilder.CreateTable(
            name: "SdgLinks",
            columns: t => new
            {
                ElementId = t.Column<int>(nullable: false),
                Target = t.Column<string>(maxLength: 8, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_SdgLinks", x => new { x.ElementId, x.Target });
                t.ForeignKey("FK_SdgLinks_PlanElements_ElementId", x => x.ElementId, "PlanElements", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AxisLinks",
            columns: t => new
            {
                ElementId = t.Column<int>(nullable: false),
                AxisId = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_AxisLinks", x => new { x.ElementId, x.AxisId });
                t.ForeignKey("FK_AxisLinks_PlanElements_ElementId", x => x.ElementId, "PlanElements", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_AxisLinks_PlanElements_AxisId", x => x.AxisId, "PlanElements", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_AxisLinks_AxisId", "AxisLinks", "AxisId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "AxisLinks", "SdgLinks", "GcmLinks", "ElementInstitutions", "Footnotes", "PlanElements", "PlanLevels", "Plans", "Occupations", "Currencies", "Countries", "Institutions" })
        {
            migrationBuilder.DropTable(table);
        }
    }

    /// <summary>An auto-generated integer key on either provider.</summary>
    internal static OperationBuilder<AddColumnOperation> Identity(ColumnsBuilder t) =>
        t.Column<int>(nullable: false)
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
