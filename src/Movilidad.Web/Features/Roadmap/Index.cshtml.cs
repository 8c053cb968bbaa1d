using Microsoft.AspNetCore.Authorization;
using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Movilidad.Web.Features.Plans;
using Movilidad.Platform.Plans;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;

namespace Movilidad.Web.Features.Roadmap;

[AllowAnonymous]
public class IndexModel(MovilidadDb db, IStringLocalizer text, TimeProvider clock) : PageModel
{
    public IReadOnlyList<PlanSummary> Plans { get; private set; } = [];
    public string? PlanKey { get; private set; }
    public IReadOnlyList<RoadmapGroup> Groups { get; private set; } = [];
    public IReadOnlyList<(int Id, string? Code, Bilingual Title, Term Term, Bilingual Plan)> Undated { get; private set; } = [];
    public HtmlString? Chart { get; private set; }

    /// <summary>The value of the plan filter that shows every plan, past ones included.</summary>
    public const string AllPlans = "all";

    public async Task<IActionResult> OnGetAsync(string? plan, CancellationToken ct)
    {
        Plans = await db.PlanSummariesAsync(ct);
        if (plan is not null && plan != AllPlans && Plans.All(p => p.Key != plan))
        {
            return NotFound();
        }

        PlanKey = plan;

        // By default, plans still running or ended in the last two years: a 2009 workshop would squeeze the chart.
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var shown = plan switch
        {
            null => Plans.Where(p => p.PeriodEnd >= today.Year - 2).Select(p => p.Key).ToList(),
            AllPlans => Plans.Select(p => p.Key).ToList(),
            _ => [plan],
        };
        var elements = await db.PlanElements.AsNoTracking()
            .Where(e => shown.Contains(e.Plan!.Key))
            .Select(e => new { e.Id, e.ParentId, e.Code, e.Title, e.StartDate, e.EndDate, e.Term, e.TimeframeLabel, PlanKey = e.Plan!.Key, PlanTitle = e.Plan.Title, PlanOrder = e.Plan.SortOrder, e.SortOrder })
            .ToListAsync(ct);
        var byId = elements.ToDictionary(e => e.Id);
        var dated = elements.Where(e => e.StartDate is not null || e.EndDate is not null)
            .Select(e =>
            {
                var top = e;
                while (top.ParentId is { } parent && byId[parent].ParentId is not null)
                {
                    top = byId[parent];
                }

                var group = top.ParentId is { } p ? byId[p] : null;
                return (Element: e, Group: group);
            })
            .ToList();
        Groups = dated
            .GroupBy(d => (d.Element.PlanKey, GroupId: d.Group?.Id))
            .Select(g => (First: g.First().Element, g.First().Group, Items: g.Select(d => d.Element).ToList()))
            .OrderBy(g => g.First.PlanOrder).ThenBy(g => g.Group?.SortOrder ?? -1)
            .Select(g => new RoadmapGroup(
                g.First.PlanKey, g.First.PlanTitle,
                g.Group is { } top ? new Bilingual($"{top.Code} {top.Title.Es}".Trim(), $"{top.Code} {top.Title.En}".Trim()) : null,
                g.Items.OrderBy(i => i.StartDate ?? i.EndDate).Select(i => new RoadmapItem(
                    i.Id, i.Code, i.Title, (i.StartDate ?? i.EndDate)!.Value, (i.EndDate ?? i.StartDate)!.Value, i.TimeframeLabel)).ToList()))
            .ToList();
        Undated = elements.Where(e => e.StartDate is null && e.EndDate is null && e.Term is not null)
            .OrderBy(e => e.PlanOrder).ThenBy(e => e.Id)
            .Select(e => (e.Id, e.Code, e.Title, e.Term!.Value, e.PlanTitle)).ToList();
        if (Groups.Count > 0)
        {
            var svg = RoadmapChart.Render(Groups, today, CultureInfo.CurrentUICulture, text["Roadmap.ChartLabel"]);
            Chart = new HtmlString(svg.ToString(System.Xml.Linq.SaveOptions.DisableFormatting));
        }

        return Page();
    }
}
