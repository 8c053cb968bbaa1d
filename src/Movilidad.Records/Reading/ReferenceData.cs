using CsvHelper;

namespace Movilidad.Records;

/// <summary>Reads the reference tables the library carries (copies of <c>data/reference</c>).</summary>
internal static class ReferenceData
{
    public static IEnumerable<IReadOnlyDictionary<string, string>> Read(string name)
    {
        var stream = typeof(ReferenceData).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The reference table {name} is missing from the assembly.");
        using var reader = CsvReader.Create(stream, CsvReaderOptions.Default with { HasHeader = true }, leaveOpen: false);
        var header = reader.Headers;
        while (reader.Read())
        {
            var row = new Dictionary<string, string>(header.Count, StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                row[header[i]] = i < reader.FieldCount ? reader.GetString(i) ?? "" : "";
            }
            yield return row;
        }
    }
}
