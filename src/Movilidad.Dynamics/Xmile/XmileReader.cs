using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Movilidad.Dynamics.Equations;
using Movilidad.Dynamics.Model;

namespace Movilidad.Dynamics.Xmile;

/// <summary>Reads XMILE 1.0 leniently: namespaces and vendor extensions are ignored, element names matched by local name.</summary>
internal sealed partial class XmileReader
{
    private readonly string _file;
    private readonly SystemDynamicsModel _model;
    private bool _stocksNonNegative;
    private bool _flowsNonNegative;

    private XmileReader(string file, SystemDynamicsModel model)
    {
        _file = file;
        _model = model;
    }

    public static void Read(string file, string text, SystemDynamicsModel model) => new XmileReader(file, model).Read(text);

    /// <summary>Comments whose text holds '--' (not allowed by XML) with each such pair split by a space.</summary>
    private static string LenientComments(string text) =>
        CommentPattern().Replace(text, m => "<!--" + m.Groups[1].Value.Replace("--", "- -", StringComparison.Ordinal).TrimEnd('-') + "-->");

    [System.Text.RegularExpressions.GeneratedRegex("<!--(.*?)-->", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex CommentPattern();

    private void Read(string text)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(DeclareVendorPrefixes(text), LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            // Hand-edited files sometimes leave a variable's element unclosed, or write '--' inside a comment (which
            // Stella reads); close the element where the next variable starts and read such comments as comments,
            // as a recovering XML reader would, and report the original error if that is not enough.
            try
            {
                document = XDocument.Parse(DeclareVendorPrefixes(CloseUnclosedElements(LenientComments(text))), LoadOptions.SetLineInfo);
            }
            catch (XmlException)
            {
                throw new ModelException(new Diagnostic(DiagnosticCode.XmlNotWellFormed, ("detail", e.Message)), _file, e.LineNumber, e.LinePosition, null);
            }
        }

        var root = document.Root ?? throw new ModelException(new Diagnostic(DiagnosticCode.XmlWithoutRoot), _file, "<xmile>", null);
        var behavior = Child(root, "behavior");
        if (Child(behavior, "non_negative") is not null)
        {
            _stocksNonNegative = true;
            _flowsNonNegative = true;
        }

        _stocksNonNegative |= Child(Child(behavior, "stock"), "non_negative") is not null;
        _flowsNonNegative |= Child(Child(behavior, "flow"), "non_negative") is not null;
        ReadSimSpecs(Child(root, "sim_specs"));
        foreach (var dims in Children(root, "dimensions"))
        {
            foreach (var dim in Children(dims, "dim"))
            {
                ReadDimension(dim);
            }
        }

        foreach (var macro in Children(root, "macro"))
        {
            ReadMacro(macro);
        }

        var models = Children(root, "model").ToList();
        if (models.Count == 0)
        {
            throw new ModelException(new Diagnostic(DiagnosticCode.XmileWithoutModel), _file, "<xmile>", null);
        }

        var main = models.FirstOrDefault(m => m.Attribute("name") is null) ?? models[0];
        foreach (var model in models)
        {
            var name = model == main ? null : (string?)model.Attribute("name");
            var body = name is null ? _model.Main : new ModelBody();
            if (name is not null)
            {
                _model.Submodels[Names.Canonical(name)] = body;
            }

            // Older isee files put the variables directly under <model>.
            ReadVariables(Child(model, "variables") ?? model, body);
        }
    }

    /// <summary>Vendors write prefixed elements (isee:, simlin:) without declaring them; declare them so the XML parses.</summary>
    private static string DeclareVendorPrefixes(string text)
    {
        var prefixes = VendorPrefix().Matches(text).Select(m => m.Groups[1].Value)
            .Where(p => p is not ("xmlns" or "xml") && !text.Contains("xmlns:" + p + "=", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal).ToList();
        if (prefixes.Count == 0)
        {
            return text;
        }

        var root = text.IndexOf("<xmile", StringComparison.OrdinalIgnoreCase);
        if (root < 0)
        {
            return text;
        }

        var declarations = string.Concat(prefixes.Select(p => $" xmlns:{p}=\"urn:vendor:{p}\""));
        return text.Insert(root + 6, declarations);
    }

    /// <summary>
    /// Balances tags: an end tag closes the elements left open inside the element it names (and is dropped if it
    /// names none), and a stock, flow, aux or module starting inside another closes that one first, since XMILE
    /// variables never nest. Closing tags are inserted on the same line, so line numbers stay right.
    /// </summary>
    private static string CloseUnclosedElements(string text)
    {
        var result = new System.Text.StringBuilder(text.Length + 64);
        var open = new List<string>();
        var last = 0;
        foreach (Match tag in Tag().Matches(text))
        {
            result.Append(text, last, tag.Index - last);
            last = tag.Index + tag.Length;
            var end = tag.Groups["end"].Success;
            var name = tag.Groups["name"].Value;
            if (!tag.Groups["name"].Success || tag.Groups["empty"].Value == "/")
            {
                result.Append(tag.Value);
                continue;
            }

            var local = name[(name.IndexOf(':', StringComparison.Ordinal) + 1)..];
            var closeFrom = end
                ? open.FindLastIndex(o => o == name)
                : local is "stock" or "flow" or "aux" or "module" ? open.FindLastIndex(o => o is "stock" or "flow" or "aux" or "module") : -1;
            if (end && closeFrom < 0)
            {
                continue;
            }

            if (closeFrom >= 0)
            {
                for (var k = open.Count - 1; k >= closeFrom + (end ? 1 : 0); k--)
                {
                    result.Append("</").Append(open[k]).Append('>');
                }

                open.RemoveRange(closeFrom, open.Count - closeFrom);
            }

            result.Append(tag.Value);
            if (!end)
            {
                open.Add(name);
            }
        }

        result.Append(text, last, text.Length - last);
        return result.ToString();
    }

    [GeneratedRegex("""<!--.*?-->|<!\[CDATA\[.*?\]\]>|<[?!][^>]*>|<(?<end>/)?(?<name>[A-Za-z_][\w.:-]*)(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(?<empty>/?)>""", RegexOptions.Singleline)]
    private static partial Regex Tag();

    [GeneratedRegex(@"[<\s/]([A-Za-z_][\w.-]*):[A-Za-z_]")]
    private static partial Regex VendorPrefix();

    private static IEnumerable<XElement> Children(XElement? parent, string name) =>
        parent?.Elements().Where(e => string.Equals(e.Name.LocalName, name, StringComparison.OrdinalIgnoreCase)) ?? [];

    private static XElement? Child(XElement? parent, string name) => Children(parent, name).FirstOrDefault();

    private static double? Number(XElement? element) =>
        element is not null && double.TryParse(element.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static double? Number(XAttribute? attribute) =>
        attribute is not null && double.TryParse(attribute.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    private void ReadSimSpecs(XElement? specs)
    {
        if (specs is null)
        {
            return;
        }

        var s = _model.Specs;
        s.Start = Number(Child(specs, "start"));
        s.Stop = Number(Child(specs, "stop"));
        var dt = Child(specs, "dt");
        if (dt is not null)
        {
            var value = Number(dt);
            if (value is not null && string.Equals((string?)dt.Attribute("reciprocal"), "true", StringComparison.OrdinalIgnoreCase))
            {
                value = 1 / value;
            }

            s.Dt = value;
        }

        s.SaveStep = Number(Child(specs, "savestep")) ?? Number(specs.Attribute("savestep"));
        s.Method = (string?)specs.Attribute("method");
        s.TimeUnits = (string?)specs.Attribute("time_units");
    }

    private void ReadDimension(XElement dim)
    {
        var name = (string?)dim.Attribute("name") ?? throw Error(dim, new Diagnostic(DiagnosticCode.DimensionHasNoName), null);
        var elements = Children(dim, "elem").Select(e => (string?)e.Attribute("name") ?? string.Empty).ToList();
        if (elements.Count == 0)
        {
            var size = (int)(Number(dim.Attribute("size")) ?? 0);
            elements.AddRange(Enumerable.Range(1, size).Select(i => i.ToString(CultureInfo.InvariantCulture)));
        }

        var dimension = new DimensionDefinition(name, elements);
        // A dimension mapped position by position onto another (Vensim's 'DimA: A1, A2 -> DimB', written by
        // translators as a maps_to attribute or <isee:maps_to> children naming the other dimension).
        foreach (var target in Children(dim, "maps_to").Select(m => m.Value).Append((string?)dim.Attribute("maps_to")).OfType<string>())
        {
            if (!IsBlank(target))
            {
                dimension.Mappings.Add(new DimensionMapping(Names.Canonical(target.Trim()), null));
            }
        }

        _model.Dimensions[Names.Canonical(name)] = dimension;
    }

    private void ReadMacro(XElement macro)
    {
        var name = (string?)macro.Attribute("name") ?? throw Error(macro, new Diagnostic(DiagnosticCode.MacroHasNoName), null);
        var parameters = Children(macro, "parm").Select(p => Names.Canonical(p.Value)).ToList();
        var body = new ModelBody();
        var eqn = Child(macro, "eqn");
        ReadVariables(Child(macro, "variables"), body);
        if (eqn is not null)
        {
            var output = body.GetOrAdd(name, VariableKind.Auxiliary, ElementPath(macro));
            output.Equations.Add(new EquationDefinition { Expression = ParseEquation(eqn, name), Location = ElementPath(eqn) });
        }

        _model.Macros[Names.Canonical(name)] = new MacroDefinition(name, parameters, [], body);
    }

    private void ReadVariables(XElement? variables, ModelBody body)
    {
        if (variables is null)
        {
            return;
        }

        foreach (var element in variables.Elements())
        {
            var tag = element.Name.LocalName.ToUpperInvariant();
            if (tag is not ("STOCK" or "FLOW" or "AUX" or "GF" or "MODULE"))
            {
                continue;
            }

            var name = (string?)element.Attribute("name") ?? throw Error(element, new Diagnostic(DiagnosticCode.VariableHasNoName), null);
            name = name.Replace("\\n", " ", StringComparison.Ordinal);
            var kind = tag switch
            {
                "STOCK" => VariableKind.Stock,
                "FLOW" => VariableKind.Flow,
                "GF" => VariableKind.Lookup,
                "MODULE" => VariableKind.Module,
                _ => VariableKind.Auxiliary,
            };
            var variable = body.GetOrAdd(name, kind, ElementPath(element));
            variable.Units = Child(element, "units")?.Value;
            variable.Comment = Child(element, "doc")?.Value.Trim() is { Length: > 0 } doc ? doc : null;
            var nonNegative = Child(element, "non_negative");
            variable.NonNegative = nonNegative is null
                ? (kind == VariableKind.Stock && _stocksNonNegative) || (kind == VariableKind.Flow && _flowsNonNegative)
                : !string.Equals(nonNegative.Value.Trim(), "false", StringComparison.OrdinalIgnoreCase);
            variable.DeclaredDimensions = [.. Children(Child(element, "dimensions"), "dim").Select(d => Names.Canonical((string?)d.Attribute("name") ?? string.Empty))];
            if (kind == VariableKind.Module)
            {
                variable.ModuleModel = Names.Canonical(name);
                foreach (var connect in Children(element, "connect"))
                {
                    var to = (string?)connect.Attribute("to");
                    var from = (string?)connect.Attribute("from");
                    if (to is not null && from is not null)
                    {
                        variable.ModuleConnections[Names.Canonical(to)] = Names.Canonical(from);
                    }
                }

                continue;
            }

            var elements = Children(element, "element").ToList();
            var equations = Children(element, "eqn").ToList();
            if (elements.Count == 0 && equations.Count > 1 && variable.DeclaredDimensions.Count == 1 && _model.Dimensions.TryGetValue(variable.DeclaredDimensions[0], out var only))
            {
                // Some tools write one <eqn> per element, in element order, instead of <element> blocks.
                for (var i = 0; i < equations.Count && i < only.Elements.Count; i++)
                {
                    variable.Equations.Add(new EquationDefinition
                    {
                        Subscripts = [Names.Canonical(only.Elements[i])],
                        Expression = ParseEquation(equations[i], variable.Name),
                        Location = ElementPath(equations[i]),
                    });
                }
            }
            else if (elements.Count == 0)
            {
                variable.Equations.Add(ReadEquation(element, variable, kind, []));
            }
            else
            {
                foreach (var item in elements)
                {
                    var subscripts = ((string?)item.Attribute("subscript") ?? string.Empty)
                        .Split(',', StringSplitOptions.TrimEntries).Select(Names.Canonical).ToList();
                    variable.Equations.Add(ReadEquation(item, variable, kind, subscripts, element));
                }
            }
        }

        ConnectOutputsToGhosts(body, variables);
    }

    /// <summary>A submodel input (access="input"): a variable whose value a connection from the containing model supplies, so it may have no equation of its own.</summary>
    private static bool IsInput(XElement element) => string.Equals((string?)element.Attribute("access"), "input", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// XMILE 4.7.1: a connection whose target starts with '.' (<c>&lt;connect to=".Root_Input" from="Sub.Output"/&gt;</c>)
    /// assigns a submodel's output to an input of the model holding the module (a cross-level ghost, or alias), not an
    /// input of the submodel: the input becomes an auxiliary equal to the output, computed and saved with its model.
    /// </summary>
    private void ConnectOutputsToGhosts(ModelBody body, XElement variables)
    {
        foreach (var module in body.Order.Where(v => v.Kind == VariableKind.Module).ToList())
        {
            foreach (var (to, from) in module.ModuleConnections.Where(c => c.Key.StartsWith('.')).ToList())
            {
                var target = to[1..];
                var ghost = body.Variables.GetValueOrDefault(target) ?? _model.Main.Variables.GetValueOrDefault(target)
                    ?? throw Error(variables, new Diagnostic(DiagnosticCode.ModuleOutputUndefined, ("from", from), ("to", to)), module.Name);
                ghost.Kind = VariableKind.Auxiliary;
                ghost.Equations.Clear();
                ghost.Equations.Add(new EquationDefinition { Expression = new ReferenceExpr(from, from, []), Location = module.Location });
                module.ModuleConnections.Remove(to);
            }
        }
    }

    private EquationDefinition ReadEquation(XElement element, VariableDefinition variable, VariableKind kind, IReadOnlyList<string> subscripts, XElement? parent = null)
    {
        var eqn = Child(element, "eqn");
        if (eqn is not null && NumberList(eqn.Value) is { Length: > 1 } values)
        {
            return new EquationDefinition { Subscripts = subscripts, Values = values, Location = ElementPath(eqn) };
        }

        var expression = eqn is null || IsBlank(eqn.Value) ? null : ParseEquation(eqn, variable.Name);
        if (kind != VariableKind.Stock && expression is not null && Child(element, "init_eqn") is { } init && !IsBlank(init.Value))
        {
            // An auxiliary or flow with its own initial value (Stella's <init_eqn>): the value at the start is the
            // initial equation, which may close a loop among initial values, as Vensim's ACTIVE INITIAL does.
            expression = new CallExpr("active initial", [expression, ParseEquation(init, variable.Name)], default);
        }

        var gf = kind == VariableKind.Lookup ? element : Child(element, "gf") ?? (parent is null ? null : Child(parent, "gf"));
        TableExpr? table = null;
        var tableKind = "continuous";
        if (gf is not null)
        {
            table = ReadTable(gf, variable.Name);
            tableKind = ((string?)gf.Attribute("type") ?? "continuous").ToLowerInvariant();
        }

        if (expression is null && table is null && kind != VariableKind.Stock && eqn is null && !IsInput(parent ?? element))
        {
            throw Error(element, new Diagnostic(DiagnosticCode.NoEquation), variable.Name);
        }

        var location = ElementPath(eqn ?? element);
        return new EquationDefinition
        {
            Subscripts = subscripts,
            Expression = expression,
            Table = table,
            TableKind = tableKind,
            Inflows = [.. Children(kind == VariableKind.Stock ? (parent ?? element) : null, "inflow").Select(e => Names.Canonical(e.Value))],
            Outflows = [.. Children(kind == VariableKind.Stock ? (parent ?? element) : null, "outflow").Select(e => Names.Canonical(e.Value))],
            Location = location,
        };
    }

    /// <summary>Stella writes "{comment}" placeholders for module inputs meant to be connected from outside.</summary>
    private static bool IsBlank(string equation) =>
        string.IsNullOrWhiteSpace(System.Text.RegularExpressions.Regex.Replace(equation, "\\{[^}]*\\}", string.Empty));

    private static double[]? NumberList(string text)
    {
        var pieces = text.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var values = new double[pieces.Length];
        for (var i = 0; i < pieces.Length; i++)
        {
            if (!double.TryParse(pieces[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
            {
                return null;
            }
        }

        return values;
    }

    private TableExpr ReadTable(XElement gf, string variable)
    {
        var ys = ParseList(Child(gf, "ypts"), gf, variable);
        var xptsElement = Child(gf, "xpts");
        double[] xs;
        if (xptsElement is not null)
        {
            xs = ParseList(xptsElement, gf, variable);
        }
        else
        {
            var xscale = Child(gf, "xscale");
            var min = Number(xscale?.Attribute("min")) ?? 0;
            var max = Number(xscale?.Attribute("max")) ?? (ys.Length - 1);
            xs = [.. Enumerable.Range(0, ys.Length).Select(i => ys.Length == 1 ? min : min + ((max - min) * i / (ys.Length - 1)))];
        }

        if (xs.Length != ys.Length)
        {
            throw Error(gf, new Diagnostic(DiagnosticCode.GraphicalFunctionPointsDiffer, ("xs", xs.Length), ("ys", ys.Length)), variable);
        }

        return new TableExpr(xs, ys);
    }

    private double[] ParseList(XElement? element, XElement gf, string variable)
    {
        if (element is null)
        {
            throw Error(gf, new Diagnostic(DiagnosticCode.GraphicalFunctionWithoutYpts), variable);
        }

        var separator = (string?)element.Attribute("sep") ?? ",";
        var values = new List<double>();
        foreach (var piece in element.Value.Split(separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!double.TryParse(piece, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            {
                throw Error(element, new Diagnostic(DiagnosticCode.GraphicalPointNotNumber, ("piece", piece)), variable);
            }

            values.Add(v);
        }

        return [.. values];
    }

    private Expr ParseEquation(XElement eqn, string variable)
    {
        try
        {
            var info = (IXmlLineInfo)eqn;
            return ExpressionParser.Parse(eqn.Value, Dialect.Xmile, new SourcePosition(info.LineNumber, info.LinePosition));
        }
        catch (SyntaxException e)
        {
            throw new ModelException(new Diagnostic(DiagnosticCode.SyntaxInEquation, ("problem", e.Diagnostic), ("equation", eqn.Value.Trim())), _file, ElementPath(eqn), variable);
        }
    }

    private static string ElementPath(XElement element)
    {
        var info = (IXmlLineInfo)element;
        var owner = element.AncestorsAndSelf().FirstOrDefault(e => e.Attribute("name") is not null);
        var label = owner is null ? $"<{element.Name.LocalName}>" : $"<{owner.Name.LocalName} name=\"{owner.Attribute("name")!.Value}\">";
        if (owner != element)
        {
            label += $"/<{element.Name.LocalName}>";
        }

        return info.HasLineInfo() ? string.Create(CultureInfo.InvariantCulture, $"{label} (line {info.LineNumber})") : label;
    }

    private ModelException Error(XElement element, Diagnostic message, string? variable) => new(message, _file, ElementPath(element), variable);
}
