using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Movilidad.Web.Infrastructure.Data;

namespace Movilidad.Web.Features.Plans;

[AllowAnonymous]
public class ElementModel(MovilidadDb db) : PageModel
{
    public ElementDetail? Element { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Element = await db.ElementDetailAsync(id, ct);
        return Element is null ? NotFound() : Page();
    }
}
