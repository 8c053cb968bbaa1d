using System.Globalization;
using System.Text.RegularExpressions;

namespace Movilidad.Records;

/// <summary>
/// ILOSTAT employment by occupation: the bulk-download CSV (<c>ref_area, indicator, sex, classif1, time, obs_value</c>),
/// SDMX-CSV from the ILO's SDMX API (<c>REF_AREA, SEX, OCU, TIME_PERIOD, OBS_VALUE, UNIT_MULT</c>) and the DDF
/// extract of open-numbers (<c>ref_area, sex, classif1, time, emp_2emp_sex_ocu_nb</c>). Counts are in thousands and
/// are multiplied out; only totals for both sexes are read, and the total over occupations is left out so that the
/// groups add up to the file's total.
/// </summary>
internal sealed partial class IlostatReader : SourceReader
{
    private static readonly ColumnSpec[] Specs =
    [
        new("area", ["REF_AREA", "COUNTRY", "REF_AREA_CODE"], Required: true),
        new("sex", ["SEX", "SEX_CODE"]),
        new("occupation", ["CLASSIF1", "OCU", "OCCUPATION", "CLASSIF1_CODE", "OCU_ISCO08"], n => n.StartsWith("OCU", StringComparison.Ordinal), Required: true),
        new("time", ["TIME", "TIME_PERIOD", "YEAR"], Required: true),
        new("indicator", ["INDICATOR", "INDICATOR_CODE", "MEASURE"]),
        new("dataflow", ["DATAFLOW"]),
        new("multiplier", ["UNIT_MULT", "UNIT_MULTIPLIER"]),
        new("value", ["OBS_VALUE", "VALUE"], n => n.StartsWith("EMP_", StringComparison.Ordinal), Required: true),
    ];

    public override IReadOnlyList<ColumnSpec> Fields => Specs;

    public override Recognition? Recognise(Candidate candidate)
    {
        var columns = Columns.Resolve(candidate, Specs);
        var absent = Absent(columns, Identifying);
        if (absent > 1)
        {
            return null;
        }
        var sample = candidate.Below.Where(r => r.Filled > 2).Take(10).ToList();
        if (columns.Has("occupation") && sample.Count > 0 && !sample.Any(r => ParseOccupation(r.Text(columns["occupation"])) is not null))
        {
            return null;
        }
        var indicator = Indicator(columns, sample.FirstOrDefault());
        // A file that lacks one of its columns (renamed) is still ILOSTAT's employment by occupation when its indicator says so.
        if (!indicator.Contains("EMP", StringComparison.Ordinal) || absent == 1 && !indicator.Contains("OCU", StringComparison.Ordinal))
        {
            return null;
        }
        return new Recognition(this, RecordSource.Ilostat, candidate, columns,
            new RecordMessage($"ILOSTAT, empleo por ocupación ({indicator})", $"ILOSTAT, employment by occupation ({indicator})"), 10 + columns.Found)
        {
            Missing = MissingFields(columns, Specs, Identifying),
        };
    }

    private static readonly string[][] Identifying = [["area"], ["time"], ["occupation"], ["value"]];

    // The indicator's id: the value of its column (bulk CSV) or of MEASURE (SDMX-CSV), the dataflow's id, or the name
    // of the value column in the DDF extract (emp_2emp_sex_ocu_nb).
    private static string Indicator(Columns columns, TableRow? row)
    {
        foreach (var key in new[] { "indicator", "dataflow" })
        {
            var text = columns.Has(key) && row is not null ? Columns.Normalise(row.Text(columns[key])) : "";
            if (text.Length > 0)
            {
                return text;
            }
        }
        return Columns.Normalise(columns.Name("value"));
    }

    public override IEnumerable<RecordRow> Read(ReadContext context)
    {
        var columns = context.Columns;
        context.Report.Classification = OccupationClassification.Isco08;
        foreach (var row in context.DataRows(IsNote))
        {
            var sex = Columns.Normalise(context.Text(row, "sex"));
            if (sex.Length > 0 && sex is not ("SEX_T" or "T" or "TOTAL"))
            {
                context.Skip(row, "sex", "by-sex", context.Text(row, "sex"), new RecordMessage(
                    "Fila por sexo: se importa solo el total de ambos sexos.", "Row by sex: only the total for both sexes is imported."));
                continue;
            }
            var occupationText = context.Text(row, "occupation");
            var occupation = ParseOccupation(occupationText);
            if (occupation is null)
            {
                context.Skip(row, "occupation", "unknown-occupation-group", occupationText, new RecordMessage(
                    $"«{occupationText}» no es un grupo de ocupaciones de ILOSTAT.", $"'{occupationText}' is not an ILOSTAT occupation group."));
                continue;
            }
            if (occupation == "TOTAL")
            {
                context.Skip(row, "occupation", "total-row", occupationText, new RecordMessage(
                    "Total de todas las ocupaciones: se deja fuera para que los grupos sumen el total del archivo.",
                    "Total of all occupations: left out so that the groups add up to the file's total."));
                continue;
            }
            var areaText = context.Text(row, "area");
            if (context.Places.Country(areaText) is not { } place)
            {
                context.Skip(row, "area", "unknown-area", areaText, new RecordMessage(
                    $"«{areaText}» no es un país (ISO 3166); los agregados regionales no se importan.",
                    $"'{areaText}' is not a country (ISO 3166); regional aggregates are not imported."));
                continue;
            }
            var timeText = context.Text(row, "time");
            if (!Period.TryParse(timeText, out var period))
            {
                context.Skip(row, "time", "not-a-period", timeText, new RecordMessage(
                    $"«{timeText}» no es un período (2019, 2019Q4, 2019M03).", $"'{timeText}' is not a period (2019, 2019Q4, 2019M03)."));
                continue;
            }
            if (!context.Count(row, "value", out var value))
            {
                continue;
            }
            if (value is null)
            {
                context.Skip(row, "value", "no-value", null, new RecordMessage("La fila no tiene valor.", "The row has no value."));
                continue;
            }
            var persons = value.Value * Multiplier(context, row);
            var source = new SourceOccupation(OccupationClassification.Isco08, occupation, null);
            var mapping = occupation switch
            {
                "96" => OccupationMapping.Unmapped(new RecordMessage(
                    "Las estimaciones modelizadas de ILOSTAT juntan los grandes grupos 6 y 9 de la CIUO-08: el grupo se guarda tal cual, sin grupo CIUO-08.",
                    "ILOSTAT's modelled estimates merge ISCO-08 major groups 6 and 9: the group is kept as it is, without an ISCO-08 group.")),
                "X" => OccupationMapping.Unmapped(new RecordMessage(
                    "Ocupaciones no clasificables según la CIUO-08.", "Occupations not classifiable by ISCO-08.")),
                _ => null,
            };
            yield return context.Row(row, source, mapping, place, period, persons == 0 ? [] : [new MeasureValue(Measure.Employment, persons, true, null)], null);
        }
    }

    // ILOSTAT's counts are in thousands: SDMX-CSV says so in UNIT_MULT (3); bulk and DDF files in the indicator's "_NB".
    private static decimal Multiplier(ReadContext context, TableRow row)
    {
        if (context.Columns.Has("multiplier") && int.TryParse(context.Text(row, "multiplier"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var power) && power is >= 0 and <= 9)
        {
            return (decimal)Math.Pow(10, power);
        }
        return Indicator(context.Columns, row).EndsWith("_NB", StringComparison.Ordinal) ? 1000m : 1m;
    }

    /// <summary>The ISCO-08 group of an ILOSTAT occupation code (<c>ocu_details_7</c>, <c>OCU_ISCO08_7</c>, <c>OC2_ISCO08_72</c>), <c>TOTAL</c>, <c>X</c>, or null.</summary>
    internal static string? ParseOccupation(string? code)
    {
        var match = OccupationCode().Match(Columns.Normalise(code));
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"^(?:OCU_DETAILS|OCU_ISCO08|OC2_ISCO08|OCU_ISCO_08)_(\d{1,4}|TOTAL|X)$")]
    private static partial Regex OccupationCode();
}
