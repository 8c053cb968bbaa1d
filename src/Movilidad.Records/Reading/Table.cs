using System.Globalization;

namespace Movilidad.Records;

/// <summary>A cell as read: its text, and its number when the file stores one (a date is a number with a date format).</summary>
internal readonly record struct TableCell(string Text, double? Number, bool IsDate)
{
    public static readonly TableCell Empty = new("", null, false);

    public bool IsEmpty => Number is null && string.IsNullOrWhiteSpace(Text);

    public static TableCell FromNumber(double number, bool isDate) =>
        new(number.ToString("R", CultureInfo.InvariantCulture), number, isDate);
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
