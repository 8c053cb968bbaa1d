using System.Globalization;
using System.Text.RegularExpressions;

namespace Movilidad.Records;

/// <summary>How long a <see cref="Period"/> is.</summary>
public enum PeriodKind
{
    /// <summary>A calendar year: <c>2019</c>.</summary>
    Year = 1,

    /// <summary>A calendar half-year: <c>2019-S1</c>.</summary>
    Semester,

    /// <summary>A calendar quarter: <c>2019-Q4</c>.</summary>
    Quarter,

    /// <summary>A calendar month: <c>2019-M03</c>.</summary>
    Month,

    /// <summary>Any other span, written as an SDMX time range: <c>2018-10-01/P12M</c> (a US fiscal year).</summary>
    Range,
}

/// <summary>
/// The time an observation refers to, written as an SDMX period code. Rows of US files also keep the US
/// federal fiscal year (October to September) they belong to, beside the calendar period of the decision.
/// </summary>
public sealed partial record Period
{
    private Period(string code, PeriodKind kind, DateOnly start, DateOnly end, int? fiscalYear)
    {
        Code = code;
        Kind = kind;
        Start = start;
        End = end;
        FiscalYear = fiscalYear;
    }

    /// <summary>The SDMX code: <c>2019</c>, <c>2019-S1</c>, <c>2019-Q4</c>, <c>2019-M03</c> or a time range <c>2018-10-01/P12M</c>.</summary>
    public string Code { get; }

    /// <summary>How long the period is.</summary>
    public PeriodKind Kind { get; }

    /// <summary>First day of the period.</summary>
    public DateOnly Start { get; }

    /// <summary>Last day of the period (inclusive).</summary>
    public DateOnly End { get; }

    /// <summary>The US federal fiscal year (October to September, named by the year it ends) the row belongs to, for US sources.</summary>
    public int? FiscalYear { get; private init; }

    /// <summary>A calendar year.</summary>
    public static Period Year(int year) =>
        new(year.ToString("D4", CultureInfo.InvariantCulture), PeriodKind.Year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), null);

    /// <summary>A half-year, 1 or 2.</summary>
    public static Period Semester(int year, int semester)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(semester, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(semester, 2);
        var start = new DateOnly(year, semester == 1 ? 1 : 7, 1);
        return new($"{year:D4}-S{semester}", PeriodKind.Semester, start, start.AddMonths(6).AddDays(-1), null);
    }

    /// <summary>A quarter, 1 to 4.</summary>
    public static Period Quarter(int year, int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        var start = new DateOnly(year, ((quarter - 1) * 3) + 1, 1);
        return new($"{year:D4}-Q{quarter}", PeriodKind.Quarter, start, start.AddMonths(3).AddDays(-1), null);
    }

    /// <summary>A month, 1 to 12.</summary>
    public static Period Month(int year, int month)
    {
        var start = new DateOnly(year, month, 1);
        return new($"{year:D4}-M{month:D2}", PeriodKind.Month, start, start.AddMonths(1).AddDays(-1), null);
    }

    /// <summary>The calendar quarter of a date, with the US fiscal year of that date.</summary>
    public static Period QuarterOfDecision(DateOnly date) =>
        Quarter(date.Year, ((date.Month - 1) / 3) + 1) with { FiscalYear = UsFiscalYear(date) };

    /// <summary>A whole US fiscal year (1 October of the year before to 30 September), for rows that carry no date.</summary>
    public static Period UsFiscalYearPeriod(int fiscalYear)
    {
        var start = new DateOnly(fiscalYear - 1, 10, 1);
        return new($"{start:yyyy-MM-dd}/P12M", PeriodKind.Range, start, start.AddYears(1).AddDays(-1), fiscalYear);
    }

    /// <summary>The span from <paramref name="start"/> to <paramref name="end"/>, named by the shortest SDMX code that fits it exactly.</summary>
    public static Period Span(DateOnly start, DateOnly end)
    {
        if (end < start)
        {
            throw new ArgumentException("The period ends before it starts.", nameof(end));
        }
        if (start.Day == 1 && end == start.AddMonths(1).AddDays(-1))
        {
            return Month(start.Year, start.Month);
        }
        if (start.Day == 1 && (start.Month - 1) % 3 == 0 && end == start.AddMonths(3).AddDays(-1))
        {
            return Quarter(start.Year, ((start.Month - 1) / 3) + 1);
        }
        if (start.Day == 1 && (start.Month == 1 || start.Month == 7) && end == start.AddMonths(6).AddDays(-1))
        {
            return Semester(start.Year, start.Month == 1 ? 1 : 2);
        }
        if (start.Day == 1 && start.Month == 1 && end == new DateOnly(start.Year, 12, 31))
        {
            return Year(start.Year);
        }
        var months = ((end.Year - start.Year) * 12) + end.Month - start.Month + 1;
        var duration = start.Day == 1 && end == start.AddMonths(months).AddDays(-1)
            ? $"P{months}M"
            : $"P{end.DayNumber - start.DayNumber + 1}D";
        return new($"{start:yyyy-MM-dd}/{duration}", PeriodKind.Range, start, end, null);
    }

    /// <summary>The US federal fiscal year of a date: October to December belong to the next year's.</summary>
    public static int UsFiscalYear(DateOnly date) => date.Month >= 10 ? date.Year + 1 : date.Year;

    /// <summary>
    /// Reads an SDMX period code: <c>2019</c>, <c>2019-Q4</c>, <c>2019-S1</c>, <c>2019-M03</c>, ILOSTAT's
    /// <c>2019Q4</c> and <c>2019M03</c>, <c>2019-03</c>, or a time range <c>2018-10-01/P12M</c>.
    /// </summary>
    public static bool TryParse(string? text, out Period period)
    {
        period = Year(1);
        var code = text?.Trim() ?? "";
        var match = PeriodCode().Match(code);
        if (!match.Success)
        {
            return TryParseRange(code, out period);
        }
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year < 1 || year > 9998)
        {
            return false;
        }
        var number = match.Groups["number"].Success ? int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture) : 0;
        var kind = match.Groups["kind"].Value.ToUpperInvariant();
        switch (kind)
        {
            case "":
                if (match.Groups["number"].Success)
                {
                    if (number is < 1 or > 12) return false;
                    period = Month(year, number);
                    return true;
                }
                period = Year(year);
                return true;
            case "A" when number == 1:
                period = Year(year);
                return true;
            case "S" when number is 1 or 2:
                period = Semester(year, number);
                return true;
            case "Q" when number is >= 1 and <= 4:
                period = Quarter(year, number);
                return true;
            case "M" when number is >= 1 and <= 12:
                period = Month(year, number);
                return true;
            default:
                return false;
        }
    }

    private static bool TryParseRange(string code, out Period period)
    {
        period = Year(1);
        var match = RangeCode().Match(code);
        if (!match.Success
            || !DateOnly.TryParseExact(match.Groups["start"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
        {
            return false;
        }
        var amount = int.Parse(match.Groups["amount"].Value, CultureInfo.InvariantCulture);
        if (amount < 1 || amount > 1200)
        {
            return false;
        }
        var end = match.Groups["unit"].Value.ToUpperInvariant() switch
        {
            "Y" => start.AddYears(amount).AddDays(-1),
            "M" => start.AddMonths(amount).AddDays(-1),
            _ => start.AddDays(amount - 1),
        };
        period = new(code, PeriodKind.Range, start, end, null);
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => Code;

    [GeneratedRegex(@"^(?<year>\d{4})(?:-?(?<kind>[AaSsQqMm])(?<number>\d{1,2})|-(?<number>\d{2}))?$")]
    private static partial Regex PeriodCode();

    [GeneratedRegex(@"^(?<start>\d{4}-\d{2}-\d{2})/P(?<amount>\d{1,4})(?<unit>[YyMmDd])$")]
    private static partial Regex RangeCode();
}
