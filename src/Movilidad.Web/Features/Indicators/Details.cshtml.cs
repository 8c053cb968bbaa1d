using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;

namespace Movilidad.Web.Features.Indicators;

/// <summary>One indicator: its definition in both languages, its rules, and its targets by country and period beside the actuals.</summary>
[AllowAnonymous]
public class DetailsModel(MovilidadDb db, IndicatorDashboard dashboard, IAuthorizationService auth) : PageModel
{
    public IndicatorView Indicator { get; private set; } = null!;
    public Bilingual PlanTitle { get; private set; } = Bilingual.Empty;
    public string? Element { get; private set; }
    public string? WorkingGroup { get; private set; }
    public TargetGrid Grid { get; private set; } = null!;

    /// <summary>The dashboard's figure for the whole plan: the actual against the target, as the progress charts count it.</summary>
    public IndicatorProgress? Progress { get; private set; }
    public bool CanEdit { get; private set; }

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
        return Page();
    }
}
