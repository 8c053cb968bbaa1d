using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Movilidad.Platform.Data;

using Movilidad.Web.Features.Plans;

namespace Movilidad.Web.Features.Institutions;

[AllowAnonymous]
public class IndexModel(MovilidadDb db) : PageModel
{
    public IReadOnlyList<InstitutionView> Institutions { get; private set; } = [];

    /// <summary>The history of institutions is read by the people who work on the plans (the page is cached only for the public).</summary>
    public bool ShowsHistory { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Institutions = await db.InstitutionViewsAsync(null, ct);
        ShowsHistory = PlanPermissions.ReadsUnpublished(User);
    }
}
