using System.Globalization;
using System.Linq.Expressions;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Movilidad.Platform.Data;
using Movilidad.Platform.LabourMarket;
using Movilidad.Records;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.LabourMarket;

/// <summary>A dimension observations are summed by.</summary>
public enum ObservationDimension
{
    Measure,
    Dataset,
    Occupation1,
    Occupation2,
    Occupation3,
    Occupation,
    Country,
    Subdivision,
    Period,
    FiscalYear,
    Programme,
}

/// <summary>
/// What the explorer, the JSON API and the exports ask for: a measure, an ISCO-08 group at any level (or <c>unmapped</c>),
/// a place (ISO 3166-1 alpha-2 or alpha-3, or ISO 3166-2), a period (SDMX: observations that lie within it), a programme,
/// a dataset; and the dimensions to sum by.
/// </summary>
public sealed record ObservationFilter(
    string? Measure, string? Occupation, string? Country, string? Subdivision, Period? Period, string? Programme, int? Dataset, IReadOnlyList<ObservationDimension> GroupBy)
{
    public const string Unmapped = "unmapped";

    public static readonly IReadOnlyDictionary<string, ObservationDimension> DimensionNames = new Dictionary<string, ObservationDimension>(StringComparer.OrdinalIgnoreCase)
    {
        ["measure"] = ObservationDimension.Measure,
        ["dataset"] = ObservationDimension.Dataset,
        ["occupation-1"] = ObservationDimension.Occupation1,
        ["occupation-2"] = ObservationDimension.Occupation2,
        ["occupation-3"] = ObservationDimension.Occupation3,
        ["occupation"] = ObservationDimension.Occupation,
        ["country"] = ObservationDimension.Country,
        ["subdivision"] = ObservationDimension.Subdivision,
        ["period"] = ObservationDimension.Period,
        ["fiscal-year"] = ObservationDimension.FiscalYear,
        ["programme"] = ObservationDimension.Programme,
    };

    public static string NameOf(ObservationDimension dimension) => DimensionNames.First(d => d.Value == dimension).Key;
}

/// <summary>One sum of observations: the dimensions grouped by (the others null) and the value.</summary>
public sealed record ObservationGroup(
    string? Measure, int? Dataset, string? Occupation, string? Country, string? Subdivision, string? Period, int? FiscalYear, string? Programme, decimal Value);

/// <summary>The answer of <c>/api/labour-market/observations</c>: the dimensions, the sums (largest first, up to the limit) and whether some were left out.</summary>
public sealed record ObservationTable(IReadOnlyList<string> GroupBy, IReadOnlyList<ObservationGroup> Rows, bool Truncated);

public static partial class ObservationQuery
{
    public const int MaxRows = 10_000;

    /// <summary>Reads the query's parameters; every malformed one is an error naming it, in the reader's language.</summary>
    public static async Task<(ObservationFilter? Filter, Dictionary<string, string[]> Errors)> ParseAsync(
        MovilidadDb db, string? measure, string? occupation, string? area, string? period, string? programme, string? dataset, string? groupBy, IStringLocalizer text, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Error(string name, string message) => errors[name] = [message];

        string? measureCode = null;
        if (!string.IsNullOrWhiteSpace(measure))
        {
            if (Measures.TryParse(measure, out var m))
            {
                measureCode = m.Code();
            }
            else
            {
                Error("measure", text["LabourMarket.Error.Measure", Shorten(measure), string.Join(", ", Measures.All.Select(x => x.Code()))]);
            }
        }

        string? isco = null;
        if (!string.IsNullOrWhiteSpace(occupation))
        {
            var trimmed = occupation.Trim();
            if (string.Equals(trimmed, ObservationFilter.Unmapped, StringComparison.OrdinalIgnoreCase))
            {
                isco = ObservationFilter.Unmapped;
            }
            else if (IscoCode().IsMatch(trimmed))
            {
                isco = trimmed;
            }
            else
            {
                Error("occupation", text["LabourMarket.Error.Occupation", Shorten(occupation)]);
            }
        }

        string? country = null, subdivision = null;
        if (!string.IsNullOrWhiteSpace(area))
        {
            var code = area.Trim().ToUpperInvariant();
            if (SubdivisionCode().IsMatch(code))
            {
                (country, subdivision) = (code[..2], code);
            }
            else if (code.Length == 2 && code.All(char.IsAsciiLetterUpper))
            {
                country = code;
            }
            else if (code.Length == 3 && code.All(char.IsAsciiLetterUpper)
                && await db.Countries.AsNoTracking().Where(c => c.Alpha3 == code).Select(c => c.Alpha2).FirstOrDefaultAsync(ct) is { } alpha2)
            {
                country = alpha2;
            }
            else
            {
                Error("area", text["LabourMarket.Error.Area", Shorten(area)]);
            }
        }

        Period? within = null;
        if (!string.IsNullOrWhiteSpace(period))
        {
            if (Period.TryParse(period, out var parsed))
            {
                within = parsed;
            }
            else
            {
                Error("period", text["LabourMarket.Error.Period", Shorten(period)]);
            }
        }

        if (programme?.Length > 200)
        {
            Error("programme", text["LabourMarket.Error.Programme"]);
        }

        int? datasetId = null;
        if (!string.IsNullOrWhiteSpace(dataset))
        {
            if (int.TryParse(dataset, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
            {
                datasetId = id;
            }
            else
            {
                Error("dataset", text["LabourMarket.Error.Dataset", Shorten(dataset)]);
            }
        }

        var dimensions = new List<ObservationDimension>();
        foreach (var name in (string.IsNullOrWhiteSpace(groupBy) ? "measure" : groupBy).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (ObservationFilter.DimensionNames.TryGetValue(name, out var dimension))
            {
                if (!dimensions.Contains(dimension))
                {
                    dimensions.Add(dimension);
                }
            }
            else
            {
                Error("groupBy", text["LabourMarket.Error.GroupBy", Shorten(name), string.Join(", ", ObservationFilter.DimensionNames.Keys)]);
            }
        }

        return errors.Count > 0
            ? (null, errors)
            : (new ObservationFilter(measureCode, isco, country, subdivision, within, string.IsNullOrWhiteSpace(programme) ? null : programme.Trim(), datasetId, dimensions), errors);
    }

    /// <summary>The pre-summed observations of the datasets the reader may see, which every sum is computed from.</summary>
    public static Task<IQueryable<LabourObservationSum>> VisibleAsync(MovilidadDb db, ClaimsPrincipal user, IAuthorizationService auth, CancellationToken ct) =>
        VisibleAsync(db.LabourObservationSums.AsNoTracking(), db, user, auth, ct);

    /// <summary>The observations themselves (with their source code and row) of the datasets the reader may see.</summary>
    public static Task<IQueryable<LabourObservation>> VisibleObservationsAsync(MovilidadDb db, ClaimsPrincipal user, IAuthorizationService auth, CancellationToken ct) =>
        VisibleAsync(db.LabourObservations.AsNoTracking(), db, user, auth, ct);

    /// <summary>Restricted datasets only for those allowed.</summary>
    private static async Task<IQueryable<T>> VisibleAsync<T>(IQueryable<T> rows, MovilidadDb db, ClaimsPrincipal user, IAuthorizationService auth, CancellationToken ct)
        where T : class, ILabourObservationKey
    {
        if (await auth.CanAsync(user, LabourMarketOperations.ReadRestricted))
        {
            return rows;
        }

        var restricted = await db.LabourDatasets.Where(d => d.IsRestricted).Select(d => d.Id).ToListAsync(ct);
        return restricted.Count == 0 ? rows : rows.Where(o => !restricted.Contains(o.DatasetId));
    }

    public static IQueryable<T> Apply<T>(this IQueryable<T> query, ObservationFilter filter)
        where T : class, ILabourObservationKey
    {
        if (filter.Measure is { } measure)
        {
            query = query.Where(o => o.Measure == measure);
        }

        if (filter.Occupation == ObservationFilter.Unmapped)
        {
            query = query.Where(o => o.Isco08 == null);
        }
        else if (filter.Occupation is { Length: 4 } unit)
        {
            query = query.Where(o => o.Isco08 == unit);
        }
        else if (filter.Occupation is { } group)
        {
            query = query.Where(o => o.Isco08!.StartsWith(group));
        }

        if (filter.Subdivision is { } subdivision)
        {
            query = query.Where(o => o.Subdivision == subdivision);
        }
        else if (filter.Country is { } country)
        {
            query = query.Where(o => o.Country == country);
        }

        if (filter.Period is { } period)
        {
            query = query.Where(o => o.PeriodStart >= period.Start && o.PeriodEnd <= period.End);
        }

        if (filter.Programme is { } programme)
        {
            query = query.Where(o => o.Programme == programme);
        }

        if (filter.Dataset is { } dataset)
        {
            query = query.Where(o => o.DatasetId == dataset);
        }

        return query;
    }

    /// <summary>The sums by the filter's dimensions, largest first, up to <paramref name="limit"/> rows.</summary>
    public static async Task<ObservationTable> SumAsync(IQueryable<LabourObservationSum> observations, ObservationFilter filter, int limit, CancellationToken ct)
    {
        var rows = await observations.Apply(filter).GroupBy(KeyOf(filter.GroupBy))
            .Select(g => new ObservationGroup(g.Key.Measure, g.Key.Dataset, g.Key.Occupation, g.Key.Country, g.Key.Subdivision, g.Key.Period, g.Key.FiscalYear, g.Key.Programme, g.Sum(o => o.Value)))
            .ToListAsync(ct);
        var ordered = rows.OrderByDescending(r => r.Value).ThenBy(r => r.Period, StringComparer.Ordinal).ThenBy(r => r.Occupation, StringComparer.Ordinal).ToList();
        return new ObservationTable([.. filter.GroupBy.Select(ObservationFilter.NameOf)], [.. ordered.Take(limit)], ordered.Count > limit);
    }

    /// <summary>
    /// The grouping key as an expression: each dimension asked for is its column (an ISCO-08 level is the code's first
    /// digits), each other one a constant null, so one translation serves every combination on both databases.
    /// </summary>
    private static Expression<Func<LabourObservationSum, ObservationKey>> KeyOf(IReadOnlyList<ObservationDimension> dimensions)
    {
        var o = Expression.Parameter(typeof(LabourObservationSum), "o");
        Expression Column(string name) => Expression.Property(o, name);
        Expression Text(bool grouped, Func<Expression> column) => grouped ? column() : Expression.Constant(null, typeof(string));
        Expression Number(bool grouped, Func<Expression> column) => grouped ? column() : Expression.Constant(null, typeof(int?));
        var level = dimensions.Contains(ObservationDimension.Occupation) ? 4
            : dimensions.Contains(ObservationDimension.Occupation3) ? 3
            : dimensions.Contains(ObservationDimension.Occupation2) ? 2
            : dimensions.Contains(ObservationDimension.Occupation1) ? 1 : 0;
        var substring = typeof(string).GetMethod(nameof(string.Substring), [typeof(int), typeof(int)])!;
        var occupation = level switch
        {
            0 => Expression.Constant(null, typeof(string)),
            4 => Column(nameof(LabourObservationSum.Isco08)),
            _ => Expression.Call(Column(nameof(LabourObservationSum.Isco08)), substring, Expression.Constant(0), Expression.Constant(level)),
        };
        var body = Expression.MemberInit(Expression.New(typeof(ObservationKey)),
            Expression.Bind(typeof(ObservationKey).GetProperty(nameof(ObservationKey.Measure))!, Text(dimensions.Contains(ObservationDimension.Measure), () => Column(nameof(LabourObservationSum.Measure)))),
            Expression.Bind(typeof(ObservationKey).GetProperty(nameof(ObservationKey.Dataset))!, Number(dimensions.Contains(ObservationDimension.Dataset), () => Expression.Convert(Column(nameof(LabourObservationSum.DatasetId)), typeof(int?)))),
            Expression.Bind(typeof(ObservationKey).GetProperty(nameof(ObservationKey.Occupation))!, occupation),
            Expression.Bind(typeof(ObservationKey).GetProperty(nameof(ObservationKey.Country))!, Text(dimensions.Contains(ObservationDimension.Country), () => Column(nameof(LabourObservationSum.Country)))),
            Expression.Bind(typeof(ObservationKey).GetProperty(nameof(ObservationKey.Subdivision))!, Text(dimensions.Contains(ObservationDimension.Subdivision), () => Column(nameof(LabourObservationSum.Subdivision)))),
            Expression.Bind(typeof(ObservationKey).GetProperty(nameof(ObservationKey.Period))!, Text(dimensions.Contains(ObservationDimension.Period), () => Column(nameof(LabourObservationSum.Period)))),
            Expression.Bind(typeof(ObservationKey).GetProperty(nameof(ObservationKey.FiscalYear))!, Number(dimensions.Contains(ObservationDimension.FiscalYear), () => Column(nameof(LabourObservationSum.FiscalYear)))),
            Expression.Bind(typeof(ObservationKey).GetProperty(nameof(ObservationKey.Programme))!, Text(dimensions.Contains(ObservationDimension.Programme), () => Column(nameof(LabourObservationSum.Programme)))));
        return Expression.Lambda<Func<LabourObservationSum, ObservationKey>>(body, o);
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex("^[0-9]{1,4}$")]
    private static partial Regex IscoCode();

    [GeneratedRegex("^[A-Z]{2}-[A-Z0-9]{1,3}$")]
    private static partial Regex SubdivisionCode();

    /// <summary>The grouping key; a class with settable properties, which EF translates in a GROUP BY like an anonymous type.</summary>
    private sealed class ObservationKey
    {
        public string? Measure { get; set; }

        public int? Dataset { get; set; }

        public string? Occupation { get; set; }

        public string? Country { get; set; }

        public string? Subdivision { get; set; }

        public string? Period { get; set; }

        public int? FiscalYear { get; set; }

        public string? Programme { get; set; }
    }
}
