namespace Movilidad.Records;

/// <summary>The total of one measure in a file: everything counted, and the part that reaches ISCO-08.</summary>
public sealed record MeasureTotal(Measure Measure, decimal Total, decimal Mapped)
{
    /// <summary>The part whose occupation does not map to ISCO-08.</summary>
    public decimal Unmapped => Total - Mapped;

    /// <summary>The share of the total that maps to ISCO-08, from 0 to 1 (1 for an empty total).</summary>
    public double ShareMapped => Total == 0 ? 1 : (double)(Mapped / Total);
}

/// <summary>An occupation code of the file that does not reach ISCO-08, with how many rows carry it, the values they count and why.</summary>
public sealed record UnmappedCode(
    OccupationClassification? Classification,
    string? Code,
    string? Title,
    int Rows,
    IReadOnlyDictionary<Measure, decimal> Values,
    RecordMessage Because);

/// <summary>
/// What reading a file found: provenance (name, SHA-256, format, sheet, title, period covered), row counts, issues by
/// reason, totals per measure with the share that maps to ISCO-08 and the codes that do not. Complete once
/// <see cref="RecordRead.Rows"/> has been enumerated to its end (<see cref="Complete"/>).
/// </summary>
public sealed class RecordReport
{
    /// <summary>The file's name as given.</summary>
    public required string FileName { get; init; }

    /// <summary>SHA-256 of the file's bytes, lower-case hexadecimal: the same file imported twice has the same hash.</summary>
    public required string Sha256 { get; init; }

    /// <summary>The file's size in bytes.</summary>
    public required long Bytes { get; init; }

    /// <summary>The publication read.</summary>
    public required RecordSource Source { get; init; }

    /// <summary>What the file is, in words (<c>US OFLC H-2A disclosure file, FY2017</c>).</summary>
    public required RecordMessage Description { get; init; }

    /// <summary><c>xlsx</c>, <c>xls</c> or <c>csv</c>.</summary>
    public required string Format { get; init; }

    /// <summary>The text encoding detected for CSV files (<c>UTF-8</c>, <c>UTF-8 (BOM)</c>, <c>Windows-1252</c>, <c>IBM850</c>), or null.</summary>
    public string? Encoding { get; init; }

    /// <summary>The sheet read (null for CSV).</summary>
    public string? Sheet { get; init; }

    /// <summary>The row holding the column names.</summary>
    public int HeaderRow { get; init; }

    /// <summary>The title row above the header, when there is one (ESDC lists name their period there).</summary>
    public string? Title { get; init; }

    /// <summary>The US fiscal year the file covers, when it says so (sheet name, title).</summary>
    public int? FiscalYear { get; init; }

    /// <summary>The occupation classification the file uses (the main one, when codes of two versions appear).</summary>
    public OccupationClassification? Classification { get; internal set; }

    /// <summary>False for a publication without occupations (H-2B Appendix C names recruiters): its mapped shares mean nothing.</summary>
    public bool HasOccupations { get; internal set; } = true;

    /// <summary>The span from the earliest to the latest period of the rows, or null when no row was imported.</summary>
    public Period? PeriodCovered { get; internal set; }

    /// <summary>Data rows read (title, header, blank and footnote rows are not data rows).</summary>
    public int RowsRead { get; internal set; }

    /// <summary>Rows imported: read and not skipped.</summary>
    public int RowsImported { get; internal set; }

    /// <summary>Rows skipped, with their reasons in <see cref="Issues"/> and <see cref="IssuesByReason"/>.</summary>
    public int RowsSkipped { get; internal set; }

    /// <summary>Footnote and note rows at the end of the table, not data.</summary>
    public int FootnoteRows { get; internal set; }

    /// <summary>Row issues of every kind counted by kind and reason code (<c>Skipped/not-a-number</c>...).</summary>
    public IReadOnlyDictionary<(RowIssueKind Kind, string Reason), int> IssuesByReason => _issuesByReason;

    /// <summary>The first row issues (up to <see cref="RecordReaderOptions.MaxListedIssues"/>), in file order.</summary>
    public IReadOnlyList<RowIssue> Issues => _issues;

    /// <summary>How many issues were counted but not listed.</summary>
    public int IssuesNotListed { get; internal set; }

    /// <summary>Counted total of every measure the file has, with the part that maps to ISCO-08.</summary>
    public IReadOnlyList<MeasureTotal> Totals => [.. _totals.OrderBy(t => t.Key).Select(t => new MeasureTotal(t.Key, t.Value.Total, t.Value.Mapped))];

    /// <summary>The occupation codes that do not reach ISCO-08, the most frequent first.</summary>
    public IReadOnlyList<UnmappedCode> UnmappedCodes =>
        [.. _unmapped.Values.OrderByDescending(u => u.Rows).ThenBy(u => u.Code, StringComparer.Ordinal)
            .Select(u => new UnmappedCode(u.Classification, u.Code, u.Title, u.Rows, new Dictionary<Measure, decimal>(u.Values), u.Because))];

    /// <summary>Things worth knowing about the file as a whole (a column read under another name, a sheet left aside...).</summary>
    public IReadOnlyList<RecordMessage> Notes => _notes;

    /// <summary>How long reading took.</summary>
    public TimeSpan Elapsed { get; internal set; }

    /// <summary>True once every row has been read.</summary>
    public bool Complete { get; internal set; }

    private readonly Dictionary<(RowIssueKind, string), int> _issuesByReason = [];
    private readonly List<RowIssue> _issues = [];
    private readonly Dictionary<Measure, (decimal Total, decimal Mapped)> _totals = [];
    private readonly Dictionary<(OccupationClassification?, string?), UnmappedAccumulator> _unmapped = [];
    private readonly List<RecordMessage> _notes = [];

    internal int MaxListedIssues { get; init; } = 1000;

    internal void Add(RowIssue issue)
    {
        _issuesByReason[(issue.Kind, issue.Reason)] = _issuesByReason.GetValueOrDefault((issue.Kind, issue.Reason)) + 1;
        if (_issues.Count < MaxListedIssues)
        {
            _issues.Add(issue);
        }
        else
        {
            IssuesNotListed++;
        }
    }

    internal void Note(RecordMessage note)
    {
        if (!_notes.Contains(note))
        {
            _notes.Add(note);
        }
    }

    internal void Count(RecordRow row)
    {
        RowsImported++;
        foreach (var observation in row.Observations)
        {
            var (total, mapped) = _totals.GetValueOrDefault(observation.Measure);
            _totals[observation.Measure] = (total + observation.Value, mapped + (observation.Isco08 is null ? 0 : observation.Value));
        }
        if (HasOccupations && !row.Mapping.IsMapped && row.Values.Count > 0)
        {
            var key = (row.Occupation.Classification, row.Occupation.Code);
            if (!_unmapped.TryGetValue(key, out var unmapped))
            {
                _unmapped[key] = unmapped = new UnmappedAccumulator(row.Occupation.Classification, row.Occupation.Code, row.Occupation.Title, row.Mapping.UnmappedBecause!);
            }
            unmapped.Rows++;
            foreach (var value in row.Values.Where(v => v.Counted))
            {
                unmapped.Values[value.Measure] = unmapped.Values.GetValueOrDefault(value.Measure) + value.Value;
            }
        }
        PeriodCovered = PeriodCovered is null
            ? row.Period
            : Period.Span(
                row.Period.Start < PeriodCovered.Start ? row.Period.Start : PeriodCovered.Start,
                row.Period.End > PeriodCovered.End ? row.Period.End : PeriodCovered.End);
    }

    private sealed class UnmappedAccumulator(OccupationClassification? classification, string? code, string? title, RecordMessage because)
    {
        public OccupationClassification? Classification { get; } = classification;

        public string? Code { get; } = code;

        public string? Title { get; } = title;

        public RecordMessage Because { get; } = because;

        public int Rows { get; set; }

        public Dictionary<Measure, decimal> Values { get; } = [];
    }
}
