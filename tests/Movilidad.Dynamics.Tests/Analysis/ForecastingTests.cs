using Movilidad.Dynamics.Analysis;

namespace Movilidad.Dynamics.Tests.Analysis;

/// <summary>The occupation outlook's forecasts: trend line, Holt, choice by back-test, prediction band.</summary>
public sealed class ForecastingTests
{
    [Fact]
    public void LinearTrend_StraightLine_ExtendsIt()
    {
        Assert.Equal([9.0, 11], Forecasting.LinearTrend([1.0, 3, 5, 7], 2));
    }

    [Fact]
    public void Holt_StraightLine_ExtendsIt()
    {
        var (forecast, _, _, sse) = Forecasting.Holt([1.0, 3, 5, 7, 9], 3);

        Assert.Equal([11.0, 13, 15], forecast.Select(v => Math.Round(v, 9)));
        Assert.Equal(0, sse, 12);
    }

    [Fact]
    public void Choose_StraightLine_TakesTheTrendWithAZeroWidthBand()
    {
        var forecast = Forecasting.Choose([2.0, 4, 6, 8, 10, 12], 2);

        Assert.Equal(ForecastMethod.LinearTrend, forecast.Method);
        Assert.Equal([14.0, 16], forecast.Values.Select(v => Math.Round(v, 9)));
        Assert.Equal(0, forecast.Backtest.Rmse, 9);
        Assert.Equal(forecast.Values.Select(v => Math.Round(v, 9)), forecast.Lower.Select(v => Math.Round(v, 9)));
    }

    [Fact]
    public void Choose_TrendThatTurns_TakesHoltWhoseBackTestIsBetter()
    {
        double[] series = [10, 10, 10, 10, 10, 10, 12, 14, 16, 18, 20];

        var forecast = Forecasting.Choose(series, 3, heldBack: 2);

        Assert.Equal(ForecastMethod.Holt, forecast.Method);
        Assert.Equal(ForecastMethod.LinearTrend, forecast.Scores[1].Method);
        Assert.True(forecast.Backtest.Rmse < forecast.Scores[1].Rmse);
        Assert.Equal([18.0, 20], forecast.Scores[0].Forecast.Select(v => Math.Round(v, 0)));
        Assert.InRange(forecast.Values[0], 21, 23);
        Assert.InRange(forecast.Alpha, 0.5, 1);
    }

    [Fact]
    public void Choose_NoisySeries_BandHoldsTheForecastAndWidensWithTheHorizon()
    {
        double[] series = [100, 108, 113, 125, 128, 141, 144, 155];

        var forecast = Forecasting.Choose(series, 4);

        for (var h = 0; h < 4; h++)
        {
            Assert.True(forecast.Lower[h] < forecast.Values[h] && forecast.Values[h] < forecast.Upper[h]);
            if (h > 0)
            {
                Assert.True(forecast.Upper[h] - forecast.Lower[h] > forecast.Upper[h - 1] - forecast.Lower[h - 1]);
            }
        }

        Assert.Equal(2, forecast.HeldBack);
        Assert.True(forecast.Backtest.Mape is > 0 and < 10);
    }

    [Fact]
    public void Choose_TooShortOrNotANumber_IsRefused()
    {
        Assert.Contains("needs at least 5", Assert.Throws<AnalysisException>(() => Forecasting.Choose([1.0, 2, 3, 4], 1)).Message, StringComparison.Ordinal);
        Assert.Throws<AnalysisException>(() => Forecasting.Choose([1.0, 2, double.NaN, 4, 5], 1));
    }

    [Theory]
    [InlineData(3, 3.182446305284263)]
    [InlineData(10, 2.2281388519649385)]
    [InlineData(30, 2.0422724563012373)]
    public void StudentQuantile_MatchesTables(int degrees, double t)
    {
        Assert.Equal(t, Forecasting.StudentQuantile(1.959963984540054, degrees), 2);
    }
}
