using System.Linq.Expressions;
using System.Reflection;
using Movilidad.Dynamics.Builtins;
using Movilidad.Dynamics.Model;

namespace Movilidad.Dynamics.Equations;

internal sealed partial class ModelCompiler
{
    private static readonly Expression Zero = Expression.Constant(0.0);
    private static readonly Expression One = Expression.Constant(1.0);

    private static MethodInfo MathMethod(string name, int arity) =>
        typeof(Math).GetMethod(name, [.. Enumerable.Repeat(typeof(double), arity)])!;

    private static MethodInfo Builtin(string name) => typeof(Functions).GetMethod(name)!;

    private static ConditionalExpression Truth(Expression condition) => Expression.Condition(condition, One, Zero);

    private static BinaryExpression IsTrue(Expression value) => Expression.NotEqual(value, Zero);

    private Expression Lower(Expr expr, LoweringContext cx)
    {
        switch (expr)
        {
            case NumberExpr n:
                return Expression.Constant(n.Value);
            case MissingExpr:
                return Expression.Constant(double.NaN);
            case ReferenceExpr r:
                return LowerReference(r, cx);
            case UnaryExpr u:
                {
                    var operand = Lower(u.Operand, cx);
                    return u.Operator == "-" ? Expression.Negate(operand) : Truth(Expression.Equal(operand, Zero));
                }

            case BinaryExpr b:
                return LowerBinary(b, cx);
            case ConditionalExpr c:
                return Expression.Condition(IsTrue(Lower(c.Condition, cx)), Lower(c.WhenTrue, cx), Lower(c.WhenFalse, cx));
            case CallExpr call:
                return LowerCall(call, cx);
            case TableExpr:
                throw Error(cx.Location, cx.Variable, new Diagnostic(DiagnosticCode.TableOutsideWithLookup));
            case TextExpr t:
                throw Error(cx.Location, cx.Variable, new Diagnostic(DiagnosticCode.TextOutsideGet, ("text", t.Value)));
            default:
                throw Error(cx.Location, cx.Variable, new Diagnostic(DiagnosticCode.UnsupportedExpression));
        }
    }

    private Expression LowerBinary(BinaryExpr b, LoweringContext cx)
    {
        // Comparing two subscript ranges compares the elements being computed: by name when the ranges
        // share elements, by position when they are unrelated (Vensim's behaviour in both cases).
        if (b.Operator is "=" or "<>" &&
            BoundElement(b.Left, cx) is { } leftElement && BoundElement(b.Right, cx) is { } rightElement)
        {
            var leftRange = _dimensions[((ReferenceExpr)b.Left).Name];
            var rightRange = _dimensions[((ReferenceExpr)b.Right).Name];
            var equal = leftRange.ElementKeys.Intersect(rightRange.ElementKeys, StringComparer.Ordinal).Any()
                ? leftElement == rightElement
                : leftRange.ElementKeys.IndexOf(leftElement) == rightRange.ElementKeys.IndexOf(rightElement);
            return Expression.Constant(equal == (b.Operator == "=") ? 1.0 : 0.0);
        }

        var left = Lower(b.Left, cx);
        var right = Lower(b.Right, cx);
        return b.Operator switch
        {
            "+" => Expression.Add(left, right),
            "-" => Expression.Subtract(left, right),
            "*" => Expression.Multiply(left, right),
            "/" => Expression.Divide(left, right),
            "^" => Expression.Call(Pow, left, right),
            "mod" => Expression.Call(Builtin(nameof(Functions.Modulo)), left, right),
            // Vensim's :NA: is a number, equal to itself (x = :NA: tests for missing data); here it is NaN.
            "=" when IsVensim => Expression.Call(Builtin(nameof(Functions.EqualOrBothMissing)), left, right),
            "<>" when IsVensim => Expression.Subtract(One, Expression.Call(Builtin(nameof(Functions.EqualOrBothMissing)), left, right)),
            "=" => Truth(Expression.Equal(left, right)),
            "<>" => Truth(Expression.NotEqual(left, right)),
            "<" => Truth(Expression.LessThan(left, right)),
            ">" => Truth(Expression.GreaterThan(left, right)),
            "<=" => Truth(Expression.LessThanOrEqual(left, right)),
            ">=" => Truth(Expression.GreaterThanOrEqual(left, right)),
            "and" => Truth(Expression.AndAlso(IsTrue(left), IsTrue(right))),
            "or" => Truth(Expression.OrElse(IsTrue(left), IsTrue(right))),
            _ => throw Error(cx.Location, cx.Variable, new Diagnostic(DiagnosticCode.UnknownOperator, ("operator", b.Operator))),
        };
    }

    private string? BoundElement(Expr expr, LoweringContext cx) =>
        expr is ReferenceExpr { Subscripts.Count: 0 } r && _dimensions.ContainsKey(r.Name) && !cx.Scope.Body.Variables.ContainsKey(r.Name) && cx.Bindings.TryGet(r.Name, out var element)
            ? element
            : null;

    private void Arity(CallExpr call, LoweringContext cx, int min, int max)
    {
        var n = call.Arguments.Count;
        if (n < min || n > max)
        {
            var expected = min == max ? min.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{min} to {max}";
            throw Error(cx.Location, cx.Variable, new Diagnostic(DiagnosticCode.FunctionArity, ("function", call.Function.ToUpperInvariant()), ("expected", expected), ("given", n)));
        }
    }

    private Expression LowerCall(CallExpr call, LoweringContext cx)
    {
        var f = call.Function;
        var args = call.Arguments;
        Expression A(int i) => Lower(args[i], cx);
        Expression Time()
        {
            cx.UsesTime = true;
            cx.Deps.Add(TimeSlot);
            return Read(TimeSlot);
        }

        Expression Dt()
        {
            cx.Deps.Add(DtSlot);
            return Read(DtSlot);
        }

        if (f == "lookup call")
        {
            var reference = (ReferenceExpr)args[0];
            Arity(call, cx, 2, 2);
            return Expression.Call(typeof(LookupTable).GetMethod(nameof(LookupTable.Evaluate))!, TableAt(TableOf(reference, cx)), A(1));
        }

        if (FindInstance(f, cx) is not null || cx.Scope.Parameters.ContainsKey(f))
        {
            Arity(call, cx, 1, 1);
            var table = TableOf(new ReferenceExpr(f, f, []), cx);
            return Expression.Call(typeof(LookupTable).GetMethod(nameof(LookupTable.Evaluate))!, TableAt(table), A(0));
        }

        if (_model.Macros.TryGetValue(f, out var macro))
        {
            return LowerMacroCall(call, macro, cx);
        }

        if (f == Vensim.MdlReader.MacroOutput && call.Arguments is [CallExpr macroCall, NumberExpr { Value: var output }] &&
            _model.Macros.TryGetValue(macroCall.Function, out var called))
        {
            return LowerMacroCall(macroCall, called, cx, called.Outputs[(int)output]);
        }

        switch (f)
        {
            case "abs":
                Arity(call, cx, 1, 1);
                return Expression.Call(MathMethod(nameof(Math.Abs), 1), A(0));
            case "exp":
                Arity(call, cx, 1, 1);
                return Expression.Call(MathMethod(nameof(Math.Exp), 1), A(0));
            case "ln":
                Arity(call, cx, 1, 1);
                return Expression.Call(MathMethod(nameof(Math.Log), 1), A(0));
            case "log10":
                Arity(call, cx, 1, 1);
                return Expression.Call(MathMethod(nameof(Math.Log10), 1), A(0));
            case "log":
                Arity(call, cx, 1, 2);
                return args.Count == 1
                    ? Expression.Call(MathMethod(nameof(Math.Log10), 1), A(0))
                    : Expression.Call(Builtin(nameof(Functions.Log)), A(0), A(1));
            case "sqrt":
                Arity(call, cx, 1, 1);
                return Expression.Call(MathMethod(nameof(Math.Sqrt), 1), A(0));
            case "sin" or "cos" or "tan" or "arcsin" or "arccos" or "arctan" or "asin" or "acos" or "atan" or "sinh" or "cosh" or "tanh":
                {
                    Arity(call, cx, 1, 1);
                    var name = f switch
                    {
                        "arcsin" or "asin" => nameof(Math.Asin),
                        "arccos" or "acos" => nameof(Math.Acos),
                        "arctan" or "atan" => nameof(Math.Atan),
                        _ => char.ToUpperInvariant(f[0]) + f[1..],
                    };
                    return Expression.Call(MathMethod(name, 1), A(0));
                }

            case "integer":
                Arity(call, cx, 1, 1);
                return Expression.Call(Builtin(nameof(Functions.Integer)), A(0));
            case "int":
                Arity(call, cx, 1, 1);
                return Expression.Call(Builtin(nameof(Functions.Integer)), A(0));
            case "round":
                Arity(call, cx, 1, 1);
                return Expression.Call(Builtin(nameof(Functions.Round)), A(0));
            case "sign":
                Arity(call, cx, 1, 1);
                return Expression.Convert(Expression.Call(MathMethod(nameof(Math.Sign), 1), A(0)), typeof(double));
            case "modulo":
                Arity(call, cx, 2, 2);
                return Expression.Call(Builtin(nameof(Functions.Modulo)), A(0), A(1));
            case "quantum":
                Arity(call, cx, 2, 2);
                return Expression.Call(Builtin(nameof(Functions.Quantum)), A(0), A(1));
            case "power":
                Arity(call, cx, 2, 2);
                return Expression.Call(Pow, A(0), A(1));
            case "xidz":
                Arity(call, cx, 3, 3);
                return Expression.Call(Builtin(nameof(Functions.Xidz)), A(0), A(1), A(2));
            case "zidz":
                Arity(call, cx, 2, 2);
                return Expression.Call(Builtin(nameof(Functions.Zidz)), A(0), A(1));
            case Vensim.MdlReader.SintegBound:
                return Expression.Call(Builtin(nameof(Functions.SintegBound)), A(0), A(1), A(2), A(3), A(4), A(5));
            case "safediv":
                Arity(call, cx, 2, 3);
                return args.Count == 2
                    ? Expression.Call(Builtin(nameof(Functions.Zidz)), A(0), A(1))
                    : Expression.Call(Builtin(nameof(Functions.Xidz)), A(0), A(1), A(2));
            case "if then else":
                Arity(call, cx, 3, 3);
                return Expression.Condition(IsTrue(A(0)), A(1), A(2));
            case "min" or "max" when args.Count == 2:
                return Expression.Call(MathMethod(f == "min" ? nameof(Math.Min) : nameof(Math.Max), 2), A(0), A(1));
            case "vector select" or "vector elm map" or "vector rank" or "vector sort order" or "vector reorder" or "vector lookup" or "allocate by priority" or "allocate available" or "invert matrix"
                or "find market price" or "demand at price" or "supply at price" or "allocate":
                return LowerVectorFunction(call, cx);
            case "min" or "max" or "vmin" or "vmax" or "sum" or "prod" or "mean" or "stddev" or "size" or "elmcount":
                return LowerArrayFunction(call, cx);
            case "step":
                Arity(call, cx, 2, 2);
                return Expression.Call(Builtin(nameof(Functions.Step)), Time(), A(0), A(1));
            case "pulse" when IsVensim:
                Arity(call, cx, 2, 2);
                return Expression.Call(Builtin(nameof(Functions.Pulse)), Time(), Dt(), A(0), A(1));
            case "pulse":
                Arity(call, cx, 2, 3);
                return Expression.Call(Builtin(nameof(Functions.XmilePulse)), Time(), Dt(), A(0), A(1), args.Count > 2 ? A(2) : Zero);
            case "pulse train":
                Arity(call, cx, 4, 4);
                return Expression.Call(Builtin(nameof(Functions.PulseTrain)), Time(), Dt(), A(0), A(1), A(2), A(3));
            case "ramp":
                Arity(call, cx, 2, 3);
                return Expression.Call(Builtin(nameof(Functions.Ramp)), Time(), A(0), A(1), args.Count > 2 ? A(2) : Expression.Constant(double.PositiveInfinity));
            case "pi":
                Arity(call, cx, 0, 0);
                return Expression.Constant(Math.PI);
            case "get time value":
                return LowerGetTimeValue(call, cx);

            case "game":
                Arity(call, cx, 1, 1);
                return A(0);
            case "with lookup":
                {
                    Arity(call, cx, 2, 2);
                    if (args[1] is not TableExpr inline)
                    {
                        throw Error(cx.Location, cx.Variable, new Diagnostic(DiagnosticCode.WithLookupWithoutTable));
                    }

                    var table = InlineTable(call, inline, cx);
                    return Expression.Call(typeof(LookupTable).GetMethod(nameof(LookupTable.Evaluate))!, TableAt(table), A(0));
                }

            case "lookup" or "lookup extrapolate" or "lookup forward" or "lookup backward" or "lookup invert" or "lookupinv":
                {
                    Arity(call, cx, 2, 2);
                    if (args[0] is not ReferenceExpr tableRef)
                    {
                        throw Error(cx.Location, cx.Variable, new Diagnostic(DiagnosticCode.FirstArgumentNotLookup, ("function", f.ToUpperInvariant())));
                    }

                    var method = f switch
                    {
                        "lookup extrapolate" => nameof(LookupTable.Extrapolate),
                        "lookup forward" => nameof(LookupTable.Forward),
                        "lookup backward" => nameof(LookupTable.Backward),
                        "lookup invert" or "lookupinv" => nameof(LookupTable.Invert),
                        _ => nameof(LookupTable.Evaluate),
                    };
                    return Expression.Call(typeof(LookupTable).GetMethod(method)!, TableAt(TableOf(tableRef, cx)), A(1));
                }

            case "random uniform" or "uniform":
                {
                    Arity(call, cx, 2, 3);
                    cx.UsesTime = true;
                    var stream = _randomCount++;
                    return Expression.Call(typeof(RunContext).GetMethod(nameof(RunContext.Uniform))!, _context, Expression.Constant(stream), A(0), A(1), args.Count > 2 ? A(2) : Zero);
                }

            case "random normal":
                {
                    Arity(call, cx, 5, 5);
                    cx.UsesTime = true;
                    var stream = _randomCount++;
                    return Expression.Call(typeof(RunContext).GetMethod(nameof(RunContext.Normal))!, _context, Expression.Constant(stream), A(0), A(1), A(2), A(3), A(4));
                }

            case "random" or "exprnd" or "lognormal" or "poisson":
                {
                    cx.UsesTime = true;
                    var stream = Expression.Constant(_randomCount++);
                    Expression Seed(int index) => args.Count > index ? A(index) : Zero;
                    switch (f)
                    {
                        case "random":
                            Arity(call, cx, 2, 3);
                            return Expression.Call(typeof(RunContext).GetMethod(nameof(RunContext.Uniform))!, _context, stream, A(0), A(1), Seed(2));
                        case "exprnd":
                            Arity(call, cx, 1, 2);
                            return Expression.Call(typeof(RunContext).GetMethod(nameof(RunContext.Exponential))!, _context, stream, A(0), Seed(1));
                        case "lognormal":
                            Arity(call, cx, 2, 3);
                            return Expression.Call(typeof(RunContext).GetMethod(nameof(RunContext.LogNormal))!, _context, stream, A(0), A(1), Seed(2));
                        default:
                            Arity(call, cx, 1, 2);
                            return Expression.Call(typeof(RunContext).GetMethod(nameof(RunContext.Poisson))!, _context, stream, A(0), Seed(1));
                    }
                }

            case "get data between times":
                {
                    Arity(call, cx, 3, 3);
                    if (args[0] is not ReferenceExpr data)
                    {
                        throw Error(cx.Location, cx.Variable, new Diagnostic(DiagnosticCode.GetDataBetweenTimesArgument));
                    }

                    return Expression.Call(typeof(LookupTable).GetMethod(nameof(LookupTable.Between))!, TableAt(TableOf(data, cx)), A(1), A(2));
                }

            case "gamma ln":
                Arity(call, cx, 1, 1);
                return Expression.Call(Builtin(nameof(Functions.GammaLn)), A(0));
            case "fact":
                Arity(call, cx, 1, 1);
                return Expression.Call(Builtin(nameof(Functions.Factorial)), A(0));
            case "normal":
                {
                    Arity(call, cx, 2, 3);
                    cx.UsesTime = true;
                    var stream = _randomCount++;
                    var inf = Expression.Constant(double.PositiveInfinity);
                    return Expression.Call(typeof(RunContext).GetMethod(nameof(RunContext.Normal))!, _context, Expression.Constant(stream), Expression.Negate(inf), inf, A(0), A(1), args.Count > 2 ? A(2) : Zero);
                }

            default:
                return LowerStatefulCall(call, cx);
        }
    }

    private int InlineTable(CallExpr call, TableExpr table, LoweringContext cx)
    {
        var site = SiteCache(call, cx);
        if (site.TryGetValue("table", out var id))
        {
            return (int)id;
        }

        var created = AddTable(new LookupTable(table.X, table.Y, LookupMode.Continuous), null);
        site["table"] = created;
        return created;
    }

    private Dictionary<string, object> SiteCache(Expr node, LoweringContext cx)
    {
        if (!_callSites.TryGetValue(node, out var bySite))
        {
            _callSites[node] = bySite = [];
        }

        var key = cx.Scope.Id + "|" + cx.Bindings.Key;
        if (!bySite.TryGetValue(key, out var site))
        {
            bySite[key] = site = new Dictionary<string, object>(StringComparer.Ordinal);
        }

        return (Dictionary<string, object>)site;
    }

    private int TableOf(ReferenceExpr reference, LoweringContext cx)
    {
        if (cx.Scope.Parameters.TryGetValue(reference.Name, out var argument) && argument.Argument is ReferenceExpr passed)
        {
            return TableOf(passed, cx.With(argument.Scope, argument.Bindings));
        }

        var instance = FindInstance(reference.Name, cx) ?? throw Error(cx.Location, cx.Variable, new Diagnostic(DiagnosticCode.UnknownLookup, ("name", reference.DisplayName)));
        if (instance.Tables.All(t => t < 0))
        {
            LowerInstanceNow(instance);
        }

        var flat = ResolveElement(reference, instance, cx);
        var table = instance.Tables[flat];
        if (table < 0)
        {
            throw Error(cx.Location, cx.Variable, new Diagnostic(DiagnosticCode.NotLookup, ("name", reference.DisplayName)));
        }

        if (instance.Slots[flat] >= 0 && instance.Definition.Kind == VariableKind.Data)
        {
            cx.UsesTime = true;
        }

        return table;
    }

    private void LowerInstanceNow(Instance instance)
    {
        if (!instance.Lowered)
        {
            LowerInstance(instance);
        }
    }

    /// <summary>
    /// GET TIME VALUE(relative to, offset, measure): the simulation time (0) or the initial time (1) moved by the
    /// offset, in model time units (measure 0) or as a calendar date (measures 1–10, see <see cref="Calendar"/>);
    /// or the computer's clock (2), whose offset is ignored, in measures 1–10.
    /// </summary>
    private Expression LowerGetTimeValue(CallExpr call, LoweringContext cx)
    {
        Arity(call, cx, 3, 3);
        var relativeTo = TryConstant(call.Arguments[0], cx.Scope);
        var measure = TryConstant(call.Arguments[2], cx.Scope);
        if (relativeTo is not (0 or 1 or 2))
        {
            throw Error(cx.Location, cx.Variable, new Diagnostic(DiagnosticCode.GetTimeValueRelativeInvalid));
        }

        if (measure is not { } m || m < 0 || m > 10 || m != Math.Floor(m))
        {
            throw Error(cx.Location, cx.Variable, new Diagnostic(DiagnosticCode.GetTimeValueMeasureInvalid));
        }

        if (relativeTo == 2)
        {
            // The clock is read at each evaluation, so the variable is recomputed every step.
            cx.UsesTime = true;
            return m == 0
                ? throw Error(cx.Location, cx.Variable, new Diagnostic(DiagnosticCode.GetTimeValueClockWithoutMeasure))
                : Expression.Call(typeof(Calendar).GetMethod(nameof(Calendar.ClockMeasure))!, Expression.Constant((int)m));
        }

        var origin = relativeTo == 0 ? TimeSlot : StartSlot;
        cx.UsesTime |= relativeTo == 0;
        cx.Deps.Add(origin);
        var moment = Expression.Add(Read(origin), Lower(call.Arguments[1], cx));
        if (m == 0)
        {
            return moment;
        }

        var units = _model.Specs.TimeUnits ?? _model.UnitsOf("TIME STEP") ?? _model.UnitsOf("FINAL TIME") ?? _model.UnitsOf("INITIAL TIME");
        var unit = Calendar.UnitOf(units)
            ?? throw Error(cx.Location, cx.Variable, units is null ? new Diagnostic(DiagnosticCode.GetTimeValueWithoutTimeUnit) : new Diagnostic(DiagnosticCode.GetTimeValueTimeUnitNotCalendar, ("unit", units)));
        return Expression.Call(typeof(Calendar).GetMethod(nameof(Calendar.SimulationMeasure))!, moment, Expression.Constant((int)unit), Expression.Constant((int)m));
    }
}
