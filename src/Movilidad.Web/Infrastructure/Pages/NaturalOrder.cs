namespace Movilidad.Web.Infrastructure.Pages;

/// <summary>Codes as people count them: runs of digits compare by their value (A2 before A10, 1.9 before 1.10), the rest ordinally ignoring case.</summary>
public sealed class NaturalOrder : IComparer<string?>
{
    public static readonly NaturalOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var (i, j) = (0, 0);
        while (i < x.Length && j < y.Length)
        {
            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                var (startX, startY) = (i, j);
                while (i < x.Length && char.IsAsciiDigit(x[i]))
                {
                    i++;
                }

                while (j < y.Length && char.IsAsciiDigit(y[j]))
                {
                    j++;
                }

                var (a, b) = (x[startX..i].TrimStart('0'), y[startY..j].TrimStart('0'));
                var byValue = a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);
                if (byValue != 0)
                {
                    return byValue;
                }
            }
            else
            {
                var byChar = char.ToUpperInvariant(x[i]).CompareTo(char.ToUpperInvariant(y[j]));
                if (byChar != 0)
                {
                    return byChar;
                }

                (i, j) = (i + 1, j + 1);
            }
        }

        return (x.Length - i).CompareTo(y.Length - j) is var rest && rest != 0 ? rest : string.CompareOrdinal(x, y);
    }
}
