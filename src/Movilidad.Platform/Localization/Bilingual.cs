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

    /// <summary>The text in the culture's language, or in the other one when it has only that (a page then tags it with <see cref="OtherCode"/>).</summary>
    public string Either(CultureInfo culture) => IsMissingIn(culture) ? (IsEnglish(culture) ? Es : En) : (IsEnglish(culture) ? En : Es);

    /// <summary>Whether the text has nothing in the culture's language.</summary>
    public bool IsMissingIn(CultureInfo culture) => string.IsNullOrWhiteSpace(IsEnglish(culture) ? En : Es);

    /// <summary>The code of the language that is not the culture's.</summary>
    public static string OtherCode(CultureInfo culture) => IsEnglish(culture) ? "es" : "en";

    private static bool IsEnglish(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en";

    [JsonIgnore]
    public bool IsEmpty => string.IsNullOrEmpty(Es) && string.IsNullOrEmpty(En);

    public override string ToString() => Current;
}
