using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Training;

/// <summary>What the catalogue's pages share: country names, and who may record courses.</summary>
public abstract class TrainingPage : WritePage
{
    public IReadOnlyDictionary<string, Bilingual> CountryNames { get; private set; } = new Dictionary<string, Bilingual>();

    protected async Task LoadCountriesAsync(MovilidadDb db, CancellationToken ct) =>
        CountryNames = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Alpha2, c => c.Name, ct);

    public string CountryName(string code) => CountryNames.TryGetValue(code, out var name) ? name.Current : code;

    /// <summary>Whether the reader records courses at all (the Secretariat, focal points, observers); which ones is decided on saving.</summary>
    public bool Records => Grants.Of(User).Any(g => g.Role is Role.Secretariat or Role.FocalPoint or Role.Observer);

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date?.ToString("d MMM yyyy", CultureInfo.CurrentCulture) ?? string.Empty;

    /// <summary>A title in the reader's language, or in the other one when it has only that.</summary>
    public static string Text(Bilingual text) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? (string.IsNullOrWhiteSpace(text.En) ? text.Es : text.En) : (string.IsNullOrWhiteSpace(text.Es) ? text.En : text.Es);

    /// <summary>Whether <see cref="Text"/> shows the other language (the page then tags it).</summary>
    public static bool OtherLanguage(Bilingual text) =>
        string.IsNullOrWhiteSpace(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? text.En : text.Es);

    public static string OtherCode => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "es" : "en";
}
