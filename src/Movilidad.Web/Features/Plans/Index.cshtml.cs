using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Movilidad.Platform.Data;

namespace Movilidad.Web.Features.Plans;

[AllowAnonymous]
public class IndexModel(MovilidadDb db) : PageModel
{
    public IReadOnlyList<PlanSummary> Plans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Plans = await db.PlanSummariesAsync(ct);
}
