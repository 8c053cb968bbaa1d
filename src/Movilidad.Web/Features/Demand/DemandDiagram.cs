using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Movilidad.Dynamics;

namespace Movilidad.Web.Features.Demand;

/// <summary>
/// Draws a model's stock-and-flow structure as SVG on the server: the model's own sketch when it has one (the Vensim
/// sketch section, XMILE <c>&lt;views&gt;</c>), otherwise a layout: constants, lookups and data on top, each stock in a
/// row between its inflows and outflows, auxiliaries below, an arrow from every variable to those that use it.
/// </summary>
public static partial class DemandDiagram
{
    private const double CellWidth = 200;
    private const double CellHeight = 90;
    private const int PerRow = 6;

    private sealed record Node(string Name, StructureKind Kind, double X, double Y);

    /// <summary>The diagram and whether it is the model's own sketch.</summary>
    public static (XElement Svg, bool FromSketch) Render(string title, string source, string format, IReadOnlyList<StructureVariable> variables)
    {
        var kinds = variables.ToDictionary(v => DemandRuns.Key(v.Name), v => v.Kind, StringComparer.Ordinal);
        var sketch = format == "xmile" ? XmileSketch(source, kinds) : VensimSketch(source, kinds);
        if (sketch is { Nodes.Count: > 0 })
        {
            return (Draw(title, sketch.Value.Nodes, sketch.Value.Links, sketch.Value.Pipes), true);
        }

        var (nodes, links, pipes) = Layout(variables);
        return (Draw(title, nodes, links, pipes), false);
    }

    private static (List<Node> Nodes, List<(string From, string To)> Links, List<(string From, string To)> Pipes) Layout(IReadOnlyList<StructureVariable> variables)
    {
        var nodes = new List<Node>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var row = 0.0;
        void Grid(IEnumerable<StructureVariable> items)
        {
            var list = items.Where(v => placed.Add(v.Name)).ToList();
            for (var i = 0; i < list.Count; i++)
            {
                nodes.Add(new Node(list[i].Name, list[i].Kind, (i % PerRow) * CellWidth + (CellWidth / 2), (row + (i / PerRow)) * CellHeight + (CellHeight / 2)));
            }

            row += Math.Ceiling(list.Count / (double)PerRow);
        }

        Grid(variables.Where(v => v.Kind is StructureKind.Constant or StructureKind.Lookup or StructureKind.Data));
        var byName = variables.ToDictionary(v => v.Name, StringComparer.Ordinal);
        foreach (var stock in variables.Where(v => v.Kind == StructureKind.Stock))
        {
            // One row per stock, between its inflows and its outflows, so that its pipes run straight.
            Grid(stock.Inflows.Append(stock.Name).Concat(stock.Outflows).Where(byName.ContainsKey).Select(n => byName[n]));
        }

        Grid(variables.Where(v => v.Kind is not StructureKind.Control));
        var pipes = variables.Where(v => v.Kind == StructureKind.Stock)
            .SelectMany(s => s.Inflows.Select(f => (f, s.Name)).Concat(s.Outflows.Select(f => (s.Name, f)))).ToList();
        var pipeSet = pipes.Select(p => (p.Item1, p.Item2)).ToHashSet();
        var links = variables.SelectMany(v => v.Uses.Where(placed.Contains).Select(u => (u, v.Name)))
            .Where(l => !pipeSet.Contains(l) && !pipeSet.Contains((l.Item2, l.u))).ToList();
        return (nodes, links, pipes);
    }

    private static (List<Node> Nodes, List<(string From, string To)> Links, List<(string From, string To)> Pipes)? VensimSketch(string source, Dictionary<string, StructureKind> kinds)
    {
        var start = source.IndexOf("\\\\\\---///", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var ids = new Dictionary<string, Node>(StringComparer.Ordinal);
        var arrows = new List<(string From, string To)>();
        foreach (var line in source[start..].Split('\n').Select(l => l.Trim()))
        {
            var fields = SketchFields().Matches(line).Select(m => m.Value.Trim('"')).ToList();
            if (fields is ["1", _, var from, var to, ..])
            {
                arrows.Add((from, to));
            }
            else if (fields.Count >= 5 && fields[0] == "10" && kinds.TryGetValue(DemandRuns.Key(fields[2]), out var kind)
                && double.TryParse(fields[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
                && double.TryParse(fields[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var y))
            {
                ids[fields[1]] = new Node(fields[2], kind, x, y);
            }
        }

        var nodes = ids.Values.DistinctBy(n => n.Name).ToList();
        var links = arrows.Where(a => ids.ContainsKey(a.From) && ids.ContainsKey(a.To)).Select(a => (ids[a.From].Name, ids[a.To].Name)).Distinct().ToList();
        return (nodes, links, []);
    }

    private static (List<Node> Nodes, List<(string From, string To)> Links, List<(string From, string To)> Pipes)? XmileSketch(string source, Dictionary<string, StructureKind> kinds)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(source);
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }

        var view = document.Descendants().FirstOrDefault(e => e.Name.LocalName == "view");
        if (view is null)
        {
            return null;
        }

        var nodes = new List<Node>();
        foreach (var element in view.Elements().Where(e => e.Name.LocalName is "stock" or "flow" or "aux"))
        {
            var name = ((string?)element.Attribute("name") ?? string.Empty).Replace("\\n", " ", StringComparison.Ordinal).Replace('_', ' ');
            if (kinds.TryGetValue(DemandRuns.Key(name), out var kind)
                && double.TryParse((string?)element.Attribute("x"), NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
                && double.TryParse((string?)element.Attribute("y"), NumberStyles.Float, CultureInfo.InvariantCulture, out var y))
            {
                nodes.Add(new Node(name, kind, x, y));
            }
        }

        var byKey = nodes.DistinctBy(n => DemandRuns.Key(n.Name)).ToDictionary(n => DemandRuns.Key(n.Name), n => n.Name, StringComparer.Ordinal);
        var links = view.Elements().Where(e => e.Name.LocalName == "connector")
            .Select(c => (From: DemandRuns.Key(c.Elements().FirstOrDefault(e => e.Name.LocalName == "from")?.Value ?? string.Empty),
                To: DemandRuns.Key(c.Elements().FirstOrDefault(e => e.Name.LocalName == "to")?.Value ?? string.Empty)))
            .Where(l => byKey.ContainsKey(l.From) && byKey.ContainsKey(l.To)).Select(l => (byKey[l.From], byKey[l.To])).ToList();
        return (nodes, links, []);
    }

    private static XElement Draw(string title, List<Node> nodes, List<(string From, string To)> links, List<(string From, string To)> pipes)
    {
        XNamespace svg = "http://www.w3.org/2000/svg";
        var minX = nodes.Min(n => n.X) - 100;
        var minY = nodes.Min(n => n.Y) - 50;
        var width = nodes.Max(n => n.X) - minX + 100;
        var height = nodes.Max(n => n.Y) - minY + 50;
        var at = nodes.GroupBy(n => n.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        var root = new XElement(svg + "svg",
            new XAttribute("viewBox", $"{F(minX)} {F(minY)} {F(width)} {F(height)}"),
            new XAttribute("role", "img"), new XAttribute("aria-label", title), new XAttribute("class", "sfd"),
            new XElement(svg + "title", title),
            new XElement(svg + "defs", new XElement(svg + "marker", new XAttribute("id", "sfd-arrow"), new XAttribute("viewBox", "0 0 10 10"), new XAttribute("refX", "10"), new XAttribute("refY", "5"),
                new XAttribute("markerWidth", "6"), new XAttribute("markerHeight", "6"), new XAttribute("orient", "auto-start-reverse"),
                new XElement(svg + "path", new XAttribute("d", "M 0 0 L 10 5 L 0 10 z")))));
        foreach (var (from, to) in pipes.Where(p => at.ContainsKey(p.From) && at.ContainsKey(p.To)))
        {
            root.Add(new XElement(svg + "line", new XAttribute("class", "pipe"), Ends(at[from], at[to], F)));
        }

        foreach (var (from, to) in links.Where(l => at.ContainsKey(l.From) && at.ContainsKey(l.To) && l.From != l.To))
        {
            root.Add(new XElement(svg + "line", new XAttribute("class", "link"), new XAttribute("marker-end", "url(#sfd-arrow)"), Ends(at[from], at[to], F)));
        }

        foreach (var node in at.Values)
        {
            var group = new XElement(svg + "g", new XAttribute("class", "node " + node.Kind.ToString().ToLowerInvariant()));
            group.Add(node.Kind switch
            {
                StructureKind.Stock => new XElement(svg + "rect", new XAttribute("x", F(node.X - 80)), new XAttribute("y", F(node.Y - 24)), new XAttribute("width", "160"), new XAttribute("height", "48")),
                StructureKind.Flow => new XElement(svg + "path", new XAttribute("d", $"M {F(node.X - 10)} {F(node.Y - 30)} l 20 0 l -20 14 l 20 0 z")),
                _ => new XElement(svg + "circle", new XAttribute("cx", F(node.X)), new XAttribute("cy", F(node.Y - 22)), new XAttribute("r", "4")),
            });
            var lines = Wrap(node.Name, 24);
            for (var i = 0; i < lines.Count; i++)
            {
                group.Add(new XElement(svg + "text", new XAttribute("x", F(node.X)), new XAttribute("y", F(node.Y + ((i - ((lines.Count - 1) / 2.0)) * 14) + 4)), lines[i]));
            }

            root.Add(group);
        }

        return root;
    }

    private static object[] Ends(Node from, Node to, Func<double, string> f)
    {
        // Stops short of the target's label so the arrowhead shows.
        var dx = to.X - from.X;
        var dy = to.Y - from.Y;
        var length = Math.Max(1, Math.Sqrt((dx * dx) + (dy * dy)));
        var cut = Math.Min(length / 3, 30);
        return [new XAttribute("x1", f(from.X + (dx / length * cut))), new XAttribute("y1", f(from.Y + (dy / length * cut))),
            new XAttribute("x2", f(to.X - (dx / length * cut))), new XAttribute("y2", f(to.Y - (dy / length * cut)))];
    }

    private static List<string> Wrap(string text, int width)
    {
        var lines = new List<string> { string.Empty };
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (lines[^1].Length > 0 && lines[^1].Length + 1 + word.Length > width)
            {
                lines.Add(word);
            }
            else
            {
                lines[^1] = lines[^1].Length == 0 ? word : lines[^1] + " " + word;
            }
        }

        return lines;
    }

    [GeneratedRegex("\"(?:[^\"]|\"\")*\"|[^,]+")]
    private static partial Regex SketchFields();
}
