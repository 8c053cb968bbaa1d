using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using UglyToad.PdfPig;

namespace Movilidad.Platform.Knowledge;

/// <summary>A file as checked: what it is by its content, or why it is refused (in English and Spanish).</summary>
public sealed record FileCheck(FileKind? Kind, string? ErrorEn, string? ErrorEs)
{
    public bool Accepted => Kind is not null;

    public static FileCheck Refused(string en, string es) => new(null, en, es);
}

/// <summary>The kinds of file the repository accepts, each with its media type and the extensions its name may have.</summary>
public sealed record FileKind(string Name, string ContentType, params string[] Extensions)
{
    public static readonly FileKind Pdf = new("PDF", "application/pdf", ".pdf");
    public static readonly FileKind Docx = new("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
    public static readonly FileKind Xlsx = new("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");
    public static readonly FileKind Pptx = new("PPTX", "application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx");
    public static readonly FileKind Odt = new("ODT", "application/vnd.oasis.opendocument.text", ".odt");
    public static readonly FileKind Ods = new("ODS", "application/vnd.oasis.opendocument.spreadsheet", ".ods");
    public static readonly FileKind Png = new("PNG", "image/png", ".png");
    public static readonly FileKind Jpeg = new("JPEG", "image/jpeg", ".jpg", ".jpeg");
    public static readonly FileKind Svg = new("SVG", "image/svg+xml", ".svg");
}

/// <summary>
/// The defences of every upload to the repository, by content and never by name or declared type: magic bytes, a real
/// PDF, OOXML or ODF structure, no macros, no active content (scripts in PDF or SVG), size limits and ZIP bombs; then the
/// text of PDF, DOCX, XLSX and ODT files for search.
/// </summary>
public static class RepositoryFiles
{
    public const string DocumentSlot = "document";
    public const int MaxExtractedCharacters = 2_000_000;

    private static readonly string Accepted = "PDF, DOCX, XLSX, PPTX, ODT, ODS, PNG, JPEG, SVG";

    /// <summary>The refusal of a file over <see cref="RepositoryLimits.FileBytes"/>: also what an upload's size says before it is read.</summary>
    public static readonly FileCheck TooLarge = FileCheck.Refused(
        $"The file is larger than {RepositoryLimits.FileBytes / 1024 / 1024} MB.", $"El archivo pesa más de {RepositoryLimits.FileBytes / 1024 / 1024} MB.");

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    public static FileCheck Check(string fileName, byte[] content)
    {
        if (content.Length == 0)
        {
            return FileCheck.Refused("The file is empty.", "El archivo está vacío.");
        }

        if (content.Length > RepositoryLimits.FileBytes)
        {
            return TooLarge;
        }

        var check = ByContent(content);
        if (check.Kind is { } kind && !kind.Extensions.Contains(Path.GetExtension(fileName).ToLowerInvariant()))
        {
            return FileCheck.Refused(
                $"The file's content is {kind.Name} but its name ({Path.GetExtension(fileName)}) says otherwise; name it {kind.Extensions[0]}.",
                $"El contenido del archivo es {kind.Name} pero su nombre ({Path.GetExtension(fileName)}) dice otra cosa; llámelo {kind.Extensions[0]}.");
        }

        return check;
    }

    private static FileCheck ByContent(byte[] content)
    {
        var span = content.AsSpan();
        if (span.StartsWith("%PDF-"u8))
        {
            return CheckPdf(content);
        }

        if (span.StartsWith("PK\u0003\u0004"u8))
        {
            return CheckZip(content);
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return new FileCheck(FileKind.Png, null, null);
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return new FileCheck(FileKind.Jpeg, null, null);
        }

        return LooksLikeXml(span) ? CheckSvg(content) : FileCheck.Refused(
            $"The file is none of the kinds the repository takes ({Accepted}): its first bytes are not those of any of them.",
            $"El archivo no es de ninguno de los tipos que acepta el repositorio ({Accepted}): sus primeros bytes no son los de ninguno.");
    }

    private static bool LooksLikeXml(ReadOnlySpan<byte> span)
    {
        var start = span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? span[3..] : span;
        start = start.TrimStart(" \t\r\n"u8);
        return start.StartsWith("<?xml"u8) || start.StartsWith("<svg"u8) || start.StartsWith("<!--"u8);
    }

    private static FileCheck CheckPdf(byte[] content)
    {
        var tail = Encoding.Latin1.GetString(content, Math.Max(0, content.Length - 2048), Math.Min(2048, content.Length));
        if (!tail.Contains("%%EOF", StringComparison.Ordinal))
        {
            return FileCheck.Refused("The file starts like a PDF but has no end of file marker: it is truncated or not a PDF.", "El archivo empieza como un PDF pero no tiene marca de fin: está truncado o no es un PDF.");
        }

        var text = Encoding.Latin1.GetString(content);
        foreach (var active in new[] { "/JavaScript", "/JS ", "/JS(", "/JS<", "/Launch", "/EmbeddedFile", "/RichMedia" })
        {
            if (text.Contains(active, StringComparison.Ordinal))
            {
                return FileCheck.Refused($"The PDF holds active content ({active.Trim()}): scripts, launch actions and embedded files are refused.", $"El PDF contiene contenido activo ({active.Trim()}): no se aceptan scripts, acciones de lanzamiento ni archivos incrustados.");
            }
        }

        try
        {
            using var document = PdfDocument.Open(content);
            return document.NumberOfPages > 0
                ? new FileCheck(FileKind.Pdf, null, null)
                : FileCheck.Refused("The PDF has no page.", "El PDF no tiene ninguna página.");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return FileCheck.Refused("The file starts like a PDF but its structure does not read as one.", "El archivo empieza como un PDF pero su estructura no se lee como tal.");
        }
    }

    /// <summary>Reads every entry once, counting what it unpacks to (never trusting the sizes the archive declares).</summary>
    private static FileCheck CheckZip(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            if (zip.Entries.Count > RepositoryLimits.ZipEntries)
            {
                return Bomb();
            }

            var limit = Math.Min(RepositoryLimits.UnpackedBytes, (long)content.Length * RepositoryLimits.ZipRatio);
            long unpacked = 0;
            var buffer = new byte[81920];
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            string? contentTypes = null;
            string? mimetype = null;
            foreach (var entry in zip.Entries)
            {
                names.Add(entry.FullName);
                using var stream = entry.Open();
                using var kept = entry.FullName is "[Content_Types].xml" or "mimetype" ? new MemoryStream() : null;
                int read;
                while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    unpacked += read;
                    if (unpacked > limit)
                    {
                        return Bomb();
                    }

                    kept?.Write(buffer, 0, read);
                }

                if (kept is not null)
                {
                    var text = Encoding.UTF8.GetString(kept.ToArray());
                    (contentTypes, mimetype) = entry.FullName == "mimetype" ? (contentTypes, text.Trim()) : (text, mimetype);
                }
            }

            if (contentTypes is not null)
            {
                return CheckOoxml(names, contentTypes);
            }

            if (mimetype is not null)
            {
                return CheckOdf(names, mimetype);
            }

            return FileCheck.Refused($"The file is a ZIP archive but not an office document ({Accepted}).", $"El archivo es un ZIP pero no un documento de oficina ({Accepted}).");
        }
        catch (InvalidDataException)
        {
            return FileCheck.Refused("The file starts like a ZIP-based document but its archive does not read.", "El archivo empieza como un documento ZIP pero su archivo comprimido no se lee.");
        }
    }

    private static FileCheck Bomb() => FileCheck.Refused(
        $"The archive unpacks to more than {RepositoryLimits.ZipRatio} times its size or {RepositoryLimits.UnpackedBytes / 1024 / 1024} MB (or holds more than {RepositoryLimits.ZipEntries} entries): refused as a possible ZIP bomb.",
        $"El archivo se descomprime en más de {RepositoryLimits.ZipRatio} veces su tamaño o {RepositoryLimits.UnpackedBytes / 1024 / 1024} MB (o tiene más de {RepositoryLimits.ZipEntries} entradas): rechazado como posible bomba ZIP.");

    private static FileCheck CheckOoxml(HashSet<string> names, string contentTypes)
    {
        if (names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase) || n.EndsWith("vbaData.xml", StringComparison.OrdinalIgnoreCase))
            || contentTypes.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase) || contentTypes.Contains("vbaProject", StringComparison.OrdinalIgnoreCase))
        {
            return FileCheck.Refused("The document holds macros (VBA): save it without macros (.docx, .xlsx) and send it again.", "El documento contiene macros (VBA): guárdelo sin macros (.docx, .xlsx) y envíelo de nuevo.");
        }

        if (names.Any(n => n.StartsWith("word/activeX", StringComparison.OrdinalIgnoreCase) || n.StartsWith("xl/activeX", StringComparison.OrdinalIgnoreCase) || n.StartsWith("ppt/activeX", StringComparison.OrdinalIgnoreCase)))
        {
            return FileCheck.Refused("The document holds ActiveX controls: they are refused.", "El documento contiene controles ActiveX: no se aceptan.");
        }

        var kind = names.Contains("word/document.xml") && contentTypes.Contains("wordprocessingml.document.main", StringComparison.Ordinal) ? FileKind.Docx
            : names.Contains("xl/workbook.xml") && contentTypes.Contains("spreadsheetml.sheet.main", StringComparison.Ordinal) ? FileKind.Xlsx
            : names.Contains("ppt/presentation.xml") && contentTypes.Contains("presentationml.presentation.main", StringComparison.Ordinal) ? FileKind.Pptx
            : null;
        return kind is null
            ? FileCheck.Refused("The file is an Office Open XML package without the main part of a document, workbook or presentation.", "El archivo es un paquete Office Open XML sin la parte principal de un documento, libro o presentación.")
            : new FileCheck(kind, null, null);
    }

    private static FileCheck CheckOdf(HashSet<string> names, string mimetype)
    {
        if (names.Any(n => n.StartsWith("Basic/", StringComparison.OrdinalIgnoreCase) || n.StartsWith("Scripts/", StringComparison.OrdinalIgnoreCase)))
        {
            return FileCheck.Refused("The document holds macros (Basic or scripts): save it without them and send it again.", "El documento contiene macros (Basic o scripts): guárdelo sin ellas y envíelo de nuevo.");
        }

        var kind = mimetype switch
        {
            "application/vnd.oasis.opendocument.text" => FileKind.Odt,
            "application/vnd.oasis.opendocument.spreadsheet" => FileKind.Ods,
            _ => null,
        };
        return kind is not null && names.Contains("content.xml")
            ? new FileCheck(kind, null, null)
            : FileCheck.Refused("The file is an OpenDocument package of a kind the repository does not take, or without its content.", "El archivo es un paquete OpenDocument de un tipo que el repositorio no acepta, o sin su contenido.");
    }

    /// <summary>An SVG is accepted only without scripts, event handlers, script links and foreign objects; no DTD is read.</summary>
    private static FileCheck CheckSvg(byte[] content)
    {
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(content), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            var root = true;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (root && reader.LocalName != "svg")
                {
                    return FileCheck.Refused("The file is XML but not an SVG image.", "El archivo es XML pero no una imagen SVG.");
                }

                root = false;
                if (reader.LocalName is "script" or "foreignObject" or "iframe" or "embed" or "object")
                {
                    return ActiveSvg($"<{reader.LocalName}>");
                }

                while (reader.MoveToNextAttribute())
                {
                    if (reader.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase)
                        || (reader.LocalName == "href" && reader.Value.Trim().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)))
                    {
                        return ActiveSvg(reader.LocalName);
                    }
                }
            }

            return root ? FileCheck.Refused("The file is XML but not an SVG image.", "El archivo es XML pero no una imagen SVG.") : new FileCheck(FileKind.Svg, null, null);
        }
        catch (XmlException)
        {
            return FileCheck.Refused("The file looks like an SVG image but is not well-formed XML (or declares a DTD).", "El archivo parece una imagen SVG pero no es XML bien formado (o declara una DTD).");
        }
    }

    private static FileCheck ActiveSvg(string what) => FileCheck.Refused(
        $"The SVG image holds active content ({what}): scripts and event handlers are refused.",
        $"La imagen SVG contiene contenido activo ({what}): no se aceptan scripts ni manejadores de eventos.");

    /// <summary>The text of a checked file for search (PDF, DOCX, XLSX, PPTX, ODT, ODS); null for images.</summary>
    public static string? ExtractText(FileKind kind, byte[] content)
    {
        var text = new StringBuilder();
        if (kind == FileKind.Pdf)
        {
            using var document = PdfDocument.Open(content);
            foreach (var page in document.GetPages())
            {
                foreach (var word in page.GetWords())
                {
                    text.Append(word.Text).Append(' ');
                }

                text.Append('\n');
                if (text.Length > MaxExtractedCharacters)
                {
                    break;
                }
            }
        }
        else if (kind == FileKind.Docx)
        {
            using var document = WordprocessingDocument.Open(new MemoryStream(content), false);
            foreach (var paragraph in document.MainDocumentPart?.Document?.Body?.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>() ?? [])
            {
                text.Append(paragraph.InnerText).Append('\n');
            }
        }
        else if (kind == FileKind.Xlsx)
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(content), false);
            foreach (var item in document.WorkbookPart?.SharedStringTablePart?.SharedStringTable?.Elements<DocumentFormat.OpenXml.Spreadsheet.SharedStringItem>() ?? [])
            {
                text.Append(item.InnerText).Append('\n');
            }

            foreach (var sheet in document.WorkbookPart?.WorksheetParts ?? [])
            {
                foreach (var inline in sheet.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.InlineString>())
                {
                    text.Append(inline.InnerText).Append('\n');
                }
            }
        }
        else if (kind == FileKind.Pptx)
        {
            using var document = PresentationDocument.Open(new MemoryStream(content), false);
            foreach (var slide in document.PresentationPart?.SlideParts ?? [])
            {
                foreach (var run in slide.Slide.Descendants<DocumentFormat.OpenXml.Drawing.Text>())
                {
                    text.Append(run.Text).Append(' ');
                }

                text.Append('\n');
            }
        }
        else if (kind == FileKind.Odt || kind == FileKind.Ods)
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            using var reader = XmlReader.Create(zip.GetEntry("content.xml")!.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            while (reader.Read())
            {
                if (reader.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace)
                {
                    text.Append(reader.Value);
                }
                else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName is "p" or "h")
                {
                    text.Append('\n');
                }
            }
        }
        else
        {
            return null;
        }

        var result = text.ToString().Trim();
        return result.Length > MaxExtractedCharacters ? result[..MaxExtractedCharacters] : result;
    }
}
