namespace Movilidad.Dynamics.Builtins;

/// <summary>Vensim's ALLOCATE BY PRIORITY and ALLOCATE AVAILABLE, computed without allocating memory.</summary>
internal static class Allocation
{
    private const int Iterations = 200;

    /// <summary>
    /// Requester <paramref name="index"/>'s share of <paramref name="supply"/>. Each requester receives
    /// request·clamp((priority − P)/width, 0, 1) for a clearing priority P chosen so the shares add up to the
    /// supply; the total is monotonic in P, so P is found by bisection. Requests and priorities are the
    /// <paramref name="count"/> consecutive slots starting at <paramref name="request"/> and <paramref name="priority"/>.
    /// </summary>
    public static double ByPriority(double[] s, int request, int priority, int count, int index, double width, double supply)
    {
        var total = 0.0;
        var lowest = double.PositiveInfinity;
        var highest = double.NegativeInfinity;
        for (var i = 0; i < count; i++)
        {
            total += s[request + i];
            lowest = Math.Min(lowest, s[priority + i]);
            highest = Math.Max(highest, s[priority + i]);
        }

        if (supply >= total)
        {
            return s[request + index];
        }

        if (supply <= 0 || double.IsNaN(width))
        {
            return 0;
        }

        if (width <= 0)
        {
            return ByStrictPriority(s, request, priority, count, index, supply);
        }

        var lo = lowest - width;
        var hi = highest;
        for (var iteration = 0; iteration < Iterations && hi - lo > 1e-15 * Math.Max(1, Math.Abs(hi)); iteration++)
        {
            var mid = 0.5 * (lo + hi);
            if (Allocated(s, request, priority, count, width, mid) > supply)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return Share(s[request + index], s[priority + index], width, 0.5 * (lo + hi));
    }

    /// <summary>
    /// Width 0: any gap in priority exceeds it, so (as Vensim documents) a lower priority receives nothing until every
    /// higher one has its full request; requesters of equal priority share what is left in proportion to their requests.
    /// </summary>
    private static double ByStrictPriority(double[] s, int request, int priority, int count, int index, double supply)
    {
        var own = s[priority + index];
        var (above, same) = (0.0, 0.0);
        for (var i = 0; i < count; i++)
        {
            if (s[priority + i] > own)
            {
                above += s[request + i];
            }
            else if (s[priority + i] == own)
            {
                same += s[request + i];
            }
        }

        var left = supply - above;
        return left <= 0 || same <= 0 ? 0 : s[request + index] * Math.Min(1, left / same);
    }

    private static double Allocated(double[] s, int request, int priority, int count, double width, double clearing)
    {
        var sum = 0.0;
        for (var i = 0; i < count; i++)
        {
            sum += Share(s[request + i], s[priority + i], width, clearing);
        }

        return sum;
    }

    private static double Share(double request, double priority, double width, double clearing) =>
        request * Math.Clamp((priority - clearing) / width, 0, 1);

    /// <summary>
    /// ALLOCATE AVAILABLE: requester i, asking for request_i, receives request_i·G_i(P), where G_i falls from 1 to 0
    /// around its priority as the complement of the cumulative distribution its profile names (1 rectangular,
    /// 2 triangular, 3 normal, 4 exponential; the width is the spread), and the clearing priority P is chosen so
    /// the shares add up to what is available. The total is monotonic in P, so P is found by bisection. Requests
    /// sit at <paramref name="request"/> + i·<paramref name="requestStride"/>; the profile fields (ptype, ppriority,
    /// pwidth, pextra) of requester i start at <paramref name="profile"/> + i·<paramref name="profileStride"/>.
    /// A profile type other than 1–4 gives NaN, as does a width that is not positive.
    /// </summary>
    public static double Available(double[] s, int request, int requestStride, int profile, int profileStride, int count, int index, double available)
    {
        var total = 0.0;
        var lowest = double.PositiveInfinity;
        var highest = double.NegativeInfinity;
        for (var i = 0; i < count; i++)
        {
            var asked = s[request + (i * requestStride)];
            if (!(asked > 0))
            {
                continue;
            }

            total += asked;
            var p = profile + (i * profileStride);
            var reach = Reach(s[p], s[p + 2]);
            if (double.IsNaN(reach))
            {
                return double.NaN;
            }

            lowest = Math.Min(lowest, s[p + 1] - reach);
            highest = Math.Max(highest, s[p + 1] + reach);
        }

        var own = s[request + (index * requestStride)];
        if (available >= total)
        {
            return own;
        }

        if (available <= 0 || !(own > 0))
        {
            return 0;
        }

        var lo = lowest;
        var hi = highest;
        for (var iteration = 0; iteration < Iterations && hi - lo > 1e-15 * Math.Max(1, Math.Abs(hi)); iteration++)
        {
            var mid = 0.5 * (lo + hi);
            var sum = 0.0;
            for (var i = 0; i < count; i++)
            {
                sum += ProfileShare(s, request + (i * requestStride), profile + (i * profileStride), mid);
            }

            if (sum > available)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return ProfileShare(s, request + (index * requestStride), profile + (index * profileStride), 0.5 * (lo + hi));
    }

    /// <summary>How far from its priority a profile's share stops changing (to double precision).</summary>
    private static double Reach(double type, double width) => !(width > 0) ? double.NaN : type switch
    {
        1 or 2 => 0.5 * width,
        3 => 9 * width,
        4 => 40 * width,
        _ => double.NaN,
    };

    private static double ProfileShare(double[] s, int request, int profile, double clearing)
    {
        var asked = s[request];
        if (!(asked > 0))
        {
            return 0;
        }

        var priority = s[profile + 1];
        var width = s[profile + 2];
        var x = clearing - priority;
        return s[profile] switch
        {
            1 => asked * Math.Clamp(0.5 - (x / width), 0, 1),
            2 => x <= -0.5 * width ? asked
                : x < 0 ? asked * (1 - (2 * Square((x / width) + 0.5)))
                : x < 0.5 * width ? asked * 2 * Square(0.5 - (x / width))
                : 0,
            3 => asked * 0.5 * Erfc(x / (width * Math.Sqrt(2))),
            4 => x < 0 ? asked * (1 - (0.5 * Math.Exp(x / width))) : asked * 0.5 * Math.Exp(-x / width),
            _ => double.NaN,
        };
    }

    private static double Square(double x) => x * x;

    /// <summary>
    /// The complementary error function as Vensim computes it for normal priority profiles: Abramowitz and
    /// Stegun's formula 7.1.25 (absolute error below 2.5e-5). The exact function gives shares that differ from
    /// Vensim's by up to 0.5% in the tails; this one reproduces them.
    /// </summary>
    internal static double Erfc(double z)
    {
        if (z < 0)
        {
            return 2 - Erfc(-z);
        }

        var t = 1 / (1 + (0.47047 * z));
        return t * (0.3480242 + (t * (-0.0958798 + (t * 0.7478556)))) * Math.Exp(-z * z);
    }
}
