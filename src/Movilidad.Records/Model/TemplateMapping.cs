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

    /// <summary>The documented template's header in Spanish or English (the importer reads either).</summary>
    public static IReadOnlyList<string> TemplateHeader(string language) =>
        [.. TemplateColumns.Concat(Records.Measures.All.Select(m => m.Code())).Select(c => RecordSources.IsSpanish(language) ? Spanish.GetValueOrDefault(c, c) : c)];

    /// <summary>The template's two example rows, cells as text (the measure columns hold numbers), in the order of <see cref="TemplateHeader"/>.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> TemplateExamples { get; } =
    [
        ["2024-Q3", "GT", "GT-SM", "isco08", "6111", "Programa de trabajo temporal", "Ejemplo S.A.", "120", "100", .. Enumerable.Repeat("", Records.Measures.All.Count - 2)],
        ["2024", "MX", "MX-MIC", "soc2018", "45-2092", "H-2A", "", "35", "30", .. Enumerable.Repeat("", Records.Measures.All.Count - 2)],
    ];

    /// <summary>Names a column of the documented template also goes by (its Spanish header).</summary>
    internal static IEnumerable<string> OtherNames(string column) =>
        Spanish.TryGetValue(column, out var spanish) ? [spanish] : [];

    private static readonly Dictionary<string, string> Spanish = new(StringComparer.Ordinal)
    {
        ["period"] = "período",
        ["country"] = "país",
        ["subdivision"] = "subdivisión",
        ["occupation_classification"] = "clasificación_ocupación",
        ["occupation_code"] = "código_ocupación",
        ["programme"] = "programa",
        ["employer"] = "empleador",
        [Measure.WorkersRequested.Code()] = "trabajadores_solicitados",
        [Measure.WorkersCertified.Code()] = "trabajadores_certificados",
        [Measure.PositionsApproved.Code()] = "puestos_aprobados",
        [Measure.LmiasApproved.Code()] = "eimt_positivas",
        [Measure.PositionsRefused.Code()] = "puestos_denegados",
        [Measure.LmiasRefused.Code()] = "eimt_negativas",
        [Measure.Employment.Code()] = "personas_ocupadas",
        [Measure.RecruitersDeclared.Code()] = "reclutadores_declarados",
    };

    // Names a ministry's table gives each field, compared as the readers compare column names; the first column that has one is proposed.
    private static readonly (string Field, string[] Names)[] Aliases =
    [
        ("occupation", ["occupation_code", "código_ocupación", "codigo_ciuo", "código_ciuo", "ciuo", "ciuo_08", "ciuo08", "isco", "isco_08", "isco08", "isco_code", "soc_code", "soc", "noc_code", "noc", "occupation", "ocupación", "código_de_ocupación", "cod_ocupacion"]),
        ("classification", ["occupation_classification", "clasificación_ocupación", "classification", "clasificación"]),
        ("country", ["country", "país", "pais_destino", "country_code", "código_país", "ref_area", "iso3", "iso2"]),
        ("subdivision", ["subdivision", "subdivisión", "departamento", "estado", "provincia", "state", "province", "region", "región", "worksite_state"]),
        ("period", ["period", "período", "periodo", "time_period", "time", "year", "año", "ano", "trimestre", "quarter", "fecha", "date"]),
        ("programme", ["programme", "program", "programa", "stream", "flujo", "visa_class"]),
        ("employer", ["employer", "empleador", "empresa", "employer_name", "nombre_empleador"]),
    ];

    /// <summary>
    /// The mapping proposed for a table's header: each field the first column whose name is one of the field's names in
    /// Spanish or English (the template's own and the usual ones: <c>CIUO</c>, <c>país</c>, <c>año</c>...), each measure
    /// the column named by its code or its label in either language. What is not found stays empty for the person to choose.
    /// </summary>
    public static TemplateMapping Propose(IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var names = header.Select(Columns.Normalise).ToList();
        var used = new HashSet<int>();
        string? Find(IEnumerable<string> wanted)
        {
            foreach (var name in wanted.Select(Columns.Normalise))
            {
                var at = names.FindIndex(n => n.Length > 0 && n == name);
                if (at >= 0 && used.Add(at))
                {
                    return header[at];
                }
            }
            return null;
        }
        var columns = Aliases.ToDictionary(a => a.Field, a => Find(a.Names), StringComparer.Ordinal);
        var measures = Records.Measures.All
            .Select(m => (Measure: m, Column: Find([m.Code(), .. OtherNames(m.Code()), m.Label("es"), m.Label("en")])))
            .Where(m => m.Column is not null)
            .Select(m => new TemplateMeasure(m.Column!, m.Measure))
            .ToList();
        return new TemplateMapping
        {
            OccupationColumn = columns["occupation"],
            ClassificationColumn = columns["classification"],
            CountryColumn = columns["country"],
            SubdivisionColumn = columns["subdivision"],
            PeriodColumn = columns["period"],
            ProgrammeColumn = columns["programme"],
            EmployerColumn = columns["employer"],
            Measures = measures,
        };
    }

    /// <summary>Writes the documented template as CSV (UTF-8, comma-separated) with two example rows, for people to fill in; the header in English.</summary>
    public static void WriteTemplateCsv(Stream stream) => WriteTemplateCsv(stream, "en");

    /// <summary>Writes the documented template as CSV (UTF-8 with a BOM so spreadsheets read the accents, comma-separated) with its header in Spanish or English and two example rows.</summary>
    public static void WriteTemplateCsv(Stream stream, string language)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new StreamWriter(stream, new UTF8Encoding(true), leaveOpen: true);
        writer.NewLine = "\r\n";
        writer.WriteLine(string.Join(",", TemplateHeader(language)));
        foreach (var row in TemplateExamples)
        {
            writer.WriteLine(string.Join(",", row));
        }
    }
}
