namespace Movilidad.Records.Tests;

/// <summary>A minimal OLE compound file (512-byte sectors) whose directory names the streams given, all empty.</summary>
internal static class CompoundFile
{
    public static byte[] With(params string[] streams)
    {
        var file = new byte[512 * 3];
        byte[] signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        signature.CopyTo(file, 0);
        BitConverter.GetBytes((ushort)0x3E).CopyTo(file, 0x18);
        BitConverter.GetBytes((ushort)3).CopyTo(file, 0x1A);
        BitConverter.GetBytes((ushort)0xFFFE).CopyTo(file, 0x1C);
        BitConverter.GetBytes((ushort)9).CopyTo(file, 0x1E);
        BitConverter.GetBytes((ushort)6).CopyTo(file, 0x20);
        BitConverter.GetBytes(1).CopyTo(file, 0x2C);
        BitConverter.GetBytes(1).CopyTo(file, 0x30);
        BitConverter.GetBytes(4096).CopyTo(file, 0x38);
        BitConverter.GetBytes(-2).CopyTo(file, 0x3C);
        BitConverter.GetBytes(-2).CopyTo(file, 0x44);
        for (var i = 0; i < 109; i++)
        {
            BitConverter.GetBytes(i == 0 ? 0 : -1).CopyTo(file, 0x4C + (i * 4));
        }
        // Sector 0 is the FAT: sector 0 is FAT, sector 1 the directory's last sector.
        var fat = 512;
        for (var i = 0; i < 128; i++)
        {
            BitConverter.GetBytes(i switch { 0 => -3, 1 => -2, _ => -1 }).CopyTo(file, fat + (i * 4));
        }
        var directory = 1024;
        string[] names = ["Root Entry", .. streams];
        for (var i = 0; i < names.Length && i < 4; i++)
        {
            var entry = directory + (i * 128);
            var name = System.Text.Encoding.Unicode.GetBytes(names[i] + "\0");
            name.CopyTo(file, entry);
            BitConverter.GetBytes((ushort)name.Length).CopyTo(file, entry + 0x40);
            file[entry + 0x42] = (byte)(i == 0 ? 5 : 2);
            BitConverter.GetBytes(-1).CopyTo(file, entry + 0x44);
            BitConverter.GetBytes(i == 0 || i == names.Length - 1 ? -1 : i + 1).CopyTo(file, entry + 0x48);
            BitConverter.GetBytes(i == 0 ? 1 : -1).CopyTo(file, entry + 0x4C);
            BitConverter.GetBytes(-2).CopyTo(file, entry + 0x74);
        }
        return file;
    }
}
