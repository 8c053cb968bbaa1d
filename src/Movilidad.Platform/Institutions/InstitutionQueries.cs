using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;

namespace Movilidad.Platform.Institutions;

/// <summary>The public queries of institutions, for the features that need to know who is who.</summary>
public static class InstitutionQueries
{
    /// <summary>The eleven CRM member countries: the countries of the member-state institutions.</summary>
    public static async Task<IReadOnlySet<string>> MemberCountriesAsync(this MovilidadDb db, CancellationToken ct) =>
        (await db.Institutions.AsNoTracking().Where(i => i.Kind == InstitutionKind.MemberState && i.CountryCode != null)
            .Select(i => i.CountryCode!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
}
