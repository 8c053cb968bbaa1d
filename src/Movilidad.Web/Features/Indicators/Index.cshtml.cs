using System.Globalization;
using System.Xml.Linq;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Indicators;

namespace Movilidad.Web.Features.Indicators;

/// <summary>The indicators dashboard: progress per line, country and working group, targets against actuals, one indicator's trend.</summary>
public class IndexModel(MovilidadDb db, IAuthorizationService auth, IStringLocalizer text) : PageModel
{
    /// <summary>Above this many indicators, the targets chart shows one line of the plan at a time.</summary>
    public const int PairsPerChart = 30;

    /// <summary>At most this many indicators are drawn and listed at a time; the others are a page away.</summary>
    public const int PairsPerPage = PairsPerChart * 2;

    [BindProperty(SupportsGet = true)]
    public string? Plan { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Indicator { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Line { get; set; }

    /// <summary>The position of the first indicator listed, among those of the line shown.</summary>
    [BindProperty(SupportsGet = true)]
    public int Start { get; set; }

    /// <summary>How many indicators the line shown has (the table lists <see cref="PairsPerPage"/> of them at a time).</summary>
    public int PairsTotal { get; private set; }

    /// <summary>The indicators offered for the trend: all of a small plan; on a large one, those listed and the one drawn.</summary>
    public IReadOnlyList<IndicatorProgress> TrendChoices { get; private set; } = [];

    public IReadOnlyList<(string Key, Bilingual Title)> Plans { get; private set; } = [];
    public IndicatorDashboardData? Data { get; private set; }
    public IReadOnlyList<IndicatorProgress> Pairs { get; private set; } = [];
    public HtmlString? LinesChart { get; private set; }
    public HtmlString? CountriesChart { get; private set; }
    public HtmlString? GroupsChart { get; private set; }
    public HtmlString? PairsChart { get; private set; }
    public HtmlString? TrendChart { get; private set; }
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await auth.CanAsync(User, IndicatorOperations.Read))
        {
            return Forbid();
        }

        CanEdit = await auth.CanAsync(User, IndicatorOperations.Edit);

        // A plan without indicators or calendar (or none at all) is not offered: the first plan that has them is shown.
        if ((await db.ComputeWithViewsAsync(Plan, Indicator, ct) ?? await db.ComputeWithViewsAsync(null, Indicator, ct)) is not { } computed)
        {
            return Page();
        }

        var (data, views) = computed;
        Data = data;
        Plan = data.PlanKey;

        // What follows depends only on the figures, the language and the query: made once per snapshot of the figures, not per request.
        Plans = await views.GetOrAddAsync("plans", async () => (IReadOnlyList<(string Key, Bilingual Title)>)(await db.Plans.AsNoTracking()
            .Where(p => db.ReportingCalendars.Any(c => c.PlanId == p.Id) && db.Indicators.Any(i => i.PlanId == p.Id))
            .OrderBy(p => p.SortOrder).Select(p => new { p.Key, p.Title }).ToListAsync(ct)).Select(p => (p.Key, p.Title)).ToList());
        var view = views.GetOrAdd(
            string.Create(CultureInfo.InvariantCulture, $"page:{CultureInfo.CurrentCulture.Name}:{CultureInfo.CurrentUICulture.Name}:{data.TrendIndicatorId}:{Line}:{Start}"),
            () => MakeView(data));
        (Line, Start, PairsTotal, Pairs, TrendChoices) = (view.Line, view.Start, view.PairsTotal, view.Pairs, view.TrendChoices);
        (LinesChart, CountriesChart, GroupsChart, PairsChart, TrendChart) = (view.LinesChart, view.CountriesChart, view.GroupsChart, view.PairsChart, view.TrendChart);
        return Page();
    }

    private sealed record View(
        int? Line, int Start, int PairsTotal, IReadOnlyList<IndicatorProgress> Pairs, IReadOnlyList<IndicatorProgress> TrendChoices,
        HtmlString? LinesChart, HtmlString? CountriesChart, HtmlString? GroupsChart, HtmlString? PairsChart, HtmlString? TrendChart);

    private View MakeView(IndicatorDashboardData data)
    {
        var line = Line;
        var candidates = data.Indicators.Where(i => i.Target is not null || i.Actual is not null).ToList();
        if (candidates.Count > PairsPerChart)
        {
            line ??= data.Lines.Count > 0 ? int.Parse(data.Lines[0].Key, CultureInfo.InvariantCulture) : null;
            candidates = candidates.Where(i => i.LineId == line).ToList();
        }

        var start = Math.Clamp(Start, 0, Math.Max(0, candidates.Count - 1)) / PairsPerPage * PairsPerPage;
        var pairs = candidates.Skip(start).Take(PairsPerPage).ToList();
        var trendChoices = data.Indicators.Count <= PairsPerPage ? data.Indicators
            : (pairs.Count > 0 ? pairs : data.Indicators.Take(PairsPerPage)).Concat(data.Indicators.Where(i => i.Id == data.TrendIndicatorId)).DistinctBy(i => i.Id).ToList();
        HtmlString? pairsChart = null, trendChart = null;
        if (pairs.Count > 0)
        {
            pairsChart = Html(IndicatorCharts.TargetsVsActuals(
                pairs.Select(p => new ChartPair($"{p.Code} {p.Name.Current}", p.Actual, p.Target, Format(p.Actual, p.UnitCode), Format(p.Target, p.UnitCode))).ToList(),
                text["Indicators.TargetsVsActuals"], text["Indicators.TargetsVsActualsDescription"], text["Indicators.Actual"], text["Indicators.Target"]));
        }

        if (data.TrendIndicatorId is { } trendId && data.Indicators.Single(i => i.Id == trendId) is var trendIndicator && data.Trend.Any(t => t.Actual is not null || t.Target is not null))
        {
            trendChart = Html(IndicatorCharts.Trend(data.Trend, data.Trend.Select(t => Periods.Label(t.Period, CultureInfo.CurrentCulture)).ToList(),
                text["Indicators.TrendOf", trendIndicator.Code], text["Indicators.TrendDescription"], v => Format(v, trendIndicator.UnitCode)));
        }

        return new View(line, start, candidates.Count, pairs, trendChoices,
            Bars(data.Lines, "Indicators.ByLine"), Bars(data.Countries, "Indicators.ByCountry"), Bars(data.WorkingGroups, "Indicators.ByWorkingGroup"), pairsChart, trendChart);
    }

    /// <summary>A figure in the reader's language: percentages with their sign, money in dollars, counts whole.</summary>
    public static string Format(double? value, string unit) => value is not { } v ? "–" : unit switch
    {
        "PERCENT" => v.ToString("0.#", CultureInfo.CurrentCulture) + " %",
        "USD" => v.ToString("N0", CultureInfo.CurrentCulture) + " USD",
        _ => v.ToString(v % 1 == 0 ? "N0" : "N1", CultureInfo.CurrentCulture),
    };

    public string Percent(double? ratio) => ratio is { } r ? (r * 100).ToString("0", CultureInfo.CurrentCulture) + " %" : text["Indicators.NoTarget"];

    private static HtmlString Html(XElement svg) => new(svg.ToString(SaveOptions.DisableFormatting));

    private HtmlString? Bars(IReadOnlyList<ProgressBar> bars, string titleKey) => bars.Count == 0 ? null : Html(IndicatorCharts.Progress(
        bars.Select(b => new ChartBar(b.Label.Current, b.Ratio, b.Ratio is null ? text["Indicators.NoTarget"] : text["Indicators.BarValue", Percent(b.Ratio), b.WithTarget])).ToList(),
        text[titleKey], text["Indicators.ProgressDescription"]));
}
