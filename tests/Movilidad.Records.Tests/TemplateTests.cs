using System.Text;

namespace Movilidad.Records.Tests;

public class TemplateTests
{
    [Fact]
    public void WriteTemplateCsv_ReadBack_GivesItsExampleRows()
    {
        using var stream = new MemoryStream();
        TemplateMapping.WriteTemplateCsv(stream);

        var (rows, report) = Files.Read(stream.ToArray(), "plantilla.csv");

        Assert.Equal(RecordSource.Template, report.Source);
        Assert.Equal(2, rows.Count);
        Assert.Equal(new Place("GT", "GTM", "GT-SM", "San Marcos"), rows[0].Place);
        Assert.Equal("2024-Q3", rows[0].Period.Code);
        Assert.Equal(new SourceOccupation(OccupationClassification.Isco08, "6111", null), rows[0].Occupation);
        Assert.Equal([new MeasureValue(Measure.WorkersRequested, 120, true, null), new MeasureValue(Measure.WorkersCertified, 100, true, null)], rows[0].Values);
        Assert.Equal("MX-MIC", rows[1].Place.Subdivision);
        Assert.Equal(OccupationClassification.Soc2018, rows[1].Occupation.Classification);
        Assert.Equal("SOC 2018 → SOC 2010 → ISCO-08", rows[1].Mapping.Path);
    }

    [Fact]
    public void Read_SavedMapping_ReadsAMinistrysOwnWorkbook()
    {
        var mapping = new TemplateMapping
        {
            OccupationColumn = "Código CIUO",
            Classification = OccupationClassification.Isco08,
            Country = "Honduras",
            SubdivisionColumn = "Departamento",
            PeriodColumn = "Año",
            Programme = "Movilidad laboral temporal",
            Measures = [new TemplateMeasure("Trabajadores colocados", Measure.WorkersCertified)],
        };
        var saved = TemplateMapping.FromJson(mapping.ToJson())!;
        var workbook = Workbooks.Xlsx("Colocaciones",
            ["Colocaciones de trabajadores 2023", null, null, null],
            ["Año", "Departamento", "Código CIUO", "Trabajadores colocados"],
            [2023, "Cortés", 9211, "1,234"],
            ["2023-S2", "Atlántida", "6111", 12.5]);

        var (rows, report) = Files.Read(workbook, "colocaciones.xlsx", new RecordReaderOptions { Source = RecordSource.Template, Template = saved });

        Assert.Equal(mapping.Measures, saved.Measures);
        Assert.Equal(2, report.HeaderRow);
        Assert.Equal(2, rows.Count);
        Assert.Equal(new Place("HN", "HND", "HN-CR", "Cortés"), rows[0].Place);
        Assert.Equal("2023", rows[0].Period.Code);
        Assert.Equal(1234m, rows[0].Values.Single().Value);
        Assert.Equal("9211", rows[0].Observations.Single().Isco08);
        Assert.Equal("2023-S2", rows[1].Period.Code);
        Assert.Equal("Movilidad laboral temporal", rows[1].Programme);
        Assert.Equal(1246.5m, Files.Total(report, Measure.WorkersCertified));
    }

    [Fact]
    public void FromJson_NotAMapping_GivesNull() => Assert.Null(TemplateMapping.FromJson("{ not json"));

    [Fact]
    public void Read_TemplateWithBadCells_SkipsEachRowNamingItsColumn()
    {
        var csv = """
            period,country,occupation_classification,occupation_code,workers-requested
            2024-Q1,GT,isco08,6111,10
            2024-Q5,GT,isco08,6111,10
            2024-Q2,Narnia,isco08,6111,10
            2024-Q2,GT,soc1990,6111,10
            2024-Q2,GT,isco08,6111,diez
            2024-Q2,GT,isco08,9999,4
            """;
        var (rows, report) = Files.Read(Encoding.UTF8.GetBytes(csv), "serie.csv");

        Assert.Equal(2, rows.Count);
        Assert.Equal(4, report.RowsSkipped);
        Assert.Equal(["not-a-period", "unknown-country", "unknown-classification", "not-a-number"], report.Issues.Select(i => i.Reason));
        Assert.Equal(["period", "country", "occupation_classification", "workers-requested"], report.Issues.Select(i => i.Column));
        Assert.Equal([3, 4, 5, 6], report.Issues.Select(i => i.Location.Row));
        Assert.Equal("serie.csv, fila 6, columna «workers-requested»: «diez» no es un número; escriba solo cifras.", report.Issues[3].Describe("es"));
        Assert.Equal("9999", report.UnmappedCodes.Single().Code);
        Assert.Equal(4m, report.Totals.Single().Unmapped);
    }

    [Fact]
    public void WriteTemplateCsv_InSpanish_ReadsBackThroughItsSpanishHeader()
    {
        using var stream = new MemoryStream();
        TemplateMapping.WriteTemplateCsv(stream, "es");

        var text = Encoding.UTF8.GetString(stream.ToArray());
        Assert.StartsWith("\uFEFFperíodo,país,subdivisión,clasificación_ocupación,código_ocupación,programa,empleador,trabajadores_solicitados", text);
        var (rows, report) = Files.Read(stream.ToArray(), "plantilla.csv");
        Assert.Equal(RecordSource.Template, report.Source);
        Assert.Equal(2, rows.Count);
        Assert.Equal(130m, Files.Total(report, Measure.WorkersCertified));
        Assert.Equal(155m, Files.Total(report, Measure.WorkersRequested));
    }

    [Fact]
    public void Inspect_AMinistrysTable_GivesItsHeaderRowsAndAProposedMapping()
    {
        var workbook = Workbooks.Xlsx("Colocaciones",
            ["Colocaciones de trabajadores 2023", null, null, null],
            ["Año", "Departamento", "Código CIUO", "Trabajadores colocados", "Trabajadores certificados"],
            [2023, "Cortés", 9211, 1234, 1000],
            ["2023-S2", "Atlántida", "6111", 12.5, 10]);
        using var stream = new MemoryStream(workbook);

        var inspection = RecordFile.Inspect(stream, "colocaciones.xlsx");

        Assert.Null(inspection.Source);
        Assert.Equal("Colocaciones", inspection.Sheet);
        Assert.Equal(2, inspection.HeaderRow);
        Assert.Equal(["Año", "Departamento", "Código CIUO", "Trabajadores colocados", "Trabajadores certificados"], inspection.Header);
        Assert.Equal([3, 4], inspection.Rows.Select(r => r.Row));
        Assert.Equal("Cortés", inspection.Rows[0].Cells[1]);
        Assert.Equal(TableInspection.SignatureOf(["ANO", "departamento", "codigo ciuo", "Trabajadores-colocados", "TRABAJADORES CERTIFICADOS"]), inspection.Signature);
        Assert.NotEqual(TableInspection.SignatureOf(["Departamento", "Año", "Código CIUO", "Trabajadores colocados", "Trabajadores certificados"]), inspection.Signature);

        var proposed = TemplateMapping.Propose(inspection.Header);
        Assert.Equal("Código CIUO", proposed.OccupationColumn);
        Assert.Equal("Año", proposed.PeriodColumn);
        Assert.Equal("Departamento", proposed.SubdivisionColumn);
        Assert.Null(proposed.CountryColumn);
        Assert.Equal([new TemplateMeasure("Trabajadores certificados", Measure.WorkersCertified)], proposed.Measures);
    }

    [Fact]
    public void Inspect_APublication_NamesTheColumnsItsReaderFound()
    {
        using var stream = new MemoryStream();
        TemplateMapping.WriteTemplateCsv(stream, "es");
        stream.Position = 0;

        var inspection = RecordFile.Inspect(stream, "plantilla.csv");

        Assert.Equal(RecordSource.Template, inspection.Source);
        Assert.Equal("código_ocupación", inspection.FoundColumns["occupation"]);
        Assert.Equal("trabajadores_solicitados", inspection.FoundColumns["measure:workers-requested"]);
        Assert.Equal(2, inspection.Rows.Count);
    }
}
