using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Movilidad.Records.Tests;

/// <summary>Small workbooks written in memory for the tests: text cells as shared or inline strings, numbers as numbers.</summary>
internal static partial class Workbooks
{
    public static byte[] Xlsx(string sheetName, params object?[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var index = new Dictionary<string, int>();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var reference = $"{(char)('A' + c)}{r + 1}";
                    switch (rows[r][c])
                    {
                        case null:
                            break;
                        case double or int or decimal:
                            row.Append(new Cell { CellReference = reference, CellValue = new CellValue(Convert.ToDouble(rows[r][c], System.Globalization.CultureInfo.InvariantCulture)) });
                            break;
                        case string text when c % 2 == 0:
                            if (!index.TryGetValue(text, out var i))
                            {
                                i = index[text] = index.Count;
                                strings.SharedStringTable.Append(new SharedStringItem(new Text(text)));
                            }
                            row.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(i) });
                            break;
                        case string text:
                            row.Append(new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) });
                            break;
                    }
                }
                data.Append(row);
            }
            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName }));
        }
        return stream.ToArray();
    }

    /// <summary>
    /// A shipped workbook as a new edition might publish it: on its first sheet, the cells of column <paramref name="column"/>
    /// moved after the last column, the header's renamed <paramref name="renamed"/>, with a column the publication never had
    /// (<paramref name="extra"/>, a value on every data row) before them. Every other cell stays as published: the sheet's XML
    /// is edited row by row as text, so that a sheet of thousands of rows is not loaded as a document.
    /// </summary>
    public static byte[] Reedited(string path, string column, string renamed, string extra)
    {
        using var stream = new MemoryStream();
        using (var file = File.OpenRead(path))
        {
            file.CopyTo(stream);
        }
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("xl/worksheets/sheet1.xml") ?? throw new InvalidOperationException($"{path} has no first sheet.");
            string xml;
            using (var reader = new StreamReader(entry.Open(), Encoding.UTF8))
            {
                xml = reader.ReadToEnd();
            }
            var last = SheetRow().Matches(xml).Take(1).SelectMany(m => CellReference().Matches(m.Groups["cells"].Value)).Max(c => ColumnIndex(c.Groups["column"].Value));
            var (added, moved) = (ColumnName(last + 1), ColumnName(last + 2));
            var columnCell = new Regex($@"<c r=""{column}\d+""[^>]*?(?:/>|>(?:(?!</c>).)*</c>)", RegexOptions.Singleline);
            var edited = SheetRow().Replace(xml, row =>
            {
                var number = row.Groups["number"].Value;
                var header = number == "1";
                var cells = row.Groups["cells"].Value;
                var cell = columnCell.Match(cells);
                var rest = cell.Success ? cells.Remove(cell.Index, cell.Length) : cells;
                var extraCell = Inline(added + number, header ? extra : "revised");
                var movedCell = header ? Inline(moved + number, renamed) : cell.Success ? cell.Value.Replace($@"r=""{column}{number}""", $@"r=""{moved}{number}""", StringComparison.Ordinal) : "";
                return $"{row.Groups["open"].Value}{rest}{extraCell}{movedCell}</row>";
            });
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open(), new UTF8Encoding(false));
            writer.Write(edited);
        }
        return stream.ToArray();
    }

    private static string Inline(string reference, string text) =>
        $@"<c r=""{reference}"" t=""inlineStr""><is><t>{System.Security.SecurityElement.Escape(text)}</t></is></c>";

    private static int ColumnIndex(string letters) => letters.Aggregate(0, (n, c) => n * 26 + c - 'A' + 1);

    private static string ColumnName(int index) => index <= 26 ? ((char)('A' + index - 1)).ToString() : ColumnName((index - 1) / 26) + (char)('A' + (index - 1) % 26);

    [GeneratedRegex(@"(?<open><row r=""(?<number>\d+)""(?:[^>/]|/(?!>))*>)(?<cells>.*?)</row>", RegexOptions.Singleline)]
    private static partial Regex SheetRow();

    [GeneratedRegex(@"<c r=""(?<column>[A-Z]+)\d+""")]
    private static partial Regex CellReference();
}
