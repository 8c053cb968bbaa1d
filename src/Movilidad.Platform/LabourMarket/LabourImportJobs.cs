namespace Movilidad.Platform.LabourMarket;

/// <summary>
/// A file uploaded through the import page, from its inspection to its dataset: the file staged on disk, the column
/// mapping chosen, the rights the person had when they confirmed it, and the progress the background import writes, so
/// that a page reloaded reads where the import is. <see cref="Status"/> is <c>mapping</c> (waiting for the person to
/// confirm), <c>queued</c>, <c>running</c>, <c>done</c> (with <see cref="DatasetId"/>) or <c>failed</c> (with <see cref="Errors"/>).
/// </summary>
public sealed class LabourImportJob
{
    public int Id { get; set; }

    public required string Status { get; set; }

    public required string FileName { get; set; }

    /// <summary>The staged copy's name in the staging folder (a random name; the folder is the host's).</summary>
    public required string StagedFile { get; set; }

    public required string Sha256 { get; set; }

    public long Bytes { get; set; }

    /// <summary>The publication the person named, or null to detect it.</summary>
    public string? Source { get; set; }

    /// <summary>The publication a reader recognised when the file was inspected, or null (a table read through a mapping).</summary>
    public string? Detected { get; set; }

    public bool Restricted { get; set; }

    public int? Replaces { get; set; }

    /// <summary>The header's signature (<see cref="Records.TableInspection.SignatureOf"/>).</summary>
    public required string Signature { get; set; }

    /// <summary>
    /// The column mapping (<see cref="Records.TemplateMapping.ToJson"/>) when the file is read as a table through one; for a
    /// known publication, the columns the person named for its reader's fields (a JSON object, field key to column), or null.
    /// </summary>
    public string? MappingJson { get; set; }

    /// <summary>The publisher countries the person may import for when they confirmed (comma-separated; empty entry: international sources).</summary>
    public string? Rights { get; set; }

    public int RowsRead { get; set; }

    /// <summary>The share read (0 to 1) when the file declares its size.</summary>
    public double? Fraction { get; set; }

    public int? DatasetId { get; set; }

    /// <summary>JSON: the errors by field (file, source, replaces) in the language of the person who started the import.</summary>
    public string? Errors { get; set; }

    public required string Language { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    public int? CreatedById { get; set; }

    public required string CreatedBy { get; set; }

    public string? CreatedFrom { get; set; }

    public string? Via { get; set; }
}

/// <summary>A column mapping confirmed for a table layout (its header's signature), proposed again for the next file with the same headers; edited by confirming another, audited.</summary>
public sealed class LabourColumnMapping
{
    public int Id { get; set; }

    public required string Signature { get; set; }

    /// <summary>The header's columns as the file wrote them, separated by tabs (to show which layout this is).</summary>
    public required string Header { get; set; }

    /// <summary>The mapping (<see cref="Records.TemplateMapping.ToJson"/>).</summary>
    public required string MappingJson { get; set; }

    public int Version { get; set; } = 1;

    public DateTime SavedAt { get; set; }

    public int? SavedById { get; set; }

    public required string SavedBy { get; set; }
}
