using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Monitoring;

namespace Movilidad.Web.Features.Monitoring.Activities;

public class IndexModel(MovilidadDb db, IAuthorizationService auth) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? WorkingGroupId { get; set; }

    [BindProperty(SupportsGet = true)]
    public ActivityStatus? Status { get; set; }

    public IReadOnlyList<ActivitySummary> Activities { get; private set; } = [];
    public ActivityChoices Choices { get; private set; } = null!;
    public bool CanCreate { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await auth.CanAsync(User, MonitoringOperations.Read))
        {
            return Forbid();
        }

        Choices = await db.ActivityChoicesAsync(ct);
        var all = await db.ActivitySummariesAsync(null, string.IsNullOrEmpty(Country) ? null : Country, WorkingGroupId, ct);
        Activities = Status is { } status ? all.Where(a => a.Status == status).ToList() : all;
        CanCreate = await auth.CanAsync(User, MonitoringOperations.EditActivity,
            new WorkingGroupScope(Choices.WorkingGroups.Select(g => int.Parse(g.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList()));
        return Page();
    }
}
