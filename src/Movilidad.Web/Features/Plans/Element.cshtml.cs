using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Web.Infrastructure.Data;

namespace Movilidad.Web.Features.Plans;

[AllowAnonymous]
public class ElementModel(MovilidadDb db, IAuthorizationService authorization) : PageModel
{
    public ElementDetail? Element { get; private set; }
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Element = await db.ElementDetailAsync(id, ct);
        if (Element is null)
        {
            return NotFound();
        }

        CanEdit = User.Identity?.IsAuthenticated == true && await authorization.CanAsync(User, PlanOperations.Edit, await db.ScopeAsync(id, ct));
        return Page();
    }
}
