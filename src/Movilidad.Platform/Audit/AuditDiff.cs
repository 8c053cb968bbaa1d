using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Movilidad.Platform.Audit;

/// <summary>One value that a write changed, named by its path in the recorded JSON (<c>title.es</c>, <c>footnotes[0].text.en</c>).</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

public static partial class AuditDiff
{
    /// <summary>The fields whose values differ between the before and after of one audit entry.</summary>
    public static IReadOnlyList<FieldChange> Between(string? before, string? after)
    {
        var old = Flatten(before);
        var now = Flatten(after);
        return old.Keys.Union(now.Keys).OrderBy(SortKey, StringComparer.Ordinal)
            .Select(k => new FieldChange(k, old.GetValueOrDefault(k), now.GetValueOrDefault(k)))
            .Where(c => c.Before != c.After)
            .ToList();
    }

    /// <summary>List items in their order: <c>notes[2]</c> before <c>notes[10]</c>.</summary>
    private static string SortKey(string path) => Index().Replace(path, m => "[" + m.Groups[1].Value.PadLeft(6, '0') + "]");

    [GeneratedRegex("\\[([0-9]+)\\]")]
    private static partial Regex Index();

    private static Dictionary<string, string?> Flatten(string? json)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(json))
        {
            return values;
        }

        using var document = JsonDocument.Parse(json);
        void Walk(JsonElement e, string path)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var p in e.EnumerateObject())
                    {
                        Walk(p.Value, path.Length == 0 ? p.Name : $"{path}.{p.Name}");
                    }

                    break;
                case JsonValueKind.Array:
                    var i = 0;
                    foreach (var item in e.EnumerateArray())
                    {
                        Walk(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{i++}]"));
                    }

                    break;
                case JsonValueKind.String:
                    values[path] = e.GetString();
                    break;
                case JsonValueKind.Null or JsonValueKind.Undefined:
                    values[path] = null;
                    break;
                case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                    values[path] = e.GetRawText();
                    break;
                default:
                    throw new InvalidOperationException($"Unexpected JSON value kind {e.ValueKind}.");
            }
        }

        Walk(document.RootElement, string.Empty);
        return values;
    }
}
