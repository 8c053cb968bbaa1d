using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace Movilidad.Web.Infrastructure.Pages;

/// <summary>
/// The label of a field in the history tab, in the reader's language, from the key the audit trail keeps:
/// <c>summary.es</c> is "Resumen (español)", <c>budgetLines[1].amount</c> "Línea de presupuesto 2 · Monto". A name
/// without a label (<c>HistoryField.{name}</c>) is shown as it is, so a new field is never hidden.
/// </summary>
public static partial class HistoryFields
{
    public static string Label(IStringLocalizer text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        var label = string.Empty;
        foreach (var segment in path.Split('.'))
        {
            var match = Segment().Match(segment);
            var name = match.Success ? match.Groups["name"].Value : segment;
            var named = text["HistoryField." + name];
            var shown = named.ResourceNotFound ? name : named.Value;
            if (match.Groups["index"].Success)
            {
                shown += " " + (int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.CurrentCulture);
            }

            label = label.Length == 0 ? shown : label + (name is "es" or "en" ? " " : " · ") + shown;
        }

        return label;
    }

    [GeneratedRegex("^(?<name>[A-Za-z]+)(?:\\[(?<index>[0-9]+)\\])?$")]
    private static partial Regex Segment();
}
