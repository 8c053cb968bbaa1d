using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using Movilidad.Platform.Localization;

namespace Movilidad.Web.Infrastructure.Localization;

/// <summary>
/// The interface texts of the platform, read from every feature's <c>texts.json</c> (embedded): one entry per key
/// with its Spanish and English text, so a reviewer sees both languages side by side and a missing one fails a test.
/// </summary>
public sealed class TextLocalizer : IStringLocalizer
{
    private readonly Dictionary<string, Bilingual> texts;

    public TextLocalizer()
    {
        var assembly = typeof(TextLocalizer).Assembly;
        texts = new Dictionary<string, Bilingual>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.EndsWith("texts.json", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            var raw = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream)
                ?? throw new InvalidOperationException($"{resource} is empty.");
            foreach (var (key, value) in raw)
            {
                if (!texts.TryAdd(key, new Bilingual(value.GetValueOrDefault("es", string.Empty), value.GetValueOrDefault("en", string.Empty))))
                {
                    throw new InvalidOperationException($"The text key '{key}' is defined twice ({resource}).");
                }
            }
        }
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
