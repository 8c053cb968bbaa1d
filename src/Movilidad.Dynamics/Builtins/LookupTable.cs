using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Movilidad.Dynamics.Builtins;

/// <summary>How a table answers between and beyond its points.</summary>
internal enum LookupMode
{
    /// <summary>Linear between points, held flat beyond the ends (Vensim lookups, XMILE continuous).</summary>
    Continuous,

    /// <summary>Linear between points and continued along the end segments beyond them.</summary>
    Extrapolate,

    /// <summary>The value of the last point at or before the input (XMILE discrete, Vensim :HOLD BACKWARD:).</summary>
    Discrete,

    /// <summary>The value of the first point at or after the input (Vensim :LOOK FORWARD:).</summary>
    Forward,

    /// <summary>Values only at the points themselves, missing in between (Vensim :RAW:).</summary>
    Raw,
}

/// <summary>A lookup or a data series as two precomputed arrays, searched without allocation.</summary>
internal sealed class LookupTable
{
    /// <summary>
    /// The segment the last search ended in: inputs usually move little from one step to the next (time, slowly
    /// changing variables), so it is tried first, then (past the ends) the next one. Runs on several threads may overwrite it; it is checked before use,
    /// so a stale hint costs only a search.
    /// </summary>
    private int _hint;

    /// <summary>Points are kept sorted by x, as Vensim does with tables typed out of order.</summary>
    public LookupTable(double[] x, double[] y, LookupMode mode)
    {
        var count = Math.Min(x.Length, y.Length);
        var order = Enumerable.Range(0, count).OrderBy(i => x[i]).ToArray();
        X = [.. order.Select(i => x[i])];
        Y = [.. order.Select(i => y[i])];
        Mode = mode;
        _slopes = new double[Math.Max(0, count - 1)];
        for (var i = 0; i < _slopes.Length; i++)
        {
            _slopes[i] = (Y[i + 1] - Y[i]) / (X[i + 1] - X[i]);
        }
    }

    /// <summary>The slope of each segment, so interpolating needs no division.</summary>
    private readonly double[] _slopes;

    public double[] X { get; }

    public double[] Y { get; }

    public LookupMode Mode { get; }

    /// <summary>The table at <paramref name="input"/>; the common case (the segment of the last search) is inlined where it is called.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Evaluate(LookupTable table, double input)
    {
        if (table.Mode != LookupMode.Continuous)
        {
            return table.At(input, table.Mode);
        }

        var lo = table._hint;
        ref var x = ref MemoryMarshal.GetArrayDataReference(table.X);
        return (uint)(lo + 1) < (uint)table.X.Length && Unsafe.Add(ref x, lo) <= input && input < Unsafe.Add(ref x, lo + 1)
            ? table.Interpolate(ref x, ref MemoryMarshal.GetArrayDataReference(table.Y), lo, input)
            : table.Continuous(input);
    }

    /// <summary>
    /// The common case (a Vensim lookup, an XMILE continuous graphical function) without bounds checks: the
    /// constructor makes X and Y the same length, and every index below is inside them.
    /// </summary>
    private double Continuous(double input)
    {
        var n = X.Length;
        ref var x = ref MemoryMarshal.GetArrayDataReference(X);
        ref var y = ref MemoryMarshal.GetArrayDataReference(Y);
        var lo = _hint;
        if ((uint)(lo + 1) < (uint)n && Unsafe.Add(ref x, lo) <= input && input < Unsafe.Add(ref x, lo + 1))
        {
            return Interpolate(ref x, ref y, lo, input);
        }

        if (n == 0 || double.IsNaN(input))
        {
            return double.NaN;
        }

        if (input <= x)
        {
            return y;
        }

        if (input >= Unsafe.Add(ref x, n - 1))
        {
            return Unsafe.Add(ref y, n - 1);
        }

        if ((uint)lo < (uint)(n - 2) && input >= Unsafe.Add(ref x, lo + 1) && input < Unsafe.Add(ref x, lo + 2))
        {
            lo++;
        }
        else
        {
            lo = 0;
            var hi = n - 1;
            while (hi - lo > 1)
            {
                var mid = (lo + hi) >> 1;
                if (Unsafe.Add(ref x, mid) <= input)
                {
                    lo = mid;
                }
                else
                {
                    hi = mid;
                }
            }
        }

        _hint = lo;
        return Interpolate(ref x, ref y, lo, input);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Interpolate(ref double x, ref double y, int segment, double input) =>
        Unsafe.Add(ref y, segment) + ((input - Unsafe.Add(ref x, segment)) * Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_slopes), segment));

    public static double Extrapolate(LookupTable table, double input) => table.At(input, LookupMode.Extrapolate);

    public static double Forward(LookupTable table, double input)
    {
        var x = table.X;
        if (x.Length == 0)
        {
            return double.NaN;
        }

        for (var i = 0; i < x.Length; i++)
        {
            if (x[i] >= input)
            {
                return table.Y[i];
            }
        }

        return table.Y[^1];
    }

    public static double Backward(LookupTable table, double input) => table.At(input, LookupMode.Discrete);

    /// <summary>
    /// Vensim GET DATA BETWEEN TIMES: the data at <paramref name="time"/>, interpolated (mode 0), the later point's
    /// value (mode 1, as :LOOK FORWARD:) or the earlier one's (mode -1, as :HOLD BACKWARD:); :NA: outside the data.
    /// </summary>
    public static double Between(LookupTable table, double time, double mode)
    {
        var x = table.X;
        if (x.Length == 0 || double.IsNaN(time) || time < x[0] || time > x[^1])
        {
            return double.NaN;
        }

        return mode > 0 ? Forward(table, time) : table.At(time, mode < 0 ? LookupMode.Discrete : LookupMode.Continuous);
    }

    public static double Invert(LookupTable table, double value)
    {
        var y = table.Y;
        var x = table.X;
        if (y.Length == 0)
        {
            return double.NaN;
        }

        for (var i = 0; i < y.Length - 1; i++)
        {
            var lo = Math.Min(y[i], y[i + 1]);
            var hi = Math.Max(y[i], y[i + 1]);
            if (value >= lo && value <= hi)
            {
                return y[i + 1] == y[i] ? x[i] : x[i] + ((value - y[i]) * (x[i + 1] - x[i]) / (y[i + 1] - y[i]));
            }
        }

        return value < y[0] ? x[0] : x[^1];
    }

    private double At(double input, LookupMode mode)
    {
        var x = X;
        var y = Y;
        var n = x.Length;
        if (n == 0)
        {
            return double.NaN;
        }

        if (double.IsNaN(input))
        {
            return double.NaN;
        }

        if (mode == LookupMode.Raw)
        {
            var at = Array.BinarySearch(x, input);
            return at >= 0 ? y[at] : double.NaN;
        }

        if (input <= x[0])
        {
            return mode == LookupMode.Extrapolate && n > 1 && input < x[0] ? y[0] + ((input - x[0]) * (y[1] - y[0]) / (x[1] - x[0])) : y[0];
        }

        if (input >= x[n - 1])
        {
            return mode == LookupMode.Extrapolate && n > 1 && input > x[n - 1] ? y[n - 1] + ((input - x[n - 1]) * (y[n - 1] - y[n - 2]) / (x[n - 1] - x[n - 2])) : y[n - 1];
        }

        var lo = _hint;
        int hi;
        if (lo < n - 1 && x[lo] <= input && input < x[lo + 1])
        {
            hi = lo + 1;
        }
        else
        {
            lo = 0;
            hi = n - 1;
            while (hi - lo > 1)
            {
                var mid = (lo + hi) >> 1;
                if (x[mid] <= input)
                {
                    lo = mid;
                }
                else
                {
                    hi = mid;
                }
            }

            _hint = lo;
        }

        if (mode == LookupMode.Discrete)
        {
            return y[lo];
        }

        if (mode == LookupMode.Forward)
        {
            return x[lo] == input ? y[lo] : y[hi];
        }

        return y[lo] + ((input - x[lo]) * (y[hi] - y[lo]) / (x[hi] - x[lo]));
    }
}
