using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Movilidad.Web.Tests.Features.Matrix;

/// <summary>An exported matrix opened with OpenXml, as a person would edit it: find a row by activity and country, type into a cell, save.</summary>
public sealed class MatrixWorkbook : IDisposable
{
    private readonly MemoryStream stream;
    private readonly SpreadsheetDocument document;

    public MatrixWorkbook(byte[] bytes)
    {
        stream = new MemoryStream();
        stream.Write(bytes);
        stream.Position = 0;
        document = SpreadsheetDocument.Open(stream, true);
    }

    public SpreadsheetDocument Document => document;

    public WorkbookPart Workbook => document.WorkbookPart!;

    public IReadOnlyList<Sheet> Sheets => Workbook.Workbook.Sheets!.Elements<Sheet>().ToList();

    public Worksheet Sheet(string name) => ((WorksheetPart)Workbook.GetPartById(Sheets.Single(s => s.Name == name).Id!)).Worksheet;

    public Worksheet Matrix => ((WorksheetPart)Workbook.GetPartById(Sheets[0].Id!)).Worksheet;

    public IReadOnlyList<Row> Rows => Matrix.GetFirstChild<SheetData>()!.Elements<Row>().ToList();

    public string Text(Cell cell) => cell.DataType?.Value switch
    {
        CellValues.InlineString => cell.InlineString!.InnerText,
        CellValues.SharedString => Workbook.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ElementAt(int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)).InnerText,
        _ => cell.CellValue?.Text ?? string.Empty,
    };

    public IReadOnlyList<string> Headers => Rows[0].Elements<Cell>().Select(Text).ToList();

    public int Column(string header) => Headers.ToList().IndexOf(header) is var i and >= 0 ? i : throw new ArgumentException($"No column {header}.");

    public Row Row(int activityId, string country) => Rows.Single(r =>
    {
        var cells = r.Elements<Cell>().ToList();
        return cells.Count > 1 && Text(cells[0]) == activityId.ToString(CultureInfo.InvariantCulture) && Text(cells[1]) == country;
    });

    public string Value(int activityId, string country, string header) => Text(Row(activityId, country).Elements<Cell>().ElementAt(Column(header)));

    /// <summary>Types text into a cell (as a shared string when asked, as Excel saves it).</summary>
    public void Type(int activityId, string country, string header, string text, bool shared = false)
    {
        var cell = Row(activityId, country).Elements<Cell>().ElementAt(Column(header));
        cell.CellValue = null;
        cell.InlineString = null;
        if (shared)
        {
            var part = Workbook.SharedStringTablePart ?? Workbook.AddNewPart<SharedStringTablePart>();
            part.SharedStringTable ??= new SharedStringTable();
            part.SharedStringTable.AppendChild(new SharedStringItem(new Text(text)));
            cell.DataType = CellValues.SharedString;
            cell.CellValue = new CellValue((part.SharedStringTable.Elements<SharedStringItem>().Count() - 1).ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            cell.DataType = CellValues.InlineString;
            cell.InlineString = new InlineString(new Text(text));
        }
    }

    /// <summary>Types a number, as Excel stores what it recognises as a number or a date.</summary>
    public void Number(int activityId, string country, string header, double value)
    {
        var cell = Row(activityId, country).Elements<Cell>().ElementAt(Column(header));
        cell.InlineString = null;
        cell.DataType = null;
        cell.CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Types into a line or action heading row (one with no activity id).</summary>
    public void TypeInHeading(string header, string text)
    {
        var row = Rows.Skip(1).First(r => Text(r.Elements<Cell>().First()).Length == 0);
        var cell = row.Elements<Cell>().ElementAt(Column(header));
        cell.DataType = CellValues.InlineString;
        cell.InlineString = new InlineString(new Text(text));
    }

    public byte[] Save()
    {
        foreach (var part in Workbook.WorksheetParts)
        {
            part.Worksheet.Save();
        }

        Workbook.SharedStringTablePart?.SharedStringTable.Save();
        document.Dispose();
        return stream.ToArray();
    }

    public void Dispose()
    {
        document.Dispose();
        stream.Dispose();
    }
}
