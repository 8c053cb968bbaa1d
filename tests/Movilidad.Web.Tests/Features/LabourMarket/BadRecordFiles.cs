using System.IO.Compression;
using System.Text;

namespace Movilidad.Web.Tests.Features.LabourMarket;

/// <summary>Bad records files built in the test, for the API and the command line alike.</summary>
public static class BadRecordFiles
{
    /// <summary>Starts like a ZIP (an .xlsx) and then is not one.</summary>
    public static byte[] Corrupt() => [0x50, 0x4B, 0x03, 0x04, .. Encoding.ASCII.GetBytes(new string('x', 2000))];

    /// <summary>A password-protected workbook: an OLE compound file whose directory sector names the encryption streams.</summary>
    public static byte[] Encrypted()
    {
        var bytes = new byte[1024];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(bytes, 0);
        BitConverter.GetBytes((ushort)9).CopyTo(bytes, 0x1E);
        Encoding.Unicode.GetBytes("EncryptionInfo").CopyTo(bytes, 512);
        Encoding.Unicode.GetBytes("EncryptedPackage").CopyTo(bytes, 640);
        return bytes;
    }

    /// <summary>An .xlsx whose sheet inflates from a few kilobytes to 50 MB of zeros.</summary>
    public static byte[] Bomb()
    {
        var bomb = new MemoryStream();
        using (var zip = new ZipArchive(bomb, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            sheet.Write(new byte[50_000_000]);
        }

        return bomb.ToArray();
    }
}
