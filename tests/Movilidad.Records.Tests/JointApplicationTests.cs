namespace Movilidad.Records.Tests;

public class JointApplicationTests
{
    private static readonly object?[] Header =
        ["CASE_NUMBER", "DECISION_DATE", "VISA_CLASS", "CASE_STATUS", "EMPLOYER_NAME", "SOC_CODE", "NBR_WORKERS_REQUESTED", "NBR_WORKERS_CERTIFIED", "WORKSITE_STATE", "ORGANIZATION_FLAG", "PRIMARY/SUB"];

    private static object?[] Row(string number, string employer, int requested, int certified, string state, string? flag, string? primarySub) =>
        [number, 42894.5, "H-2A", "DETERMINATION ISSUED - CERTIFICATION", employer, "45-2093", requested, certified, state, flag, primarySub];

    [Fact]
    public void Read_SubApplicationsThatAddUpToTheirMaster_CountEachMemberInItsStateAndTheMasterNot()
    {
        var workbook = Workbooks.Xlsx("H-2A_FY2017",
            Header,
            Row("H-300-17001-000001", "WESTERN RANGE ASSOCIATION", 10, 10, "UT", "Association - Joint Employer (H-2A Only)", "PRI"),
            Row("H-300-17001-000001", "SHEEP RANCH ONE", 4, 4, "CA", null, "SUB"),
            Row("H-300-17001-000001", "SHEEP RANCH TWO", 6, 6, "ID", null, "SUB"));

        var (rows, report) = Files.Read(workbook, "joint.xlsx");

        Assert.Equal(10m, Files.Total(report, Measure.WorkersCertified));
        Assert.Equal(10m, Files.Total(report, Measure.WorkersRequested));
        Assert.Equal([ApplicationRole.Master, ApplicationRole.SubApplication, ApplicationRole.SubApplication], rows.Select(r => r.ApplicationRole));
        Assert.Empty(rows[0].Observations);
        Assert.All(rows[0].Values, v => Assert.False(v.Counted));
        Assert.Equal(4m, rows[1].Observations.Where(o => o.Measure == Measure.WorkersCertified).Sum(o => o.Value));
        Assert.Equal(["US-UT", "US-CA", "US-ID"], rows.Select(r => r.Place.Subdivision));
        Assert.Equal(1, report.IssuesByReason[(RowIssueKind.NotCounted, "carried-by-sub-applications")]);
    }

    [Fact]
    public void Read_SubApplicationsThatDoNotAddUp_TheMasterCountsTheCaseAndTheSubsNot()
    {
        var workbook = Workbooks.Xlsx("H-2A_FY2017",
            Header,
            Row("H-300-17001-000002", "GROWERS ASSOCIATION", 10, 8, "NC", "Association - Joint Employer (H-2A Only)", "PRI"),
            Row("H-300-17001-000002", "FARM ONE", 4, 4, "NC", null, "SUB"),
            Row("H-300-17001-000002", "FARM TWO", 5, 5, "VA", null, "SUB"));

        var (rows, report) = Files.Read(workbook, "joint.xlsx");

        Assert.Equal(10m, Files.Total(report, Measure.WorkersRequested));
        Assert.Equal(8m, Files.Total(report, Measure.WorkersCertified));
        Assert.All(rows.Skip(1), r => Assert.Empty(r.Observations));
        Assert.All(rows.Skip(1), r => Assert.All(r.Values, v => Assert.Contains("row 2", v.NotCountedBecause!.En, StringComparison.Ordinal)));
        Assert.Equal(2, report.IssuesByReason[(RowIssueKind.NotCounted, "sub-application")]);
    }

    [Fact]
    public void Read_OlderFileWithoutPrimarySubColumn_TellsSubApplicationsByTheirEmptyOrganizationFlag()
    {
        var header = Header[..^1];
        var workbook = Workbooks.Xlsx("H-2A_FY2012",
            header,
            Row("C-11130-29271", "WESTERN RANGE ASSOCIATION", 7, 7, "UT", "A", null)[..^1],
            Row("C-11130-29271", "FAULKNER LAND", 4, 4, "ID", null, null)[..^1],
            Row("C-11130-29271", "F.I.M.", 2, 2, "NV", null, null)[..^1],
            Row("C-11046-27747", "STAN WARD FARM", 2, 2, "ID", "S", null)[..^1],
            Row("C-11046-27748", "A FARM WITHOUT FLAG", 3, 3, "ID", null, null)[..^1]);

        var (rows, report) = Files.Read(workbook, "old.xlsx");

        // 7 once (the subs add up to 6, not 7: the master counts), 2 and 3 for the two cases of their own.
        Assert.Equal(12m, Files.Total(report, Measure.WorkersCertified));
        Assert.Equal([ApplicationRole.Master, ApplicationRole.SubApplication, ApplicationRole.SubApplication, ApplicationRole.Single, ApplicationRole.Single], rows.Select(r => r.ApplicationRole));
    }

    [Fact]
    public void Read_CaseSeparatedFromItsFirstRows_IsNotCountedAgain()
    {
        var workbook = Workbooks.Xlsx("H-2A_FY2017",
            Header,
            Row("H-300-17001-000003", "FARM A", 5, 5, "FL", "Individual Employer", "PRI"),
            Row("H-300-17001-000004", "FARM B", 2, 2, "FL", "Individual Employer", "PRI"),
            Row("H-300-17001-000003", "FARM A", 5, 5, "FL", "Individual Employer", "PRI"));

        var (rows, report) = Files.Read(workbook, "repeat.xlsx");

        Assert.Equal(7m, Files.Total(report, Measure.WorkersCertified));
        Assert.Empty(rows[2].Observations);
        Assert.Contains("row 2", report.Issues.Single(i => i.Reason == "case-repeated").Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_IdenticalRowsOfOneCase_CountOnce()
    {
        var workbook = Workbooks.Xlsx("H-2B_FY2014",
            ["CASE_NUMBER", "RECENT_DECISION_DATE", "VISA_CLASS", "CASE_STATUS", "EMPLOYER_NAME", "SOC_CODE", "NBR_WORKERS_CERTIFIED", "ALIEN_WORK_STATE"],
            ["H-400-13270-125941", 41571, "H-2B", "Certification Expired", "NEW YORK PREMIER SOCCER, LLC", "27-2022", 35, "NY"],
            ["H-400-13270-125941", 41571, "H-2B", "Certification Expired", "NEW YORK PREMIER SOCCER, LLC", "27-2022", 35, "NY"]);

        var (_, report) = Files.Read(workbook, "h2b.xlsx");

        Assert.Equal(RecordSource.OflcH2B, report.Source);
        Assert.Equal(35m, Files.Total(report, Measure.WorkersCertified));
        Assert.Equal(1, report.IssuesByReason[(RowIssueKind.NotCounted, "duplicate-row")]);
    }
}
