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

/// <summary>
/// The indicators dashboard: progress per line, country and working group, targets against actuals, one indicator's
/// trend. Those who work on the plans see the submitted and approved values and how reporting goes; anyone else sees
/// the published plans' approved values, as the open data (SDMX-CSV) publishes them.
/// </summary>
[AllowAnonymous]
public class IndexModel(MovilidadDb db, IndicatorDashboard dashboard, IAuthorizationService auth, IStringLocalizer text) : PageModel
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

    /// <summary>Whether the trend's columns are what was reached to date (an incremental indicator) rather than in each period.</summary>
    public bool TrendCumulative { get; private set; }
    public bool CanEdit { get; private set; }

    /// <summary>Someone who does not work on the plans: approved values only, read-only.</summary>
    public bool IsPublic { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        IsPublic = !await auth.CanAsync(User, IndicatorOperations.Read);
        CanEdit = await auth.CanAsync(User, IndicatorOperations.Edit);
        Plans = (await db.Plans.AsNoTracking().Where(p => db.ReportingCalendars.Any(c => c.PlanId == p.Id) && db.Indicators.Any(i => i.PlanId == p.Id))
            .OrderBy(p => p.SortOrder).Select(p => new { p.Key, p.Title }).ToListAsync(ct)).Select(p => (p.Key, p.Title)).ToList();
        Data = await dashboard.ComputeAsync(db, Plans.Any(p => p.Key == Plan) ? Plan : null, Indicator, IsPublic, ct);
        if (Data is null)
        {
            return Page();
        }

        Plan = Data.PlanKey;
        LinesChart = Bars(Data.Lines, "Indicators.ByLine");
        CountriesChart = Bars(Data.Countries, "Indicators.ByCountry");
        GroupsChart = Bars(Data.WorkingGroups, "Indicators.ByWorkingGroup");
        var candidates = Data.Indicators.Where(i => i.Target is not null || i.Actual is not null).ToList();
        if (candidates.Count > PairsPerChart)
        {
            Line ??= Data.Lines.Count > 0 ? int.Parse(Data.Lines[0].Key, CultureInfo.InvariantCulture) : null;
            candidates = candidates.Where(i => i.LineId == Line).ToList();
        }

        PairsTotal = candidates.Count;
        Start = Math.Clamp(Start, 0, Math.Max(0, PairsTotal - 1)) / PairsPerPage * PairsPerPage;
        Pairs = candidates.Skip(Start).Take(PairsPerPage).ToList();
        TrendChoices = Data.Indicators.Count <= PairsPerPage ? Data.Indicators
            : (Pairs.Count > 0 ? Pairs : Data.Indicators.Take(PairsPerPage)).Concat(Data.Indicators.Where(i => i.Id == Data.TrendIndicatorId)).DistinctBy(i => i.Id).ToList();
        if (Pairs.Count > 0)
        {
            PairsChart = Html(IndicatorCharts.TargetsVsActuals(
                Pairs.Select(p => new ChartPair($"{p.Code} {p.Name.Current}", p.Actual, p.Target, Format(p.Actual, p.UnitCode), Format(p.Target, p.UnitCode))).ToList(),
                text["Indicators.TargetsVsActuals"], text["Indicators.TargetsVsActualsDescription"], text["Indicators.Actual"], text["Indicators.Target"]));
        }

        if (Data.TrendIndicatorId is { } trendId && Data.Indicators.Single(i => i.Id == trendId) is var trendIndicator && Data.Trend.Any(t => t.Actual is not null || t.Target is not null))
        {
            // Only an incremental indicator's columns add up over the periods (the dashboard's trend sums them); the legend says which.
            TrendCumulative = await db.Indicators.Where(i => i.Id == trendId).Select(i => i.TargetType).SingleAsync(ct) == TargetType.Incremental;
            TrendChart = Html(IndicatorCharts.Trend(Data.Trend, Data.Trend.Select(t => Periods.Label(t.Period, CultureInfo.CurrentCulture)).ToList(),
                text["Indicators.TrendOf", trendIndicator.Code], text[TrendCumulative ? "Indicators.TrendDescription" : "Indicators.TrendDescriptionPeriod"], v => Format(v, trendIndicator.UnitCode)));
        }

        return Page();
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
