using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Movilidad.Records;

/// <summary>
/// An .xlsx workbook read with the Open XML SDK's SAX reader: one row at a time, shared strings and inline strings,
/// numbers, and dates stored as serial numbers with a date format. The container has passed <see cref="ZipGuard"/>.
/// </summary>
internal sealed class XlsxTable : TableFile
{
    private readonly SpreadsheetDocument _document;
    private readonly List<(SheetInfo Info, string RelationshipId)> _sheets;
    private readonly string[] _sharedStrings;
    private readonly bool[] _dateStyles;

    private XlsxTable(SpreadsheetDocument document, List<(SheetInfo, string)> sheets, string[] sharedStrings, bool[] dateStyles)
    {
        _document = document;
        _sheets = sheets;
        _sharedStrings = sharedStrings;
        _dateStyles = dateStyles;
    }

    public override IReadOnlyList<SheetInfo> Sheets => _sheets.Select(s => s.Info).ToList();

    public static XlsxTable Open(Stream stream, string fileName)
    {
        var location = new SourceLocation(fileName, null, 0);
        SpreadsheetDocument? document = null;
        try
        {
            document = SpreadsheetDocument.Open(stream, false);
            var workbook = document.WorkbookPart ?? throw ZipGuard.Corrupt(location, new InvalidDataException("The package has no workbook part."));
            var sheets = new List<(SheetInfo, string)>();
            foreach (var sheet in workbook.Workbook.Sheets?.Elements<Sheet>() ?? [])
            {
                var state = sheet.State?.Value;
                var visible = state is null || state == SheetStateValues.Visible;
                sheets.Add((new SheetInfo(sheet.Name?.Value ?? $"Sheet{sheets.Count + 1}", visible, sheets.Count), sheet.Id?.Value ?? ""));
            }
            var table = new XlsxTable(document, sheets, SharedStrings(workbook.SharedStringTablePart), DateStyles(workbook.WorkbookStylesPart))
            {
                FileName = fileName,
                Format = "xlsx",
            };
            document = null;
            return table;
        }
        catch (Exception e) when (e is not (OutOfMemoryException or RecordFileException))
        {
            // The package, its relationships and its parts can be damaged in many ways; each means the same to the person.
            throw ZipGuard.Corrupt(location, e);
        }
        finally
        {
            document?.Dispose();
        }
    }

    public override int? RowCountHint(SheetInfo sheet)
    {
        if (Part(sheet) is not { } part)
        {
            return null;
        }
        try
        {
            return Dimension(part);
        }
        catch (Exception e) when (e is XmlException or InvalidDataException or IOException or InvalidOperationException)
        {
            // Only a hint for the progress bar: reading the rows reports the damage.
            return null;
        }
    }

    private static int? Dimension(WorksheetPart part)
    {
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SheetDimension))
            {
                var reference = reader.Attributes.FirstOrDefault(a => a.LocalName == "ref").Value ?? "";
                var last = reference.Split(':')[^1];
                return int.TryParse(new string(last.SkipWhile(char.IsLetter).ToArray()), NumberStyles.None, CultureInfo.InvariantCulture, out var rows) ? rows : null;
            }
            if (reader.ElementType == typeof(SheetData))
            {
                return null;
            }
        }
        return null;
    }

    public override IEnumerable<TableRow> Rows(SheetInfo sheet)
    {
        if (Part(sheet) is not { } part)
        {
            yield break;
        }
        using var reader = OpenXmlReader.Create(part);
        var cells = new List<(int Column, TableCell Value)>();
        var rowNumber = 0;
        var column = -1;
        string? type = null;
        var style = 0;
        string? raw = null;
        string? inline = null;
        // LoadCurrentElement leaves the reader on the element after the one it loaded: that one is not read again.
        var loaded = false;
        while (loaded ? !reader.EOF : Read(reader, sheet))
        {
            loaded = false;
            if (reader.ElementType == typeof(Row))
            {
                if (reader.IsStartElement)
                {
                    cells.Clear();
                    column = -1;
                    var r = Attribute(reader, "r");
                    rowNumber = r is not null && int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : rowNumber + 1;
                }
                else
                {
                    yield return Build(sheet.Name, rowNumber, cells);
                }
            }
            else if (reader.ElementType == typeof(Cell))
            {
                if (reader.IsStartElement)
                {
                    string? reference = null;
                    type = null;
                    style = 0;
                    foreach (var attribute in reader.Attributes)
                    {
                        switch (attribute.LocalName)
                        {
                            case "r":
                                reference = attribute.Value;
                                break;
                            case "t":
                                type = attribute.Value;
                                break;
                            case "s":
                                style = int.TryParse(attribute.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
                                break;
                        }
                    }
                    column = reference is null ? column + 1 : ColumnIndex(reference);
                    raw = null;
                    inline = null;
                }
                else
                {
                    cells.Add((column, Value(type, style, raw, inline)));
                }
            }
            else if (reader.ElementType == typeof(DocumentFormat.OpenXml.Spreadsheet.CellValue) && reader.IsStartElement)
            {
                raw = reader.GetText();
            }
            else if (reader.ElementType == typeof(InlineString) && reader.IsStartElement)
            {
                inline = StringItemText(reader.LoadCurrentElement());
                loaded = true;
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _document.Dispose();
        }
        base.Dispose(disposing);
    }

    private bool Read(OpenXmlReader reader, SheetInfo sheet)
    {
        try
        {
            return reader.Read();
        }
        catch (Exception e) when (e is not (OutOfMemoryException or RecordFileException))
        {
            throw new RecordFileException("corrupt", new SourceLocation(FileName, sheet.Name, 0), null, new RecordMessage(
                "La hoja está dañada y no se puede leer hasta el final. Ábrala en Excel y guárdela de nuevo como .xlsx.",
                "The sheet is damaged and cannot be read to its end. Open it in Excel and save it again as .xlsx."), e);
        }
    }

    private WorksheetPart? Part(SheetInfo sheet)
    {
        var id = _sheets[sheet.Index].RelationshipId;
        return id.Length > 0 && _document.WorkbookPart!.TryGetPartById(id, out var part) ? part as WorksheetPart : null;
    }

    private TableCell Value(string? type, int style, string? raw, string? inline)
    {
        switch (type)
        {
            case "s":
                return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < _sharedStrings.Length
                    ? new TableCell(_sharedStrings[index], null, false)
                    : TableCell.Empty;
            case "inlineStr":
                return new TableCell(inline ?? raw ?? "", null, false);
            case "str":
            case "e":
                return new TableCell(raw ?? "", null, false);
            case "b":
                return new TableCell(raw == "1" ? "TRUE" : "FALSE", null, false);
            case "d":
                return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date)
                    ? TableCell.FromNumber(date.ToOADate(), true)
                    : new TableCell(raw ?? "", null, false);
            default:
                if (raw is null)
                {
                    return TableCell.Empty;
                }
                var isDate = style >= 0 && style < _dateStyles.Length && _dateStyles[style];
                return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    ? TableCell.FromNumber(number, isDate)
                    : new TableCell(raw, null, false);
        }
    }

    private static TableRow Build(string sheet, int number, List<(int Column, TableCell Value)> cells)
    {
        var width = cells.Count == 0 ? 0 : cells.Max(c => c.Column) + 1;
        var values = new TableCell[width];
        Array.Fill(values, TableCell.Empty);
        foreach (var (column, value) in cells)
        {
            if (column >= 0)
            {
                values[column] = value;
            }
        }
        return new TableRow(sheet, number, values);
    }

    private static string? Attribute(OpenXmlReader reader, string name)
    {
        foreach (var attribute in reader.Attributes)
        {
            if (attribute.LocalName == name)
            {
                return attribute.Value;
            }
        }
        return null;
    }

    internal static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
            {
                index = (index * 26) + (c - 'A' + 1);
            }
            else if (c is >= 'a' and <= 'z')
            {
                index = (index * 26) + (c - 'a' + 1);
            }
            else
            {
                break;
            }
        }
        return index - 1;
    }

    private static string[] SharedStrings(SharedStringTablePart? part)
    {
        if (part is null)
        {
            return [];
        }
        var strings = new List<string>();
        using var reader = OpenXmlReader.Create(part);
        var loaded = false;
        while (loaded ? !reader.EOF : reader.Read())
        {
            loaded = false;
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                strings.Add(StringItemText(reader.LoadCurrentElement()));
                loaded = true;
            }
        }
        return [.. strings];
    }

    // The text of a shared or inline string: its own text or its runs, without the phonetic guides (rPh).
    private static string StringItemText(OpenXmlElement? item)
    {
        if (item is null)
        {
            return "";
        }
        var builder = new StringBuilder();
        foreach (var child in item.ChildElements)
        {
            switch (child)
            {
                case Text text:
                    builder.Append(text.Text);
                    break;
                case Run run:
                    builder.Append(run.Text?.Text);
                    break;
            }
        }
        return builder.ToString();
    }

    private static bool[] DateStyles(WorkbookStylesPart? part)
    {
        var stylesheet = part?.Stylesheet;
        if (stylesheet?.CellFormats is null)
        {
            return [];
        }
        var custom = new Dictionary<uint, string>();
        foreach (var format in stylesheet.NumberingFormats?.Elements<NumberingFormat>() ?? [])
        {
            if (format.NumberFormatId?.Value is { } id)
            {
                custom[id] = format.FormatCode?.Value ?? "";
            }
        }
        return stylesheet.CellFormats.Elements<CellFormat>()
            .Select(f => f.NumberFormatId?.Value is { } id && IsDateFormat(id, custom))
            .ToArray();
    }

    private static bool IsDateFormat(uint id, Dictionary<uint, string> custom)
    {
        if (id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58))
        {
            return true;
        }
        if (!custom.TryGetValue(id, out var code))
        {
            return false;
        }
        // A date format has day, month, year or hour letters outside quoted text, escapes and [colour] brackets.
        var quoted = false;
        var bracket = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == '[')
            {
                bracket = true;
            }
            else if (bracket && c == ']')
            {
                bracket = false;
            }
            else if (!quoted && !bracket && c == '\\')
            {
                i++;
            }
            else if (!quoted && !bracket && "dDmMyYhH".Contains(c, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }
}
