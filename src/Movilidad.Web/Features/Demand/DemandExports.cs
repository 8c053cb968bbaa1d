using System.Globalization;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Movilidad.Web.Features.Demand;

/// <summary>
/// A run's results as a table (CSV and XLSX): a simulation one row per saved time and one column per variable; a Monte
/// Carlo set one column per variable and percentile. Headers are in the reader's language, numbers written with a point.
/// </summary>
public static class DemandExports
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static bool Spanish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "es";

    /// <summary>The results as rows of cells, the header first.</summary>
    public static List<List<object>> Table(RunView run)
    {
        var rows = new List<List<object>>();
        var time = Spanish ? "Tiempo" : "Time";
        if (run.Simulation is { } s)
        {
            var names = s.Series.Keys.ToList();
            rows.Add([time, .. names]);
            rows.AddRange(s.Times.Select((t, i) => (List<object>)[t, .. names.Select(n => (object)s.Series[n][i])]));
        }
        else if (run.Sensitivity is { } b)
        {
            var names = b.Bands.Keys.ToList();
            var percentiles = new[] { 5, 25, 50, 75, 95 };
            rows.Add([time, .. names.SelectMany(n => percentiles.Select(p => (object)$"{n} p{p}"))]);
            rows.AddRange(b.Times.Select((t, i) => (List<object>)[t, .. names.SelectMany(n => b.Bands[n][i].Select(v => (object)v))]));
        }
        else if (run.Calibration is { } c)
        {
            // The model at the fitted values at every saved time, with each observed series beside it where it was observed.
            var names = c.Simulated.Series.Keys.ToList();
            var observed = c.Series.ToDictionary(f => f.Variable, f => f.Times.Select((t, i) => (t, v: f.Observed[i])).ToList(), StringComparer.Ordinal);
            var (model, data) = Spanish ? ("modelo", "datos") : ("model", "data");
            rows.Add([time, .. names.SelectMany(n => new object[] { $"{n} {model}", $"{n} {data}" })]);
            var times = c.Simulated.Times.Concat(c.Series.SelectMany(f => f.Times)).Distinct().Order().ToList();
            rows.AddRange(times.Select(t => (List<object>)[t, .. names.SelectMany(n => new[]
            {
                c.Simulated.Times.ToList().IndexOf(t) is var i and >= 0 ? c.Simulated.Series[n][i] : (object)string.Empty,
                observed.TryGetValue(n, out var points) && points.FindIndex(p => p.t == t) is var j and >= 0 ? points[j].v : (object)string.Empty,
            })]));
        }

        return rows;
    }

    public static string Csv(RunView run)
    {
        var text = new StringBuilder();
        foreach (var row in Table(run))
        {
            text.AppendJoin(',', row.Select(Cell)).Append("\r\n");
        }

        return text.ToString();
    }

    public static byte[] Xlsx(RunView run)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            List<List<object>> inputs =
            [
                [Spanish ? "Corrida" : "Run", run.Id],
                [Spanish ? "Modelo" : "Model", run.ModelSlug],
                [Spanish ? "Versión del modelo" : "Model version", run.ModelVersion],
                [Spanish ? "Escenario" : "Scenario", run.Scenario ?? string.Empty],
                ["SHA-256", run.InputsHash],
                [Spanish ? "Entradas (JSON)" : "Inputs (JSON)", JsonSerializer.Serialize(run.Inputs, DemandRuns.Json)],
            ];
            Sheet(workbook, sheets, 1, Spanish ? "Resultados" : "Results", Table(run));
            Sheet(workbook, sheets, 2, Spanish ? "Entradas" : "Inputs", inputs);
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static void Sheet(WorkbookPart workbook, Sheets sheets, uint id, string name, List<List<object>> rows)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        foreach (var row in rows)
        {
            data.AppendChild(new Row(row.Select(value => value switch
            {
                double d => new Cell { DataType = CellValues.Number, CellValue = new CellValue(d.ToString("R", CultureInfo.InvariantCulture)) },
                int i => new Cell { DataType = CellValues.Number, CellValue = new CellValue(i.ToString(CultureInfo.InvariantCulture)) },
                _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value.ToString() ?? string.Empty)) },
            })));
        }

        part.Worksheet = new Worksheet(data);
        sheets.AppendChild(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = name });
    }

    private static string Cell(object value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        string s when s.IndexOfAny([',', '"', '\n', '\r']) >= 0 => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
