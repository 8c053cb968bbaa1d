using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using Movilidad.Platform.Monitoring;

namespace Movilidad.Web.Features.Matrix;

/// <summary>What the export wrote besides the rows, to be read back at import.</summary>
public static class MatrixFormat
{
    public const string Name = "movilidad.follow-up-matrix/1";
    public const string ExportSheet = "Export";
    public const string ListsSheet = "Lists";
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The first row of the row stamps in the export sheet: activity id, country, version, stamp of the editable values.</summary>
    public const int StampsFirstRow = 8;
}

/// <summary>
/// The follow-up matrix as an Excel workbook, written part by part with the SAX writer (OpenXmlWriter) straight to
/// the output stream: the rows grouped under their line and action (outline levels), drop-down lists for coded
/// columns, the sheet protected except the editable columns, and a hidden sheet with what the import needs to find
/// conflicts (each row's version and a stamp of its editable values).
/// </summary>
public static class FollowUpMatrix
{
    private static class Style
    {
        public const uint Header = 1;
        public const uint Locked = 2;
        public const uint EditableText = 3;
        public const uint EditableDate = 4;
        public const uint EditableAmount = 5;
        public const uint LockedAmount = 6;
        public const uint LockedInteger = 7;
        public const uint LineRow = 8;
        public const uint ActionRow = 9;
        public const uint LockedDate = 10;
    }

    public static string FileName(MatrixLanguage language, DateTime exportedAt) =>
        $"{language["Matrix.FileName"]}-{exportedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.xlsx";

    /// <summary>
    /// Writes the workbook to <paramref name="output"/>, which need not be seekable (a response body): the package
    /// (a zip) is written entry by entry, each part with OpenXmlWriter, so nothing waits in memory for the end.
    /// </summary>
    public static void ToExcel(Stream output, IReadOnlyList<MatrixRow> rows, MatrixLists lists, MatrixLanguage language, MatrixFilter filter, DateTime exportedAt)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Raw(zip, "[Content_Types].xml", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>{string.Concat(Enumerable.Range(1, 3).Select(i => $"<Override PartName=\"/xl/worksheets/sheet{i}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"))}</Types>
            """);
        Raw(zip, "_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """);
        Raw(zip, "xl/_rels/workbook.xml.rels", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{string.Concat(Enumerable.Range(1, 3).Select(i => $"<Relationship Id=\"rIdSheet{i}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{i}.xml\"/>"))}<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
            """);
        Part(zip, "xl/workbook.xml", writer =>
        {
            writer.WriteStartElement(new Workbook());
            writer.WriteStartElement(new Sheets());
            writer.WriteElement(new Sheet { Name = language["Matrix.SheetName"], SheetId = 1, Id = "rIdSheet1" });
            writer.WriteElement(new Sheet { Name = MatrixFormat.ListsSheet, SheetId = 2, Id = "rIdSheet2", State = SheetStateValues.Hidden });
            writer.WriteElement(new Sheet { Name = MatrixFormat.ExportSheet, SheetId = 3, Id = "rIdSheet3", State = SheetStateValues.Hidden });
            writer.WriteEndElement();
            writer.WriteEndElement();
        });
        Part(zip, "xl/styles.xml", WriteStyles);
        Part(zip, "xl/worksheets/sheet1.xml", writer => WriteMatrix(writer, rows, lists, language));
        Part(zip, "xl/worksheets/sheet2.xml", writer => WriteLists(writer, lists));
        Part(zip, "xl/worksheets/sheet3.xml", writer => WriteExport(writer, rows, language, filter, exportedAt));
    }

    private static void Raw(ZipArchive zip, string name, string xml)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        entry.Write(new UTF8Encoding(false).GetBytes(xml.Trim()));
    }

    private static void Part(ZipArchive zip, string name, Action<OpenXmlWriter> write)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var writer = OpenXmlWriter.Create(entry);
        writer.WriteStartDocument(true);
        write(writer);
    }

    private static void WriteStyles(OpenXmlWriter writer)
    {
        static Fill Solid(string rgb) => new(new PatternFill(new ForegroundColor { Rgb = rgb }) { PatternType = PatternValues.Solid });
        static CellFormat Format(uint font, uint fill, uint numberFormat, bool locked, bool wrap = false) => new(
            new Alignment { WrapText = wrap, Vertical = VerticalAlignmentValues.Top },
            new Protection { Locked = locked })
        {
            FontId = font, FillId = fill, NumberFormatId = numberFormat, BorderId = 0, ApplyFont = true, ApplyFill = true,
            ApplyNumberFormat = numberFormat != 0, ApplyProtection = true, ApplyAlignment = true,
        };

        var stylesheet = new Stylesheet(
            new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }), new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                Solid("FFD9E2F3"), Solid("FFFFF5CC"), Solid("FFE7E6E6")),
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())),
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }),
            new CellFormats(
                new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 },
                Format(1, 2, 0, locked: true, wrap: true),
                Format(0, 0, 0, locked: true),
                Format(0, 3, 0, locked: false),
                Format(0, 3, 14, locked: false),
                Format(0, 3, 4, locked: false),
                Format(0, 0, 4, locked: true),
                Format(0, 0, 1, locked: true),
                Format(1, 4, 0, locked: true),
                Format(1, 0, 0, locked: true),
                Format(0, 0, 14, locked: true)));
        writer.WriteElement(stylesheet);
    }

    private static void WriteMatrix(OpenXmlWriter writer, IReadOnlyList<MatrixRow> rows, MatrixLists lists, MatrixLanguage language)
    {
        var columns = MatrixColumns.All;
        var lineColumn = MatrixColumns.IndexOf("line");
        var actionColumn = MatrixColumns.IndexOf("action");
        var titleColumn = MatrixColumns.IndexOf("title");
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetProperties(new OutlineProperties { SummaryBelow = false }));
        writer.WriteElement(new SheetViews(new SheetView(
            new Pane { HorizontalSplit = 2, VerticalSplit = 1, TopLeftCell = "C2", ActivePane = PaneValues.BottomRight, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomRight, ActiveCell = "C2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "C2" } })
        { WorkbookViewId = 0 }));
        writer.WriteElement(new SheetFormatProperties { DefaultRowHeight = 15, OutlineLevelRow = 2 });
        writer.WriteElement(new Columns(columns.Select((c, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = c.Width, CustomWidth = true })));

        writer.WriteStartElement(new SheetData());
        var rowNumber = 1u;
        WriteRow(writer, rowNumber, null, columns.Select((c, i) => (i, (object?)language[c.HeaderKey], Style.Header)));
        MatrixGroup? line = null;
        MatrixGroup? action = null;
        foreach (var row in rows)
        {
            if (row.Line is { } l && l.Id != line?.Id)
            {
                line = l;
                action = null;
                WriteRow(writer, ++rowNumber, null, Blank(Style.LineRow).Select(c => c.Index == lineColumn ? (c.Index, l.Code, c.Style)
                    : c.Index == titleColumn ? (c.Index, (object?)l.Title.For(language.Culture), c.Style) : c));
            }

            if (row.Action.Id != action?.Id)
            {
                action = row.Action;
                WriteRow(writer, ++rowNumber, 1, Blank(Style.ActionRow).Select(c => c.Index == actionColumn ? (c.Index, row.Action.Code, c.Style)
                    : c.Index == titleColumn ? (c.Index, (object?)row.Action.Title.For(language.Culture), c.Style) : c));
            }

            WriteRow(writer, ++rowNumber, 2, columns.Select((c, i) => (i, c.Value(row, language), StyleOf(c))));
        }

        writer.WriteEndElement();
        writer.WriteElement(new SheetProtection { Sheet = true, Objects = true, Scenarios = true, FormatColumns = false, FormatRows = false });
        var validations = columns.Select((c, i) => (c, i)).Where(p => p.c.List is not null).ToList();
        if (rowNumber > 1 && validations.Count > 0)
        {
            writer.WriteStartElement(new DataValidations { Count = (uint)validations.Count });
            foreach (var (column, index) in validations)
            {
                var letter = MatrixColumn.Letter(index);
                writer.WriteElement(new DataValidation(new Formula1(lists.Range(column.List!.Value)))
                {
                    Type = DataValidationValues.List,
                    AllowBlank = true,
                    ShowErrorMessage = true,
                    ErrorTitle = language[column.HeaderKey],
                    Error = language["Matrix.ChooseFromList"],
                    SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{letter}2:{letter}{rowNumber.ToString(CultureInfo.InvariantCulture)}" },
                });
            }

            writer.WriteEndElement();
        }

        writer.WriteElement(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 });
        writer.WriteEndElement();
    }

    private static IEnumerable<(int Index, object? Value, uint Style)> Blank(uint style) => MatrixColumns.All.Select((_, i) => (i, (object?)null, style));

    private static uint StyleOf(MatrixColumn column) => (column.Kind, column.Editable) switch
    {
        (CellKind.Date, true) => Style.EditableDate,
        (CellKind.Date, false) => Style.LockedDate,
        (CellKind.Amount, true) => Style.EditableAmount,
        (CellKind.Amount, false) => Style.LockedAmount,
        (CellKind.Integer, _) => Style.LockedInteger,
        (CellKind.Text, true) => Style.EditableText,
        (CellKind.Text, false) => Style.Locked,
        _ => throw new ArgumentOutOfRangeException(nameof(column), column.Kind, null),
    };

    private static void WriteRow(OpenXmlWriter writer, uint number, byte? outline, IEnumerable<(int Index, object? Value, uint Style)> cells)
    {
        var attributes = new List<OpenXmlAttribute> { new("r", string.Empty, number.ToString(CultureInfo.InvariantCulture)) };
        if (outline is { } level)
        {
            attributes.Add(new OpenXmlAttribute("outlineLevel", string.Empty, level.ToString(CultureInfo.InvariantCulture)));
        }

        writer.WriteStartElement(new Row(), attributes);
        var suffix = number.ToString(CultureInfo.InvariantCulture);
        foreach (var (index, value, style) in cells)
        {
            writer.WriteElement(CellOf(MatrixColumn.Letter(index) + suffix, value, style));
        }

        writer.WriteEndElement();
    }

    private static Cell CellOf(string reference, object? value, uint style)
    {
        var cell = new Cell { CellReference = reference, StyleIndex = style };
        switch (value)
        {
            case null:
                break;
            case string text:
                cell.DataType = CellValues.InlineString;
                cell.InlineString = new InlineString(new Text(text));
                break;
            case int number:
                cell.CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture));
                break;
            case decimal amount:
                cell.CellValue = new CellValue(amount.ToString("0.##########", CultureInfo.InvariantCulture));
                break;
            case DateOnly date:
                cell.CellValue = new CellValue(MatrixCells.ToSerial(date).ToString(CultureInfo.InvariantCulture));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(value), value.GetType(), "A matrix cell is text, an integer, an amount or a date.");
        }

        return cell;
    }

    private static void WriteLists(OpenXmlWriter writer, MatrixLists lists)
    {
        writer.WriteStartElement(new Worksheet());
        writer.WriteStartElement(new SheetData());
        var length = Enum.GetValues<MatrixList>().Max(l => lists.Values(l).Count);
        for (var i = 0; i < length; i++)
        {
            WriteRow(writer, (uint)(i + 1), null, Enum.GetValues<MatrixList>().Select(l => ((int)l, (object?)lists.Values(l).ElementAtOrDefault(i), 0u)));
        }

        writer.WriteEndElement();
        writer.WriteElement(new SheetProtection { Sheet = true, Objects = true, Scenarios = true });
        writer.WriteEndElement();
    }

    private static void WriteExport(OpenXmlWriter writer, IReadOnlyList<MatrixRow> rows, MatrixLanguage language, MatrixFilter filter, DateTime exportedAt)
    {
        writer.WriteStartElement(new Worksheet());
        writer.WriteStartElement(new SheetData());
        (int, object?, uint) At(int index, object? value) => (index, value, 0u);
        WriteRow(writer, 1, null, [At(0, "format"), At(1, MatrixFormat.Name)]);
        WriteRow(writer, 2, null, [At(0, "exported-at"), At(1, exportedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))]);
        WriteRow(writer, 3, null, [At(0, "language"), At(1, language.Code)]);
        WriteRow(writer, 4, null, [At(0, "plan"), At(1, filter.Plan)]);
        WriteRow(writer, 5, null, [At(0, "line"), At(1, filter.Line)]);
        WriteRow(writer, 6, null, [At(0, "rows"), At(1, rows.Count)]);
        WriteRow(writer, MatrixFormat.StampsFirstRow - 1, null, [At(0, "activity-id"), At(1, "country"), At(2, "version"), At(3, "stamp")]);
        var number = (uint)MatrixFormat.StampsFirstRow;
        foreach (var row in rows)
        {
            WriteRow(writer, number++, null, [At(0, row.ActivityId), At(1, row.Country), At(2, row.Version), At(3, row.Values.Stamp())]);
        }

        writer.WriteEndElement();
        writer.WriteElement(new SheetProtection { Sheet = true, Objects = true, Scenarios = true });
        writer.WriteEndElement();
    }
}

/// <summary>What the coded columns offer, in the export's language, and where each list sits in the hidden sheet.</summary>
public sealed class MatrixLists(IReadOnlyList<string> statuses, IReadOnlyList<string> currencies, IReadOnlyList<string> institutions)
{
    public IReadOnlyList<string> Values(MatrixList list) => list switch
    {
        MatrixList.Statuses => statuses,
        MatrixList.Currencies => currencies,
        MatrixList.Institutions => institutions,
        _ => throw new ArgumentOutOfRangeException(nameof(list), list, null),
    };

    public string Range(MatrixList list)
    {
        var letter = MatrixColumn.Letter((int)list);
        return $"{MatrixFormat.ListsSheet}!${letter}$1:${letter}${Math.Max(1, Values(list).Count).ToString(CultureInfo.InvariantCulture)}";
    }

    public static MatrixLists For(MatrixLanguage language, IReadOnlyList<string> currencies, IReadOnlyList<string> institutions) =>
        new(Enum.GetValues<ActivityStatus>().Select(language.Status).ToList(), currencies, institutions);
}
