using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Movilidad.Dynamics.Builtins;
using Movilidad.Dynamics.Equations;
using Movilidad.Dynamics.Model;

namespace Movilidad.Dynamics.Vensim;

/// <summary>Reads a Vensim .mdl file: equations up to the sketch section, macros, subscript ranges and groups.</summary>
internal sealed class MdlReader
{
    private static readonly string[] DataKeywords = [":INTERPOLATE:", ":RAW:", ":HOLD BACKWARD:", ":LOOK FORWARD:"];

    private readonly string _file;
    private readonly string _text;
    private readonly SystemDynamicsModel _model;
    private int[] _lineStarts = [];

    private MdlReader(string file, string text, SystemDynamicsModel model)
    {
        _file = file;
        _text = text;
        _model = model;
    }

    public static void Read(string file, string text, SystemDynamicsModel model) => new MdlReader(file, text, model).Read();

    private void Read()
    {
        var text = _text;
        var sketch = text.IndexOf("\\\\---///", StringComparison.Ordinal);
        if (sketch >= 0)
        {
            ReadSettings(text[sketch..]);
            while (sketch > 0 && text[sketch - 1] == '\\')
            {
                sketch--;
            }

            text = text[..sketch];
        }

        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = [.. starts];
        var offset = 0;
        if (text.StartsWith("{UTF-8}", StringComparison.Ordinal))
        {
            offset = 7;
        }

        var body = _model.Main;
        MacroBuilder? macro = null;
        foreach (var (sectionStart, section) in SplitSections(text, offset))
        {
            var parts = SplitOutsideQuotes(section, '~');
            var equation = parts[0];
            var eqStart = sectionStart;
            var trimmedStart = equation.Length - equation.TrimStart().Length;
            eqStart += trimmedStart;
            equation = equation.Trim();
            while (true)
            {
                if (equation.StartsWith(":MACRO:", StringComparison.OrdinalIgnoreCase))
                {
                    var headerEnd = equation.IndexOf(')', StringComparison.Ordinal);
                    if (headerEnd < 0)
                    {
                        throw Error(eqStart, new Diagnostic(DiagnosticCode.MacroHeaderUnclosed));
                    }

                    macro = ParseMacroHeader(equation[7..(headerEnd + 1)], eqStart);
                    body = macro.Body;
                    var rest = equation[(headerEnd + 1)..];
                    eqStart += headerEnd + 1 + (rest.Length - rest.TrimStart().Length);
                    equation = rest.Trim();
                    continue;
                }

                if (equation.StartsWith(":END OF MACRO:", StringComparison.OrdinalIgnoreCase))
                {
                    if (macro is not null)
                    {
                        _model.Macros[macro.Definition.Key] = macro.Definition;
                    }

                    macro = null;
                    body = _model.Main;
                    var rest = equation[14..];
                    eqStart += 14 + (rest.Length - rest.TrimStart().Length);
                    equation = rest.Trim();
                    continue;
                }

                break;
            }

            if (equation.Length == 0 || equation.StartsWith('*'))
            {
                continue;
            }

            var units = parts.Count > 1 ? parts[1].Trim() : null;
            var comment = parts.Count > 2 && parts[2].Trim() is { Length: > 0 } note ? note : null;
            try
            {
                ParseEquation(equation, eqStart, units, body, comment);
            }
            catch (SyntaxException e)
            {
                throw new ModelException(e.Diagnostic, _file, e.Position.Line, e.Position.Column, null);
            }
        }

        DefineMacroOutputs();
    }

    /// <summary>
    /// A macro call may name, after a colon, variables that receive the macro's output arguments (Vensim: "total
    /// reserve = add3(lakes, rivers, reservoirs : min reserve, max reserve)" makes <c>min reserve</c> and
    /// <c>max reserve</c> model variables holding the macro's <c>minval</c> and <c>maxval</c>). Each becomes a variable
    /// of the model whose equation reads that output of the same call (<see cref="MacroOutput"/>), with the subscripts
    /// of the equation making the call.
    /// </summary>
    private void DefineMacroOutputs()
    {
        foreach (var variable in _model.Main.Order.ToList())
        {
            foreach (var equation in variable.Equations.ToList())
            {
                foreach (var call in Calls(equation.Expression))
                {
                    if (!_model.Macros.TryGetValue(call.Function, out var macro) || macro.Outputs.Count == 0 ||
                        call.Arguments.Count != macro.Parameters.Count + macro.Outputs.Count)
                    {
                        continue;
                    }

                    for (var k = 0; k < macro.Outputs.Count; k++)
                    {
                        if (call.Arguments[macro.Parameters.Count + k] is ReferenceExpr { Subscripts.Count: 0 } target)
                        {
                            var output = _model.Main.GetOrAdd(target.DisplayName, VariableKind.Auxiliary, equation.Location);
                            output.Equations.Add(new EquationDefinition
                            {
                                Subscripts = equation.Subscripts,
                                Except = equation.Except,
                                Expression = new CallExpr(MacroOutput, [call, new NumberExpr(k)], call.Position),
                                Location = equation.Location,
                            });
                        }
                    }
                }
            }
        }
    }

    /// <summary>The function an output argument's variable calls: the macro call and the output's position.</summary>
    internal const string MacroOutput = "macro output";

    private static IEnumerable<CallExpr> Calls(Expr? expr)
    {
        var pending = new Stack<Expr>();
        if (expr is not null)
        {
            pending.Push(expr);
        }

        while (pending.TryPop(out var node))
        {
            switch (node)
            {
                case CallExpr call:
                    yield return call;
                    foreach (var argument in call.Arguments)
                    {
                        pending.Push(argument);
                    }

                    break;
                case UnaryExpr unary:
                    pending.Push(unary.Operand);
                    break;
                case BinaryExpr binary:
                    pending.Push(binary.Left);
                    pending.Push(binary.Right);
                    break;
                case ConditionalExpr conditional:
                    pending.Push(conditional.Condition);
                    pending.Push(conditional.WhenTrue);
                    pending.Push(conditional.WhenFalse);
                    break;
            }
        }
    }

    private sealed class MacroBuilder(MacroDefinition definition)
    {
        public MacroDefinition Definition { get; } = definition;

        public ModelBody Body => Definition.Body;
    }

    /// <summary>
    /// The settings block that closes the sketch section (after <c>:L&lt;%^E!@</c>): lines of the form
    /// <c>30:?tag=file</c> resolve the '?tag' file names of GET DIRECT and GET XLS functions (Vensim's
    /// Model>Settings>XLS Files).
    /// </summary>
    private void ReadSettings(string sketch)
    {
        var settings = sketch.IndexOf(":L<%^E!@", StringComparison.Ordinal);
        if (settings < 0)
        {
            return;
        }

        foreach (var line in sketch[settings..].Split('\n'))
        {
            var entry = line.Trim();
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            if (entry.StartsWith("30:?", StringComparison.Ordinal) && equals > 4)
            {
                _model.DataSources.FileTags[entry[3..equals].Trim()] = entry[(equals + 1)..].Trim();
            }
        }
    }

    private MacroBuilder ParseMacroHeader(string header, int offset)
    {
        var open = header.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            throw Error(offset, new Diagnostic(DiagnosticCode.MacroHeaderWithoutParameters));
        }

        var name = header[..open].Trim();
        var inner = header[(open + 1)..header.LastIndexOf(')')].Replace("\\\r\n", " ", StringComparison.Ordinal).Replace("\\\n", " ", StringComparison.Ordinal);
        var colon = inner.IndexOf(':', StringComparison.Ordinal);
        var inputs = colon >= 0 ? inner[..colon] : inner;
        var outputs = colon >= 0 ? inner[(colon + 1)..] : string.Empty;
        static List<string> Split(string s) => [.. s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Names.Canonical)];
        return new MacroBuilder(new MacroDefinition(name, Split(inputs), Split(outputs), new ModelBody()));
    }

    /// <summary>
    /// Splits the file at '|'. Quotes only delimit names in the equation part; in the units and comment
    /// (after the first '~') they are prose, so an odd number of them must not hide the next '|'.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static IEnumerable<(int Start, string Text)> SplitSections(string text, int offset)
    {
        var start = offset;
        var inQuotes = false;
        var inComment = false;
        for (var i = offset; i < text.Length; i++)
        {
            var c = text[i];
            if (inComment)
            {
                if (c == '|')
                {
                    yield return (start, text[start..i]);
                    start = i + 1;
                    inComment = false;
                }
            }
            else if (c == '\\' && inQuotes && i + 1 < text.Length && text[i + 1] == '"')
            {
                i++;
            }
            else if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (c == '~' && !inQuotes)
            {
                inComment = true;
            }
            else if (c == '|' && !inQuotes)
            {
                yield return (start, text[start..i]);
                start = i + 1;
            }
        }

        if (start < text.Length && text[start..].Trim().Length > 0)
        {
            yield return (start, text[start..]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<string> SplitOutsideQuotes(string text, char separator)
    {
        var parts = new List<string>();
        var inQuotes = false;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && inQuotes && i + 1 < text.Length && text[i + 1] == '"')
            {
                i++;
            }
            else if (text[i] == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (text[i] == separator && !inQuotes)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }

        parts.Add(text[start..]);
        return parts;
    }

    private SourcePosition PositionOf(int offset)
    {
        var line = Array.BinarySearch(_lineStarts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new SourcePosition(line + 1, offset - _lineStarts[line] + 1);
    }

    private ModelException Error(int offset, Diagnostic message, string? variable = null)
    {
        var position = PositionOf(offset);
        return new ModelException(message, _file, position.Line, position.Column, variable);
    }

    private string Location(int offset)
    {
        var p = PositionOf(offset);
        return string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(_file)}:{p.Line}:{p.Column}");
    }

    private void ParseEquation(string equation, int offset, string? units, ModelBody body, string? comment)
    {
        var i = 0;
        var name = ReadLeftName(equation, ref i);
        if (name.Length == 0)
        {
            throw Error(offset, new Diagnostic(DiagnosticCode.EquationWithoutName));
        }

        SkipSpace(equation, ref i);
        var subscripts = new List<string>();
        if (i < equation.Length && equation[i] == '[')
        {
            var close = equation.IndexOf(']', i);
            if (close < 0)
            {
                throw Error(offset + i, new Diagnostic(DiagnosticCode.UnclosedSubscripts), name);
            }

            subscripts.AddRange(WithoutContinuations(equation[(i + 1)..close]).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(s => Names.Canonical(s.TrimEnd('!'))));
            i = close + 1;
            SkipSpace(equation, ref i);
        }

        if (i < equation.Length && equation[i] == ':' && StartsWithAt(equation, i, ":EXCEPT:") is false && !StartsWithAt(equation, i, ":=") && !DataKeywords.Any(k => StartsWithAt(equation, i, k)))
        {
            ParseSubscriptDefinition(name, equation[(i + 1)..], offset + i + 1);
            return;
        }

        if (StartsWithAt(equation, i, "<->"))
        {
            var other = Names.Canonical(equation[(i + 3)..]);
            var dimension = new DimensionDefinition(name, []) { EquivalentTo = other };
            _model.Dimensions[dimension.Key] = dimension;
            return;
        }

        var except = new List<IReadOnlyList<string>>();
        if (StartsWithAt(equation, i, ":EXCEPT:"))
        {
            i += 8;
            SkipSpace(equation, ref i);
            while (i < equation.Length && equation[i] == '[')
            {
                var close = equation.IndexOf(']', i);
                if (close < 0)
                {
                    throw Error(offset + i, new Diagnostic(DiagnosticCode.UnclosedExcept), name);
                }

                except.Add([.. WithoutContinuations(equation[(i + 1)..close]).Split(',', StringSplitOptions.TrimEntries).Select(Names.Canonical)]);
                i = close + 1;
                SkipSpace(equation, ref i);
                if (i < equation.Length && equation[i] == ',')
                {
                    i++;
                    SkipSpace(equation, ref i);
                }
            }
        }

        var keywordFound = true;
        var dataMode = LookupMode.Continuous;
        while (keywordFound)
        {
            keywordFound = false;
            foreach (var keyword in DataKeywords)
            {
                if (StartsWithAt(equation, i, keyword))
                {
                    dataMode = keyword switch
                    {
                        ":RAW:" => LookupMode.Raw,
                        ":HOLD BACKWARD:" => LookupMode.Discrete,
                        ":LOOK FORWARD:" => LookupMode.Forward,
                        _ => LookupMode.Continuous,
                    };
                    i += keyword.Length;
                    SkipSpace(equation, ref i);
                    keywordFound = true;
                }
            }
        }

        var location = Location(offset);
        if (i >= equation.Length)
        {
            var dataVariable = body.GetOrAdd(name, VariableKind.Data, location);
            dataVariable.Kind = VariableKind.Data;
            dataVariable.DataMode = dataMode;
            dataVariable.Units ??= units;
            dataVariable.Comment ??= comment;
            dataVariable.Equations.Add(new EquationDefinition { Subscripts = subscripts, Except = except, Location = location });
            return;
        }

        if (equation[i] == '(')
        {
            var parser = new ExpressionParser(equation[i..], Dialect.Vensim, PositionOf(offset + i));
            var lookup = body.GetOrAdd(name, VariableKind.Lookup, location);
            lookup.Kind = VariableKind.Lookup;
            lookup.Units ??= units;
            lookup.Comment ??= comment;
            try
            {
                var inner = equation[(i + 1)..].TrimStart();
                if (inner.Length > 0 && char.IsLetter(inner[0]))
                {
                    var call = ExpressionParser.Parse(equation[i..], Dialect.Vensim, PositionOf(offset + i));
                    lookup.Equations.Add(new EquationDefinition { Subscripts = subscripts, Except = except, Expression = call, Location = location });
                }
                else
                {
                    var table = parser.ParseTable();
                    parser.ExpectEnd();
                    lookup.Equations.Add(new EquationDefinition { Subscripts = subscripts, Except = except, Table = table, Location = location });
                }
            }
            catch (SyntaxException e)
            {
                throw new ModelException(e.Diagnostic, _file, e.Position.Line, e.Position.Column, name);
            }

            return;
        }

        var isData = false;
        if (StartsWithAt(equation, i, ":="))
        {
            i += 2;
            isData = true;
        }
        else if (StartsWithAt(equation, i, "=="))
        {
            i += 2;
        }
        else if (equation[i] == '=')
        {
            i++;
        }
        else
        {
            throw Error(offset + i, new Diagnostic(DiagnosticCode.ExpectedEquals, ("found", equation[i])), name);
        }

        var rhs = equation[i..];
        var rhsOffset = offset + i;
        var variable = body.GetOrAdd(name, isData ? VariableKind.Data : VariableKind.Auxiliary, location);
        if (isData)
        {
            variable.Kind = VariableKind.Data;
            variable.DataMode = dataMode;
        }

        variable.Units ??= units;
        variable.Comment ??= comment;
        var values = TryParseNumberList(rhs) ?? TryParseTabbedArray(rhs);
        if (values is not null && values.Length > 1)
        {
            variable.Equations.Add(new EquationDefinition { Subscripts = subscripts, Except = except, Values = values, Location = location });
            return;
        }

        try
        {
            var expr = ExpressionParser.Parse(rhs, Dialect.Vensim, PositionOf(rhsOffset));
            switch (expr)
            {
                case CallExpr { Function: "integ" }:
                    variable.Kind = VariableKind.Stock;
                    break;
                case CallExpr { Function: "sinteg", Arguments.Count: 7 } sinteg:
                    variable.Kind = VariableKind.Stock;
                    expr = SintegAsInteg(sinteg, name, subscripts);
                    break;
                case CallExpr { Function: "get xls lookups" or "get direct lookups" }:
                    variable.Kind = VariableKind.Lookup;
                    break;
                case CallExpr { Function: "get xls data" or "get direct data" }:
                    variable.Kind = VariableKind.Data;
                    break;
            }

            if (expr is CallExpr { Function: "a function of" })
            {
                throw Error(rhsOffset, new Diagnostic(DiagnosticCode.EquationIncomplete), name);
            }

            variable.Equations.Add(new EquationDefinition { Subscripts = subscripts, Except = except, Expression = expr, Location = location });
        }
        catch (SyntaxException e)
        {
            throw new ModelException(e.Diagnostic, _file, e.Position.Line, e.Position.Column, name);
        }
    }

    /// <summary>The function bounding a SINTEG stock: value, min, max, quant, spec, thresh (see <c>Functions.SintegBound</c>).</summary>
    internal const string SintegBound = "sinteg bound";

    /// <summary>
    /// Vensim's SINTEG(rate, initial, min, max, quant, spec, thresh) integrates rate but keeps the stock within min and
    /// max, at a multiple of quant, and at spec when within thresh of it (each :NA: when unused). It is read as an INTEG
    /// that starts at the bounded initial value and whose rate takes the stock each step to the bounded value of where
    /// the plain integration would have taken it: (bound(stock + TIME STEP·rate) − stock) / TIME STEP, exact with Euler.
    /// </summary>
    private static CallExpr SintegAsInteg(CallExpr sinteg, string name, List<string> subscripts)
    {
        var a = sinteg.Arguments;
        var self = new ReferenceExpr(Names.Canonical(name), name, [.. subscripts.Select(sub => new SubscriptRef(Names.Canonical(sub), false, false))]);
        var dt = new ReferenceExpr("time step", "TIME STEP", []);
        CallExpr Bound(Expr value) => new(SintegBound, [value, a[2], a[3], a[4], a[5], a[6]], sinteg.Position);
        var rate = new BinaryExpr("/", new BinaryExpr("-", Bound(new BinaryExpr("+", self, new BinaryExpr("*", dt, a[0]))), self), dt);
        return new CallExpr("integ", [rate, Bound(a[1])], sinteg.Position);
    }

    /// <summary>TABBED ARRAY(...) holds numbers separated by tabs and line breaks, filled in element order.</summary>
    private static double[]? TryParseTabbedArray(string rhs)
    {
        var text = rhs.Trim();
        const string function = "TABBED ARRAY";
        if (!text.StartsWith(function, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var open = text.IndexOf('(', StringComparison.Ordinal);
        var close = text.LastIndexOf(')');
        if (open < 0 || close < open)
        {
            return null;
        }

        var values = new List<double>();
        foreach (var piece in text[(open + 1)..close].Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!double.TryParse(piece, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            {
                return null;
            }

            values.Add(v);
        }

        return [.. values];
    }

    private static double[]? TryParseNumberList(string rhs)
    {
        var text = rhs.Replace("\\\n", " ", StringComparison.Ordinal).Replace("\\\r\n", " ", StringComparison.Ordinal);
        if (!text.Contains(',', StringComparison.Ordinal) && !text.Contains(';', StringComparison.Ordinal))
        {
            return null;
        }

        var values = new List<double>();
        foreach (var piece in text.Split([',', ';']))
        {
            var p = piece.Trim();
            if (p.Length == 0)
            {
                continue;
            }

            if (!double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            {
                return null;
            }

            values.Add(v);
        }

        return [.. values];
    }

    private void ParseSubscriptDefinition(string name, string definition, int offset)
    {
        var arrow = definition.IndexOf("->", StringComparison.Ordinal);
        var elementsText = arrow >= 0 ? definition[..arrow] : definition;
        var elements = new List<string>();
        var trimmed = elementsText.Trim();
        if (trimmed.StartsWith("GET ", StringComparison.OrdinalIgnoreCase))
        {
            var call = ExpressionParser.Parse(trimmed, Dialect.Vensim, PositionOf(offset));
            elements.AddRange(_model.DataSources.ReadSubscript(call, _model.BaseDirectory));
        }
        else
        {
            foreach (var raw in SplitTopLevel(elementsText))
            {
                var element = raw.Trim();
                if (element.Length == 0)
                {
                    continue;
                }

                if (element.StartsWith('(') && element.EndsWith(')') && element.Contains('-', StringComparison.Ordinal))
                {
                    elements.AddRange(ExpandNumberedRange(element[1..^1], offset));
                }
                else
                {
                    elements.Add(element.Trim('"'));
                }
            }
        }

        var dimension = new DimensionDefinition(name, elements);
        if (arrow >= 0)
        {
            foreach (var raw in SplitTopLevel(definition[(arrow + 2)..]))
            {
                var target = raw.Trim();
                if (target.StartsWith('('))
                {
                    var colon = target.IndexOf(':', StringComparison.Ordinal);
                    if (colon < 0 || !target.EndsWith(')'))
                    {
                        throw Error(offset, new Diagnostic(DiagnosticCode.MappingMalformed, ("target", target)), name);
                    }

                    var targetName = Names.Canonical(target[1..colon]);
                    var list = target[(colon + 1)..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Names.Canonical).ToList();
                    dimension.Mappings.Add(new DimensionMapping(targetName, list));
                }
                else if (target.Length > 0)
                {
                    dimension.Mappings.Add(new DimensionMapping(Names.Canonical(target), null));
                }
            }
        }

        _model.Dimensions[dimension.Key] = dimension;
    }

    private IEnumerable<string> ExpandNumberedRange(string range, int offset)
    {
        var dash = range.IndexOf('-', StringComparison.Ordinal);
        var first = range[..dash].Trim();
        var last = range[(dash + 1)..].Trim();
        var prefixLength = first.Length;
        while (prefixLength > 0 && char.IsAsciiDigit(first[prefixLength - 1]))
        {
            prefixLength--;
        }

        var prefix = first[..prefixLength];
        if (!int.TryParse(first[prefixLength..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var from) ||
            !last.StartsWith(prefix, StringComparison.Ordinal) ||
            !int.TryParse(last[prefixLength..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var to))
        {
            throw Error(offset, new Diagnostic(DiagnosticCode.NumberedRangeMalformed, ("range", range)));
        }

        for (var n = from; n <= to; n++)
        {
            yield return prefix + n.ToString(CultureInfo.InvariantCulture);
        }
    }

    private static List<string> SplitTopLevel(string text)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case ',' when depth == 0:
                    parts.Add(text[start..i]);
                    start = i + 1;
                    break;
            }
        }

        parts.Add(text[start..]);
        return [.. parts.Select(p => p.Replace("\\\n", " ", StringComparison.Ordinal).Replace("\\\r\n", " ", StringComparison.Ordinal).Trim())];
    }

    private static string ReadLeftName(string equation, ref int i)
    {
        if (equation.StartsWith('"'))
        {
            var close = 1;
            while (close < equation.Length && (equation[close] != '"' || equation[close - 1] == '\\'))
            {
                close++;
            }

            i = Math.Min(close + 1, equation.Length);
            return equation[1..Math.Min(close, equation.Length)].Replace("\\\"", "\"", StringComparison.Ordinal);
        }

        var sb = new StringBuilder();
        while (i < equation.Length && equation[i] is not ('[' or '=' or '(' or ':' or '<'))
        {
            if (equation[i] == '\\' && i + 1 < equation.Length && equation[i + 1] is '\n' or '\r')
            {
                i++;
                continue;
            }

            sb.Append(equation[i]);
            i++;
        }

        return sb.ToString().Trim();
    }

    private static string WithoutContinuations(string text) =>
        text.Replace("\\\r\n", " ", StringComparison.Ordinal).Replace("\\\n", " ", StringComparison.Ordinal).Replace("\\\r", " ", StringComparison.Ordinal);

    private static void SkipSpace(string text, ref int i)
    {
        while (i < text.Length && (char.IsWhiteSpace(text[i]) || (text[i] == '\\' && i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]))))
        {
            i++;
        }
    }

    private static bool StartsWithAt(string text, int index, string value) =>
        index + value.Length <= text.Length && string.Compare(text, index, value, 0, value.Length, StringComparison.OrdinalIgnoreCase) == 0;
}
