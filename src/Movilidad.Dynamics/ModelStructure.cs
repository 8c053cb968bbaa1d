using Movilidad.Dynamics.Equations;
using Movilidad.Dynamics.Model;

namespace Movilidad.Dynamics;

/// <summary>What a variable is in a stock-and-flow diagram.</summary>
public enum StructureKind
{
    /// <summary>An accumulation (Vensim INTEG, XMILE stock).</summary>
    Stock,

    /// <summary>A rate that fills or drains a stock.</summary>
    Flow,

    /// <summary>A computed variable.</summary>
    Auxiliary,

    /// <summary>A number the modeller sets (a scenario lever or a calibrated value).</summary>
    Constant,

    /// <summary>A lookup (graphical function).</summary>
    Lookup,

    /// <summary>A series read from data (Vensim data variables, GET DATA functions).</summary>
    Data,

    /// <summary>The simulation control (initial and final time, time step, save step).</summary>
    Control,
}

/// <summary>
/// One variable of a model as a modeller reads it: kind, units, comment, the constant's value, the variables its
/// equation uses, and for a stock its inflows and outflows.
/// </summary>
public sealed record StructureVariable(
    string Name,
    StructureKind Kind,
    string? Units,
    string? Comment,
    double? Value,
    IReadOnlyList<string> Uses,
    IReadOnlyList<string> Inflows,
    IReadOnlyList<string> Outflows);

/// <summary>The variables of a model's main body, in the order the file defines them (control last).</summary>
public static class ModelStructure
{
    private static readonly HashSet<string> ControlNames = ["initial time", "final time", "time step", "saveper"];

    /// <summary>Describes the model's variables; flows are the variables a stock's rate adds or subtracts.</summary>
    public static IReadOnlyList<StructureVariable> Describe(this SystemDynamicsModel model)
    {
        var body = model.Main;
        var display = body.Order.ToDictionary(v => v.Key, v => v.Name, StringComparer.Ordinal);
        string Display(string key) => display.TryGetValue(key, out var name) ? name : key;

        var flows = new Dictionary<string, (List<string> In, List<string> Out)>(StringComparer.Ordinal);
        foreach (var stock in body.Order.Where(v => v.Kind == VariableKind.Stock))
        {
            var inflows = new List<string>();
            var outflows = new List<string>();
            foreach (var equation in stock.Equations)
            {
                inflows.AddRange(equation.Inflows);
                outflows.AddRange(equation.Outflows);
                if (equation.Expression is CallExpr { Function: "integ", Arguments.Count: > 0 } integ)
                {
                    Terms(integ.Arguments[0], true, inflows, outflows);
                }
            }

            flows[stock.Key] = ([.. inflows.Distinct().Where(display.ContainsKey)], [.. outflows.Distinct().Where(display.ContainsKey)]);
        }

        var flowKeys = flows.Values.SelectMany(f => f.In.Concat(f.Out)).ToHashSet(StringComparer.Ordinal);
        return [.. body.Order
            .Where(v => v.Kind != VariableKind.Module)
            .Select(v =>
            {
                var uses = new HashSet<string>(StringComparer.Ordinal);
                foreach (var equation in v.Equations)
                {
                    References(equation.Expression, uses);
                }

                uses.Remove(v.Key);
                var value = v.Equations is [{ Expression: NumberExpr number }] ? number.Value
                    : v.Equations is [{ Expression: UnaryExpr { Operator: "-", Operand: NumberExpr negative } }] ? -negative.Value
                    : (double?)null;
                var kind = ControlNames.Contains(v.Key) ? StructureKind.Control
                    : v.Kind switch
                    {
                        VariableKind.Stock => StructureKind.Stock,
                        VariableKind.Flow => StructureKind.Flow,
                        VariableKind.Lookup => StructureKind.Lookup,
                        VariableKind.Data => StructureKind.Data,
                        _ when flowKeys.Contains(v.Key) => StructureKind.Flow,
                        _ when value is not null => StructureKind.Constant,
                        _ => StructureKind.Auxiliary,
                    };
                var (inflows, outflows) = flows.TryGetValue(v.Key, out var f) ? (f.In, f.Out) : ([], []);
                return new StructureVariable(
                    v.Name, kind, model.UnitsOf(v.Name), v.Comment, value,
                    [.. uses.Where(display.ContainsKey).Select(Display)], [.. inflows.Select(Display)], [.. outflows.Select(Display)]);
            })
            .OrderBy(v => v.Kind == StructureKind.Control)];
    }

    /// <summary>The references a stock's rate adds (inflows) and subtracts (outflows).</summary>
    private static void Terms(Expr rate, bool positive, List<string> inflows, List<string> outflows)
    {
        switch (rate)
        {
            case ReferenceExpr reference:
                (positive ? inflows : outflows).Add(reference.Name);
                break;
            case BinaryExpr { Operator: "+" } sum:
                Terms(sum.Left, positive, inflows, outflows);
                Terms(sum.Right, positive, inflows, outflows);
                break;
            case BinaryExpr { Operator: "-" } difference:
                Terms(difference.Left, positive, inflows, outflows);
                Terms(difference.Right, !positive, inflows, outflows);
                break;
            case UnaryExpr { Operator: "-" } negation:
                Terms(negation.Operand, !positive, inflows, outflows);
                break;
            case UnaryExpr { Operator: "+" } plus:
                Terms(plus.Operand, positive, inflows, outflows);
                break;
        }
    }

    private static void References(Expr? expr, HashSet<string> names)
    {
        switch (expr)
        {
            case ReferenceExpr reference:
                names.Add(reference.Name);
                foreach (var index in reference.Subscripts)
                {
                    References(index.Index, names);
                }

                break;
            case CallExpr call:
                names.Add(call.Function);
                foreach (var argument in call.Arguments)
                {
                    References(argument, names);
                }

                break;
            case UnaryExpr unary:
                References(unary.Operand, names);
                break;
            case BinaryExpr binary:
                References(binary.Left, names);
                References(binary.Right, names);
                break;
            case ConditionalExpr conditional:
                References(conditional.Condition, names);
                References(conditional.WhenTrue, names);
                References(conditional.WhenFalse, names);
                break;
        }
    }
}
