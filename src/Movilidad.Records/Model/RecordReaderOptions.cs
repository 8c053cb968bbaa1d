namespace Movilidad.Records;

/// <summary>How a file is read: its source when the caller knows it, the template mapping, and the limits that protect the server.</summary>
public sealed class RecordReaderOptions
{
    /// <summary>The publication, when the caller names it; null to detect it from the content. A file whose content is another publication is refused either way.</summary>
    public RecordSource? Source { get; init; }

    /// <summary>The column mapping for <see cref="RecordSource.Template"/> files (a saved mapping); null for the documented template.</summary>
    public TemplateMapping? Template { get; init; }

    /// <summary>
    /// The file's columns for fields of a known publication's reader, by field key (<see cref="TableInspection.Fields"/>),
    /// taken before the names and aliases the reader knows: a column renamed or moved in a new edition of the file. A
    /// column or field that does not exist refuses the file; the report notes each column so read.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Columns { get; init; }

    /// <summary>Largest file accepted, in bytes (default 200 MB).</summary>
    public long MaxFileBytes { get; init; } = 200L << 20;

    /// <summary>Largest size a workbook may inflate to, all parts together, in bytes (default 2 GB).</summary>
    public long MaxUncompressedBytes { get; init; } = 2L << 30;

    /// <summary>Highest compression ratio accepted for a workbook part above 1 MB (default 200 to 1; real sheets stay under 30).</summary>
    public int MaxCompressionRatio { get; init; } = 200;

    /// <summary>Most parts a workbook may have (default 10,000).</summary>
    public int MaxZipEntries { get; init; } = 10_000;

    /// <summary>How many row issues the report lists one by one; the counts by reason always cover all (default 1,000).</summary>
    public int MaxListedIssues { get; init; } = 1_000;

    /// <summary>The crosswalk to ISCO-08 (default <see cref="OccupationCrosswalk.Default"/>).</summary>
    public OccupationCrosswalk? Crosswalk { get; init; }

    /// <summary>Told of the progress every 1,000 rows and at the end.</summary>
    public IProgress<RecordProgress>? Progress { get; init; }
}

/// <summary>How far the reading is: rows read and, when the file declares its size, the share done (0 to 1).</summary>
public sealed record RecordProgress(int RowsRead, double? Fraction);
