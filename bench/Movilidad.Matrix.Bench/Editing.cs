using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Movilidad.Web.Features.Matrix;

namespace Movilidad.Matrix.Bench;

/// <summary>What a person does to rows before the re-import: types a new budget, with a decimal comma, as text, in every n-th row.</summary>
public static class Editing
{
    public static void ChangeBudgets(string exported, string edited, int every)
    {
        File.Copy(exported, edited, overwrite: true);
        using var document = SpreadsheetDocument.Open(edited, true);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().First();
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        var budget = MatrixColumns.IndexOf(MatrixColumns.Budget);
        var changed = 0;
        var seen = 0;
        foreach (var row in part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().Skip(1))
        {
            var cells = row.Elements<Cell>().ToList();
            if (cells[0].CellValue is null || seen++ % every != 0)
            {
                continue;
            }

            var cell = cells[budget];
            cell.CellValue = null;
            cell.DataType = CellValues.InlineString;
            cell.InlineString = new InlineString(new Text((1000 + changed).ToString(CultureInfo.InvariantCulture) + ",50"));
            changed++;
        }

        part.Worksheet.Save();
        Console.WriteLine($"Edited the budget of {changed:N0} rows.");
    }
}
