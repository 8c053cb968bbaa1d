using System.Xml.Linq;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Recruiters;
using Movilidad.Platform.Writes;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Web.Infrastructure.Charts;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Recruiters;

/// <summary>
/// The dashboard of reports received by country and month (counts only, public), and for a focal point (their
/// country's) or the Secretariat (all) the reports with the reporter's contact details and the triage form.
/// </summary>
[AllowAnonymous]
public class FraudReportsModel(MovilidadDb db, IAuthorizationService auth, TimeProvider clock, IStringLocalizer texts) : PageModel
{
    public IReadOnlyList<FraudReportCount> Counts { get; private set; } = [];

    /// <summary>Reports by country concerned, by status and by month (the last 24 with reports, oldest first), as counts: public.</summary>
    public IReadOnlyList<Bar> ByCountry { get; private set; } = [];
    public IReadOnlyList<Bar> ByStatus { get; private set; } = [];
    public IReadOnlyList<Bar> ByMonth { get; private set; } = [];
    public HtmlString CountryChart { get; private set; } = HtmlString.Empty;
    public HtmlString StatusChart { get; private set; } = HtmlString.Empty;
    public HtmlString MonthChart { get; private set; } = HtmlString.Empty;
    /// <summary>The reports the reader triages that match the filters, a page at a time, newest first.</summary>
    public Paged<FraudReportView> Reports { get; private set; } = new([], 0, 0, Paging.DefaultSize);

    /// <summary>The countries whose reports the reader triages, for the filter.</summary>
    public IReadOnlyList<(string Code, string Name)> Readable { get; private set; } = [];

    /// <summary>The list's filters and page, from the address (a triage posts none of them and sees the first page).</summary>
    public FraudReportStatus? Status { get; private set; }

    public string? Country { get; private set; }

    public int Start { get; private set; }

    public int Size { get; private set; } = Paging.DefaultSize;
    public bool MayTriage { get; private set; }
    public int? ConflictId { get; private set; }

    public async Task OnGetAsync(string? status, string? country, int start, int size, CancellationToken ct)
    {
        Status = Enum.TryParse<FraudReportStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        (Country, Start, Size) = (country is { Length: 2 } ? country : null, start, size);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(int id, int version, FraudReportStatus status, string? note, CancellationToken ct)
    {
        var country = await db.FraudReports.Where(f => f.Id == id).Select(f => f.Country).FirstOrDefaultAsync(ct);
        if (country is null)
        {
            return NotFound();
        }

        if (!await auth.CanAsync(User, RecruiterOperations.TriageFraudReports, new CountryScope(country)))
        {
            return Forbid();
        }

        switch (await RecruiterEditing.TriageAsync(db, id, new FraudTriage(version, status, note), AuditActor.From(HttpContext), clock, ct))
        {
            case WriteOutcome<FraudReportView>.Saved:
                return Redirect("/fraud-reports");
            case WriteOutcome<FraudReportView>.Conflict:
                ConflictId = id;
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
            default:
                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Counts = await RecruitersApi.CountsAsync(db, ct);
        var names = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Alpha2, c => c.Name, StringComparer.Ordinal, ct);
        ByCountry = [.. Counts.GroupBy(c => c.Country).Select(g => new Bar(names.TryGetValue(g.Key, out var n) ? n.Current : g.Key, g.Sum(c => c.Reports)))
            .OrderByDescending(b => b.Value).ThenBy(b => b.Label, StringComparer.CurrentCulture)];
        var statuses = (await db.FraudReports.AsNoTracking().GroupBy(f => f.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).ToDictionary(g => g.Key, g => g.Count);
        ByStatus = [.. Enum.GetValues<FraudReportStatus>().Select(s => new Bar(texts["Fraud.Status." + s], statuses.GetValueOrDefault(s), "fraud-" + s.ToString().ToLowerInvariant()))];
        ByMonth = [.. Counts.GroupBy(c => c.Month).OrderByDescending(g => g.Key, StringComparer.Ordinal).Take(24).Reverse().Select(g => new Bar(g.Key, g.Sum(c => c.Reports)))];
        if (Counts.Count > 0)
        {
            CountryChart = Svg(BarChart.Render(texts["Fraud.ByCountry"], ByCountry, "fraud-by-country"));
            StatusChart = Svg(BarChart.Render(texts["Fraud.ByStatus"], ByStatus, "fraud-by-status"));
            MonthChart = Svg(BarChart.Render(texts["Fraud.ByMonth"], ByMonth, "fraud-by-month"));
        }

        if (User.Identity?.IsAuthenticated == true)
        {
            var readable = await RecruitersApi.ReadableCountriesAsync(HttpContext, db, auth, ct);
            MayTriage = readable.Count > 0;
            Readable = [.. readable.Select(c => (c, names.TryGetValue(c, out var n) ? n.Current : c)).OrderBy(c => c.Item2, StringComparer.CurrentCulture)];
            var reports = db.FraudReports.AsNoTracking().Where(f => readable.Contains(f.Country));
            if (Status is { } status)
            {
                reports = reports.Where(f => f.Status == status);
            }

            if (Country is { Length: > 0 } country)
            {
                reports = reports.Where(f => f.Country == country);
            }

            Reports = await reports.OrderByDescending(f => f.ReceivedAt).ThenByDescending(f => f.Id)
                .PageAsync(Start, Size, async (page, token) => (await page.ToListAsync(token)).Select(RecruiterEditing.View).ToList(), ct);
            Size = Reports.Size;
        }
    }

    /// <summary>The reports with the same filters and page size, starting at <paramref name="start"/>.</summary>
    public string Link(int start) => Paging.Link("/fraud-reports", new Dictionary<string, string?>
    {
        ["status"] = Status?.ToString(), ["country"] = Country,
    }, Size, start);

    private static HtmlString Svg(XElement chart) => new(chart.ToString(SaveOptions.DisableFormatting));
}
