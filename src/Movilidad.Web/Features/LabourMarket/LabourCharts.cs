using System.Globalization;
using System.Xml.Linq;
using Microsoft.AspNetCore.Html;

namespace Movilidad.Web.Features.LabourMarket;

/// <summary>A labelled amount for a chart: a period, an occupation, a state.</summary>
public sealed record ChartPoint(string Key, string Label, decimal Value);

/// <summary>
/// The explorer's charts, drawn on the server as SVG with their numbers written out (each page puts the same figures in a
/// table beside the chart): columns over time, horizontal bars for the top occupations, and a tile map of US states and
/// Canadian provinces shaded by value in five steps.
/// </summary>
public static class LabourCharts
{
    internal static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly string[] Shades = ["#eef3f8", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"];

    /// <summary>Tile positions (column, row) of US states and territories.</summary>
    private static readonly Dictionary<string, (int X, int Y)> UsTiles = new(StringComparer.Ordinal)
    {
        ["AK"] = (0, 0), ["ME"] = (11, 0), ["VT"] = (10, 1), ["NH"] = (11, 1),
        ["WA"] = (1, 2), ["ID"] = (2, 2), ["MT"] = (3, 2), ["ND"] = (4, 2), ["MN"] = (5, 2), ["IL"] = (6, 2), ["WI"] = (7, 2), ["MI"] = (8, 2), ["NY"] = (9, 2), ["RI"] = (10, 2), ["MA"] = (11, 2),
        ["OR"] = (1, 3), ["NV"] = (2, 3), ["WY"] = (3, 3), ["SD"] = (4, 3), ["IA"] = (5, 3), ["IN"] = (6, 3), ["OH"] = (7, 3), ["PA"] = (8, 3), ["NJ"] = (9, 3), ["CT"] = (10, 3),
        ["CA"] = (1, 4), ["UT"] = (2, 4), ["CO"] = (3, 4), ["NE"] = (4, 4), ["MO"] = (5, 4), ["KY"] = (6, 4), ["WV"] = (7, 4), ["VA"] = (8, 4), ["MD"] = (9, 4), ["DE"] = (10, 4),
        ["AZ"] = (2, 5), ["NM"] = (3, 5), ["KS"] = (4, 5), ["AR"] = (5, 5), ["TN"] = (6, 5), ["NC"] = (7, 5), ["SC"] = (8, 5), ["DC"] = (9, 5),
        ["OK"] = (4, 6), ["LA"] = (5, 6), ["MS"] = (6, 6), ["AL"] = (7, 6), ["GA"] = (8, 6),
        ["HI"] = (0, 7), ["TX"] = (4, 7), ["FL"] = (9, 7), ["GU"] = (0, 6), ["MP"] = (1, 6), ["PR"] = (11, 7), ["VI"] = (11, 6),
    };

    /// <summary>Tile positions of Canadian provinces and territories.</summary>
    private static readonly Dictionary<string, (int X, int Y)> CanadaTiles = new(StringComparer.Ordinal)
    {
        ["YT"] = (0, 0), ["NT"] = (1, 0), ["NU"] = (2, 0),
        ["BC"] = (0, 1), ["AB"] = (1, 1), ["SK"] = (2, 1), ["MB"] = (3, 1), ["ON"] = (4, 1), ["QC"] = (5, 1), ["NL"] = (6, 1),
        ["NB"] = (5, 2), ["PE"] = (6, 2), ["NS"] = (7, 2),
    };

    public static bool HasTiles(string country) => country is "US" or "CA";

    public static HtmlString Columns(string title, IReadOnlyList<ChartPoint> points)
    {
        const int height = 220, top = 20, bottom = 60, left = 10;
        var width = Math.Max(320, 24 + (points.Count * 34));
        var max = points.Count == 0 ? 1 : Math.Max(1, points.Max(p => p.Value));
        var root = Root(title, width, height + bottom);
        var step = (width - left - 10) / (double)Math.Max(1, points.Count);
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var h = (double)(p.Value / max) * (height - top);
            var x = left + (i * step);
            root.Add(new XElement(Svg + "g",
                new XElement(Svg + "title", $"{p.Label}: {Number(p.Value)}"),
                new XElement(Svg + "rect", Attr("x", x + 3), Attr("y", height - h), Attr("width", Math.Max(2, step - 6)), Attr("height", Math.Max(p.Value > 0 ? 1 : 0, h)), new XAttribute("fill", "#3182bd")),
                new XElement(Svg + "text", new XAttribute("transform", $"translate({F(x + (step / 2) + 4)},{F(height + 8)}) rotate(60)"), new XAttribute("font-size", "11"), p.Label)));
        }

        root.Add(new XElement(Svg + "line", Attr("x1", left), Attr("y1", height), Attr("x2", width - 10), Attr("y2", height), new XAttribute("stroke", "#33475b")));
        return Html(root);
    }

    public static HtmlString Bars(string title, IReadOnlyList<ChartPoint> points)
    {
        const int row = 26, labelWidth = 330, barWidth = 300, valueWidth = 110;
        var max = points.Count == 0 ? 1 : Math.Max(1, points.Max(p => p.Value));
        var root = Root(title, labelWidth + barWidth + valueWidth, Math.Max(1, points.Count) * row + 6);
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var y = (i * row) + 3;
            var w = p.Value == 0 ? 0 : Math.Max(3, (double)(p.Value / max) * barWidth);
            var label = p.Label.Length <= 48 ? p.Label : string.Concat(p.Label.AsSpan(0, 47), "…");
            root.Add(new XElement(Svg + "g",
                new XElement(Svg + "title", $"{p.Label}: {Number(p.Value)}"),
                new XElement(Svg + "text", Attr("x", labelWidth - 8), Attr("y", y + 15), new XAttribute("text-anchor", "end"), new XAttribute("font-size", "13"), label),
                new XElement(Svg + "rect", Attr("x", labelWidth), Attr("y", y + 2), Attr("width", w), Attr("height", row - 8), new XAttribute("fill", "#3182bd")),
                new XElement(Svg + "text", Attr("x", labelWidth + w + 6), Attr("y", y + 15), new XAttribute("font-size", "13"), Number(p.Value))));
        }

        return Html(root);
    }

    /// <summary>The states or provinces of <paramref name="country"/> as tiles shaded by value (keys are ISO 3166-2 codes).</summary>
    public static HtmlString TileMap(string title, string country, IReadOnlyDictionary<string, decimal> values)
    {
        const int size = 44, gap = 4;
        var tiles = country == "US" ? UsTiles : CanadaTiles;
        var columns = tiles.Values.Max(t => t.X) + 1;
        var rows = tiles.Values.Max(t => t.Y) + 1;
        var max = values.Count == 0 ? 1 : Math.Max(1, values.Values.Max());
        var root = Root(title, columns * (size + gap), rows * (size + gap));
        foreach (var (code, (x, y)) in tiles)
        {
            var value = values.GetValueOrDefault($"{country}-{code}");
            var shade = value <= 0 ? 0 : Math.Min(5, 1 + (int)(value / max * 5 - 0.0001m));
            root.Add(new XElement(Svg + "g",
                new XElement(Svg + "title", $"{country}-{code}: {Number(value)}"),
                new XElement(Svg + "rect", Attr("x", x * (size + gap)), Attr("y", y * (size + gap)), Attr("width", size), Attr("height", size), new XAttribute("rx", "3"),
                    new XAttribute("fill", Shades[shade]), new XAttribute("stroke", "#9fb3c8")),
                new XElement(Svg + "text", Attr("x", (x * (size + gap)) + (size / 2)), Attr("y", (y * (size + gap)) + 27), new XAttribute("text-anchor", "middle"),
                    new XAttribute("font-size", "13"), new XAttribute("fill", shade >= 4 ? "#ffffff" : "#12263a"), code)));
        }

        return Html(root);
    }

    public static string Number(decimal value) => value.ToString(value == decimal.Truncate(value) ? "N0" : "N2", CultureInfo.CurrentCulture);

    internal static XElement Root(string title, int width, int height) =>
        new(Svg + "svg", new XAttribute("viewBox", $"0 0 {width} {height}"), new XAttribute("role", "img"), new XAttribute("aria-label", title), new XElement(Svg + "title", title));

    internal static XAttribute Attr(string name, double value) => new(name, F(value));

    internal static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    internal static HtmlString Html(XElement svg) => new(svg.ToString(SaveOptions.DisableFormatting));
}
