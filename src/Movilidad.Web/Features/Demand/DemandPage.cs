using Microsoft.Extensions.Localization;

namespace Movilidad.Web.Features.Demand;

/// <summary>What the pages share: errors of a write said in the reader's language, with the engine's own detail (line, variable) after.</summary>
public static class DemandPage
{
    /// <summary>One message per field in error: the field's text (Demand.Error.&lt;field&gt;), then the detail the rule or the engine gave.</summary>
    public static IReadOnlyList<string> Messages(IDictionary<string, string[]> errors, IStringLocalizer text) =>
        [.. errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e =>
        {
            var root = e.Key.Split('.', '[')[0];
            var label = text["Demand.Error." + root];
            return (label.ResourceNotFound ? e.Key : label.Value) + " " + string.Join(" ", e.Value);
        })];
}
