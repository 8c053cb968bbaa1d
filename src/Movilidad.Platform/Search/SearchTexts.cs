using System.Globalization;
using System.Text.Json.Nodes;

namespace Movilidad.Platform.Search;

/// <summary>Helpers the entities' <see cref="ISearchable.ToSearchEntry"/> share.</summary>
public static class SearchTexts
{
    /// <summary>The non-empty texts, one paragraph each.</summary>
    public static string Join(params IEnumerable<string?> texts) =>
        string.Join("\n\n", texts.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim()));

    /// <summary>A code and a title as one title ("1.2 Contratación equitativa").</summary>
    public static string Titled(string? code, string title) =>
        string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(title) ? title : $"{code} {title}";

    /// <summary>The distinct non-empty values.</summary>
    public static IReadOnlyList<string> Values(params IEnumerable<string?> values) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).Distinct(StringComparer.Ordinal).ToList();

    public static IReadOnlyList<string> Numbers(IEnumerable<int> values) =>
        values.Distinct().Order().Select(v => v.ToString(CultureInfo.InvariantCulture)).ToList();

    /// <summary>Every text of a language (<c>es</c> or <c>en</c>) in a JSON document of bilingual pairs, in document order.</summary>
    public static string Language(JsonNode? node, string language)
    {
        var texts = new List<string>();
        Collect(node, language, texts);
        return Join(texts);
    }

    private static void Collect(JsonNode? node, string language, List<string> texts)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o)
                {
                    if (name == language && child is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        texts.Add(text);
                    }
                    else
                    {
                        Collect(child, language, texts);
                    }
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Collect(item, language, texts);
                }

                break;
        }
    }
}
