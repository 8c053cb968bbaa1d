using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Movilidad.Platform.Data;

namespace Movilidad.Web.Features.SocialSecurity;

/// <summary>The social-security instruments registry: the agreements (from the agreements registry, by key) and the ILO conventions, with each member state's status.</summary>
[AllowAnonymous]
public class IndexModel(MovilidadDb db) : InstrumentsPage
{
    public static readonly string[] Members = ["BZ", "CA", "CR", "SV", "US", "GT", "HN", "MX", "NI", "PA", "DO"];

    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    public IReadOnlyList<InstrumentView> Instruments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadNamesAsync(db, ct);
        Country = Members.Contains(Country) ? Country : null;
        Instruments = await SocialSecurityApi.InstrumentsAsync(db, Country, ct);
    }

    public InstrumentCountry? For(InstrumentView instrument, string country) => instrument.Countries.FirstOrDefault(c => c.Country == country);
}
