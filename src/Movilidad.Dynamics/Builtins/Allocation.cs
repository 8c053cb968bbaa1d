using System.Runtime.CompilerServices;

namespace Movilidad.Dynamics.Builtins;

/// <summary>
/// Vensim's allocation functions (ALLOCATE BY PRIORITY, ALLOCATE AVAILABLE, FIND MARKET PRICE, DEMAND AT PRICE,
/// SUPPLY AT PRICE), computed without allocating memory.
/// </summary>
internal static class Allocation
{
    private const int Iterations = 200;

    /// <summary>Profile type 0: a quantity that does not depend on the priority or price.</summary>
    private const double FixedQuantity = 0;

    /// <summary>Added to a profile type, asks ALLOCATE AVAILABLE for whole-number allocations (Vensim: "adding 10 to the shape").</summary>
    private const double Integral = 10;

    /// <summary>The curve shape a profile type names, without the whole-number flag.</summary>
    private static double Shape(double type) => type >= Integral ? type - Integral : type;

    /// <summary>
    /// A whole-number allocation: each requester keeps the whole part of its share, and the units left (what the
    /// shares add up to, rounded down, less the whole parts) go one each to the requesters with the largest
    /// fractional parts, the earlier element first on a tie. Vensim documents that adding 10 to the shape makes
    /// the allocations integers; how it rounds is not documented, and this is our rule.
    /// </summary>
    private static double IntegerShare(double[] s, int request, int requestStride, int profile, int profileStride, int count, int index, double clearing, double share)
    {
        var (total, whole) = (0.0, 0.0);
        for (var i = 0; i < count; i++)
        {
            var x = ProfileShare(s, request + (i * requestStride), profile + (i * profileStride), clearing);
            total += x;
            whole += Math.Floor(x);
        }

        var own = share - Math.Floor(share);
        var ahead = 0;
        for (var i = 0; i < count; i++)
        {
            var x = ProfileShare(s, request + (i * requestStride), profile + (i * profileStride), clearing);
            var fraction = x - Math.Floor(x);
            ahead += i != index && (fraction > own || (fraction == own && i < index)) ? 1 : 0;
        }

        return Math.Floor(share) + (ahead < Math.Floor(total + 1e-9) - whole ? 1 : 0);
    }

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
    /// A fixed quantity (ptype 0) asks for the same at every priority, so it is served in full before the clearing
    /// priority rations the rest; a type plus 10 asks for whole-number allocations (<see cref="IntegerShare"/>). A profile
    /// type other than 0–4 (or 10–14) gives NaN, which <see cref="AvailableOrRefuse"/> turns into an error stopping the run;
    /// so does a width that is not positive (the normal curve takes at least 0.05), which stays NaN.
    /// </summary>
    public static double Available(double[] s, int request, int requestStride, int profile, int profileStride, int count, int index, double available)
    {
        var lowest = double.PositiveInfinity;
        var highest = double.NegativeInfinity;
        if (!Widen(s, request, requestStride, profile, profileStride, count, ref lowest, ref highest))
        {
            return double.NaN;
        }

        var (total, fixedTotal) = (0.0, 0.0);
        for (var i = 0; i < count; i++)
        {
            var asked = s[request + (i * requestStride)];
            if (asked > 0)
            {
                total += asked;
                fixedTotal += Shape(s[profile + (i * profileStride)]) == FixedQuantity ? asked : 0;
            }
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

        if (fixedTotal >= available)
        {
            // The fixed quantities ask for the same at every priority, so no clearing priority can ration them: they
            // share what is available in proportion to their requests and the priced requests receive nothing.
            return Shape(s[profile + (index * profileStride)]) == FixedQuantity ? own * available / fixedTotal : 0;
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

        var clearing = 0.5 * (lo + hi);
        var share = ProfileShare(s, request + (index * requestStride), profile + (index * profileStride), clearing);
        return s[profile + (index * profileStride)] >= Integral
            ? IntegerShare(s, request, requestStride, profile, profileStride, count, index, clearing, share)
            : share;
    }

    /// <summary>
    /// <see cref="Available"/>'s share, unless it is NaN because a requester asking for something has a profile type
    /// the engine does not compute (0–4, or 10–14 for whole numbers): then the run stops with an error naming the
    /// variable, the time and the type. Vensim's help names type 5, "a truncated constant elasticity" curve whose pextra
    /// is the elasticity, without giving its formula, so the engine refuses it rather than guess one; no other type is
    /// documented. Other causes of NaN (a width that is not positive, :NA: inputs) pass on.
    /// </summary>
    public static double AvailableOrRefuse(double[] s, int request, int requestStride, int profile, int profileStride, int count, int index, double available, double time, string variable, string file, string location)
    {
        var value = Available(s, request, requestStride, profile, profileStride, count, index, available);
        return double.IsNaN(value) ? RefuseProfileType(value, s, request, requestStride, profile, profileStride, count, true, time, variable, file, location) : value;
    }

    /// <summary>
    /// <see cref="MarketPrice"/>, unless it is NaN because a demand or supply curve with a positive quantity has a type
    /// the market functions do not compute (0–4): then the run stops with an error, as in <see cref="AvailableOrRefuse"/>.
    /// </summary>
    public static double MarketPriceOrRefuse(
        double[] s,
        int demand, int demandStride, int demandProfile, int demandProfileStride, int demanders,
        int supply, int supplyStride, int supplyProfile, int supplyProfileStride, int suppliers,
        double time, string variable, string file, string location)
    {
        var price = MarketPrice(s, demand, demandStride, demandProfile, demandProfileStride, demanders, supply, supplyStride, supplyProfile, supplyProfileStride, suppliers);
        return double.IsNaN(price)
            ? RefuseProfileType(RefuseProfileType(price, s, demand, demandStride, demandProfile, demandProfileStride, demanders, false, time, variable, file, location), s, supply, supplyStride, supplyProfile, supplyProfileStride, suppliers, false, time, variable, file, location)
            : price;
    }

    /// <summary>
    /// DEMAND AT PRICE's or SUPPLY AT PRICE's <paramref name="value"/>, unless it is NaN because the curve's
    /// <paramref name="type"/> is not one the market functions compute (0–4): then the run stops with an error.
    /// </summary>
    public static double CurveTypeOrRefuse(double value, double type, double time, string variable, string file, string location) =>
        double.IsNaN(value) && !Computed(type, false) ? throw Refusal(type, time, variable, file, location) : value;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double RefuseProfileType(double value, double[] s, int request, int requestStride, int profile, int profileStride, int count, bool wholeNumbers, double time, string variable, string file, string location)
    {
        for (var i = 0; i < count; i++)
        {
            var type = s[profile + (i * profileStride)];
            if (s[request + (i * requestStride)] > 0 && !Computed(type, wholeNumbers))
            {
                throw Refusal(type, time, variable, file, location);
            }
        }

        return value;
    }

    /// <summary>Whether a curve of this type is computed: 0–4, and for ALLOCATE AVAILABLE also 10–14 (whole numbers).</summary>
    private static bool Computed(double type, bool wholeNumbers) => (wholeNumbers ? Shape(type) : type) is 0 or 1 or 2 or 3 or 4;

    private static ModelException Refusal(double type, double time, string variable, string file, string location) =>
        ModelException.At(new Diagnostic(DiagnosticCode.PriorityTypeNotComputed, ("time", time), ("type", type)), file, location, variable);

    /// <summary>
    /// Widens [<paramref name="lowest"/>, <paramref name="highest"/>] to the priorities over which the curves with a
    /// positive quantity change (fixed quantities never do); false when a curve's type or width is invalid.
    /// </summary>
    private static bool Widen(double[] s, int quantity, int quantityStride, int profile, int profileStride, int count, ref double lowest, ref double highest)
    {
        for (var i = 0; i < count; i++)
        {
            var p = profile + (i * profileStride);
            if (!(s[quantity + (i * quantityStride)] > 0) || Shape(s[p]) == FixedQuantity)
            {
                continue;
            }

            var reach = Reach(Shape(s[p]), s[p + 2]);
            if (double.IsNaN(reach))
            {
                return false;
            }

            lowest = Math.Min(lowest, s[p + 1] - reach);
            highest = Math.Max(highest, s[p + 1] + reach);
        }

        return true;
    }

    /// <summary>
    /// How far from its priority Vensim searches a profile's curve: half the width for the rectangular and triangular
    /// curves (where they stop changing), five standard deviations for the normal curve and ten widths for the
    /// exponential one, as Vensim's own runs show (SDEverywhere's allocate_price and allocate_normal_width models: with
    /// nothing demanded FIND MARKET PRICE answers the lowest priority less this reach, with demand above every capacity
    /// the highest priority plus it); 0 for a fixed quantity (ptype 0), whose share never changes.
    /// </summary>
    private static double Reach(double type, double width) => type == FixedQuantity ? 0 : type == Normal ? 5 * NormalSpread(width) : !(width > 0) ? double.NaN : type switch
    {
        1 or 2 => 0.5 * width,
        4 => 10 * width,
        _ => double.NaN,
    };

    /// <summary>Profile type 3: the normal curve, whose width is its standard deviation.</summary>
    private const double Normal = 3;

    /// <summary>
    /// The standard deviation Vensim gives a normal profile: its width, but never less than 0.05 (Vensim's runs of
    /// SDEverywhere's allocate_normal_width model give the same shares for widths 0, 0.001, 0.01, 0.03 and 0.05).
    /// </summary>
    private static double NormalSpread(double width) => Math.Max(width, 0.05);

    private static double ProfileShare(double[] s, int request, int profile, double clearing)
    {
        var asked = s[request];
        return asked > 0 ? asked * DemandShare(Shape(s[profile]), s[profile + 1], s[profile + 2], clearing) : 0;
    }

    /// <summary>
    /// The share of its quantity a demand curve asks for at <paramref name="price"/>: 1 at every price for a fixed
    /// quantity (ptype 0), otherwise falling from 1 to 0 around <paramref name="priority"/> as the complement of the
    /// cumulative distribution the type names (1 rectangular, 2 triangular, 3 normal, 4 exponential), spread by
    /// <paramref name="width"/> (at least 0.05 for the normal curve, see <see cref="NormalSpread"/>). Another type, or
    /// a width that is not positive for the other curves, gives NaN.
    /// </summary>
    public static double DemandShare(double type, double priority, double width, double price)
    {
        if (type == FixedQuantity)
        {
            return 1;
        }

        if (type == Normal)
        {
            return 0.5 * Erfc((price - priority) / (NormalSpread(width) * Math.Sqrt(2)));
        }

        if (!(width > 0))
        {
            return double.NaN;
        }

        var x = price - priority;
        return type switch
        {
            1 => Math.Clamp(0.5 - (x / width), 0, 1),
            2 => x <= -0.5 * width ? 1
                : x < 0 ? 1 - (2 * Square((x / width) + 0.5))
                : x < 0.5 * width ? 2 * Square(0.5 - (x / width))
                : 0,
            4 => x < 0 ? 1 - (0.5 * Math.Exp(x / width)) : 0.5 * Math.Exp(-x / width),
            _ => double.NaN,
        };
    }

    /// <summary>
    /// The share of its capacity a supply curve offers at <paramref name="price"/>: 1 at every price for a fixed
    /// quantity, otherwise the cumulative distribution the type names, rising from 0 to 1 around the priority (the
    /// mirror image of <see cref="DemandShare"/>, as the shapes are symmetric).
    /// </summary>
    public static double SupplyShare(double type, double priority, double width, double price) =>
        type == FixedQuantity ? 1 : 1 - DemandShare(type, priority, width, price);

    /// <summary>DEMAND AT PRICE: the quantity a demand curve asks for at a price.</summary>
    public static double DemandAtPrice(double quantity, double type, double priority, double width, double price) =>
        quantity * DemandShare(type, priority, width, price);

    /// <summary>SUPPLY AT PRICE: the quantity a supply curve offers at a price.</summary>
    public static double SupplyAtPrice(double quantity, double type, double priority, double width, double price) =>
        quantity * SupplyShare(type, priority, width, price);

    /// <summary>
    /// FIND MARKET PRICE: the price at which the demand curves, summed over the demanders, ask for what the supply
    /// curves, summed over the suppliers, offer. Excess demand falls as the price rises, so the price is found by
    /// bisection between the lowest and the highest price at which any curve still changes. When demand exceeds
    /// supply at every price (fixed demand above all capacity) the answer is the highest of these, where every
    /// supplier offers all it can; when supply exceeds demand at every price, the lowest, where every demander gets
    /// all it asks for. Curves whose quantity is not positive take no part; NaN when a curve's type or width is
    /// invalid, 0 when no curve depends on the price. Quantities sit at <c>first + i·stride</c>, the four profile
    /// fields of curve i from <c>profile + i·profileStride</c>.
    /// </summary>
    public static double MarketPrice(
        double[] s,
        int demand, int demandStride, int demandProfile, int demandProfileStride, int demanders,
        int supply, int supplyStride, int supplyProfile, int supplyProfileStride, int suppliers)
    {
        var lowest = double.PositiveInfinity;
        var highest = double.NegativeInfinity;
        if (!Widen(s, demand, demandStride, demandProfile, demandProfileStride, demanders, ref lowest, ref highest) ||
            !Widen(s, supply, supplyStride, supplyProfile, supplyProfileStride, suppliers, ref lowest, ref highest))
        {
            return double.NaN;
        }

        if (lowest > highest)
        {
            return 0;
        }

        var (lo, hi) = (lowest, highest);
        for (var iteration = 0; iteration < Iterations && hi - lo > 1e-15 * Math.Max(1, Math.Abs(hi)); iteration++)
        {
            var mid = 0.5 * (lo + hi);
            var excess = Total(s, demand, demandStride, demandProfile, demandProfileStride, demanders, mid, DemandShare)
                - Total(s, supply, supplyStride, supplyProfile, supplyProfileStride, suppliers, mid, SupplyShare);
            if (excess > 0)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return 0.5 * (lo + hi);
    }

    private static double Total(double[] s, int quantity, int quantityStride, int profile, int profileStride, int count, double price, Func<double, double, double, double, double> share)
    {
        var sum = 0.0;
        for (var i = 0; i < count; i++)
        {
            var q = s[quantity + (i * quantityStride)];
            if (q > 0)
            {
                var p = profile + (i * profileStride);
                sum += q * share(s[p], s[p + 1], s[p + 2], price);
            }
        }

        return sum;
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
