using System.Security.Cryptography;
using System.Text;

namespace Movilidad.Records;

/// <summary>A data row of an inspected file as text, with the row number a spreadsheet shows.</summary>
public sealed record TablePreviewRow(int Row, IReadOnlyList<string> Cells);

/// <summary>
/// A field a publication's reader looks for in the header: its key, the first of its known names, whether the file is
/// refused without it, and whether this file lacks it (so that it cannot be read until a column is named for it, or for
/// another field of its group: <see cref="TableInspection.Missing"/>).
/// </summary>
public sealed record RecordField(string Key, string Name, bool Required, bool Missing = false);

/// <summary>
/// What <see cref="RecordFile.Inspect"/> saw in a file before importing it: the header row and the first data rows,
/// the publication when a reader recognises one (with the columns it found, by key), and the header's
/// <see cref="Signature"/>, which names the layout so that a mapping confirmed once is proposed again for the next file.
/// </summary>
public sealed record TableInspection(
    string FileName, string Sha256, string Format, string? Sheet, int HeaderRow, IReadOnlyList<string> Header, IReadOnlyList<TablePreviewRow> Rows,
    RecordSource? Source, RecordMessage? Description, IReadOnlyDictionary<string, string> FoundColumns, string Signature, IReadOnlyList<RecordField> Fields)
{
    /// <summary>
    /// The fields the publication cannot be read without that the file lacks (a column renamed or moved in a new edition),
    /// by key, each a group of which one named column is enough (<c>requested</c> or <c>certified</c>); empty when the
    /// file can be read as it is.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Missing { get; init; } = [];

    /// <summary>The header's signature: SHA-256 (lower-case hexadecimal) of its named columns, compared as the readers compare names (case, accents and punctuation left out), in order.</summary>
    public static string SignatureOf(IEnumerable<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var names = string.Join("\n", header.Select(Columns.Normalise).Where(n => n.Length > 0));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(names)));
    }
}
