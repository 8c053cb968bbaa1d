using System.Text;

namespace Movilidad.Records.Tests;

public class DetectionTests
{
    [Theory]
    [InlineData("canada-lmia-quarterly/positive_lmia_March-2024.xlsx", RecordSource.EsdcLmia)]
    [InlineData("canada-lmia-quarterly/positive_lmia_June-2019.csv", RecordSource.EsdcLmia)]
    [InlineData("us-oflc-h2-history/H-2B_FY2010.xlsx", RecordSource.OflcH2B)]
    [InlineData("us-oflc-h2-history/H-2A_FY14_Q4.xlsx", RecordSource.OflcH2A)]
    [InlineData("us-oflc-h2-history/H-2B_Appendix_C_FY2021.xlsx", RecordSource.OflcH2BRecruiters)]
    [InlineData("ilostat-modelled-emp-by-occupation/emp_2emp_sex_ocu_nb_sex_t_selected.csv", RecordSource.Ilostat)]
    public void Detect_FileUnderAMisleadingName_IsKnownByItsContent(string file, RecordSource source)
    {
        var bytes = File.ReadAllBytes(Files.Records(file));
        using var stream = new MemoryStream(bytes);

        Assert.Equal(source, RecordFile.Detect(stream, "H-2A_Disclosure_Data_FY17.csv"));
    }

    [Fact]
    public void Open_ExplicitSourceOfAnotherPublication_IsRefusedSayingWhatTheFileIs()
    {
        var error = Assert.Throws<RecordFileException>(() =>
            RecordFile.Open(Files.Records("canada-lmia-quarterly/positive_lmia_June-2019.csv"), new RecordReaderOptions { Source = RecordSource.OflcH2A }));

        Assert.Equal("source-mismatch", error.Reason);
        Assert.Contains("ESDC list of employers issued a positive LMIA (Canada), 2019-Q2", error.Problem.En, StringComparison.Ordinal);
        Assert.Contains("oflc-h2a", error.Problem.Es, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PERIODO,ID_FLUJO,FLUJO,VALOR_USD\n1995-01,1,Ingresos,100\n", "Banco de México")]
    [InlineData("Program,Entity Debarred,City,State,Start Date\nH-2A,Some Farm,Town,TX,2012-01-01\n", "debarred")]
    [InlineData("CASE_NUMBER,VISA_CLASS,CASE_STATUS,EMPLOYER_NAME,SOC_CODE,TOTAL_WORKER_POSITIONS\nI-200-19001-000001,H-1B,Certified,Acme,15-1132,1\n", "visa class 'H-1B'")]
    [InlineData("ref_area,sex,classif1,time,emp_2emp_sex_eco_nb\nmex,sex_t,eco_sector_agr,2019,6800\n", "ILOSTAT data that is not employment by occupation")]
    [InlineData("name,age\nAna,31\n", "a table whose columns are: name, age")]
    public void Open_FileOfAnotherPublication_IsRefusedSayingWhatItLooksLike(string csv, string looksLike)
    {
        var error = Assert.Throws<RecordFileException>(() => RecordFile.Open(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "datos.csv"));

        Assert.Equal("other-publication", error.Reason);
        Assert.Contains(looksLike, error.Problem.En, StringComparison.Ordinal);
        Assert.StartsWith("datos.csv: ", error.Describe("es"), StringComparison.Ordinal);
    }
}
