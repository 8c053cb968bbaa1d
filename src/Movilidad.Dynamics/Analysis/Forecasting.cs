
namespace Movilidad.Dynamics.Analysis;

/// <summary>A forecasting method of the occupation outlook.</summary>
public enum ForecastMethod
{
    /// <summary>A straight line fitted by least squares to the whole history.</summary>
    LinearTrend,

    /// <summary>Holt's linear exponential smoothing (level and trend), its two constants chosen by least one-step-ahead squared error.</summary>
    Holt,
}

/// <summary>How a method did when fitted on the history without its last periods and asked to forecast them.</summary>
/// <param name="Method">The method.</param>
/// <param name="Forecast">What it forecast for the held-back periods.</param>
/// <param name="Rmse">Root mean square error against the held-back values.</param>
/// <param name="Mape">Mean absolute percentage error (percent) against the held-back values that are not zero.</param>
public sealed record BacktestScore(ForecastMethod Method, IReadOnlyList<double> Forecast, double Rmse, double Mape);

/// <summary>A forecast of a series, with the method chosen by back-test and a prediction band.</summary>
/// <param name="Method">The method chosen: the one with the lower back-test RMSE (the trend line on a tie, being simpler).</param>
/// <param name="Values">The forecast, one value per future period.</param>
/// <param name="Lower">The lower edge of the prediction band per period.</param>
/// <param name="Upper">The upper edge of the prediction band per period.</param>
/// <param name="Confidence">The band's coverage (0.95 by default).</param>
/// <param name="HeldBack">How many last periods the back-test held back.</param>
/// <param name="Scores">Every method's back-test, the chosen one first.</param>
/// <param name="Alpha">Holt's level constant (when Holt is chosen; else NaN).</param>
/// <param name="Beta">Holt's trend constant (when Holt is chosen; else NaN).</param>
public sealed record Forecast(
    ForecastMethod Method,
    IReadOnlyList<double> Values,
    IReadOnlyList<double> Lower,
    IReadOnlyList<double> Upper,
    double Confidence,
    int HeldBack,
    IReadOnlyList<BacktestScore> Scores,
    double Alpha,
    double Beta)
{
    /// <summary>The chosen method's back-test.</summary>
    public BacktestScore Backtest => Scores[0];
}

/// <summary>
/// Forecasts of short yearly or quarterly series (the occupation outlook): a least-squares trend line and Holt's
/// exponential smoothing, the method chosen per series by back-test on held-back periods, with a prediction band.
/// Pure functions: the same history gives the same forecast.
/// </summary>
public static class Forecasting
{
    /// <summary>The fewest periods a series needs besides those held back.</summary>
    public const int MinimumFitted = 3;

    /// <summary>A least-squares line through the history (at periods 0, 1, ...) extended <paramref name="horizon"/> periods.</summary>
    public static double[] LinearTrend(IReadOnlyList<double> history, int horizon)
    {
        var (intercept, slope, _) = Line(history);
        return [.. Enumerable.Range(history.Count, horizon).Select(t => intercept + (slope * t))];
    }

    /// <summary>
    /// Holt's method: level and trend smoothed with constants α and β chosen on a grid of 0.02 to 0.98 by least
    /// one-step-ahead squared error (level starting at the first value, trend at the first difference).
    /// </summary>
    public static (double[] Forecast, double Alpha, double Beta, double OneStepSse) Holt(IReadOnlyList<double> history, int horizon)
    {
        ArgumentNullException.ThrowIfNull(history);
        var best = (Alpha: 0.5, Beta: 0.5, Sse: double.PositiveInfinity);
        for (var a = 1; a <= 49; a++)
        {
            for (var b = 1; b <= 49; b++)
            {
                var sse = HoltRun(history, a / 50.0, b / 50.0, out _, out _);
                if (sse < best.Sse - 1e-12)
                {
                    best = (a / 50.0, b / 50.0, sse);
                }
            }
        }

        HoltRun(history, best.Alpha, best.Beta, out var level, out var trend);
        return ([.. Enumerable.Range(1, horizon).Select(h => level + (h * trend))], best.Alpha, best.Beta, best.Sse);
    }

    /// <summary>
    /// Back-tests both methods on the last <paramref name="heldBack"/> periods, chooses the better, refits it on the
    /// whole history and forecasts <paramref name="horizon"/> periods with a band of the given coverage: for the
    /// line, the regression's prediction interval (Student's t); for Holt, the ETS(A,A,N) variance
    /// σ² (1 + Σ α² (1 + jβ)²) with σ² from the one-step errors.
    /// </summary>
    /// <exception cref="AnalysisException">The history is shorter than <see cref="MinimumFitted"/> plus the periods held back, or has a value that is not a number.</exception>
    public static Forecast Choose(IReadOnlyList<double> history, int horizon, int heldBack = 2, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentOutOfRangeException.ThrowIfNegative(horizon);
        ArgumentOutOfRangeException.ThrowIfLessThan(heldBack, 1);
        if (history.Count < MinimumFitted + heldBack)
        {
            throw new AnalysisException(new Diagnostic(DiagnosticCode.ForecastTooFewPeriods, ("periods", history.Count), ("heldBack", heldBack), ("needed", MinimumFitted + heldBack)));
        }

        if (history.Any(v => !double.IsFinite(v)))
        {
            throw new AnalysisException(new Diagnostic(DiagnosticCode.ForecastValueNotNumber));
        }

        var fitted = history.Take(history.Count - heldBack).ToList();
        var actual = history.Skip(history.Count - heldBack).ToList();
        var line = Score(ForecastMethod.LinearTrend, LinearTrend(fitted, heldBack), actual);
        var holt = Score(ForecastMethod.Holt, Holt(fitted, heldBack).Forecast, actual);
        var scores = holt.Rmse < line.Rmse - (1e-9 * Math.Max(1, line.Rmse)) ? new[] { holt, line } : [line, holt];
        var z = Gaussian.InverseCdf(0.5 + (confidence / 2));
        var n = history.Count;
        if (scores[0].Method == ForecastMethod.LinearTrend)
        {
            var (intercept, slope, residual) = Line(history);
            var t = StudentQuantile(z, n - 2);
            var mean = (n - 1) / 2.0;
            var sxx = Enumerable.Range(0, n).Sum(i => (i - mean) * (i - mean));
            var values = Enumerable.Range(n, horizon).Select(x => intercept + (slope * x)).ToArray();
            var half = Enumerable.Range(n, horizon).Select(x => t * residual * Math.Sqrt(1 + (1.0 / n) + ((x - mean) * (x - mean) / sxx))).ToArray();
            return new Forecast(ForecastMethod.LinearTrend, values, [.. values.Zip(half, (v, h) => v - h)], [.. values.Zip(half, (v, h) => v + h)], confidence, heldBack, scores, double.NaN, double.NaN);
        }

        var (forecast, alpha, beta, sse) = Holt(history, horizon);
        var sigma = Math.Sqrt(sse / Math.Max(1, n - 3));
        var halves = new double[horizon];
        var sum = 1.0;
        for (var h = 1; h <= horizon; h++)
        {
            halves[h - 1] = z * sigma * Math.Sqrt(sum);
            sum += Math.Pow(alpha * (1 + (h * beta)), 2);
        }

        return new Forecast(ForecastMethod.Holt, forecast, [.. forecast.Zip(halves, (v, h) => v - h)], [.. forecast.Zip(halves, (v, h) => v + h)], confidence, heldBack, scores, alpha, beta);
    }

    private static BacktestScore Score(ForecastMethod method, double[] forecast, IReadOnlyList<double> actual)
    {
        var rmse = Math.Sqrt(actual.Select((a, i) => (forecast[i] - a) * (forecast[i] - a)).Average());
        var relative = actual.Select((a, i) => (a, f: forecast[i])).Where(p => p.a != 0).Select(p => Math.Abs((p.f - p.a) / p.a)).ToList();
        return new BacktestScore(method, forecast, rmse, relative.Count == 0 ? double.NaN : 100 * relative.Average());
    }

    /// <summary>Least squares of the history on 0, 1, ...: intercept, slope and the residual standard error (n − 2 degrees of freedom).</summary>
    private static (double Intercept, double Slope, double Residual) Line(IReadOnlyList<double> y)
    {
        var n = y.Count;
        var mx = (n - 1) / 2.0;
        var my = y.Average();
        double sxy = 0, sxx = 0;
        for (var i = 0; i < n; i++)
        {
            sxy += (i - mx) * (y[i] - my);
            sxx += (i - mx) * (i - mx);
        }

        var slope = sxx == 0 ? 0 : sxy / sxx;
        var intercept = my - (slope * mx);
        var sse = Enumerable.Range(0, n).Sum(i => Math.Pow(y[i] - intercept - (slope * i), 2));
        return (intercept, slope, n > 2 ? Math.Sqrt(sse / (n - 2)) : 0);
    }

    /// <summary>One-step-ahead squared errors of Holt's recursions; the final level and trend.</summary>
    private static double HoltRun(IReadOnlyList<double> y, double alpha, double beta, out double level, out double trend)
    {
        level = y[0];
        trend = y.Count > 1 ? y[1] - y[0] : 0;
        var sse = 0.0;
        for (var t = 1; t < y.Count; t++)
        {
            var predicted = level + trend;
            var error = y[t] - predicted;
            if (t > 1)
            {
                sse += error * error;
            }

            var previous = level;
            level = (alpha * y[t]) + ((1 - alpha) * predicted);
            trend = (beta * (level - previous)) + ((1 - beta) * trend);
        }

        return sse;
    }

    /// <summary>Student's t quantile from the normal one by the Cornish-Fisher expansion (Abramowitz and Stegun 26.7.5).</summary>
    internal static double StudentQuantile(double z, int degrees)
    {
        if (degrees < 1)
        {
            return double.PositiveInfinity;
        }

        var v = (double)degrees;
        var z3 = z * z * z;
        var z5 = z3 * z * z;
        var z7 = z5 * z * z;
        var z9 = z7 * z * z;
        return z + ((z3 + z) / (4 * v)) + (((5 * z5) + (16 * z3) + (3 * z)) / (96 * v * v)) + (((3 * z7) + (19 * z5) + (17 * z3) - (15 * z)) / (384 * v * v * v))
            + (((79 * z9) + (776 * z7) + (1482 * z5) - (1920 * z3) - (945 * z)) / (92160 * v * v * v * v));
    }
}
