using System.Xml.Linq;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;
using Movilidad.Platform.Data;
using Movilidad.Web.Infrastructure.Charts;

namespace Movilidad.Web.Features.Pledges;

/// <summary>The pledge dashboard: pledges by GCM objective, pledger type and status, and those whose quarterly update is overdue.</summary>
[AllowAnonymous]
public class DashboardModel(MovilidadDb db, TimeProvider clock, IStringLocalizer texts) : PledgePage
{
    public PledgeDashboard Dashboard { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public HtmlString ByObjective { get; private set; } = HtmlString.Empty;
    public HtmlString ByType { get; private set; } = HtmlString.Empty;
    public HtmlString ByStatus { get; private set; } = HtmlString.Empty;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Dashboard = PledgeQueries.Dashboard(await db.PledgeSummariesAsync(User, ct), Today);
        ByObjective = Svg(BarChart.Render(texts["Pledge.ByObjective"],
            Dashboard.ByObjective.Select(p => new Bar($"{Int(p.Key)}. {texts["Gcm." + Int(p.Key)].Value}", p.Value)).ToList(), "by-objective", wide: true));
        ByType = Svg(BarChart.Render(texts["Pledge.ByType"], Dashboard.ByPledgerType.Select(p => new Bar(texts["PledgerType." + p.Key], p.Value)).ToList(), "by-type"));
        ByStatus = Svg(BarChart.Render(texts["Pledge.ByStatus"], Dashboard.ByStatus.Select(p => new Bar(texts["PledgeStatus." + p.Key], p.Value, "status-" + Kebab(p.Key))).ToList(), "by-status"));
    }

    private static HtmlString Svg(XElement chart) => new(chart.ToString(SaveOptions.DisableFormatting));
}
