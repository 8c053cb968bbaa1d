using System.Globalization;

namespace Movilidad.Web.Infrastructure.Localization;

/// <summary>One option of a list a form offers: the value sent and the label read.</summary>
public sealed record Choice(string Value, string Label);

/// <summary>How the pages show and read numbers, dates and long titles, in the reader's language.</summary>
public static class PageFormats
{
    /// <summary>An action's title cut for a list, at a word boundary.</summary>
    public static string Shorten(string text)
    {
        const int max = 90;
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', max);
        return string.Concat(text.AsSpan(0, cut > 40 ? cut : max), "…");
    }

    /// <summary>
    /// An amount typed into a form, in the reader's language: "1234,56" in Spanish, "1234.56" in English; the other
    /// language's decimal separator is accepted too. Thousands separators are refused, because "1.234" would mean
    /// one thing in Spanish and another in English.
    /// </summary>
    public static bool TryParseAmount(string? text, CultureInfo culture, out decimal amount)
    {
        const NumberStyles style = NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;
        amount = 0;
        return !string.IsNullOrWhiteSpace(text)
            && (decimal.TryParse(text, style, culture, out amount) || decimal.TryParse(text, style, CultureInfo.InvariantCulture, out amount));
    }

    /// <summary>A date from a form: ISO (what a date field sends) or day/month/year as people type it in the region.</summary>
    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), ["yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string Amount(decimal amount) => amount.ToString("N2", CultureInfo.CurrentCulture);

    public static string Date(DateOnly? date) => date?.ToString("d MMM yyyy", CultureInfo.CurrentCulture) ?? "–";

    /// <summary>A date range for reading; one dash when neither end is known.</summary>
    public static string Dates(DateOnly? start, DateOnly? end) => start is null && end is null ? "–" : $"{Date(start)} – {Date(end)}";

    public static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
}
