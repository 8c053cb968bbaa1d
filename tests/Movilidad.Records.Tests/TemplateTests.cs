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
}
