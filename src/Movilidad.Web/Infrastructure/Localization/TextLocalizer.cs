using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace Movilidad.Web.Infrastructure.Localization;

/// <summary>
/// The interface texts of the platform, read from <c>texts.json</c> (embedded): one entry per key with its Spanish
/// and English text, so a reviewer sees both languages side by side and a missing one fails a test.
/// </summary>
public sealed class TextLocalizer : IStringLocalizer
{
    private readonly Dictionary<string, Bilingual> texts;

    public TextLocalizer()
    {
        using var stream = typeof(TextLocalizer).Assembly.GetManifestResourceStream("Movilidad.Web.texts.json")
            ?? throw new InvalidOperationException("The embedded texts.json is missing.");
        var raw = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream)
            ?? throw new InvalidOperationException("texts.json is empty.");
        texts = raw.ToDictionary(p => p.Key, p => new Bilingual(p.Value.GetValueOrDefault("es", string.Empty), p.Value.GetValueOrDefault("en", string.Empty)), StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, Bilingual> All => texts;

    public LocalizedString this[string name] =>
        texts.TryGetValue(name, out var text)
            ? new LocalizedString(name, text.Current)
            : new LocalizedString(name, name, resourceNotFound: true);

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        texts.Select(p => new LocalizedString(p.Key, p.Value.Current));
}
