using System.Globalization;
using System.Xml.Linq;
using Movilidad.Platform.Localization;

namespace Movilidad.Web.Features.Roadmap;

public sealed record RoadmapItem(int Id, string? Code, Bilingual Title, DateOnly Start, DateOnly End, Bilingual Label);

/// <summary>Dated elements under one line or priority of a plan; a plan's top-level elements form a group with no title.</summary>
public sealed record RoadmapGroup(string PlanKey, Bilingual PlanTitle, Bilingual? GroupTitle, IReadOnlyList<RoadmapItem> Items);

/// <summary>Draws the roadmap as an SVG Gantt chart: one row per dated element, grouped by plan and line, with today's line.</summary>
public static class RoadmapChart
{
    private const int LabelWidth = 360;
    private const int ChartWidth = 760;
    private const int RowHeight = 26;
    private const int GroupHeight = 30;
    private const int AxisHeight = 34;

    public static XElement Render(IReadOnlyList<RoadmapGroup> groups, DateOnly today, CultureInfo culture, string title)
    {
        XNamespace svg = "http://www.w3.org/2000/svg";
        var items = groups.SelectMany(g => g.Items).ToList();
        var first = new DateOnly(Math.Min(items.Min(i => i.Start).Year, today.Year), 1, 1);
        var last = new DateOnly(Math.Max(items.Max(i => i.End).Year, today.Year), 12, 31);
        var days = last.DayNumber - first.DayNumber + 1.0;
        double X(DateOnly d) => LabelWidth + ((d.DayNumber - first.DayNumber) / days * ChartWidth);
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        var plans = groups.Select(g => g.PlanKey).Distinct().Count();
        var titled = groups.Count(g => g.GroupTitle is not null);
        var height = AxisHeight + ((plans + titled) * GroupHeight) + (items.Count * RowHeight) + 24;
        var yearWidth = ChartWidth / (last.Year - first.Year + 1.0);
        var root = new XElement(svg + "svg",
            new XAttribute("viewBox", $"0 0 {LabelWidth + ChartWidth + 10} {height}"),
            new XAttribute("role", "group"),
            new XAttribute("aria-label", title),
            new XAttribute("class", "gantt"),
            new XElement(svg + "title", title));

        for (var year = first.Year; year <= last.Year; year++)
        {
            for (var quarter = 0; quarter < 4; quarter++)
            {
                if (quarter > 0 && yearWidth < 90)
                {
                    continue;
                }

                var x = X(new DateOnly(year, (quarter * 3) + 1, 1));
                root.Add(new XElement(svg + "line", Attr("x1", F(x)), Attr("x2", F(x)), Attr("y1", "22"), Attr("y2", F(height)), Attr("class", quarter == 0 ? "year-line" : "quarter-line")));
                root.Add(new XElement(svg + "text", Attr("x", F(x + 3)), Attr("y", quarter == 0 ? "14" : "30"), Attr("class", quarter == 0 ? "year" : "quarter"),
                    quarter == 0 ? year.ToString(CultureInfo.InvariantCulture) : culture.TwoLetterISOLanguageName == "es" ? $"T{quarter + 1}" : $"Q{quarter + 1}"));
            }
        }

        var y = (double)AxisHeight;
        string? plan = null;
        foreach (var group in groups)
        {
            if (group.PlanKey != plan)
            {
                plan = group.PlanKey;
                root.Add(new XElement(svg + "rect", Attr("x", "0"), Attr("y", F(y)), Attr("width", F(LabelWidth + ChartWidth)), Attr("height", F(GroupHeight - 4)), Attr("class", "plan-band")));
                root.Add(new XElement(svg + "text", Attr("x", "6"), Attr("y", F(y + 18)), Attr("class", "plan"), Truncate(group.PlanTitle.For(culture), 130)));
                y += GroupHeight;
            }

            if (group.GroupTitle is { } groupTitle)
            {
                root.Add(new XElement(svg + "rect", Attr("x", "0"), Attr("y", F(y)), Attr("width", F(LabelWidth + ChartWidth)), Attr("height", F(GroupHeight - 4)), Attr("class", "group-band")));
                root.Add(new XElement(svg + "text", Attr("x", "6"), Attr("y", F(y + 18)), Attr("class", "group"), Truncate(groupTitle.For(culture), 130)));
                y += GroupHeight;
            }

            foreach (var item in group.Items)
            {
                var x1 = X(item.Start);
                var x2 = Math.Max(X(item.End.AddDays(1)), x1 + 4);
                var late = item.End < today;
                var link = new XElement(svg + "a", Attr("href", $"/elements/{item.Id}"),
                    new XElement(svg + "title", $"{item.Title.For(culture)} — {item.Label.For(culture)}"),
                    new XElement(svg + "text", Attr("x", "12"), Attr("y", F(y + 17)), Attr("class", "label"), Truncate($"{item.Code} {item.Title.For(culture)}".Trim(), 52)),
                    new XElement(svg + "rect", Attr("x", F(x1)), Attr("y", F(y + 5)), Attr("width", F(x2 - x1)), Attr("height", "16"), Attr("rx", "3"), Attr("class", late ? "bar past" : "bar")));
                root.Add(link);
                y += RowHeight;
            }
        }

        var todayX = X(today);
        root.Add(new XElement(svg + "line", Attr("x1", F(todayX)), Attr("x2", F(todayX)), Attr("y1", "18"), Attr("y2", F(height)), Attr("class", "today")));
        var nearRightEdge = todayX > LabelWidth + ChartWidth - 90;
        root.Add(new XElement(svg + "text", Attr("x", F(nearRightEdge ? todayX - 4 : todayX + 4)), Attr("y", F(height - 6)),
            Attr("text-anchor", nearRightEdge ? "end" : "start"), Attr("class", "today-label"), today.ToString("d MMM yyyy", culture)));
        return root;
    }

    private static XAttribute Attr(string name, string value) => new(name, value);

    private static string Truncate(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");
}
