using System.Globalization;

namespace Movilidad.Records;

/// <summary>A cell as read: its text, and its number when the file stores one (a date is a number with a date format).</summary>
internal readonly struct TableCell(string? text, double? number, bool isDate)
{
    public static readonly TableCell Empty = new("", null, false);

    /// <summary>The text; a number's text is written only when asked for (most numbers are only read as numbers).</summary>
    public string Text => text ?? Number?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    public double? Number { get; } = number;

    public bool IsDate { get; } = isDate;

    public bool IsEmpty => Number is null && string.IsNullOrWhiteSpace(text);

    public static TableCell FromNumber(double number, bool isDate) => new(null, number, isDate);
}

/// <summary>A row of a sheet or CSV file, numbered as a spreadsheet numbers it.</summary>
internal sealed class TableRow(string? sheet, int number, TableCell[] cells)
{
    public string? Sheet { get; } = sheet;

    public int Number { get; } = number;

    public int Count => cells.Length;

    public TableCell this[int index] => index >= 0 && index < cells.Length ? cells[index] : TableCell.Empty;

    public string Text(int index) => this[index].Text.Trim();

    public bool IsBlank => cells.All(c => c.IsEmpty);

    /// <summary>Cells that hold something.</summary>
    public int Filled => cells.Count(c => !c.IsEmpty);
}

internal sealed record SheetInfo(string Name, bool Visible, int Index);

/// <summary>A workbook or CSV file read row by row. Rows can be enumerated again from the start.</summary>
internal abstract class TableFile : IDisposable
{
    public required string FileName { get; init; }

    public required string Format { get; init; }

    public string? Encoding { get; init; }

    public abstract IReadOnlyList<SheetInfo> Sheets { get; }

    /// <summary>The last row number the sheet declares, when it does (for progress), or null.</summary>
    public abstract int? RowCountHint(SheetInfo sheet);

    public abstract IEnumerable<TableRow> Rows(SheetInfo sheet);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
