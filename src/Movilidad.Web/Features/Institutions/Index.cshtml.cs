using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Data;

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
        ShowsHistory = Permissions.ReadsUnpublished(User);
    }
}
