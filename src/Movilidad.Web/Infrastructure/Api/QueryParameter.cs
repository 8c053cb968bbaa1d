using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Movilidad.Web.Infrastructure.Api;

/// <summary>Parses optional query parameters so a malformed one gets a 400 that names it, in the reader's language.</summary>
public static class QueryParameter
{
    public static bool TryInt(string? raw, string name, int min, int max, int fallback, IStringLocalizer text, out int value, out ValidationProblem? problem)
    {
        problem = null;
        value = fallback;
        if (string.IsNullOrWhiteSpace(raw))
        {
            return true;
        }

        if (int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= min && value <= max)
        {
            return true;
        }

        problem = Invalid(name, text["Error.IntegerRange", raw, min, max]);
        return false;
    }

    public static bool TryEnum<T>(string? raw, string name, IStringLocalizer text, out T? value, out ValidationProblem? problem)
        where T : struct, Enum
    {
        problem = null;
        value = null;
        if (string.IsNullOrWhiteSpace(raw))
        {
            return true;
        }

        if (Enum.TryParse<T>(raw.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            value = parsed;
            return true;
        }

        problem = Invalid(name, text["Error.OneOf", raw, string.Join(", ", Enum.GetNames<T>())]);
        return false;
    }

    public static ValidationProblem Invalid(string name, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [name] = [message] }, detail: $"{name}: {message}");
}
