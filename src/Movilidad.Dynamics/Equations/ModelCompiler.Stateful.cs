using System.Linq.Expressions;
using Movilidad.Dynamics.Builtins;
using Movilidad.Dynamics.Model;

namespace Movilidad.Dynamics.Equations;

internal sealed partial class ModelCompiler
{
    /// <summary>Array reductions: the argument is lowered once per element of the dimensions marked with '!' or '*'.</summary>
    private Expression LowerArrayFunction(CallExpr call, LoweringContext cx)
    {
        var f = call.Function;
        var values = new List<Expression>();
        foreach (var argument in call.Arguments)
        {
            values.AddRange(Expand(argument, cx));
        }

        if (values.Count == 0)
        {
            throw Error(cx.Location, cx.Variable, new Diagnostic(DiagnosticCode.NeedsArgument, ("function", f.ToUpperInvariant())));
        }

        switch (f)
        {
            case "sum":
                return values.Aggregate(Expression.Add);
            case "prod":
                return values.Aggregate(Expression.Multiply);
            case "min" or "vmin":
                return values.Aggregate((a, b) => Expression.Call(MathMethod(nameof(Math.Min), 2), a, b));
            case "max" or "vmax":
                return values.Aggregate((a, b) => Expression.Call(MathMethod(nameof(Math.Max), 2), a, b));
            case "mean":
                return Expression.Divide(values.Aggregate(Expression.Add), Expression.Constant((double)values.Count));
            case "size" or "elmcount":
                return Expression.Constant((double)values.Count);
            default:
                {
                    var mean = Expression.Divide(values.Aggregate(Expression.Add), Expression.Constant((double)values.Count));
                    var squares = values.Select(v => (Expression)Expression.Call(Pow, Expression.Subtract(v, mean), Expression.Constant(2.0))).Aggregate(Expression.Add);
                    return Expression.Call(MathMethod(nameof(Math.Sqrt), 1), Expression.Divide(squares, Expression.Constant((double)values.Count)));
                }
        }
    }

    private List<Expression> Expand(Expr argument, LoweringContext cx)
    {
        var iterated = new List<DimensionDefinition>();
        argument = MarkIteration(argument, cx, iterated);
        if (iterated.Count == 0)
        {
            if (argument is ReferenceExpr { Subscripts.Count: 0 } plain && plain.Name is var n && _dimensions.TryGetValue(n, out var dimension))
            {
                return [.. dimension.Elements.Select(_ => (Expression)One)];
            }

            return [Lower(argument, cx)];
        }

        var result = new List<Expression>();
        IEnumerable<List<KeyValuePair<string, string>>> combos = [[]];
        foreach (var dim in iterated.DistinctBy(d => d.Key))
        {
            combos = combos.SelectMany(c => dim.ElementKeys.Select(e => new List<KeyValuePair<string, string>>(c) { new("!" + dim.Key, e) }));
        }

        foreach (var combo in combos)
        {
            result.Add(Lower(argument, cx.With(cx.Bindings.With(combo))));
        }

        return result;
    }

    /// <summary>Finds the dimensions an array function iterates, turning XMILE wildcards and whole-array names into Vensim's bang form.</summary>
    private Expr MarkIteration(Expr expr, LoweringContext cx, List<DimensionDefinition> iterated)
    {
        switch (expr)
        {
            case ReferenceExpr r:
                {
                    var instance = cx.Scope.Parameters.ContainsKey(r.Name) ? null : FindInstance(r.Name, cx);
                    if (instance is null || instance.Dimensions.Length == 0)
                    {
                        return r;
                    }

                    var subs = r.Subscripts.Count == 0 && !IsVensim
                        ? [.. instance.Dimensions.Select(d => new SubscriptRef(d.Key, true, false))]
                        : r.Subscripts.ToList();
                    for (var p = 0; p < subs.Count && p < instance.Dimensions.Length; p++)
                    {
                        if (!IsVensim && !subs[p].Bang && !subs[p].Wildcard && _dimensions.ContainsKey(subs[p].Name) && !cx.Bindings.TryGet(subs[p].Name, out _))
                        {
                            subs[p] = new SubscriptRef(subs[p].Name, true, false);
                        }

                        if (subs[p].Wildcard)
                        {
                            var dimKey = subs[p].Name == "*" ? instance.Dimensions[p].Key : subs[p].Name;
                            subs[p] = new SubscriptRef(dimKey, true, false);
                        }

                        if (subs[p].Bang)
                        {
                            iterated.Add(_dimensions.TryGetValue(subs[p].Name, out var d) ? d : instance.Dimensions[p]);
                        }
                    }

                    return r with { Subscripts = subs };
                }

            case BinaryExpr b:
                return b with { Left = MarkIteration(b.Left, cx, iterated), Right = MarkIteration(b.Right, cx, iterated) };
            case UnaryExpr u:
                return u with { Operand = MarkIteration(u.Operand, cx, iterated) };
            case ConditionalExpr c:
                return new ConditionalExpr(MarkIteration(c.Condition, cx, iterated), MarkIteration(c.WhenTrue, cx, iterated), MarkIteration(c.WhenFalse, cx, iterated));
            case CallExpr call when call.Function is not ("sum" or "prod" or "vmin" or "vmax" or "min" or "max" or "mean" or "size" or "elmcount" or "stddev"):
                return call with { Arguments = [.. call.Arguments.Select(a => MarkIteration(a, cx, iterated))] };
            default:
                return expr;
        }
    }

    /// <summary>Delays, smooths and the like become hidden stocks, created once per call site and element.</summary>
    private Expression LowerStatefulCall(CallExpr call, LoweringContext cx)
    {
        var f = call.Function;
        var args = call.Arguments;
        var site = SiteCache(call, cx);
        switch (f)
        {
            case "integ":
                {
                    Arity(call, cx, 2, 2);
                    var stocks = HiddenStocks(site, cx, 1, _ => args[1], _ => args[0]);
                    return ReadHidden(stocks[0], cx);
                }

            case "npv":
                {
                    // Vensim documents NPV(stream, rate, init, factor) as (accum + stream * TIME STEP * df) * factor with
                    // df = INTEG(-df * rate / (1 + rate * TIME STEP), 1) and accum = INTEG(stream * df, init).
                    Arity(call, cx, 4, 4);
                    var stocks = HiddenStocks(site, cx, 2, k => k == 0 ? new NumberExpr(1) : args[2], _ => null);
                    var (df, accum) = (stocks[0], stocks[1]);
                    if (_slots[df].Rate is null)
                    {
                        var rcx = RateContext(cx);
                        var rate = Lower(args[1], rcx);
                        _slots[df].Rate = Expression.Divide(Expression.Negate(Expression.Multiply(Read(df), rate)), Expression.Add(One, Expression.Multiply(rate, Read(DtSlot))));
                        _slots[accum].Rate = Expression.Multiply(Lower(args[0], rcx), Read(df));
                    }

                    cx.Deps.Add(DtSlot);
                    return Expression.Multiply(
                        Expression.Add(ReadHidden(accum, cx), Expression.Multiply(Expression.Multiply(Lower(args[0], cx), Read(DtSlot)), ReadHidden(df, cx))),
                        Lower(args[3], cx));
                }

            case "smooth" or "smoothi" or "smth1" or "smooth3" or "smooth3i" or "smth3" or "smooth n" or "smthn":
                {
                    int order;
                    Expr input = args.Count > 0 ? args[0] : new NumberExpr(0);
                    Expr time;
                    Expr initial;
                    switch (f)
                    {
                        case "smooth" or "smooth3":
                            Arity(call, cx, 2, 2);
                            order = f == "smooth" ? 1 : 3;
                            time = args[1];
                            initial = input;
                            break;
                        case "smoothi" or "smooth3i":
                            Arity(call, cx, 3, 3);
                            order = f == "smoothi" ? 1 : 3;
                            time = args[1];
                            initial = args[2];
                            break;
                        case "smth1" or "smth3":
                            Arity(call, cx, 2, 3);
                            order = f == "smth1" ? 1 : 3;
                            time = args[1];
                            initial = args.Count > 2 ? args[2] : input;
                            break;
                        case "smooth n":
                            Arity(call, cx, 4, 4);
                            time = args[1];
                            initial = args[2];
                            order = ConstantOrder(args[3], cx);
                            break;
                        default:
                            Arity(call, cx, 3, 4);
                            time = args[1];
                            order = ConstantOrder(args[2], cx);
                            initial = args.Count > 3 ? args[3] : input;
                            break;
                    }

                    var stage = new BinaryExpr("/", time, new NumberExpr(order));
                    var stocks = HiddenStocks(site, cx, order, _ => initial, _ => null);
                    if (_slots[stocks[0]].Rate is null)
                    {
                        var rcx = RateContext(cx);
                        for (var k = 0; k < order; k++)
                        {
                            var upstream = k == 0 ? Lower(input, rcx) : Read(stocks[k - 1]);
                            _slots[stocks[k]].Rate = Expression.Divide(Expression.Subtract(upstream, Read(stocks[k])), Lower(stage, rcx));
                        }
                    }

                    return ReadHidden(stocks[order - 1], cx);
                }

            case "delay1" or "delay1i" or "delay3" or "delay3i" or "delay n" or "delayn":
                {
                    int order;
                    var input = args.Count > 0 ? args[0] : new NumberExpr(0);
                    Expr time;
                    Expr initial;
                    switch (f)
                    {
                        case "delay1" or "delay3" when IsVensim:
                            Arity(call, cx, 2, 2);
                            order = f == "delay1" ? 1 : 3;
                            time = args[1];
                            initial = input;
                            break;
                        case "delay1" or "delay3":
                            Arity(call, cx, 2, 3);
                            order = f == "delay1" ? 1 : 3;
                            time = args[1];
                            initial = args.Count > 2 ? args[2] : input;
                            break;
                        case "delay1i" or "delay3i":
                            Arity(call, cx, 3, 3);
                            order = f == "delay1i" ? 1 : 3;
                            time = args[1];
                            initial = args[2];
                            break;
                        case "delay n":
                            Arity(call, cx, 4, 4);
                            time = args[1];
                            initial = args[2];
                            order = ConstantOrder(args[3], cx);
                            // Vensim lowers the order when a stage would be shorter than the time step.
                            if (TryConstant(time, cx.Scope) is { } delay && TryConstant(new ReferenceExpr("time step", "TIME STEP", []), cx.Scope) is { } step && step > 0 && delay / order < step)
                            {
                                order = Math.Max(1, (int)Math.Floor(delay / step));
                            }

                            break;
                        default:
                            Arity(call, cx, 3, 4);
                            time = args[1];
                            order = ConstantOrder(args[2], cx);
                            initial = args.Count > 3 ? args[3] : input;
                            break;
                    }

                    var stage = new BinaryExpr("/", time, new NumberExpr(order));
                    var stocks = HiddenStocks(site, cx, order, _ => new BinaryExpr("*", initial, stage), _ => null);
                    if (f == "delay n" && order > 1)
                    {
                        var lagged = LaggedStageTimes(site, cx, stage, order);
                        if (_slots[stocks[0]].Rate is null)
                        {
                            var rcx = RateContext(cx);
                            for (var k = 0; k < order; k++)
                            {
                                var upstream = k == 0 ? Lower(input, rcx) : Expression.Divide(Read(stocks[k - 1]), Read(lagged[k - 1]));
                                _slots[stocks[k]].Rate = Expression.Subtract(upstream, Expression.Divide(Read(stocks[k]), Read(lagged[k])));
                            }
                        }

                        cx.Deps.Add(lagged[order - 1]);
                        return Expression.Divide(ReadHidden(stocks[order - 1], cx), Read(lagged[order - 1]));
                    }

                    if (_slots[stocks[0]].Rate is null)
                    {
                        var rcx = RateContext(cx);
                        for (var k = 0; k < order; k++)
                        {
                            var stageTime = Lower(stage, rcx);
                            var upstream = k == 0 ? Lower(input, rcx) : Expression.Divide(Read(stocks[k - 1]), stageTime);
                            _slots[stocks[k]].Rate = Expression.Subtract(upstream, Expression.Divide(Read(stocks[k]), stageTime));
                        }
                    }

                    return Expression.Divide(ReadHidden(stocks[order - 1], cx), Lower(stage, cx));
                }

            case "trend" or "forecast" or "forcst":
                {
                    Expr input = args[0];
                    Expr averageTime;
                    Expr initialTrend;
                    Expr? horizon = null;
                    if (f == "trend")
                    {
                        Arity(call, cx, 3, 3);
                        averageTime = args[1];
                        initialTrend = args[2];
                    }
                    else
                    {
                        Arity(call, cx, 3, 4);
                        averageTime = args[1];
                        horizon = args[2];
                        initialTrend = args.Count > 3 ? args[3] : new NumberExpr(0);
                    }

                    var initial = new BinaryExpr("/", input, new BinaryExpr("+", new NumberExpr(1), new BinaryExpr("*", initialTrend, averageTime)));
                    var stocks = HiddenStocks(site, cx, 1, _ => initial, _ => null);
                    var s = stocks[0];
                    if (_slots[s].Rate is null)
                    {
                        var rcx = RateContext(cx);
                        _slots[s].Rate = Expression.Divide(Expression.Subtract(Lower(input, rcx), Read(s)), Lower(averageTime, rcx));
                    }
                    var average = ReadHidden(s, cx);
                    return horizon is null
                        ? Expression.Call(Builtin(nameof(Functions.Trend)), Lower(input, cx), average, Lower(averageTime, cx))
                        : Expression.Call(Builtin(nameof(Functions.Forecast)), Lower(input, cx), average, Lower(averageTime, cx), Lower(horizon, cx));
                }

            case "initial" or "init":
                {
                    Arity(call, cx, 1, 1);
                    if (!site.TryGetValue("initial", out var held))
                    {
                        var slot = NewSlot(cx.Variable, cx.Location);
                        site["initial"] = held = slot.Index;
                        var deps = new HashSet<int>();
                        slot.Init = Lower(args[0], new LoweringContext(cx.Scope, cx.Bindings, true, deps, cx.Variable, cx.Location));
                        slot.InitDeps = deps;
                    }

                    cx.Deps.Add((int)held);
                    return Read((int)held);
                }

            case "active initial":
                Arity(call, cx, 2, 2);
                return cx.Initial ? Lower(args[1], cx) : Lower(args[0], cx);
            case "sample if true":
                {
                    Arity(call, cx, 3, 3);
                    if (!site.TryGetValue("sample", out var held))
                    {
                        var memory = NewSlot(cx.Variable, cx.Location);
                        var value = NewSlot(cx.Variable, cx.Location);
                        site["sample"] = held = value.Index;
                        var initDeps = new HashSet<int>();
                        memory.Init = Lower(args[2], new LoweringContext(cx.Scope, cx.Bindings, true, initDeps, cx.Variable, cx.Location));
                        memory.InitDeps = initDeps;
                        var deps = new HashSet<int> { memory.Index };
                        var inner = new LoweringContext(cx.Scope, cx.Bindings, false, deps, cx.Variable, cx.Location);
                        var expression = Expression.Condition(IsTrue(Lower(args[0], inner)), Lower(args[1], inner), Read(memory.Index));
                        value.Init = expression;
                        value.InitDeps = [.. deps];
                        value.Dynamic = expression;
                        value.DynamicDeps = deps;
                        value.AlwaysDynamic = true;
                        _updates.Add(Expression.Assign(Expression.ArrayAccess(_state, Expression.Constant(memory.Index)), Read(value.Index)));
                    }

                    cx.Deps.Add((int)held);
                    return Read((int)held);
                }

            case "previous":
                {
                    Arity(call, cx, 1, 2);
                    if (!site.TryGetValue("previous", out var held))
                    {
                        var memory = NewSlot(cx.Variable, cx.Location);
                        var current = NewSlot(cx.Variable, cx.Location);
                        site["previous"] = held = memory.Index;
                        var initDeps = new HashSet<int>();
                        memory.Init = Lower(args.Count > 1 ? args[1] : args[0], new LoweringContext(cx.Scope, cx.Bindings, true, initDeps, cx.Variable, cx.Location));
                        memory.InitDeps = initDeps;
                        memory.AlwaysDynamic = true;
                        var currentDeps = new HashSet<int>();
                        SetAuxiliary(current, Lower(args[0], new LoweringContext(cx.Scope, cx.Bindings, false, currentDeps, cx.Variable, cx.Location)), currentDeps, true);
                        _updates.Add(Expression.Assign(Expression.ArrayAccess(_state, Expression.Constant(memory.Index)), Read(current.Index)));
                    }

                    cx.Deps.Add((int)held);
                    return Read((int)held);
                }

            case "depreciate straightline":
                return LowerDepreciation(call, site, cx);

            case "delay fixed" or "delay":
                {
                    Arity(call, cx, 2, 3);
                    if (!site.TryGetValue("fixed", out var held))
                    {
                        var line = _lineCount++;
                        var input = NewSlot(cx.Variable, cx.Location);
                        var output = NewSlot(cx.Variable, cx.Location);
                        site["fixed"] = held = output.Index;
                        var inputDeps = new HashSet<int>();
                        var inputCx = new LoweringContext(cx.Scope, cx.Bindings, false, inputDeps, cx.Variable, cx.Location);
                        SetAuxiliary(input, Lower(args[0], inputCx), inputDeps, true);
                        var lineRef = StartPipeline(output, nameof(RunContext.StartLine), line, args[1], args.Count > 2 ? args[2] : args[0], cx);
                        output.Dynamic = Expression.Call(typeof(DelayLine).GetMethod(nameof(DelayLine.Output))!, lineRef);
                        output.DynamicDeps = [];
                        output.AlwaysDynamic = true;
                        _updates.Add(Expression.Call(typeof(DelayLine).GetMethod(nameof(DelayLine.Push))!, lineRef, Read(input.Index)));
                    }

                    cx.Deps.Add((int)held);
                    return Read((int)held);
                }

            case "delay material" or "delay information":
                return LowerVariableDelay(call, site, cx);

            default:
                throw Error(cx.Location, cx.Variable, new Diagnostic(DiagnosticCode.UnknownFunction, ("function", call.Function.ToUpperInvariant())));
        }
    }

    /// <summary>
    /// Vensim's discrete delays whose delay time may change: DELAY MATERIAL(input, delay, initial, missing) adds what
    /// becomes due together and gives the missing value when nothing is due; DELAY INFORMATION(input, delay, initial)
    /// keeps the most recent value due and holds it (see <see cref="MaterialLine"/> and <see cref="InformationLine"/>).
    /// The input and the delay are taken each step; the pipeline is filled with the initial value at the start.
    /// </summary>
    private BinaryExpression LowerVariableDelay(CallExpr call, Dictionary<string, object> site, LoweringContext cx)
    {
        var material = call.Function == "delay material";
        Arity(call, cx, material ? 4 : 3, material ? 4 : 3);
        var args = call.Arguments;
        if (!site.TryGetValue("variable delay", out var held))
        {
            var line = _lineCount++;
            var input = NewSlot(cx.Variable, cx.Location);
            var delay = NewSlot(cx.Variable, cx.Location);
            var output = NewSlot(cx.Variable, cx.Location);
            site["variable delay"] = held = output.Index;
            var inputDeps = new HashSet<int>();
            SetAuxiliary(input, Lower(args[0], new LoweringContext(cx.Scope, cx.Bindings, false, inputDeps, cx.Variable, cx.Location)), inputDeps, true);
            var delayDeps = new HashSet<int>();
            SetAuxiliary(delay, Lower(args[1], new LoweringContext(cx.Scope, cx.Bindings, false, delayDeps, cx.Variable, cx.Location)), delayDeps, true);
            var lineRef = StartPipeline(output, material ? nameof(RunContext.StartMaterialLine) : nameof(RunContext.StartInformationLine), line, args[1], args[2], cx);
            var outputDeps = new HashSet<int>();
            output.Dynamic = material
                ? Expression.Call(
                    typeof(MaterialLine).GetMethod(nameof(MaterialLine.Output))!,
                    lineRef,
                    Lower(args[3], new LoweringContext(cx.Scope, cx.Bindings, false, outputDeps, cx.Variable, cx.Location)))
                : Expression.Call(typeof(InformationLine).GetMethod(nameof(InformationLine.Latest))!, lineRef);
            output.DynamicDeps = outputDeps;
            output.AlwaysDynamic = true;
            var push = material ? typeof(MaterialLine).GetMethod(nameof(MaterialLine.Push))! : typeof(InformationLine).GetMethod(nameof(InformationLine.Push))!;
            _updates.Add(Expression.Call(push, lineRef, Read(input.Index), Read(delay.Index)));
        }

        cx.Deps.Add((int)held);
        return Read((int)held);
    }

    /// <summary>
    /// Makes <paramref name="output"/>'s initial value start pipeline <paramref name="line"/> (the run context's
    /// <paramref name="startMethod"/>, given the delay and initial value at the start and TIME STEP) and returns the
    /// expression reading the pipeline.
    /// </summary>
    private BinaryExpression StartPipeline(Slot output, string startMethod, int line, Expr delay, Expr initial, LoweringContext cx)
    {
        var initDeps = new HashSet<int> { DtSlot };
        var initCx = new LoweringContext(cx.Scope, cx.Bindings, true, initDeps, cx.Variable, cx.Location);
        output.Init = Expression.Call(
            typeof(RunContext).GetMethod(startMethod)!,
            _context,
            Expression.Constant(line),
            Lower(delay, initCx),
            Read(DtSlot),
            Lower(initial, initCx));
        output.InitDeps = initDeps;
        return Expression.ArrayIndex(Expression.Property(_context, nameof(RunContext.Lines)), Expression.Constant(line));
    }

    /// <summary>
    /// Vensim's DEPRECIATE STRAIGHTLINE(str, dtime, fisc, init): what is invested in a fiscal period (fisc long) is
    /// depreciated in equal parts over the dtime/fisc periods from that one on. Each period's spending is summed as
    /// it comes; when the period ends its average rate joins the last dtime/fisc - 1 periods' (which start at init,
    /// as if str had been init before), and the output is their sum plus the current value of str, over dtime/fisc:
    /// so a constant str equal to init gives init throughout, as the documentation says.
    /// </summary>
    private BinaryExpression LowerDepreciation(CallExpr call, Dictionary<string, object> site, LoweringContext cx)
    {
        Arity(call, cx, 4, 4);
        var args = call.Arguments;
        if (!site.TryGetValue("depreciation", out var held))
        {
            var dtime = TryConstant(args[1], cx.Scope);
            var fiscal = TryConstant(args[2], cx.Scope);
            if (dtime is not > 0 || fiscal is not > 0)
            {
                throw Error(cx.Location, cx.Variable, new Diagnostic(DiagnosticCode.DepreciateArguments));
            }

            var periods = Math.Max(1, (int)Math.Round(dtime.Value / fiscal.Value));
            var input = NewSlot(cx.Variable, cx.Location);
            var inputDeps = new HashSet<int>();
            SetAuxiliary(input, Lower(args[0], new LoweringContext(cx.Scope, cx.Bindings, false, inputDeps, cx.Variable, cx.Location)), inputDeps, true);
            var spent = NewSlot(cx.Variable, cx.Location);
            spent.Init = Zero;
            spent.AlwaysDynamic = true;
            var initDeps = new HashSet<int>();
            var initial = Lower(args[3], new LoweringContext(cx.Scope, cx.Bindings, true, initDeps, cx.Variable, cx.Location));
            var past = new Slot[periods - 1];
            for (var k = 0; k < past.Length; k++)
            {
                past[k] = NewSlot(cx.Variable, cx.Location);
                past[k].Init = initial;
                past[k].InitDeps = initDeps;
                past[k].AlwaysDynamic = true;
            }

            var output = NewSlot(cx.Variable, cx.Location);
            site["depreciation"] = held = output.Index;
            Expression sum = Read(input.Index);
            foreach (var period in past)
            {
                sum = Expression.Add(sum, Read(period.Index));
            }

            var value = Expression.Divide(sum, Expression.Constant((double)periods));
            SetAuxiliary(output, value, [input.Index, .. past.Select(p => p.Index)], true);
            var ends = Expression.Call(
                Builtin(nameof(Functions.FiscalPeriodEnds)),
                Read(TimeSlot),
                Read(DtSlot),
                Read(StartSlot),
                Expression.Constant(fiscal.Value));
            var total = Expression.Add(Read(spent.Index), Expression.Multiply(Read(input.Index), Read(DtSlot)));
            for (var k = past.Length - 1; k >= 0; k--)
            {
                var entering = k == 0 ? Expression.Divide(total, Expression.Constant(fiscal.Value)) : (Expression)Read(past[k - 1].Index);
                _updates.Add(Expression.Assign(Expression.ArrayAccess(_state, Expression.Constant(past[k].Index)), Expression.Condition(ends, entering, Read(past[k].Index))));
            }

            _updates.Add(Expression.Assign(Expression.ArrayAccess(_state, Expression.Constant(spent.Index)), Expression.Condition(ends, Zero, total)));
        }

        cx.Deps.Add((int)held);
        return Read((int)held);
    }

    /// <summary>
    /// Vensim's DELAY N gives each stage the stage time its contents entered with: stage k of a step at time t
    /// uses (delay time)/order as it was k steps earlier. Slot 0 is the current stage time (an auxiliary); slots 1
    /// to order−1 are memories shifted along once per step, all starting at the initial stage time.
    /// </summary>
    private int[] LaggedStageTimes(Dictionary<string, object> site, LoweringContext cx, Expr stage, int order)
    {
        if (site.TryGetValue("lagged", out var existing))
        {
            return (int[])existing;
        }

        var slots = new int[order];
        var current = NewSlot(cx.Variable, cx.Location);
        var currentDeps = new HashSet<int>();
        SetAuxiliary(current, Lower(stage, new LoweringContext(cx.Scope, cx.Bindings, false, currentDeps, cx.Variable, cx.Location)), currentDeps, false);
        var initDeps = new HashSet<int>();
        current.Init = Lower(stage, new LoweringContext(cx.Scope, cx.Bindings, true, initDeps, cx.Variable, cx.Location));
        current.InitDeps = initDeps;
        slots[0] = current.Index;
        for (var k = 1; k < order; k++)
        {
            var memory = NewSlot(cx.Variable, cx.Location);
            memory.Init = Read(current.Index);
            memory.InitDeps = [current.Index];
            memory.AlwaysDynamic = true;
            slots[k] = memory.Index;
        }

        for (var k = order - 1; k >= 1; k--)
        {
            _updates.Add(Expression.Assign(Expression.ArrayAccess(_state, Expression.Constant(slots[k])), Read(slots[k - 1])));
        }

        site["lagged"] = slots;
        return slots;
    }

    private static LoweringContext RateContext(LoweringContext cx) =>
        new(cx.Scope, cx.Bindings, false, [], cx.Variable, cx.Location);

    private BinaryExpression ReadHidden(int slot, LoweringContext cx)
    {
        cx.Deps.Add(slot);
        return Read(slot);
    }

    private int[] HiddenStocks(Dictionary<string, object> site, LoweringContext cx, int count, Func<int, Expr> initial, Func<int, Expr?> rate)
    {
        if (site.TryGetValue("stocks", out var existing))
        {
            return (int[])existing;
        }

        var stocks = new int[count];
        for (var k = 0; k < count; k++)
        {
            var slot = NewSlot(cx.Variable, cx.Location);
            slot.IsStock = true;
            stocks[k] = slot.Index;
        }

        site["stocks"] = stocks;
        for (var k = 0; k < count; k++)
        {
            var slot = _slots[stocks[k]];
            var deps = new HashSet<int>();
            slot.Init = Lower(initial(k), new LoweringContext(cx.Scope, cx.Bindings, true, deps, cx.Variable, cx.Location));
            slot.InitDeps = deps;
            if (rate(k) is { } r)
            {
                var rateDeps = new HashSet<int>();
                slot.Rate = Lower(r, new LoweringContext(cx.Scope, cx.Bindings, false, rateDeps, cx.Variable, cx.Location));
                slot.DynamicDeps = rateDeps;
            }
        }

        return stocks;
    }

    private int ConstantOrder(Expr expr, LoweringContext cx)
    {
        var value = TryConstant(expr, cx.Scope);
        if (value is null || value < 1 || double.IsNaN(value.Value))
        {
            throw Error(cx.Location, cx.Variable, new Diagnostic(DiagnosticCode.DelayOrderInvalid));
        }

        return (int)Math.Round(value.Value);
    }

    /// <summary>
    /// The value of an expression at the initial time, when it can be known while compiling; the order of
    /// DELAY N and SMOOTH N is fixed then, as in Vensim.
    /// </summary>
    private double? TryConstant(Expr expr, Scope scope, int depth = 0)
    {
        if (depth > 100)
        {
            return null;
        }

        double? C(Expr e) => TryConstant(e, scope, depth + 1);
        switch (expr)
        {
            case NumberExpr n:
                return n.Value;
            case UnaryExpr { Operator: "-" } u:
                return -C(u.Operand);
            case BinaryExpr b:
                {
                    var l = C(b.Left);
                    var r = C(b.Right);
                    return b.Operator switch
                    {
                        "+" => l + r,
                        "-" => l - r,
                        "*" => l * r,
                        "/" => l / r,
                        "^" when l is { } x && r is { } y => Math.Pow(x, y),
                        _ => null,
                    };
                }

            case ReferenceExpr { Name: "time" or "initial time" or "starttime" } r when !scope.Body.Variables.ContainsKey(r.Name) || r.Name == "initial time":
                return scope.Body.Variables.TryGetValue("initial time", out var start) && start.Equations.Count == 1 && start.Equations[0].Expression is { } se
                    ? TryConstant(se, scope, depth + 1)
                    : _model.Specs.Start ?? 0;
            case ReferenceExpr r when scope.Parameters.TryGetValue(r.Name, out var p):
                return TryConstant(p.Argument, p.Scope, depth + 1);
            case ReferenceExpr r when scope.Body.Variables.TryGetValue(r.Name, out var v) && v.Equations.Count == 1 && v.Equations[0].Expression is { } e:
                return C(e);
            case CallExpr { Function: "step", Arguments.Count: 2 } step:
                {
                    var time = C(new ReferenceExpr("time", "Time", []));
                    return time >= C(step.Arguments[1]) ? C(step.Arguments[0]) : 0;
                }

            case CallExpr { Function: "integer" or "int", Arguments.Count: 1 } integer:
                return C(integer.Arguments[0]) is { } value ? Math.Truncate(value) : null;
            case CallExpr { Function: "max" or "min", Arguments.Count: 2 } extreme:
                return C(extreme.Arguments[0]) is { } first && C(extreme.Arguments[1]) is { } second
                    ? extreme.Function == "max" ? Math.Max(first, second) : Math.Min(first, second)
                    : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// A macro call, expanded once per call site: its value is the macro-named variable of the expansion, or the
    /// output argument <paramref name="output"/> for a variable receiving one (see <c>MdlReader.DefineMacroOutputs</c>).
    /// </summary>
    private BinaryExpression LowerMacroCall(CallExpr call, MacroDefinition macro, LoweringContext cx, string? output = null)
    {
        if (call.Arguments.Count != macro.Parameters.Count + macro.Outputs.Count)
        {
            throw Error(cx.Location, cx.Variable, new Diagnostic(DiagnosticCode.MacroArity, ("function", call.Function.ToUpperInvariant()), ("parameters", macro.Parameters.Count), ("given", call.Arguments.Count)));
        }

        var site = SiteCache(call, cx);
        if (!site.TryGetValue("macro", out var existing))
        {
            var scope = new Scope(_scopeCount++, macro.Body, cx.Scope.Prefix + macro.Key + ".");
            for (var i = 0; i < macro.Parameters.Count; i++)
            {
                scope.Parameters[macro.Parameters[i]] = new ArgumentBinding(call.Arguments[i], cx.Scope, cx.Bindings);
            }

            site["macro"] = existing = scope;
        }

        var macroScope = (Scope)existing;
        var read = output ?? macro.Key;
        if (!macro.Body.Variables.ContainsKey(read))
        {
            throw Error(cx.Location, cx.Variable, new Diagnostic(DiagnosticCode.MacroWithoutOutput, ("function", call.Function.ToUpperInvariant()), ("output", read)));
        }

        var instance = EnsureInstance(macroScope, read, cx.Location);
        var slot = instance.Slots[0];
        cx.Deps.Add(slot);
        return Read(slot);
    }
}
