namespace Movilidad.Records.Tests;

public class LmiaTests
{
    // File (named by the month that ends its period), the period its title names, and the classification it uses.
    public static TheoryData<string, string, OccupationClassification> Lists => new()
    {
        { "positive_lmia_March-2017.csv", "2017-S1", OccupationClassification.Noc2011 },
        { "positive_lmia_September-2017.csv", "2017-Q3", OccupationClassification.Noc2011 },
        { "positive_lmia_December-2017.csv", "2017-Q4", OccupationClassification.Noc2011 },
        { "positive_lmia_March-2018.csv", "2018-Q1", OccupationClassification.Noc2011 },
        { "positive_lmia_June-2018.csv", "2018-Q2", OccupationClassification.Noc2011 },
        { "positive_lmia_September-2018.csv", "2018-Q3", OccupationClassification.Noc2011 },
        { "positive_lmia_December-2018.csv", "2018-Q4", OccupationClassification.Noc2011 },
        { "positive_lmia_March-2019.csv", "2019-Q1", OccupationClassification.Noc2011 },
        { "positive_lmia_June-2019.csv", "2019-Q2", OccupationClassification.Noc2011 },
        { "positive_lmia_September-2019.csv", "2019-Q3", OccupationClassification.Noc2011 },
        { "positive_lmia_December-2019.csv", "2019-Q4", OccupationClassification.Noc2011 },
        { "positive_lmia_March-2020.csv", "2020-Q1", OccupationClassification.Noc2011 },
        { "positive_lmia_June-2020.csv", "2020-Q2", OccupationClassification.Noc2011 },
        { "positive_lmia_September-2020.csv", "2020-Q3", OccupationClassification.Noc2011 },
        { "positive_lmia_December-2020.xlsx", "2020-Q4", OccupationClassification.Noc2011 },
        { "positive_lmia_March-2021.xlsx", "2021-Q1", OccupationClassification.Noc2011 },
        { "positive_lmia_June-2021.xlsx", "2021-Q2", OccupationClassification.Noc2011 },
        { "positive_lmia_September-2021.xlsx", "2021-Q3", OccupationClassification.Noc2011 },
        { "positive_lmia_December-2021.xlsx", "2021-Q4", OccupationClassification.Noc2011 },
        { "positive_lmia_March-2022.xlsx", "2022-Q1", OccupationClassification.Noc2011 },
        { "positive_lmia_June-2022.xlsx", "2022-Q2", OccupationClassification.Noc2011 },
        { "positive_lmia_September-2022.xlsx", "2022-Q3", OccupationClassification.Noc2011 },
        { "positive_lmia_December-2022.xlsx", "2022-Q4", OccupationClassification.Noc2011 },
        { "positive_lmia_March-2023.xlsx", "2023-Q1", OccupationClassification.Noc2011 },
        { "positive_lmia_June-2023.xlsx", "2023-Q2", OccupationClassification.Noc2011 },
        { "positive_lmia_September-2023.xlsx", "2023-Q3", OccupationClassification.Noc2011 },
        { "positive_lmia_December-2023.xlsx", "2023-Q4", OccupationClassification.Noc2011 },
        { "positive_lmia_March-2024.xlsx", "2024-Q1", OccupationClassification.Noc2011 },
        { "positive_lmia_June-2024.xlsx", "2024-Q2", OccupationClassification.Noc2021 },
        { "positive_lmia_September-2024.xlsx", "2024-Q3", OccupationClassification.Noc2021 },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public void Read_RealList_RowsTotalsAndPeriodMatchAnIndependentReading(string file, string period, OccupationClassification classification)
    {
        var path = Files.Records(Path.Combine("canada-lmia-quarterly", file));
        var (rows, report) = Files.Read(path);

        // Independent: the rows between the header (first cell "Province/Territory") and the first row that has
        // text in its first cell only (the notes); positions and LMIAs from the columns whose names say so.
        var sheet = Files.Rows(path);
        var headerAt = sheet.FindIndex(r => r.Length > 0 && r[0].Trim() == "Province/Territory");
        var header = sheet[headerAt];
        var positions = Array.FindIndex(header, h => h.Contains("Position", StringComparison.OrdinalIgnoreCase));
        var lmias = Array.FindIndex(header, h => h.Contains("LMIA", StringComparison.OrdinalIgnoreCase));
        var data = sheet.Skip(headerAt + 1)
            .Where(r => r.Any(c => c.Trim().Length > 0))
            .TakeWhile(r => r.Skip(1).Any(c => c.Trim().Length > 0))
            .ToList();

        Assert.Equal(RecordSource.EsdcLmia, report.Source);
        Assert.Equal(data.Count, report.RowsRead);
        Assert.Equal(data.Count, rows.Count);
        Assert.Equal(0, report.RowsSkipped);
        Assert.True(report.FootnoteRows >= 6);
        Assert.Equal(data.Sum(r => Files.Number(r[positions])), Files.Total(report, Measure.PositionsApproved));
        Assert.Equal(lmias < 0 ? 0 : data.Sum(r => Files.Number(r[lmias])), Files.Total(report, Measure.LmiasApproved));
        Assert.All(rows, r => Assert.Equal(period, r.Period.Code));
        Assert.Equal(period, report.PeriodCovered!.Code);
        Assert.Equal(classification, report.Classification);
        Assert.All(rows, r => Assert.Equal("CA", r.Place.Country));
        Assert.True(report.Totals.Single(t => t.Measure == Measure.PositionsApproved).ShareMapped > 0.99);
        Assert.Equal(Files.Total(report, Measure.PositionsApproved), rows.SelectMany(r => r.Observations).Where(o => o.Measure == Measure.PositionsApproved).Sum(o => o.Value));
    }

    [Fact]
    public void Read_OlderList_FillsProvinceAndStreamDownTheirGroup()
    {
        var (rows, _) = Files.Read(Files.Records("canada-lmia-quarterly/positive_lmia_December-2017.csv"));

        // Row 4 of the file leaves province and stream blank: they are row 3's, Newfoundland and Labrador, High Wage.
        var row = rows.Single(r => r.Location.Row == 4);
        Assert.Equal("Empowered Homes Inc.", row.Employer!.Name);
        Assert.Equal("CA-NL", row.Place.Subdivision);
        Assert.Equal("TFWP High Wage", row.Programme);
        Assert.Null(row.Location.Sheet);
    }

    [Fact]
    public void Read_DosCodePageList_DecodesAccentedNames()
    {
        var (rows, report) = Files.Read(Files.Records("canada-lmia-quarterly/positive_lmia_December-2017.csv"));

        Assert.Equal("IBM850", report.Encoding);
        Assert.Contains(rows, r => r.Employer?.Name == "Pêcherie Cheticamp Fisheries Intl. (2016) Ltd");
    }

    [Fact]
    public void Read_Windows1252List_DecodesAccentedNames()
    {
        var (rows, report) = Files.Read(Files.Records("canada-lmia-quarterly/positive_lmia_June-2020.csv"));

        Assert.Equal("Windows-1252", report.Encoding);
        Assert.Contains(rows, r => r.Employer?.Name.Contains('é', StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Read_Noc2021List_MapsThroughNoc2016AndNoc2011()
    {
        var (rows, _) = Files.Read(Files.Records("canada-lmia-quarterly/positive_lmia_September-2024.xlsx"));

        var row = rows.First(r => r.Occupation.Code == "21234");
        Assert.Equal(OccupationClassification.Noc2021, row.Occupation.Classification);
        Assert.Equal("Web developers and programmers", row.Occupation.Title);
        Assert.Equal("NOC 2021 → NOC 2016 → NOC 2011 → ISCO-08", row.Mapping.Path);
        Assert.Equal(1m, row.Mapping.Links.Sum(l => l.Weight));
        Assert.Equal("TFWP Global Talent Stream", row.Programme);
        Assert.Equal("CA-NL", row.Place.Subdivision);
    }

    [Fact]
    public void Read_NegativeList_CountsRefusedPositions()
    {
        var path = Files.Records("canada-tfwp-lmia-employers/negative_lmia_2019Q4_noc2011.csv");
        var (_, report) = Files.Read(path);

        var sheet = Files.Rows(path);
        var data = sheet.Skip(2).TakeWhile(r => r.Skip(1).Any(c => c.Trim().Length > 0)).ToList();
        Assert.Equal(data.Sum(r => Files.Number(r[5])), Files.Total(report, Measure.PositionsRefused));
        Assert.Equal(0m, Files.Total(report, Measure.PositionsApproved));
        Assert.Contains("negative", report.Description.En, StringComparison.Ordinal);
    }

    /// <summary>The real file with one header cell renamed (the header is ASCII: the bytes of every other row stay as published).</summary>
    internal static byte[] Renamed(string path, string from, string to)
    {
        var text = System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(path));
        var header = text.IndexOf("\nProvince/Territory,", StringComparison.Ordinal) + 1;
        var end = text.IndexOf('\n', header);
        var line = text[header..end];
        Assert.Contains("," + from + ",", line, StringComparison.Ordinal);
        return System.Text.Encoding.Latin1.GetBytes(text[..header] + line.Replace("," + from + ",", "," + to + ",", StringComparison.Ordinal) + text[end..]);
    }

    [Fact]
    public void Read_ColumnRenamedInANewEdition_IsReadFromTheColumnNamedForItsField()
    {
        var path = Files.Records("canada-tfwp-lmia-employers/negative_lmia_2019Q4_noc2011.csv");
        var edited = Renamed(path, "Occupation", "Job code and title");

        // The reader no longer finds the occupation: the file is refused, naming the column, rather than read without it.
        var refused = Assert.Throws<RecordFileException>(() => Files.Read(edited, "negative_lmia_edited.csv"));
        Assert.Equal("missing-column", refused.Reason);
        using (var stream = new MemoryStream(edited))
        {
            var inspection = RecordFile.Inspect(stream, "negative_lmia_edited.csv");
            Assert.Equal(RecordSource.EsdcLmia, inspection.Source);
            Assert.Contains(inspection.Fields, f => f.Key == "occupation" && f.Required);
            Assert.False(inspection.FoundColumns.ContainsKey("occupation"));
            Assert.Contains("Job code and title", inspection.Header);
        }

        // Named for its field, the column is read: the same rows, totals and mapping as the file as published, and the report says so.
        var named = new RecordReaderOptions { Columns = new Dictionary<string, string> { ["occupation"] = "Job code and title" } };
        var (rows, report) = Files.Read(edited, "negative_lmia_edited.csv", named);
        var (originalRows, original) = Files.Read(path);
        Assert.Equal(original.RowsImported, report.RowsImported);
        Assert.Equal(Files.Total(original, Measure.PositionsRefused), Files.Total(report, Measure.PositionsRefused));
        Assert.Equal(original.Totals.Single().Mapped, report.Totals.Single().Mapped);
        Assert.Equal(originalRows.Select(r => r.Occupation.Code), rows.Select(r => r.Occupation.Code));
        Assert.Contains(report.Notes, n => n.En.Contains("Field occupation was read from column 'Job code and title'", StringComparison.Ordinal));

        // A column that is not in the header, or a field the reader does not have, refuses the file.
        var missing = Assert.Throws<RecordFileException>(() => Files.Read(edited, "negative_lmia_edited.csv",
            new RecordReaderOptions { Columns = new Dictionary<string, string> { ["occupation"] = "Nowhere" } }));
        Assert.Equal("no-such-column", missing.Reason);
        Assert.Equal("Nowhere", missing.Column);
        var unknown = Assert.Throws<RecordFileException>(() => Files.Read(edited, "negative_lmia_edited.csv",
            new RecordReaderOptions { Columns = new Dictionary<string, string> { ["occupation"] = "Job code and title", ["soc"] = "Address" } }));
        Assert.Equal("no-such-column", unknown.Reason);
    }

    [Fact]
    public void Read_ColumnTheListIsKnownByRenamed_IsStillTheListAndReadOnceNamed_TwoRenamedAreNot()
    {
        var path = Files.Records("canada-tfwp-lmia-employers/negative_lmia_2019Q4_noc2011.csv");
        var edited = Renamed(path, "Employer", "Business operating name");

        // Recognised from its title and its other columns: refused until the employer's column is named.
        var refused = Assert.Throws<RecordFileException>(() => Files.Read(edited, "negative_lmia_edited.csv"));
        Assert.Equal("missing-column", refused.Reason);
        Assert.Equal("EMPLOYER", refused.Column);
        Assert.Contains("ESDC list of employers issued a negative LMIA", refused.Describe("en"), StringComparison.Ordinal);
        using (var stream = new MemoryStream(edited))
        {
            var inspection = RecordFile.Inspect(stream, "negative_lmia_edited.csv");
            Assert.Equal(RecordSource.EsdcLmia, inspection.Source);
            Assert.Equal(["employer"], Assert.Single(inspection.Missing));
        }
        var (rows, report) = Files.Read(edited, "negative_lmia_edited.csv", new RecordReaderOptions { Columns = new Dictionary<string, string> { ["employer"] = "Business operating name" } });
        var (originalRows, original) = Files.Read(path);
        Assert.Equal(original.RowsImported, report.RowsImported);
        Assert.Equal(Files.Total(original, Measure.PositionsRefused), Files.Total(report, Measure.PositionsRefused));
        Assert.Equal(originalRows.Select(r => r.Employer), rows.Select(r => r.Employer));

        // Two of the columns it is known by renamed: no longer this list, nor any publication.
        var twice = System.Text.Encoding.Latin1.GetString(edited).Replace("Province/Territory,", "Region,", StringComparison.Ordinal);
        var other = Assert.Throws<RecordFileException>(() => Files.Read(System.Text.Encoding.Latin1.GetBytes(twice), "negative_lmia_edited.csv"));
        Assert.Equal("other-publication", other.Reason);
    }

    [Fact]
    public void Read_HeadOfficeOutsideCanada_CountsForCanadaWithoutProvince()
    {
        var (rows, report) = Files.Read(Files.Records("canada-lmia-quarterly/positive_lmia_December-2019.csv"));

        var abroad = rows.Where(r => r.Place.Subdivision is null).ToList();
        Assert.NotEmpty(abroad);
        Assert.All(abroad, r => Assert.Null(r.Employer!.Country));
        Assert.Equal(abroad.Count, report.IssuesByReason[(RowIssueKind.Note, "head-office-abroad")]);
    }

    [Theory]
    [InlineData("Employers who were issued a positive Labour Market Impact Assessment (LMIA) by Stream, National Occupational Classification (NOC) 2011 and business location in 2019 (October-December)", "2019-Q4")]
    [InlineData("List of employers ... (NOC) 2011  and business location in 2017 (January-June)", "2017-S1")]
    [InlineData("Employers Who Were Issued a Positive LMIA by Program Stream, NOC 2021 and Business Location, July to September 2024", "2024-Q3")]
    [InlineData("Employeurs ayant obtenu une EIMT positive, d'octobre à décembre 2023", "2023-Q4")]
    [InlineData("Employers who were issued a positive LMIA in 2025 (January-December)", "2025")]
    public void TitlePeriod_TitlesOfEveryYear_GiveTheirSdmxPeriod(string title, string expected) =>
        Assert.Equal(expected, EsdcLmiaReader.TitlePeriod(title)?.Code);
}
