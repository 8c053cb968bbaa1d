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
    private readonly Dictionary<string, Dictionary<(int Row, int Column), string>> _sheets = new(StringComparer.Ordinal);

    /// <summary>
    /// One element of a GET ... CONSTANTS block: <paramref name="ordinal"/> counts the elements of the equation's
    /// left side in order, <paramref name="columns"/> is the size of its last subscript (the block's width).
    /// </summary>
    public double ReadConstant(CallExpr call, int rank, int columns, int ordinal, string location, string variable)
    {
        var args = Texts(call, 3, location, variable);
        var sheet = Sheet(args[0], args[1], location, variable);
        var cellText = args[2].Trim();
        var transpose = cellText.EndsWith('*');
        var (row, column) = Cell(cellText.TrimEnd('*'), location, variable);
        var (i, j) = rank <= 1 ? (ordinal, 0) : (ordinal / columns, ordinal % columns);
        if (transpose)
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
        var sheet = Sheet(args[0], args[1], location, variable);
        var timeAxis = args[2].Trim();
        var (row, column) = Cell(args[3].Trim(), location, variable);

        var across = int.TryParse(timeAxis, NumberStyles.Integer, CultureInfo.InvariantCulture, out var timeRow);
        var xs = new List<double>();
        var ys = new List<double>();
        if (across)
        {
            for (var c = column; c < column + 100_000; c++)
            {
                if (!sheet.TryGetValue((timeRow - 1, c), out var t) || !TryNumber(t, out var x))
                {
                    break;
                }

                xs.Add(x);
                ys.Add(sheet.TryGetValue((row + flat, c), out var v) && TryNumber(v, out var y) ? y : double.NaN);
            }
        }
        else
        {
            var timeColumn = ColumnIndex(timeAxis);
            for (var r = row; r < row + 1_000_000; r++)
            {
                if (!sheet.TryGetValue((r, timeColumn), out var t) || !TryNumber(t, out var x))
                {
                    break;
                }

                xs.Add(x);
                ys.Add(sheet.TryGetValue((r, column + flat), out var v) && TryNumber(v, out var y) ? y : double.NaN);
            }
        }

        var keep = Enumerable.Range(0, xs.Count).Where(k => !double.IsNaN(ys[k])).ToList();
        return ([.. keep.Select(k => xs[k])], [.. keep.Select(k => ys[k])]);
    }

    public IEnumerable<string> ReadSubscript(Expr expr, string baseDirectory)
    {
        if (expr is not CallExpr call)
        {
            throw new ModelException("a subscript range must list its elements or call GET DIRECT SUBSCRIPT", modelFile, null, null);
        }

        var args = Texts(call, 3, string.Empty, null);
        var sheet = Sheet(args[0], args[1], string.Empty, null);
        var (row, column) = Cell(args[2], string.Empty, null);
        var (lastRow, lastColumn) = args.Count > 3 && args[3].Length > 0 ? Cell(args[3], string.Empty, null) : (row + 10_000, column + 10_000);
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
            throw new ModelException($"{call.Function.ToUpperInvariant()} takes at least {min} arguments but is given {call.Arguments.Count}", modelFile, location, variable);
        }

        return [.. call.Arguments.Select(a => a switch
        {
            TextExpr t => t.Value,
            ReferenceExpr r => r.DisplayName,
            NumberExpr n => n.Value.ToString(CultureInfo.InvariantCulture),
            _ => throw new ModelException($"the arguments of {call.Function.ToUpperInvariant()} must be quoted text", modelFile, location, variable),
        })];
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private static double Number(Dictionary<(int Row, int Column), string> sheet, int row, int column) =>
        sheet.TryGetValue((row, column), out var text) && TryNumber(text, out var v) ? v : double.NaN;

    private (int Row, int Column) Cell(string reference, string location, string? variable)
    {
        var letters = 0;
        while (letters < reference.Length && char.IsAsciiLetter(reference[letters]))
        {
            letters++;
        }

        if (letters == 0 || !int.TryParse(reference[letters..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var row))
        {
            throw new ModelException($"'{reference}' is not a cell reference such as B2 (named ranges are not supported)", modelFile, location, variable);
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

    private Dictionary<(int Row, int Column), string> Sheet(string file, string sheetOrSeparator, string location, string? variable)
    {
        var directory = Path.GetDirectoryName(modelFile) ?? ".";
        var path = Path.Combine(directory, file.Trim());
        var key = path + "|" + sheetOrSeparator;
        if (_sheets.TryGetValue(key, out var cached))
        {
            return cached;
        }

        if (!File.Exists(path))
        {
            throw new ModelException($"the data file '{file}' does not exist (looked in {directory})", modelFile, location, variable);
        }

        var extension = Path.GetExtension(path).ToUpperInvariant();
        var sheet = extension switch
        {
            ".XLSX" or ".XLSM" => ReadXlsx(path, sheetOrSeparator, location, variable),
            ".CSV" or ".TAB" or ".TXT" => ReadDelimited(path, extension == ".TAB" ? "\t" : sheetOrSeparator),
            _ => throw new ModelException($"'{file}': only .xlsx, .csv and .tab data files can be read", modelFile, location, variable),
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

    private Dictionary<(int Row, int Column), string> ReadXlsx(string path, string sheetName, string location, string? variable)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(path, false);
            var workbook = document.WorkbookPart ?? throw new ModelException($"'{Path.GetFileName(path)}' has no workbook", modelFile, location, variable);
            var sheet = workbook.Workbook.Descendants<Sheet>().FirstOrDefault(s => string.Equals(s.Name?.Value, sheetName, StringComparison.OrdinalIgnoreCase))
                ?? throw new ModelException($"'{Path.GetFileName(path)}' has no sheet named '{sheetName}'", modelFile, location, variable);
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

            return cells;
        }
        catch (Exception e) when (e is IOException or OpenXmlPackageException or InvalidDataException)
        {
            throw new ModelException($"'{Path.GetFileName(path)}' cannot be read as .xlsx: {e.Message}", modelFile, location, variable);
        }
    }
}
