using System.Runtime.CompilerServices;
using System.Text;

namespace Movilidad.Dynamics.Equations;

/// <summary>Vensim and XMILE names are compared case-insensitively with spaces and underscores equivalent.</summary>
internal static class Names
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Canonical(string name)
    {
        var sb = new StringBuilder(name.Length);
        var pendingSpace = false;
        foreach (var raw in name.Trim().Trim('"').Trim())
        {
            var c = raw;
            if (c is ' ' or '_' or '\t' or '\n' or '\r' or '\u00a0')
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }
}
