using System.Text;

namespace Movilidad.Records.Tests;

public class IlostatTests
{
    [Fact]
    public void Read_ModelledEstimates_ImportsGroupsInPersonsAndLeavesTotalsOut()
    {
        var path = Files.Records("ilostat-modelled-emp-by-occupation/emp_2emp_sex_ocu_nb_sex_t_selected.csv");
        var (rows, report) = Files.Read(path);

        var data = Files.Rows(path).Skip(1).ToList();
        var groups = data.Where(r => r[2] != "ocu_details_total").ToList();
        Assert.Equal(RecordSource.Ilostat, report.Source);
        Assert.Equal(data.Count, report.RowsRead);
        Assert.Equal(groups.Count, rows.Count);
        Assert.Equal(data.Count - groups.Count, report.IssuesByReason[(RowIssueKind.Skipped, "total-row")]);
        Assert.Equal(groups.Sum(r => Files.Number(r[4])) * 1000, Files.Total(report, Measure.Employment));
        Assert.Equal(11, rows.Select(r => r.Place.Country).Distinct().Count());
        Assert.Equal(["2015", "2019", "2024"], rows.Select(r => r.Period.Code).Distinct().Order());
        var guatemala = rows.First(r => r.Place.Country == "GT" && r.Occupation.Code == "1" && r.Period.Code == "2015");
        Assert.Equal(54_969m, guatemala.Values.Single().Value);
        Assert.Equal("GTM", guatemala.Place.CountryAlpha3);
        Assert.Equal("1", guatemala.Observations.Single().Isco08);
        // Group 96 merges ISCO-08 major groups 6 and 9: kept, without an ISCO-08 group.
        var merged = report.UnmappedCodes.Single();
        Assert.Equal("96", merged.Code);
        Assert.Equal(33, merged.Rows);
        Assert.Equal(Files.Total(report, Measure.Employment) - merged.Values[Measure.Employment], report.Totals.Single().Mapped);
    }

    [Fact]
    public void Read_SdmxCsvWithQuartersAndSexes_ReadsTotalsOfBothSexesInThousands()
    {
        var csv = """
            DATAFLOW,REF_AREA,FREQ,MEASURE,SEX,OCU,TIME_PERIOD,OBS_VALUE,UNIT_MULT
            ILO:DF_EMP_TEMP_SEX_OCU_NB(1.0),MEX,Q,EMP_TEMP_NB,SEX_T,OCU_ISCO08_6,2019-Q4,6123.5,3
            ILO:DF_EMP_TEMP_SEX_OCU_NB(1.0),MEX,Q,EMP_TEMP_NB,SEX_F,OCU_ISCO08_6,2019-Q4,1000,3
            ILO:DF_EMP_TEMP_SEX_OCU_NB(1.0),MEX,Q,EMP_TEMP_NB,SEX_T,OCU_ISCO08_TOTAL,2019-Q4,55000,3
            ILO:DF_EMP_TEMP_SEX_OCU_NB(1.0),MEX,Q,EMP_TEMP_NB,SEX_T,OCU_ISCO08_X,2019-Q4,12.5,3
            """;
        var (rows, report) = Files.Read(Encoding.UTF8.GetBytes(csv), "series.csv");

        Assert.Equal(2, rows.Count);
        Assert.Equal(6_123_500m, rows[0].Values.Single().Value);
        Assert.Equal("2019-Q4", rows[0].Period.Code);
        Assert.Equal("6", rows[0].Observations.Single().Isco08);
        Assert.Null(rows[1].Observations.Single().Isco08);
        Assert.Equal(1, report.IssuesByReason[(RowIssueKind.Skipped, "by-sex")]);
        Assert.Equal(1, report.IssuesByReason[(RowIssueKind.Skipped, "total-row")]);
    }
}
