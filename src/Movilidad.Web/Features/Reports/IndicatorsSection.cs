using Microsoft.EntityFrameworkCore;
using Movilidad.Web.Features.Indicators;
using Movilidad.Platform.Indicators;
using Movilidad.Platform.Plans;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using ValueStatus = Movilidad.Platform.Indicators.ReportStatus;
using Movilidad.Platform.Institutions;

namespace Movilidad.Web.Features.Reports;

/// <summary>
/// The plan's indicators in the semester: per indicator (by type), the target and the approved actual of each country
/// with its split by sex, the regional figure by the indicator's aggregation rule, and the member countries whose values
/// for the semester are not approved. Only approved values count; automatic indicators are counted by the platform
/// (<see cref="IndicatorReporting.AutomaticValuesAsync"/>). The periods are those of the plan's reporting calendar that
/// fall in the semester: one for a semi-annual calendar; for a quarterly one, incremental values add up and a cumulative
/// one is read at its latest quarter. A plan without indicators has no indicators section.
/// </summary>
public sealed class IndicatorsSection : ReportSection<IndicatorsSection.Data>
{
    public sealed record CountryFigure(string Country, decimal? Target, decimal? Actual, decimal? Women, decimal? Men, decimal? Other, decimal? NotReported);

    public sealed record Item(
        int Id, string Code, IndicatorType Type, Bilingual Name, Bilingual Unit, string UnitCode, bool Automatic, AggregationRule Aggregation,
        decimal? RegionalTarget, decimal? RegionalActual, IReadOnlyList<CountryFigure> Countries);

    /// <summary>A member country whose values for the semester are not approved, and where they stand (null: no values at all).</summary>
    public sealed record Missing(string Country, ValueStatus? Status);

    public sealed record Data(
        IReadOnlyList<string> Periods, IReadOnlyDictionary<string, Bilingual> CountryNames, int Members, IReadOnlyList<Missing> NotReported, IReadOnlyList<Item> Indicators);

    public override string Key => "indicators";

    public override int Order => 300;

    protected override async Task<Data> CollectDataAsync(MovilidadDb db, ReportScope scope, CancellationToken ct)
    {
        var periods = await db.ReportingPeriods.AsNoTracking()
            .Where(p => p.PlanId == scope.PlanId && p.Start >= scope.Semester.Start && p.End <= scope.Semester.End).OrderBy(p => p.Start).ToListAsync(ct);
        var codes = periods.Select(p => p.Code).ToList();
        var periodIds = periods.Select(p => p.Id).ToList();
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.PlanId == scope.PlanId).OrderBy(i => i.SortOrder).ThenBy(i => i.Code)
            .Select(i => new { i.Id, i.Code, i.Type, i.Name, i.Unit, i.UnitCode, i.Source, i.Aggregation, i.TargetType }).ToListAsync(ct);
        var members = (await db.MemberCountriesAsync(ct)).Order(StringComparer.Ordinal).ToList();
        if (indicators.Count == 0)
        {
            return new Data(codes, new Dictionary<string, Bilingual>(), members.Count, [], []);
        }

        var ids = indicators.Select(i => i.Id).ToList();
        var targets = await db.IndicatorTargets.AsNoTracking().Where(t => ids.Contains(t.IndicatorId) && codes.Contains(t.PeriodCode))
            .Select(t => new { t.IndicatorId, t.CountryCode, t.PeriodCode, t.Value }).ToListAsync(ct);
        var values = await db.IndicatorValues.AsNoTracking()
            .Where(v => v.Dimension == Disaggregation.All && periodIds.Contains(v.Report!.PeriodId) && v.Report.Status == ValueStatus.Approved && ids.Contains(v.IndicatorId))
            .Select(v => new { v.IndicatorId, v.Report!.CountryCode, v.Report.Period!.Code, v.Total, v.Women, v.Men, v.Other, v.NotReported }).ToListAsync(ct);
        var automatic = await db.AutomaticValuesAsync(scope.PlanId, periods, null, ct);
        var statuses = await db.IndicatorReports.AsNoTracking().Where(r => periodIds.Contains(r.PeriodId))
            .Select(r => new { r.CountryCode, r.Status, r.Period!.Start }).ToListAsync(ct);

        // Combines the figures of the semester's periods: an incremental indicator adds them up, a cumulative one takes the latest.
        static decimal? Over<T>(TargetType type, IEnumerable<T> rows, Func<T, string> period, Func<T, decimal?> value)
        {
            var known = rows.Where(r => value(r) is not null).OrderBy(period, StringComparer.Ordinal).ToList();
            return known.Count == 0 ? null : type == TargetType.Cumulative ? value(known[^1]) : known.Sum(r => value(r)!.Value);
        }

        var items = new List<Item>();
        foreach (var indicator in indicators)
        {
            var automaticIndicator = indicator.Source != IndicatorSource.Reported;
            var ownTargets = targets.Where(t => t.IndicatorId == indicator.Id).ToList();
            var ownValues = automaticIndicator
                ? automatic.Where(a => a.Key.Indicator == indicator.Id)
                    .Select(a => new { IndicatorId = a.Key.Indicator, CountryCode = a.Key.Country, Code = a.Key.Period, Total = (decimal?)a.Value, Women = (decimal?)null, Men = (decimal?)null, Other = (decimal?)null, NotReported = (decimal?)null })
                    .ToList()
                : values.Where(v => v.IndicatorId == indicator.Id).ToList();
            var countries = ownTargets.Select(t => t.CountryCode).OfType<string>().Concat(ownValues.Select(v => v.CountryCode)).Distinct().Order(StringComparer.Ordinal).ToList();
            var figures = countries.Select(country =>
            {
                var of = ownValues.Where(v => v.CountryCode == country).ToList();
                return new CountryFigure(
                    country,
                    Over(indicator.TargetType, ownTargets.Where(t => t.CountryCode == country), t => t.PeriodCode, t => t.Value),
                    Over(indicator.TargetType, of, v => v.Code, v => v.Total),
                    Over(indicator.TargetType, of, v => v.Code, v => v.Women),
                    Over(indicator.TargetType, of, v => v.Code, v => v.Men),
                    Over(indicator.TargetType, of, v => v.Code, v => v.Other),
                    Over(indicator.TargetType, of, v => v.Code, v => v.NotReported));
            }).ToList();

            var actuals = figures.Where(f => f.Actual is not null).Select(f => f.Actual!.Value).ToList();
            decimal? regionalActual = actuals.Count == 0 ? null : indicator.Aggregation switch
            {
                AggregationRule.Sum => actuals.Sum(),
                AggregationRule.Average => decimal.Round(actuals.Average(), 2),
                AggregationRule.CountOfCountries => actuals.Count(a => a > 0),
                _ => throw new InvalidOperationException($"Indicator {indicator.Code} has the unknown aggregation rule {indicator.Aggregation}."),
            };
            var countryTargets = figures.Where(f => f.Target is not null).Select(f => f.Target!.Value).ToList();
            var regionalTarget = Over(indicator.TargetType, ownTargets.Where(t => t.CountryCode == null), t => t.PeriodCode, t => t.Value)
                ?? (indicator.Aggregation == AggregationRule.Sum && countryTargets.Count > 0 ? countryTargets.Sum() : null);
            items.Add(new Item(indicator.Id, indicator.Code, indicator.Type, indicator.Name, indicator.Unit, indicator.UnitCode, automaticIndicator,
                indicator.Aggregation, regionalTarget, regionalActual, figures));
        }

        // A country has reported when its values of every period of the semester are approved; otherwise its first open report says where it stands.
        var missing = members
            .Where(c => statuses.Count(s => s.CountryCode == c && s.Status == ValueStatus.Approved) < periodIds.Count)
            .Select(c => new Missing(c, statuses.Where(s => s.CountryCode == c && s.Status != ValueStatus.Approved).OrderBy(s => s.Start).Select(s => (ValueStatus?)s.Status).FirstOrDefault()))
            .ToList();
        var named = members.Concat(items.SelectMany(i => i.Countries.Select(c => c.Country))).Distinct().ToList();
        var names = await db.Countries.AsNoTracking().Where(c => named.Contains(c.Alpha2)).ToDictionaryAsync(c => c.Alpha2, c => c.Name, ct);
        return new Data(codes, names, members.Count, missing, items);
    }

    protected override IEnumerable<Block> Render(Data data, ReportText text)
    {
        if (data.Indicators.Count == 0)
        {
            yield break;
        }

        yield return new Heading(1, text["Report.Section.Indicators"]);
        yield return new Paragraph(text.Format("Report.Ind.Intro", data.Indicators.Count, string.Join(", ", data.Periods.Select(p => Periods.Label(p, text.Culture)))));
        var reported = data.Members - data.NotReported.Count;
        yield return new Paragraph(data.Periods.Count == 0 ? text["Report.Ind.NoPeriod"] : data.NotReported.Count == 0
            ? text.Format("Report.Ind.AllReported", data.Members)
            : text.Format("Report.Ind.NotReported", reported, data.Members,
                string.Join("; ", data.NotReported.OrderBy(m => CountryName(data, m.Country, text), StringComparer.Create(text.Culture, ignoreCase: true))
                    .Select(m => CountryName(data, m.Country, text) + " (" + text[m.Status is { } status ? "Report.Ind.Status." + status : "Report.Ind.Status.None"] + ")"))));

        var measured = data.Indicators.Where(i => i.RegionalTarget is > 0).ToList();
        if (measured.Count > 0)
        {
            yield return new BarChart(
                text["Report.Ind.ChartTitle"],
                measured.Select(i => i.Code + " · " + text.Pick(i.Name)).ToList(),
                [
                    new ChartSeries(text["Report.Ind.Reached"], "#1f7a68", measured.Select(i => Percent(i, capped: true)).ToList()),
                    new ChartSeries(text["Report.Ind.Pending"], "#9aa9b8", measured.Select(i => 100 - Percent(i, capped: true)).ToList()),
                ]);
        }

        foreach (var type in Enum.GetValues<IndicatorType>())
        {
            var ofType = data.Indicators.Where(i => i.Type == type).ToList();
            if (ofType.Count == 0)
            {
                continue;
            }

            yield return new Heading(2, text["Report.Ind.Type." + type]);
            foreach (var indicator in ofType)
            {
                yield return new Heading(3, indicator.Code + ". " + text.Pick(indicator.Name));
                var facts = new List<string>
                {
                    text.Format("Report.Ind.Unit", text.Pick(indicator.Unit)),
                    text.Format("Report.Ind.Aggregation", text["Report.Ind.Rule." + indicator.Aggregation]),
                };
                if (indicator.Automatic)
                {
                    facts.Add(text["Report.Ind.Automatic"]);
                }

                yield return new Paragraph(string.Join(" · ", facts), IsNote: true);
                if (indicator.Countries.Count == 0)
                {
                    yield return new Paragraph(text["Report.Ind.NoFigures"], IsNote: true);
                    continue;
                }

                var rows = indicator.Countries.OrderBy(c => CountryName(data, c.Country, text), StringComparer.Create(text.Culture, ignoreCase: true))
                    .Select(c => (IReadOnlyList<string>)
                    [
                        CountryName(data, c.Country, text), Figure(c.Target, text), Figure(c.Actual, text), Figure(c.Women, text), Figure(c.Men, text),
                        Figure(c.Other, text), Figure(c.NotReported, text),
                    ]).ToList();
                var sums = indicator.Aggregation == AggregationRule.Sum;
                decimal? Sum(Func<CountryFigure, decimal?> part) =>
                    sums && indicator.Countries.Any(c => part(c) is not null) ? indicator.Countries.Sum(c => part(c) ?? 0) : null;
                rows.Add(
                [
                    text["Report.Ind.Regional"], Figure(indicator.RegionalTarget, text), Figure(indicator.RegionalActual, text),
                    Figure(Sum(c => c.Women), text), Figure(Sum(c => c.Men), text), Figure(Sum(c => c.Other), text), Figure(Sum(c => c.NotReported), text),
                ]);
                yield return new Table(
                [
                    new(text["Report.Col.Country"], 22), new(text["Report.Col.Target"], 11, Numeric: true), new(text["Report.Col.Actual"], 11, Numeric: true),
                    new(text["Sex.Women"], 12, Numeric: true), new(text["Sex.Men"], 12, Numeric: true), new(text["Sex.Other"], 16, Numeric: true),
                    new(text["Report.Col.SexNotReported"], 16, Numeric: true),
                ], rows, TotalRow: true);
            }
        }

        yield return new Paragraph(text["Report.Ind.Note"], IsNote: true);
    }

    private static double Percent(Item indicator, bool capped)
    {
        var ratio = (double)((indicator.RegionalActual ?? 0) / indicator.RegionalTarget!.Value * 100);
        return Math.Round(capped ? Math.Min(ratio, 100) : ratio);
    }

    private static string CountryName(Data data, string country, ReportText text) =>
        data.CountryNames.TryGetValue(country, out var name) ? text.Pick(name) : country;

    private static string Figure(decimal? value, ReportText text) => value is { } v ? text.Amount(v) : "–";
}
