namespace Movilidad.Dynamics.Builtins;

/// <summary>A model time unit that GET TIME VALUE can read as a date.</summary>
internal enum CalendarUnit
{
    Year,
    Quarter,
    Month,
    Week,
    Day,
    Hour,
    Minute,
    Second,
}

/// <summary>
/// GET TIME VALUE's calendar measures, as Vensim's documentation defines them. A time counts from 1 January of
/// year 0 (1 BC), so a model in years running from 2020 reads year 2020, and measure 6 of a model in days is its
/// time. With years, quarters or months as the time unit the calendar has 360 days (twelve months of 30 days);
/// with weeks, days, hours, minutes or seconds it is the Gregorian calendar with its leap years (year 0 is a leap
/// year, as 1 BC is in the proleptic Gregorian calendar). Measures: 1 year, 2 quarter (1–4), 3 month (1–12),
/// 4 day of month, 5 day of week (0 is Sunday), 6 days since 1 January of year 0, 7 hour (0–23), 8 minute
/// (0–59), 9 second with its fraction, 10 elapsed seconds modulo 500,000.
/// </summary>
internal static class Calendar
{
    private const double SecondsPerDay = 86_400;

    /// <summary>The Gregorian calendar repeats every 400 years (146,097 days, a whole number of weeks).</summary>
    private const long DaysPer400Years = 146_097;

    /// <summary>1 January 400 falls on the same weekday and leap-year cycle position as 1 January of year 0.</summary>
    private static readonly DateTime CycleStart = new(400, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>The calendar unit a model's time unit names (singular, plural or the usual abbreviation), or null.</summary>
    public static CalendarUnit? UnitOf(string? units) =>
        units?.Trim().ToUpperInvariant() switch
        {
            "YEAR" or "YEARS" or "YR" or "YRS" => CalendarUnit.Year,
            "QUARTER" or "QUARTERS" or "QTR" or "QTRS" => CalendarUnit.Quarter,
            "MONTH" or "MONTHS" or "MO" or "MON" or "MOS" => CalendarUnit.Month,
            "WEEK" or "WEEKS" or "WK" or "WKS" => CalendarUnit.Week,
            "DAY" or "DAYS" => CalendarUnit.Day,
            "HOUR" or "HOURS" or "HR" or "HRS" => CalendarUnit.Hour,
            "MINUTE" or "MINUTES" or "MIN" or "MINS" => CalendarUnit.Minute,
            "SECOND" or "SECONDS" or "SEC" or "SECS" => CalendarUnit.Second,
            _ => null,
        };

    /// <summary>Measure 1–10 of a simulation time given in <paramref name="unit"/> (a <see cref="CalendarUnit"/>).</summary>
    public static double SimulationMeasure(double time, int unit, int measure)
    {
        if (double.IsNaN(time) || double.IsInfinity(time))
        {
            return double.NaN;
        }

        var calendarUnit = (CalendarUnit)unit;
        double days = calendarUnit switch
        {
            // Whole months first, so that month 50 is exactly day 1,500 and not a rounding error short of it.
            CalendarUnit.Year => Snap(time * 12) * 30,
            CalendarUnit.Quarter => Snap(time * 3) * 30,
            CalendarUnit.Month => Snap(time) * 30,
            CalendarUnit.Week => time * 7,
            CalendarUnit.Day => time,
            CalendarUnit.Hour => time / 24,
            CalendarUnit.Minute => time / 1_440,
            _ => time / SecondsPerDay,
        };
        return Measure(Snap(days), calendarUnit <= CalendarUnit.Month, measure);
    }

    /// <summary>Measure 1–10 of the computer's local clock (Gregorian).</summary>
    public static double ClockMeasure(int measure)
    {
        var now = DateTime.Now;
        var day = (now - DateTime.MinValue).Days + 366L;
        return Measure(day + (now.TimeOfDay.TotalSeconds / SecondsPerDay), days360: false, measure);
    }

    /// <summary>A measure of a moment given as days (with their fraction) since 1 January of year 0.</summary>
    public static double Measure(double days, bool days360, int measure)
    {
        var day = (long)Math.Floor(days);
        var secondOfDay = (days - day) * SecondsPerDay;
        var wholeSecond = Math.Round(secondOfDay);
        if (Math.Abs(secondOfDay - wholeSecond) < 1e-6)
        {
            secondOfDay = wholeSecond;
        }

        if (secondOfDay >= SecondsPerDay)
        {
            day++;
            secondOfDay -= SecondsPerDay;
        }

        switch (measure)
        {
            case 6:
                return day;
            case 7:
                return Math.Floor(secondOfDay / 3_600);
            case 8:
                return Math.Floor(secondOfDay % 3_600 / 60);
            case 9:
                return secondOfDay % 60;
            case 10:
                return FloorMod((FloorMod(day, 500_000) * 86_400) + (long)Math.Floor(secondOfDay), 500_000);
            case 5:
                return days360 ? FloorMod(day + 6, 7) : (int)GregorianDate(day).Date.DayOfWeek;
        }

        int year, month, dayOfMonth;
        if (days360)
        {
            var y = FloorDiv(day, 360);
            var dayOfYear = day - (y * 360);
            year = (int)y;
            month = (int)(dayOfYear / 30) + 1;
            dayOfMonth = (int)(dayOfYear % 30) + 1;
        }
        else
        {
            var (date, cycles) = GregorianDate(day);
            year = date.Year - 400 + (int)(cycles * 400);
            month = date.Month;
            dayOfMonth = date.Day;
        }

        return measure switch
        {
            1 => year,
            2 => ((month - 1) / 3) + 1,
            3 => month,
            _ => dayOfMonth,
        };
    }

    /// <summary>The date <paramref name="day"/> days after 1 January of year 0, moved into years 400–799, and by how many 400-year cycles.</summary>
    private static (DateTime Date, long Cycles) GregorianDate(long day)
    {
        var cycles = FloorDiv(day, DaysPer400Years);
        return (CycleStart.AddDays(day - (cycles * DaysPer400Years)), cycles);
    }

    private static long FloorDiv(long a, long b) => (a / b) - ((a % b) < 0 ? 1 : 0);

    private static long FloorMod(long a, long b) => ((a % b) + b) % b;

    /// <summary>A value within rounding error (1e-13 relative) of a whole number is that whole number.</summary>
    private static double Snap(double x)
    {
        var whole = Math.Round(x);
        return Math.Abs(x - whole) <= 1e-13 * Math.Max(1, Math.Abs(x)) ? whole : x;
    }
}
