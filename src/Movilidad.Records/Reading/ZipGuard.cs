using System.IO.Compression;

namespace Movilidad.Records;

/// <summary>
/// Checks a workbook's ZIP container before the Open XML reader touches it: number of entries, each entry's declared
/// size, the total, and the compression ratio, then inflates every entry once through a counter that stops at the
/// limits, so that a ZIP bomb (or an entry that lies about its size) is refused without ever being inflated whole.
/// </summary>
internal static class ZipGuard
{
    private const int SmallEntry = 1 << 20;

    public static void Check(Stream stream, string fileName, RecordReaderOptions options)
    {
        var location = new SourceLocation(fileName, null, 0);
        stream.Position = 0;
        try
        {
            using var archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (archive.Entries.Count > options.MaxZipEntries)
            {
                throw Bomb(location, $"tiene {archive.Entries.Count} partes (máximo {options.MaxZipEntries})", $"has {archive.Entries.Count} parts (at most {options.MaxZipEntries})");
            }
            long total = 0;
            var buffer = new byte[81920];
            foreach (var entry in archive.Entries)
            {
                CheckDeclared(entry, entry.Length, location, options);
                long inflated = 0;
                using var content = entry.Open();
                int read;
                while ((read = content.Read(buffer, 0, buffer.Length)) > 0)
                {
                    inflated += read;
                    total += read;
                    if (inflated > entry.Length)
                    {
                        throw Bomb(location, $"la parte «{entry.FullName}» se descomprime en más bytes de los que declara", $"part '{entry.FullName}' inflates to more bytes than it declares");
                    }
                    CheckDeclared(entry, inflated, location, options);
                    if (total > options.MaxUncompressedBytes)
                    {
                        throw Bomb(location, $"descomprimido ocuparía más de {Size(options.MaxUncompressedBytes)} bytes", $"would take more than {Size(options.MaxUncompressedBytes)} bytes once inflated");
                    }
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException or ArgumentException)
        {
            throw Corrupt(location, e);
        }
        finally
        {
            stream.Position = 0;
        }
    }

    private static void CheckDeclared(ZipArchiveEntry entry, long size, SourceLocation location, RecordReaderOptions options)
    {
        if (size > options.MaxUncompressedBytes)
        {
            throw Bomb(location, $"la parte «{entry.FullName}» ocuparía {Size(size)} bytes descomprimida", $"part '{entry.FullName}' would take {Size(size)} bytes inflated");
        }
        if (size > SmallEntry && size > entry.CompressedLength * (long)options.MaxCompressionRatio)
        {
            throw Bomb(location,
                $"la parte «{entry.FullName}» se comprime más de {options.MaxCompressionRatio} a 1, como una bomba ZIP",
                $"part '{entry.FullName}' is compressed more than {options.MaxCompressionRatio} to 1, like a ZIP bomb");
        }
    }

    private static string Size(long bytes) => bytes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    private static RecordFileException Bomb(SourceLocation location, string es, string en) =>
        new("zip-bomb", location, null, new RecordMessage(
            $"El libro no se lee: {es}. Guárdelo de nuevo desde Excel o divídalo en archivos más pequeños.",
            $"The workbook is not read: it {en}. Save it again from Excel or split it into smaller files."));

    internal static RecordFileException Corrupt(SourceLocation location, Exception inner) =>
        new("corrupt", location, null, new RecordMessage(
            "El archivo no es un libro de Excel válido (está dañado o incompleto). Ábralo en Excel y guárdelo de nuevo como .xlsx.",
            "The file is not a valid Excel workbook (it is damaged or incomplete). Open it in Excel and save it again as .xlsx."), inner);
}
