using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.LabourMarket;

namespace Movilidad.Web.Features.LabourMarket;

/// <summary>
/// Labour-market observations as SDMX-CSV 1.0: one line per measure, ISCO-08 group, source occupation, place, programme
/// and period, its value the sum of the observations that share them, so that the values of one dataset and measure add
/// up to the file's total. Occupations that do not map to ISCO-08 are <c>_X</c>; countries are ISO 3166-1 alpha-3.
/// </summary>
public static class LabourSdmxCsv
{
    public const string Dataflow = "CRM:DF_MOVILIDAD_LABOUR_MARKET(1.0)";
    public const string ContentType = "application/vnd.sdmx.data+csv; version=1.0.0; charset=utf-8";
    public const string NotMapped = "_X";

    public static readonly string[] Columns = ["DATAFLOW", "MEASURE", "OCCUPATION", "SOURCE_OCCUPATION", "REF_AREA", "SUBDIVISION", "PROGRAMME", "TIME_PERIOD", "OBS_VALUE"];

    public static async Task WriteAsync(MovilidadDb db, IQueryable<LabourObservation> observations, TextWriter writer, CancellationToken ct)
    {
        await writer.WriteAsync(string.Join(',', Columns) + "\r\n");
        var iso3 = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Alpha2, c => c.Alpha3, StringComparer.Ordinal, ct);
        var lines = observations
            .GroupBy(o => new { o.Measure, o.Isco08, o.SourceClassification, o.SourceCode, o.Country, o.Subdivision, o.Programme, o.Period })
            .Select(g => new { g.Key.Measure, g.Key.Isco08, g.Key.SourceClassification, g.Key.SourceCode, g.Key.Country, g.Key.Subdivision, g.Key.Programme, g.Key.Period, Value = g.Sum(o => o.Value) })
            .OrderBy(l => l.Measure).ThenBy(l => l.Period).ThenBy(l => l.Country).ThenBy(l => l.Subdivision).ThenBy(l => l.Isco08).ThenBy(l => l.SourceCode).ThenBy(l => l.Programme);
        await foreach (var l in lines.AsAsyncEnumerable().WithCancellation(ct))
        {
            var source = l.SourceCode is null ? string.Empty : $"{l.SourceClassification}:{l.SourceCode}";
            await writer.WriteAsync(string.Join(',', Dataflow, l.Measure, l.Isco08 ?? NotMapped, Field(source), iso3.GetValueOrDefault(l.Country, l.Country),
                l.Subdivision ?? string.Empty, Field(l.Programme ?? string.Empty), l.Period, l.Value.ToString("0.######", CultureInfo.InvariantCulture)) + "\r\n");
        }
    }

    /// <summary>A CSV field, quoted when it holds a comma, a quote or a line break.</summary>
    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
