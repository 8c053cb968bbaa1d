using Movilidad.Dynamics.Equations;

namespace Movilidad.Dynamics.Model;

internal enum VariableKind
{
    Auxiliary,
    Stock,
    Flow,
    Lookup,
    Data,
    Module,
}

/// <summary>One equation of a variable: apply-to-all, or covering some elements of its dimensions.</summary>
internal sealed class EquationDefinition
{
    public IReadOnlyList<string> Subscripts { get; init; } = [];

    public IReadOnlyList<IReadOnlyList<string>> Except { get; init; } = [];

    public Expr? Expression { get; init; }

    /// <summary>For XMILE stocks: the flows filling it; the expression is then the initial value.</summary>
    public IReadOnlyList<string> Inflows { get; init; } = [];

    public IReadOnlyList<string> Outflows { get; init; } = [];

    public TableExpr? Table { get; init; }

    public string TableKind { get; init; } = "continuous";

    /// <summary>A Vensim numeric list (<c>1, 2; 3, 4;</c>) filling the elements in order.</summary>
    public double[]? Values { get; init; }

    public string Location { get; init; } = string.Empty;
}

internal sealed class VariableDefinition(string name, VariableKind kind, string location)
{
    public string Name { get; } = name.Trim();

    public string Key { get; } = Names.Canonical(name);

    public VariableKind Kind { get; set; } = kind;

    public List<EquationDefinition> Equations { get; } = [];

    public string? Units { get; set; }

    /// <summary>The modeller's comment (Vensim's third part, XMILE's doc).</summary>
    public string? Comment { get; set; }

    public bool NonNegative { get; set; }

    /// <summary>How a Vensim data variable reads between its points (:INTERPOLATE:, :HOLD BACKWARD:, ...).</summary>
    public Builtins.LookupMode DataMode { get; set; } = Builtins.LookupMode.Continuous;

    public string Location { get; } = location;

    /// <summary>For XMILE arrays: the dimensions declared on the variable element.</summary>
    public IReadOnlyList<string> DeclaredDimensions { get; set; } = [];

    /// <summary>For XMILE modules: the model instantiated and how its inputs are connected.</summary>
    public string? ModuleModel { get; set; }

    public Dictionary<string, string> ModuleConnections { get; } = [];
}

/// <summary>A subscript range; mappings say how its elements correspond to another range's.</summary>
internal sealed class DimensionDefinition(string name, IReadOnlyList<string> elements)
{
    public string Name { get; } = name.Trim();

    public string Key { get; } = Names.Canonical(name);

    private IReadOnlyList<string> _elements = elements;
    private List<string>? _keys;

    public IReadOnlyList<string> Elements
    {
        get => _elements;
        set
        {
            _elements = value;
            _keys = null;
        }
    }

    public List<string> ElementKeys => _keys ??= [.. _elements.Select(Names.Canonical)];

    public List<DimensionMapping> Mappings { get; } = [];

    public string? EquivalentTo { get; set; }
}

internal sealed record DimensionMapping(string Target, IReadOnlyList<string>? Elements);

/// <summary>The variables of one model, macro body or XMILE module.</summary>
internal sealed class ModelBody
{
    public Dictionary<string, VariableDefinition> Variables { get; } = [];

    public List<VariableDefinition> Order { get; } = [];

    public VariableDefinition GetOrAdd(string name, VariableKind kind, string location)
    {
        var key = Names.Canonical(name);
        if (!Variables.TryGetValue(key, out var variable))
        {
            variable = new VariableDefinition(name, kind, location);
            Variables[key] = variable;
            Order.Add(variable);
        }

        return variable;
    }
}

internal sealed class MacroDefinition(string name, IReadOnlyList<string> parameters, IReadOnlyList<string> outputs, ModelBody body)
{
    public string Key { get; } = Names.Canonical(name);

    public IReadOnlyList<string> Parameters { get; } = parameters;

    public IReadOnlyList<string> Outputs { get; } = outputs;

    public ModelBody Body { get; } = body;
}

internal sealed class SimulationSpecs
{
    public double? Start { get; set; }

    public double? Stop { get; set; }

    public double? Dt { get; set; }

    public double? SaveStep { get; set; }

    public string? Method { get; set; }

    /// <summary>XMILE's sim_specs time_units; Vensim models give their time unit as the units of TIME STEP.</summary>
    public string? TimeUnits { get; set; }
}
