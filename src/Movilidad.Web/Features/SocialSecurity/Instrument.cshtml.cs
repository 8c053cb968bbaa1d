using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Programmes;
using Movilidad.Platform.SocialSecurity;
using Movilidad.Web.Features.Programmes;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.SocialSecurity;

/// <summary>An ILO convention: summary, each member state's status with its dates and sources, and the gaps.</summary>
[AllowAnonymous]
public class InstrumentModel(MovilidadDb db, IAuthorizationService auth) : InstrumentsPage
{
    public IloConvention Convention { get; private set; } = new();

    /// <summary>Whether the reader proposes changes to it (the Secretariat, a focal point of a state it lists: their row).</summary>
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        if (await db.IloConventions.AsNoTracking().SingleOrDefaultAsync(c => c.Key == key && c.Content != null, ct) is not { } convention)
        {
            return NotFound();
        }

        Convention = convention;
        Document = RegistryContent.Parse(convention.Content!);
        await LoadNamesAsync(db, ct);
        CanEdit = await auth.CanAsync(User, RegistryOperations.Propose, new RegistryScope(convention.CountryList));
        return Page();
    }
}
