namespace Movilidad.Dynamics;

/// <summary>The saved time series of a run: one row per save step, one column per saved variable.</summary>
public sealed class SimulationResult
{
    private readonly double[] _values;
    private readonly int _stride;
    private readonly Dictionary<string, int> _columns;

    /// <summary>Wraps series stored by column: column <c>c</c> starts at <c>c * stride</c>.</summary>
    internal SimulationResult(IReadOnlyList<string> names, double[] times, double[] values, int stride, int rows = -1)
    {
        Names = names;
        Times = rows < 0 || rows == times.Length ? times : new ArraySegment<double>(times, 0, rows);
        _values = values;
        _stride = stride;
        _columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            _columns[Equations.Names.Canonical(names[i])] = i;
        }
    }

    /// <summary>The saved variables, as the modelling tool names them (arrays as <c>name[a,b]</c>).</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The saved times.</summary>
    public IReadOnlyList<double> Times { get; }

    /// <summary>The value of a variable at a saved row.</summary>
    public double this[int row, int column] => _values[(column * _stride) + row];

    /// <summary>The column of a variable, matching names as the modelling tools do (case, spaces and underscores ignored); -1 when absent.</summary>
    public int ColumnOf(string name) => _columns.TryGetValue(Equations.Names.Canonical(name), out var c) ? c : -1;

    /// <summary>The saved series of one variable, without copying.</summary>
    /// <exception cref="ArgumentOutOfRangeException">There is no such column.</exception>
    public ReadOnlySpan<double> Column(int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, Names.Count);
        return _values.AsSpan(column * _stride, Times.Count);
    }

    /// <summary>The saved series of one variable.</summary>
    /// <exception cref="KeyNotFoundException">The variable was not saved.</exception>
    public double[] Series(string name)
    {
        var column = ColumnOf(name);
        if (column < 0)
        {
            throw new KeyNotFoundException($"'{name}' is not among the saved variables");
        }

        return Column(column).ToArray();
    }
}
