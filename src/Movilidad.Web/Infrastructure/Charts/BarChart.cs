using System.Globalization;
using System.Xml.Linq;

namespace Movilidad.Web.Infrastructure.Charts;

/// <summary>One bar: its label, its count, and a class that colours it (a status, say).</summary>
public sealed record Bar(string Label, int Value, string? Kind = null);

/// <summary>
/// A horizontal bar chart drawn on the server as SVG (the Content-Security-Policy allows no inline script): one row per
/// bar with its label and count written out, so the chart reads without colour and each bar names itself to screen readers.
/// </summary>
public static class BarChart
{
    private const int RowHeight = 26;
    private const int ValueWidth = 50;

    /// <summary>
    /// Draws the bars; <paramref name="wide"/> for a chart across the page (long labels), otherwise one half of it, so
    /// that text keeps about the page's size once the browser scales the drawing to its box.
    /// </summary>
    public static XElement Render(string title, IReadOnlyList<Bar> bars, string cssClass, bool wide = false)
    {
        var labelWidth = wide ? 560 : 240;
        var barWidth = wide ? 520 : 200;
        var maxLabel = wide ? 68 : 30;
        XNamespace svg = "http://www.w3.org/2000/svg";
        var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Value));
        var height = Math.Max(1, bars.Count) * RowHeight + 6;
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        var root = new XElement(svg + "svg",
            new XAttribute("viewBox", $"0 0 {labelWidth + barWidth + ValueWidth} {height}"),
            new XAttribute("role", "img"),
            new XAttribute("aria-label", title),
            new XAttribute("class", "bars " + cssClass),
            new XElement(svg + "title", title));
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = (i * RowHeight) + 3;
            var width = bar.Value == 0 ? 0 : Math.Max(3, bar.Value / (double)max * barWidth);
            var count = bar.Value.ToString("N0", CultureInfo.CurrentCulture);
            var row = new XElement(svg + "g",
                new XAttribute("class", "bar-row" + (bar.Kind is null ? string.Empty : " " + bar.Kind)),
                new XElement(svg + "title", $"{bar.Label}: {count}"),
                new XElement(svg + "text", new XAttribute("x", F(labelWidth - 8)), new XAttribute("y", F(y + 15)), new XAttribute("class", "bar-label"), Shorten(bar.Label, maxLabel)),
                new XElement(svg + "rect", new XAttribute("x", F(labelWidth)), new XAttribute("y", F(y + 2)), new XAttribute("width", F(width)), new XAttribute("height", F(RowHeight - 8)),
                    new XAttribute("class", "bar"), new XAttribute("rx", "2")),
                new XElement(svg + "text", new XAttribute("x", F(labelWidth + width + 6)), new XAttribute("y", F(y + 15)), new XAttribute("class", "bar-value"), count));
            root.Add(row);
        }

        return root;
    }

    private static string Shorten(string label, int max) => label.Length <= max ? label : string.Concat(label.AsSpan(0, max - 1), "…");
}
