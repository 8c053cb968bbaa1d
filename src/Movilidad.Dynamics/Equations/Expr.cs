namespace Movilidad.Dynamics.Equations;

/// <summary>A node of an equation's syntax tree, shared by the Vensim and XMILE readers.</summary>
internal abstract record Expr;

internal sealed record NumberExpr(double Value) : Expr;

/// <summary>A reference to a variable, optionally subscripted; <see cref="Name"/> is canonical.</summary>
internal sealed record ReferenceExpr(string Name, string DisplayName, IReadOnlyList<SubscriptRef> Subscripts) : Expr;

/// <summary>A subscript in a reference: an element, a dimension, a dimension iterated by an array function (bang) or a wildcard.</summary>
internal sealed record SubscriptRef(string Name, bool Bang, bool Wildcard)
{
    /// <summary>XMILE: an expression giving the element's position (from 1) at run time, as in <c>a[INT(TIME MOD 5) + 1]</c>.</summary>
    public Expr? Index { get; init; }
}

internal sealed record CallExpr(string Function, IReadOnlyList<Expr> Arguments, SourcePosition Position) : Expr;

internal sealed record UnaryExpr(string Operator, Expr Operand) : Expr;

internal sealed record BinaryExpr(string Operator, Expr Left, Expr Right) : Expr;

internal sealed record ConditionalExpr(Expr Condition, Expr WhenTrue, Expr WhenFalse) : Expr;

/// <summary>A table literal, as in Vensim's WITH LOOKUP or a lookup definition.</summary>
internal sealed record TableExpr(double[] X, double[] Y) : Expr;

/// <summary>Vensim's :NA: value.</summary>
internal sealed record MissingExpr : Expr;

/// <summary>Where an equation sits in its source file, for messages a modeller can act on.</summary>
internal readonly record struct SourcePosition(int Line, int Column);

/// <summary>A quoted text argument, such as a file or sheet name in GET XLS functions.</summary>
internal sealed record TextExpr(string Value) : Expr;
