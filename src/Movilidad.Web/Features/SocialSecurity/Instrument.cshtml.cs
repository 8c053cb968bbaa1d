using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Programmes;
using Movilidad.Platform.SocialSecurity;

namespace Movilidad.Web.Features.SocialSecurity;

/// <summary>An ILO convention: summary, each member state's status with its dates and sources, and the gaps.</summary>
[AllowAnonymous]
public class InstrumentModel(MovilidadDb db) : InstrumentsPage
{
    public IloConvention Convention { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        if (await db.IloConventions.AsNoTracking().SingleOrDefaultAsync(c => c.Key == key, ct) is not { } convention)
        {
            return NotFound();
        }

        Convention = convention;
        Document = RegistryContent.Parse(convention.Content);
        await LoadNamesAsync(db, ct);
        return Page();
    }
}
