using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Programmes;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.Programmes;

/// <summary>The agreements and memoranda on labour mobility and social security, by subject, filtered by a party.</summary>
[AllowAnonymous]
public class AgreementsModel(MovilidadDb db, IAuthorizationService auth) : RegistryPage
{
    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    public IReadOnlyList<RegistrySummary> Agreements { get; private set; } = [];

    public IReadOnlyDictionary<string, Agreement> Details { get; private set; } = new Dictionary<string, Agreement>();

    public IReadOnlyDictionary<string, Bilingual> CountryNames { get; private set; } = new Dictionary<string, Bilingual>();

    /// <summary>Whether the reader may propose a new entry (the Secretariat, a focal point).</summary>
    public bool CanPropose { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Agreements = await ProgrammesApi.SummariesAsync<Agreement>(db, User, auth, Country, null, ct);
        Details = await db.Agreements.AsNoTracking().ToDictionaryAsync(a => a.Key, StringComparer.Ordinal, ct);
        CountryNames = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Alpha2, c => c.Name, StringComparer.Ordinal, ct);
        CanPropose = await auth.CanAsync(User, RegistryOperations.Propose, new RegistryScope([.. CountryNames.Keys]));
    }

    public string Names(IEnumerable<string> codes) => string.Join(", ", codes.Select(c => CountryNames.TryGetValue(c, out var n) ? n.Current : c));
}
