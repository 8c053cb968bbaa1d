using System.Globalization;
using System.Text.RegularExpressions;

namespace Movilidad.Platform.Indicators;

/// <summary>A reporting period by its SDMX code (2025-S1, 2025-Q3, 2025) and its first and last day.</summary>
public sealed record PeriodSpan(string Code, PeriodType Type, DateOnly Start, DateOnly End);

public static partial class Periods
{
    /// <summary>The periods of one type that cover whole years <paramref name="firstYear"/> to <paramref name="lastYear"/>, in order.</summary>
    public static IEnumerable<PeriodSpan> Between(int firstYear, int lastYear, PeriodType type)
    {
        var months = Months(type);
        for (var year = firstYear; year <= lastYear; year++)
        {
            for (var part = 0; part < 12 / months; part++)
            {
                var start = new DateOnly(year, (part * months) + 1, 1);
                var code = type switch
                {
                    PeriodType.Year => year.ToString(CultureInfo.InvariantCulture),
                    PeriodType.Semester => string.Create(CultureInfo.InvariantCulture, $"{year}-S{part + 1}"),
                    PeriodType.Quarter => string.Create(CultureInfo.InvariantCulture, $"{year}-Q{part + 1}"),
                    _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
                };
                yield return new PeriodSpan(code, type, start, start.AddMonths(months).AddDays(-1));
            }
        }
    }

    /// <summary>Reads a period code; null when it is not one (2025-S3, 2025-13, text).</summary>
    public static PeriodSpan? Parse(string? code)
    {
        var match = Code().Match(code?.Trim() ?? string.Empty);
        if (!match.Success)
        {
            return null;
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (!match.Groups["kind"].Success)
        {
            return Between(year, year, PeriodType.Year).Single();
        }

        var type = match.Groups["kind"].Value == "S" ? PeriodType.Semester : PeriodType.Quarter;
        var part = int.Parse(match.Groups["part"].Value, CultureInfo.InvariantCulture);
        return Between(year, year, type).ElementAtOrDefault(part - 1);
    }

    /// <summary>How a period is read: "1.er semestre 2025", "Q3 2025".</summary>
    public static string Label(string code, CultureInfo culture)
    {
        var span = Parse(code);
        var spanish = culture.TwoLetterISOLanguageName == "es";
        return span?.Type switch
        {
            PeriodType.Semester => spanish ? $"{(code.EndsWith('1') ? "1.er" : "2.º")} semestre {code[..4]}" : $"{(code.EndsWith('1') ? "First" : "Second")} half {code[..4]}",
            PeriodType.Quarter => spanish ? $"T{code[^1]} {code[..4]}" : $"Q{code[^1]} {code[..4]}",
            PeriodType.Year or null => code,
            _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
        };
    }

    private static int Months(PeriodType type) => type switch
    {
        PeriodType.Quarter => 3,
        PeriodType.Semester => 6,
        PeriodType.Year => 12,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    [GeneratedRegex("^(?<year>[12][0-9]{3})(-(?<kind>[SQ])(?<part>[1-4]))?$")]
    private static partial Regex Code();
}
