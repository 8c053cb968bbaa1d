namespace Movilidad.Records.Tests;

public class PeriodTests
{
    [Theory]
    [InlineData("2019", "2019", "2019-01-01", "2019-12-31")]
    [InlineData("2019-Q4", "2019-Q4", "2019-10-01", "2019-12-31")]
    [InlineData("2019Q4", "2019-Q4", "2019-10-01", "2019-12-31")]
    [InlineData("2019-S1", "2019-S1", "2019-01-01", "2019-06-30")]
    [InlineData("2019-M03", "2019-M03", "2019-03-01", "2019-03-31")]
    [InlineData("2019M03", "2019-M03", "2019-03-01", "2019-03-31")]
    [InlineData("2019-03", "2019-M03", "2019-03-01", "2019-03-31")]
    [InlineData("2019-A1", "2019", "2019-01-01", "2019-12-31")]
    [InlineData("2018-10-01/P12M", "2018-10-01/P12M", "2018-10-01", "2019-09-30")]
    public void TryParse_SdmxCodes_GiveTheirSpan(string text, string code, string start, string end)
    {
        Assert.True(Period.TryParse(text, out var period));
        Assert.Equal(code, period.Code);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), period.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), period.End);
    }

    [Theory]
    [InlineData("2019-Q5")]
    [InlineData("2019-S3")]
    [InlineData("2019-M13")]
    [InlineData("19-Q1")]
    [InlineData("last year")]
    [InlineData("")]
    public void TryParse_NotAPeriod_IsRefused(string text) => Assert.False(Period.TryParse(text, out _));

    [Theory]
    [InlineData("2016-11-15", "2016-Q4", 2017)]
    [InlineData("2017-09-30", "2017-Q3", 2017)]
    [InlineData("2017-10-01", "2017-Q4", 2018)]
    [InlineData("2017-01-01", "2017-Q1", 2017)]
    public void QuarterOfDecision_UsDates_KeepCalendarQuarterAndFiscalYear(string date, string quarter, int fiscalYear)
    {
        var period = Period.QuarterOfDecision(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(quarter, period.Code);
        Assert.Equal(fiscalYear, period.FiscalYear);
    }

    [Fact]
    public void UsFiscalYearPeriod_FiscalYear2021_RunsOctoberToSeptember()
    {
        var period = Period.UsFiscalYearPeriod(2021);

        Assert.Equal("2020-10-01/P12M", period.Code);
        Assert.Equal(new DateOnly(2021, 9, 30), period.End);
        Assert.Equal(2021, period.FiscalYear);
    }

    [Fact]
    public void Span_HalfYearAndOddSpans_GetTheShortestCode()
    {
        Assert.Equal("2017-S1", Period.Span(new DateOnly(2017, 1, 1), new DateOnly(2017, 6, 30)).Code);
        Assert.Equal("2017-02-01/P2M", Period.Span(new DateOnly(2017, 2, 1), new DateOnly(2017, 3, 31)).Code);
        Assert.Equal("2017-02-03/P3D", Period.Span(new DateOnly(2017, 2, 3), new DateOnly(2017, 2, 5)).Code);
    }
}
