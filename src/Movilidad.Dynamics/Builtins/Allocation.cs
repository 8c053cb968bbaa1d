namespace Movilidad.Dynamics.Builtins;

/// <summary>Vensim's ALLOCATE BY PRIORITY with its rectangular priority profile, computed without allocation.</summary>
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

        if (supply <= 0 || !(width > 0))
        {
            return 0;
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
}
