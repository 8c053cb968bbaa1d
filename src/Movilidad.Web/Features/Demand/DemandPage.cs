using Microsoft.Extensions.Localization;

namespace Movilidad.Web.Features.Demand;

/// <summary>What the pages share: errors of a write said in the reader's language, with the engine's own detail (line, variable) after.</summary>
public static class DemandPage
{
    /// <summary>One message per field in error: the field's text (Demand.Error.&lt;field&gt;) with the place within it (<c>[0].low</c>), then the detail the rule or the engine gave.</summary>
    public static IReadOnlyList<string> Messages(IDictionary<string, string[]> errors, IStringLocalizer text) =>
        [.. errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e =>
        {
            var root = e.Key.Split('.', '[')[0];
            var label = text["Demand.Error." + root];
            var where = label.ResourceNotFound ? e.Key : e.Key.Length > root.Length ? $"{label.Value} {e.Key[root.Length..].TrimStart('.')}:" : label.Value;
            return where + " " + string.Join(" ", e.Value);
        })];
}
