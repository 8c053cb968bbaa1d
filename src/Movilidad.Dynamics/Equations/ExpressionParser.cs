using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Movilidad.Dynamics.Equations;

/// <summary>The two equation dialects differ in names (Vensim allows spaces) and in operator spelling.</summary>
internal enum Dialect
{
    Vensim,
    Xmile,
}

internal enum TokenKind
{
    Number,
    Name,
    Text,
    Symbol,
    End,
}

internal readonly record struct Token(TokenKind Kind, string Value, int Offset);

/// <summary>Parses one equation's right-hand side into an <see cref="Expr"/> tree.</summary>
internal sealed class ExpressionParser
{
    private readonly string _text;
    private readonly Dialect _dialect;
    private readonly SourcePosition _origin;
    private readonly List<Token> _tokens;
    private int _index;

    public ExpressionParser(string text, Dialect dialect, SourcePosition origin)
    {
        _text = text;
        _dialect = dialect;
        _origin = origin;
        _tokens = Tokenize();
    }

    public static Expr Parse(string text, Dialect dialect, SourcePosition origin)
    {
        var parser = new ExpressionParser(text, dialect, origin);
        var expr = parser.ParseExpression();
        parser.ExpectEnd();
        return expr;
    }

    public bool AtEnd => Current.Kind == TokenKind.End;

    private Token Current => _tokens[_index];

    public void ExpectEnd()
    {
        if (!AtEnd)
        {
            throw Error(new Diagnostic(DiagnosticCode.UnexpectedToken, ("token", Current.Value)), Current.Offset);
        }
    }

    public SyntaxException Error(Diagnostic message, int offset) => new(message, PositionOf(offset));

    public SourcePosition PositionOf(int offset)
    {
        var line = _origin.Line;
        var column = _origin.Column;
        for (var i = 0; i < offset && i < _text.Length; i++)
        {
            if (_text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return new SourcePosition(line, column);
    }

    public Expr ParseExpression() => ParseOr();

    private bool IsSymbol(string symbol) => Current.Kind == TokenKind.Symbol && Current.Value == symbol;

    private bool IsKeyword(string keyword) =>
        (Current.Kind == TokenKind.Symbol && Current.Value == keyword) ||
        (_dialect == Dialect.Xmile && Current.Kind == TokenKind.Name && string.Equals(Current.Value, keyword, StringComparison.OrdinalIgnoreCase));

    private Token Advance() => _tokens[_index++];

    private void Expect(string symbol)
    {
        if (!IsSymbol(symbol))
        {
            throw Error(AtEnd ? new Diagnostic(DiagnosticCode.ExpectedButEnded, ("symbol", symbol)) : new Diagnostic(DiagnosticCode.ExpectedButFound, ("symbol", symbol), ("token", Current.Value)), Current.Offset);
        }

        _index++;
    }

    private Expr ParseOr()
    {
        var left = ParseAnd();
        while (IsKeyword("OR"))
        {
            _index++;
            left = new BinaryExpr("or", left, ParseAnd());
        }

        return left;
    }

    private Expr ParseAnd()
    {
        var left = ParseNot();
        while (IsKeyword("AND"))
        {
            _index++;
            left = new BinaryExpr("and", left, ParseNot());
        }

        return left;
    }

    private Expr ParseNot()
    {
        if (IsKeyword("NOT"))
        {
            _index++;
            return new UnaryExpr("not", ParseNot());
        }

        return ParseComparison();
    }

    private Expr ParseComparison()
    {
        var left = ParseAdditive();
        while (Current.Kind == TokenKind.Symbol && Current.Value is "=" or "<>" or "<" or ">" or "<=" or ">=" or "!=" or "==")
        {
            var op = Advance().Value switch
            {
                "!=" => "<>",
                "==" => "=",
                var v => v,
            };
            left = new BinaryExpr(op, left, ParseAdditive());
        }

        return left;
    }

    private Expr ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (IsSymbol("+") || IsSymbol("-"))
        {
            var op = Advance().Value;
            left = new BinaryExpr(op, left, ParseMultiplicative());
        }

        return left;
    }

    private Expr ParseMultiplicative()
    {
        var left = ParseUnary();
        while (IsSymbol("*") || IsSymbol("/") || IsKeyword("MOD"))
        {
            var token = Advance().Value;
            var op = string.Equals(token, "MOD", StringComparison.OrdinalIgnoreCase) ? "mod" : token;
            left = new BinaryExpr(op, left, ParseUnary());
        }

        return left;
    }

    private Expr ParseUnary()
    {
        if (IsSymbol("-"))
        {
            _index++;
            return new UnaryExpr("-", ParseUnary());
        }

        if (IsSymbol("+"))
        {
            _index++;
            return ParseUnary();
        }

        return ParsePower();
    }

    private Expr ParsePower()
    {
        // Vensim and XMILE both read 2^3^2 as 2^(3^2).
        var left = ParsePrimary();
        if (!IsSymbol("^"))
        {
            return left;
        }

        _index++;
        return new BinaryExpr("^", left, ParseExponent());
    }

    private Expr ParseExponent()
    {
        if (IsSymbol("-"))
        {
            _index++;
            return new UnaryExpr("-", ParseExponent());
        }

        if (IsSymbol("+"))
        {
            _index++;
            return ParseExponent();
        }

        return ParsePower();
    }

    private Expr ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                _index++;
                return new NumberExpr(Number(token));
            case TokenKind.Text:
                _index++;
                return new TextExpr(token.Value);
            case TokenKind.Name:
                return ParseNamed();
            case TokenKind.Symbol when token.Value == "(":
                {
                    _index++;
                    var inner = ParseExpression();
                    Expect(")");
                    return inner;
                }

            case TokenKind.Symbol when token.Value == ":NA:":
                _index++;
                return new MissingExpr();
            case TokenKind.End:
                throw Error(new Diagnostic(DiagnosticCode.EndedWhereValueExpected), token.Offset);
            default:
                throw Error(new Diagnostic(DiagnosticCode.UnexpectedToken, ("token", token.Value)), token.Offset);
        }
    }

    private Expr ParseNamed()
    {
        var token = Advance();
        var name = token.Value;
        if (_dialect == Dialect.Xmile && string.Equals(name, "IF", StringComparison.OrdinalIgnoreCase) && (!IsSymbol("(") || ThenFollowsParentheses()))
        {
            var condition = ParseExpression();
            ExpectKeyword("THEN");
            var whenTrue = ParseExpression();
            ExpectKeyword("ELSE");
            var whenFalse = ParseExpression();
            return new ConditionalExpr(condition, whenTrue, whenFalse);
        }

        var subscripts = new List<SubscriptRef>();
        if (IsSymbol("["))
        {
            _index++;
            subscripts.AddRange(ParseSubscriptList());
        }

        if (IsSymbol("("))
        {
            var position = PositionOf(token.Offset);
            _index++;
            var canonical = Names.Canonical(name);
            var args = new List<Expr>();
            if (!IsSymbol(")"))
            {
                args.Add(ParseArgument(canonical, 0));

                // Vensim separates a macro call's inputs from the names receiving its output arguments with a colon.
                while (IsSymbol(",") || (_dialect == Dialect.Vensim && IsSymbol(":")))
                {
                    _index++;
                    args.Add(ParseArgument(canonical, args.Count));
                }
            }

            Expect(")");
            if (subscripts.Count > 0)
            {
                args.Insert(0, new ReferenceExpr(canonical, name, subscripts));
                return new CallExpr("lookup call", args, position);
            }

            return new CallExpr(canonical, args, position);
        }

        return new ReferenceExpr(Names.Canonical(name), name.Trim(), subscripts);
    }

    /// <summary>
    /// XMILE's IF condition THEN ... ELSE ..., whose condition may start with a parenthesis (<c>IF (a &gt; b) AND c
    /// THEN</c>), as opposed to a three-argument IF(condition, a, b) call: the call has a comma at the top level of
    /// the parentheses that follow IF.
    /// </summary>
    private bool ThenFollowsParentheses()
    {
        var depth = 0;
        for (var i = _index; i < _tokens.Count && _tokens[i].Kind != TokenKind.End; i++)
        {
            var token = _tokens[i];
            if (token.Kind != TokenKind.Symbol)
            {
                continue;
            }

            if (token.Value is "(" or "[")
            {
                depth++;
            }
            else if (token.Value is ")" or "]" && --depth == 0)
            {
                return true;
            }
            else if (token.Value == "," && depth == 1)
            {
                return false;
            }
        }

        return true;
    }

    private void ExpectKeyword(string keyword)
    {
        if (!IsKeyword(keyword))
        {
            throw Error(new Diagnostic(DiagnosticCode.ExpectedKeyword, ("keyword", keyword)), Current.Offset);
        }

        _index++;
    }

    public List<SubscriptRef> ParseSubscriptList()
    {
        var result = new List<SubscriptRef>();
        while (true)
        {
            if (IsSymbol("*") && _index + 2 < _tokens.Count && _tokens[_index + 1] is { Kind: TokenKind.Symbol, Value: ":" } && _tokens[_index + 2].Kind == TokenKind.Name)
            {
                // XMILE's "*:Dim" (as xmutil writes Vensim's "Dim!"): every element of the dimension or subrange Dim.
                _index += 2;
                result.Add(new SubscriptRef(Names.Canonical(Advance().Value), true, false));
            }
            else if (IsSymbol("*"))
            {
                _index++;
                result.Add(new SubscriptRef("*", false, true));
            }
            else if (_dialect == Dialect.Xmile && !IsPlainSubscript())
            {
                result.Add(new SubscriptRef("#index", false, false) { Index = ParseExpression() });
            }
            else if (Current.Kind is TokenKind.Name or TokenKind.Number)
            {
                var name = Advance().Value;
                var wildcard = false;
                if (name.EndsWith(".*", StringComparison.Ordinal))
                {
                    name = name[..^2];
                    wildcard = true;
                }
                else if (IsSymbol("*") && name.EndsWith('.'))
                {
                    _index++;
                    name = name[..^1];
                    wildcard = true;
                }

                var bang = false;
                if (IsSymbol("!"))
                {
                    _index++;
                    bang = true;
                }

                result.Add(new SubscriptRef(Names.Canonical(name), bang || wildcard, false));
            }
            else
            {
                throw Error(new Diagnostic(DiagnosticCode.ExpectedSubscriptName), Current.Offset);
            }

            if (IsSymbol(","))
            {
                _index++;
                continue;
            }

            Expect("]");
            return result;
        }
    }

    /// <summary>A subscript that is a name or a number standing alone (followed by ',', ']', '!' or '*'), not an expression.</summary>
    private bool IsPlainSubscript()
    {
        if (Current.Kind is not (TokenKind.Name or TokenKind.Number) || _index + 1 >= _tokens.Count)
        {
            return false;
        }

        var next = _tokens[_index + 1];
        return next.Kind == TokenKind.Symbol && next.Value is "," or "]" or "!" or "*";
    }

    private Expr ParseArgument(string function, int index)
    {
        if (index == 1 && function == "with lookup")
        {
            return ParseTableOrExpression();
        }

        return ParseExpression();
    }

    private Expr ParseTableOrExpression()
    {
        var save = _index;
        if (IsSymbol("("))
        {
            _index++;
            if (IsSymbol("[") || IsSymbol("("))
            {
                _index = save;
                return ParseTable();
            }

            _index = save;
        }

        return ParseExpression();
    }

    /// <summary>Parses <c>([(xmin,ymin)-(xmax,ymax)], (x,y), ...)</c> or the legacy <c>(x1, x2, ..., y1, y2, ...)</c> form.</summary>
    public TableExpr ParseTable()
    {
        Expect("(");
        if (IsSymbol("["))
        {
            _index++;
            while (!IsSymbol("]"))
            {
                if (AtEnd)
                {
                    throw Error(new Diagnostic(DiagnosticCode.UnterminatedLookupRange), Current.Offset);
                }

                _index++;
            }

            _index++;
            if (IsSymbol(","))
            {
                _index++;
            }
        }

        var xs = new List<double>();
        var ys = new List<double>();
        if (IsSymbol("("))
        {
            while (IsSymbol("("))
            {
                _index++;
                xs.Add(ParseSignedNumber());
                Expect(",");
                ys.Add(ParseSignedNumber());
                Expect(")");
                if (IsSymbol(","))
                {
                    _index++;
                }
            }
        }
        else
        {
            var values = new List<double> { ParseSignedNumber() };
            while (IsSymbol(","))
            {
                _index++;
                values.Add(ParseSignedNumber());
            }

            var half = values.Count / 2;
            xs.AddRange(values.Take(half));
            ys.AddRange(values.Skip(half).Take(half));
        }

        Expect(")");
        return new TableExpr([.. xs], [.. ys]);
    }

    public double ParseSignedNumber()
    {
        var sign = 1.0;
        while (IsSymbol("-") || IsSymbol("+"))
        {
            if (Advance().Value == "-")
            {
                sign = -sign;
            }
        }

        if (Current.Kind != TokenKind.Number)
        {
            throw Error(new Diagnostic(DiagnosticCode.ExpectedNumberButFound, ("token", Current.Value)), Current.Offset);
        }

        return sign * Number(Advance());
    }

    private double Number(Token token) =>
        double.TryParse(token.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(new Diagnostic(DiagnosticCode.TokenNotNumber, ("token", token.Value)), token.Offset);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private List<Token> Tokenize()
    {
        var tokens = new List<Token>();
        var i = 0;
        var text = _text;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c == '{')
            {
                var close = text.IndexOf('}', i);
                i = close < 0 ? text.Length : close + 1;
                continue;
            }

            if (c == '\\' && IsContinuation(text, i))
            {
                i++;
                continue;
            }

            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }

                if (i < text.Length && text[i] is 'e' or 'E')
                {
                    var j = i + 1;
                    if (j < text.Length && text[j] is '+' or '-')
                    {
                        j++;
                    }

                    if (j < text.Length && char.IsAsciiDigit(text[j]))
                    {
                        i = j;
                        while (i < text.Length && char.IsAsciiDigit(text[i]))
                        {
                            i++;
                        }
                    }
                }

                var number = text[start..i];
                if (_dialect == Dialect.Vensim && i < text.Length && (char.IsLetter(text[i]) || text[i] == '_') && !(text[i] is 'e' or 'E'))
                {
                    i = ReadName(start, out var name);
                    tokens.Add(new Token(TokenKind.Name, name, start));
                    continue;
                }

                tokens.Add(new Token(TokenKind.Number, number, start));
                continue;
            }

            if (c == '"')
            {
                var close = i + 1;
                while (close < text.Length && (text[close] != '"' || text[close - 1] == '\\'))
                {
                    close++;
                }

                close = close < text.Length ? close : -1;
                if (close < 0)
                {
                    throw Error(new Diagnostic(DiagnosticCode.UnterminatedQuotedName), i);
                }

                var name = text[(i + 1)..close].Replace("\\\"", "\"", StringComparison.Ordinal);
                tokens.Add(new Token(TokenKind.Name, name, i));
                i = close + 1;
                if (_dialect == Dialect.Xmile && i + 1 < text.Length && text[i] == '.' && (text[i + 1] == '"' || IsNameChar(text[i + 1])))
                {
                    i++;
                    var start = i;
                    string rest;
                    if (text[i] == '"')
                    {
                        var close2 = text.IndexOf('"', i + 1);
                        rest = close2 < 0 ? text[(i + 1)..] : text[(i + 1)..close2];
                        i = close2 < 0 ? text.Length : close2 + 1;
                    }
                    else
                    {
                        i = ReadName(start, out rest);
                    }

                    tokens[^1] = new Token(TokenKind.Name, name + "." + rest, tokens[^1].Offset);
                }

                continue;
            }

            if (c == '\'')
            {
                var close = text.IndexOf('\'', i + 1);
                if (close < 0)
                {
                    throw Error(new Diagnostic(DiagnosticCode.UnterminatedQuotedText), i);
                }

                tokens.Add(new Token(TokenKind.Text, text[(i + 1)..close], i));
                i = close + 1;
                continue;
            }

            if (c == ':' && _dialect == Dialect.Vensim)
            {
                var close = text.IndexOf(':', i + 1);
                if (close > i)
                {
                    var keyword = text[(i + 1)..close].Trim().ToUpperInvariant();
                    var mapped = keyword switch
                    {
                        "AND" => "AND",
                        "OR" => "OR",
                        "NOT" => "NOT",
                        "NA" => ":NA:",
                        _ => null,
                    };
                    if (mapped is not null)
                    {
                        tokens.Add(new Token(TokenKind.Symbol, mapped, i));
                        i = close + 1;
                        continue;
                    }
                }
            }

            if (IsNameStart(c))
            {
                var start = i;
                i = ReadName(start, out var name);
                tokens.Add(new Token(TokenKind.Name, name, start));
                continue;
            }

            var two = i + 1 < text.Length ? text.Substring(i, 2) : string.Empty;
            if (two is "<=" or ">=" or "<>" or "!=" or "==")
            {
                tokens.Add(new Token(TokenKind.Symbol, two, i));
                i += 2;
                continue;
            }

            if ("+-*/^()[],=<>!;:".Contains(c, StringComparison.Ordinal))
            {
                tokens.Add(new Token(TokenKind.Symbol, c.ToString(), i));
                i++;
                continue;
            }

            throw Error(new Diagnostic(DiagnosticCode.UnexpectedCharacter, ("character", c)), i);
        }

        tokens.Add(new Token(TokenKind.End, string.Empty, text.Length));
        return tokens;
    }

    /// <summary>A backslash ending a line (or the equation) continues the equation on the next line.</summary>
    private static bool IsContinuation(string text, int index)
    {
        for (var j = index + 1; j < text.Length; j++)
        {
            if (text[j] == '\n')
            {
                return true;
            }

            if (!char.IsWhiteSpace(text[j]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsNameStart(char c) => char.IsLetter(c) || c is '_' or '$' || c > 127;

    private bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '$' or '\'' or '.' or '&' or '%' or '#' || (c > 127 && !char.IsWhiteSpace(c)) || (_dialect == Dialect.Vensim && c == ' ');

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ReadName(int start, out string name)
    {
        var text = _text;
        var i = start;
        var sb = new StringBuilder();
        while (i < text.Length)
        {
            var c = text[i];
            if (_dialect == Dialect.Vensim && c == '\\' && IsContinuation(text, i))
            {
                i++;
                continue;
            }

            if (_dialect == Dialect.Vensim && c is '\n' or '\r' or '\t')
            {
                sb.Append(' ');
                i++;
                continue;
            }

            // Vensim quotes text with apostrophes ('file.xlsx'), but an apostrophe straight after a name's last letter is
            // part of the name (DimA', a copy of DimA): Rank[DimA'] reads the element of DimA'.
            if (c == '\'' && _dialect == Dialect.Vensim && (sb.Length == 0 || sb[^1] == ' '))
            {
                break;
            }

            if (!IsNameChar(c) && !(c == '*' && sb.Length > 0 && sb[^1] == '.'))
            {
                break;
            }

            sb.Append(c);
            i++;
        }

        name = sb.ToString().TrimEnd();
        return i;
    }
}

/// <summary>A syntax error inside one equation, positioned in the source file.</summary>
internal sealed class SyntaxException(Diagnostic diagnostic, SourcePosition position) : Exception(diagnostic.ToString(CultureInfo.InvariantCulture))
{
    public Diagnostic Diagnostic { get; } = diagnostic;

    public SourcePosition Position { get; } = position;
}
