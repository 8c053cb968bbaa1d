using System.Globalization;
using System.Text;

namespace Movilidad.Dynamics.Bench;

/// <summary>
/// Writes a synthetic Vensim model of about <c>variables</c> equations mixing arithmetic, lookups, stocks,
/// first-order delays and a ten-element array per group, so benchmarks do not depend on one real model's shape.
/// </summary>
public static class GeneratedModel
{
    private const int VariablesPerGroup = 10;

    public static string Mdl(int variables)
    {
        var groups = Math.Max(1, variables / VariablesPerGroup);
        var sb = new StringBuilder();
        sb.Append("Ten: (e1-e10) ~~|\n");
        sb.Append("weight[Ten] = 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 ~~|\n");
        for (var i = 0; i < groups; i++)
        {
            var previous = i == 0 ? "Time" : $"a{i - 1}";
            sb.Append(CultureInfo.InvariantCulture, $"c{i} = {1 + (i % 7)} ~~|\n");
            sb.Append(CultureInfo.InvariantCulture, $"lk{i}([(0,0)-(3,9)],(0,0),(1,1),(2,4),(3,9)) ~~|\n");
            sb.Append(CultureInfo.InvariantCulture, $"a{i} = c{i} * s{i} / 100 + {previous} * 0.5 ~~|\n");
            sb.Append(CultureInfo.InvariantCulture, $"b{i} = lk{i}(MODULO(ABS(a{i}), 3)) ~~|\n");
            sb.Append(CultureInfo.InvariantCulture, $"f{i} = (b{i} - s{i}) / c{i} ~~|\n");
            sb.Append(CultureInfo.InvariantCulture, $"s{i} = INTEG(f{i}, 1) ~~|\n");
            sb.Append(CultureInfo.InvariantCulture, $"d{i} = DELAY1(f{i}, 2) ~~|\n");
            sb.Append(CultureInfo.InvariantCulture, $"g{i} = MAX(d{i}, 0) + MIN(b{i}, 5) ~~|\n");
            sb.Append(CultureInfo.InvariantCulture, $"arr{i}[Ten] = g{i} * weight[Ten] ~~|\n");
            sb.Append(CultureInfo.InvariantCulture, $"total{i} = SUM(arr{i}[Ten!]) ~~|\n");
        }

        sb.Append("INITIAL TIME = 0 ~~|\nFINAL TIME = 100 ~~|\nTIME STEP = 0.1 ~~|\nSAVEPER = 100 ~~|\n");
        return sb.ToString();
    }

    public static SystemDynamicsModel Load(int variables)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Mdl(variables)));
        return SystemDynamicsModel.Load(stream, $"generated-{variables}.mdl");
    }
}
