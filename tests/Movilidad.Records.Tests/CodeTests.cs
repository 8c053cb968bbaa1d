namespace Movilidad.Records.Tests;

public class CodeTests
{
    [Fact]
    public void Slugs_OfEverySource_ReadBackAndHaveNamesInBothLanguages()
    {
        Assert.Equal(["oflc-h2a", "oflc-h2b", "oflc-h2b-recruiters", "esdc-lmia", "ilostat", "template"], RecordSources.All.Select(s => s.Slug()));
        Assert.All(RecordSources.All, s =>
        {
            Assert.True(RecordSources.TryParse(s.Slug().ToUpperInvariant(), out var parsed));
            Assert.Equal(s, parsed);
            Assert.NotEqual(s.Name("es"), s.Name("en"));
        });
        Assert.False(RecordSources.TryParse("oflc-h1b", out _));
    }

    [Fact]
    public void Codes_OfEveryMeasure_ReadBackAndHaveLabelsInBothLanguages()
    {
        Assert.All(Measures.All, m =>
        {
            Assert.True(Measures.TryParse(m.Code().Replace('-', '_'), out var parsed));
            Assert.Equal(m, parsed);
            Assert.NotEqual(m.Label("es"), m.Label("en"));
        });
        Assert.False(Measures.TryParse("visas-issued", out _));
    }

    [Theory]
    [InlineData("soc2018", OccupationClassification.Soc2018)]
    [InlineData("SOC 2018", OccupationClassification.Soc2018)]
    [InlineData("ISCO-08", OccupationClassification.Isco08)]
    [InlineData("isco_08", OccupationClassification.Isco08)]
    [InlineData("NOC 2021", OccupationClassification.Noc2021)]
    public void TryParse_ClassificationCodesAndNames_AreRecognised(string text, OccupationClassification expected)
    {
        Assert.True(OccupationClassifications.TryParse(text, out var parsed));
        Assert.Equal(expected, parsed);
        Assert.True(OccupationClassifications.TryParse(parsed.Code(), out _));
    }

    [Fact]
    public void Title_KnownCodes_GiveTheirClassificationsTitle()
    {
        Assert.Equal("Farmworkers and Laborers, Crop, Nursery, and Greenhouse", OccupationCrosswalk.Default.Title(OccupationClassification.Soc2010, "45-2092"));
        Assert.Equal("Web developers and programmers", OccupationCrosswalk.Default.Title(OccupationClassification.Noc2021, "21234"));
        Assert.Equal("Crop farm labourers", OccupationCrosswalk.Default.Title(OccupationClassification.Isco08, "9211"));
        Assert.Null(OccupationCrosswalk.Default.Title(OccupationClassification.Noc2011, "9999"));
    }

    [Fact]
    public void Progress_ReadingAFile_IsReportedUpToTheEnd()
    {
        var reports = new List<RecordProgress>();
        using var read = RecordFile.Open(Files.Records("canada-lmia-quarterly/positive_lmia_September-2021.xlsx"), new RecordReaderOptions { Progress = new Collect(reports) });

        Assert.Equal(4655, read.Rows.Count());
        Assert.Equal(new RecordProgress(4655, 1), reports[^1]);
        Assert.Contains(reports, r => r.Fraction is > 0 and < 1);
        Assert.Throws<InvalidOperationException>(() => read.Rows.Count());
    }

    private sealed class Collect(List<RecordProgress> reports) : IProgress<RecordProgress>
    {
        public void Report(RecordProgress value) => reports.Add(value);
    }
}
