using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Movilidad.Dynamics.Builtins;
using Movilidad.Dynamics.Model;

namespace Movilidad.Dynamics.Equations;

/// <summary>
/// Lowers a model to scalar equations over one flat array of doubles (every element of every array its own slot),
/// orders them by dependency and emits one compiled method per phase.
/// </summary>
internal sealed partial class ModelCompiler
{
    public const int TimeSlot = 0;
    public const int DtSlot = 1;
    public const int StartSlot = 2;
    public const int StopSlot = 3;
    public const int SaveSlot = 4;
    private const int ReservedSlots = 5;

    private static readonly MethodInfo Pow = typeof(Math).GetMethod(nameof(Math.Pow), [typeof(double), typeof(double)])!;

    private readonly SystemDynamicsModel _model;
    private readonly CancellationToken _cancellation;
    private readonly List<Slot> _slots = [];
    private readonly List<LookupTable> _tables = [];
    private readonly Dictionary<string, int> _tableByName = new(StringComparer.Ordinal);
    private readonly Dictionary<int, string> _dataTableNames = [];
    private readonly List<Expression> _updates = [];

    /// <summary>The hidden request and profile slots of each XMILE ALLOCATE call, shared by the elements it computes.</summary>
    private readonly Dictionary<(CallExpr Call, int Scope, string Others), int> _allocations = [];
    private readonly Queue<Instance> _pending = new();
    private readonly Dictionary<Expr, Dictionary<string, object>> _callSites = new(ReferenceEqualityComparer.Instance);
    private readonly ParameterExpression _state = Expression.Parameter(typeof(double[]), "s");
    private readonly ParameterExpression _rates = Expression.Parameter(typeof(double[]), "d");
    private readonly ParameterExpression _context = Expression.Parameter(typeof(RunContext), "ctx");
    private readonly Scope _main;
    private readonly Dictionary<string, DimensionDefinition> _dimensions;
    private readonly Dictionary<string, List<DimensionDefinition>> _dimensionsOfElement = new(StringComparer.Ordinal);
    private int _scopeCount;
    private int _lineCount;
    private int _randomCount;

    private bool _single;

    private bool _oneRun;

    private ModelCompiler(SystemDynamicsModel model, CancellationToken cancellation)
    {
        _model = model;
        _cancellation = cancellation;
        _main = new Scope(_scopeCount++, model.Main, string.Empty) { Saved = true };
        _dimensions = model.Dimensions;
        foreach (var dim in _dimensions.Values)
        {
            dim.Elements = ExpandSubranges(dim, 0);
        }

        foreach (var dim in _dimensions.Values.Where(d => d.EquivalentTo is not null))
        {
            if (_dimensions.TryGetValue(dim.EquivalentTo!, out var target))
            {
                dim.Elements = target.Elements;
            }
        }

        foreach (var dim in _dimensions.Values)
        {
            foreach (var element in dim.ElementKeys)
            {
                if (!_dimensionsOfElement.TryGetValue(element, out var list))
                {
                    _dimensionsOfElement[element] = list = [];
                }

                list.Add(dim);
            }
        }

        string[] control = ["time", "time step", "initial time", "final time", "saveper"];
        for (var i = 0; i < ReservedSlots; i++)
        {
            _slots.Add(new Slot(i, control[i], string.Empty));
        }
    }

    private bool IsVensim => _model.Format == ModelFormat.Vensim;

    /// <summary>A range may list another range among its elements, defined before or after it.</summary>
    private List<string> ExpandSubranges(DimensionDefinition dim, int depth)
    {
        var result = new List<string>();
        foreach (var element in dim.Elements)
        {
            var key = Names.Canonical(element);
            if (depth < 20 && key != dim.Key && _dimensions.TryGetValue(key, out var sub))
            {
                result.AddRange(ExpandSubranges(sub, depth + 1));
            }
            else
            {
                result.Add(element);
            }
        }

        return result;
    }

    public static CompiledModel Compile(SystemDynamicsModel model, Precision precision, CompileFor purpose, CancellationToken cancellationToken)
    {
        var compiler = new ModelCompiler(model, cancellationToken) { _single = precision == Precision.Single, _oneRun = purpose == CompileFor.OneRun };
        return compiler.Run();
    }

    private CompiledModel Run()
    {
        InstantiateAll(_main);

        while (_pending.Count > 0)
        {
            _cancellation.ThrowIfCancellationRequested();
            LowerInstance(_pending.Dequeue());
        }

        ConfigureControlSlots();
        return Emit();
    }

    /// <summary>Every variable of a saved scope is computed and saved, including those of its modules.</summary>
    private void InstantiateAll(Scope scope)
    {
        foreach (var variable in scope.Body.Order)
        {
            if (variable.Kind == VariableKind.Module)
            {
                InstantiateAll(ModuleScope(scope, variable));
            }
            else if (!scope.Parameters.ContainsKey(variable.Key))
            {
                EnsureInstance(scope, variable.Key, variable.Location);
            }
        }
    }

    private void ConfigureControlSlots()
    {
        foreach (var i in new[] { DtSlot, StartSlot, StopSlot, SaveSlot })
        {
            var slot = _slots[i];
            if (slot.Init is null)
            {
                var spec = i switch
                {
                    DtSlot => _model.Specs.Dt ?? 1,
                    StartSlot => _model.Specs.Start ?? 0,
                    StopSlot => _model.Specs.Stop ?? 10,
                    _ => _model.Specs.SaveStep ?? double.NaN,
                };
                slot.Init = Expression.Constant(spec);
            }
        }
    }

    private BinaryExpression Read(int slot) => Expression.ArrayIndex(_state, Expression.Constant(slot));

    private Slot NewSlot(string variable, string location)
    {
        var slot = new Slot(_slots.Count, variable, location);
        _slots.Add(slot);
        return slot;
    }

    private ModelException Error(string location, string? variable, Diagnostic message) =>
        ModelException.At(message, _model.Source, location, variable);

    private Instance EnsureInstance(Scope scope, string key, string location)
    {
        if (scope.Instances.TryGetValue(key, out var existing))
        {
            return existing;
        }

        var definition = scope.Body.Variables[key];
        var dims = VariableDimensions(definition);
        var count = dims.Aggregate(1, (n, d) => n * d.Elements.Count);
        var instance = new Instance(definition, scope, dims, count);
        scope.Instances[key] = instance;
        instance.IsTableOnly = definition.Kind == VariableKind.Lookup;
        var control = scope == _main && IsVensim ? key switch
        {
            "time step" => DtSlot,
            "initial time" => StartSlot,
            "final time" => StopSlot,
            "saveper" => SaveSlot,
            _ => -1,
        } : -1;
        var names = ElementNames(dims);
        for (var e = 0; e < count; e++)
        {
            if (instance.IsTableOnly)
            {
                instance.Slots[e] = -1;
                continue;
            }

            var slot = control >= 0 ? _slots[control] : NewSlot(definition.Name, definition.Location);
            if (scope.Saved)
            {
                slot.OutputName = scope.Prefix + (names[e].Length == 0 ? definition.Name : $"{definition.Name}[{names[e]}]");
            }

            instance.Slots[e] = slot.Index;
        }

        _pending.Enqueue(instance);
        return instance;
    }

    private static List<string> ElementNames(DimensionDefinition[] dims)
    {
        var names = new List<string> { string.Empty };
        foreach (var dim in dims)
        {
            names = [.. names.SelectMany(prefix => dim.Elements.Select(e => prefix.Length == 0 ? e : prefix + "," + e))];
        }

        return names;
    }

    private DimensionDefinition[] VariableDimensions(VariableDefinition definition)
    {
        if (definition.DeclaredDimensions.Count > 0)
        {
            return [.. definition.DeclaredDimensions.Select(d => _dimensions.TryGetValue(d, out var dim)
                ? dim
                : throw Error(definition.Location, definition.Name, new Diagnostic(DiagnosticCode.UnknownDimension, ("dimension", d))))];
        }

        var rank = definition.Equations.Count == 0 ? 0 : definition.Equations.Max(e => e.Subscripts.Count);
        var result = new DimensionDefinition[rank];
        for (var p = 0; p < rank; p++)
        {
            var used = new HashSet<string>(StringComparer.Ordinal);
            var named = new List<DimensionDefinition>();
            foreach (var equation in definition.Equations)
            {
                if (p >= equation.Subscripts.Count)
                {
                    throw Error(equation.Location, definition.Name, new Diagnostic(DiagnosticCode.EquationsDifferInSubscripts));
                }

                var s = equation.Subscripts[p];
                if (_dimensions.TryGetValue(s, out var dim))
                {
                    named.Add(dim);
                    used.UnionWith(dim.ElementKeys);
                }
                else if (_dimensionsOfElement.ContainsKey(s))
                {
                    used.Add(s);
                }
                else
                {
                    throw Error(equation.Location, definition.Name, new Diagnostic(DiagnosticCode.NotRangeNorElement, ("name", s)));
                }
            }

            var candidates = _dimensions.Values.Where(d => d.EquivalentTo is null && used.All(u => d.ElementKeys.Contains(u))).ToList();
            if (candidates.Count == 0)
            {
                candidates = [.. _dimensions.Values.Where(d => used.All(u => d.ElementKeys.Contains(u)))];
            }

            if (candidates.Count == 0)
            {
                throw Error(definition.Location, definition.Name, new Diagnostic(DiagnosticCode.NoRangeHoldsAll, ("names", string.Join(", ", used))));
            }

            var smallest = candidates.Min(d => d.Elements.Count);
            var best = candidates.Where(d => d.Elements.Count == smallest).ToList();
            var pick = best.FirstOrDefault(d => named.Any(n => n.Key == d.Key)) ?? best.FirstOrDefault(d => d.Mappings.Count == 0) ?? best[0];
            if (named.Count > 0 && named.All(n => n.Elements.Count == smallest))
            {
                pick = named[0];
            }

            result[p] = pick;
        }

        return result;
    }

    private int IndexInDimension(DimensionDefinition dim, string element)
    {
        var keys = dim.ElementKeys;
        for (var i = 0; i < keys.Count; i++)
        {
            if (keys[i] == element)
            {
                return i;
            }
        }

        if (!IsVensim && int.TryParse(element, NumberStyles.Integer, CultureInfo.InvariantCulture, out var position) && position >= 1 && position <= keys.Count)
        {
            return position - 1;
        }

        return -1;
    }

    /// <summary>Every element an equation defines, with the dimension names on its left side bound to that element.</summary>
    private IEnumerable<(int Flat, Bindings Bindings)> EquationElements(EquationDefinition equation, DimensionDefinition[] dims, Bindings outer, VariableDefinition definition)
    {
        var options = new List<List<(int Index, string? Dim, string Element)>>();
        for (var p = 0; p < dims.Length; p++)
        {
            var list = new List<(int, string?, string)>();
            var s = p < equation.Subscripts.Count ? equation.Subscripts[p] : dims[p].Key;
            if (_dimensions.TryGetValue(s, out var dim) && IndexInDimension(dims[p], s) < 0)
            {
                foreach (var element in dim.ElementKeys)
                {
                    var index = IndexInDimension(dims[p], element);
                    if (index < 0)
                    {
                        index = dim.Elements.Count == dims[p].Elements.Count ? dim.ElementKeys.IndexOf(element) : -1;
                    }

                    if (index < 0)
                    {
                        throw Error(equation.Location, definition.Name, new Diagnostic(DiagnosticCode.ElementNotInRange, ("element", element), ("dimension", dim.Name), ("range", dims[p].Name)));
                    }

                    list.Add((index, s, element));
                }
            }
            else
            {
                var index = IndexInDimension(dims[p], s);
                if (index < 0)
                {
                    throw Error(equation.Location, definition.Name, new Diagnostic(DiagnosticCode.NotElementOfRange, ("name", s), ("range", dims[p].Name)));
                }

                list.Add((index, null, dims[p].ElementKeys[index]));
            }

            options.Add(list);
        }

        IEnumerable<List<(int Index, string? Dim, string Element)>> combos = [[]];
        foreach (var option in options)
        {
            combos = combos.SelectMany(c => option.Select(o => new List<(int, string?, string)>(c) { o }));
        }

        foreach (var combo in combos)
        {
            if (equation.Except.Any(ex => ExceptMatches(ex, combo)))
            {
                continue;
            }

            var flat = 0;
            for (var p = 0; p < dims.Length; p++)
            {
                flat = (flat * dims[p].Elements.Count) + combo[p].Index;
            }

            var pairs = new List<KeyValuePair<string, string>>();
            for (var p = 0; p < dims.Length; p++)
            {
                pairs.Add(new(dims[p].Key, dims[p].ElementKeys[combo[p].Index]));
                if (combo[p].Dim is { } d)
                {
                    pairs.Add(new(d, combo[p].Element));
                }
            }

            yield return (flat, outer.With(pairs));
        }
    }

    private bool ExceptMatches(IReadOnlyList<string> except, List<(int Index, string? Dim, string Element)> combo)
    {
        for (var p = 0; p < except.Count && p < combo.Count; p++)
        {
            var s = except[p];
            var element = combo[p].Element;
            if (_dimensions.TryGetValue(s, out var dim))
            {
                if (!dim.ElementKeys.Contains(element))
                {
                    return false;
                }
            }
            else if (s != element)
            {
                return false;
            }
        }

        return true;
    }
}
