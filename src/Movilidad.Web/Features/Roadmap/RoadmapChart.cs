using System.Globalization;
using System.Xml.Linq;
using Microsoft.AspNetCore.Html;
using Movilidad.Platform.Monitoring;

namespace Movilidad.Web.Features.Roadmap;

/// <summary>The time axis of the roadmap: whole years from the earliest date drawn (or today) to the latest.</summary>
public sealed class RoadmapScale
{
    private readonly DateOnly first;
    private readonly double days;

    public RoadmapScale(IEnumerable<DateOnly> dates, DateOnly today)
    {
        var all = dates.Append(today).ToList();
        first = new DateOnly(all.Min().Year, 1, 1);
        Last = new DateOnly(all.Max().Year, 12, 31);
        Today = today;
        days = Last.DayNumber - first.DayNumber + 1.0;
    }

    public DateOnly First => first;

    public DateOnly Last { get; }

    public DateOnly Today { get; }

    public double X(DateOnly date) => RoadmapChart.Pad + ((date.DayNumber - first.DayNumber) / days * (RoadmapChart.Width - (2 * RoadmapChart.Pad)));

    public double YearWidth => (RoadmapChart.Width - (2 * RoadmapChart.Pad)) / (Last.Year - First.Year + 1.0);
}

/// <summary>
/// Draws the roadmap's Gantt chart as SVG, one small drawing per table row (so a row's label and its bar always line up,
/// the labels stay put while the bars scroll on a phone, and a printed page breaks between rows): bars by status, year
/// lines and today's line. Drawn at their natural size on screen, so their text never shrinks; scaled to the paper in print.
/// </summary>
public static class RoadmapChart
{
    public const int Width = 760;
    public const int RowHeight = 24;
    public const int AxisHeight = 40;
    public const double Pad = 4;

    /// <summary>A bar is never narrower than this; one narrower than <see cref="LabelledBelow"/> gets its dates written beside it.</summary>
    public const double MinimumBar = 6;
    public const double LabelledBelow = 56;

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static HtmlString Axis(RoadmapScale scale, CultureInfo culture)
    {
        var root = Drawing(AxisHeight, "rm-axis");
        var quarters = scale.YearWidth >= 170;
        for (var year = scale.First.Year; year <= scale.Last.Year; year++)
        {
            var x = scale.X(new DateOnly(year, 1, 1));
            root.Add(Line("year-line", x, 0, AxisHeight));
            root.Add(Text("year", x + 3, 15, year.ToString(CultureInfo.InvariantCulture)));
            for (var quarter = 1; quarters && quarter < 4; quarter++)
            {
                var q = scale.X(new DateOnly(year, (quarter * 3) + 1, 1));
                root.Add(Line("quarter-line", q, 20, AxisHeight));
                root.Add(Text("quarter", q + 3, 34, culture.TwoLetterISOLanguageName == "es" ? $"T{quarter + 1}" : $"Q{quarter + 1}"));
            }
        }

        var today = scale.X(scale.Today);
        root.Add(Line("today", today, 20, AxisHeight));
        root.Add(new XElement(Svg + "path", new XAttribute("class", "today-mark"), new XAttribute("d", $"M{F(today - 6)} 20 L{F(today + 6)} 20 L{F(today)} 28 Z")));
        return Html(root);
    }

    /// <summary>The drawing of one row: the bar of a dated row, "no dates" for an activity without them, nothing for a heading row.</summary>
    public static HtmlString Row(RoadmapScale scale, RoadmapRow? row, CultureInfo culture, string noDates)
    {
        var root = Drawing(RowHeight, "rm-row");
        for (var year = scale.First.Year; year <= scale.Last.Year; year++)
        {
            root.Add(Line("year-line", scale.X(new DateOnly(year, 1, 1)), 0, RowHeight));
        }

        if (row is { IsDated: false, IsActivity: true })
        {
            root.Add(Text("no-dates", Pad + 2, 16, noDates));
        }
        else if (row is { IsDated: true })
        {
            var start = (row.Start ?? row.End)!.Value;
            var end = (row.End ?? row.Start)!.Value;
            var x1 = scale.X(start);
            var x2 = scale.X(end.AddDays(1));
            if (x2 - x1 < MinimumBar)
            {
                x1 = Math.Clamp(((x1 + x2) / 2) - (MinimumBar / 2), Pad, Width - Pad - MinimumBar);
                x2 = x1 + MinimumBar;
            }

            root.Add(new XElement(Svg + "rect", new XAttribute("class", BarClass(row, scale.Today)), new XAttribute("x", F(x1)), new XAttribute("y", row.SpansActivities ? "8" : "5"),
                new XAttribute("width", F(x2 - x1)), new XAttribute("height", row.SpansActivities ? "8" : "14"), new XAttribute("rx", "2")));
            if (x2 - x1 < LabelledBelow)
            {
                var label = row.Label.For(culture) is { Length: > 0 } text ? text : Dates(start, end, culture);
                var room = Width - x2 - Pad;
                var needed = (label.Length * 6.6) + 4;
                var right = room >= needed || (x1 < needed && room >= x1);
                var fits = (int)(((right ? room : x1 - Pad) - 4) / 6.6);
                label = label.Length <= fits || fits < 4 ? label : string.Concat(label.AsSpan(0, fits - 1), "…");
                root.Add(right
                    ? Text("bar-label", x2 + 4, 16, label)
                    : new XElement(Svg + "text", new XAttribute("class", "bar-label"), new XAttribute("x", F(x1 - 4)), new XAttribute("y", "16"), new XAttribute("text-anchor", "end"), label));
            }
        }

        root.Add(Line("today", scale.X(scale.Today), 0, RowHeight));
        return Html(root);
    }

    /// <summary>The bar's class: an activity's status, or an element's own calendar (past once it ended), or the span of its activities.</summary>
    public static string BarClass(RoadmapRow row, DateOnly today) => row switch
    {
        { Status: { } status } => $"bar status-{ActivityWorkflow.Kebab(status)}",
        { SpansActivities: true } => "bar span",
        { End: { } end } when end < today => "bar element past",
        { Start: { } start, End: null } when start < today => "bar element past",
        _ => "bar element",
    };

    public static string Dates(DateOnly start, DateOnly end, CultureInfo culture) =>
        start == end ? start.ToString("d MMM yyyy", culture)
        : start.Year == end.Year && start.Month == 1 && end.Month == 12 && start.Day == 1 && end.Day == 31 ? start.Year.ToString(CultureInfo.InvariantCulture)
        : $"{start.ToString("MMM yyyy", culture)} – {end.ToString("MMM yyyy", culture)}";

    private static XElement Drawing(int height, string kind) => new(Svg + "svg",
        new XAttribute("class", $"rm-svg {kind}"),
        new XAttribute("width", Width), new XAttribute("height", height),
        new XAttribute("viewBox", $"0 0 {Width} {height}"),
        new XAttribute("aria-hidden", "true"), new XAttribute("focusable", "false"));

    private static XElement Line(string kind, double x, double y1, double y2) => new(Svg + "line",
        new XAttribute("class", kind), new XAttribute("x1", F(x)), new XAttribute("x2", F(x)), new XAttribute("y1", F(y1)), new XAttribute("y2", F(y2)));

    private static XElement Text(string kind, double x, double y, string text) => new(Svg + "text",
        new XAttribute("class", kind), new XAttribute("x", F(x)), new XAttribute("y", F(y)), text);

    private static HtmlString Html(XElement root) => new(root.ToString(SaveOptions.DisableFormatting));

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
