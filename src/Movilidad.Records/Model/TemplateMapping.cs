using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Movilidad.Records;

/// <summary>A measure column of a template: the column's name in the file and what it counts.</summary>
public sealed record TemplateMeasure(string Column, Measure Measure);

/// <summary>
/// Which column of a ministry's table is what: the occupation (and its classification), the place, the period and
/// each measure. A fixed value (<see cref="Classification"/>, <see cref="Country"/>, <see cref="Period"/>,
/// <see cref="Programme"/>) stands for a column the table does not have. Saved per source as JSON
/// (<see cref="ToJson"/>) and used again on the next file. <see cref="Default"/> is the documented template.
/// </summary>
public sealed record TemplateMapping
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    private static readonly string[] TemplateColumns =
        ["period", "country", "subdivision", "occupation_classification", "occupation_code", "programme", "employer"];

    /// <summary>The column with the occupation code.</summary>
    public string? OccupationColumn { get; init; }

    /// <summary>The column that names each row's classification (<c>isco08</c>, <c>soc2018</c>, <c>NOC 2021</c>...), when it varies.</summary>
    public string? ClassificationColumn { get; init; }

    /// <summary>The classification of every code, when the table has no classification column.</summary>
    public OccupationClassification? Classification { get; init; }

    /// <summary>The column with the country (name, alpha-2 or alpha-3).</summary>
    public string? CountryColumn { get; init; }

    /// <summary>The country of every row (name, alpha-2 or alpha-3), when the table has no country column.</summary>
    public string? Country { get; init; }

    /// <summary>The column with the subdivision (ISO 3166-2 code or name: state, province, department).</summary>
    public string? SubdivisionColumn { get; init; }

    /// <summary>The column with the period (SDMX code such as <c>2024</c>, <c>2024-Q3</c>, <c>2024-S1</c>, <c>2024-M07</c>, or a date).</summary>
    public string? PeriodColumn { get; init; }

    /// <summary>The period of every row (SDMX code), when the table has no period column.</summary>
    public string? Period { get; init; }

    /// <summary>The column with the programme or stream.</summary>
    public string? ProgrammeColumn { get; init; }

    /// <summary>The programme of every row, when the table has no programme column.</summary>
    public string? Programme { get; init; }

    /// <summary>The column with the employer's name.</summary>
    public string? EmployerColumn { get; init; }

    /// <summary>The measure columns.</summary>
    public IReadOnlyList<TemplateMeasure> Measures { get; init; } = [];

    /// <summary>The documented template: columns <c>period, country, subdivision, occupation_classification, occupation_code, programme, employer</c> and one column per measure code.</summary>
    public static TemplateMapping Default { get; } = new()
    {
        PeriodColumn = "period",
        CountryColumn = "country",
        SubdivisionColumn = "subdivision",
        ClassificationColumn = "occupation_classification",
        OccupationColumn = "occupation_code",
        ProgrammeColumn = "programme",
        EmployerColumn = "employer",
        Measures = [.. Records.Measures.All.Select(m => new TemplateMeasure(m.Code(), m))],
    };

    /// <summary>The mapping as JSON, to save with the source.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>A mapping saved with <see cref="ToJson"/>; null when the text is not one.</summary>
    public static TemplateMapping? FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<TemplateMapping>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes the documented template as CSV (UTF-8, comma-separated) with two example rows, for people to fill in.</summary>
    public static void WriteTemplateCsv(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
        writer.NewLine = "\r\n";
        var header = TemplateColumns.Concat(Records.Measures.All.Select(m => m.Code()));
        writer.WriteLine(string.Join(",", header));
        var blanks = string.Concat(Enumerable.Repeat(",", Records.Measures.All.Count - 2));
        writer.WriteLine($"2024-Q3,GT,GT-SM,isco08,6111,Programa de trabajo temporal,Ejemplo S.A.,120,100{blanks}");
        writer.WriteLine($"2024,MX,MX-MIC,soc2018,45-2092,H-2A,,35,30{blanks}");
    }
}
