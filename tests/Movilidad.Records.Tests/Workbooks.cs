using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Movilidad.Records.Tests;

/// <summary>Small workbooks written in memory for the tests: text cells as shared or inline strings, numbers as numbers.</summary>
internal static class Workbooks
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
}
