using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Movilidad.Dynamics.Equations;

namespace Movilidad.Dynamics.Builtins;

/// <summary>
/// Reads the spreadsheets and delimited files named by GET XLS/DIRECT functions. Each file is read once per model;
/// cells are kept as text or numbers by (row, column), both 0-based.
/// </summary>
internal sealed class DataSources(string modelFile)
{
    private readonly Dictionary<string, Sheet> _sheets = new(StringComparer.Ordinal);

    /// <summary>The files that '?tag' file names stand for (Vensim's Model>Settings>XLS Files), tags compared ignoring case.</summary>
    public Dictionary<string, string> FileTags { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A block of cells named in the workbook, 0-based and inclusive.</summary>
    private readonly record struct CellRange(int Row, int Column, int LastRow, int LastColumn);

    /// <summary>The cells of one sheet (or delimited file) and the names the workbook defines for it.</summary>
    private sealed class Sheet(Dictionary<(int Row, int Column), string> cells, Dictionary<string, CellRange> names)
    {
        public Dictionary<(int Row, int Column), string> Cells { get; } = cells;

        public Dictionary<string, CellRange> Names { get; } = names;

        public bool TryGetValue((int Row, int Column) cell, out string text) => Cells.TryGetValue(cell, out text!);
    }

    /// <summary>
    /// One element of a GET ... CONSTANTS block: <paramref name="ordinal"/> counts the elements of the equation's
    /// left side in order, <paramref name="columns"/> is the size of its last subscript (the block's width).
    /// </summary>
    public double ReadConstant(CallExpr call, int rank, int columns, int ordinal, string location, string variable)
    {
        var args = Texts(call, 3, location, variable);
        var sheet = Open(args[0], args[1], location, variable);
        var cellText = args[2].Trim();
        var transpose = cellText.EndsWith('*');
        var (row, column, _, _) = Resolve(sheet, cellText.TrimEnd('*'), location, variable);
        var (i, j) = rank <= 1 ? (ordinal, 0) : (ordinal / columns, ordinal % columns);
        if (transpose && rank > 1)
        {
            (i, j) = (j, i);
        }

        return rank <= 1
            ? Number(sheet, transpose ? row + i : row, transpose ? column : column + i)
            : Number(sheet, row + i, column + j);
    }

    /// <summary>One series of a GET ... DATA or LOOKUPS block; <paramref name="flat"/> counts the equation's elements in order.</summary>
    public (double[] X, double[] Y) ReadTable(CallExpr call, int flat, string location, string variable)
    {
        var args = Texts(call, 4, location, variable);
        var sheet = Open(args[0], args[1], location, variable);
        var timeAxis = args[2].Trim();
        var (row, column, _, _) = Resolve(sheet, args[3].Trim(), location, variable);
        var xs = new List<double>();
        var ys = new List<double>();
        void Add(string? time, string? value)
        {
            xs.Add(time is not null && TryNumber(time, out var x) ? x : double.NaN);
            ys.Add(value is not null && TryNumber(value, out var y) ? y : double.NaN);
        }

        if (sheet.Names.TryGetValue(timeAxis.ToUpperInvariant(), out var named))
        {
            var across = named.Row == named.LastRow;
            var length = across ? named.LastColumn - named.Column + 1 : named.LastRow - named.Row + 1;
            for (var k = 0; k < length; k++)
            {
                var timeCell = across ? (named.Row, named.Column + k) : (named.Row + k, named.Column);
                var valueCell = across ? (row + flat, column + k) : (row + k, column + flat);
                Add(sheet.TryGetValue(timeCell, out var t) ? t : null, sheet.TryGetValue(valueCell, out var v) ? v : null);
            }
        }
        else if (int.TryParse(timeAxis, NumberStyles.Integer, CultureInfo.InvariantCulture, out var timeRow))
        {
            // Missing cells are skipped, as Vensim does, up to the sheet's last used column.
            var lastColumn = sheet.Cells.Keys.Select(k => k.Column).DefaultIfEmpty(column).Max();
            for (var c = column; c <= lastColumn; c++)
            {
                Add(sheet.TryGetValue((timeRow - 1, c), out var t) ? t : null, sheet.TryGetValue((row + flat, c), out var v) ? v : null);
            }
        }
        else
        {
            var timeColumn = ColumnIndex(timeAxis);
            var lastRow = sheet.Cells.Keys.Select(k => k.Row).DefaultIfEmpty(row).Max();
            for (var r = row; r <= lastRow; r++)
            {
                Add(sheet.TryGetValue((r, timeColumn), out var t) ? t : null, sheet.TryGetValue((r, column + flat), out var v) ? v : null);
            }
        }

        var keep = Enumerable.Range(0, xs.Count).Where(k => !double.IsNaN(xs[k]) && !double.IsNaN(ys[k])).ToList();
        return ([.. keep.Select(k => xs[k])], [.. keep.Select(k => ys[k])]);
    }

    public IEnumerable<string> ReadSubscript(Expr expr, string baseDirectory)
    {
        if (expr is not CallExpr call)
        {
            throw new ModelException(new Diagnostic(DiagnosticCode.SubscriptRangeWithoutElements), modelFile, null, null);
        }

        var args = Texts(call, 3, string.Empty, null);
        var sheet = Open(args[0], args[1], string.Empty, null);
        var (row, column, _, _) = Resolve(sheet, args[2], string.Empty, null);
        var (lastRow, lastColumn) = args.Count > 3 && args[3].Length > 0 ? LastCell(args[3].Trim(), row, column) : (row + 10_000, column + 10_000);
        var prefix = args.Count > 4 ? args[4] : string.Empty;
        var result = new List<string>();
        for (var r = row; r <= lastRow; r++)
        {
            for (var c = column; c <= lastColumn; c++)
            {
                if (sheet.TryGetValue((r, c), out var text) && text.Length > 0)
                {
                    result.Add(prefix + text);
                }
            }
        }

        return result;
    }

    private List<string> Texts(CallExpr call, int min, string location, string? variable)
    {
        if (call.Arguments.Count < min)
        {
            throw ModelException.At(new Diagnostic(DiagnosticCode.FunctionArityAtLeast, ("function", call.Function.ToUpperInvariant()), ("min", min), ("given", call.Arguments.Count)), modelFile, location, variable);
        }

        return [.. call.Arguments.Select(a => a switch
        {
            TextExpr t => t.Value,
            ReferenceExpr r => r.DisplayName,
            NumberExpr n => n.Value.ToString(CultureInfo.InvariantCulture),
            _ => throw ModelException.At(new Diagnostic(DiagnosticCode.ArgumentsNotQuoted, ("function", call.Function.ToUpperInvariant())), modelFile, location, variable),
        })];
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private CellRange Resolve(Sheet sheet, string reference, string location, string? variable)
    {
        if (sheet.Names.TryGetValue(reference.Trim().ToUpperInvariant(), out var range))
        {
            return range;
        }

        var (row, column) = Cell(reference.Trim(), location, variable);
        return new CellRange(row, column, row, column);
    }

    private static double Number(Sheet sheet, int row, int column) =>
        sheet.TryGetValue((row, column), out var text) && TryNumber(text, out var v) ? v : double.NaN;

    /// <summary>
    /// GET DIRECT SUBSCRIPT's last cell: a cell such as D9, a column alone (D: down that column as far as the
    /// file goes) or a row alone (9: across that row), empty cells being skipped.
    /// </summary>
    private (int Row, int Column) LastCell(string reference, int row, int column)
    {
        if (reference.All(char.IsAsciiLetter))
        {
            return (row + 10_000, ColumnIndex(reference));
        }

        return int.TryParse(reference, NumberStyles.Integer, CultureInfo.InvariantCulture, out var lastRow)
            ? (lastRow - 1, column + 10_000)
            : Cell(reference, string.Empty, null);
    }

    private (int Row, int Column) Cell(string reference, string location, string? variable)
    {
        var letters = 0;
        while (letters < reference.Length && char.IsAsciiLetter(reference[letters]))
        {
            letters++;
        }

        if (letters == 0 || !int.TryParse(reference[letters..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var row))
        {
            throw ModelException.At(new Diagnostic(DiagnosticCode.NotACellReference, ("reference", reference)), modelFile, location, variable);
        }

        return (row - 1, ColumnIndex(reference[..letters]));
    }

    private static int ColumnIndex(string letters)
    {
        var column = 0;
        foreach (var c in letters.ToUpperInvariant())
        {
            column = (column * 26) + (c - 'A' + 1);
        }

        return column - 1;
    }

    private Sheet Open(string file, string sheetOrSeparator, string location, string? variable)
    {
        var directory = Path.GetDirectoryName(modelFile) ?? ".";
        file = file.Trim();
        if (file.StartsWith('?'))
        {
            file = FileTags.TryGetValue(file, out var tagged)
                ? tagged
                : throw ModelException.At(new Diagnostic(DiagnosticCode.DataFileTagUndefined, ("file", file)), modelFile, location, variable);
        }

        var path = Path.Combine(directory, file.Replace('\\', Path.DirectorySeparatorChar));
        var key = path + "|" + sheetOrSeparator;
        if (_sheets.TryGetValue(key, out var cached))
        {
            return cached;
        }

        if (!File.Exists(path))
        {
            throw ModelException.At(new Diagnostic(DiagnosticCode.DataFileMissing, ("file", file), ("directory", directory)), modelFile, location, variable);
        }

        var extension = Path.GetExtension(path).ToUpperInvariant();
        var sheet = extension switch
        {
            ".XLSX" or ".XLSM" => ReadXlsx(path, sheetOrSeparator, location, variable),
            ".XLS" => ReadXls(path, sheetOrSeparator, location, variable),
            ".CSV" or ".TAB" or ".TXT" => new Sheet(ReadDelimited(path, extension == ".TAB" ? "\t" : sheetOrSeparator), []),
            _ => throw ModelException.At(new Diagnostic(DiagnosticCode.DataFileKindUnsupported, ("file", file)), modelFile, location, variable),
        };
        _sheets[key] = sheet;
        return sheet;
    }

    private static Dictionary<(int Row, int Column), string> ReadDelimited(string path, string separator)
    {
        var text = File.ReadAllText(path, Encoding.UTF8).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var sep = separator is "\\t" or "" ? "\t" : separator;
        var cells = new Dictionary<(int, int), string>();
        var lines = text.Split('\n');
        for (var r = 0; r < lines.Length; r++)
        {
            var fields = lines[r].Split(sep);
            for (var c = 0; c < fields.Length; c++)
            {
                cells[(r, c)] = fields[c].Trim().Trim('"');
            }
        }

        return cells;
    }

    /// <summary>Workbook names visible from a sheet: its own (local) names override global ones.</summary>
    private Dictionary<string, CellRange> DefinedNames(WorkbookPart workbook, DocumentFormat.OpenXml.Spreadsheet.Sheet sheet, string location, string? variable)
    {
        var names = new Dictionary<string, CellRange>(StringComparer.Ordinal);
        var sheets = workbook.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().ToList();
        var index = sheets.IndexOf(sheet);
        var definitions = workbook.Workbook.DefinedNames?.Elements<DefinedName>() ?? [];
        foreach (var definition in definitions.OrderBy(d => d.LocalSheetId is null ? 0 : 1))
        {
            if (definition.LocalSheetId is { } local && local.Value != index)
            {
                continue;
            }

            var text = definition.Text.Replace("$", string.Empty, StringComparison.Ordinal);
            var bang = text.LastIndexOf('!');
            var area = bang >= 0 ? text[(bang + 1)..] : text;
            var corners = area.Split(':');
            if (definition.Name?.Value is not { } name || !char.IsAsciiLetter(corners[0].FirstOrDefault()))
            {
                continue;
            }

            var (row, column) = Cell(corners[0], location, variable);
            var (lastRow, lastColumn) = corners.Length > 1 ? Cell(corners[1], location, variable) : (row, column);
            names[name.ToUpperInvariant()] = new CellRange(row, column, lastRow, lastColumn);
        }

        return names;
    }

    private Sheet ReadXlsx(string path, string sheetName, string location, string? variable)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(path, false);
            var workbook = document.WorkbookPart ?? throw ModelException.At(new Diagnostic(DiagnosticCode.WorkbookMissing, ("file", Path.GetFileName(path))), modelFile, location, variable);
            var sheet = workbook.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().FirstOrDefault(s => string.Equals(s.Name?.Value, sheetName, StringComparison.OrdinalIgnoreCase))
                ?? throw ModelException.At(new Diagnostic(DiagnosticCode.SheetMissing, ("file", Path.GetFileName(path)), ("sheetName", sheetName)), modelFile, location, variable);
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
            var cells = new Dictionary<(int, int), string>();
            foreach (var cell in part.Worksheet.Descendants<Cell>())
            {
                if (cell.CellReference?.Value is not { } reference)
                {
                    continue;
                }

                var value = cell.CellValue?.Text ?? cell.InnerText;
                if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index < shared.Count)
                {
                    value = shared[index];
                }

                cells[Cell(reference, location, variable)] = value;
            }

            return new Sheet(cells, DefinedNames(workbook, sheet, location, variable));
        }
        catch (Exception e) when (e is IOException or OpenXmlPackageException or InvalidDataException)
        {
            throw ModelException.At(new Diagnostic(DiagnosticCode.XlsxUnreadable, ("file", Path.GetFileName(path)), ("detail", e.Message)), modelFile, location, variable);
        }
    }

    /// <summary>
    /// A legacy binary workbook (BIFF, Excel 97–2003), read with ExcelDataReader. Its named ranges are not read,
    /// so cells are addressed by reference only.
    /// </summary>
    private Sheet ReadXls(string path, string sheetName, string location, string? variable)
    {
        // Older workbooks store text in Windows code pages, which .NET provides only through this provider.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = ExcelDataReader.ExcelReaderFactory.CreateBinaryReader(stream);
            do
            {
                if (!string.Equals(reader.Name, sheetName, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var cells = new Dictionary<(int, int), string>();
                for (var row = 0; reader.Read(); row++)
                {
                    for (var column = 0; column < reader.FieldCount; column++)
                    {
                        var text = reader.GetValue(column) switch
                        {
                            null => null,
                            double d => d.ToString("R", CultureInfo.InvariantCulture),
                            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                            var other => other.ToString(),
                        };
                        if (text is not null)
                        {
                            cells[(row, column)] = text;
                        }
                    }
                }

                return new Sheet(cells, []);
            }
            while (reader.NextResult());

            throw ModelException.At(new Diagnostic(DiagnosticCode.SheetMissing, ("file", Path.GetFileName(path)), ("sheetName", sheetName)), modelFile, location, variable);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or ExcelDataReader.Exceptions.ExcelReaderException)
        {
            throw ModelException.At(new Diagnostic(DiagnosticCode.XlsUnreadable, ("file", Path.GetFileName(path)), ("detail", e.Message)), modelFile, location, variable);
        }
    }
}
