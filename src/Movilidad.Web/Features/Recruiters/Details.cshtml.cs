using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Movilidad.Platform.Data;
using Movilidad.Platform.Recruiters;

namespace Movilidad.Web.Features.Recruiters;

/// <summary>One recruiter: names, licences, sanctions with dates and source, and the H-2B cases that declared it.</summary>
[AllowAnonymous]
public class DetailsModel(MovilidadDb db, TimeProvider clock, IAuthorizationService auth) : PageModel
{
    public RecruiterView Recruiter { get; private set; } = null!;

    /// <summary>Whether the reader records licences (the Secretariat, a focal point): the page offers the licence form.</summary>
    public bool CanRecord { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await RecruiterQueries.FindAsync(db, id, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct) is not { } recruiter)
        {
            return NotFound();
        }

        if (recruiter.Id != id)
        {
            return RedirectPermanent($"/recruiters/{recruiter.Id}");
        }

        Recruiter = recruiter;
        CanRecord = User.Identity?.IsAuthenticated == true && (await RecruiterPages.RecordableCountriesAsync(db, User, auth, ct)).Count > 0;
        return Page();
    }
}
