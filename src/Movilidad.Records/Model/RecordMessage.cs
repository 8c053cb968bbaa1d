namespace Movilidad.Records;

/// <summary>A message for a person, in Spanish and English.</summary>
public sealed record RecordMessage(string Es, string En)
{
    /// <summary>The message in <paramref name="language"/> (<c>es</c> or <c>en</c>; anything else gets English).</summary>
    public string In(string language) => RecordSources.IsSpanish(language) ? Es : En;

    /// <inheritdoc/>
    public override string ToString() => En;
}

/// <summary>Where a value comes from: the file, its sheet (none for CSV) and the row as a spreadsheet numbers it (1-based).</summary>
public sealed record SourceLocation(string File, string? Sheet, int Row)
{
    /// <summary>"file, sheet S, row N" in the language asked for.</summary>
    public string Describe(string language, string? column = null)
    {
        var spanish = RecordSources.IsSpanish(language);
        var parts = new List<string> { File };
        if (!string.IsNullOrEmpty(Sheet))
        {
            parts.Add(spanish ? $"hoja «{Sheet}»" : $"sheet '{Sheet}'");
        }
        if (Row > 0)
        {
            parts.Add(spanish ? $"fila {Row}" : $"row {Row}");
        }
        if (!string.IsNullOrEmpty(column))
        {
            parts.Add(spanish ? $"columna «{column}»" : $"column '{column}'");
        }
        return string.Join(", ", parts);
    }

    /// <inheritdoc/>
    public override string ToString() => Describe("en");
}

/// <summary>What happened to a row that was read but not taken whole.</summary>
public enum RowIssueKind
{
    /// <summary>The row is left out: nothing of it is imported.</summary>
    Skipped = 1,

    /// <summary>The row is imported but one of its values is not added to the totals (a sub-application, a duplicate).</summary>
    NotCounted,

    /// <summary>The row is imported whole; something about it is worth knowing (an unknown state, a total kept aside).</summary>
    Note,
}

/// <summary>A problem with one row: where, which column, a stable reason code, the value found and a message in both languages.</summary>
public sealed record RowIssue(RowIssueKind Kind, SourceLocation Location, string? Column, string Reason, string? Value, RecordMessage Message)
{
    /// <summary>The whole message with its location, in the language asked for.</summary>
    public string Describe(string language) => $"{Location.Describe(language, Column)}: {Message.In(language)}";
}

/// <summary>
/// The file cannot be read: it belongs to another publication, lacks a column, is corrupt, encrypted, too large or a
/// ZIP bomb. The message names the file and, where they are known, the sheet, row and column.
/// </summary>
public sealed class RecordFileException : Exception
{
    /// <summary>Creates the error.</summary>
    public RecordFileException(string reason, SourceLocation location, string? column, RecordMessage problem, Exception? inner = null)
        : base($"{location.Describe("en", column)}: {problem.En}", inner)
    {
        Reason = reason;
        Location = location;
        Column = column;
        Problem = problem;
    }

    /// <summary>A stable code: <c>other-publication</c>, <c>missing-column</c>, <c>no-such-column</c> (one named for a field, <see cref="RecordReaderOptions.Columns"/>), <c>corrupt</c>, <c>encrypted</c>, <c>too-large</c>, <c>zip-bomb</c>, <c>unsupported-format</c>, <c>empty</c>, <c>source-mismatch</c>.</summary>
    public string Reason { get; }

    /// <summary>The file, and the sheet and row when known (row 0 when not).</summary>
    public SourceLocation Location { get; }

    /// <summary>The column, when the problem is one column.</summary>
    public string? Column { get; }

    /// <summary>What is wrong and what to do, in both languages.</summary>
    public RecordMessage Problem { get; }

    /// <summary>The whole message with its location in the language asked for.</summary>
    public string Describe(string language) => $"{Location.Describe(language, Column)}: {Problem.In(language)}";
}
