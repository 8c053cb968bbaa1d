using Movilidad.Platform.Recruiters;
using Movilidad.Records;
using Movilidad.Web.Tests.Features.LabourMarket;

namespace Movilidad.Web.Tests.Features.Recruiters;

/// <summary>
/// Name matching on the real files: the OFLC debarment list shipped in <c>data/recruiters/</c> and the recruiters declared
/// in the H-2B Appendix C FY2021 file. Pairs that must match are names as the files write them; pairs that must not are
/// different organisations whose names share words.
/// </summary>
public sealed class RecruiterNamesTests
{
    private static readonly Lazy<IReadOnlyList<string>> AppendixC = new(() =>
    {
        using var read = RecordFile.Open(RecordFiles.PathOf("us-oflc-h2-history/H-2B_Appendix_C_FY2021.xlsx"));
        return read.Rows.Select(r => r.Recruiter?.Name).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
    });

    private static readonly Lazy<IReadOnlyList<DebarmentRow>> Debarments = new(() => DebarmentFile.Read(DebarmentPath));

    public static string DebarmentPath => Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(RecordFiles.PathOf("x"))!)!, "recruiters", "us-h2-debarments", "debarments-2010-2014.csv");

    // Each pair is written as the real files write them (Appendix C unless said).
    [Theory]
    [InlineData("Del Al Associates, Inc.", "DEL AL ASSOCIATES INC.")]
    [InlineData("Del-Al Associates, Inc..", "Del Al Associates Inc.")]
    [InlineData("Del Al & Associates, Inc.", "Del Al Associates, Inc")]
    [InlineData("Delal Mexico, S de RL de CV", "DelAl Mexico, S DE RL de CV")]
    [InlineData("Del Al Mexico, S de RL de CV", "Delal Mexico, s de RL de CV")]
    [InlineData("Asesores Consulares Integrales", "Asesores Consulares Integrales S.A. de C.V.")]
    [InlineData("Asesores Consulares Integrales S.A.", "Asesores Consulares Integrales S.A. de C.V.")]
    [InlineData("Asistencia Jurídica GM", "Asistencia Juridica GM")]
    [InlineData("Labormex, LLC", "LaborMex LLC")]
    [InlineData("Labormex", "LaborMex, LLC")]
    [InlineData("J & H Recruiting Agency", "J&H Recruiting Agency")]
    [InlineData("Branislav Hruz CO LPA", "Branislav Hruz CO. L.P.A.")]
    [InlineData("Couch Application Service Assistance LLC - FLC", "Couch Application Service Assistance, LLC.")]
    [InlineData("Esperanza H2 Processing S.A. de C.V", "Esperanza H2 Processing S.A. de C.V.")]
    [InlineData("A way to Explore (Pty) Ltd", "A Way to Explore")]
    [InlineData("United Work and Travel - Serbia", "United Work and Travel Serbia")]
    [InlineData("The JTP Agency", "JTP Agency")]
    [InlineData("MTL International Services Corp.", "MTL Intl Services Corp")]
    [InlineData("Eagle Creek Farms, Inc.", "Eagle Creek Farms")] // debarment list: listed twice
    public void SameOrganisation_SameMatchKey(string a, string b) =>
        Assert.Equal(RecruiterNames.MatchKey(a), RecruiterNames.MatchKey(b));

    [Theory]
    [InlineData("Del Al Associates, Inc.", "Del Al Mexico, S de RL de CV")]
    [InlineData("Labormex", "H2 Labormex LLC")]
    [InlineData("J&H Recruiting Agency", "J&H Business Centre")]
    [InlineData("MTL International", "MTL International Services Corp.")]
    [InlineData("Global Horizons Manpower, Inc.", "Global Labor Services, LLC")]
    [InlineData("Midway Rides of Utica", "Myers International Midways, Inc.")]
    [InlineData("E-JAM", "JAM")]
    [InlineData("Asesores Consulares Integrales", "Asistencia Juridica GM")]
    [InlineData("Beatriz Coronado", "Beatriz Coronado Mata")]
    public void DifferentOrganisations_DoNotMatch(string a, string b)
    {
        var (ka, kb) = (RecruiterNames.MatchKey(a), RecruiterNames.MatchKey(b));
        Assert.NotEqual(ka, kb);
        Assert.True(RecruiterNames.Similarity(ka, kb) < RecruiterNames.DuplicateThreshold, $"{a} / {b}: {RecruiterNames.Similarity(ka, kb)}");
    }

    [Theory]
    [InlineData("Del All Associates, Inc.", "Del Al Associates, Inc.")]
    [InlineData("ADNIL SERIVCES, INC", "Adnil Services, Inc.")]
    public void Typos_AreProposedNotMatched(string a, string b)
    {
        var (ka, kb) = (RecruiterNames.MatchKey(a), RecruiterNames.MatchKey(b));
        Assert.NotEqual(ka, kb);
        Assert.True(RecruiterNames.Similarity(ka, kb) >= RecruiterNames.DuplicateThreshold);
    }

    [Fact]
    public void AppendixC_VariantsOfOneAgencyCollapseToOneKey()
    {
        var delAl = AppendixC.Value.Where(n => RecruiterNames.Spelling(n).StartsWith("DEL AL ASSOCIATES", StringComparison.Ordinal)
            || RecruiterNames.Spelling(n).StartsWith("DEL AL  ASSOCIATES", StringComparison.Ordinal)).ToList();
        Assert.True(delAl.Count >= 8, string.Join(" | ", delAl));
        Assert.Single(delAl.Select(RecruiterNames.MatchKey).Distinct());
        Assert.Contains("Del Al & Associates, Inc.", AppendixC.Value);
    }

    [Fact]
    public void AppendixC_FewerKeysThanSpellings()
    {
        var names = AppendixC.Value;
        var spellings = names.Select(RecruiterNames.Spelling).Distinct().Count();
        var keys = names.Select(RecruiterNames.MatchKey).Distinct().Count();
        Assert.True(names.Count > 250, $"{names.Count} names");
        Assert.True(spellings < names.Count && keys < spellings, $"{names.Count} names, {spellings} spellings, {keys} keys");
    }

    [Fact]
    public void DebarmentList_ReadsEveryRowWithDatesAndPlaces()
    {
        var rows = Debarments.Value;
        Assert.Equal(141, rows.Count);
        Assert.All(rows, r => Assert.NotNull(r.Start));
        Assert.Contains(rows, r => r.Name == "R&K Doyle Harvesting Ltd." && r.Country == "CA" && r.Subdivision is null);
        Assert.Contains(rows, r => r.Name == "Harold B. Blach" && r.Subdivision == "US-CA" && r.Start == new DateOnly(2011, 1, 6) && r.End == new DateOnly(2013, 1, 5));
        Assert.Equal(["Charles Hass DBA H&R Farms", "Charles Hass", "H&R Farms"], RecruiterNames.Parts("Charles Hass DBA H&R Farms"));
        Assert.Equal(["W.R.K., INC. D.B.A. Texas Farm Stores", "W.R.K., INC.", "Texas Farm Stores"], RecruiterNames.Parts("W.R.K., INC. D.B.A. Texas Farm Stores"));
        Assert.Equal(RecruiterNames.MatchKey("WRK Inc"), RecruiterNames.MatchKey("W.R.K., INC"));
        Assert.Equal(["Valentin Barrera d/b/a Val's Construction", "Valentin Barrera", "Val's Construction"], RecruiterNames.Parts("Valentin Barrera d/b/a Val's Construction"));
    }

    [Fact]
    public void DebarmentFile_WithAMovedColumn_ReadsTheSame()
    {
        var lines = File.ReadAllLines(DebarmentPath);
        var swapped = lines.Select(SwapFirstTwo).ToArray();
        var rows = DebarmentFile.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", swapped))), "moved.csv");
        Assert.Equal(Debarments.Value.Select(r => (r.Name, r.Programme, r.Start)), rows.Select(r => (r.Name, r.Programme, r.Start)));
    }

    [Fact]
    public void DebarmentFile_WithARenamedColumn_IsRefusedNamingIt()
    {
        var text = File.ReadAllText(DebarmentPath).Replace("Entity Debarred", "Debarred Party", StringComparison.Ordinal);
        var error = Assert.Throws<DebarmentFileException>(() => DebarmentFile.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), "changed.csv"));
        Assert.Contains("changed.csv", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Entity Debarred' is missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Debarred Party'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DebarmentFile_WithABadDate_NamesLineAndColumn()
    {
        var text = File.ReadAllText(DebarmentPath).Replace("2011-01-06", "6th January", StringComparison.Ordinal);
        var error = Assert.Throws<DebarmentFileException>(() => DebarmentFile.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), "dates.csv"));
        Assert.Contains("dates.csv, line 2, column 'Start Date': '6th January' is not a date", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_OfHostileInput_AreBounded()
    {
        Assert.Equal("SCRIPTALERT1SCRIPT", RecruiterNames.MatchKey("<script>alert(1)</script>"));
        Assert.Equal(10_000, RecruiterNames.MatchKey(new string('a', 10_000)).Length);
        Assert.Equal(string.Empty, RecruiterNames.MatchKey("..., ;"));
    }

    private static string SwapFirstTwo(string line)
    {
        // The first two columns (Program, Entity Debarred) hold no quotes in the header; names may be quoted.
        var first = line.IndexOf(',', StringComparison.Ordinal);
        var rest = line[(first + 1)..];
        var second = rest.StartsWith('"') ? rest.IndexOf("\",", 1, StringComparison.Ordinal) + 1 : rest.IndexOf(',', StringComparison.Ordinal);
        return rest[..second] + "," + line[..first] + rest[second..];
    }
}
