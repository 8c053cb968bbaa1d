using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Web.Infrastructure.Localization;
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
    public int Size { get; set; } = 50;

    public ActivityPage Activities { get; private set; } = null!;
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
        Size = ActivityPage.Sizes.Contains(Size) ? Size : 50;
        Activities = await db.ActivityPageAsync(new ActivityFilter(Plan, Line, Country, WorkingGroupId, Status), Start, Size, ct);
        CanCreate = await auth.CanAsync(User, MonitoringOperations.EditActivity,
            new WorkingGroupScope(Choices.WorkingGroups.Select(g => int.Parse(g.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList()));
        return Page();
    }

    /// <summary>This list with the same filters and page size, starting at <paramref name="start"/>.</summary>
    public string Link(int start)
    {
        var query = new Dictionary<string, string?>
        {
            ["plan"] = Plan?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["line"] = Line?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["country"] = Country, ["workingGroupId"] = WorkingGroupId?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["status"] = Status?.ToString(),
            ["size"] = Size.ToString(System.Globalization.CultureInfo.InvariantCulture), ["start"] = start.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return QueryHelpers.AddQueryString("/monitoring/activities", query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }
}
