using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Movilidad.Platform.Data;
using Movilidad.Records;

namespace Movilidad.Web.Features.LabourMarket;

/// <summary>
/// The explorer: demand (OFLC, ESDC) and supply (ILOSTAT) by ISCO-08 occupation at any level, destination, period and
/// programme; the filters are the page's address, so a view is shared by its link. Each chart has its table beside it.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = LabourMarketCache.Policy)]
public class IndexModel(MovilidadDb db, IAuthorizationService auth, IStringLocalizer text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Measure { get; set; }
    [BindProperty(SupportsGet = true)] public string? Occupation { get; set; }
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public string? Programme { get; set; }
    [BindProperty(SupportsGet = true)] public string? Level { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dataset { get; set; }

    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public IReadOnlyList<(string Measure, decimal Total)> ByMeasure { get; private set; } = [];
    public string? Shown { get; private set; }
    public IReadOnlyList<ChartPoint> Series { get; private set; } = [];
    public IReadOnlyList<ChartPoint> TopOccupations { get; private set; } = [];
    public IReadOnlyList<ChartPoint> Places { get; private set; } = [];
    public IReadOnlyList<ChartPoint> Supply { get; private set; } = [];
    public IReadOnlyList<string> Programmes { get; private set; } = [];
    public HtmlString SeriesChart { get; private set; } = HtmlString.Empty;
    public HtmlString OccupationChart { get; private set; } = HtmlString.Empty;
    public HtmlString SupplyChart { get; private set; } = HtmlString.Empty;
    public IReadOnlyList<(string Country, HtmlString Map)> Maps { get; private set; } = [];
    public int OccupationLevel { get; private set; } = 2;

    /// <summary>No dataset the reader may see has been imported: the page says how to import instead of showing nothing.</summary>
    public bool NothingImported { get; private set; }

    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "es" ? "es" : "en";

    /// <summary>The page's filters as a query string, for the download links.</summary>
    public string Query => string.Join('&', new[] { ("measure", Measure), ("occupation", Occupation), ("area", Area), ("period", Period), ("programme", Programme), ("dataset", Dataset) }
        .Where(p => !string.IsNullOrWhiteSpace(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (filter, errors) = await ObservationQuery.ParseAsync(db, Measure, Occupation, Area, Period, Programme, Dataset, null, text, ct);
        if (!string.IsNullOrWhiteSpace(Level))
        {
            if (int.TryParse(Level, NumberStyles.None, CultureInfo.InvariantCulture, out var level) && level is >= 1 and <= 4)
            {
                OccupationLevel = level;
            }
            else
            {
                errors["level"] = [text["LabourMarket.Error.Level"]];
            }
        }

        Errors = errors;
        if (filter is null || errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var visible = await ObservationQuery.VisibleAsync(db, User, auth, ct);
        var measures = await ObservationQuery.SumAsync(visible, filter with { Measure = null, GroupBy = [ObservationDimension.Measure] }, 100, ct);
        ByMeasure = [.. measures.Rows.Select(r => (r.Measure!, r.Value))];
        Programmes = await visible.Where(o => o.Programme != null).Select(o => o.Programme!).Distinct().OrderBy(p => p).Take(200).ToListAsync(ct);
        Shown = filter.Measure ?? ByMeasure.Select(m => m.Measure).FirstOrDefault(m => m != Measures.Code(Records.Measure.Employment)) ?? ByMeasure.Select(m => m.Measure).FirstOrDefault();
        if (Shown is null)
        {
            NothingImported = !await (await LabourDatasets.VisibleAsync(db, User, auth)).AnyAsync(ct);
            return Page();
        }

        var shown = filter with { Measure = Shown };
        var label = MeasureLabel(Shown);
        var series = await ObservationQuery.SumAsync(visible, shown with { GroupBy = [ObservationDimension.Period] }, 1_000, ct);
        Series = [.. series.Rows.Select(r => (Row: r, Parsed: Records.Period.TryParse(r.Period, out var p) ? p : null))
            .OrderBy(r => r.Parsed?.Start).ThenBy(r => r.Parsed?.End).Select(r => new ChartPoint(r.Row.Period!, r.Row.Period!, r.Row.Value))];
        SeriesChart = LabourCharts.Columns($"{label}: {text["LabourMarket.ByPeriod"]}", Series);

        var dimension = OccupationLevel switch { 1 => ObservationDimension.Occupation1, 2 => ObservationDimension.Occupation2, 3 => ObservationDimension.Occupation3, _ => ObservationDimension.Occupation };
        var top = await ObservationQuery.SumAsync(visible, shown with { GroupBy = [dimension] }, 15, ct);
        var titles = await OccupationTitlesAsync(top.Rows.Select(r => r.Occupation).OfType<string>(), ct);
        TopOccupations = [.. top.Rows.Select(r => new ChartPoint(r.Occupation ?? ObservationFilter.Unmapped,
            r.Occupation is null ? text["LabourMarket.Unmapped"] : $"{r.Occupation} {titles.GetValueOrDefault(r.Occupation)}", r.Value))];
        OccupationChart = LabourCharts.Bars($"{label}: {text["LabourMarket.TopOccupations"]}", TopOccupations);

        var places = await ObservationQuery.SumAsync(visible, shown with { GroupBy = [ObservationDimension.Country, ObservationDimension.Subdivision] }, 500, ct);
        Places = [.. places.Rows.Select(r => new ChartPoint(r.Subdivision ?? r.Country!, r.Subdivision ?? r.Country!, r.Value))];
        Maps = [.. places.Rows.Select(r => r.Country!).Distinct().Where(LabourCharts.HasTiles).Order(StringComparer.Ordinal)
            .Select(c => (c, LabourCharts.TileMap($"{label}: {c}", c, places.Rows.Where(r => r.Country == c && r.Subdivision != null).ToDictionary(r => r.Subdivision!, r => r.Value))))];

        var supply = await ObservationQuery.SumAsync(visible, filter with { Measure = Measures.Code(Records.Measure.Employment), Country = null, Subdivision = null, Programme = null, GroupBy = [ObservationDimension.Country] }, 50, ct);
        Supply = [.. supply.Rows.Select(r => new ChartPoint(r.Country!, r.Country!, r.Value))];
        SupplyChart = LabourCharts.Bars($"{MeasureLabel(Measures.Code(Records.Measure.Employment))}: {text["LabourMarket.ByCountry"]}", Supply);
        return Page();
    }

    /// <summary>The observations of the page's filters summed by measure, occupation, place, period and programme, as CSV in the reader's language.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var (table, error) = await DownloadTableAsync(ct);
        if (table is null)
        {
            return BadRequest(error);
        }

        var csv = new StringBuilder();
        csv.Append(string.Join(',', DownloadHeaders)).Append("\r\n");
        foreach (var (texts, value) in table)
        {
            csv.Append(string.Join(',', texts.Select(t => LabourSdmxCsv.Field(t ?? string.Empty)))).Append(',').Append(value.ToString("0.######", CultureInfo.InvariantCulture)).Append("\r\n");
        }

        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", "labour-market.csv");
    }

    /// <summary>The same table as <see cref="OnGetCsvAsync"/>, as an Excel workbook with its headers in the reader's language.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        var (table, error) = await DownloadTableAsync(ct);
        if (table is null)
        {
            return BadRequest(error);
        }

        var workbook = new MemoryStream();
        LabourXlsx.Write(workbook, text["LabourMarket.Explorer"], DownloadHeaders, table);
        workbook.Position = 0;
        return File(workbook, LabourXlsx.ContentType, "labour-market.xlsx");
    }

    private string[] DownloadHeaders => [text["LabourMarket.Measure"], text["LabourMarket.Occupation"], text["LabourMarket.Country"], text["LabourMarket.Subdivision"],
        text["LabourMarket.Period"], text["LabourMarket.Programme"], text["LabourMarket.Value"]];

    private async Task<(List<(IReadOnlyList<string?> Texts, decimal Value)>? Table, string Error)> DownloadTableAsync(CancellationToken ct)
    {
        var (filter, errors) = await ObservationQuery.ParseAsync(db, Measure, Occupation, Area, Period, Programme, Dataset, null, text, ct);
        if (filter is null)
        {
            return (null, string.Join(" ", errors.Select(e => $"{e.Key}: {e.Value[0]}")));
        }

        var table = await ObservationQuery.SumAsync(await ObservationQuery.VisibleAsync(db, User, auth, ct),
            filter with { GroupBy = [ObservationDimension.Measure, ObservationDimension.Occupation, ObservationDimension.Country, ObservationDimension.Subdivision, ObservationDimension.Period, ObservationDimension.Programme] },
            ObservationQuery.MaxRows, ct);
        return ([.. table.Rows.Select(r => ((IReadOnlyList<string?>)[MeasureLabel(r.Measure!), r.Occupation ?? LabourSdmxCsv.NotMapped, r.Country, r.Subdivision, r.Period, r.Programme], r.Value))], string.Empty);
    }

    public static string MeasureLabel(string code) => Measures.TryParse(code, out var measure) ? measure.Label(Language) : code;

    private async Task<Dictionary<string, string>> OccupationTitlesAsync(IEnumerable<string> codes, CancellationToken ct)
    {
        var wanted = codes.Distinct().ToList();
        var names = await db.Occupations.AsNoTracking().Where(o => wanted.Contains(o.Code)).Select(o => new { o.Code, o.Name }).ToListAsync(ct);
        return names.ToDictionary(n => n.Code, n => n.Name.Current, StringComparer.Ordinal);
    }
}
