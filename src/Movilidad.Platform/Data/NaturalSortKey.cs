using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Movilidad.Platform.Data;

/// <summary>
/// A code's key for sorting it as people count in the database: each run of digits without its leading zeros, padded with
/// zeros to <see cref="Digits"/> (A2 → A0000000002, before A10 → A0000000010), ASCII letters in upper case, the rest as it is.
/// Compared ordinally (PostgreSQL: collation "C"), the keys order codes as <c>NaturalOrder</c> does, for numbers of up to ten
/// digits. Stored beside the code and set with it; the migration that added the keys fills them in SQL the same way.
/// </summary>
public static class NaturalSortKey
{
    public const int Digits = 10;

    /// <summary>The longest key of a code of <paramref name="codeLength"/> characters (every other character a one-digit number).</summary>
    public static int MaxLength(int codeLength) => ((codeLength + 1) / 2 * Digits) + (codeLength / 2);

    public static string Of(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return string.Empty;
        }

        var key = new StringBuilder(code.Length * 2);
        for (var i = 0; i < code.Length;)
        {
            if (char.IsAsciiDigit(code[i]))
            {
                var start = i;
                while (i < code.Length && char.IsAsciiDigit(code[i]))
                {
                    i++;
                }

                var digits = code.AsSpan(start, i - start).TrimStart('0');
                key.Append('0', Math.Max(0, Digits - digits.Length)).Append(digits);
            }
            else
            {
                key.Append(char.IsAsciiLetterLower(code[i]) ? char.ToUpperInvariant(code[i]) : code[i]);
                i++;
            }
        }

        return key.ToString();
    }

    /// <summary>The property every sort key is stored in.</summary>
    public const string Property = "CodeSortKey";

    /// <summary>On PostgreSQL the keys compare byte by byte (collation "C"), whatever the database's collation (which may ignore punctuation); SQLite compares them so already.</summary>
    public static void CompareOrdinallyOnPostgres(ModelBuilder modelBuilder)
    {
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(t => t.GetDeclaredProperties()).Where(p => p.Name == Property).ToList())
        {
            property.SetCollation("C");
        }
    }
}
