using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Movilidad.Web.Features.Meetings;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;

namespace Movilidad.Web.Features.Indicators;

/// <summary>One indicator: its definition in both languages, its rules, and its targets by country and period beside the actuals.</summary>
[AllowAnonymous]
public class DetailsModel(MovilidadDb db, IndicatorDashboard dashboard, IAuthorizationService auth, TimeProvider clock) : PageModel
{
    public IndicatorView Indicator { get; private set; } = null!;
    public Bilingual PlanTitle { get; private set; } = Bilingual.Empty;
    public string? Element { get; private set; }
    public string? WorkingGroup { get; private set; }
    public TargetGrid Grid { get; private set; } = null!;

    /// <summary>The dashboard's figure for the whole plan: the actual against the target, as the progress charts count it.</summary>
    public IndicatorProgress? Progress { get; private set; }
    public bool CanEdit { get; private set; }

    /// <summary>For a working group's R3 indicator, to those who work on the plans: its meetings held and activities done per year, with the two-meetings check.</summary>
    public IReadOnlyList<WorkingGroupYear> MeetingsPerYear { get; private set; } = [];

    /// <summary>The elements of work plans that name this indicator as one they contribute to, of the plans the reader sees.</summary>
    public IReadOnlyList<ContributingElement> Contributing { get; private set; } = [];

    /// <summary>Someone who does not work on the plans: the indicator of a published plan with its approved values only, read-only.</summary>
    public bool IsPublic { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        IsPublic = !await auth.CanAsync(User, IndicatorOperations.Read);

        var indicator = await db.Indicators.AsNoTracking().Include(i => i.Plan).Include(i => i.Targets).AsSplitQuery().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (indicator is null)
        {
            return NotFound();
        }

        Indicator = IndicatorEditing.View(indicator);
        PlanTitle = indicator.Plan!.Title;
        Element = await db.ElementLabelAsync(indicator.ElementId, ct);
        WorkingGroup = await db.WorkingGroupLabelAsync(indicator.WorkingGroupId, ct);
        Grid = await db.TargetGridAsync(indicator, IsPublic, ct);
        Progress = (await dashboard.ComputeAsync(db, indicator.Plan.Key, id, IsPublic, ct))?.Indicators.FirstOrDefault(p => p.Id == id);
        CanEdit = await auth.CanAsync(User, IndicatorOperations.Edit);

        // Through the plans and elements as the reader sees them: a draft's elements only for those who see that draft.
        Contributing = await (
            from c in db.IndicatorContributions.AsNoTracking()
            where c.IndicatorId == id
            join e in db.PlanElements on c.ElementId equals e.Id
            join p in db.Plans on e.PlanId equals p.Id
            orderby p.SortOrder, p.Key, e.CodeSortKey, e.SortOrder
            select new ContributingElement(e.Id, e.Code, e.Title, p.Key, p.Title, p.IsPublished)).ToListAsync(ct);
        if (!IsPublic && indicator.WorkingGroupId is { } group && indicator.Source == Platform.Indicators.IndicatorSource.ActivitiesDone)
        {
            MeetingsPerYear = await MeetingCounts.PerWorkingGroupAsync(db, group, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
        }

        return Page();
    }
}

/// <summary>A plan element that contributes to an indicator, with its plan (a draft is marked as such).</summary>
public sealed record ContributingElement(int Id, string? Code, Bilingual Title, string PlanKey, Bilingual PlanTitle, bool PlanPublished);
