namespace Movilidad.Platform.LabourMarket;

/// <summary>
/// One imported file: where it came from (publication, file name, SHA-256, sheet, title), what it covers, who imported it
/// and when, and what reading it found (rows read, imported and skipped; totals per measure with the share that maps to
/// ISCO-08; the codes that do not map; notes). The same file (same hash) is imported once.
/// </summary>
public sealed class LabourDataset
{
    public int Id { get; set; }

    /// <summary>The publication's slug (<c>oflc-h2a</c>, <c>esdc-lmia</c>...).</summary>
    public required string Source { get; set; }

    /// <summary>The country whose ministry publishes the source (US, CA), or null for international sources (ILOSTAT) and templates.</summary>
    public string? PublisherCountry { get; set; }

    public required string FileName { get; set; }

    /// <summary>SHA-256 of the file's bytes, lower-case hexadecimal; unique.</summary>
    public required string Sha256 { get; set; }

    public long Bytes { get; set; }

    public required string Format { get; set; }

    public string? Encoding { get; set; }

    public string? Sheet { get; set; }

    public int HeaderRow { get; set; }

    public string? Title { get; set; }

    public required string DescriptionEs { get; set; }

    public required string DescriptionEn { get; set; }

    /// <summary>The main occupation classification (<c>soc2010</c>, <c>noc2021</c>...), or null.</summary>
    public string? Classification { get; set; }

    /// <summary>The period covered as an SDMX code (a year, a quarter or a time range), or null when nothing was imported.</summary>
    public string? PeriodCode { get; set; }

    public DateOnly? PeriodStart { get; set; }

    public DateOnly? PeriodEnd { get; set; }

    /// <summary>The US fiscal year the file covers, when it says so.</summary>
    public int? FiscalYear { get; set; }

    public int RowsRead { get; set; }

    public int RowsImported { get; set; }

    public int RowsSkipped { get; set; }

    public int FootnoteRows { get; set; }

    public int Observations { get; set; }

    /// <summary>Kept for signed-in readers only; public sources are public once imported.</summary>
    public bool IsRestricted { get; set; }

    public DateTime ImportedAt { get; set; }

    public int? ImportedById { get; set; }

    /// <summary>The importer's name as the audit trail writes it (a person, or <c>cli:user</c>).</summary>
    public required string ImportedBy { get; set; }

    /// <summary>JSON: totals per measure (total, mapped), issues counted by kind and reason, unmapped codes and notes.</summary>
    public required string ReportJson { get; set; }

    public List<LabourDatasetIssue> Issues { get; set; } = [];
}

/// <summary>A row of a file that was skipped, not counted or noted, with where and why (the first ones of each file).</summary>
public sealed class LabourDatasetIssue
{
    public long Id { get; set; }

    public int DatasetId { get; set; }

    /// <summary><c>skipped</c>, <c>not-counted</c> or <c>note</c>.</summary>
    public required string Kind { get; set; }

    public string? Sheet { get; set; }

    public int Row { get; set; }

    public string? Column { get; set; }

    public required string Reason { get; set; }

    public string? Value { get; set; }

    public required string MessageEs { get; set; }

    public required string MessageEn { get; set; }
}

/// <summary>
/// One counted value of a row (or the share of it that one ISCO-08 group receives): what is counted, the occupation in
/// the source classification and in ISCO-08 with the split weight, the place, the period (SDMX, with the US fiscal year),
/// the programme, the employer or recruiter, and the row of the file it came from.
/// </summary>
public sealed class LabourObservation : ILabourObservationKey
{
    public long Id { get; set; }

    public int DatasetId { get; set; }

    /// <summary>The measure's code (<c>workers-certified</c>...).</summary>
    public required string Measure { get; set; }

    public decimal Value { get; set; }

    /// <summary>The share of the row's value this observation carries: the weights of a row and measure add up to 1.</summary>
    public decimal Weight { get; set; }

    /// <summary>The source classification's code (<c>soc2010</c>...), or null when the file gives none.</summary>
    public string? SourceClassification { get; set; }

    public string? SourceCode { get; set; }

    /// <summary>The ISCO-08 group (unit group, or minor group where the crosswalk stops), or null when the occupation does not map.</summary>
    public string? Isco08 { get; set; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public required string Country { get; set; }

    /// <summary>ISO 3166-2, or null.</summary>
    public string? Subdivision { get; set; }

    /// <summary>SDMX period code: <c>2019-Q4</c>, <c>2019</c>, <c>2018-10-01/P12M</c>.</summary>
    public required string Period { get; set; }

    public DateOnly PeriodStart { get; set; }

    public DateOnly PeriodEnd { get; set; }

    /// <summary>The US fiscal year (October to September) of an OFLC row, beside its calendar quarter.</summary>
    public int? FiscalYear { get; set; }

    public string? Programme { get; set; }

    public int? EmployerId { get; set; }

    public int? RecruiterId { get; set; }

    /// <summary>The row of the dataset's file (and sheet) the value was read from.</summary>
    public int SourceRow { get; set; }

    public string? CaseNumber { get; set; }
}

/// <summary>The dimensions the explorer filters and sums by, shared by the observations and their pre-summed table.</summary>
public interface ILabourObservationKey
{
    int DatasetId { get; }

    string Measure { get; }

    decimal Value { get; }

    string? Isco08 { get; }

    string Country { get; }

    string? Subdivision { get; }

    string Period { get; }

    DateOnly PeriodStart { get; }

    DateOnly PeriodEnd { get; }

    int? FiscalYear { get; }

    string? Programme { get; }
}

/// <summary>
/// The observations of a dataset summed by measure, ISCO-08 group, place, period and programme (employer, recruiter,
/// source code and row dropped): what the explorer and the API sum from, a few hundred times fewer rows than the
/// observations. Written in the import's transaction, deleted with its dataset.
/// </summary>
public sealed class LabourObservationSum : ILabourObservationKey
{
    public long Id { get; set; }

    public int DatasetId { get; set; }

    public required string Measure { get; set; }

    /// <summary>The sum of the observations' values.</summary>
    public decimal Value { get; set; }

    /// <summary>How many observations were summed.</summary>
    public int Observations { get; set; }

    public string? Isco08 { get; set; }

    public required string Country { get; set; }

    public string? Subdivision { get; set; }

    public required string Period { get; set; }

    public DateOnly PeriodStart { get; set; }

    public DateOnly PeriodEnd { get; set; }

    public int? FiscalYear { get; set; }

    public string? Programme { get; set; }
}

/// <summary>An employer or recruiter named in the files, with its country; one per role, name and country.</summary>
public sealed class LabourOrganisation
{
    public int Id { get; set; }

    /// <summary><c>employer</c> or <c>recruiter</c>.</summary>
    public required string Role { get; set; }

    public required string Name { get; set; }

    /// <summary>The name upper-cased with runs of spaces made one, for matching the same organisation across files.</summary>
    public required string Key { get; set; }

    /// <summary>ISO 3166-1 alpha-2, or empty when the file does not say.</summary>
    public required string Country { get; set; }

    public string? Subdivision { get; set; }

    public string? City { get; set; }
}
