using System.Globalization;

namespace Movilidad.Dynamics.Tests;

/// <summary>
/// GET TIME VALUE's calendar measures of the simulation time. Expected dates are worked out by hand from Vensim's
/// definitions: time counts from 1 January of year 0 (1 BC); years, quarters and months use a 360-day year of
/// twelve 30-day months; weeks, days, hours, minutes and seconds use the Gregorian calendar.
/// </summary>
public sealed class GetTimeValueTests
{
    private static readonly string[] Measures = ["year", "quarter", "month", "day of month", "day of week", "days", "hour", "minute", "second", "seconds mod"];

    /// <summary>All ten measures of GET TIME VALUE(relativeTo, offset, m) at the initial time of a model in <paramref name="unit"/>.</summary>
    private static double[] MeasuresAt(string unit, double initial, int relativeTo = 0, double offset = 0)
    {
        var equations = string.Concat(Measures.Select((name, i) => string.Create(CultureInfo.InvariantCulture, $"{name} = GET TIME VALUE({relativeTo}, {offset}, {i + 1}) ~~|\n")));
        var text = equations + string.Create(CultureInfo.InvariantCulture, $"INITIAL TIME = {initial} ~ {unit} ~|\nFINAL TIME = {initial + 1} ~ {unit} ~|\nTIME STEP = 1 ~ {unit} [0,?] ~|\nSAVEPER = TIME STEP ~ {unit} ~|\n");
        var result = ModelText.Load(text, "calendar.mdl").Compile().Run();
        return [.. Measures.Select(name => result.Series(name)[0])];
    }

    [Fact]
    public void MonthUnits_TimeFifty_IsMarchOfYearFourIn360DayYears()
    {
        // 50 months = 4 years and 2 months: 1 March of year 4, day 50·30 = 1,500; 1,500 + 6 (1 January of year 0
        // was a Saturday) is 1 mod 7, a Monday; 1,500·86,400 s = 129,600,000 s, which is 100,000 mod 500,000.
        Assert.Equal([4.0, 1, 3, 1, 1, 1500, 0, 0, 0, 100_000], MeasuresAt("Month", 50));
    }

    [Fact]
    public void MonthUnits_OffsetOfAQuarterMonth_MovesSevenAndAHalfDays()
    {
        // 50.25 months: a quarter of a 30-day month is 7.5 days, so 8 March of year 4 at noon; 1,507.5 days are
        // 130,248,000 s, which is 248,000 mod 500,000.
        Assert.Equal([4.0, 1, 3, 8, 1, 1507, 12, 0, 0, 248_000], MeasuresAt("Months", 50, offset: 0.25));
    }

    [Fact]
    public void MonthUnits_NegativeTime_CountsBackFromYearZero()
    {
        // −10 months = year −1 and 2 months: 1 March of year −1, day −300; (−300 + 6) mod 7 = 0, a Sunday.
        Assert.Equal([-1.0, 1, 3, 1, 0, -300], MeasuresAt("Month", -10).Take(6));
    }

    [Fact]
    public void YearUnits_FractionOfAYear_IsTakenIn30DayMonths()
    {
        // 2020.2 years = 24,242.4 months: March (the third month) of 2020, 0.4·30 = 12 days in, so the 13th;
        // day 2020·360 + 72 = 727,272.
        Assert.Equal([2020.0, 1, 3, 13, FloorMod(727_272 + 6, 7), 727_272, 0, 0, 0], MeasuresAt("Year", 2020.2).Take(9));
    }

    [Fact]
    public void YearUnits_MidYear_IsFirstOfJulyInTheThirdQuarter()
    {
        Assert.Equal([2020.0, 3, 7, 1], MeasuresAt("Years", 2020.5).Take(4));
    }

    [Fact]
    public void QuarterUnits_QuarterIndex_GivesTheFirstMonthOfTheQuarter()
    {
        // 8,082 quarters = 2,020 years and 2 quarters: 1 July 2020.
        Assert.Equal([2020.0, 3, 7, 1], MeasuresAt("Quarter", 8082).Take(4));
    }

    [Fact]
    public void DayUnits_LeapDay2024_IsAGregorianThursday()
    {
        // 29 February 2024 is 739,310 days after 1 January of year 0 (738,944 days after 1 January of year 1,
        // plus the 366 days of the leap year 1 BC); 0.75 of a day later is 18:00.
        Assert.Equal([2024.0, 1, 2, 29, 4, 739_310, 18, 0, 0, FloorMod((739_310L * 86_400) + (18 * 3_600), 500_000)], MeasuresAt("Day", 739_310.75));
    }

    [Fact]
    public void DayUnits_YearZeroIsALeapYearAnd1900IsNot()
    {
        Assert.Equal([0.0, 1, 2, 29], MeasuresAt("Day", 59).Take(4));
        Assert.Equal([0.0, 1, 3, 1], MeasuresAt("Day", 60).Take(4));
        Assert.Equal([1900.0, 1, 2, 28], MeasuresAt("Days", 694_019).Take(4));
        Assert.Equal([1900.0, 1, 3, 1], MeasuresAt("Days", 694_020).Take(4));
    }

    [Fact]
    public void WeekUnits_HalfAWeekAfterNewYear2000_IsTuesdayNoon()
    {
        // 1 January 2000 (a Saturday) is day 730,485 = week 104,355; 3.5 days later is Tuesday 4 January at 12:00.
        Assert.Equal([2000.0, 1, 1, 4, 2, 730_488, 12, 0, 0], MeasuresAt("Week", 104_355.5).Take(9));
    }

    [Fact]
    public void HourUnits_HalfPastOne_GivesHourAndMinute()
    {
        // 730,485 days and 13.5 hours: 1 January 2000 at 13:30.
        Assert.Equal([2000.0, 1, 1, 1, 6, 730_485, 13, 30, 0], MeasuresAt("Hour", (730_485 * 24) + 13.5).Take(9));
    }

    [Fact]
    public void SecondUnits_OneHourOneMinuteAndAFraction_KeepsTheFractionOfTheSecond()
    {
        // 3,661.25 s after the start of 1 January of year 0 (a Saturday): 01:01:01.25, 3,661 elapsed seconds.
        Assert.Equal([0.0, 1, 1, 1, 6, 0, 1, 1, 1.25, 3_661], MeasuresAt("Second", 3_661.25));
    }

    [Fact]
    public void MinuteUnits_InitialTimeOrigin_IgnoresTheCurrentTime()
    {
        // GET TIME VALUE(1, ...) measures from INITIAL TIME: 90 minutes after it is 01:30 on 1 January of year 0.
        var text = "later = GET TIME VALUE(1, 90, 7) ~~|\nminute = GET TIME VALUE(1, 90, 8) ~~|\nnow = GET TIME VALUE(0, 0, 8) ~~|\n" +
            "INITIAL TIME = 0 ~ Minute ~|\nFINAL TIME = 3 ~ Minute ~|\nTIME STEP = 1 ~ Minute ~|\nSAVEPER = TIME STEP ~ Minute ~|\n";
        var result = ModelText.Load(text, "minutes.mdl").Compile().Run();

        Assert.Equal([1.0, 1, 1, 1], result.Series("later"));
        Assert.Equal([30.0, 30, 30, 30], result.Series("minute"));
        Assert.Equal([0.0, 1, 2, 3], result.Series("now"));
    }

    [Fact]
    public void XmileTimeUnits_AreReadFromTheSimSpecs()
    {
        var text = """
            <xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
              <sim_specs time_units="Months"><start>50</start><stop>51</stop><dt>1</dt></sim_specs>
              <model><variables><aux name="month"><eqn>GET_TIME_VALUE(0, 0, 3)</eqn></aux></variables></model>
            </xmile>
            """;

        Assert.Equal(3, ModelText.Load(text, "calendar.xmile").Compile().Run().Series("month")[0]);
    }

    [Fact]
    public void UnitThatIsNotACalendarUnit_IsAnErrorNamingIt()
    {
        var error = Assert.Throws<ModelException>(() => MeasuresAt("Generation", 3));

        Assert.Contains("'Generation'", error.Message, StringComparison.Ordinal);
        Assert.Contains("year, quarter, month, week, day, hour, minute or second", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ComputerClockWithMeasureZero_IsAnError()
    {
        var error = Assert.Throws<ModelException>(() => ModelText.Vensim("y = GET TIME VALUE(2, 0, 0) ~~|").Compile());

        Assert.Contains("computer's clock", error.Message, StringComparison.Ordinal);
    }

    private static double FloorMod(long a, long b) => ((a % b) + b) % b;
}
