namespace Movilidad.Platform.Qualifications;

/// <summary>The rate a conversion used: one US dollar is worth <paramref name="Rate"/> units of the currency, on a date, by a source.</summary>
public sealed record RateUsed(string Currency, decimal Rate, DateOnly AsOf, string Source, string? SourceUrl);

/// <summary>A cost converted to the comparison's currency, with the rates used; null value when a rate is missing (named in <paramref name="MissingRate"/>).</summary>
public sealed record ConvertedCost(decimal? Value, string Currency, DateOnly On, IReadOnlyList<RateUsed> Rates, string? MissingRate);

/// <summary>
/// Converts the costs of procedures into one currency at a stated date, through the US dollar, with the latest rate the
/// Secretariat entered for each currency on or before that date. The US dollar needs no rate. Rounded to 2 decimals
/// (away from zero), after the division and the multiplication.
/// </summary>
public sealed class CostConversion(IEnumerable<ExchangeRate> rates)
{
    private readonly ILookup<string, ExchangeRate> byCurrency = rates.ToLookup(r => r.Currency, StringComparer.Ordinal);

    public const string Dollar = "USD";

    /// <summary>The rate of a currency on a date (the latest on or before it), or null when none was entered.</summary>
    public RateUsed? RateOn(string currency, DateOnly on) =>
        byCurrency[currency].Where(r => r.AsOf <= on).OrderByDescending(r => r.AsOf).Select(r => new RateUsed(r.Currency, r.Rate, r.AsOf, r.Source, r.SourceUrl)).FirstOrDefault();

    public ConvertedCost Convert(decimal value, string from, string to, DateOnly on)
    {
        if (from == to)
        {
            return new ConvertedCost(Math.Round(value, 2, MidpointRounding.AwayFromZero), to, on, [], null);
        }

        var fromRate = from == Dollar ? null : RateOn(from, on);
        var toRate = to == Dollar ? null : RateOn(to, on);
        if ((from != Dollar && fromRate is null) || (to != Dollar && toRate is null))
        {
            return new ConvertedCost(null, to, on, [], from != Dollar && fromRate is null ? from : to);
        }

        var dollars = fromRate is null ? value : value / fromRate.Rate;
        var converted = toRate is null ? dollars : dollars * toRate.Rate;
        return new ConvertedCost(Math.Round(converted, 2, MidpointRounding.AwayFromZero), to, on, [.. new[] { fromRate, toRate }.OfType<RateUsed>()], null);
    }
}
