using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Movilidad.Platform.Data;

namespace Movilidad.Web.Features.LabourMarket;

/// <summary>A calibration of the reference model as <c>data/models/figures.json</c> records it (the tests recompute each figure).</summary>
public sealed record ReferenceCalibration(
    string Key, string SourceEs, string SourceEn, double Start, IReadOnlyDictionary<string, double> Constants, IReadOnlyList<string> Fit, IReadOnlyList<double> Values,
    double Rmse, double Mape, double RSquared, IReadOnlyList<ReferenceBacktest> Backtests, IReadOnlyList<(double Time, double Value)> Observed)
{
    public string Source => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "es" ? SourceEs : SourceEn;
}

/// <summary>A back-test: the constants fitted on the years before <paramref name="FittedBefore"/> and the error of the forecast of each later year, in percent.</summary>
public sealed record ReferenceBacktest(double FittedBefore, IReadOnlyList<string> Fit, IReadOnlyList<double> Values, IReadOnlyList<(double Time, double Percent)> Errors);

/// <summary>
/// The demand estimation methodology (action 1.6 of the Regional Plan): the reference system-dynamics model, its data, its
/// assumptions, how a country applies it to its own sector, and its fit and back-test figures on the H-2A records and on
/// Canada's agricultural LMIA stream, read from <c>data/models/figures.json</c>, the file the tests recompute.
/// </summary>
[AllowAnonymous]
public class MethodologyModel : PageModel
{
    private static readonly Lazy<IReadOnlyList<ReferenceCalibration>> Shipped = new(() => Read(Path.Combine(ShippedData.Folder, "models")));

    public IReadOnlyList<ReferenceCalibration> Calibrations => Shipped.Value;

    public void OnGet()
    {
    }

    /// <summary>A parameter's name and range from its <c>NAME=LOW..HIGH@START</c> text.</summary>
    public static (string Name, string Range, string Start) Parameter(string fit)
    {
        var (name, rest) = (fit[..fit.IndexOf('=', StringComparison.Ordinal)], fit[(fit.IndexOf('=', StringComparison.Ordinal) + 1)..]);
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        var bounds = (at < 0 ? rest : rest[..at]).Split("..");
        return (name, $"{Number(double.Parse(bounds[0], CultureInfo.InvariantCulture))} – {Number(double.Parse(bounds[1], CultureInfo.InvariantCulture))}",
            at < 0 ? string.Empty : Number(double.Parse(rest[(at + 1)..], CultureInfo.InvariantCulture)));
    }

    public static string Number(double value) => value.ToString(Math.Abs(value) >= 1000 || value == Math.Floor(value) ? "N0" : "0.####", CultureInfo.CurrentCulture);

    public static IReadOnlyList<ReferenceCalibration> Read(string folder)
    {
        var path = Path.Combine(folder, "figures.json");
        try
        {
            using var json = JsonDocument.Parse(System.IO.File.ReadAllText(path));
            static IReadOnlyList<string> Texts(JsonElement e) => [.. e.EnumerateArray().Select(v => v.GetString()!)];
            static IReadOnlyList<double> Numbers(JsonElement e) => [.. e.EnumerateArray().Select(v => v.GetDouble())];
            return [.. json.RootElement.GetProperty("calibrations").EnumerateArray().Select(c => new ReferenceCalibration(
                c.GetProperty("key").GetString()!,
                c.GetProperty("source").GetProperty("es").GetString()!,
                c.GetProperty("source").GetProperty("en").GetString()!,
                c.GetProperty("start").GetDouble(),
                c.GetProperty("constants").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble()),
                Texts(c.GetProperty("fit")),
                Numbers(c.GetProperty("values")),
                c.GetProperty("rmse").GetDouble(),
                c.GetProperty("mape").GetDouble(),
                c.GetProperty("rSquared").GetDouble(),
                [.. c.GetProperty("backtests").EnumerateArray().Select(b => new ReferenceBacktest(
                    b.GetProperty("fittedBefore").GetDouble(), Texts(b.GetProperty("fit")), Numbers(b.GetProperty("values")),
                    [.. b.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("time").GetDouble(), e.GetProperty("percent").GetDouble()))]))],
                Observed(Path.Combine(folder, c.GetProperty("observed").GetString()!))))];
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IOException or FormatException)
        {
            throw new DataFileException(path, e.Message, e);
        }
    }

    /// <summary>The observed series of a calibration: the CSV the tests calibrate on (a time column and one value column).</summary>
    private static IReadOnlyList<(double Time, double Value)> Observed(string csv) =>
        [.. System.IO.File.ReadLines(csv).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .Select(f => (double.Parse(f[0], CultureInfo.InvariantCulture), double.Parse(f[1], CultureInfo.InvariantCulture)))];
}
