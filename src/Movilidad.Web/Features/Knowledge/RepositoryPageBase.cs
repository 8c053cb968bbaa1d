using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Movilidad.Platform.Data;
using Movilidad.Platform.Knowledge;
using Movilidad.Platform.Localization;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Knowledge;

/// <summary>What the repository pages share: the names of countries, and the labels of the closed lists in the reader's language.</summary>
public abstract class RepositoryPageBase : WritePage
{
    public IReadOnlyDictionary<string, Bilingual> CountryNames { get; private set; } = new Dictionary<string, Bilingual>();

    protected async Task LoadCountriesAsync(MovilidadDb db, CancellationToken ct) =>
        CountryNames = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Alpha2, c => c.Name, ct);

    public string CountryName(string code) => CountryNames.TryGetValue(code, out var name) ? name.Current : code;

    public static string Topic(string key) => RepositoryVocabulary.Topics.TryGetValue(key, out var name) ? name.Current : key;

    /// <summary>An error of a field in the reader's language: the page's text when it has one, else the write's own message (file checks are already localized).</summary>
    public string ErrorText(IStringLocalizer text, string field)
    {
        var known = text["RepositoryError." + Anchor(field)];
        return known.ResourceNotFound ? string.Join(" ", Errors.Where(e => Anchor(e.Key) == field).SelectMany(e => e.Value)) : known.Value;
    }

    /// <summary>A title with the language it lacks marked: the other language's text, tagged with its language, and a note.</summary>
    public static IHtmlContent Title(IStringLocalizer text, Bilingual title)
    {
        var en = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var wanted = en ? title.En : title.Es;
        if (!string.IsNullOrWhiteSpace(wanted))
        {
            return new HtmlString(System.Net.WebUtility.HtmlEncode(wanted));
        }

        var other = en ? "es" : "en";
        return new HtmlString($"<span lang=\"{other}\">{System.Net.WebUtility.HtmlEncode(en ? title.Es : title.En)}</span> <span class=\"missing-language\">{System.Net.WebUtility.HtmlEncode(text["Repository.MissingLanguage"].Value)}</span>");
    }
}
