using System.Globalization;
using System.Xml.Linq;
using Microsoft.AspNetCore.Html;

namespace Movilidad.Web.Features.LabourMarket;

/// <summary>
/// The outlook's charts, drawn on the server as SVG (the page puts the same figures in a table beside each): the projected
/// change of the ranked occupations as bars either side of zero, and one occupation's series with its forecast and band.
/// </summary>
public static class OutlookCharts
{
    private static readonly XNamespace Svg = LabourCharts.Svg;

    public static HtmlString Changes(string title, IReadOnlyList<OutlookOccupation> occupations)
    {
        const int row = 26, labelWidth = 330, barWidth = 300, valueWidth = 100;
        var max = occupations.Count == 0 ? 1 : Math.Max(1, occupations.Max(o => Math.Abs(o.Change)));
        var hasFalls = occupations.Any(o => o.Change < 0);
        var zero = labelWidth + (hasFalls ? barWidth / 2.0 : 0);
        var scale = (hasFalls ? barWidth / 2.0 : barWidth) / max;
        var root = LabourCharts.Root(title, labelWidth + barWidth + valueWidth, (Math.Max(1, occupations.Count) * row) + 6);
        for (var i = 0; i < occupations.Count; i++)
        {
            var o = occupations[i];
            var y = (i * row) + 3;
            var w = Math.Abs(o.Change) * scale;
            var x = o.Change >= 0 ? zero : zero - w;
            var label = $"{o.Occupation} {o.Title}";
            label = label.Length <= 48 ? label : string.Concat(label.AsSpan(0, 47), "…");
            var value = OutlookModel.Signed(o.Change);
            root.Add(new XElement(Svg + "g",
                new XElement(Svg + "title", $"{o.Occupation} {o.Title}: {value}"),
                new XElement(Svg + "text", LabourCharts.Attr("x", labelWidth - 8), LabourCharts.Attr("y", y + 15), new XAttribute("text-anchor", "end"), new XAttribute("font-size", "13"), label),
                new XElement(Svg + "rect", LabourCharts.Attr("x", x), LabourCharts.Attr("y", y + 2), LabourCharts.Attr("width", Math.Max(1, w)), LabourCharts.Attr("height", row - 8), new XAttribute("fill", o.Change >= 0 ? "#3182bd" : "#c2410c")),
                new XElement(Svg + "text", LabourCharts.Attr("x", (o.Change >= 0 ? x + w : zero) + 6), LabourCharts.Attr("y", y + 15), new XAttribute("font-size", "13"), value)));
        }

        root.Add(new XElement(Svg + "line", LabourCharts.Attr("x1", zero), LabourCharts.Attr("y1", 0), LabourCharts.Attr("x2", zero), LabourCharts.Attr("y2", (Math.Max(1, occupations.Count) * row) + 6), new XAttribute("stroke", "#33475b")));
        return LabourCharts.Html(root);
    }

    /// <summary>The observed years as a line, the forecast as a dashed line from the last observed year, and the band as a shaded area.</summary>
    public static HtmlString Series(string title, OutlookOccupation occupation, string observed, string forecast, string band)
    {
        const int width = 560, height = 240, left = 64, right = 16, top = 16, bottom = 40;
        var points = occupation.History.Concat(occupation.Forecast).ToList();
        var first = points[0].Year;
        var last = points[^1].Year;
        var max = Math.Max(1, points.Max(p => p.Upper ?? p.Value));
        double X(int year) => left + ((year - first) * (width - left - right) / (double)Math.Max(1, last - first));
        double Y(double value) => top + ((height - top - bottom) * (1 - (value / max)));
        var root = LabourCharts.Root(title, width, height);
        var lastObserved = occupation.History[^1];
        var upper = occupation.Forecast.Select(p => $"{LabourCharts.F(X(p.Year))},{LabourCharts.F(Y(p.Upper!.Value))}");
        var lower = occupation.Forecast.Reverse().Select(p => $"{LabourCharts.F(X(p.Year))},{LabourCharts.F(Y(p.Lower!.Value))}");
        var anchor = $"{LabourCharts.F(X(lastObserved.Year))},{LabourCharts.F(Y(lastObserved.Value))}";
        root.Add(new XElement(Svg + "polygon", new XAttribute("points", string.Join(' ', upper.Prepend(anchor).Concat(lower))), new XAttribute("fill", "#c6dbef"),
            new XElement(Svg + "title", band)));
        root.Add(new XElement(Svg + "polyline", new XAttribute("points", string.Join(' ', occupation.History.Select(p => $"{LabourCharts.F(X(p.Year))},{LabourCharts.F(Y(p.Value))}"))),
            new XAttribute("fill", "none"), new XAttribute("stroke", "#08519c"), new XAttribute("stroke-width", "2.5"), new XElement(Svg + "title", observed)));
        root.Add(new XElement(Svg + "polyline", new XAttribute("points", string.Join(' ', occupation.Forecast.Select(p => $"{LabourCharts.F(X(p.Year))},{LabourCharts.F(Y(p.Value))}").Prepend(anchor))),
            new XAttribute("fill", "none"), new XAttribute("stroke", "#c2410c"), new XAttribute("stroke-width", "2.5"), new XAttribute("stroke-dasharray", "6 4"), new XElement(Svg + "title", forecast)));
        foreach (var p in points)
        {
            root.Add(new XElement(Svg + "text", LabourCharts.Attr("x", X(p.Year)), LabourCharts.Attr("y", height - bottom + 18), new XAttribute("text-anchor", "middle"), new XAttribute("font-size", "11"),
                p.Year.ToString(CultureInfo.InvariantCulture)));
        }

        foreach (var fraction in new[] { 0.0, 0.5, 1.0 })
        {
            root.Add(new XElement(Svg + "text", LabourCharts.Attr("x", left - 6), LabourCharts.Attr("y", Y(max * fraction) + 4), new XAttribute("text-anchor", "end"), new XAttribute("font-size", "11"),
                OutlookModel.Number(max * fraction)));
        }

        root.Add(new XElement(Svg + "line", LabourCharts.Attr("x1", left), LabourCharts.Attr("y1", Y(0)), LabourCharts.Attr("x2", width - right), LabourCharts.Attr("y2", Y(0)), new XAttribute("stroke", "#33475b")));
        return LabourCharts.Html(root);
    }
}
