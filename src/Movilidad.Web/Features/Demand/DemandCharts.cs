using System.Globalization;
using System.Xml.Linq;

namespace Movilidad.Web.Features.Demand;

/// <summary>One line of a chart: its label and its values at the chart's times; observations are drawn as dots.</summary>
public sealed record ChartLine(string Label, IReadOnlyList<double> Times, IReadOnlyList<double> Values, bool Dots = false);

/// <summary>
/// Line charts of runs drawn on the server as SVG: several lines (one per scenario) on shared axes, or a Monte Carlo
/// variable's percentile bands (5-95 and 25-75 shaded, the median as a line), or a model against observed data (dots), with
/// an optional vertical marker (where a back-test's fit ends); the page writes the numbers in a table beside.
/// </summary>
public static class DemandCharts
{
    private const double Width = 640;
    private const double Height = 300;
    private const double Left = 80;
    private const double Bottom = 34;
    private const double Top = 10;
    private const double Right = 32;

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static XElement Lines(string title, IReadOnlyList<ChartLine> lines, IReadOnlyList<double[]>? bands = null, double? marker = null)
    {
        var all = lines.SelectMany(l => l.Values).Concat(bands?.SelectMany(b => b) ?? []).Where(double.IsFinite).DefaultIfEmpty(0).ToList();
        var times = lines.SelectMany(l => l.Times).DefaultIfEmpty(0).ToList();
        var (minT, maxT) = (times.Min(), Math.Max(times.Max(), times.Min() + 1e-9));
        var (minV, maxV) = (Math.Min(0, all.Min()), all.Max());
        maxV = maxV <= minV ? minV + 1 : maxV;
        double X(double t) => Left + ((t - minT) / (maxT - minT) * (Width - Left - Right));
        double Y(double v) => Top + ((maxV - v) / (maxV - minV) * (Height - Top - Bottom));
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        var root = new XElement(Svg + "svg", new XAttribute("viewBox", $"0 0 {F(Width)} {F(Height)}"), new XAttribute("role", "img"),
            new XAttribute("aria-label", title), new XAttribute("class", "lines"), new XElement(Svg + "title", title));
        for (var i = 0; i <= 4; i++)
        {
            var v = minV + ((maxV - minV) * i / 4);
            root.Add(new XElement(Svg + "line", new XAttribute("class", "grid"), new XAttribute("x1", F(Left)), new XAttribute("x2", F(Width - Right)), new XAttribute("y1", F(Y(v))), new XAttribute("y2", F(Y(v)))));
            root.Add(new XElement(Svg + "text", new XAttribute("class", "axis"), new XAttribute("x", F(Left - 6)), new XAttribute("y", F(Y(v) + 4)), new XAttribute("text-anchor", "end"), Number(v)));
        }

        for (var i = 0; i <= 4; i++)
        {
            var t = minT + ((maxT - minT) * i / 4);
            root.Add(new XElement(Svg + "text", new XAttribute("class", "axis"), new XAttribute("x", F(X(t))), new XAttribute("y", F(Height - 10)), new XAttribute("text-anchor", "middle"), Time(Math.Round(t, 2))));
        }

        if (bands is { Count: > 0 } && lines.Count > 0)
        {
            var t = lines[0].Times;
            string Area(int low, int high) => "M " + string.Join(" L ", t.Select((x, i) => $"{F(X(x))} {F(Y(bands[i][high]))}"))
                + " L " + string.Join(" L ", t.Select((x, i) => (x, i)).Reverse().Select(p => $"{F(X(p.x))} {F(Y(bands[p.i][low]))}")) + " Z";
            root.Add(new XElement(Svg + "path", new XAttribute("class", "band outer"), new XAttribute("d", Area(0, 4))));
            root.Add(new XElement(Svg + "path", new XAttribute("class", "band inner"), new XAttribute("d", Area(1, 3))));
        }

        if (marker is { } m && m >= minT && m <= maxT)
        {
            root.Add(new XElement(Svg + "line", new XAttribute("class", "marker"), new XAttribute("x1", F(X(m))), new XAttribute("x2", F(X(m))), new XAttribute("y1", F(Top)), new XAttribute("y2", F(Height - Bottom))));
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var points = line.Times.Select((t, j) => (t, v: line.Values[j])).Where(p => double.IsFinite(p.v)).ToList();
            root.Add(line.Dots
                ? new XElement(Svg + "g", new XAttribute("class", "dots"), new XElement(Svg + "title", line.Label),
                    points.Select(p => new XElement(Svg + "circle", new XAttribute("cx", F(X(p.t))), new XAttribute("cy", F(Y(p.v))), new XAttribute("r", "4.5"))))
                : new XElement(Svg + "polyline", new XAttribute("class", $"series s{i % 6}"), new XAttribute("points", string.Join(' ', points.Select(p => $"{F(X(p.t))},{F(Y(p.v))}"))),
                    new XElement(Svg + "title", line.Label)));
        }

        return root;
    }

    /// <summary>A quantity in the reader's language, thousands grouped (12,500 / 12.500). Never for a time: see <see cref="Time"/>.</summary>
    public static string Number(double v) => Math.Abs(v) >= 1000 ? v.ToString("N0", CultureInfo.CurrentCulture) : v.ToString("0.###", CultureInfo.CurrentCulture);

    /// <summary>A time of the model (a year such as 2020, or 2020.25): never grouped, so a year never reads "2.020" or "2,020"; the decimal sign is the reader's.</summary>
    public static string Time(double t) => t.ToString("0.###", CultureInfo.CurrentCulture);

    /// <summary>A constant's value: the time settings (INITIAL TIME, FINAL TIME, TIME STEP, SAVEPER) as times, any other as a quantity.</summary>
    public static string Constant(string name, double v) => TimeSettings.Contains(name) ? Time(v) : Number(v);

    private static readonly HashSet<string> TimeSettings = new(["INITIAL TIME", "FINAL TIME", "TIME STEP", "SAVEPER"], StringComparer.OrdinalIgnoreCase);
}
