using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Mentoring;

/// <summary>A mentoring page: the names of the countries and of the areas (plan elements) its lists show, in the reader's language.</summary>
public abstract class MentoringPage : WritePage
{
    public IReadOnlyDictionary<string, Bilingual> CountryNames { get; private set; } = new Dictionary<string, Bilingual>();

    public IReadOnlyDictionary<string, Bilingual> AreaNames { get; private set; } = new Dictionary<string, Bilingual>();

    protected async Task LoadNamesAsync(MovilidadDb db, CancellationToken ct)
    {
        CountryNames = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Alpha2, c => c.Name, StringComparer.Ordinal, ct);
        AreaNames = (await MentoringApi.AreasAsync(db, ct)).ToDictionary(a => a.Key, a => a.Value.Name, StringComparer.Ordinal);
    }

    public string CountryName(string code) => CountryNames.TryGetValue(code, out var name) ? name.Current : code;

    public string AreaName(string key) => AreaNames.TryGetValue(key, out var name) ? name.Current : key;
}
