using System.Text;
using ExcelDataReader;
using ExcelDataReader.Exceptions;

namespace Movilidad.Records;

/// <summary>A legacy Excel 97-2003 workbook (.xls), read row by row with ExcelDataReader.</summary>
internal sealed class XlsTable : TableFile
{
    private readonly IExcelDataReader _reader;
    private readonly List<SheetInfo> _sheets;

    static XlsTable() => System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private XlsTable(IExcelDataReader reader, List<SheetInfo> sheets)
    {
        _reader = reader;
        _sheets = sheets;
    }

    public override IReadOnlyList<SheetInfo> Sheets => _sheets;

    public static XlsTable Open(Stream stream, string fileName)
    {
        var location = new SourceLocation(fileName, null, 0);
        IExcelDataReader? reader = null;
        try
        {
            stream.Position = 0;
            reader = ExcelReaderFactory.CreateBinaryReader(stream, new ExcelReaderConfiguration { LeaveOpen = true });
            var sheets = new List<SheetInfo>();
            do
            {
                sheets.Add(new SheetInfo(reader.Name ?? $"Sheet{sheets.Count + 1}", reader.VisibleState is null or "visible", sheets.Count));
            }
            while (reader.NextResult());
            var table = new XlsTable(reader, sheets) { FileName = fileName, Format = "xls" };
            reader = null;
            return table;
        }
        catch (InvalidPasswordException e)
        {
            throw Encrypted(location, e);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or RecordFileException))
        {
            // A damaged binary workbook can make the parser fail in many ways; each means the same to the person.
            throw ZipGuard.Corrupt(location, e);
        }
        finally
        {
            reader?.Dispose();
        }
    }

    public override int? RowCountHint(SheetInfo sheet) => null;

    public override IEnumerable<TableRow> Rows(SheetInfo sheet)
    {
        try
        {
            _reader.Reset();
            for (var i = 0; i < sheet.Index; i++)
            {
                _reader.NextResult();
            }
        }
        catch (Exception e) when (e is not (OutOfMemoryException or RecordFileException))
        {
            throw ZipGuard.Corrupt(new SourceLocation(FileName, sheet.Name, 0), e);
        }
        var number = 0;
        while (Next(sheet))
        {
            number++;
            var cells = new TableCell[_reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = _reader.GetValue(i) switch
                {
                    null => TableCell.Empty,
                    double d => TableCell.FromNumber(d, false),
                    int n => TableCell.FromNumber(n, false),
                    DateTime date => TableCell.FromNumber(date.ToOADate(), true),
                    bool b => new TableCell(b ? "TRUE" : "FALSE", null, false),
                    var other => new TableCell(Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) ?? "", null, false),
                };
            }
            yield return new TableRow(sheet.Name, number, cells);
        }
    }

    private bool Next(SheetInfo sheet)
    {
        try
        {
            return _reader.Read();
        }
        catch (Exception e) when (e is not (OutOfMemoryException or RecordFileException))
        {
            throw ZipGuard.Corrupt(new SourceLocation(FileName, sheet.Name, 0), e);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _reader.Dispose();
        }
        base.Dispose(disposing);
    }

    internal static RecordFileException Encrypted(SourceLocation location, Exception? inner = null) =>
        new("encrypted", location, null, new RecordMessage(
            "El libro está protegido con contraseña (cifrado) y no se puede leer. Ábralo en Excel, quite la contraseña (Archivo > Información > Proteger libro) y guárdelo de nuevo.",
            "The workbook is protected with a password (encrypted) and cannot be read. Open it in Excel, remove the password (File > Info > Protect Workbook) and save it again."), inner);
}
