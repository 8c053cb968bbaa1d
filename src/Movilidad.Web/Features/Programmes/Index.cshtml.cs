using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Programmes;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.Programmes;

/// <summary>The temporary employment programmes, filtered by a country they name and their status.</summary>
[AllowAnonymous]
public class IndexModel(MovilidadDb db, IAuthorizationService auth) : RegistryPage
{
    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    public IReadOnlyList<RegistrySummary> Programmes { get; private set; } = [];

    public IReadOnlyDictionary<string, Programme> Details { get; private set; } = new Dictionary<string, Programme>();

    public IReadOnlyDictionary<string, Bilingual> CountryNames { get; private set; } = new Dictionary<string, Bilingual>();

    /// <summary>Whether the reader may propose a new entry (the Secretariat, a focal point).</summary>
    public bool CanPropose { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Programmes = await ProgrammesApi.SummariesAsync<Programme>(db, User, auth, Country, null, ct);
        Details = await db.Programmes.AsNoTracking().ToDictionaryAsync(p => p.Key, StringComparer.Ordinal, ct);
        CountryNames = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Alpha2, c => c.Name, StringComparer.Ordinal, ct);
        CanPropose = await auth.CanAsync(User, RegistryOperations.Propose, new RegistryScope([.. CountryNames.Keys]));
    }

    public string Names(string codes) => string.Join(", ", codes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(c => CountryNames.TryGetValue(c, out var n) ? n.Current : c));
}
