using System.Linq.Expressions;
using Movilidad.Dynamics.Model;

namespace Movilidad.Dynamics.Equations;

internal sealed partial class ModelCompiler
{
    private const int LargestVector = 256;

    /// <summary>
    /// VECTOR SELECT, VECTOR ELM MAP, VECTOR SORT ORDER, VECTOR RANK and the allocation functions, unrolled over the
    /// vector's elements.
    /// </summary>
    private Expression LowerVectorFunction(CallExpr call, LoweringContext cx)
    {
        var args = call.Arguments;
        switch (call.Function)
        {
            case "vector select":
                {
                    Arity(call, cx, 4, 5);
                    var pairs = ExpandTogether(args[0], args[1], cx);
                    var missing = Lower(args[2], cx);
                    var selected = pairs.Select(p => (Expression)IsTrue(p.Selection)).ToList();
                    var none = selected.Select(s => (Expression)Expression.Not(s)).Aggregate(Expression.AndAlso);
                    Expression result;
                    if (args[3] is NumberExpr { Value: var constant })
                    {
                        result = (int)constant is >= 0 and <= 10 && constant == Math.Floor(constant)
                            ? SelectAction((int)constant, pairs, selected)
                            : throw Error(cx.Location, cx.Variable, new Diagnostic(DiagnosticCode.VectorSelectActionInvalid));
                    }
                    else
                    {
                        // An action given by an expression (it may change during the run) picks among all eleven at each evaluation.
                        var action = Lower(args[3], cx);
                        result = Expression.Constant(double.NaN);
                        for (var k = 10; k >= 0; k--)
                        {
                            result = Expression.Condition(Expression.Equal(action, Expression.Constant((double)k)), SelectAction(k, pairs, selected), result);
                        }
                    }

                    return CheckSelection(Expression.Condition(none, missing, result), selected, args.Count > 4 ? args[4] : null, cx);
                }

            case "vector elm map":
                {
                    Arity(call, cx, 2, 2);
                    var (values, position) = AlongLastDimension(args[0], cx);
                    var target = Expression.Add(Expression.Constant((double)position), Expression.Call(typeof(Math).GetMethod(nameof(Math.Floor), [typeof(double)])!, Lower(args[1], cx)));
                    Expression chosen = Expression.Constant(double.NaN);
                    for (var j = values.Count - 1; j >= 0; j--)
                    {
                        chosen = Expression.Condition(Expression.Equal(target, Expression.Constant((double)j)), values[j], chosen);
                    }

                    return chosen;
                }

            case "vector reorder":
                {
                    Arity(call, cx, 2, 2);
                    var (values, _) = AlongLastDimension(args[0], cx);
                    var index = Lower(args[1], cx);
                    Expression chosen = Expression.Constant(double.NaN);
                    for (var j = values.Count - 1; j >= 0; j--)
                    {
                        chosen = Expression.Condition(Expression.Equal(index, Expression.Constant((double)j)), values[j], chosen);
                    }

                    return chosen;
                }

            case "vector rank":
                {
                    Arity(call, cx, 2, 2);
                    var (values, position) = AlongLastDimension(args[0], cx);
                    var ascending = Expression.Equal(Lower(args[1], cx), One);
                    return Expression.Condition(ascending, Rank(values, position, true), Rank(values, position, false));
                }

            case "vector sort order":
                {
                    Arity(call, cx, 2, 2);
                    var (values, position) = AlongLastDimension(args[0], cx);
                    var ascending = Expression.Equal(Lower(args[1], cx), One);
                    return Expression.Condition(ascending, SortOrder(values, position, true), SortOrder(values, position, false));
                }

            case "vector lookup":
                {
                    Arity(call, cx, 5, 5);
                    if (args[0] is not ReferenceExpr reference || FindInstance(reference.Name, cx) is not { Dimensions.Length: > 0 })
                    {
                        throw Error(cx.Location, cx.Variable, new Diagnostic(DiagnosticCode.VectorLookupNeedsVector));
                    }

                    // Vensim passes the vector's first element; the whole last subscript is the lookup's points.
                    var (first, _, count) = ContiguousVector(args[0], cx);
                    return Expression.Call(
                        typeof(Builtins.Functions).GetMethod(nameof(Builtins.Functions.VectorLookup))!,
                        _state,
                        Expression.Constant(first),
                        Expression.Constant(count),
                        Lower(args[1], cx),
                        Lower(args[2], cx),
                        Lower(args[3], cx),
                        Lower(args[4], cx));
                }

            case "invert matrix":
                {
                    Arity(call, cx, 2, 2);
                    if (args[0] is not ReferenceExpr reference || FindInstance(reference.Name, cx) is not { Dimensions.Length: >= 2 } instance ||
                        instance.Dimensions[^1].Elements.Count != instance.Dimensions[^2].Elements.Count)
                    {
                        throw Error(cx.Location, cx.Variable, new Diagnostic(DiagnosticCode.InvertMatrixNotSquare));
                    }

                    var n = instance.Dimensions[^1].Elements.Count;
                    var flat = ResolveElement(reference, instance, cx);
                    var position = flat % (n * n);
                    var first = flat - position;
                    for (var k = 0; k < n * n; k++)
                    {
                        if (instance.Slots[first + k] != instance.Slots[first] + k)
                        {
                            throw Error(cx.Location, cx.Variable, new Diagnostic(DiagnosticCode.CannotInvertHere, ("name", reference.DisplayName)));
                        }

                        cx.Deps.Add(instance.Slots[first + k]);
                    }

                    return Expression.Call(
                        typeof(Builtins.Functions).GetMethod(nameof(Builtins.Functions.InverseElement))!,
                        _state,
                        Expression.Constant(instance.Slots[first]),
                        Expression.Constant(n),
                        Expression.Constant(position / n),
                        Expression.Constant(position % n));
                }

            case "allocate by priority":
                {
                    Arity(call, cx, 5, 5);
                    var (request, position, count) = ContiguousVector(args[0], cx);
                    var (priority, _, priorityCount) = ContiguousVector(args[1], cx);
                    if (priorityCount != count)
                    {
                        throw Error(cx.Location, cx.Variable, new Diagnostic(DiagnosticCode.AllocateByPrioritySizes));
                    }

                    return Expression.Call(
                        typeof(Builtins.Allocation).GetMethod(nameof(Builtins.Allocation.ByPriority))!,
                        _state,
                        Expression.Constant(request),
                        Expression.Constant(priority),
                        Expression.Constant(count),
                        Expression.Constant(position),
                        Lower(args[3], cx),
                        Lower(args[4], cx));
                }

            case "allocate available":
                {
                    Arity(call, cx, 3, 3);
                    return LowerAllocateAvailable(call, cx);
                }

            case "allocate" when !IsVensim:
                {
                    Arity(call, cx, 5, 6);
                    return LowerXmileAllocate(call, cx);
                }

            case "find market price":
                {
                    Arity(call, cx, 4, 4);
                    var demand = CurveRun(args[0], args[1], "FIND MARKET PRICE", cx);
                    var supply = CurveRun(args[2], args[3], "FIND MARKET PRICE", cx);
                    return Expression.Call(
                        typeof(Builtins.Allocation).GetMethod(nameof(Builtins.Allocation.MarketPriceOrRefuse))!,
                        [_state, .. demand.Concat(supply).Select(slot => Expression.Constant(slot)), .. Place(cx)]);
                }

            case "demand at price" or "supply at price":
                {
                    Arity(call, cx, 3, 3);
                    var profile = ProfileFields(args[1], call.Function.ToUpperInvariant(), cx);
                    return Expression.Call(
                        typeof(Builtins.Allocation).GetMethod(nameof(Builtins.Allocation.CurveTypeOrRefuse))!,
                        [Expression.Call(
                            typeof(Builtins.Allocation).GetMethod(call.Function == "demand at price" ? nameof(Builtins.Allocation.DemandAtPrice) : nameof(Builtins.Allocation.SupplyAtPrice))!,
                            Lower(args[0], cx),
                            Read(profile),
                            Read(profile + 1),
                            Read(profile + 2),
                            Lower(args[2], cx)),
                        Read(profile),
                        .. Place(cx)]);
                }

            default:
                throw Error(cx.Location, cx.Variable, new Diagnostic(DiagnosticCode.UnknownFunction, ("function", call.Function.ToUpperInvariant())));
        }
    }

    /// <summary>
    /// ALLOCATE AVAILABLE(request, pp, avail) allocates along the last subscript of the request; the priority
    /// profile names the same subscript second to last and the profile's first field (ptype) last, with
    /// ppriority, pwidth and pextra following it. Both are passed as strided runs of slots.
    /// </summary>
    private MethodCallExpression LowerAllocateAvailable(CallExpr call, LoweringContext cx)
    {
        var message = new Diagnostic(DiagnosticCode.AllocateAvailableShape);
        if (call.Arguments[0] is not ReferenceExpr { Subscripts.Count: > 0 } request || call.Arguments[1] is not ReferenceExpr { Subscripts.Count: >= 2 } profile ||
            FindInstance(request.Name, cx) is not { } requestInstance || FindInstance(profile.Name, cx) is not { } profileInstance ||
            requestInstance.IsTableOnly || profileInstance.IsTableOnly || profileInstance.Dimensions.Length < 2 ||
            !_dimensions.TryGetValue(request.Subscripts[^1].Name, out var range) || !cx.Bindings.TryGet(range.Key, out var current) ||
            profile.Subscripts[^2].Name != range.Key)
        {
            throw Error(cx.Location, cx.Variable, message);
        }

        var fields = profileInstance.Dimensions[^1].Elements.Count;
        var count = range.Elements.Count;
        var requestSlots = new int[count];
        var profileSlots = new int[count];
        for (var i = 0; i < count; i++)
        {
            var element = cx.With(cx.Bindings.With([new(range.Key, range.ElementKeys[i])]));
            requestSlots[i] = requestInstance.Slots[ResolveElement(request, requestInstance, element)];
            var flat = ResolveElement(profile, profileInstance, element);
            if (flat % fields + 4 > fields)
            {
                throw Error(cx.Location, cx.Variable, new Diagnostic(DiagnosticCode.PriorityProfileFields, ("profile", profile.DisplayName)));
            }

            profileSlots[i] = profileInstance.Slots[flat];
            for (var k = 0; k < 4; k++)
            {
                if (profileInstance.Slots[flat + k] != profileSlots[i] + k)
                {
                    throw Error(cx.Location, cx.Variable, message);
                }

                cx.Deps.Add(profileSlots[i] + k);
            }

            cx.Deps.Add(requestSlots[i]);
        }

        var position = range.ElementKeys.IndexOf(current);
        if (position < 0)
        {
            throw Error(cx.Location, cx.Variable, message);
        }

        var requestStride = count > 1 ? requestSlots[1] - requestSlots[0] : 1;
        var profileStride = count > 1 ? profileSlots[1] - profileSlots[0] : 1;
        for (var i = 1; i < count; i++)
        {
            if (requestSlots[i] != requestSlots[0] + (i * requestStride) || profileSlots[i] != profileSlots[0] + (i * profileStride))
            {
                throw Error(cx.Location, cx.Variable, message);
            }
        }

        return Allocated(requestSlots[0], requestStride, profileSlots[0], profileStride, count, position, Lower(call.Arguments[2], cx), cx);
    }

    /// <summary>
    /// ALLOCATE AVAILABLE's share for requester <paramref name="position"/>, stopping the run with an error naming the
    /// variable, the time and the type when a profile names a curve the engine does not compute
    /// (<see cref="Builtins.Allocation.AvailableOrRefuse"/>).
    /// </summary>
    private MethodCallExpression Allocated(int request, int requestStride, int profile, int profileStride, int count, int position, Expression available, LoweringContext cx) => Expression.Call(
        typeof(Builtins.Allocation).GetMethod(nameof(Builtins.Allocation.AvailableOrRefuse))!,
        [_state,
        Expression.Constant(request),
        Expression.Constant(requestStride),
        Expression.Constant(profile),
        Expression.Constant(profileStride),
        Expression.Constant(count),
        Expression.Constant(position),
        available,
        .. Place(cx)]);

    /// <summary>Where an allocation function is evaluated, for its error: the time, the variable element, the file and the place in it.</summary>
    private Expression[] Place(LoweringContext cx) =>
        [Read(TimeSlot), Expression.Constant(ElementDisplayName(cx)), Expression.Constant(_model.Source), Expression.Constant(cx.Location)];

    /// <summary>
    /// XMILE's ALLOCATE(available, dimension, requests, priorities, widths[, type]) as Stella writes it: the
    /// requesters run along <c>dimension</c>, and requester i's curve has the type (Vensim's ptype: 0 fixed, 1
    /// rectangular, 2 triangular, 3 normal, 4 exponential; rectangular when omitted, which is Vensim's ALLOCATE BY
    /// PRIORITY), the priority and the width that the arguments give for element i, so an argument may be a whole
    /// array (<c>demand</c>, <c>p[*, ppriority]</c>) or an expression of the element (<c>p[region, pwidth]</c>). The
    /// allocation is ALLOCATE AVAILABLE's over these curves; the requests and curves are computed once per step into
    /// hidden slots shared by the elements of the equation.
    /// </summary>
    private MethodCallExpression LowerXmileAllocate(CallExpr call, LoweringContext cx)
    {
        var args = call.Arguments;
        if (args[1] is not ReferenceExpr { Subscripts.Count: 0 } dimension || !_dimensions.TryGetValue(dimension.Name, out var range))
        {
            throw Error(cx.Location, cx.Variable, new Diagnostic(DiagnosticCode.AllocateWithoutDimension));
        }

        var position = cx.Bindings.TryGet(range.Key, out var current) ? range.ElementKeys.IndexOf(current) : -1;
        if (position < 0)
        {
            throw Error(cx.Location, cx.Variable, new Diagnostic(DiagnosticCode.AllocateAlongRange, ("range", range.Name)));
        }

        const int Fields = 5;
        var count = range.Elements.Count;
        var others = string.Join(",", cx.Bindings.Pairs.Where(p => p.Key != range.Key).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));
        var key = (call, cx.Scope.Id, others);
        if (!_allocations.TryGetValue(key, out var first))
        {
            // Per requester: request, ptype, ppriority, pwidth, pextra (unused), as ALLOCATE AVAILABLE reads them.
            Expr[] parts = [args[2], args.Count > 5 ? args[5] : new NumberExpr(1), args[3], args[4], new NumberExpr(0)];
            first = _slots.Count;
            for (var i = 0; i < count; i++)
            {
                var element = cx.Bindings.With([new(range.Key, range.ElementKeys[i])]);
                foreach (var part in parts)
                {
                    var slot = NewSlot(cx.Variable, cx.Location);
                    var deps = new HashSet<int>();
                    SetAuxiliary(slot, Lower(WildcardsAlong(part, range), new LoweringContext(cx.Scope, element, false, deps, cx.Variable, cx.Location)), deps, true);
                }
            }

            _allocations[key] = first;
        }

        for (var k = 0; k < count * Fields; k++)
        {
            cx.Deps.Add(first + k);
        }

        return Allocated(first, Fields, first + 1, Fields, count, position, Lower(args[0], cx), cx);
    }

    /// <summary>An ALLOCATE argument with its wildcards standing for the allocation dimension's element being read.</summary>
    private static Expr WildcardsAlong(Expr argument, DimensionDefinition range) => argument is ReferenceExpr reference && reference.Subscripts.Any(sub => sub.Wildcard)
        ? reference with { Subscripts = [.. reference.Subscripts.Select(sub => sub.Wildcard ? new SubscriptRef(range.Key, false, false) : sub)] }
        : argument;

    /// <summary>
    /// The curves of one side of a market: the quantities along the last subscript of <paramref name="quantity"/>
    /// and their profiles along the second-to-last subscript of <paramref name="profile"/>, whose last subscript
    /// names the profile's first field (ptype) with ppriority, pwidth and pextra after it. Vensim passes both with
    /// the range's first element; the whole range is taken. Returns the first quantity slot and stride, the first
    /// profile slot and stride, and the count, as the allocation builtins take them.
    /// </summary>
    private int[] CurveRun(Expr quantity, Expr profile, string function, LoweringContext cx)
    {
        var message = new Diagnostic(DiagnosticCode.AllocationShape, ("function", function));
        if (quantity is not ReferenceExpr quantityReference || FindInstance(quantityReference.Name, cx) is not { Dimensions.Length: > 0, IsTableOnly: false } quantityInstance ||
            profile is not ReferenceExpr profileReference || FindInstance(profileReference.Name, cx) is not { Dimensions.Length: >= 2, IsTableOnly: false } profileInstance ||
            quantityInstance.Dimensions[^1].Elements.Count != profileInstance.Dimensions[^2].Elements.Count)
        {
            throw Error(cx.Location, cx.Variable, message);
        }

        var count = quantityInstance.Dimensions[^1].Elements.Count;
        var fields = profileInstance.Dimensions[^1].Elements.Count;
        var flat = ResolveElement(quantityReference, quantityInstance, cx);
        var firstQuantity = flat - (flat % count);
        var profileFlat = ResolveElement(profileReference, profileInstance, cx);
        var field = profileFlat % fields;
        var row = profileFlat / fields;
        var firstRow = row - (row % count);
        var quantitySlots = new int[count];
        var profileSlots = new int[count];
        for (var i = 0; i < count; i++)
        {
            quantitySlots[i] = quantityInstance.Slots[firstQuantity + i];
            profileSlots[i] = ProfileFields(profileInstance, ((firstRow + i) * fields) + field, profileReference.DisplayName, cx);
            cx.Deps.Add(quantitySlots[i]);
        }

        var quantityStride = count > 1 ? quantitySlots[1] - quantitySlots[0] : 1;
        var profileStride = count > 1 ? profileSlots[1] - profileSlots[0] : 1;
        for (var i = 1; i < count; i++)
        {
            if (quantitySlots[i] != quantitySlots[0] + (i * quantityStride) || profileSlots[i] != profileSlots[0] + (i * profileStride))
            {
                throw Error(cx.Location, cx.Variable, message);
            }
        }

        return [quantitySlots[0], quantityStride, profileSlots[0], profileStride, count];
    }

    /// <summary>The slot of a priority profile's first field, its four fields (ptype, ppriority, pwidth, pextra) being consecutive.</summary>
    private int ProfileFields(Expr profile, string function, LoweringContext cx)
    {
        if (profile is not ReferenceExpr reference || FindInstance(reference.Name, cx) is not { Dimensions.Length: > 0, IsTableOnly: false } instance)
        {
            throw Error(cx.Location, cx.Variable, new Diagnostic(DiagnosticCode.PriorityProfileShape, ("function", function)));
        }

        return ProfileFields(instance, ResolveElement(reference, instance, cx), reference.DisplayName, cx);
    }

    private int ProfileFields(Instance instance, int flat, string name, LoweringContext cx)
    {
        var fields = instance.Dimensions[^1].Elements.Count;
        if (flat % fields + 4 > fields)
        {
            throw Error(cx.Location, cx.Variable, new Diagnostic(DiagnosticCode.PriorityProfileFieldsNamed, ("name", name)));
        }

        for (var k = 0; k < 4; k++)
        {
            if (instance.Slots[flat + k] != instance.Slots[flat] + k)
            {
                throw Error(cx.Location, cx.Variable, new Diagnostic(DiagnosticCode.PriorityProfileUnreadable, ("name", name)));
            }

            cx.Deps.Add(instance.Slots[flat + k]);
        }

        return instance.Slots[flat];
    }

    /// <summary>
    /// VECTOR SELECT's error action: 0 none, 1 stop the run when no element is selected, 2 when more than one is,
    /// 3 both. The run stops with an error naming the variable and the time; an action of 0 costs nothing.
    /// </summary>
    private Expression CheckSelection(Expression value, List<Expression> selected, Expr? errorAction, LoweringContext cx)
    {
        if (errorAction is null)
        {
            return value;
        }

        var constant = TryConstant(errorAction, cx.Scope);
        if (constant is { } a && a is not (0 or 1 or 2 or 3))
        {
            throw Error(cx.Location, cx.Variable, new Diagnostic(DiagnosticCode.VectorSelectErrorActionInvalid));
        }

        if (constant == 0)
        {
            return value;
        }

        var count = selected.Select(s => (Expression)Truth(s)).Aggregate(Expression.Add);
        return Expression.Call(
            typeof(Builtins.Functions).GetMethod(nameof(Builtins.Functions.CheckSelection))!,
            value,
            count,
            constant is { } c ? Expression.Constant(c) : Lower(errorAction, cx),
            Read(TimeSlot),
            Expression.Constant(ElementDisplayName(cx)),
            Expression.Constant(_model.Source),
            Expression.Constant(cx.Location));
    }

    /// <summary>The variable being lowered with its elements, as the modelling tool writes it (<c>share[north]</c>).</summary>
    private static string ElementDisplayName(LoweringContext cx)
    {
        if (!cx.Scope.Instances.TryGetValue(Names.Canonical(cx.Variable), out var instance) || instance.Dimensions.Length == 0)
        {
            return cx.Variable;
        }

        var elements = new List<string>();
        foreach (var dimension in instance.Dimensions)
        {
            var index = cx.Bindings.TryGet(dimension.Key, out var element) ? dimension.ElementKeys.IndexOf(element) : -1;
            if (index < 0)
            {
                return cx.Variable;
            }

            elements.Add(dimension.Elements[index]);
        }

        return $"{cx.Variable}[{string.Join(",", elements)}]";
    }

    /// <summary>
    /// VECTOR SELECT's numerical actions over the selected elements (selection value w, expression value v):
    /// 0–4 the sum, product, minimum, maximum and mean of w·v; 5 the product of v^w; 6–10 the sum, product,
    /// minimum, maximum and mean of v.
    /// </summary>
    private static Expression SelectAction(int action, List<(Expression Selection, Expression Value)> pairs, List<Expression> selected)
    {
        var values = pairs.Select(p => action switch
        {
            <= 4 => Expression.Multiply(p.Selection, p.Value),
            5 => Expression.Call(Pow, p.Value, p.Selection),
            _ => p.Value,
        }).ToList();
        Expression Fold(Expression identity, Func<Expression, Expression, Expression> combine) =>
            values.Select((v, i) => (Expression)Expression.Condition(selected[i], v, identity)).Aggregate(combine);
        return action switch
        {
            0 or 6 => Fold(Zero, Expression.Add),
            1 or 5 or 7 => Fold(One, Expression.Multiply),
            2 or 8 => Fold(Expression.Constant(double.PositiveInfinity), (a, b) => Expression.Call(MathMethod(nameof(Math.Min), 2), a, b)),
            3 or 9 => Fold(Expression.Constant(double.NegativeInfinity), (a, b) => Expression.Call(MathMethod(nameof(Math.Max), 2), a, b)),
            _ => Expression.Divide(Fold(Zero, Expression.Add), selected.Select(s => (Expression)Truth(s)).Aggregate(Expression.Add)),
        };
    }

    /// <summary>
    /// The selection and expression of VECTOR SELECT lowered together over every dimension either marks with
    /// '!', so arrays of different ranks broadcast against each other as Vensim does.
    /// </summary>
    private List<(Expression Selection, Expression Value)> ExpandTogether(Expr selection, Expr value, LoweringContext cx)
    {
        var iterated = new List<DimensionDefinition>();
        selection = MarkIteration(selection, cx, iterated);
        value = MarkIteration(value, cx, iterated);
        var dims = iterated.DistinctBy(d => d.Key).ToList();
        var count = dims.Aggregate(1L, (n, d) => n * d.Elements.Count);
        if (count > LargestVector * LargestVector)
        {
            throw Error(cx.Location, cx.Variable, new Diagnostic(DiagnosticCode.VectorSelectTooLarge, ("count", count), ("limit", LargestVector * LargestVector)));
        }

        IEnumerable<List<KeyValuePair<string, string>>> combos = [[]];
        foreach (var dim in dims)
        {
            combos = combos.SelectMany(c => dim.ElementKeys.Select(e => new List<KeyValuePair<string, string>>(c) { new("!" + dim.Key, e) }));
        }

        var result = new List<(Expression, Expression)>();
        foreach (var combo in combos)
        {
            var element = cx.With(cx.Bindings.With(combo));
            result.Add((Lower(selection, element), Lower(value, element)));
        }

        return result;
    }

    /// <summary>The first slot and length of a vector along the last subscript, whose slots are consecutive.</summary>
    private (int First, int Position, int Count) ContiguousVector(Expr argument, LoweringContext cx)
    {
        if (argument is not ReferenceExpr reference || FindInstance(reference.Name, cx) is not { Dimensions.Length: > 0 } instance)
        {
            throw Error(cx.Location, cx.Variable, new Diagnostic(DiagnosticCode.AllocationNeedsSubscripts));
        }

        var length = instance.Dimensions[^1].Elements.Count;
        var flat = ResolveElement(reference, instance, cx);
        var position = flat % length;
        var first = flat - position;
        for (var j = 0; j < length; j++)
        {
            if (instance.Slots[first + j] != instance.Slots[first] + j)
            {
                throw Error(cx.Location, cx.Variable, new Diagnostic(DiagnosticCode.NotAnAllocationVector, ("name", reference.DisplayName)));
            }

            cx.Deps.Add(instance.Slots[first + j]);
        }

        return (instance.Slots[first], position, length);
    }

    /// <summary>1-based rank of element <paramref name="position"/>; ties keep element order, as a stable sort does.</summary>
    private static Expression Rank(List<Expression> values, int position, bool ascending)
    {
        Expression rank = One;
        for (var j = 0; j < values.Count; j++)
        {
            if (j == position)
            {
                continue;
            }

            Expression before = ascending ? Expression.LessThan(values[j], values[position]) : Expression.GreaterThan(values[j], values[position]);
            if (j < position)
            {
                before = Expression.OrElse(before, Expression.Equal(values[j], values[position]));
            }

            rank = Expression.Add(rank, Truth(before));
        }

        return rank;
    }

    /// <summary>The 0-based index of the element that comes <paramref name="position"/>-th once the vector is sorted.</summary>
    private static Expression SortOrder(List<Expression> values, int position, bool ascending)
    {
        Expression index = Zero;
        for (var j = 0; j < values.Count; j++)
        {
            var isThere = Expression.Equal(Rank(values, j, ascending), Expression.Constant((double)(position + 1)));
            index = Expression.Add(index, Expression.Condition(isThere, Expression.Constant((double)j), Zero));
        }

        return index;
    }

    /// <summary>
    /// The whole vector along the last subscript of a reference, and the position along it of the element the
    /// reference designates in the current equation.
    /// </summary>
    private (List<Expression> Values, int Position) AlongLastDimension(Expr argument, LoweringContext cx)
    {
        if (argument is not ReferenceExpr reference || FindInstance(reference.Name, cx) is not { Dimensions.Length: > 0 } instance)
        {
            throw Error(cx.Location, cx.Variable, new Diagnostic(DiagnosticCode.VectorNeedsSubscripts));
        }

        var last = instance.Dimensions[^1];
        if (last.Elements.Count > LargestVector)
        {
            throw Error(cx.Location, cx.Variable, new Diagnostic(DiagnosticCode.VectorTooLarge, ("limit", LargestVector), ("name", reference.DisplayName), ("size", last.Elements.Count)));
        }

        var flat = ResolveElement(reference, instance, cx);
        var position = flat % last.Elements.Count;
        var first = flat - position;
        var values = new List<Expression>(last.Elements.Count);
        for (var j = 0; j < last.Elements.Count; j++)
        {
            var slot = instance.Slots[first + j];
            cx.Deps.Add(slot);
            values.Add(Read(slot));
        }

        return (values, position);
    }
}
