using System.Globalization;
using Movilidad.Platform.Writes;
using Movilidad.Web.Infrastructure.Localization;

namespace Movilidad.Web.Infrastructure.Pages;

/// <summary>
/// Reads what a person typed in a form's text inputs (dates, amounts with a decimal comma, whole numbers) into values,
/// collecting an error for each input that cannot be read under the field name the API uses, so the write's own errors
/// and these are shown the same way. A blank input is no value, not an error.
/// </summary>
public sealed class TypedFields(CultureInfo culture)
{
    public FieldErrors Errors { get; } = new();

    public DateOnly? Date(string field, string? text) =>
        Read<DateOnly>(field, text, t => PageFormats.TryParseDate(t, out var date) ? date : null, "is not a date");

    public decimal? Amount(string field, string? text) =>
        Read<decimal>(field, text, t => PageFormats.TryParseAmount(t, culture, out var amount) ? amount : null, "is not an amount");

    /// <summary>An amount the row cannot do without (a budget line's): blank is an error too.</summary>
    public decimal RequiredAmount(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            Errors.Add(field, $"{field} is required.");
        }

        return Amount(field, text) ?? 0;
    }

    public int? Count(string field, string? text) =>
        Read<int>(field, text, t => int.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, culture, out var count) ? count : null,
            "is not a whole number");

    private T? Read<T>(string field, string? text, Func<string, T?> parse, string refusal)
        where T : struct
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (parse(text) is { } value)
        {
            return value;
        }

        Errors.Add(field, $"{text} {refusal}.");
        return null;
    }
}
