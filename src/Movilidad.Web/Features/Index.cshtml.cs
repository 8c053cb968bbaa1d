using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Movilidad.Web.Features.Plans;
using Movilidad.Platform.Data;

namespace Movilidad.Web.Features;

[AllowAnonymous]
public class IndexModel(MovilidadDb db) : PageModel
{
    public IReadOnlyList<PlanSummary> Plans { get; private set; } = [];
    public int InstitutionCount { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Plans = await db.PlanSummariesAsync(ct);
        InstitutionCount = await db.Institutions.CountAsync(ct);
    }
}
