namespace Movilidad.Records.Tests;

public class OflcTests
{
    public static TheoryData<string, RecordSource> Disclosures => new()
    {
        { "us-oflc-h2-history/H-2A_FY2010.xlsx", RecordSource.OflcH2A },
        { "us-oflc-h2-history/H-2A_FY2011.xlsx", RecordSource.OflcH2A },
        { "us-oflc-h2-history/H-2A_FY2012.xlsx", RecordSource.OflcH2A },
        { "us-oflc-h2-history/H-2A_FY14_Q4.xlsx", RecordSource.OflcH2A },
        { "us-oflc-h2-history/H-2A_Disclosure_Data_FY15_Q4.xlsx", RecordSource.OflcH2A },
        { "us-oflc-h2-history/H-2A_Disclosure_Data_FY16_updated.xlsx", RecordSource.OflcH2A },
        { "us-oflc-h2a-disclosure/H-2A_Disclosure_Data_FY17.xlsx", RecordSource.OflcH2A },
        { "us-oflc-h2-history/H-2B_FY2010.xlsx", RecordSource.OflcH2B },
        { "us-oflc-h2-history/H-2B_FY2011.xlsx", RecordSource.OflcH2B },
        { "us-oflc-h2-history/H-2B_FY2012.xlsx", RecordSource.OflcH2B },
        { "us-oflc-h2-history/H-2B_FY14_Q4.xlsx", RecordSource.OflcH2B },
        { "us-oflc-h2-history/H-2B_Disclosure_Data_FY15_Q4.xlsx", RecordSource.OflcH2B },
        { "us-oflc-h2-history/H-2B_Disclosure_Data_FY16.xlsx", RecordSource.OflcH2B },
        { "us-oflc-h2-history/H-2B_FY2017.xlsx", RecordSource.OflcH2B },
        { "us-oflc-h2-history/H-2B_Disclosure_Data_FY2018_EOY.xlsx", RecordSource.OflcH2B },
    };

    // The test's own statement of the counting rule, written over ExcelDataReader's rows: in a case, a row is a
    // sub-application when PRIMARY/SUB says SUB or, in files without that column, when its ORGANIZATION_FLAG is empty
    // and another row of the case has one; every other row counts once, identical repeated rows once.
    [Theory]
    [MemberData(nameof(Disclosures))]
    public void Read_RealDisclosureFile_CountsAndTotalsMatchAnIndependentReading(string file, RecordSource source)
    {
        var path = Files.Records(file);
        var (rows, report) = Files.Read(path);

        var sheet = Files.Rows(path);
        var header = sheet[0].Select(h => h.Trim()).ToList();
        var data = sheet.Skip(1).Where(r => r.Any(c => c.Length > 0)).ToList();
        int Column(params string[] names) => header.FindIndex(h => names.Contains(h));
        var caseColumn = Column("CASE_NUMBER", "CASE_NO");
        var flag = Column("ORGANIZATION_FLAG");
        var primarySub = Column("PRIMARY/SUB");
        var employer = Column("EMPLOYER_NAME");
        var requested = Column("NBR_WORKERS_REQUESTED");
        var certified = Column("NBR_WORKERS_CERTIFIED");
        var flaggedCases = data.Where(r => flag >= 0 && r[flag].Trim().Length > 0).Select(r => r[caseColumn]).ToHashSet();
        bool IsSub(string[] r) => primarySub >= 0
            ? r[primarySub].Trim() == "SUB"
            : flag >= 0 && r[flag].Trim().Length == 0 && flaggedCases.Contains(r[caseColumn]);
        var counted = data.Where(r => !IsSub(r))
            .GroupBy(r => (r[caseColumn], employer >= 0 ? r[employer] : "", requested >= 0 ? r[requested] : "", certified >= 0 ? r[certified] : ""))
            .Select(g => g.First())
            .ToList();
        // A master without a figure for a measure leaves it to its sub-applications.
        decimal Expected(int column) => column < 0 ? 0 : counted.Sum(r => Files.Number(r[column]))
            + data.Where(IsSub).Where(s => !data.Any(m => !IsSub(m) && m[caseColumn] == s[caseColumn] && Files.Number(m[column]) != 0)).Sum(s => Files.Number(s[column]));

        Assert.Equal(source, report.Source);
        Assert.True(report.Complete);
        Assert.Equal(data.Count, report.RowsRead);
        Assert.Equal(data.Count, rows.Count);
        Assert.Equal(0, report.RowsSkipped);
        Assert.Equal(Expected(requested), Files.Total(report, Measure.WorkersRequested));
        Assert.Equal(Expected(certified), Files.Total(report, Measure.WorkersCertified));
        foreach (var measure in new[] { Measure.WorkersRequested, Measure.WorkersCertified })
        {
            Assert.Equal(Files.Total(report, measure), rows.SelectMany(r => r.Observations).Where(o => o.Measure == measure).Sum(o => o.Value));
        }
        Assert.All(rows, r => Assert.Equal(Path.GetFileName(path), r.Location.File));
        Assert.Equal(rows.Select(r => r.Location.Row).Order(), rows.Select(r => r.Location.Row));
        Assert.Equal(report.FiscalYear, rows.GroupBy(r => r.Period.FiscalYear).OrderByDescending(g => g.Count()).First().Key);
    }

    [Fact]
    public void Read_H2AFiscalYear2016_CertifiedTotalIsOflcsPublished165741()
    {
        // OFLC reported 165,741 H-2A positions certified in fiscal year 2016: the master applications' figures, each
        // worker once. Adding every row of the file would give 190,156.
        var (_, report) = Files.Read(Files.Records("us-oflc-h2-history/H-2A_Disclosure_Data_FY16_updated.xlsx"));

        Assert.Equal(165_741m, Files.Total(report, Measure.WorkersCertified));
        Assert.Equal(1.0, report.Totals.Single(t => t.Measure == Measure.WorkersCertified).ShareMapped, 3);
    }

    [Fact]
    public void Read_DisclosureRow_KeepsCaseStatusPlaceOccupationPeriodAndSource()
    {
        var (rows, report) = Files.Read(Files.Records("us-oflc-h2a-disclosure/H-2A_Disclosure_Data_FY17.xlsx"));

        var row = rows.Single(r => r.CaseNumber == "H-300-17097-485527");
        Assert.Equal(2, row.Location.Row);
        Assert.Equal("H-2A_FY2017", row.Location.Sheet);
        Assert.Equal("H-2A_Disclosure_Data_FY17.xlsx", row.Location.File);
        Assert.Equal(DecisionStatus.Certified, row.DecisionStatus);
        Assert.Equal(new SourceOccupation(OccupationClassification.Soc2010, "45-2093", "Farmworkers, Farm, Ranch, and Aquacultural Animals"), row.Occupation);
        Assert.Equal("SOC 2010 → ISCO-08", row.Mapping.Path);
        Assert.Equal(new Place("US", "USA", "US-TX", "Texas"), row.Place);
        // Decided 2017-06-07 (serial 42894.69): calendar quarter 2017-Q2 of fiscal year 2017.
        Assert.Equal("2017-Q2", row.Period.Code);
        Assert.Equal(2017, row.Period.FiscalYear);
        Assert.Equal("H-2A", row.Programme);
        Assert.Equal(new Organisation(OrganisationRole.Employer, "G & G Farm & Ranch, Inc.", "US", "US-TX", "Palacios"), row.Employer);
        Assert.Equal([new MeasureValue(Measure.WorkersRequested, 15, true, null), new MeasureValue(Measure.WorkersCertified, 15, true, null)], row.Values);
        Assert.Equal(15m, row.Observations.Where(o => o.Measure == Measure.WorkersCertified).Sum(o => o.Value));
        Assert.Equal(2017, report.FiscalYear);
        Assert.True(report.PeriodCovered!.End <= new DateOnly(2017, 9, 30));
    }

    [Fact]
    public void Read_StatusWordingOfEveryYear_IsNormalised()
    {
        Assert.Equal(DecisionStatus.Certified, OflcReader.Decision("Certified - Full"));
        Assert.Equal(DecisionStatus.PartiallyCertified, OflcReader.Decision("Certified - Partial"));
        Assert.Equal(DecisionStatus.PartiallyCertified, OflcReader.Decision("DETERMINATION ISSUED - PARTIAL CERTIFICATION EXPIRED"));
        Assert.Equal(DecisionStatus.Certified, OflcReader.Decision("DETERMINATION ISSUED - CERTIFICATION EXPIRED"));
        Assert.Equal(DecisionStatus.Certified, OflcReader.Decision("CERTIFIED"));
        Assert.Equal(DecisionStatus.PartiallyCertified, OflcReader.Decision("PARTIAL CERTIFIED"));
        Assert.Equal(DecisionStatus.Denied, OflcReader.Decision("DETERMINATION ISSUED - DENIED"));
        Assert.Equal(DecisionStatus.Withdrawn, OflcReader.Decision("Withdrawn"));
        Assert.Equal(DecisionStatus.Rejected, OflcReader.Decision("REJECTED"));
        Assert.Equal(DecisionStatus.Other, OflcReader.Decision("In process"));
    }

    [Fact]
    public void Read_RecruitersOfAppendixC_OneRecruiterPerRowInItsCountry()
    {
        var path = Files.Records("us-oflc-h2-history/H-2B_Appendix_C_FY2021.xlsx");
        var (rows, report) = Files.Read(path);

        var sheet = Files.Rows(path);
        var country = Array.IndexOf(sheet[0], "RECRUITER_EMPLOYER_COUNTRY");
        var data = sheet.Skip(1).Where(r => r.Any(c => c.Length > 0)).ToList();
        var withCountry = data.Count(r => r[country].Trim().Length > 0);
        Assert.Equal(RecordSource.OflcH2BRecruiters, report.Source);
        Assert.False(report.HasOccupations);
        Assert.Equal(data.Count, report.RowsRead);
        Assert.Equal(withCountry, report.RowsImported);
        Assert.Equal(data.Count - withCountry, report.RowsSkipped);
        Assert.Equal(withCountry, Files.Total(report, Measure.RecruitersDeclared));
        Assert.Equal(data.Count(r => r[country].Trim() == "MEXICO"), rows.Count(r => r.Recruiter!.Country == "MX"));
        Assert.All(rows, r => Assert.Equal("2020-10-01/P12M", r.Period.Code));
        var first = rows[0];
        Assert.Equal(new Organisation(OrganisationRole.Recruiter, "Vamos Juntos Alcanzndo Bienestar Asociacion", "MX", "MX-VER", "TLAPACOYAN"), first.Recruiter);
        Assert.Equal("H-400-20277-856930", first.CaseNumber);
    }

    // A new edition whose case number column, one of the three the publication is known by, is renamed and moved to the
    // end, with a column OFLC never published before it: FY2011 has joint-employer cases, so the counting rule (which
    // groups rows by case number) is only right if the named column is read as the case number.
    [Fact]
    public void Read_NewEditionWithTheCaseNumberRenamedAndMoved_IsRecognisedAndReadOnceTheColumnIsNamed()
    {
        const string name = "H-2A_FY2011_new_edition.xlsx";
        var path = Files.Records("us-oflc-h2-history/H-2A_FY2011.xlsx");
        using (var published = File.OpenRead(path))
        {
            Assert.Equal("CASE_NO", RecordFile.Inspect(published, "H-2A_FY2011.xlsx").Header[0]);
        }
        var edited = Workbooks.Reedited(path, "A", "Application number", "Reviewed by");

        // Recognised from its other columns, and refused until the column is named, naming the field and how to name it.
        var refused = Assert.Throws<RecordFileException>(() => Files.Read(edited, name));
        Assert.Equal("missing-column", refused.Reason);
        Assert.Equal("CASE_NUMBER", refused.Column);
        Assert.Equal(1, refused.Location.Row);
        Assert.Contains("US OFLC H-2A disclosure file", refused.Describe("en"), StringComparison.Ordinal);
        Assert.Contains("(case)", refused.Describe("en"), StringComparison.Ordinal);
        Assert.Contains("--column case=COLUMN", refused.Describe("en"), StringComparison.Ordinal);
        Assert.Contains("Falta la columna CASE_NUMBER", refused.Describe("es"), StringComparison.Ordinal);
        using (var stream = new MemoryStream(edited))
        {
            var inspection = RecordFile.Inspect(stream, name);
            Assert.Equal(RecordSource.OflcH2A, inspection.Source);
            Assert.Equal(["case"], Assert.Single(inspection.Missing));
            Assert.True(inspection.Fields.Single(f => f.Key == "case").Missing);
            Assert.DoesNotContain(inspection.Fields, f => f.Key != "case" && f.Missing);
            Assert.False(inspection.FoundColumns.ContainsKey("case"));
            Assert.Equal(["Reviewed by", "Application number"], inspection.Header.TakeLast(2));
        }

        // Named, the file reads as published: the same rows, cases, roles in joint applications, issues and totals.
        var (rows, report) = Files.Read(edited, name, new RecordReaderOptions { Columns = new Dictionary<string, string> { ["case"] = "Application number" } });
        var (originalRows, original) = Files.Read(path);
        Assert.Equal(RecordSource.OflcH2A, report.Source);
        Assert.Equal(original.RowsRead, report.RowsRead);
        Assert.Equal(original.RowsImported, report.RowsImported);
        Assert.Equal(originalRows.Select(r => (r.CaseNumber, r.ApplicationRole)), rows.Select(r => (r.CaseNumber, r.ApplicationRole)));
        Assert.Equal(original.IssuesByReason.OrderBy(i => i.Key), report.IssuesByReason.OrderBy(i => i.Key));
        Assert.Contains(original.IssuesByReason.Keys, k => k.Reason == "sub-application");
        foreach (var measure in new[] { Measure.WorkersRequested, Measure.WorkersCertified })
        {
            Assert.Equal(Files.Total(original, measure), Files.Total(report, measure));
        }
        Assert.Contains(report.Notes, n => n.En.Contains("Field case was read from column 'Application number'", StringComparison.Ordinal));

        // FY2011 has no SOC codes: the report says which columns the reader also reads were not in the file.
        var absent = Assert.Single(original.Notes, n => n.En.StartsWith("Columns this publication's reader also reads", StringComparison.Ordinal));
        Assert.Contains("SOC_CODE (soc)", absent.En, StringComparison.Ordinal);
        Assert.DoesNotContain("(certified)", absent.En, StringComparison.Ordinal);
    }
}
