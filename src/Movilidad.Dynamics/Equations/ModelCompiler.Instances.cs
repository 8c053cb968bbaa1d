using System.Linq.Expressions;
using Movilidad.Dynamics.Builtins;
using Movilidad.Dynamics.Model;

namespace Movilidad.Dynamics.Equations;

/// <summary>What the lowering of one equation needs to know: where names are looked up and what they are bound to.</summary>
internal sealed class LoweringContext(Scope scope, Bindings bindings, bool initial, HashSet<int> deps, string variable, string location)
{
    public Scope Scope { get; } = scope;

    public Bindings Bindings { get; } = bindings;

    /// <summary>True while lowering for the initial-value phase (ACTIVE INITIAL uses its second argument).</summary>
    public bool Initial { get; } = initial;

    public HashSet<int> Deps { get; } = deps;

    public string Variable { get; } = variable;

    public string Location { get; } = location;

    public bool UsesTime { get; set; }

    public LoweringContext With(Scope scope, Bindings bindings) =>
        new(scope, bindings, Initial, Deps, Variable, Location) { UsesTime = UsesTime };

    public LoweringContext With(Bindings bindings) => With(Scope, bindings);
}

internal sealed partial class ModelCompiler
{
    private void LowerInstance(Instance instance)
    {
        if (instance.Lowered)
        {
            return;
        }

        instance.Lowered = true;
        var definition = instance.Definition;
        var defined = new bool[instance.Slots.Length];
        var outer = Bindings.Empty;
        foreach (var equation in definition.Equations)
        {
            var k = 0;
            foreach (var (flat, bindings) in EquationElements(equation, instance.Dimensions, outer, definition))
            {
                defined[flat] = true;
                LowerElement(instance, equation, flat, bindings, k++);
            }
        }

        if (definition.Kind == VariableKind.Data && definition.Equations.All(e => e.Expression is null))
        {
            return;
        }

        // Vensim leaves elements without an equation out of the results and reads them as 0.
        for (var e = 0; e < defined.Length; e++)
        {
            if (!defined[e] && instance.Slots[e] >= 0)
            {
                var slot = _slots[instance.Slots[e]];
                slot.OutputName = null;
                SetConstant(slot, 0);
            }
        }
    }

    private void LowerElement(Instance instance, EquationDefinition equation, int flat, Bindings bindings, int ordinal)
    {
        var definition = instance.Definition;
        var scope = instance.Scope;
        var slotIndex = instance.Slots[flat];
        var slot = slotIndex >= 0 ? _slots[slotIndex] : null;
        var location = equation.Location;

        if (equation.Table is not null)
        {
            var mode = equation.TableKind switch
            {
                "extrapolate" => LookupMode.Extrapolate,
                "discrete" => LookupMode.Discrete,
                _ => LookupMode.Continuous,
            };
            var table = AddTable(new LookupTable(equation.Table.X, equation.Table.Y, mode), scope == _main ? ElementName(definition, instance, flat) : null);
            instance.Tables[flat] = table;
            if (slot is null)
            {
                return;
            }

            if (equation.Expression is null)
            {
                throw Error(location, definition.Name, new Diagnostic(DiagnosticCode.GraphicalFunctionWithoutInput));
            }

            var deps = new HashSet<int>();
            var cx = new LoweringContext(scope, bindings, false, deps, definition.Name, location);
            var input = Lower(equation.Expression, cx);
            SetAuxiliary(slot, Expression.Call(typeof(LookupTable).GetMethod(nameof(LookupTable.Evaluate))!, TableAt(table), input), deps, cx.UsesTime);
            return;
        }

        if (equation.Values is not null)
        {
            if (slot is null)
            {
                throw Error(location, definition.Name, new Diagnostic(DiagnosticCode.LookupGivenList));
            }

            if (ordinal >= equation.Values.Length)
            {
                throw Error(location, definition.Name, new Diagnostic(DiagnosticCode.ListTooShort, ("count", equation.Values.Length)));
            }

            SetConstant(slot, equation.Values[ordinal]);
            return;
        }

        if (definition.Kind == VariableKind.Data && equation.Expression is null)
        {
            var name = ElementName(definition, instance, flat);
            var table = AddTable(new LookupTable([], [], definition.DataMode), name);
            _dataTableNames[table] = name;
            instance.Tables[flat] = table;
            if (slot is not null)
            {
                SetAuxiliary(slot, DataAt(table), [], true);
            }

            return;
        }

        if (instance.IsTableOnly || (definition.Kind == VariableKind.Data && equation.Expression is CallExpr { Function: "get xls data" or "get direct data" or "get data" }))
        {
            var call = equation.Expression as CallExpr ?? throw Error(location, definition.Name, new Diagnostic(DiagnosticCode.LookupWithoutTable));
            var cells = _model.DataSources.ReadTable(call, ordinal, location, definition.Name);
            var table = AddTable(new LookupTable(cells.X, cells.Y, definition.DataMode), scope == _main ? ElementName(definition, instance, flat) : null);
            instance.Tables[flat] = table;
            if (slot is not null)
            {
                SetAuxiliary(slot, DataAt(table), [], true);
            }

            return;
        }

        if (slot is null)
        {
            throw Error(location, definition.Name, new Diagnostic(DiagnosticCode.NoEquation));
        }

        if (definition.Kind == VariableKind.Stock)
        {
            LowerStock(instance, equation, slot, bindings);
            return;
        }

        var expression = equation.Expression ?? throw Error(location, definition.Name, new Diagnostic(DiagnosticCode.NoEquation));
        if (expression is NumberExpr number)
        {
            SetConstant(slot, number.Value);
            return;
        }

        if (expression is UnaryExpr { Operator: "-", Operand: NumberExpr negative })
        {
            SetConstant(slot, -negative.Value);
            return;
        }

        if (expression is CallExpr { Function: "get xls constants" or "get direct constants" } constants)
        {
            // The block's shape comes from the ranges on the left side; single elements do not add a direction.
            var sizes = equation.Subscripts.Where(_dimensions.ContainsKey).Select(sub => _dimensions[sub].Elements.Count).ToList();
            SetConstant(slot, _model.DataSources.ReadConstant(constants, sizes.Count, sizes.Count == 0 ? 1 : sizes[^1], ordinal, location, definition.Name));
            return;
        }

        var dynamicDeps = new HashSet<int>();
        var dynamicCx = new LoweringContext(scope, bindings, false, dynamicDeps, definition.Name, location);
        var value = Lower(expression, dynamicCx);
        if (definition.NonNegative && definition.Kind == VariableKind.Flow)
        {
            value = Expression.Call(typeof(Math).GetMethod(nameof(Math.Max), [typeof(double), typeof(double)])!, Expression.Constant(0.0), value);
        }

        SetAuxiliary(slot, value, dynamicDeps, dynamicCx.UsesTime);
        if (ContainsActiveInitial(expression))
        {
            var initDeps = new HashSet<int>();
            var initCx = new LoweringContext(scope, bindings, true, initDeps, definition.Name, location);
            slot.Init = Lower(expression, initCx);
            slot.InitDeps = initDeps;
            slot.AlwaysDynamic = true;
        }
    }

    private static bool ContainsActiveInitial(Expr expr) => expr switch
    {
        CallExpr call => call.Function == "active initial" || call.Arguments.Any(ContainsActiveInitial),
        BinaryExpr b => ContainsActiveInitial(b.Left) || ContainsActiveInitial(b.Right),
        UnaryExpr u => ContainsActiveInitial(u.Operand),
        ConditionalExpr c => ContainsActiveInitial(c.Condition) || ContainsActiveInitial(c.WhenTrue) || ContainsActiveInitial(c.WhenFalse),
        _ => false,
    };

    private static string ElementName(VariableDefinition definition, Instance instance, int flat)
    {
        var names = ElementNames(instance.Dimensions);
        return names[flat].Length == 0 ? definition.Name : $"{definition.Name}[{names[flat]}]";
    }

    private void LowerStock(Instance instance, EquationDefinition equation, Slot slot, Bindings bindings)
    {
        var definition = instance.Definition;
        var location = equation.Location;
        Expr initial;
        Expr? rate;
        if (equation.Expression is CallExpr { Function: "integ" } integ)
        {
            if (integ.Arguments.Count != 2)
            {
                throw Error(location, definition.Name, new Diagnostic(DiagnosticCode.IntegArity, ("count", integ.Arguments.Count)));
            }

            rate = integ.Arguments[0];
            initial = integ.Arguments[1];
        }
        else
        {
            initial = equation.Expression ?? new NumberExpr(0);
            rate = null;
            Expr? net = null;
            foreach (var inflow in equation.Inflows)
            {
                var r = new ReferenceExpr(inflow, inflow, []);
                net = net is null ? r : new BinaryExpr("+", net, r);
            }

            foreach (var outflow in equation.Outflows)
            {
                var r = new ReferenceExpr(outflow, outflow, []);
                net = net is null ? new UnaryExpr("-", r) : new BinaryExpr("-", net, r);
            }

            rate = net ?? new NumberExpr(0);
        }

        slot.IsStock = true;
        slot.NonNegative = definition.NonNegative;
        var initDeps = new HashSet<int>();
        slot.Init = Lower(initial, new LoweringContext(instance.Scope, bindings, true, initDeps, definition.Name, location));
        slot.InitDeps = initDeps;
        var rateDeps = new HashSet<int>();
        slot.Rate = Lower(rate, new LoweringContext(instance.Scope, bindings, false, rateDeps, definition.Name, location));
        slot.DynamicDeps = rateDeps;
    }

    private static void SetConstant(Slot slot, double value)
    {
        slot.Init = Expression.Constant(value);
        slot.InitDeps = [];
    }

    private static void SetAuxiliary(Slot slot, Expression value, HashSet<int> deps, bool usesTime)
    {
        slot.Init = value;
        slot.InitDeps = deps;
        slot.Dynamic = value;
        slot.DynamicDeps = deps;
        slot.AlwaysDynamic = usesTime;
    }

    private int AddTable(LookupTable table, string? name)
    {
        _tables.Add(table);
        var id = _tables.Count - 1;
        if (name is not null)
        {
            _tableByName[Names.Canonical(name)] = id;
        }

        return id;
    }

    private BinaryExpression TableAt(int table) =>
        Expression.ArrayIndex(Expression.Property(_context, nameof(RunContext.Tables)), Expression.Constant(table));

    private MethodCallExpression DataAt(int table) =>
        Expression.Call(typeof(LookupTable).GetMethod(nameof(LookupTable.Evaluate))!, TableAt(table), Read(TimeSlot));
}
