using Microsoft.AspNetCore.Authorization;
using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Movilidad.Web.Features.Plans;
using Movilidad.Web.Infrastructure.Data;
using Movilidad.Web.Infrastructure.Localization;

namespace Movilidad.Web.Features.Roadmap;

[AllowAnonymous]
public class IndexModel(MovilidadDb db, IStringLocalizer text, TimeProvider clock) : PageModel
{
    public IReadOnlyList<PlanSummary> Plans { get; private set; } = [];
    public string? PlanKey { get; private set; }
    public IReadOnlyList<RoadmapGroup> Groups { get; private set; } = [];
    public IReadOnlyList<(int Id, string? Code, Bilingual Title, Term Term, Bilingual Plan)> Undated { get; private set; } = [];
    public HtmlString? Chart { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? plan, CancellationToken ct)
    {
        Plans = await db.PlanSummariesAsync(ct);
        if (plan is not null && Plans.All(p => p.Key != plan))
        {
            return NotFound();
        }

        PlanKey = plan;
        var elements = await db.PlanElements.AsNoTracking()
            .Where(e => plan == null || e.Plan!.Key == plan)
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

                var group = top.ParentId is { } p ? byId[p] : top;
                return (Element: e, Group: group);
            })
            .ToList();
        Groups = dated
            .GroupBy(d => d.Group.Id)
            .Select(g => (Group: g.First().Group, Items: g.Select(d => d.Element).ToList()))
            .OrderBy(g => g.Group.PlanOrder).ThenBy(g => g.Group.SortOrder)
            .Select(g => new RoadmapGroup(
                g.Group.PlanKey, g.Group.PlanTitle,
                new Bilingual($"{g.Group.Code} {g.Group.Title.Es}".Trim(), $"{g.Group.Code} {g.Group.Title.En}".Trim()),
                g.Items.OrderBy(i => i.StartDate ?? i.EndDate).Select(i => new RoadmapItem(
                    i.Id, i.Code, i.Title, (i.StartDate ?? i.EndDate)!.Value, (i.EndDate ?? i.StartDate)!.Value, i.TimeframeLabel)).ToList()))
            .ToList();
        Undated = elements.Where(e => e.StartDate is null && e.EndDate is null && e.Term is not null)
            .OrderBy(e => e.PlanOrder).ThenBy(e => e.Id)
            .Select(e => (e.Id, e.Code, e.Title, e.Term!.Value, e.PlanTitle)).ToList();
        if (Groups.Count > 0)
        {
            var svg = RoadmapChart.Render(Groups, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), CultureInfo.CurrentUICulture, text["Roadmap.ChartLabel"]);
            Chart = new HtmlString(svg.ToString(System.Xml.Linq.SaveOptions.DisableFormatting));
        }

        return Page();
    }
}
