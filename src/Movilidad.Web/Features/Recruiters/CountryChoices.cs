using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Accounts;
using Movilidad.Platform.Data;

namespace Movilidad.Web.Features.Recruiters;

/// <summary>The CRM member states offered in the directory's filter and the fraud form, by name in the reader's language.</summary>
public static class CountryChoices
{
    public static async Task<IReadOnlyList<(string Code, string Name)>> MembersAsync(MovilidadDb db, CancellationToken ct) =>
        (await db.Countries.AsNoTracking().Where(c => AccountAdministration.CrmCountries.Contains(c.Alpha2)).Select(c => new { c.Alpha2, c.Name }).ToListAsync(ct))
            .Select(c => (c.Alpha2, c.Name.Current)).OrderBy(c => c.Current, StringComparer.CurrentCulture).ToList();
}
