namespace Movilidad.Records;

/// <summary>A candidate table: a sheet, a row that may hold the column names, the rows above it and the first rows below.</summary>
internal sealed record Candidate(TableFile File, SheetInfo Sheet, TableRow Header, IReadOnlyList<TableRow> Above, IReadOnlyList<TableRow> Below)
{
    /// <summary>The columns the person named for the reader's fields (<see cref="RecordReaderOptions.Columns"/>), or null.</summary>
    public IReadOnlyDictionary<string, string>? Named { get; init; }

    public IEnumerable<string> Names => Enumerable.Range(0, Header.Count).Select(i => Columns.Normalise(Header.Text(i))).Where(n => n.Length > 0);

    public string AboveText => string.Join(" ", Above.SelectMany(r => Enumerable.Range(0, r.Count).Select(r.Text)).Where(t => t.Length > 0));
}

/// <summary>
/// A table recognised as a publication: which one, its columns, and what it is in words. <see cref="Missing"/> lists the
/// fields the reader cannot read it without and did not find, each a group of which one column is enough: a table of a
/// known publication whose new edition renamed or moved a column it is known by is still recognised from the columns it
/// has, and is read once the person names the column (<see cref="RecordReaderOptions.Columns"/>).
/// </summary>
internal sealed record Recognition(SourceReader Reader, RecordSource Source, Candidate Candidate, Columns Columns, RecordMessage Description, int Score)
{
    public IReadOnlyList<ColumnSpec[]> Missing { get; init; } = [];

    /// <summary>The documented template proposed for a table no saved mapping names: it gives way to any publication's reader.</summary>
    public bool Fallback { get; init; }

    /// <summary>How the recognitions of a table are ranked before their scores: a publication with all its fields, then one with fields missing, then the template.</summary>
    public int Tier => Fallback ? 0 : Missing.Count > 0 ? 1 : 2;
}

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

    /// <summary>How many of <paramref name="groups"/> (the columns a publication is known by) have none of their columns in the table.</summary>
    protected static int Absent(Columns columns, string[][] groups) => groups.Count(g => !g.Any(columns.Has));

    /// <summary>
    /// The fields the table lacks: each group of <paramref name="groups"/> none of whose columns was found (the columns the
    /// publication is known by), then each required field not found.
    /// </summary>
    protected static List<ColumnSpec[]> MissingFields(Columns columns, IReadOnlyList<ColumnSpec> specs, params string[][] groups)
    {
        var missing = groups.Where(g => !g.Any(columns.Has)).Select(g => g.Select(k => specs.First(s => s.Key == k)).ToArray()).ToList();
        missing.AddRange(columns.Missing.Where(spec => !missing.Any(g => g.Contains(spec))).Select(spec => new[] { spec }));
        return missing;
    }

    /// <summary>
    /// The error for a table that lacks fields its reader needs: it names each field's known column and key, and says how
    /// to name the column that holds it instead (the import page, <c>--column KEY=COLUMN</c> on the command line).
    /// </summary>
    internal static RecordFileException MissingColumns(Recognition recognition, IReadOnlyList<ColumnSpec[]> missing)
    {
        var candidate = recognition.Candidate;
        var names = string.Join(", ", missing.Select(g => string.Join("/", g.Select(s => s.Names[0]))));
        string Names(string or) => string.Join(", ", missing.Select(g => string.Join(or, g.Select(s => s.Names[0]))));
        string Keys(string or) => string.Join(", ", missing.Select(g => string.Join(or, g.Select(s => s.Key))));
        var example = missing[0][0].Key;
        var many = missing.Count > 1;
        return new RecordFileException("missing-column", new SourceLocation(candidate.File.FileName, candidate.Sheet.Name.Length == 0 ? null : candidate.Sheet.Name, candidate.Header.Number), names,
            new RecordMessage(
                $"{(many ? "Faltan las columnas" : "Falta la columna")} {Names(" o ")} en la fila de encabezados ({recognition.Description.Es}). "
                + $"{(many ? "Agréguelas" : "Agréguela")} con su nombre o uno de sus nombres conocidos, o indique qué columna del archivo contiene {(many ? "cada campo" : "el campo")} ({Keys(" o ")}): "
                + $"en la página de importación, o con --column {example}=COLUMNA en la línea de órdenes.",
                $"{(many ? "Columns" : "Column")} {Names(" or ")} {(many ? "are" : "is")} missing from the header row ({recognition.Description.En}). "
                + $"Add {(many ? "them" : "it")} under {(many ? "their names or known names" : "its name or one of its known names")}, or name the column of the file that holds {(many ? "each field" : "the field")} ({Keys(" or ")}): "
                + $"on the import page, or with --column {example}=COLUMN on the command line."));
    }
}
