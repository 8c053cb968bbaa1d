using System.Globalization;
using System.Text.Json.Serialization;

namespace Movilidad.Platform.Localization;

/// <summary>A text in the platform's two languages; English falls back to Spanish when missing.</summary>
public sealed record Bilingual(string Es, string En)
{
    public static readonly Bilingual Empty = new(string.Empty, string.Empty);

    public string For(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "en" && !string.IsNullOrEmpty(En) ? En : Es;

    [JsonIgnore]
    public string Current => For(CultureInfo.CurrentUICulture);

    [JsonIgnore]
    public bool IsEmpty => string.IsNullOrEmpty(Es) && string.IsNullOrEmpty(En);

    public override string ToString() => Current;
}
