using System.Linq.Expressions;
using Movilidad.Dynamics.Model;

namespace Movilidad.Dynamics.Equations;

/// <summary>One number in the flat state array: a variable element, a hidden stock of a delay, or a run-control value.</summary>
internal sealed class Slot(int index, string variable, string location)
{
    public int Index { get; } = index;

    public string Variable { get; } = variable;

    public string Location { get; } = location;

    public string? OutputName { get; set; }

    public bool IsStock { get; set; }

    public Expression? Init { get; set; }

    public HashSet<int> InitDeps { get; set; } = [];

    public Expression? Dynamic { get; set; }

    public HashSet<int> DynamicDeps { get; set; } = [];

    public Expression? Rate { get; set; }

    public bool AlwaysDynamic { get; set; }

    public bool NonNegative { get; set; }
}

/// <summary>A variable of a model body instantiated in a scope: its dimensions and the slot (or table) of each element.</summary>
internal sealed class Instance(VariableDefinition definition, Scope scope, DimensionDefinition[] dimensions, int count)
{
    public VariableDefinition Definition { get; } = definition;

    public Scope Scope { get; } = scope;

    public DimensionDefinition[] Dimensions { get; } = dimensions;

    public int[] Slots { get; } = new int[count];

    public int[] Tables { get; } = Enumerable.Repeat(-1, count).ToArray();

    public bool IsTableOnly { get; set; }

    public bool Lowered { get; set; }
}

/// <summary>Where names are looked up: the main model, a macro call or an XMILE module instance.</summary>
internal sealed class Scope(int id, ModelBody body, string prefix)
{
    public int Id { get; } = id;

    public ModelBody Body { get; } = body;

    public string Prefix { get; } = prefix;

    /// <summary>True for the main model and XMILE module instances, whose variables are saved; false inside macros.</summary>
    public bool Saved { get; init; }

    public Dictionary<string, Instance> Instances { get; } = [];

    public Dictionary<string, ArgumentBinding> Parameters { get; } = [];

    public Dictionary<string, Scope> Modules { get; } = [];
}

internal sealed record ArgumentBinding(Expr Argument, Scope Scope, Bindings Bindings);

/// <summary>Which element each dimension name stands for while one element's equation is lowered.</summary>
internal sealed class Bindings
{
    public static readonly Bindings Empty = new(new Dictionary<string, string>(StringComparer.Ordinal));

    private readonly Dictionary<string, string> _map;

    private string? _key;

    public Bindings(Dictionary<string, string> map)
    {
        _map = map;
    }

    public string Key => _key ??= string.Join(",", _map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));

    public IEnumerable<KeyValuePair<string, string>> Pairs => _map;

    public bool TryGet(string dimension, out string element) => _map.TryGetValue(dimension, out element!);

    public Bindings With(IEnumerable<KeyValuePair<string, string>> more)
    {
        var map = new Dictionary<string, string>(_map, StringComparer.Ordinal);
        foreach (var pair in more)
        {
            map[pair.Key] = pair.Value;
        }

        return new Bindings(map);
    }
}
