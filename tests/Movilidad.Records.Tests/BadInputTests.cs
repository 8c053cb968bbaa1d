using System.IO.Compression;
using System.Text;

namespace Movilidad.Records.Tests;

public class BadInputTests
{
    private const string Title = "\"Employers Who Were Issued a Positive Labour Market Impact Assessment (LMIA) by Program Stream, National Occupational Classification (NOC) 2011 and Business Location, January to March 2024\",,,,,";

    private static byte[] Lmia(Encoding encoding, params string[] rows) =>
        encoding.GetPreamble().Concat(encoding.GetBytes(string.Join("\r\n", rows) + "\r\n")).ToArray();

    [Fact]
    public void Open_MissingColumn_NamesTheColumnAndTheHeaderRow()
    {
        var bytes = Lmia(new UTF8Encoding(false), Title,
            "Province/Territory,Program Stream,Employer,Address,Occupation,Approved LMIAs",
            "Ontario,Low Wage,Example Farms,\"Leamington, ON N8H 1A1\",8611-Harvesting labourers,3");

        var error = Assert.Throws<RecordFileException>(() => Files.Read(bytes, "lista.csv"));

        Assert.Equal("missing-column", error.Reason);
        Assert.Equal("APPROVED_POSITIONS", error.Column);
        Assert.Equal(2, error.Location.Row);
        Assert.StartsWith("lista.csv, fila 2, columna «APPROVED_POSITIONS»: Falta la columna", error.Describe("es"), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TextInANumberColumn_SkipsTheRowNamingRowAndColumn()
    {
        var bytes = Lmia(new UTF8Encoding(false), Title,
            "Province/Territory,Program Stream,Employer,Address,Occupation,Approved Positions",
            "Ontario,Low Wage,Example Farms,\"Leamington, ON N8H 1A1\",8611-Harvesting labourers,three",
            "Ontario,Low Wage,Other Farms,\"Leamington, ON N8H 1A1\",8611-Harvesting labourers,4");

        var (rows, report) = Files.Read(bytes, "lista.csv");

        Assert.Single(rows);
        var issue = Assert.Single(report.Issues);
        Assert.Equal(RowIssueKind.Skipped, issue.Kind);
        Assert.Equal("not-a-number", issue.Reason);
        Assert.Equal(3, issue.Location.Row);
        Assert.Equal("Approved Positions", issue.Column);
        Assert.Equal("lista.csv, row 3, column 'Approved Positions': 'three' is not a number; write digits only.", issue.Describe("en"));
    }

    [Fact]
    public void Read_UnknownOccupationCode_IsImportedAndListedAsUnmapped()
    {
        var bytes = Lmia(new UTF8Encoding(false), Title,
            "Province/Territory,Program Stream,Employer,Address,Occupation,Approved Positions",
            "Ontario,Low Wage,Example Farms,\"Leamington, ON N8H 1A1\",9999-Unknown occupation,3",
            "Ontario,Low Wage,Example Farms,\"Leamington, ON N8H 1A1\",8611-Harvesting labourers,5");

        var (rows, report) = Files.Read(bytes, "lista.csv");

        Assert.Equal(2, rows.Count);
        var unmapped = Assert.Single(report.UnmappedCodes);
        Assert.Equal(("9999", "Unknown occupation", 1, 3m), (unmapped.Code, unmapped.Title, unmapped.Rows, unmapped.Values[Measure.PositionsApproved]));
        Assert.Equal(0.625, report.Totals.Single().ShareMapped, 6);
    }

    [Fact]
    public void Read_DateThatIsNotADate_SkipsTheRowNamingTheColumn()
    {
        var workbook = Workbooks.Xlsx("H-2B_FY2018",
            ["CASE_NUMBER", "DECISION_DATE", "VISA_TYPE", "CASE_STATUS", "EMPLOYER_NAME", "SOC_CODE", "NBR_WORKERS_REQUESTED", "NBR_WORKERS_CERTIFIED", "EMPLOYEE_WORK_STATE"],
            ["H-400-17156-311783", "next week", "H-2B", "Certification", "Superior Midway Games", "49-9098", 12, 12, "FL"],
            ["H-400-17156-311784", "3/15/2018", "H-2B", "Certification", "Superior Midway Games", "49-9098", 2, 2, "FL"]);

        var (rows, report) = Files.Read(workbook, "h2b.xlsx");

        var row = Assert.Single(rows);
        Assert.Equal("2018-Q1", row.Period.Code);
        var issue = report.Issues.Single(i => i.Kind == RowIssueKind.Skipped);
        Assert.Equal(("not-a-date", "DECISION_DATE", 2, "H-2B_FY2018"), (issue.Reason, issue.Column, issue.Location.Row, issue.Location.Sheet));
    }

    [Fact]
    public void Read_Latin1AndUtf8WithBom_AreDetectedAndDecoded()
    {
        string[] lines =
        [
            Title,
            "Province/Territory,Program Stream,Employer,Address,Occupation,Approved Positions",
            "Quebec,Primary Agriculture,Ferme Légumière Côté,\"Mirabel, QC J7J 1A1\",8431-General farm workers,5",
        ];
        var (latinRows, latin) = Files.Read(Lmia(Encoding.Latin1, lines), "liste.csv");
        var (utf8Rows, utf8) = Files.Read(Lmia(new UTF8Encoding(true), lines), "liste.csv");

        Assert.Equal("Windows-1252", latin.Encoding);
        Assert.Equal("UTF-8 (BOM)", utf8.Encoding);
        Assert.Equal("Ferme Légumière Côté", latinRows.Single().Employer!.Name);
        Assert.Equal("Ferme Légumière Côté", utf8Rows.Single().Employer!.Name);
        Assert.Equal(1, utf8.HeaderRow - 1);
    }

    [Fact]
    public void Open_CorruptWorkbook_IsRefusedAsDamaged()
    {
        var real = File.ReadAllBytes(Files.Records("canada-lmia-quarterly/positive_lmia_September-2021.xlsx"));
        var truncated = real[..(real.Length / 2)];

        var error = Assert.Throws<RecordFileException>(() => Files.Read(truncated, "lista.xlsx"));

        Assert.Equal("corrupt", error.Reason);
        Assert.Contains("damaged", error.Problem.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_PasswordProtectedWorkbook_IsRefusedSayingHowToRemoveThePassword()
    {
        // Written by LibreOffice with the password "secret" (Excel 97-2003 format, RC4 encryption).
        var error = Assert.Throws<RecordFileException>(() => Files.Read(File.ReadAllBytes(Files.Fixture("encrypted.xls")), "protegido.xls"));

        Assert.Equal("encrypted", error.Reason);
        Assert.Contains("contraseña", error.Problem.Es, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_EncryptedOfficeOpenXmlContainer_IsRefusedAsPasswordProtected()
    {
        // Excel saves a password-protected .xlsx as an OLE compound file holding EncryptionInfo and EncryptedPackage.
        var error = Assert.Throws<RecordFileException>(() => Files.Read(CompoundFile.With("EncryptionInfo", "EncryptedPackage"), "protegido.xlsx"));

        Assert.Equal("encrypted", error.Reason);
    }

    [Fact]
    public void Read_LegacyExcelWorkbook_IsReadLikeAnXlsx()
    {
        // The same list saved by LibreOffice as Excel 97-2003 (.xls).
        var (rows, report) = Files.Read(File.ReadAllBytes(Files.Fixture("legacy.xls")), "lista.xls");

        Assert.Equal(("xls", RecordSource.EsdcLmia, 2, 8m), (report.Format, report.Source, rows.Count, Files.Total(report, Measure.PositionsApproved)));
        Assert.Equal("2024-Q1", rows[0].Period.Code);
    }

    [Fact]
    public void Open_ZipBomb_IsRefusedWithoutInflatingIt()
    {
        // 300 MB of one repeated byte compresses to about 300 KB: a ratio of 1,000 to 1.
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var block = new byte[1 << 20];
            Array.Fill(block, (byte)' ');
            for (var i = 0; i < 300; i++)
            {
                entry.Write(block);
            }
        }

        var error = Assert.Throws<RecordFileException>(() => Files.Read(stream.ToArray(), "bomba.xlsx"));

        Assert.Equal("zip-bomb", error.Reason);
        Assert.Contains("ZIP bomb", error.Problem.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_ZipEntryThatLiesAboutItsSize_IsRefusedOnceItInflatesBeyondIt()
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry("xl/sharedStrings.xml", CompressionLevel.SmallestSize).Open();
            entry.Write(new byte[4 << 20]);
        }
        var bytes = stream.ToArray();
        // Declare 100 bytes in the local header (offset 22) and the central directory entry (offset 24).
        BitConverter.GetBytes(100).CopyTo(bytes, 22);
        var central = bytes.AsSpan().LastIndexOf("PK\u0001\u0002"u8);
        BitConverter.GetBytes(100).CopyTo(bytes, central + 24);

        var error = Assert.Throws<RecordFileException>(() => Files.Read(bytes, "miente.xlsx"));

        Assert.Contains(error.Reason, new[] { "zip-bomb", "corrupt" });
    }

    [Fact]
    public void Open_FileOverTheSizeLimit_IsRefused()
    {
        var error = Assert.Throws<RecordFileException>(() =>
            Files.Read(Files.Records("canada-lmia-quarterly/positive_lmia_June-2019.csv"), new RecordReaderOptions { MaxFileBytes = 100_000 }));

        Assert.Equal("too-large", error.Reason);
        Assert.Contains("0.1 MB", error.Problem.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_EmptyAndBinaryFiles_AreRefusedWithAReason()
    {
        Assert.Equal("empty", Assert.Throws<RecordFileException>(() => Files.Read([], "nada.csv")).Reason);
        Assert.Equal("unsupported-format", Assert.Throws<RecordFileException>(() => Files.Read([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 1], "foto.png")).Reason);
    }

    // Whatever bytes a file holds, reading it either works or fails with a RecordFileException: never another exception.
    [Fact]
    public void Read_DamagedCopiesOfRealFiles_NeverThrowAnythingButRecordFileException()
    {
        var random = new Random(20261206);
        var sources = new[]
        {
            File.ReadAllBytes(Files.Records("canada-lmia-quarterly/positive_lmia_September-2021.xlsx")),
            File.ReadAllBytes(Files.Records("canada-lmia-quarterly/positive_lmia_September-2018.csv")),
            File.ReadAllBytes(Files.Fixture("legacy.xls")),
        };
        for (var i = 0; i < 60; i++)
        {
            var bytes = (byte[])sources[i % sources.Length].Clone();
            for (var j = 0; j < 1 + (i % 5); j++)
            {
                var at = random.Next(bytes.Length);
                var length = Math.Min(bytes.Length - at, random.Next(1, 64));
                random.NextBytes(bytes.AsSpan(at, length));
            }
            var outcome = Record.Exception(() => Files.Read(bytes, $"damaged-{i}"));
            Assert.True(outcome is null or RecordFileException, $"copy {i}: {outcome}");
        }
    }
}
