using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.SocialSecurity;
using Movilidad.Web.Features.Programmes;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.SocialSecurity;

/// <summary>
/// The voluntary enrolment options of action 3.5 as published, by country (<c>/social-security/enrolment/{key}</c> shows
/// one), each with its sources; a focal point sees the edit and history links of their own country's options.
/// </summary>
[AllowAnonymous]
public class EnrolmentModel(MovilidadDb db, IAuthorizationService auth) : InstrumentsPage
{
    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    public IReadOnlyList<(EnrolmentOption Option, OptionAnswer Answer, bool CanEdit)> Options { get; private set; } = [];

    public bool CanPropose { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? key, CancellationToken ct)
    {
        await LoadNamesAsync(db, ct);
        Country = IndexModel.Members.Contains(Country) ? Country : null;
        var query = db.EnrolmentOptions.AsNoTracking().Where(o => o.Content != null);
        query = key is not null ? query.Where(o => o.Key == key) : Country is not null ? query.Where(o => o.Country == Country) : query;
        var options = await query.OrderBy(o => o.Country).ThenBy(o => o.Key).ToListAsync(ct);
        if (key is not null && options.Count == 0)
        {
            return NotFound();
        }

        var shown = new List<(EnrolmentOption, OptionAnswer, bool)>();
        foreach (var option in options)
        {
            shown.Add((option, Portability.Option(option), await auth.CanAsync(User, RegistryOperations.Propose, new RegistryScope(option.CountryList))));
        }

        Options = shown;
        CanPropose = await auth.CanAsync(User, RegistryOperations.Propose, new RegistryScope(IndexModel.Members));
        return Page();
    }
}
