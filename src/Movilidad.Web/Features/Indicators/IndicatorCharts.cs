using System.Globalization;
using System.Xml.Linq;

namespace Movilidad.Web.Features.Indicators;

/// <summary>One row of a horizontal bar chart; <see cref="Ratio"/> null draws no bar and says <see cref="ValueText"/> instead.</summary>
public sealed record ChartBar(string Label, double? Ratio, string ValueText, string? Href = null);

/// <summary>One row of the targets-versus-actuals chart: both values drawn on the row's own scale, their figures written out.</summary>
public sealed record ChartPair(string Label, double? Actual, double? Target, string ActualText, string TargetText);

/// <summary>
/// The dashboard's charts as server-drawn SVG (no script: the security policy forbids inline code). Each chart is an
/// image with a title and a description; the page gives the same figures as a table beside it. Drawn phone first: a
/// chart is <see cref="Width"/> units wide with each row's label on its own line above its bar, so at 390 px (where it
/// is drawn about one unit to the pixel) and in a dashboard column its text stays 12 px or more.
/// </summary>
public static class IndicatorCharts
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>The width of every chart in drawing units.</summary>
    public const int Width = 320;

    /// <summary>The characters of a label that fit a chart's width at 14 units.</summary>
    private const int LabelLength = 40;

    /// <summary>Progress bars from 0 to 100 % (a ratio above 1 is drawn full and its figure says how far above).</summary>
    public static XElement Progress(IReadOnlyList<ChartBar> bars, string title, string description)
    {
        const int barWidth = 150;
        const int row = 42;
        var height = 22 + (bars.Count * row) + 4;
        var root = Root(height, "progress-chart", title, description);
        foreach (var tick in new[] { 0, 50, 100 })
        {
            var x = barWidth * tick / 100.0;
            root.Add(El("line", ("x1", F(x)), ("x2", F(x)), ("y1", "18"), ("y2", F(height - 4)), ("class", tick is 0 or 100 ? "axis" : "grid")));
            root.Add(El("text", ("x", F(x)), ("y", "13"), ("text-anchor", tick switch { 0 => "start", 100 => "end", _ => "middle" }), ("class", "tick")).With(tick.ToString(CultureInfo.InvariantCulture) + " %"));
        }

        var y = 22.0;
        foreach (var bar in bars)
        {
            var group = El("g", ("class", "row"));
            group.Add(El("title").With($"{bar.Label}: {bar.ValueText}"));
            group.Add(El("text", ("x", "0"), ("y", F(y + 14)), ("class", "label")).With(Truncate(bar.Label, LabelLength)));
            group.Add(El("rect", ("x", "0"), ("y", F(y + 20)), ("width", F(barWidth)), ("height", "14"), ("class", "track")));
            if (bar.Ratio is { } ratio)
            {
                var width = Math.Max(barWidth * Math.Clamp(ratio, 0, 1), ratio > 0 ? 2 : 0);
                group.Add(El("rect", ("x", "0"), ("y", F(y + 20)), ("width", F(width)), ("height", "14"), ("class", ratio >= 1 ? "bar reached" : "bar")));
            }

            group.Add(El("text", ("x", F(barWidth + 6)), ("y", F(y + 32)), ("class", bar.Ratio is null ? "value none" : "value")).With(bar.ValueText));
            root.Add(bar.Href is null ? group : El("a", ("href", bar.Href)).With(group));
            y += row;
        }

        return root;
    }

    /// <summary>Each indicator's target (outline) and actual (filled), every row on the chart's one scale (its largest figure), with the legend on top.</summary>
    public static XElement TargetsVsActuals(IReadOnlyList<ChartPair> pairs, string title, string description, string actualName, string targetName)
    {
        const int barWidth = 150;
        const int row = 52;
        var height = 26 + (pairs.Count * row) + 4;
        var root = Root(height, "pairs-chart", title, description);
        root.Add(El("rect", ("x", "0"), ("y", "4"), ("width", "14"), ("height", "11"), ("class", "target")));
        root.Add(El("text", ("x", "20"), ("y", "14"), ("class", "legend")).With(targetName));
        root.Add(El("rect", ("x", "140"), ("y", "4"), ("width", "14"), ("height", "11"), ("class", "actual")));
        root.Add(El("text", ("x", "160"), ("y", "14"), ("class", "legend")).With(actualName));
        var scale = pairs.SelectMany(p => new[] { p.Actual ?? 0, p.Target ?? 0 }).DefaultIfEmpty(0).Max();
        double W(double? v) => scale <= 0 || v is not > 0 ? 0 : Math.Max(barWidth * v.Value / scale, 2);
        var y = 26.0;
        foreach (var pair in pairs)
        {
            var group = El("g", ("class", "row"));
            group.Add(El("title").With($"{pair.Label}: {targetName} {pair.TargetText}, {actualName} {pair.ActualText}"));
            group.Add(El("text", ("x", "0"), ("y", F(y + 14)), ("class", "label")).With(Truncate(pair.Label, LabelLength)));
            group.Add(El("rect", ("x", "0"), ("y", F(y + 20)), ("width", F(Math.Max(W(pair.Target), 1))), ("height", "12"), ("class", "target")));
            group.Add(El("rect", ("x", "0"), ("y", F(y + 34)), ("width", F(W(pair.Actual))), ("height", "12"), ("class", "actual")));
            group.Add(El("text", ("x", F(barWidth + 6)), ("y", F(y + 31)), ("class", "value")).With($"{targetName}: {pair.TargetText}"));
            group.Add(El("text", ("x", F(barWidth + 6)), ("y", F(y + 46)), ("class", "value")).With($"{actualName}: {pair.ActualText}"));
            root.Add(group);
            y += row;
        }

        return root;
    }

    /// <summary>An indicator over the periods: a column per period (what was reached) and each period's target as a line across it.</summary>
    public static XElement Trend(IReadOnlyList<TrendPoint> points, IReadOnlyList<string> labels, string title, string description, Func<double, string> format)
    {
        const int left = 58;
        const int top = 10;
        const int plot = 170;
        const int plotWidth = Width - left - 4;
        var max = points.SelectMany(p => new[] { p.Actual ?? 0, p.Target ?? 0 }).DefaultIfEmpty(0).Max();
        max = max <= 0 ? 1 : NiceCeiling(max);
        var root = Root(top + plot + 24, "trend-chart", title, description);
        double Y(double v) => top + plot - (plot * v / max);
        foreach (var i in new[] { 0, 2, 4 })
        {
            var value = max * i / 4;
            root.Add(El("line", ("x1", F(left)), ("x2", F(Width)), ("y1", F(Y(value))), ("y2", F(Y(value))), ("class", i == 0 ? "axis" : "grid")));
            root.Add(El("text", ("x", F(left - 4)), ("y", F(Y(value) + 4)), ("text-anchor", "end"), ("class", "tick")).With(format(value)));
        }

        var step = points.Count == 0 ? plotWidth : plotWidth / (double)points.Count;
        var every = Math.Max(1, (int)Math.Ceiling(56 / step));
        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i];
            var x = left + (i * step);
            var group = El("g", ("class", "period"));
            group.Add(El("title").With($"{labels[i]}: {(point.Actual is { } a ? format(a) : "–")}{(point.Target is { } t ? $" / {format(t)}" : string.Empty)}"));
            if (point.Actual is { } actual)
            {
                group.Add(El("rect", ("x", F(x + (step * 0.2))), ("y", F(Y(actual))), ("width", F(step * 0.6)), ("height", F(Math.Max(top + plot - Y(actual), 1))), ("class", "actual")));
            }

            if (point.Target is { } target)
            {
                group.Add(El("line", ("x1", F(x + (step * 0.05))), ("x2", F(x + (step * 0.95))), ("y1", F(Y(target))), ("y2", F(Y(target))), ("class", "target-line")));
            }

            root.Add(group);
            if (i % every == 0)
            {
                root.Add(El("text", ("x", F(x + (step / 2))), ("y", F(top + plot + 17)), ("text-anchor", "middle"), ("class", "tick")).With(point.Period));
            }
        }

        return root;
    }

    private static double NiceCeiling(double value)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        var first = value / magnitude;
        var nice = first <= 1 ? 1 : first <= 2 ? 2 : first <= 2.5 ? 2.5 : first <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    private static XElement Root(int height, string css, string title, string description)
    {
        var id = css + "-" + Math.Abs(StringComparer.Ordinal.GetHashCode(title)).ToString(CultureInfo.InvariantCulture);
        return new XElement(Svg + "svg",
            new XAttribute("viewBox", $"0 0 {Width} {height}"),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", $"{id}-title {id}-desc"),
            new XAttribute("class", "indicator-chart " + css),
            new XElement(Svg + "title", new XAttribute("id", id + "-title"), title),
            new XElement(Svg + "desc", new XAttribute("id", id + "-desc"), description));
    }

    private static XElement El(string name, params (string Name, string Value)[] attributes) =>
        new(Svg + name, attributes.Select(a => new XAttribute(a.Name, a.Value)));

    private static XElement With(this XElement element, object content)
    {
        element.Add(content);
        return element;
    }

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Truncate(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");
}
