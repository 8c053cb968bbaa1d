using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Movilidad.Web.Features.Matrix;

/// <summary>A cell as the file stores it: its text, and whether it is a number (dates are numbers too).</summary>
public sealed record RawCell(string Text, bool IsNumber);

/// <summary>One row of a sheet read back: its number and its non-empty cells by zero-based column.</summary>
public sealed record SheetRow(int Number, IReadOnlyDictionary<int, RawCell> Cells)
{
    public RawCell? this[int column] => Cells.GetValueOrDefault(column);

    public string Text(int column) => Cells.GetValueOrDefault(column)?.Text.Trim() ?? string.Empty;
}

/// <summary>Reads cells the way people leave them in Excel, LibreOffice or Numbers: numbers, shared or inline strings, dates as serials or text.</summary>
public static class MatrixCells
{
    private static readonly DateOnly Epoch = new(1899, 12, 30);

    public static double ToSerial(DateOnly date) => date.DayNumber - Epoch.DayNumber;

    /// <summary>The rows of a sheet, read with the SAX reader so that a large sheet is never held as a DOM.</summary>
    public static IEnumerable<SheetRow> Rows(WorksheetPart part, IReadOnlyList<string> sharedStrings)
    {
        using var reader = OpenXmlReader.Create(part);
        var rowNumber = 0;
        var column = -1;
        Dictionary<int, RawCell>? cells = null;
        string? type = null;
        string? value = null;
        System.Text.StringBuilder? inline = null;
        while (reader.Read())
        {
            if (reader.ElementType == typeof(Row))
            {
                if (reader.IsStartElement)
                {
                    var r = Attribute(reader, "r");
                    rowNumber = r is not null ? int.Parse(r, CultureInfo.InvariantCulture) : rowNumber + 1;
                    column = -1;
                    cells = [];
                }
                else if (cells is not null)
                {
                    yield return new SheetRow(rowNumber, cells);
                    cells = null;
                }
            }
            else if (reader.ElementType == typeof(Cell))
            {
                if (reader.IsStartElement)
                {
                    var reference = Attribute(reader, "r");
                    column = reference is not null ? ColumnOf(reference) : column + 1;
                    type = Attribute(reader, "t");
                    value = null;
                    inline = null;
                }
                else if (cells is not null)
                {
                    var text = type switch
                    {
                        "s" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sharedStrings.Count => sharedStrings[index],
                        "inlineStr" => inline?.ToString(),
                        "b" => value == "1" ? "TRUE" : "FALSE",
                        _ => value,
                    };
                    if (!string.IsNullOrEmpty(text))
                    {
                        cells[column] = new RawCell(text, type is null or "n");
                    }
                }
            }
            else if (reader.IsStartElement && reader.ElementType == typeof(CellValue))
            {
                value = reader.GetText();
            }
            else if (reader.IsStartElement && reader.ElementType == typeof(Text))
            {
                (inline ??= new()).Append(reader.GetText());
            }
        }
    }

    public static IReadOnlyList<string> SharedStrings(WorkbookPart workbook)
    {
        var strings = new List<string>();
        if (workbook.SharedStringTablePart is not { } part)
        {
            return strings;
        }

        using var reader = OpenXmlReader.Create(part);
        System.Text.StringBuilder? item = null;
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem))
            {
                if (reader.IsStartElement)
                {
                    item = new();
                }
                else
                {
                    strings.Add(item?.ToString() ?? string.Empty);
                }
            }
            else if (reader.IsStartElement && reader.ElementType == typeof(Text) && item is not null)
            {
                item.Append(reader.GetText());
            }
        }

        return strings;
    }

    private static string? Attribute(OpenXmlReader reader, string name) =>
        reader.Attributes.FirstOrDefault(a => a.LocalName == name && string.IsNullOrEmpty(a.NamespaceUri)).Value;

    /// <summary>Zero-based column of a reference such as "AB12".</summary>
    public static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            column = (column * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return column - 1;
    }

    /// <summary>
    /// An amount as a number cell or as text typed either way: "1234.5", "1234,5", "1.234,50", "1,234.50", "1 234,50".
    /// With both separators the last one is the decimal one; a lone comma is decimal; a dot repeated, or a comma
    /// repeated, groups thousands.
    /// </summary>
    public static bool TryAmount(RawCell cell, out decimal amount)
    {
        amount = 0;
        if (cell.IsNumber)
        {
            return decimal.TryParse(cell.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out amount);
        }

        var text = cell.Text.Trim().Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u00a0", string.Empty, StringComparison.Ordinal)
            .Replace("\u202f", string.Empty, StringComparison.Ordinal);
        var lastDot = text.LastIndexOf('.');
        var lastComma = text.LastIndexOf(',');
        string normal;
        if (lastDot >= 0 && lastComma >= 0)
        {
            var (group, decimalMark) = lastComma > lastDot ? ('.', ',') : (',', '.');
            normal = text.Replace(group.ToString(), string.Empty, StringComparison.Ordinal).Replace(decimalMark, '.');
        }
        else if (lastComma >= 0)
        {
            normal = text.Count(c => c == ',') > 1 ? text.Replace(",", string.Empty, StringComparison.Ordinal) : text.Replace(',', '.');
        }
        else
        {
            normal = text.Count(c => c == '.') > 1 ? text.Replace(".", string.Empty, StringComparison.Ordinal) : text;
        }

        return decimal.TryParse(normal, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount);
    }

    /// <summary>A date as a serial number (what Excel stores) or as text: 15/03/2025, 15-03-2025, 2025-03-15.</summary>
    public static bool TryDate(RawCell cell, out DateOnly date)
    {
        date = default;
        if (cell.IsNumber)
        {
            if (!double.TryParse(cell.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) || serial < 1 || serial > 2958465)
            {
                return false;
            }

            date = Epoch.AddDays((int)Math.Floor(serial));
            return true;
        }

        return DateOnly.TryParseExact(cell.Text.Trim(), ["yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy", "d-M-yyyy", "dd-MM-yyyy", "d.M.yyyy", "yyyy/MM/dd"],
            CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}
