using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Movilidad.Dynamics.Analysis;
using Movilidad.Platform.Data;
using Movilidad.Web.Infrastructure.Web;
using Movilidad.Records;

namespace Movilidad.Web.Features.LabourMarket;

/// <summary>How the outlook ranks occupations: by the projected change in workers, or in percent of the last observed year.</summary>
public enum OutlookRank
{
    Absolute,
    Relative,
}

/// <summary>What the outlook is asked for: a destination, a programme (null: all), a measure (null: the destination's main demand measure), an ISCO-08 level, a sector of footnote 8, the years ahead and the ranking.</summary>
public sealed record OutlookFilter(string? Country, string? Programme, string? Measure, int Level, string? Sector, int Horizon, OutlookRank Rank)
{
    public const int HeldBack = 2;
    public const int MaxHorizon = 5;

    /// <summary>The relative ranking leaves out occupations with fewer workers than this in the last year: a few workers more on a handful is not growth.</summary>
    public const decimal RelativeFloor = 20;
}

/// <summary>One year of a series: observed or forecast with its band.</summary>
public sealed record OutlookPoint(int Year, double Value, double? Lower = null, double? Upper = null);

/// <summary>A method's back-test on the held-back years: what it forecast and its errors.</summary>
public sealed record OutlookBacktest(string Method, IReadOnlyList<double> Forecast, double Rmse, double? Mape);

/// <summary>
/// An occupation's outlook: the yearly history, the forecast with its band, the method chosen by back-test and every
/// method's back-test, and the projected change from the last observed year to the last forecast one.
/// </summary>
public sealed record OutlookOccupation(
    string Occupation, string Title, IReadOnlyList<OutlookPoint> History, IReadOnlyList<OutlookPoint> Forecast, string Method, double? Alpha, double? Beta,
    IReadOnlyList<int> HeldBackYears, IReadOnlyList<OutlookBacktest> Backtests, double Change, double? ChangePercent);

/// <summary>A year of the destination's data left out of the series, and why (a year not wholly covered, a year before a gap).</summary>
public sealed record OutlookYearLeftOut(int Year, string Reason);

/// <summary>A destination, programme and measure that has data: the choices the page offers.</summary>
public sealed record OutlookChoice(string Country, string? Programme, string Measure, decimal Total);

/// <summary>The answer of <c>/api/labour-market/outlook</c> and of the page.</summary>
public sealed record OutlookResult(
    string? Country, string? Programme, string? Measure, int Level, string? Sector, int Horizon, string Rank, string YearKind, IReadOnlyList<int> Years,
    IReadOnlyList<OutlookYearLeftOut> LeftOut, IReadOnlyList<OutlookOccupation> Occupations, int TooShort, string Method, IReadOnlyList<OutlookChoice> Choices, IReadOnlyList<OutlookSector> Sectors)
{
    /// <summary>Whether the records hold anything at all the outlook could use.</summary>
    public bool HasRecords => Choices.Count > 0;
}

/// <summary>
/// The occupation outlook (action 2.2 of the Regional Plan): for a destination, programme and measure of the imported
/// records, the yearly series of every ISCO-08 group (at the level asked, within a sector of footnote 8 when one is
/// chosen), each forecast by a least-squares trend line and by Holt's exponential smoothing, the method chosen per series
/// by back-test on the last <see cref="OutlookFilter.HeldBack"/> years, with a 95 % band; ranked by the projected change.
/// Years are US fiscal years where the records give them (OFLC), else calendar years, and only years the records cover
/// whole: a year with some months missing (the last file of a publication still in progress) would read as a fall.
/// Results are kept while the content's <see cref="DataVersion"/> stays the same (at most a minute).
/// </summary>
public static class LabourOutlook
{
    private sealed record Key(string Value);

    /// <summary>Reads the outlook's parameters; every malformed one is an error naming it, in the reader's language.</summary>
    public static (OutlookFilter? Filter, Dictionary<string, string[]> Errors) Parse(
        string? area, string? programme, string? measure, string? level, string? sector, string? horizon, string? rank, IReadOnlyList<OutlookSector> sectors, IStringLocalizer text)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? country = null;
        if (!string.IsNullOrWhiteSpace(area))
        {
            var code = area.Trim().ToUpperInvariant();
            if (code.Length == 2 && code.All(char.IsAsciiLetterUpper))
            {
                country = code;
            }
            else
            {
                errors["area"] = [text["Outlook.Error.Area", Shorten(area)]];
            }
        }

        if (programme?.Length > 200)
        {
            errors["programme"] = [text["LabourMarket.Error.Programme"]];
        }

        string? measureCode = null;
        if (!string.IsNullOrWhiteSpace(measure))
        {
            if (Measures.TryParse(measure, out var m))
            {
                measureCode = m.Code();
            }
            else
            {
                errors["measure"] = [text["LabourMarket.Error.Measure", Shorten(measure), string.Join(", ", Measures.All.Select(x => x.Code()))]];
            }
        }

        var levelNumber = 4;
        if (!string.IsNullOrWhiteSpace(level) && !(int.TryParse(level, NumberStyles.None, CultureInfo.InvariantCulture, out levelNumber) && levelNumber is >= 1 and <= 4))
        {
            errors["level"] = [text["LabourMarket.Error.Level"]];
        }

        string? sectorSlug = null;
        if (!string.IsNullOrWhiteSpace(sector))
        {
            sectorSlug = sectors.FirstOrDefault(s => string.Equals(s.Slug, sector.Trim(), StringComparison.OrdinalIgnoreCase))?.Slug;
            if (sectorSlug is null)
            {
                errors["sector"] = [text["Outlook.Error.Sector", Shorten(sector), string.Join(", ", sectors.Select(s => s.Slug))]];
            }
        }

        var years = 3;
        if (!string.IsNullOrWhiteSpace(horizon) && !(int.TryParse(horizon, NumberStyles.None, CultureInfo.InvariantCulture, out years) && years is >= 1 and <= OutlookFilter.MaxHorizon))
        {
            errors["horizon"] = [text["Outlook.Error.Horizon", OutlookFilter.MaxHorizon]];
        }

        var ranking = OutlookRank.Absolute;
        if (!string.IsNullOrWhiteSpace(rank))
        {
            switch (rank.Trim().ToLowerInvariant())
            {
                case "absolute":
                    break;
                case "relative":
                    ranking = OutlookRank.Relative;
                    break;
                default:
                    errors["rank"] = [text["Outlook.Error.Rank", Shorten(rank)]];
                    break;
            }
        }

        return errors.Count > 0
            ? (null, errors)
            : (new OutlookFilter(country, string.IsNullOrWhiteSpace(programme) ? null : programme.Trim(), measureCode, levelNumber, sectorSlug, years, ranking), errors);
    }

    /// <summary>The outlook of the filter over the observations the reader may see (<paramref name="readsRestricted"/> says which), kept while the content is unchanged.</summary>
    public static async Task<OutlookResult> ComputeAsync(MovilidadDb db, ContentCache cache, bool readsRestricted, OutlookFilter filter, IReadOnlyList<OutlookSector> sectors, IStringLocalizer text, CancellationToken ct)
    {
        var key = new Key(string.Join('|', db.Database.GetConnectionString(), readsRestricted, filter, OutlookSectors.Stamp(sectors), CultureInfo.CurrentUICulture.Name));
        return (await cache.GetOrComputeAsync<OutlookResult>(key, async () => await ComputeUncachedAsync(db, readsRestricted, filter, sectors, text, ct), ct))!;
    }

    private static async Task<OutlookResult> ComputeUncachedAsync(MovilidadDb db, bool readsRestricted, OutlookFilter filter, IReadOnlyList<OutlookSector> sectors, IStringLocalizer text, CancellationToken ct)
    {
        var observations = db.LabourObservations.AsNoTracking().Where(o => o.Measure != Employment);
        if (!readsRestricted)
        {
            var restricted = await db.LabourDatasets.Where(d => d.IsRestricted).Select(d => d.Id).ToListAsync(ct);
            if (restricted.Count > 0)
            {
                observations = observations.Where(o => !restricted.Contains(o.DatasetId));
            }
        }

        var choices = (await observations.Where(o => o.Isco08 != null)
                .GroupBy(o => new { o.Country, o.Programme, o.Measure })
                .Select(g => new { g.Key.Country, g.Key.Programme, g.Key.Measure, Total = g.Sum(o => o.Value) })
                .ToListAsync(ct))
            .Select(c => new OutlookChoice(c.Country, c.Programme, c.Measure, c.Total))
            .OrderByDescending(c => c.Total).ThenBy(c => c.Country, StringComparer.Ordinal).ThenBy(c => c.Programme, StringComparer.Ordinal).ToList();
        var country = filter.Country ?? choices.FirstOrDefault()?.Country;
        var measure = filter.Measure ?? choices.Where(c => c.Country == country).GroupBy(c => c.Measure).OrderByDescending(g => g.Sum(c => c.Total)).Select(g => g.Key).FirstOrDefault();
        var rank = filter.Rank == OutlookRank.Absolute ? "absolute" : "relative";
        var method = text["Outlook.Method", OutlookFilter.HeldBack, filter.Horizon].Value;
        if (country is null || measure is null)
        {
            return new OutlookResult(country, filter.Programme, measure, filter.Level, filter.Sector, filter.Horizon, rank, "calendar", [], [], [], 0, method, choices, sectors);
        }

        var selected = observations.Where(o => o.Country == country && o.Measure == measure && o.Isco08 != null);
        if (filter.Programme is { } programme)
        {
            selected = selected.Where(o => o.Programme == programme);
        }

        var sums = await selected.GroupBy(o => new { o.Isco08, o.Period, o.PeriodStart, o.PeriodEnd, o.FiscalYear })
            .Select(g => new { g.Key.Isco08, g.Key.Period, g.Key.PeriodStart, g.Key.PeriodEnd, g.Key.FiscalYear, Value = g.Sum(o => o.Value) })
            .ToListAsync(ct);
        var fiscal = sums.Count > 0 && sums.All(s => s.FiscalYear is not null);
        int YearOf(DateOnly start, int? fiscalYear) => fiscal ? fiscalYear!.Value : start.Year;

        // Which years the records cover whole: fiscal years are whole by publication (one OFLC file per fiscal year);
        // a calendar year needs its twelve months among the periods of the selection.
        var leftOut = new List<OutlookYearLeftOut>();
        var months = new Dictionary<int, HashSet<int>>();
        foreach (var period in sums.Select(s => (s.PeriodStart, s.PeriodEnd, s.FiscalYear)).Distinct())
        {
            var year = YearOf(period.PeriodStart, period.FiscalYear);
            var covered = months.TryGetValue(year, out var set) ? set : months[year] = [];
            for (var m = new DateOnly(period.PeriodStart.Year, period.PeriodStart.Month, 1); m <= period.PeriodEnd; m = m.AddMonths(1))
            {
                covered.Add((m.Year * 12) + m.Month);
            }
        }

        var whole = new SortedSet<int>();
        foreach (var (year, covered) in months.OrderBy(m => m.Key))
        {
            var inYear = fiscal ? 12 : covered.Count(m => (m - 1) / 12 == year);
            if (inYear >= 12)
            {
                whole.Add(year);
            }
            else
            {
                leftOut.Add(new OutlookYearLeftOut(year, text["Outlook.LeftOut.Partial", inYear].Value));
            }
        }

        // The series is the last run of consecutive whole years: a forecast needs equal steps.
        var years = new List<int>();
        foreach (var year in whole.Reverse())
        {
            if (years.Count > 0 && years[^1] != year + 1)
            {
                leftOut.AddRange(whole.Where(y => y <= year).Select(y => new OutlookYearLeftOut(y, text["Outlook.LeftOut.Gap", years[^1] - 1].Value)));
                break;
            }

            years.Add(year);
        }

        years.Reverse();
        var groups = filter.Sector is { } slug ? sectors.Single(s => s.Slug == slug).Groups : null;
        var series = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var index = years.Select((y, i) => (y, i)).ToDictionary(p => p.y, p => p.i);
        foreach (var s in sums)
        {
            if (!index.TryGetValue(YearOf(s.PeriodStart, s.FiscalYear), out var at) || (groups is not null && !groups.Any(g => s.Isco08!.StartsWith(g, StringComparison.Ordinal))))
            {
                continue;
            }

            var code = s.Isco08!.Length > filter.Level ? s.Isco08[..filter.Level] : s.Isco08;
            var values = series.TryGetValue(code, out var v) ? v : series[code] = new double[years.Count];
            values[at] += (double)s.Value;
        }

        var codes = series.Keys.ToList();
        var titles = await db.Occupations.AsNoTracking().Where(o => codes.Contains(o.Code)).Select(o => new { o.Code, o.Name }).ToListAsync(ct);
        var titleOf = titles.ToDictionary(t => t.Code, t => t.Name.Current, StringComparer.Ordinal);
        var occupations = new List<OutlookOccupation>();
        var tooShort = 0;
        foreach (var (code, values) in series)
        {
            if (values.Length < Forecasting.MinimumFitted + OutlookFilter.HeldBack)
            {
                tooShort++;
                continue;
            }

            occupations.Add(Forecast(code, titleOf.GetValueOrDefault(code, code), years, values, filter.Horizon));
        }

        var ranked = filter.Rank == OutlookRank.Absolute
            ? occupations.OrderByDescending(o => o.Change)
            : occupations.Where(o => o.History[^1].Value >= (double)OutlookFilter.RelativeFloor).OrderByDescending(o => o.ChangePercent);
        return new OutlookResult(country, filter.Programme, measure, filter.Level, filter.Sector, filter.Horizon, rank, fiscal ? "fiscal" : "calendar", years,
            [.. leftOut.OrderBy(l => l.Year)], [.. ranked.ThenBy(o => o.Occupation, StringComparer.Ordinal)], tooShort, method, choices, sectors);
    }

    /// <summary>One series' forecast: the method chosen by back-test, the band (never below zero: a demand is not negative) and the change.</summary>
    public static OutlookOccupation Forecast(string code, string title, IReadOnlyList<int> years, IReadOnlyList<double> values, int horizon)
    {
        var forecast = Forecasting.Choose(values, horizon, OutlookFilter.HeldBack);
        var last = years[^1];
        var points = forecast.Values.Select((v, i) => new OutlookPoint(last + 1 + i, Math.Max(0, v), Math.Max(0, forecast.Lower[i]), Math.Max(0, forecast.Upper[i]))).ToList();
        var change = points[^1].Value - values[^1];
        return new OutlookOccupation(code, title, [.. years.Select((y, i) => new OutlookPoint(y, values[i]))], points, MethodName(forecast.Method),
            double.IsNaN(forecast.Alpha) ? null : forecast.Alpha, double.IsNaN(forecast.Beta) ? null : forecast.Beta,
            [.. years.Skip(years.Count - OutlookFilter.HeldBack)],
            [.. forecast.Scores.Select(s => new OutlookBacktest(MethodName(s.Method), s.Forecast, s.Rmse, double.IsNaN(s.Mape) ? null : s.Mape))],
            change, values[^1] == 0 ? null : 100 * change / values[^1]);
    }

    public static string MethodName(ForecastMethod method) => method == ForecastMethod.Holt ? "holt" : "linear-trend";

    private static readonly string Employment = Measures.Code(Records.Measure.Employment);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
