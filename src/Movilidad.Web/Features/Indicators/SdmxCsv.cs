using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Indicators;
using Movilidad.Web.Infrastructure.Observability;

namespace Movilidad.Web.Features.Indicators;

/// <summary>
/// Indicator values as SDMX-CSV (version 1.0: a DATAFLOW column, then the dimensions, TIME_PERIOD, OBS_VALUE and the
/// attributes), one observation per value and sex category. Submitted and approved values only; OBS_STATUS says which
/// (P provisional, A normal). Countries are ISO 3166-1 alpha-3; values use a point and no thousands separator.
/// </summary>
/// <remarks>
/// What the public reads (<see cref="SdmxAudience.Public"/>) is only what is final: approved values of published plans,
/// and the values the platform counts itself only for periods the Secretariat has locked, since until then an activity
/// marked done can still change them.
/// </remarks>
public enum SdmxAudience
{
    /// <summary>Anyone: approved values of published plans, counted values of locked periods.</summary>
    Public,

    /// <summary>People who read indicators: submitted values too, and counted values of every period.</summary>
    IndicatorReaders,
}

public static class SdmxCsv
{
    public const string Dataflow = "CRM:DF_MOVILIDAD_INDICATORS(1.0)";
    public const string ContentType = "application/vnd.sdmx.data+csv; version=1.0.0; charset=utf-8";

    public static readonly string[] Columns = ["DATAFLOW", "REF_AREA", "INDICATOR", "SEX", "AGE", "MIGRATORY_STATUS", "TIME_PERIOD", "OBS_VALUE", "UNIT_MEASURE", "OBS_STATUS"];

    /// <summary>The INDICATOR code: plan number and the indicator's code, in the characters SDMX identifiers allow.</summary>
    public static string IndicatorCode(string planNumber, string code) =>
        $"{planNumber}_{new string(code.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_').ToArray())}";

    /// <summary>Writes the observations (CsvHelper quotes a field that holds a comma, a quote or a line break); answers how many.</summary>
    public static async Task<int> WriteAsync(MovilidadDb db, TextWriter writer, SdmxAudience audience, string? planKey, string? country, string? period, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(writer, CsvWriterOptions.Default, leaveOpen: true);
        var observations = 0;
        async Task RowAsync(params string[] fields)
        {
            await csv.WriteRecordAsync(fields, ct);
            observations++;
        }

        await csv.WriteRecordAsync([.. Columns], ct);
        var isPublic = audience == SdmxAudience.Public;
        var iso3 = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Alpha2, c => c.Alpha3, StringComparer.Ordinal, ct);
        var plans = await db.Plans.AsNoTracking().Where(p => planKey == null || p.Key == planKey).Where(p => !isPublic || p.IsPublished)
            .Where(p => db.ReportingCalendars.Any(c => c.PlanId == p.Id)).OrderBy(p => p.SortOrder).Select(p => new { p.Id, p.Number }).ToListAsync(ct);
        foreach (var plan in plans)
        {
            var indicators = await db.Indicators.AsNoTracking().Where(i => i.PlanId == plan.Id).ToDictionaryAsync(i => i.Id, i => new { i.Code, i.UnitCode }, ct);
            var values = db.IndicatorValues.AsNoTracking()
                .Where(v => v.Report!.Period!.PlanId == plan.Id && ((!isPublic && v.Report.Status == ReportStatus.Submitted) || v.Report.Status == ReportStatus.Approved));
            if (country is not null)
            {
                values = values.Where(v => v.Report!.CountryCode == country);
            }

            if (period is not null)
            {
                values = values.Where(v => v.Report!.Period!.Code == period);
            }

            await foreach (var v in values.OrderBy(v => v.Report!.Period!.Start).ThenBy(v => v.Report!.CountryCode).ThenBy(v => v.IndicatorId).ThenBy(v => v.Dimension)
                .Select(v => new { v.IndicatorId, v.Dimension, v.Report!.CountryCode, v.Report.Period!.Code, v.Report.Status, v.Total, v.Women, v.Men, v.Other, v.NotReported })
                .AsAsyncEnumerable().WithCancellation(ct))
            {
                var indicator = indicators[v.IndicatorId];
                var (age, status) = v.Dimension.Split(':', 2) switch
                {
                    [Disaggregation.AgeGroup, var code] => (code, Disaggregation.Total),
                    [Disaggregation.MigratoryStatus, var code] => (Disaggregation.Total, code),
                    _ => (Disaggregation.Total, Disaggregation.Total),
                };
                foreach (var (sex, value) in new[] { (Disaggregation.Total, v.Total), (Disaggregation.Female, v.Women), (Disaggregation.Male, v.Men), (Disaggregation.OtherSex, v.Other), (Disaggregation.SexNotReported, v.NotReported) })
                {
                    if (value is not { } number)
                    {
                        continue;
                    }

                    await RowAsync(Dataflow, iso3.GetValueOrDefault(v.CountryCode, v.CountryCode), IndicatorCode(plan.Number, indicator.Code), sex, age, status, v.Code,
                        number.ToString("0.##", CultureInfo.InvariantCulture), indicator.UnitCode, v.Status == ReportStatus.Approved ? "A" : "P");
                }
            }

            var periods = await db.ReportingPeriods.AsNoTracking().Where(p => p.PlanId == plan.Id && (period == null || p.Code == period))
                .Where(p => !isPublic || p.LockedAt != null).OrderBy(p => p.Start).ToListAsync(ct);
            var automatic = await db.AutomaticValuesAsync(plan.Id, periods, country, ct);
            foreach (var ((id, area, code), value) in automatic.OrderBy(a => a.Key.Period, StringComparer.Ordinal).ThenBy(a => a.Key.Country, StringComparer.Ordinal).ThenBy(a => a.Key.Indicator))
            {
                var indicator = indicators[id];
                await RowAsync(Dataflow, iso3.GetValueOrDefault(area, area), IndicatorCode(plan.Number, indicator.Code), Disaggregation.Total,
                    Disaggregation.Total, Disaggregation.Total, code, value.ToString("0.##", CultureInfo.InvariantCulture), indicator.UnitCode, "A");
            }
        }

        await csv.FlushAsync(ct);
        db.Logger("Movilidad.Exports").LogInformation("SDMX-CSV export for {Audience}: {Observations} observations (plan {Plan}, country {Country}, period {Period})",
            audience, observations, planKey, country, period);
        FileMetrics.Exported("sdmx-csv");
        return observations;
    }
}
