using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Movilidad.Platform.Data;

namespace Movilidad.Platform.Indicators;

/// <summary>
/// The counted values (totals of submitted and approved reports) of one indicator in one period, over the countries:
/// what the dashboard's regional figure and trend are drawn from. Kept by <see cref="IndicatorTotals"/>.
/// </summary>
public class IndicatorPeriodTotal
{
    public int IndicatorId { get; set; }
    public int PeriodId { get; set; }
    public double Sum { get; set; }

    /// <summary>How many countries' values are counted (the divisor of the average).</summary>
    public int Count { get; set; }

    /// <summary>How many of them are above zero (the "count of countries" rule).</summary>
    public int Positive { get; set; }
}

/// <summary>The counted values of one indicator in one country, over the periods: their sum and the value of the latest period.</summary>
public class IndicatorCountryTotal
{
    public int IndicatorId { get; set; }
    public required string CountryCode { get; set; }
    public double Sum { get; set; }
    public required string LatestPeriod { get; set; }
    public double Latest { get; set; }
}

internal sealed class IndicatorTotalsConfiguration : IEntityTypeConfiguration<IndicatorPeriodTotal>, IEntityTypeConfiguration<IndicatorCountryTotal>
{
    public void Configure(EntityTypeBuilder<IndicatorPeriodTotal> builder)
    {
        builder.HasKey(t => new { t.IndicatorId, t.PeriodId });
        builder.HasOne<Indicator>().WithMany().HasForeignKey(t => t.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ReportingPeriod>().WithMany().HasForeignKey(t => t.PeriodId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<IndicatorCountryTotal> builder)
    {
        builder.HasKey(t => new { t.IndicatorId, t.CountryCode });
        builder.Property(t => t.CountryCode).HasMaxLength(2);
        builder.Property(t => t.LatestPeriod).HasMaxLength(8);
        builder.HasOne<Indicator>().WithMany().HasForeignKey(t => t.IndicatorId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// Keeps <see cref="IndicatorPeriodTotal"/> and <see cref="IndicatorCountryTotal"/> equal to the counted values, in
/// the transaction that changes them: a report's values count once it is submitted and stop counting when it is
/// returned, so when a report enters or leaves those statuses the totals of its period and of its country are
/// recomputed from the values (one GROUP BY over one period's or one country's values, never the whole plan).
/// </summary>
public static class IndicatorTotals
{
    /// <summary>The values that count, joined to their report and period; <c>{0}</c> is where a slice narrows them.</summary>
    private const string Counted = """
        FROM "IndicatorValues" v JOIN "IndicatorReports" r ON r."Id" = v."ReportId" JOIN "ReportingPeriods" p ON p."Id" = r."PeriodId"
        WHERE v."Dimension" = '' AND v."Total" IS NOT NULL AND r."Status" IN ('Submitted', 'Approved')
        """;

    /// <summary>Fills the period totals of the counted values narrowed by a condition (on v, r and p).</summary>
    internal static string InsertPeriodTotals(string condition) => $"""
        INSERT INTO "IndicatorPeriodTotals" ("IndicatorId", "PeriodId", "Sum", "Count", "Positive")
        SELECT v."IndicatorId", r."PeriodId", SUM(CAST(v."Total" AS DOUBLE PRECISION)), COUNT(*), SUM(CASE WHEN CAST(v."Total" AS DOUBLE PRECISION) > 0 THEN 1 ELSE 0 END)
        {Counted} AND {condition}
        GROUP BY v."IndicatorId", r."PeriodId"
        """;

    /// <summary>Fills the country totals of the counted values narrowed by a condition, then reads each one's latest value.</summary>
    internal static string InsertCountryTotals(string condition) => $"""
        INSERT INTO "IndicatorCountryTotals" ("IndicatorId", "CountryCode", "Sum", "LatestPeriod", "Latest")
        SELECT v."IndicatorId", r."CountryCode", SUM(CAST(v."Total" AS DOUBLE PRECISION)), MAX(p."Code"), 0
        {Counted} AND {condition}
        GROUP BY v."IndicatorId", r."CountryCode"
        """;

    /// <summary>
    /// The latest value of the country totals narrowed by a condition on the table: the period codes of one plan sort
    /// by time, and one report holds a country's values of one period, so the value is found by its indexed keys.
    /// </summary>
    internal static string UpdateLatest(string condition) => $"""
        UPDATE "IndicatorCountryTotals" SET "Latest" = (SELECT CAST(v."Total" AS DOUBLE PRECISION) FROM "IndicatorValues" v
            WHERE v."IndicatorId" = "IndicatorCountryTotals"."IndicatorId" AND v."Dimension" = '' AND v."ReportId" = (
                SELECT r."Id" FROM "IndicatorReports" r JOIN "ReportingPeriods" p ON p."Id" = r."PeriodId" JOIN "Indicators" i ON i."PlanId" = p."PlanId"
                WHERE i."Id" = "IndicatorCountryTotals"."IndicatorId" AND r."CountryCode" = "IndicatorCountryTotals"."CountryCode" AND p."Code" = "IndicatorCountryTotals"."LatestPeriod"))
        WHERE {condition}
        """;

    public static bool Counts(ReportStatus status) => status is ReportStatus.Submitted or ReportStatus.Approved;

    /// <summary>Recomputes the totals of one period (every indicator) and of one country (the plan's indicators), inside the caller's transaction.</summary>
    public static async Task RefreshAsync(MovilidadDb db, int planId, int periodId, string country, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "IndicatorPeriodTotals" WHERE "PeriodId" = {0}""", [periodId], ct);
        await db.Database.ExecuteSqlRawAsync(InsertPeriodTotals("""r."PeriodId" = {0}"""), [periodId], ct);
        const string ofPlan = """ "IndicatorId" IN (SELECT "Id" FROM "Indicators" WHERE "PlanId" = {1})""";
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "IndicatorCountryTotals" WHERE "CountryCode" = {0} AND""" + ofPlan, [country, planId], ct);
        await db.Database.ExecuteSqlRawAsync(InsertCountryTotals("""r."CountryCode" = {0} AND p."PlanId" = {1}"""), [country, planId], ct);
        await db.Database.ExecuteSqlRawAsync(UpdateLatest(""" "CountryCode" = {0} AND""" + ofPlan), [country, planId], ct);
    }
}
