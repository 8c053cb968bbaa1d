using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Recruiters;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Recruiters;

/// <summary>A recruiter added by hand: by the focal point of its country or the Secretariat, audited; a name already in the directory is refused naming the entry.</summary>
[Authorize]
public class NewModel(MovilidadDb db, IAuthorizationService auth, TimeProvider clock) : WritePage
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public RecruiterKind Kind { get; set; } = RecruiterKind.PrivateAgency;

    [BindProperty]
    public string? Country { get; set; }

    [BindProperty]
    public string? City { get; set; }

    /// <summary>The countries whose recruiters the reader may add.</summary>
    public IReadOnlyList<(string Code, string Name)> Countries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await OpenAsync(ct) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await OpenAsync(ct))
        {
            return Forbid();
        }

        if (!await auth.CanAsync(User, RecruiterOperations.RecordSanctions, new CountryScope(Country ?? string.Empty)))
        {
            return Forbid();
        }

        return await PageAfterWriteAsync(await RecruiterRecords.CreateAsync(db, new RecruiterForm(Name, Kind, Country, City), AuditActor.From(HttpContext), clock, HttpContext.RequestAborted),
            saved => Task.FromResult<IActionResult>(Redirect($"/recruiters/{saved.Id}")));
    }

    private async Task<bool> OpenAsync(CancellationToken ct)
    {
        Countries = await RecruiterPages.RecordableCountriesAsync(db, User, auth, ct);
        return Countries.Count > 0;
    }
}
