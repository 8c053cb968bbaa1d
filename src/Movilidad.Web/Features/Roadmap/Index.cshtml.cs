using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Institutions;
using Movilidad.Platform.Monitoring;
using Movilidad.Web.Features.Plans;
using Movilidad.Web.Infrastructure.Localization;

namespace Movilidad.Web.Features.Roadmap;

[AllowAnonymous]
public class IndexModel(MovilidadDb db, TimeProvider clock) : PageModel
{
    /// <summary>The value of the plan filter that shows every plan, past ones included.</summary>
    public const string AllPlans = "all";

    public IReadOnlyList<PlanSummary> Plans { get; private set; } = [];
    public IReadOnlyList<Choice> WorkingGroups { get; private set; } = [];
    public IReadOnlyList<Choice> Countries { get; private set; } = [];
    public IReadOnlyList<ActivityStatus> Statuses { get; } = Enum.GetValues<ActivityStatus>();

    public string? PlanKey { get; private set; }
    public int? WorkingGroup { get; private set; }
    public string? Country { get; private set; }
    public ActivityStatus? Status { get; private set; }

    public IReadOnlyList<RoadmapGroup> Groups { get; private set; } = [];
    public IReadOnlyList<RoadmapUndated> Undated { get; private set; } = [];
    public RoadmapScale? Scale { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? plan, int? group, string? country, string? status, CancellationToken ct)
    {
        Plans = await db.PlanSummariesAsync(ct);
        var groups = await db.Institutions.AsNoTracking().Where(i => i.Kind == InstitutionKind.WorkingGroup).OrderBy(i => i.Code)
            .Select(i => new { i.Id, i.Acronym, i.Name }).ToListAsync(ct);
        WorkingGroups = groups.Select(g => new Choice(g.Id.ToString(CultureInfo.InvariantCulture), $"{g.Acronym.Current} · {g.Name.Current}")).ToList();
        var members = await db.MemberCountriesAsync(ct);
        Countries = (await db.Countries.AsNoTracking().Where(c => members.Contains(c.Alpha2)).Select(c => new { c.Alpha2, c.Name }).ToListAsync(ct))
            .Select(c => new Choice(c.Alpha2, c.Name.Current)).OrderBy(c => c.Label, StringComparer.CurrentCulture).ToList();

        // An unknown choice in the address is a page that does not exist, as an unknown plan always was.
        var statusValue = Statuses.Cast<ActivityStatus?>().FirstOrDefault(s => ActivityWorkflow.Kebab(s!.Value) == status);
        if ((plan is { Length: > 0 } && plan != AllPlans && Plans.All(p => p.Key != plan))
            || (group is { } g && groups.All(w => w.Id != g))
            || (country is { Length: > 0 } && Countries.All(c => c.Value != country))
            || (status is { Length: > 0 } && statusValue is null))
        {
            return NotFound();
        }

        PlanKey = plan is { Length: > 0 } ? plan : null;
        WorkingGroup = group;
        Country = country is { Length: > 0 } ? country : null;
        Status = statusValue;

        // By default, plans still running or ended in the last two years: a 2009 workshop would squeeze the chart.
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var shown = PlanKey switch
        {
            null => Plans.Where(p => p.PeriodEnd >= today.Year - 2),
            AllPlans => Plans,
            _ => Plans.Where(p => p.Key == PlanKey),
        };
        (Groups, Undated) = await db.RoadmapAsync(
            shown.Select(p => new RoadmapPlan(p.Key, p.Title, p.Owner)).ToList(), new RoadmapFilter(WorkingGroup, Country, Status), ct);
        var dates = Groups.SelectMany(r => r.Rows).SelectMany(r => new[] { r.Start, r.End }).OfType<DateOnly>().ToList();
        Scale = Groups.Count > 0 ? new RoadmapScale(dates, today) : null;
        return Page();
    }

    /// <summary>Whether any filter but the plan narrows the chart (the page then says so).</summary>
    public bool Narrowed => WorkingGroup is not null || Country is not null || Status is not null;
}
