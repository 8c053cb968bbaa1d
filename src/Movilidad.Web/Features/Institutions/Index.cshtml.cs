using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Movilidad.Web.Infrastructure.Data;

namespace Movilidad.Web.Features.Institutions;

[AllowAnonymous]
public class IndexModel(MovilidadDb db) : PageModel
{
    public IReadOnlyList<InstitutionView> Institutions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Institutions = await db.InstitutionViewsAsync(null, ct);
}
