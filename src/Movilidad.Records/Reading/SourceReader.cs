namespace Movilidad.Records;

/// <summary>A candidate table: a sheet, a row that may hold the column names, the rows above it and the first rows below.</summary>
internal sealed record Candidate(TableFile File, SheetInfo Sheet, TableRow Header, IReadOnlyList<TableRow> Above, IReadOnlyList<TableRow> Below)
{
    /// <summary>The columns the person named for the reader's fields (<see cref="RecordReaderOptions.Columns"/>), or null.</summary>
    public IReadOnlyDictionary<string, string>? Named { get; init; }

    public IEnumerable<string> Names => Enumerable.Range(0, Header.Count).Select(i => Columns.Normalise(Header.Text(i))).Where(n => n.Length > 0);

    public string AboveText => string.Join(" ", Above.SelectMany(r => Enumerable.Range(0, r.Count).Select(r.Text)).Where(t => t.Length > 0));
}

/// <summary>A table recognised as a publication: which one, its columns, and what it is in words.</summary>
internal sealed record Recognition(SourceReader Reader, RecordSource Source, Candidate Candidate, Columns Columns, RecordMessage Description, int Score);

/// <summary>Everything a reader needs while it reads: the table, the options, the crosswalk, places, and the report it fills.</summary>
internal sealed class ReadContext(Recognition recognition, RecordReaderOptions options, OccupationCrosswalk crosswalk, RecordReport report)
{
    public Recognition Recognition { get; } = recognition;

    public Candidate Candidate => Recognition.Candidate;

    public Columns Columns => Recognition.Columns;

    public RecordReaderOptions Options { get; } = options;

    public OccupationCrosswalk Crosswalk { get; } = crosswalk;

    public PlaceDirectory Places { get; } = PlaceDirectory.Default;

    public RecordReport Report { get; } = report;

    public string FileName => Candidate.File.FileName;

    public SourceLocation At(TableRow row) => new(FileName, Candidate.Sheet.Name.Length == 0 ? null : Candidate.Sheet.Name, row.Number);

    /// <summary>
    /// The data rows below the header, in order, counted as read; blank rows are passed over and note rows counted
    /// as footnotes (with <paramref name="notesEndTheTable"/>, every row after the first note too).
    /// </summary>
    public IEnumerable<TableRow> DataRows(Func<TableRow, bool> isNote, bool notesEndTheTable = false)
    {
        var notes = false;
        foreach (var row in Candidate.File.Rows(Candidate.Sheet))
        {
            if (row.Number <= Candidate.Header.Number || row.IsBlank)
            {
                continue;
            }
            if (notes || isNote(row))
            {
                notes = notesEndTheTable;
                Report.FootnoteRows++;
                continue;
            }
            Report.RowsRead++;
            yield return row;
        }
    }

    public RowIssue Issue(RowIssueKind kind, TableRow row, string? columnKey, string reason, string? value, RecordMessage message)
    {
        var issue = new RowIssue(kind, At(row), columnKey is null ? null : Columns.Name(columnKey) ?? columnKey, reason, value, message);
        Report.Add(issue);
        return issue;
    }

    public void Skip(TableRow row, string? columnKey, string reason, string? value, RecordMessage message)
    {
        Report.RowsSkipped++;
        Issue(RowIssueKind.Skipped, row, columnKey, reason, value, message);
    }

    /// <summary>Reads a count; a value that is not a number, or is negative, skips the row and names the column.</summary>
    public bool Count(TableRow row, string key, out decimal? value)
    {
        value = null;
        if (!Columns.Has(key))
        {
            return true;
        }
        var cell = row[Columns[key]];
        if (!Cells.TryNumber(cell, out value))
        {
            Skip(row, key, "not-a-number", cell.Text, new RecordMessage(
                $"«{cell.Text}» no es un número; escriba solo cifras.",
                $"'{cell.Text}' is not a number; write digits only."));
            return false;
        }
        if (value < 0)
        {
            Skip(row, key, "negative", cell.Text, new RecordMessage(
                $"{cell.Text} es negativo; un recuento no puede serlo.",
                $"{cell.Text} is negative; a count cannot be."));
            return false;
        }
        return true;
    }

    public string? Text(TableRow row, string key) => Columns.Has(key) ? Cells.Clean(row.Text(Columns[key])) : null;

    public RecordRow Row(
        TableRow row,
        SourceOccupation occupation,
        OccupationMapping? mapping,
        Place place,
        Period period,
        IReadOnlyList<MeasureValue> values,
        string? programme,
        Organisation? employer = null,
        Organisation? recruiter = null,
        string? caseNumber = null,
        string? status = null,
        DecisionStatus decision = DecisionStatus.Other,
        ApplicationRole role = ApplicationRole.Single)
    {
        mapping ??= Crosswalk.Map(occupation);
        var observations = new List<Observation>();
        foreach (var value in values.Where(v => v.Counted))
        {
            observations.AddRange(OccupationCrosswalk.Split(value.Measure, value.Value, mapping));
        }
        var result = new RecordRow
        {
            Source = Recognition.Source,
            Location = At(row),
            CaseNumber = caseNumber,
            Status = status,
            DecisionStatus = decision,
            ApplicationRole = role,
            Occupation = occupation,
            Mapping = mapping,
            Place = place,
            Period = period,
            Programme = programme,
            Employer = employer,
            Recruiter = recruiter,
            Values = values,
            Observations = observations,
        };
        Report.Classification ??= occupation.Classification;
        Report.Count(result);
        return result;
    }
}

/// <summary>Reads one publication: recognises its tables and turns their rows into <see cref="RecordRow"/>s.</summary>
internal abstract class SourceReader
{
    /// <summary>The table as this publication, or null when it is not.</summary>
    public abstract Recognition? Recognise(Candidate candidate);

    /// <summary>The fields this reader looks for in the header (none for the template, which is read through its mapping).</summary>
    public virtual IReadOnlyList<ColumnSpec> Fields => [];

    public abstract IEnumerable<RecordRow> Read(ReadContext context);

    /// <summary>A footnote or note row: text in the first cell only.</summary>
    protected static bool IsFootnote(TableRow row) => row.Filled == 1 && !row[0].IsEmpty && row[0].Number is null;

    /// <summary>A note under a table whose first column holds codes: a sentence (words) alone in the first cell.</summary>
    protected static bool IsNote(TableRow row) =>
        IsFootnote(row) && (row.Text(0).Contains(' ', StringComparison.Ordinal) || row.Text(0).EndsWith(':'));

    protected static RecordFileException MissingColumns(Recognition recognition, IReadOnlyList<ColumnSpec> missing)
    {
        var candidate = recognition.Candidate;
        var names = string.Join(", ", missing.Select(m => m.Names[0]));
        return new RecordFileException("missing-column", new SourceLocation(candidate.File.FileName, candidate.Sheet.Name.Length == 0 ? null : candidate.Sheet.Name, candidate.Header.Number), names,
            new RecordMessage(
                $"Falta la columna {names} en la fila de encabezados ({recognition.Description.Es}). Agréguela con su nombre o uno de sus nombres conocidos.",
                $"Column {names} is missing from the header row ({recognition.Description.En}). Add it under its name or one of its known names."));
    }
}
