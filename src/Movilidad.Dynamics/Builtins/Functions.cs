using System.Runtime.CompilerServices;

namespace Movilidad.Dynamics.Builtins;

/// <summary>Scalar builtins with Vensim's conventions, called from compiled equations.</summary>
internal static class Functions
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Integer(double x) => Math.Truncate(x);

    /// <summary>
    /// Vensim's MODULO and XMILE's MOD keep the sign of the dividend, as C's fmod does. Written with a truncated
    /// quotient because the runtime's fmod helper is several times slower in models that call it every step.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Modulo(double a, double b)
    {
        var quotient = Math.Truncate(a / b);
        return double.IsInfinity(quotient) || double.IsNaN(quotient) ? a % b : a - (b * quotient);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Quantum(double a, double q) => q <= 0 ? a : q * Math.Truncate(a / q);

    /// <summary>
    /// VECTOR SELECT's error action at run time: stops the run with an error naming the variable and the time when
    /// no element is selected (actions 1 and 3) or more than one is (actions 2 and 3); otherwise passes the value on.
    /// </summary>
    public static double CheckSelection(double value, double count, double action, double time, string variable, string file, string location)
    {
        var noneIsError = action is 1 or 3;
        var severalIsError = action is 2 or 3;
        if ((noneIsError && count == 0) || (severalIsError && count > 1))
        {
            var problem = count == 0
                ? new Diagnostic(DiagnosticCode.VectorSelectSelectedNone, ("time", time), ("action", action))
                : new Diagnostic(DiagnosticCode.VectorSelectSelectedSeveral, ("time", time), ("count", count), ("action", action));
            throw ModelException.At(problem, file, location, variable);
        }

        return value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Xidz(double a, double b, double x) => b == 0 ? x : a / b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Zidz(double a, double b) => b == 0 ? 0 : a / b;

    /// <summary>
    /// SINTEG's restrictions on a stock's value, each skipped when :NA:: the nearest multiple of <paramref name="quant"/>,
    /// then no less than <paramref name="min"/> and no more than <paramref name="max"/>, then <paramref name="spec"/>
    /// when within <paramref name="thresh"/> of it (Vensim documents the four; the order is ours).
    /// </summary>
    public static double SintegBound(double value, double min, double max, double quant, double spec, double thresh)
    {
        if (!double.IsNaN(quant) && quant != 0)
        {
            value = Math.Round(value / quant, MidpointRounding.AwayFromZero) * quant;
        }

        if (!double.IsNaN(min) && value < min)
        {
            value = min;
        }

        if (!double.IsNaN(max) && value > max)
        {
            value = max;
        }

        return !double.IsNaN(spec) && !double.IsNaN(thresh) && Math.Abs(value - spec) < thresh ? spec : value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Step(double time, double height, double start) => time >= start ? height : 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Pulse(double time, double dt, double start, double width)
    {
        var w = width > 0 ? width : dt;
        return time >= start && time < start + w ? 1 : 0;
    }

    public static double PulseTrain(double time, double dt, double start, double width, double interval, double end)
    {
        if (time < start || time > end)
        {
            return 0;
        }

        var w = width > 0 ? width : dt;
        if (interval <= 0)
        {
            return time < start + w ? 1 : 0;
        }

        var phase = Modulo(time - start, interval);
        return phase < w ? 1 : 0;
    }

    /// <summary>XMILE PULSE: a volume of <paramref name="magnitude"/> delivered over one dt, repeating every interval.</summary>
    public static double XmilePulse(double time, double dt, double magnitude, double first, double interval)
    {
        if (time < first - (dt / 2))
        {
            return 0;
        }

        if (interval <= 0)
        {
            return Math.Abs(time - first) < dt / 2 ? magnitude / dt : 0;
        }

        var phase = Modulo(time - first + (dt / 2), interval);
        return phase < dt ? magnitude / dt : 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Ramp(double time, double slope, double start, double end)
    {
        if (time <= start)
        {
            return 0;
        }

        return time < end ? slope * (time - start) : slope * (end - start);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Log(double x, double b) => Math.Log(x) / Math.Log(b);

    /// <summary>Vensim's '=': 1 when equal, also when both are :NA: (NaN here), else 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double EqualOrBothMissing(double a, double b) => a == b || (double.IsNaN(a) && double.IsNaN(b)) ? 1 : 0;

    /// <summary>Whether the step from <paramref name="time"/> crosses into a new fiscal period (periods start at <paramref name="start"/>).</summary>
    public static bool FiscalPeriodEnds(double time, double dt, double start, double period) =>
        Math.Floor(((time + dt - start) / period) + 1e-9) > Math.Floor(((time - start) / period) + 1e-9);

    /// <summary>The element at <paramref name="position"/> (from 1, truncated) of an array laid out every <paramref name="stride"/> slots from <paramref name="first"/>; 0 outside it.</summary>
    public static double ElementAt(double[] s, int first, int stride, int count, double position)
    {
        var k = Math.Floor(position) - 1;
        return k >= 0 && k < count ? s[first + ((int)k * stride)] : 0;
    }

    /// <summary>
    /// ln Γ(x) for x &gt; 0 (Vensim GAMMA LN), by Lanczos' approximation (g = 7, nine terms; relative error below
    /// 1e-15), with the reflection formula below 1/2; NaN where Γ is not defined.
    /// </summary>
    public static double GammaLn(double x)
    {
        if (double.IsNaN(x) || (x <= 0 && x == Math.Floor(x)))
        {
            return double.NaN;
        }

        if (x < 0.5)
        {
            return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - GammaLn(1 - x);
        }

        ReadOnlySpan<double> c =
        [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ];
        x -= 1;
        var sum = c[0];
        for (var i = 1; i < c.Length; i++)
        {
            sum += c[i] / (x + i);
        }

        var t = x + 7.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }

    /// <summary>
    /// Vensim's VECTOR LOOKUP(vec, x, xmin, xmax, mode): the <paramref name="count"/> values from slot
    /// <paramref name="first"/> are a lookup's y values at x points spaced equally from <paramref name="xmin"/> to
    /// <paramref name="xmax"/>, read as the mode says: 0 interpolated (held flat beyond the ends), 1 the area under it
    /// from xmin to x, 2 LOOKUP BACKWARD, 3 LOOKUP EXTRAPOLATE, 4 LOOKUP FORWARD, 5 LOOKUP INVERT (the x at which it
    /// takes the value given), 6 its slope at x, and 7, 8, 9 the area, inverse and slope of the curve extended beyond
    /// its ends along its first and last segments. NaN for another mode or fewer than two points.
    /// </summary>
    public static double VectorLookup(double[] s, int first, int count, double x, double xmin, double xmax, double mode)
    {
        if (count < 2 || !(xmax > xmin))
        {
            return double.NaN;
        }

        var step = (xmax - xmin) / (count - 1);
        var extend = mode >= 7;
        switch (mode)
        {
            case 0 or 3:
                {
                    var at = mode == 0 ? Math.Clamp(x, xmin, xmax) : x;
                    var k = Segment(at, xmin, step, count);
                    return s[first + k] + ((at - (xmin + (k * step))) * (s[first + k + 1] - s[first + k]) / step);
                }

            case 2:
                return s[first + Math.Clamp((int)Math.Floor((x - xmin) / step), 0, count - 1)];
            case 4:
                return s[first + Math.Clamp((int)Math.Ceiling((x - xmin) / step), 0, count - 1)];
            case 6 or 9:
                return !extend && (x < xmin || x > xmax) ? 0 : (s[first + Segment(x, xmin, step, count) + 1] - s[first + Segment(x, xmin, step, count)]) / step;
            case 1 or 7:
                {
                    // The area from xmin to x: whole segments, then the part of x's segment (negative below xmin).
                    var area = 0.0;
                    var at = extend ? x : Math.Clamp(x, xmin, xmax);
                    var k = Segment(at, xmin, step, count);
                    for (var j = 0; j < k; j++)
                    {
                        area += 0.5 * step * (s[first + j] + s[first + j + 1]);
                    }

                    var from = xmin + (k * step);
                    var yFrom = s[first + k];
                    var yAt = yFrom + ((at - from) * (s[first + k + 1] - yFrom) / step);
                    area += 0.5 * (at - from) * (yFrom + yAt);
                    var flat = x < xmin ? (x - xmin) * s[first] : x > xmax ? (x - xmax) * s[first + count - 1] : 0;
                    return extend ? area : area + flat;
                }

            case 5 or 8:
                {
                    for (var k = 0; k < count - 1; k++)
                    {
                        var (y0, y1) = (s[first + k], s[first + k + 1]);
                        if (x >= Math.Min(y0, y1) && x <= Math.Max(y0, y1))
                        {
                            return y1 == y0 ? xmin + (k * step) : xmin + ((k + (x - y0) / (y1 - y0)) * step);
                        }
                    }

                    if (!extend)
                    {
                        return Math.Abs(x - s[first]) <= Math.Abs(x - s[first + count - 1]) ? xmin : xmax;
                    }

                    var (end, last) = Math.Abs(x - s[first]) <= Math.Abs(x - s[first + count - 1]) ? (0, 0) : (count - 2, count - 1);
                    var slope = (s[first + end + 1] - s[first + end]) / step;
                    return slope == 0 ? double.NaN : xmin + (last * step) + ((x - s[first + last]) / slope);
                }

            default:
                return double.NaN;
        }
    }

    /// <summary>The segment (0 to count − 2) of equally spaced points holding x; the end segments beyond the ends.</summary>
    private static int Segment(double x, double xmin, double step, int count) => Math.Clamp((int)Math.Floor((x - xmin) / step), 0, count - 2);

    /// <summary>
    /// Element (row, column) of the inverse of the n×n matrix stored row by row from slot <paramref name="first"/>,
    /// by Gauss-Jordan elimination with partial pivoting, on the stack up to 32×32 and in a pooled array beyond;
    /// NaN when the matrix is singular.
    /// </summary>
    public static double InverseElement(double[] s, int first, int n, int row, int column)
    {
        const int onStack = 2 * 32 * 32;
        if (2 * n * n <= onStack)
        {
            return InverseElement(s, first, n, row, column, stackalloc double[2 * n * n]);
        }

        var pooled = System.Buffers.ArrayPool<double>.Shared.Rent(2 * n * n);
        try
        {
            return InverseElement(s, first, n, row, column, pooled.AsSpan(0, 2 * n * n));
        }
        finally
        {
            System.Buffers.ArrayPool<double>.Shared.Return(pooled);
        }
    }

    private static double InverseElement(double[] s, int first, int n, int row, int column, Span<double> work)
    {
        var width = 2 * n;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                work[(i * width) + j] = s[first + (i * n) + j];
                work[(i * width) + n + j] = i == j ? 1 : 0;
            }
        }

        for (var pivotColumn = 0; pivotColumn < n; pivotColumn++)
        {
            var pivotRow = pivotColumn;
            for (var i = pivotColumn + 1; i < n; i++)
            {
                if (Math.Abs(work[(i * width) + pivotColumn]) > Math.Abs(work[(pivotRow * width) + pivotColumn]))
                {
                    pivotRow = i;
                }
            }

            var pivot = work[(pivotRow * width) + pivotColumn];
            if (pivot == 0 || double.IsNaN(pivot))
            {
                return double.NaN;
            }

            if (pivotRow != pivotColumn)
            {
                for (var j = 0; j < width; j++)
                {
                    (work[(pivotRow * width) + j], work[(pivotColumn * width) + j]) = (work[(pivotColumn * width) + j], work[(pivotRow * width) + j]);
                }
            }

            for (var j = 0; j < width; j++)
            {
                work[(pivotColumn * width) + j] /= pivot;
            }

            for (var i = 0; i < n; i++)
            {
                var factor = work[(i * width) + pivotColumn];
                if (i == pivotColumn || factor == 0)
                {
                    continue;
                }

                for (var j = 0; j < width; j++)
                {
                    work[(i * width) + j] -= factor * work[(pivotColumn * width) + j];
                }
            }
        }

        return work[(row * width) + n + column];
    }

    public static double Factorial(double n)
    {
        if (n < 0 || double.IsNaN(n))
        {
            return double.NaN;
        }

        var result = 1.0;
        for (var i = 2; i <= (int)n && !double.IsInfinity(result); i++)
        {
            result *= i;
        }

        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Round(double x) => Math.Round(x, MidpointRounding.AwayFromZero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Trend(double input, double average, double averageTime) => Zidz(input - average, averageTime * Math.Abs(average));

    public static double Forecast(double input, double average, double averageTime, double horizon) =>
        input * (1 + (Zidz(input - average, averageTime * Math.Abs(average)) * horizon));
}
