using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Movilidad.Web.Tests.Features.Knowledge;

/// <summary>Real files built in the test: a PDF written by hand (objects, cross-reference table, trailer), Word and Excel files by the OpenXml SDK, archives by hand.</summary>
public static class TestFiles
{
    /// <summary>A valid PDF with one page per text, in Helvetica (WinAnsi), whose cross-reference offsets are exact.</summary>
    public static byte[] Pdf(params string[] pages)
    {
        var objects = new List<string> { "<< /Type /Catalog /Pages 2 0 R >>", string.Empty, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>" };
        var kids = new List<string>();
        foreach (var text in pages)
        {
            var escaped = text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal);
            var stream = $"BT /F1 12 Tf 72 720 Td ({escaped}) Tj ET";
            objects.Add($"<< /Length {Encoding.Latin1.GetByteCount(stream)} >>\nstream\n{stream}\nendstream");
            objects.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents {objects.Count} 0 R >>");
            kids.Add($"{objects.Count} 0 R");
        }

        objects[1] = $"<< /Type /Pages /Kids [{string.Join(" ", kids)}] /Count {kids.Count} >>";
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(Encoding.Latin1.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = Encoding.Latin1.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }

    public static byte[] Docx(string text)
    {
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new W.Document(new W.Body(new W.Paragraph(new W.Run(new W.Text(text)))));
        }

        return buffer.ToArray();
    }

    /// <summary>A Word file saved with macros: the VBA project part and the macro-enabled content type, as Word writes a .docm.</summary>
    public static byte[] DocxWithMacros(string text)
    {
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.MacroEnabledDocument))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new W.Document(new W.Body(new W.Paragraph(new W.Run(new W.Text(text)))));
            var vba = main.AddNewPart<VbaProjectPart>();
            using var stream = vba.GetStream();
            stream.Write("Attribute VB_Name = \"AutoOpen\""u8);
        }

        return buffer.ToArray();
    }

    public static byte[] Xlsx(params string[] cells)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable(cells.Select(c => new SharedStringItem(new Text(c))));
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(new SheetData(cells.Select((_, i) => new Row(new Cell { CellReference = "A" + (i + 1).ToString(CultureInfo.InvariantCulture), DataType = CellValues.SharedString, CellValue = new CellValue(i.ToString(CultureInfo.InvariantCulture)) }))));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Datos" }));
        }

        return buffer.ToArray();
    }

    /// <summary>An OpenDocument text whose content.xml holds the paragraph.</summary>
    public static byte[] Odt(string text) => Zip(
        ("mimetype", Encoding.ASCII.GetBytes("application/vnd.oasis.opendocument.text")),
        ("content.xml", Encoding.UTF8.GetBytes($"<?xml version=\"1.0\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text><text:p>{text}</text:p></office:text></office:body></office:document-content>")));

    /// <summary>A small archive that unpacks to <paramref name="megabytes"/> MB of zeros, named like a Word file.</summary>
    public static byte[] ZipBomb(int megabytes) => Zip(("[Content_Types].xml", "<Types/>"u8.ToArray()), ("word/document.xml", new byte[megabytes * 1024 * 1024]));

    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }

    public static byte[] Svg(string inner) => Encoding.UTF8.GetBytes($"<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">{inner}</svg>");
}
