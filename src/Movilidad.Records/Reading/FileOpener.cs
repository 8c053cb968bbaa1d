using System.Security.Cryptography;
using System.Text;

namespace Movilidad.Records;

/// <summary>
/// Opens a file as a table from what it contains, never from its name: a ZIP container is an .xlsx workbook, an OLE
/// compound file is a legacy .xls workbook or a password-protected (encrypted) .xlsx, anything else is read as CSV
/// text in the encoding its bytes show: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 (Latin-1) or
/// DOS code page 850, whichever reads more of its accented bytes as letters.
/// </summary>
internal static class FileOpener
{
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] EmptyZipSignature = [0x50, 0x4B, 0x05, 0x06];
    private static readonly byte[] CompoundSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static (TableFile Table, string Sha256, long Bytes) Open(Stream stream, string fileName, RecordReaderOptions options)
    {
        var location = new SourceLocation(fileName, null, 0);
        if (!stream.CanSeek || !stream.CanRead)
        {
            throw new ArgumentException("The stream must be readable and seekable.", nameof(stream));
        }
        if (stream.Length == 0)
        {
            throw new RecordFileException("empty", location, null, new RecordMessage("El archivo está vacío.", "The file is empty."));
        }
        if (stream.Length > options.MaxFileBytes)
        {
            throw new RecordFileException("too-large", location, null, new RecordMessage(
                $"El archivo ocupa {Megabytes(stream.Length)} MB y el máximo es {Megabytes(options.MaxFileBytes)} MB. Divídalo en archivos más pequeños.",
                $"The file takes {Megabytes(stream.Length)} MB and the limit is {Megabytes(options.MaxFileBytes)} MB. Split it into smaller files."));
        }
        var scan = Scan(stream);
        var head = scan.Head;
        if (head.AsSpan().StartsWith(ZipSignature) || head.AsSpan().StartsWith(EmptyZipSignature))
        {
            ZipGuard.Check(stream, fileName, options);
            return (XlsxTable.Open(stream, fileName), scan.Sha256, stream.Length);
        }
        if (head.AsSpan().StartsWith(CompoundSignature))
        {
            var directory = Directory(stream, head);
            if (Contains(directory, "EncryptedPackage") || Contains(directory, "EncryptionInfo"))
            {
                throw XlsTable.Encrypted(location);
            }
            if (Contains(directory, "Workbook") || Contains(directory, "Book"))
            {
                return (XlsTable.Open(stream, fileName), scan.Sha256, stream.Length);
            }
            throw new RecordFileException("unsupported-format", location, null, new RecordMessage(
                "El archivo es un documento de Office (formato compuesto OLE) que no es un libro de Excel. Súbalo como .xlsx o .csv.",
                "The file is an Office document (OLE compound format) that is not an Excel workbook. Upload it as .xlsx or .csv."));
        }
        if (scan.HasNul && scan.Encoding is not UnicodeEncoding)
        {
            throw new RecordFileException("unsupported-format", location, null, new RecordMessage(
                "El archivo no es un libro de Excel (.xlsx, .xls) ni un texto CSV. Súbalo en uno de esos formatos.",
                "The file is neither an Excel workbook (.xlsx, .xls) nor CSV text. Upload it in one of those formats."));
        }
        return (CsvTable.Open(stream, fileName, scan.Encoding, scan.EncodingName), scan.Sha256, stream.Length);
    }

    private sealed record ScanResult(string Sha256, byte[] Head, Encoding Encoding, string EncodingName, bool HasNul);

    // One pass over the bytes: the SHA-256 of the file, its first 4 MB (to look into compound files), whether it is
    // valid UTF-8 and how often each byte above 127 appears (to choose between the single-byte code pages).
    private static ScanResult Scan(Stream stream)
    {
        stream.Position = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var decoder = new UTF8Encoding(false, true).GetDecoder();
        var counts = new long[256];
        var buffer = new byte[81920];
        var head = new MemoryStream();
        var utf8 = true;
        var hasNul = false;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            if (head.Length < 4 << 20)
            {
                head.Write(buffer, 0, (int)Math.Min(read, (4 << 20) - head.Length));
            }
            for (var i = 0; i < read; i++)
            {
                counts[buffer[i]]++;
            }
            hasNul |= Array.IndexOf(buffer, (byte)0, 0, read) >= 0;
            if (utf8)
            {
                try
                {
                    decoder.GetCharCount(buffer, 0, read, flush: false);
                }
                catch (DecoderFallbackException)
                {
                    utf8 = false;
                }
            }
        }
        stream.Position = 0;
        var bytes = head.ToArray();
        var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            return new(sha, bytes, bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode, "UTF-16", hasNul);
        }
        if (utf8)
        {
            var bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
            return new(sha, bytes, new UTF8Encoding(false), bom ? "UTF-8 (BOM)" : "UTF-8", hasNul);
        }
        var windows = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        var dos = CodePagesEncodingProvider.Instance.GetEncoding(850)!;
        return Letters(counts, dos) > Letters(counts, windows)
            ? new(sha, bytes, dos, "IBM850", hasNul)
            : new(sha, bytes, windows, "Windows-1252", hasNul);
    }

    private static long Letters(long[] counts, Encoding encoding)
    {
        long letters = 0;
        Span<byte> one = stackalloc byte[1];
        Span<char> decoded = stackalloc char[2];
        for (var b = 128; b < 256; b++)
        {
            if (counts[b] == 0)
            {
                continue;
            }
            one[0] = (byte)b;
            var n = encoding.GetChars(one, decoded);
            if (n == 1 && char.IsLetter(decoded[0]) && char.GetUnicodeCategory(decoded[0]) != System.Globalization.UnicodeCategory.ModifierLetter)
            {
                letters += counts[b];
            }
        }
        return letters;
    }

    // The head of the file and the compound file's first directory sector, wherever it lies (the directory names the
    // streams: "EncryptionInfo" and "EncryptedPackage" for an encrypted workbook, "Workbook" for an .xls).
    private static byte[] Directory(Stream stream, byte[] head)
    {
        var sectorShift = BitConverter.ToUInt16(head, 0x1E);
        var first = BitConverter.ToUInt32(head, 0x30);
        if (sectorShift is < 7 or > 16)
        {
            return head;
        }
        var offset = ((long)first + 1) << sectorShift;
        if (offset + (1 << sectorShift) <= head.Length || offset >= stream.Length)
        {
            return head;
        }
        var sector = new byte[Math.Min(1 << sectorShift, stream.Length - offset)];
        stream.Position = offset;
        stream.ReadExactly(sector);
        stream.Position = 0;
        return [.. head.Take(4096), .. sector];
    }

    private static bool Contains(byte[] bytes, string name) =>
        bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(name)) >= 0;

    private static string Megabytes(long bytes) =>
        (bytes / 1048576.0).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
