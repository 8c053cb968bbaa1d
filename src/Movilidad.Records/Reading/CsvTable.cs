using System.Text;
using CsvHelper;

namespace Movilidad.Records;

/// <summary>A CSV file read with CsvHelper in the encoding and with the delimiter detected from its content.</summary>
internal sealed class CsvTable : TableFile
{
    private static readonly SheetInfo Only = new("", true, 0);
    private readonly Stream _stream;
    private readonly Encoding _encoding;

    private CsvTable(Stream stream, Encoding encoding)
    {
        _stream = stream;
        _encoding = encoding;
    }

    public override IReadOnlyList<SheetInfo> Sheets => [Only];

    public static CsvTable Open(Stream stream, string fileName, Encoding encoding, string encodingName) =>
        new(stream, encoding)
        {
            FileName = fileName,
            Format = "csv",
            Encoding = encodingName,
        };

    public override int? RowCountHint(SheetInfo sheet) => null;

    public override IEnumerable<TableRow> Rows(SheetInfo sheet)
    {
        _stream.Position = 0;
        var text = new LineEndReader(new StreamReader(_stream, _encoding, detectEncodingFromByteOrderMarks: true, leaveOpen: true));
        // The separator (comma, semicolon, tab or bar) is detected from the first lines; blank lines are kept so that
        // rows keep the numbers a spreadsheet shows.
        var options = CsvReaderOptions.Default with
        {
            HasHeader = false,
            SkipEmptyLines = false,
            MaxRecordSize = 16 << 20,
        };
        using var reader = CsvReader.Create(text, options, leaveOpen: false);
        var number = 0;
        while (Next(reader))
        {
            number++;
            var cells = new TableCell[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = new TableCell(reader.GetString(i) ?? "", null, false);
            }
            yield return new TableRow(null, number, cells);
        }
    }

    private bool Next(CsvReader reader)
    {
        try
        {
            return reader.Read();
        }
        catch (Exception e) when (e is CsvFormatException or DecoderFallbackException or IOException)
        {
            throw new RecordFileException("corrupt", new SourceLocation(FileName, null, 0), null, new RecordMessage(
                "El archivo CSV está dañado y no se puede leer hasta el final (comillas sin cerrar o una fila enorme).",
                "The CSV file is damaged and cannot be read to its end (an unclosed quote or an enormous row)."), e);
        }
    }

    /// <summary>Reads "\r\r\n" (how some ESDC files end their lines) as one line end, so rows keep the numbers a spreadsheet gives them.</summary>
    private sealed class LineEndReader(TextReader inner) : TextReader
    {
        private int _pendingReturns;

        public override int Peek() => _pendingReturns > 0 ? '\r' : inner.Peek();

        public override int Read()
        {
            if (_pendingReturns > 0)
            {
                _pendingReturns--;
                return '\r';
            }
            var c = inner.Read();
            if (c != '\r')
            {
                return c;
            }
            var returns = 1;
            while (inner.Peek() == '\r')
            {
                inner.Read();
                returns++;
            }
            if (inner.Peek() == '\n')
            {
                return '\r';
            }
            _pendingReturns = returns - 1;
            return '\r';
        }

        public override int Read(char[] buffer, int index, int count)
        {
            var n = 0;
            while (n < count)
            {
                var c = Read();
                if (c < 0)
                {
                    break;
                }
                buffer[index + n++] = (char)c;
                if (c == '\n')
                {
                    break;
                }
            }
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
