using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Web.Infrastructure.Localization;
using Movilidad.Web.Infrastructure.Pages;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Monitoring;

namespace Movilidad.Web.Features.Monitoring.Activities;

[AllowAnonymous]
public class IndexModel(MovilidadDb db, IAuthorizationService auth) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Plan { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Line { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? WorkingGroupId { get; set; }

    [BindProperty(SupportsGet = true)]
    public ActivityStatus? Status { get; set; }

    /// <summary>Where the page starts in the list (0-based).</summary>
    [BindProperty(SupportsGet = true)]
    public int Start { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Size { get; set; } = Paging.DefaultSize;

    public Paged<ActivitySummary> Activities { get; private set; } = null!;
    public ActivityChoices Choices { get; private set; } = null!;
    public IReadOnlyList<Choice> Plans { get; private set; } = [];
    public IReadOnlyList<Choice> Lines { get; private set; } = [];
    public bool CanCreate { get; private set; }

    /// <summary>Someone who does not work on the plans (not signed in, civil society): the published plans' activities, read-only.</summary>
    public bool IsPublic { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        IsPublic = !await auth.CanAsync(User, MonitoringOperations.Read);
        Choices = await db.ActivityChoicesAsync(ct);
        (Plans, Lines) = await db.ActivityPlanChoicesAsync(Plan, ct);
        Size = Paging.Size(Size);
        Activities = await db.ActivityPageAsync(new ActivityFilter(Plan, Line, Country, WorkingGroupId, Status), Start, Size, ct);
        CanCreate = await auth.CanAsync(User, MonitoringOperations.EditActivity,
            new WorkingGroupScope(Choices.WorkingGroups.Select(g => int.Parse(g.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList()));
        return Page();
    }

    /// <summary>This list with the same filters and page size, starting at <paramref name="start"/>.</summary>
    public string Link(int start) => Paging.Link("/monitoring/activities", new Dictionary<string, string?>
    {
        ["plan"] = Plan?.ToString(CultureInfo.InvariantCulture), ["line"] = Line?.ToString(CultureInfo.InvariantCulture), ["country"] = Country,
        ["workingGroupId"] = WorkingGroupId?.ToString(CultureInfo.InvariantCulture), ["status"] = Status?.ToString(),
    }, Size, start);
}
