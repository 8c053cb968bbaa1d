using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Movilidad.Web.Features.LabourMarket;

/// <summary>
/// The explorer's table as an Excel workbook: one sheet, a bold header row in the reader's language, text cells inline
/// and values as numbers, written part by part with OpenXmlWriter so a large table never waits whole in memory.
/// </summary>
public static class LabourXlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Write(Stream output, string sheetName, IReadOnlyList<string> headers, IEnumerable<(IReadOnlyList<string?> Texts, decimal Value)> rows) =>
        WriteSheets(output, [(sheetName, rows.Select(r => (IReadOnlyList<object?>)[.. r.Texts, r.Value]).Prepend([.. headers]))]);

    /// <summary>A workbook of several sheets, each with its first row bold and frozen; a decimal is a number cell, anything else text.</summary>
    public static void WriteSheets(Stream output, IReadOnlyList<(string Name, IEnumerable<IReadOnlyList<object?>> Rows)> sheets)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var numbers = Enumerable.Range(1, sheets.Count).ToList();
        Raw(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"""
            + string.Concat(numbers.Select(n => $"""<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""")) + "</Types>");
        Raw(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Raw(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"""
            + string.Concat(numbers.Select(n => $"""<Relationship Id="rIdSheet{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{n}.xml"/>"""))
            + """<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>""");
        Part(zip, "xl/workbook.xml", writer => writer.WriteElement(new Workbook(new Sheets(numbers.Select(n => new Sheet { Name = sheets[n - 1].Name, SheetId = (uint)n, Id = $"rIdSheet{n}" })))));
        Part(zip, "xl/styles.xml", writer => writer.WriteElement(new Stylesheet(
            new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }), new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())),
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }),
            new CellFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }, new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, ApplyFont = true }))));
        foreach (var n in numbers)
        {
            Part(zip, $"xl/worksheets/sheet{n}.xml", writer =>
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteElement(new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }));
                writer.WriteStartElement(new SheetData());
                uint index = 1;
                foreach (var row in sheets[n - 1].Rows)
                {
                    writer.WriteStartElement(new Row { RowIndex = index });
                    foreach (var cell in row)
                    {
                        writer.WriteElement(cell is decimal value
                            ? new Cell { CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture)), DataType = CellValues.Number }
                            : Text(cell?.ToString() ?? string.Empty, index == 1 ? 1u : 0u));
                    }

                    writer.WriteEndElement();
                    index++;
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            });
        }
    }

    private static Cell Text(string text, uint style) => new(new InlineString(new Text(text))) { DataType = CellValues.InlineString, StyleIndex = style };

    private static void Raw(ZipArchive zip, string name, string xml)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        entry.Write(new UTF8Encoding(false).GetBytes(xml));
    }

    private static void Part(ZipArchive zip, string name, Action<OpenXmlWriter> write)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var writer = OpenXmlWriter.Create(entry);
        writer.WriteStartDocument(true);
        write(writer);
    }
}
