using System.Globalization;
using System.Text.Encodings.Web;
using System.Xml.Linq;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Web.Infrastructure.Web;
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
public class IndexModel(MovilidadDb db, IndicatorDashboard dashboard, ContentCache cache, IAuthorizationService auth, IStringLocalizer text, HtmlEncoder encoder) : PageModel
{
    /// <summary>What this answer shows, kept or drawn for it alone; its rendered body is kept with it.</summary>
    private Drawn? drawn;

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
        if (await DataAsync(ct) is not { } data)
        {
            Plans = await PlansAsync(ct);
            return Page();
        }

        // The page's parts are drawn once per plan, indicator, line, page of indicators and language, and kept until the
        // content changes: the key holds only values the data allows, so no address can fill the cache. The data are read
        // again inside, after the cache has taken its change token, so a change made meanwhile is never kept (nor drawn
        // under a key it does not fit: then the page is drawn for this answer only).
        var line = Line is { } asked && !data.Indicators.Any(i => i.LineId == asked) ? -1 : Line;
        var (_, candidates) = Candidates(data, line);
        var start = Math.Clamp(Start, 0, Math.Max(0, candidates.Count - 1)) / PairsPerPage * PairsPerPage;
        var key = new DrawnKey(db.Database.GetConnectionString(), db.Visibility, IsPublic, data.PlanKey, data.TrendIndicatorId, line, start,
            CultureInfo.CurrentCulture.Name, CultureInfo.CurrentUICulture.Name);
        drawn = await cache.GetOrComputeAsync(key, async () => await DataAsync(ct) is { } fresh && fresh.PlanKey == data.PlanKey && fresh.TrendIndicatorId == data.TrendIndicatorId
            ? await DrawAsync(fresh, line, start, ct)
            : null, ct) ?? await DrawAsync(data, line, start, ct);

        (Plans, Data, Line, Start, PairsTotal, Pairs, TrendChoices, TrendCumulative) =
            (drawn.Plans, drawn.Data, drawn.Line, drawn.Start, drawn.PairsTotal, drawn.Pairs, drawn.TrendChoices, drawn.TrendCumulative);
        (LinesChart, CountriesChart, GroupsChart, PairsChart, TrendChart) = (drawn.LinesChart, drawn.CountriesChart, drawn.GroupsChart, drawn.PairsChart, drawn.TrendChart);
        Plan = Data.PlanKey;
        return Page();
    }

    /// <summary>
    /// The dashboard below the page's per-reader shell (filters, figures, charts, tables: <c>_Dashboard.cshtml</c>) as HTML.
    /// It depends only on the drawing and on what its key holds (visibility, language), so it is rendered once and kept
    /// with the drawing: it goes when the drawing goes (a content change on any node), and a drawing made for one answer
    /// alone takes its HTML with it.
    /// </summary>
    public async Task<IHtmlContent> BodyAsync(Func<Task<IHtmlContent>> render)
    {
        var kept = drawn ?? throw new InvalidOperationException("The dashboard is drawn in OnGetAsync.");
        if (kept.Body is { } body)
        {
            return body;
        }

        await using var html = new StringWriter(CultureInfo.InvariantCulture);
        (await render()).WriteTo(html, encoder);
        var rendered = new HtmlString(html.ToString());
        kept.Body = rendered;
        return rendered;
    }

    private async Task<IReadOnlyList<(string Key, Bilingual Title)>> PlansAsync(CancellationToken ct) =>
        (await db.Plans.AsNoTracking().Where(p => db.ReportingCalendars.Any(c => c.PlanId == p.Id) && db.Indicators.Any(i => i.PlanId == p.Id))
            .OrderBy(p => p.SortOrder).Select(p => new { p.Key, p.Title }).ToListAsync(ct)).Select(p => (p.Key, p.Title)).ToList();

    /// <summary>The dashboard's figures for the plan asked (the first plan when it has none, or one that has no indicators).</summary>
    private async Task<IndicatorDashboardData?> DataAsync(CancellationToken ct) =>
        (Plan is null ? null : await dashboard.ComputeAsync(db, Plan, Indicator, IsPublic, ct)) ?? await dashboard.ComputeAsync(db, null, Indicator, IsPublic, ct);

    /// <summary>The indicators the targets chart may draw: all of a small plan; on a large one, those of one line (the first unless asked).</summary>
    private static (int? Line, List<IndicatorProgress> Candidates) Candidates(IndicatorDashboardData data, int? line)
    {
        var candidates = data.Indicators.Where(i => i.Target is not null || i.Actual is not null).ToList();
        if (candidates.Count <= PairsPerChart)
        {
            return (line, candidates);
        }

        line ??= data.Lines.Count > 0 ? int.Parse(data.Lines[0].Key, CultureInfo.InvariantCulture) : null;
        return (line, candidates.Where(i => i.LineId == line).ToList());
    }

    private async Task<Drawn> DrawAsync(IndicatorDashboardData data, int? asked, int start, CancellationToken ct)
    {
        var (line, candidates) = Candidates(data, asked);
        var pairs = candidates.Skip(start).Take(PairsPerPage).ToList();
        var trendChoices = data.Indicators.Count <= PairsPerPage ? data.Indicators
            : (pairs.Count > 0 ? pairs : data.Indicators.Take(PairsPerPage)).Concat(data.Indicators.Where(i => i.Id == data.TrendIndicatorId)).DistinctBy(i => i.Id).ToList();
        var pairsChart = pairs.Count == 0 ? null : Html(IndicatorCharts.TargetsVsActuals(
            pairs.Select(p => new ChartPair($"{p.Code} {p.Name.Current}", p.Actual, p.Target, Format(p.Actual, p.UnitCode), Format(p.Target, p.UnitCode))).ToList(),
            text["Indicators.TargetsVsActuals"], text["Indicators.TargetsVsActualsDescription"], text["Indicators.Actual"], text["Indicators.Target"]));
        var cumulative = false;
        HtmlString? trendChart = null;
        if (data.TrendIndicatorId is { } trendId && data.Indicators.Single(i => i.Id == trendId) is var trendIndicator && data.Trend.Any(t => t.Actual is not null || t.Target is not null))
        {
            // Only an incremental indicator's columns add up over the periods (the dashboard's trend sums them); the legend says which.
            cumulative = await db.Indicators.Where(i => i.Id == trendId).Select(i => i.TargetType).SingleAsync(ct) == TargetType.Incremental;
            trendChart = Html(IndicatorCharts.Trend(data.Trend, data.Trend.Select(t => Periods.Label(t.Period, CultureInfo.CurrentCulture)).ToList(),
                text["Indicators.TrendOf", trendIndicator.Code], text[cumulative ? "Indicators.TrendDescription" : "Indicators.TrendDescriptionPeriod"], v => Format(v, trendIndicator.UnitCode)));
        }

        return new Drawn(await PlansAsync(ct), data, line, start, candidates.Count, pairs, trendChoices, cumulative,
            Bars(data.Lines, "Indicators.ByLine"), Bars(data.Countries, "Indicators.ByCountry"), Bars(data.WorkingGroups, "Indicators.ByWorkingGroup"), pairsChart, trendChart);
    }

    private sealed record DrawnKey(string? Database, string Visibility, bool IsPublic, string Plan, int? TrendIndicator, int? Line, int Start, string Culture, string UiCulture);

    private sealed record Drawn(
        IReadOnlyList<(string Key, Bilingual Title)> Plans, IndicatorDashboardData Data, int? Line, int Start, int PairsTotal, IReadOnlyList<IndicatorProgress> Pairs,
        IReadOnlyList<IndicatorProgress> TrendChoices, bool TrendCumulative, HtmlString? LinesChart, HtmlString? CountriesChart, HtmlString? GroupsChart,
        HtmlString? PairsChart, HtmlString? TrendChart)
    {
        /// <summary>The rendered <c>_Dashboard.cshtml</c> of this drawing, once a request has rendered it (two at once render the same).</summary>
        public HtmlString? Body { get; set; }
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
