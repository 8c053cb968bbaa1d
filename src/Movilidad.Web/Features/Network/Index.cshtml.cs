using System.Xml.Linq;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Monitoring;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Web.Infrastructure.Charts;

namespace Movilidad.Web.Features.Network;

/// <summary>
/// The network work plan's follow-up: its progress by priority and by agency (activities by status, with a chart), each
/// activity's latest approved update and overdue quarters, and the mid-term review, which the co-chairs record and approve here.
/// </summary>
[AllowAnonymous]
public class IndexModel(MovilidadDb db, IAuthorizationService auth, TimeProvider clock, IStringLocalizer texts) : NetworkPage
{
    public NetworkDashboard Dashboard { get; private set; } = null!;
    public HtmlString StatusChart { get; private set; } = HtmlString.Empty;
    public bool IsCoChair { get; private set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public DateOnly? ReviewDate { get; set; }

    [BindProperty]
    public string? FindingsEs { get; set; }

    [BindProperty]
    public string? FindingsEn { get; set; }

    [BindProperty]
    public string? ChangesEs { get; set; }

    [BindProperty]
    public string? ChangesEn { get; set; }

    public async Task<IActionResult> OnGetAsync(string? plan, CancellationToken ct) => await ShowAsync(plan, fill: true, ct) ?? Page();

    public async Task<IActionResult> OnPostReviewAsync(string? plan, CancellationToken ct)
    {
        var outcome = await NetworkEditing.SaveReviewAsync(db, plan ?? string.Empty, new NetworkReviewInput(Version, ReviewDate, new Bilingual(FindingsEs ?? string.Empty, FindingsEn ?? string.Empty),
            new Bilingual(ChangesEs ?? string.Empty, ChangesEn ?? string.Empty)), (operation, scope) => auth.CanAsync(User, operation, scope), AuditActor.From(HttpContext), clock, ct);
        return await PageAfterWriteAsync(outcome, $"/network/{plan}#review", async () => await ShowAsync(plan, fill: false, ct) ?? Page(), current => Version = current.Version);
    }

    public async Task<IActionResult> OnPostApproveReviewAsync(string? plan, CancellationToken ct)
    {
        var outcome = await NetworkEditing.ApproveReviewAsync(db, plan ?? string.Empty, Version, (operation, scope) => auth.CanAsync(User, operation, scope), AuditActor.From(HttpContext), clock, ct);
        return await PageAfterWriteAsync(outcome, $"/network/{plan}#review", async () => await ShowAsync(plan, fill: true, ct) ?? Page());
    }

    private async Task<IActionResult?> ShowAsync(string? plan, bool fill, CancellationToken ct)
    {
        plan ??= (await NetworkQueries.PlansAsync(db, ct)).FirstOrDefault()?.Key;
        var readsDrafts = await auth.CanAsync(User, NetworkOperations.Read);
        if (plan is null || await NetworkQueries.DashboardAsync(db, plan, readsDrafts, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct) is not { } dashboard)
        {
            return NotFound();
        }

        Dashboard = dashboard;
        IsCoChair = Grants.Of(User).Any(g => new InstitutionScope(dashboard.CoChairs.Select(c => c.Id).ToList()).HasAgency(g));
        var bars = dashboard.ByStatus.Where(s => s.Value > 0).Select(s => new Bar(texts[StatusKey(s.Key)], s.Value, "status-" + s.Key)).ToList();
        StatusChart = new HtmlString(BarChart.Render(texts["Network.ByStatus"], bars, "network-status").ToString(SaveOptions.DisableFormatting));
        if (fill && dashboard.Review is { } review)
        {
            (Version, ReviewDate, FindingsEs, FindingsEn, ChangesEs, ChangesEn) = (review.Version, review.Date, review.Findings.Es, review.Findings.En, review.Changes.Es, review.Changes.En);
        }

        return null;
    }

    /// <summary>The statuses in the workflow's order, with a count in some row.</summary>
    public static IEnumerable<string> Statuses => Enum.GetValues<ActivityStatus>().Select(ActivityWorkflow.Kebab);
}
