using System.Globalization;
using Movilidad.Web.Infrastructure.Localization;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Reports;

namespace Movilidad.Web.Features.Reports;

/// <summary>The interface texts and number and date formats of one document language, whatever the language of the request that asks for it.</summary>
public sealed class ReportText(TextLocalizer texts, string language)
{
    public string Language { get; } = language;

    public CultureInfo Culture { get; } = CultureInfo.GetCultureInfo(language == "en" ? "en-GB" : "es-ES");

    public string this[string key] => texts.All.TryGetValue(key, out var text) ? text.For(Culture) : throw new KeyNotFoundException($"No text has the key {key}.");

    public string Format(string key, params object[] arguments) => string.Format(Culture, this[key], arguments);

    public string Pick(Bilingual text) => text.For(Culture);

    public string Number(double value) => value.ToString("N0", Culture);

    public string Amount(decimal value) => value.ToString(decimal.Round(value) == value ? "N0" : "N2", Culture);

    public string Date(DateOnly date) => date.ToString(Language == "en" ? "d MMM yyyy" : "d 'de' MMMM 'de' yyyy", Culture);

    /// <summary>A month and its year, as "marzo de 2025" or "March 2025".</summary>
    public string Month(DateOnly month)
    {
        var name = month.ToString(Language == "en" ? "MMMM yyyy" : "MMMM 'de' yyyy", Culture);
        return string.Concat(name[..1].ToUpper(Culture), name.AsSpan(1));
    }

    public string Period(Semester semester) => Format(semester.Half == 1 ? "Report.FirstHalf" : "Report.SecondHalf", semester.Year);

    /// <summary>Which text of a bilingual pair to show and, when it is only in the other language, that language's tag.</summary>
    public (string Text, string? Language) PickTagged(Bilingual text)
    {
        var own = Language == "en" ? text.En : text.Es;
        if (!string.IsNullOrWhiteSpace(own))
        {
            return (own, null);
        }

        var other = Language == "en" ? text.Es : text.En;
        return string.IsNullOrWhiteSpace(other) ? (string.Empty, null) : (other, Language == "en" ? "es" : "en");
    }
}
