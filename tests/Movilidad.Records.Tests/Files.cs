using System.Text;
using ExcelDataReader;
using Microsoft.VisualBasic.FileIO;

namespace Movilidad.Records.Tests;

/// <summary>The shipped records (data/records) and an independent reader of them: ExcelDataReader for workbooks, the framework's TextFieldParser for CSV.</summary>
internal static class Files
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Movilidad.slnx")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("The tests run inside the repository.");
    });

    static Files() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Records(string relative) => Path.Combine(Root.Value, "data", "records", relative);

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>The rows of the first sheet (or the CSV file) as text, read without the library.</summary>
    public static List<string[]> Rows(string path)
    {
        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            using var parser = new TextFieldParser(path, Encoding.Latin1) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
            parser.SetDelimiters(",");
            var rows = new List<string[]>();
            while (!parser.EndOfData)
            {
                rows.Add(parser.ReadFields() ?? []);
            }
            return rows;
        }
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        var result = new List<string[]>();
        while (reader.Read())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.GetValue(i) switch
                {
                    null => "",
                    double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                    DateTime date => date.ToOADate().ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                    var v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "",
                };
            }
            result.Add(row);
        }
        return result;
    }

    public static decimal Number(string text) =>
        string.IsNullOrWhiteSpace(text) ? 0 : decimal.Parse(text.Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Reads a file with the library to its end and returns its rows and report.</summary>
    public static (List<RecordRow> Rows, RecordReport Report) Read(string path, RecordReaderOptions? options = null)
    {
        using var read = RecordFile.Open(path, options);
        var rows = read.Rows.ToList();
        return (rows, read.Report);
    }

    public static (List<RecordRow> Rows, RecordReport Report) Read(byte[] bytes, string name, RecordReaderOptions? options = null)
    {
        using var stream = new MemoryStream(bytes);
        using var read = RecordFile.Open(stream, name, options);
        var rows = read.Rows.ToList();
        return (rows, read.Report);
    }

    public static decimal Total(RecordReport report, Measure measure) =>
        report.Totals.FirstOrDefault(t => t.Measure == measure)?.Total ?? 0;
}
