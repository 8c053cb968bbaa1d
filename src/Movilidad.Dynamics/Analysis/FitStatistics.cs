namespace Movilidad.Dynamics.Analysis;

/// <summary>
/// How well a simulated series matches an observed one (Sterman, <i>Business Dynamics</i>, ch. 21): the root mean
/// square error, the mean absolute percentage error, R² (the squared correlation) and Theil's inequality statistics,
/// the shares of the mean square error due to bias (U^M), unequal variation (U^S) and imperfect covariation (U^C),
/// which add up to 1.
/// </summary>
/// <param name="Variable">The variable compared.</param>
/// <param name="Times">The times compared.</param>
/// <param name="Observed">The observed values.</param>
/// <param name="Simulated">The simulated values at those times.</param>
public sealed record FitStatistics(string Variable, IReadOnlyList<double> Times, IReadOnlyList<double> Observed, IReadOnlyList<double> Simulated)
{
    /// <summary>How many points were compared.</summary>
    public int Points => Observed.Count;

    /// <summary>The mean square error.</summary>
    public double Mse => Enumerable.Range(0, Points).Average(i => Square(Simulated[i] - Observed[i]));

    /// <summary>The root mean square error, in the variable's unit.</summary>
    public double Rmse => Math.Sqrt(Mse);

    /// <summary>The mean absolute percentage error (percent) over the observations that are not zero.</summary>
    public double Mape
    {
        get
        {
            var terms = Enumerable.Range(0, Points).Where(i => Observed[i] != 0).Select(i => Math.Abs((Simulated[i] - Observed[i]) / Observed[i])).ToList();
            return terms.Count == 0 ? double.NaN : 100 * terms.Average();
        }
    }

    /// <summary>The squared correlation of simulated and observed values.</summary>
    public double RSquared => Square(Statistics.Pearson(Simulated, Observed));

    /// <summary>Theil's bias share: (mean simulated − mean observed)² / MSE.</summary>
    public double TheilUm => Theil().Um;

    /// <summary>Theil's variance share: (sd simulated − sd observed)² / MSE.</summary>
    public double TheilUs => Theil().Us;

    /// <summary>Theil's covariance share: 2 (1 − r) sd simulated × sd observed / MSE.</summary>
    public double TheilUc => Theil().Uc;

    /// <summary>
    /// The three shares from their definitions (r kept within [−1, 1]), divided by their sum: they add up to 1 in
    /// exact arithmetic, and dividing removes the rounding that dominates when the fit is nearly perfect.
    /// </summary>
    private (double Um, double Us, double Uc) Theil()
    {
        var (ss, so) = (Deviation(Simulated), Deviation(Observed));
        var bias = Square(Simulated.Average() - Observed.Average());
        var variance = Square(ss - so);
        var covariance = 2 * (1 - Math.Clamp(Statistics.Pearson(Simulated, Observed), -1, 1)) * ss * so;
        var sum = bias + variance + covariance;
        return sum == 0 ? (0, 0, 0) : (bias / sum, variance / sum, covariance / sum);
    }

    private static double Square(double x) => x * x;

    private static double Deviation(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Average(v => Square(v - mean)));
    }
}
