using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Movilidad.Platform.Data;

namespace Movilidad.Web.Features.Plans;

[AllowAnonymous]
public class IndexModel(MovilidadDb db, IAuthorizationService auth) : PageModel
{
    public IReadOnlyList<PlanSummary> Plans { get; private set; } = [];

    /// <summary>The Secretariat, and working groups' members (their group's work plan), create plans.</summary>
    public bool CanCreate { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Plans = await db.PlanSummariesAsync(ct);
        CanCreate = User.Identity?.IsAuthenticated == true && await auth.CreatesPlansAsync(User);
    }
}
