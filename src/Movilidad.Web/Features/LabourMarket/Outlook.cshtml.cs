using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Movilidad.Platform.Data;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Web.Infrastructure.Web;

namespace Movilidad.Web.Features.LabourMarket;

/// <summary>
/// The occupation outlook (action 2.2): ISCO-08 groups ranked by projected demand growth for a destination, programme and
/// measure, the method and back-test error of each forecast, its band, the series behind it, and the sector mapping.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = LabourMarketCache.Policy)]
public class OutlookModel(MovilidadDb db, ContentCache cache, IAuthorizationService auth, IStringLocalizer text) : PageModel
{
    /// <summary>How many occupations the page draws one by one (the table lists them all).</summary>
    public const int Detailed = 5;

    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Programme { get; set; }
    [BindProperty(SupportsGet = true)] public string? Measure { get; set; }
    [BindProperty(SupportsGet = true)] public string? Level { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sector { get; set; }
    [BindProperty(SupportsGet = true)] public string? Horizon { get; set; }
    [BindProperty(SupportsGet = true)] public string? Rank { get; set; }

    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public OutlookResult? Result { get; private set; }
    public IReadOnlyList<OutlookSector> Sectors { get; private set; } = [];
    public bool CanEditSectors { get; private set; }
    public HtmlString RankingChart { get; private set; } = HtmlString.Empty;
    public IReadOnlyList<(OutlookOccupation Occupation, HtmlString Chart)> Charts { get; private set; } = [];

    /// <summary>The page's choices as a query string, for the JSON link.</summary>
    public string Query => string.Join('&', new[] { ("area", Result?.Country), ("programme", Result?.Programme), ("measure", Result?.Measure), ("level", Level), ("sector", Sector), ("horizon", Horizon), ("rank", Rank) }
        .Where(p => !string.IsNullOrWhiteSpace(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));

    /// <summary>The explorer's address for an occupation's series under the page's choices: the data behind its numbers.</summary>
    public string ExplorerLink(string occupation) =>
        "/labour-market?" + string.Join('&', new[] { ("measure", Result?.Measure), ("area", Result?.Country), ("programme", Result?.Programme), ("occupation", occupation), ("level", "4") }
            .Where(p => !string.IsNullOrWhiteSpace(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Sectors = await OutlookSectors.ListAsync(db, ct);
        CanEditSectors = await auth.CanAsync(User, LabourMarketOperations.EditSectors);
        var (filter, errors) = LabourOutlook.Parse(Area, Programme, Measure, Level, Sector, Horizon, Rank, Sectors, text);
        Errors = errors;
        if (filter is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Result = await LabourOutlook.ComputeAsync(db, cache, await auth.CanAsync(User, LabourMarketOperations.ReadRestricted), filter, Sectors, text, ct);
        var change = text["Outlook.Change"].Value;
        RankingChart = OutlookCharts.Changes($"{text["Outlook.Ranking"]}: {change}", [.. Result.Occupations.Take(15)]);
        Charts = [.. Result.Occupations.Take(Detailed).Select(o => (o, OutlookCharts.Series($"{o.Occupation} {o.Title}", o, text["Outlook.Observed"], text["Outlook.Forecast"], text["Outlook.Band"])))];
        return Page();
    }

    public static string Number(double value) => value.ToString(Math.Abs(value) >= 100 ? "N0" : "N1", System.Globalization.CultureInfo.CurrentCulture);

    public static string Signed(double value) => (value > 0 ? "+" : string.Empty) + Number(value);
}
