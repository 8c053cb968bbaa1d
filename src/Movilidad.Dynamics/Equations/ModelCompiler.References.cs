using System.Linq.Expressions;
using Movilidad.Dynamics.Model;

namespace Movilidad.Dynamics.Equations;

internal sealed partial class ModelCompiler
{
    private Expression LowerReference(ReferenceExpr reference, LoweringContext cx)
    {
        var key = reference.Name;
        if (cx.Scope.Parameters.TryGetValue(key, out var argument))
        {
            return Lower(argument.Argument, cx.With(argument.Scope, argument.Bindings));
        }

        // Inside a macro a name ending in '$' is the enclosing model's variable (Vensim: "TIME STEP$"), unsubscripted;
        // a variable whose own name ends in '$' ("DOLLAR SIGN$") is itself.
        if (key.EndsWith('$') && key.Length > 1 && FindInstance(key, cx) is null)
        {
            var outer = Names.Canonical(key.TrimEnd('$'));
            return LowerReference(reference with { Name = outer, DisplayName = reference.DisplayName.TrimEnd().TrimEnd('$') }, cx.With(_main, Bindings.Empty));
        }

        // XMILE: SELF in a variable's equation is the variable itself (the element being computed), as in PREVIOUS(SELF, 0).
        if (key == "self" && !IsVensim && FindInstance(key, cx) is null)
        {
            return LowerReference(new ReferenceExpr(Names.Canonical(cx.Variable), cx.Variable, reference.Subscripts), cx);
        }

        var instance = FindInstance(key, cx);
        if (instance is null)
        {
            // A subscript range used as a value stands for the position (from 1) of the element being computed,
            // counted in the widest range holding it: a subrange's elements keep their parent's numbers.
            if (reference.Subscripts.Count == 0 && _dimensions.ContainsKey(key) && cx.Bindings.TryGet(key, out var bound))
            {
                var parent = _dimensionsOfElement[bound].MaxBy(d => d.Elements.Count)!;
                return Expression.Constant((double)(parent.ElementKeys.IndexOf(bound) + 1));
            }

            if (reference.Subscripts.Count == 0 && !_dimensions.ContainsKey(key) && _dimensionsOfElement.TryGetValue(key, out var holders))
            {
                return Expression.Constant((double)(holders[0].ElementKeys.IndexOf(key) + 1));
            }

            // XMILE: Dim.Element used as a value is the element's position in the dimension (from 1), as Stella gives it.
            var dot = key.IndexOf('.', StringComparison.Ordinal);
            if (!IsVensim && reference.Subscripts.Count == 0 && dot > 0 && _dimensions.TryGetValue(key[..dot], out var named)
                && IndexInDimension(named, key[(dot + 1)..]) is >= 0 and var position)
            {
                return Expression.Constant((double)(position + 1));
            }

            return LowerBuiltinName(reference, cx);
        }

        if (instance.IsTableOnly)
        {
            throw Error(cx.Location, cx.Variable, new Diagnostic(DiagnosticCode.LookupWithoutInput, ("name", reference.DisplayName)));
        }

        // Stella maps a dimension onto another with an arrayed variable used as the subscript (a[dim_ab_map]): its
        // value, for the element being computed, is the position picked, as with an expression index.
        if (!IsVensim && reference.Subscripts.Any(sub => IsVariableSubscript(sub, cx)))
        {
            reference = reference with
            {
                Subscripts = [.. reference.Subscripts.Select(sub => IsVariableSubscript(sub, cx) ? sub with { Index = new ReferenceExpr(sub.Name, sub.Name, []) } : sub)],
            };
        }

        if (reference.Subscripts.Any(sub => sub.Index is not null))
        {
            return LowerIndexedReference(reference, instance, cx);
        }

        var flat = ResolveElement(reference, instance, cx);
        var slot = instance.Slots[flat];
        cx.Deps.Add(slot);
        return Read(slot);
    }

    /// <summary>
    /// An XMILE reference whose subscript is an expression: the element at that position (from 1, truncated) of its
    /// dimension, chosen at run time among the elements the other subscripts leave; 0 when the position is outside.
    /// </summary>
    private MethodCallExpression LowerIndexedReference(ReferenceExpr reference, Instance instance, LoweringContext cx)
    {
        var dims = instance.Dimensions;
        var dynamic = reference.Subscripts.Select((sub, p) => (sub, p)).Where(x => x.sub.Index is not null).ToList();
        if (dynamic.Count != 1 || reference.Subscripts.Count != dims.Length)
        {
            throw Error(cx.Location, cx.Variable, new Diagnostic(DiagnosticCode.OneComputedSubscript, ("name", reference.DisplayName)));
        }

        var (indexed, position) = dynamic[0];
        var flatFirst = 0;
        var stride = 1;
        for (var p = 0; p < dims.Length; p++)
        {
            var index = p == position ? 0 : ResolveSubscript(reference.Subscripts[p], dims[p], cx, reference.DisplayName);
            flatFirst = (flatFirst * dims[p].Elements.Count) + index;
        }

        for (var p = position + 1; p < dims.Length; p++)
        {
            stride *= dims[p].Elements.Count;
        }

        var count = dims[position].Elements.Count;
        var first = instance.Slots[flatFirst];
        var slotStride = count > 1 ? instance.Slots[flatFirst + stride] - first : 1;
        for (var e = 0; e < count; e++)
        {
            var slot = instance.Slots[flatFirst + (e * stride)];
            if (slot != first + (e * slotStride))
            {
                throw Error(cx.Location, cx.Variable, new Diagnostic(DiagnosticCode.CannotIndexHere, ("name", reference.DisplayName)));
            }

            cx.Deps.Add(slot);
        }

        return Expression.Call(
            typeof(Builtins.Functions).GetMethod(nameof(Builtins.Functions.ElementAt))!,
            _state,
            Expression.Constant(first),
            Expression.Constant(slotStride),
            Expression.Constant(count),
            Lower(indexed.Index!, cx));
    }

    private bool IsVariableSubscript(SubscriptRef subscript, LoweringContext cx) =>
        subscript is { Index: null, Bang: false, Wildcard: false } && !_dimensions.ContainsKey(subscript.Name) &&
        !_dimensionsOfElement.ContainsKey(subscript.Name) && cx.Scope.Body.Variables.ContainsKey(subscript.Name);

    private Instance? FindInstance(string key, LoweringContext cx)
    {
        var scope = cx.Scope;
        if (scope.Body.Variables.ContainsKey(key))
        {
            if (scope.Body.Variables[key].Kind == VariableKind.Module)
            {
                return null;
            }

            return EnsureInstance(scope, key, cx.Location);
        }

        var dot = key.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            var moduleName = key[..dot];
            var inner = key[(dot + 1)..];
            if (scope.Body.Variables.TryGetValue(moduleName, out var module) && module.Kind == VariableKind.Module)
            {
                var moduleScope = ModuleScope(scope, module);
                if (moduleScope.Body.Variables.ContainsKey(inner))
                {
                    return EnsureInstance(moduleScope, inner, cx.Location);
                }
            }
        }

        return null;
    }

    private Scope ModuleScope(Scope parent, VariableDefinition module)
    {
        if (parent.Modules.TryGetValue(module.Key, out var existing))
        {
            return existing;
        }

        if (module.ModuleModel is null || !_model.Submodels.TryGetValue(module.ModuleModel, out var body))
        {
            throw Error(module.Location, module.Name, new Diagnostic(DiagnosticCode.ModuleModelUndefined, ("model", module.ModuleModel)));
        }

        var scope = new Scope(_scopeCount++, body, parent.Prefix + module.Name + ".") { Saved = parent.Saved };
        foreach (var (to, from) in module.ModuleConnections)
        {
            var target = to.StartsWith(module.Key + ".", StringComparison.Ordinal) ? to[(module.Key.Length + 1)..] : to.TrimStart('.');
            var source = from.TrimStart('.');
            scope.Parameters[target] = new ArgumentBinding(new ReferenceExpr(source, source, []), parent, Bindings.Empty);
        }

        parent.Modules[module.Key] = scope;
        return scope;
    }

    private Expression LowerBuiltinName(ReferenceExpr reference, LoweringContext cx)
    {
        switch (reference.Name)
        {
            case "time":
                cx.UsesTime = true;
                cx.Deps.Add(TimeSlot);
                return Read(TimeSlot);
            case "dt" or "time step":
                cx.Deps.Add(DtSlot);
                return Read(DtSlot);
            case "starttime" or "initial time":
                cx.Deps.Add(StartSlot);
                return Read(StartSlot);
            case "stoptime" or "final time":
                cx.Deps.Add(StopSlot);
                return Read(StopSlot);
            case "saveper":
                cx.Deps.Add(SaveSlot);
                return Read(SaveSlot);
            case "pi":
                return Expression.Constant(Math.PI);
            case "e":
                return Expression.Constant(Math.E);
            case "inf" or "infinity":
                return Expression.Constant(double.PositiveInfinity);
            default:
                throw Error(cx.Location, cx.Variable, new Diagnostic(DiagnosticCode.UnknownVariable, ("name", reference.DisplayName)));
        }
    }

    /// <summary>The flat element index a reference designates, given the dimension names bound by the equation being lowered.</summary>
    private int ResolveElement(ReferenceExpr reference, Instance instance, LoweringContext cx)
    {
        var dims = instance.Dimensions;
        if (dims.Length == 0)
        {
            if (reference.Subscripts.Count > 0)
            {
                throw Error(cx.Location, cx.Variable, new Diagnostic(DiagnosticCode.UnsubscriptedUsedWithSubscripts, ("name", reference.DisplayName), ("subscripts", string.Join(",", reference.Subscripts.Select(s => s.Name)))));
            }

            return 0;
        }

        var subscripts = reference.Subscripts;
        if (subscripts.Count == 0)
        {
            subscripts = [.. dims.Select(d => new SubscriptRef(d.Key, false, false))];
        }

        if (subscripts.Count != dims.Length)
        {
            throw Error(cx.Location, cx.Variable, new Diagnostic(DiagnosticCode.SubscriptCountMismatch, ("name", reference.DisplayName), ("expected", dims.Length), ("given", subscripts.Count)));
        }

        var flat = 0;
        for (var p = 0; p < dims.Length; p++)
        {
            var index = ResolveSubscript(subscripts[p], dims[p], cx, reference.DisplayName);
            flat = (flat * dims[p].Elements.Count) + index;
        }

        return flat;
    }

    private int ResolveSubscript(SubscriptRef subscript, DimensionDefinition target, LoweringContext cx, string variable)
    {
        var name = QualifiedElement(subscript.Name);
        if (subscript.Bang || subscript.Wildcard)
        {
            var dimKey = subscript.Wildcard ? target.Key : name;
            if (cx.Bindings.TryGet("!" + dimKey, out var iterated))
            {
                var mapped = Translate(dimKey, iterated, target);
                if (mapped >= 0)
                {
                    return mapped;
                }
            }

            throw Error(cx.Location, cx.Variable, new Diagnostic(DiagnosticCode.BangOutsideArrayFunction, ("variable", variable), ("name", name)));
        }

        if (cx.Bindings.TryGet(name, out var element))
        {
            var mapped = Translate(name, element, target);
            if (mapped >= 0)
            {
                return mapped;
            }
        }

        var direct = IndexInDimension(target, name);
        if (direct >= 0 && !_dimensions.ContainsKey(name))
        {
            return direct;
        }

        if (_dimensions.TryGetValue(name, out var named))
        {
            var pairs = cx.Bindings.Pairs.OrderByDescending(p => _dimensions.TryGetValue(p.Key, out var d) && Mapped(d, named)).ToList();
            foreach (var (boundDim, boundElement) in pairs)
            {
                if (boundDim.StartsWith('!') || !_dimensions.TryGetValue(boundDim, out _))
                {
                    continue;
                }

                var inNamed = Translate(boundDim, boundElement, named);
                if (inNamed >= 0)
                {
                    var mapped = Translate(name, named.ElementKeys[inNamed], target);
                    if (mapped >= 0)
                    {
                        return mapped;
                    }
                }
            }

            throw Error(cx.Location, cx.Variable, new Diagnostic(DiagnosticCode.DimensionMismatch, ("variable", variable), ("subscript", named.Name)));
        }

        if (direct >= 0)
        {
            return direct;
        }

        throw Error(cx.Location, cx.Variable, new Diagnostic(DiagnosticCode.NotElementOfRangeIn, ("name", name), ("range", target.Name), ("variable", variable)));
    }

    /// <summary>XMILE names an element with its dimension, as <c>Dim.Element</c>: the element, when the dimension holds it.</summary>
    private string QualifiedElement(string name)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || IsVensim || !_dimensions.TryGetValue(name[..dot], out var dim))
        {
            return name;
        }

        var element = name[(dot + 1)..];
        return dim.ElementKeys.Contains(element) || IndexInDimension(dim, element) >= 0 ? element : name;
    }

    /// <summary>Maps an element of one dimension onto another: same element, declared mapping, or position when sizes match.</summary>
    private int Translate(string fromDim, string element, DimensionDefinition target)
    {
        var direct = IndexInDimension(target, element);
        if (!_dimensions.TryGetValue(fromDim, out var from))
        {
            return direct;
        }

        if (direct >= 0 && (from.Key == target.Key || !Mapped(from, target)))
        {
            return direct;
        }

        var position = from.ElementKeys.IndexOf(element);
        if (position < 0)
        {
            return -1;
        }

        foreach (var mapping in from.Mappings)
        {
            if (mapping.Target == target.Key)
            {
                if (mapping.Elements is null)
                {
                    return position < target.Elements.Count ? position : -1;
                }

                if (position < mapping.Elements.Count)
                {
                    return IndexInDimension(target, mapping.Elements[position]);
                }
            }
        }

        foreach (var mapping in target.Mappings)
        {
            if (mapping.Target == from.Key)
            {
                if (mapping.Elements is null)
                {
                    return position < target.Elements.Count ? position : -1;
                }

                for (var i = 0; i < mapping.Elements.Count; i++)
                {
                    if (mapping.Elements[i] == element || (_dimensions.TryGetValue(mapping.Elements[i], out var sub) && sub.ElementKeys.Contains(element)))
                    {
                        return i;
                    }
                }
            }
        }

        if (direct >= 0)
        {
            return direct;
        }

        if (from.Elements.Count == target.Elements.Count && from.Mappings.Count == 0 && target.Mappings.Count == 0 && !IsSubrangeOfAnother(from, target))
        {
            return position;
        }

        return -1;
    }

    private static bool Mapped(DimensionDefinition a, DimensionDefinition b) =>
        a.Mappings.Any(m => m.Target == b.Key) || b.Mappings.Any(m => m.Target == a.Key);

    private static bool IsSubrangeOfAnother(DimensionDefinition a, DimensionDefinition b) =>
        a.ElementKeys.Intersect(b.ElementKeys, StringComparer.Ordinal).Any();

}
