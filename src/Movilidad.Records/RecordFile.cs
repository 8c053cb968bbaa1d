using System.Diagnostics;

namespace Movilidad.Records;

/// <summary>
/// Opens a labour-market file of a known publication: detects the publication from the content (sheet names, column
/// names, title rows), checks the columns, and returns a <see cref="RecordRead"/> whose rows stream one at a time.
/// Every problem with the file is a <see cref="RecordFileException"/> naming the file, sheet, row and column.
/// </summary>
public static class RecordFile
{
    private static readonly TemplateReader Template = new();

    private static readonly SourceReader[] Readers =
        [new OflcReader(), new OflcRecruitersReader(), new EsdcLmiaReader(), new IlostatReader(), Template];

    /// <summary>Opens the file at <paramref name="path"/>; the returned read owns the file until disposed.</summary>
    public static RecordRead Open(string path, RecordReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 65536);
        try
        {
            var read = Open(stream, Path.GetFileName(path), options, ownsStream: true);
            stream = null;
            return read;
        }
        finally
        {
            stream?.Dispose();
        }
    }

    /// <summary>Opens a file given as a readable, seekable stream (left open when the read is disposed).</summary>
    public static RecordRead Open(Stream stream, string fileName, RecordReaderOptions? options = null) =>
        Open(stream, fileName, options, ownsStream: false);

    /// <summary>Only says which publication the file is (and refuses it, like <see cref="Open(string, RecordReaderOptions?)"/>, when it is none).</summary>
    public static RecordSource Detect(Stream stream, string fileName, RecordReaderOptions? options = null)
    {
        using var read = Open(stream, fileName, options);
        return read.Source;
    }

    private static RecordRead Open(Stream stream, string fileName, RecordReaderOptions? options, bool ownsStream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        options ??= new RecordReaderOptions();
        var clock = Stopwatch.StartNew();
        var (table, sha256, bytes) = FileOpener.Open(stream, fileName, options);
        try
        {
            var recognition = Recognise(table, options);
            CheckNamedColumns(recognition, options);
            if (recognition.Missing.Count > 0)
            {
                throw SourceReader.MissingColumns(recognition, recognition.Missing);
            }
            var report = new RecordReport
            {
                FileName = fileName,
                Sha256 = sha256,
                Bytes = bytes,
                Source = recognition.Source,
                Description = recognition.Description,
                Format = table.Format,
                Encoding = table.Encoding,
                Sheet = recognition.Candidate.Sheet.Name.Length == 0 ? null : recognition.Candidate.Sheet.Name,
                HeaderRow = recognition.Candidate.Header.Number,
                Title = Cells.Clean(recognition.Candidate.AboveText),
                FiscalYear = Detection.FiscalYear(recognition.Candidate),
                MaxListedIssues = options.MaxListedIssues,
            };
            foreach (var sheet in table.Sheets.Where(s => s.Index != recognition.Candidate.Sheet.Index))
            {
                report.Note(new RecordMessage(
                    $"La hoja «{sheet.Name}» no se leyó: se lee una sola tabla por archivo, la de la hoja «{recognition.Candidate.Sheet.Name}».",
                    $"Sheet '{sheet.Name}' was not read: one table is read per file, the one in sheet '{recognition.Candidate.Sheet.Name}'."));
            }
            foreach (var key in recognition.Columns.NamedKeys)
            {
                report.Note(new RecordMessage(
                    $"El campo {key} se leyó de la columna «{recognition.Columns.Name(key)}», indicada al importar.",
                    $"Field {key} was read from column '{recognition.Columns.Name(key)}', named at the import."));
            }
            // The fields the file can do without, absent from this edition: said, so that a renamed one is noticed and named.
            var absent = string.Join(", ", recognition.Reader.Fields.Where(f => !recognition.Columns.Has(f.Key)).Select(f => $"{f.Names[0]} ({f.Key})"));
            if (absent.Length > 0)
            {
                report.Note(new RecordMessage(
                    $"Columnas que el lector de esta publicación también lee y que este archivo no tiene (sus datos no se leen; si una cambió de nombre, indíquela): {absent}.",
                    $"Columns this publication's reader also reads that this file does not have (their data is not read; if one was renamed, name it): {absent}."));
            }
            var context = new ReadContext(recognition, options, options.Crosswalk ?? OccupationCrosswalk.Default, report);
            var read = new RecordRead(table, ownsStream ? stream : null, context, clock);
            table = null!;
            return read;
        }
        finally
        {
            table?.Dispose();
        }
    }

    /// <summary>
    /// Looks at a file without importing it, for the mapping step: its header row (the one a publication's reader
    /// recognises, else the fullest of the first rows), the first data rows as text, the columns a reader found by name
    /// and alias, and the header's signature. Throws <see cref="RecordFileException"/> for a file that cannot be read.
    /// </summary>
    public static TableInspection Inspect(Stream stream, string fileName, RecordReaderOptions? options = null, int previewRows = 10)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        options ??= new RecordReaderOptions();
        var (table, sha256, _) = FileOpener.Open(stream, fileName, options);
        using (table)
        {
            var recognition = Best(Find(table, options));
            Candidate candidate;
            if (recognition is not null)
            {
                candidate = recognition.Candidate;
            }
            else
            {
                var sheet = table.Sheets.OrderBy(s => s.Visible ? 0 : 1).ThenBy(s => s.Index).FirstOrDefault();
                var rows = sheet is null ? [] : table.Rows(sheet).Take(40).ToList();
                var fullest = rows.Take(30).Select(r => r.Filled).DefaultIfEmpty(0).Max();
                var at = rows.FindIndex(r => r.Filled == fullest);
                if (sheet is null || fullest < 2)
                {
                    throw new RecordFileException("empty", new SourceLocation(fileName, sheet?.Name, 0), null, new RecordMessage(
                        "El archivo no tiene una fila de encabezados (al menos dos columnas con nombre).", "The file has no header row (at least two named columns)."));
                }
                candidate = new Candidate(table, sheet, rows[at], rows[..at], rows[(at + 1)..]);
            }
            var header = Enumerable.Range(0, candidate.Header.Count).Select(candidate.Header.Text).ToList();
            var preview = candidate.Below.Where(r => !r.IsBlank).Take(previewRows)
                .Select(r => new TablePreviewRow(r.Number, [.. Enumerable.Range(0, header.Count).Select(r.Text)])).ToList();
            var found = recognition?.Columns.Keys.ToDictionary(k => k, k => recognition.Columns.Name(k)!, StringComparer.Ordinal) ?? [];
            var missing = recognition?.Missing.SelectMany(g => g).Select(s => s.Key).ToHashSet(StringComparer.Ordinal) ?? [];
            var fields = recognition?.Reader.Fields.Select(s => new RecordField(s.Key, s.Names[0], s.Required, missing.Contains(s.Key))).ToList() ?? [];
            IReadOnlyList<IReadOnlyList<string>> groups = recognition?.Missing.Select(g => (IReadOnlyList<string>)[.. g.Select(s => s.Key)]).ToList() ?? [];
            return new TableInspection(fileName, sha256, table.Format, candidate.Sheet.Name.Length == 0 ? null : candidate.Sheet.Name, candidate.Header.Number,
                header, preview, recognition?.Source, recognition?.Description, found, TableInspection.SignatureOf(header), fields) { Missing = groups };
        }
    }

    /// <summary>Refuses a file for which the person named a column that is not in the header, or a field its reader does not have.</summary>
    private static void CheckNamedColumns(Recognition recognition, RecordReaderOptions options)
    {
        IReadOnlyList<KeyValuePair<string, string>> unresolved = recognition.Reader.Fields.Count == 0 ? [.. options.Columns ?? new Dictionary<string, string>()] : recognition.Columns.Unresolved;
        if (unresolved.Count == 0)
        {
            return;
        }
        var (key, column) = unresolved[0];
        var candidate = recognition.Candidate;
        throw new RecordFileException("no-such-column", new SourceLocation(candidate.File.FileName, candidate.Sheet.Name.Length == 0 ? null : candidate.Sheet.Name, candidate.Header.Number), column,
            new RecordMessage(
                $"Se indicó la columna «{column}» para el campo {key}, pero {recognition.Description.Es} no tiene ese campo, o la fila de encabezados no tiene esa columna (o ya se usa para otro campo).",
                $"Column '{column}' was named for field {key}, but {recognition.Description.En} has no such field, or the header row has no such column (or it is used for another field)."));
    }

    private static List<Recognition> Find(TableFile table, RecordReaderOptions options)
    {
        var found = new List<Recognition>();
        foreach (var sheet in table.Sheets.OrderBy(s => s.Visible ? 0 : 1).ThenBy(s => s.Index))
        {
            var rows = table.Rows(sheet).Take(40).ToList();
            for (var i = 0; i < Math.Min(rows.Count, 30); i++)
            {
                if (rows[i].Filled < 2)
                {
                    continue;
                }
                var candidate = new Candidate(table, sheet, rows[i], rows[..i], rows[(i + 1)..]) { Named = options.Columns };
                found.AddRange(Readers.Select(r => r.Recognise(candidate)).OfType<Recognition>());
                if (options.Template is { } mapping && Template.Recognise(candidate, mapping, 50) is { } saved)
                {
                    found.Add(saved);
                }
            }
            if (found.Count > 0)
            {
                break;
            }
        }
        return found;
    }

    /// <summary>The table as the publication it is most like: one whose fields are all there before one that lacks some, a reader before the template, then by score and the highest header.</summary>
    private static Recognition? Best(IEnumerable<Recognition> found) =>
        found.OrderByDescending(r => r.Tier).ThenByDescending(r => r.Score).ThenBy(r => r.Candidate.Header.Number).FirstOrDefault();

    private static Recognition Recognise(TableFile table, RecordReaderOptions options)
    {
        var location = new SourceLocation(table.FileName, null, 0);
        var found = Find(table, options);
        var best = Best(found);
        if (options.Source is { } wanted)
        {
            var chosen = Best(found.Where(r => r.Source == wanted));
            if (chosen is null && best is not null)
            {
                throw new RecordFileException("source-mismatch", location, null, new RecordMessage(
                    $"Se eligió la fuente «{wanted.Slug()}» ({wanted.Name("es")}), pero el archivo parece ser: {best.Description.Es}.",
                    $"Source '{wanted.Slug()}' ({wanted.Name("en")}) was chosen, but the file looks like: {best.Description.En}."));
            }
            best = chosen;
        }
        if (best is null)
        {
            var looksLike = Detection.LooksLike(table);
            throw new RecordFileException("other-publication", location, null, new RecordMessage(
                $"El archivo no es de ninguna publicación que Movilidad lea (decisiones H-2A/H-2B de OFLC, Apéndice C H-2B, listas de EIMT de ESDC, ILOSTAT, plantilla de Movilidad): parece {looksLike.Es}.",
                $"The file is not one of the publications Movilidad reads (OFLC H-2A/H-2B decisions, H-2B Appendix C, ESDC LMIA lists, ILOSTAT, the Movilidad template): it looks like {looksLike.En}."));
        }
        return best;
    }
}

/// <summary>
/// An open file of a known publication. <see cref="Rows"/> streams its normalised rows (enumerate once); the
/// <see cref="Report"/> is complete when the enumeration ends. Dispose it to release the file.
/// </summary>
public sealed class RecordRead : IDisposable
{
    private readonly TableFile _table;
    private readonly Stream? _ownedStream;
    private readonly ReadContext _context;
    private readonly Stopwatch _clock;
    private bool _enumerated;

    internal RecordRead(TableFile table, Stream? ownedStream, ReadContext context, Stopwatch clock)
    {
        _table = table;
        _ownedStream = ownedStream;
        _context = context;
        _clock = clock;
    }

    /// <summary>The publication the file is.</summary>
    public RecordSource Source => _context.Recognition.Source;

    /// <summary>What reading found; its counts and totals are final once <see cref="RecordReport.Complete"/> is true.</summary>
    public RecordReport Report => _context.Report;

    /// <summary>The rows, one at a time, in file order. Can be enumerated once.</summary>
    public IEnumerable<RecordRow> Rows
    {
        get
        {
            if (_enumerated)
            {
                throw new InvalidOperationException("The rows of a file can be read once; open it again to read them again.");
            }
            _enumerated = true;
            return Stream();
        }
    }

    private IEnumerable<RecordRow> Stream()
    {
        var total = _table.RowCountHint(_context.Candidate.Sheet);
        var progress = _context.Options.Progress;
        foreach (var row in _context.Recognition.Reader.Read(_context))
        {
            yield return row;
            if (progress is not null && _context.Report.RowsRead % 1000 == 0)
            {
                progress.Report(new RecordProgress(_context.Report.RowsRead, total is > 0 ? Math.Min(1, row.Location.Row / (double)total) : null));
            }
        }
        _context.Report.Elapsed = _clock.Elapsed;
        _context.Report.Complete = true;
        progress?.Report(new RecordProgress(_context.Report.RowsRead, 1));
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _table.Dispose();
        _ownedStream?.Dispose();
    }
}
