using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.Qualifications;

/// <summary>
/// Countries side by side for one occupation or one kind of procedure: steps, duration and cost, converted to one
/// currency at a stated date with the rates the Secretariat entered (each rate shown with its date and source). A
/// country with nothing sourced says so; a cost without a sourced figure is never converted.
/// </summary>
[AllowAnonymous]
public class CompareModel(MovilidadDb db, IStringLocalizer text, IAuthorizationService auth, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Occupation { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "country")]
    public List<string> Chosen { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Currency { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? On { get; set; }

    public Comparison? Result { get; private set; }

    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public IReadOnlyDictionary<string, Bilingual> CountryNames { get; private set; } = new Dictionary<string, Bilingual>();

    public IReadOnlyList<string> Currencies { get; private set; } = [];

    public IReadOnlyList<(string Code, Bilingual Name)> Occupations { get; private set; } = [];

    /// <summary>Whether the reader enters exchange rates (a missing rate then links to its form).</summary>
    public bool CanEditRates { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanEditRates = await auth.CanAsync(User, QualificationOperations.EditRates, null);
        CountryNames = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Alpha2, c => c.Name, StringComparer.Ordinal, ct);
        Currencies = [.. (await db.ExchangeRates.AsNoTracking().Select(r => r.Currency).Distinct().ToListAsync(ct)).Append(Platform.Qualifications.CostConversion.Dollar).Order(StringComparer.Ordinal)];
        Occupations = await QualificationsApi.OccupationsNamedAsync(db, ct);
        if (Occupation is null && Kind is null)
        {
            return;
        }

        var today = QualificationsApi.Today(clock);
        var (request, errors) = await CompareRequest.ParseAsync(db, Occupation, Kind, Chosen.Count == 0 ? null : string.Join(',', Chosen), Currency, On, today, text, ct);
        Errors = errors;
        if (request is not null)
        {
            Result = await QualificationsApi.CompareAsync(db, request, today, ct);
            RegionNames = await StandardsApi.RegionNamesAsync(db, ct);
        }
    }

    public string CountryName(string code) => CountryNames.TryGetValue(code, out var name) ? name.Current : code;

    /// <summary>The regional bodies' names, for the regional standards that follow the countries.</summary>
    public IReadOnlyDictionary<string, Bilingual> RegionNames { get; private set; } = new Dictionary<string, Bilingual>();

    public string RegionName(string code) => RegionNames.TryGetValue(code, out var name) ? name.Current : code;

    public bool IsChosen(string code) => Chosen.Count == 0 || Chosen.Contains(code, StringComparer.OrdinalIgnoreCase);
}
