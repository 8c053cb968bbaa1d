using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Movilidad.Platform.Programmes;

namespace Movilidad.Web.Features.Programmes;

/// <summary>How a field of the content is typed in the form: a text, a list of codes or keys (one line, spaces between), a number, yes or no.</summary>
public enum RegistryFieldKind
{
    Text,
    List,
    Number,
    Flag,
}

/// <summary>One field of the form: its path in the content (<c>rights[2].es</c>), how it is typed and its value as text.</summary>
public sealed record RegistryField(string Path, RegistryFieldKind Kind, string Value)
{
    /// <summary>The form input's name: the kind's prefix and the path.</summary>
    public string Input => Kind switch
    {
        RegistryFieldKind.List => "l:",
        RegistryFieldKind.Number => "n:",
        RegistryFieldKind.Flag => "b:",
        _ => "t:",
    } + Path;

    /// <summary>The top-level part of the content the field belongs to (<c>rights</c>), which the form shows as one group.</summary>
    public string Part => RegistryForm.Part(Path);

    /// <summary>A text in one language (its last segment is <c>es</c> or <c>en</c>).</summary>
    public string? Language => Path.EndsWith(".es", StringComparison.Ordinal) ? "es" : Path.EndsWith(".en", StringComparison.Ordinal) ? "en" : null;

    /// <summary>Long texts get a text area.</summary>
    public bool IsLong => Language is not null && (Value.Length > 90 || !Path.StartsWith("name.", StringComparison.Ordinal) && !Path.StartsWith("title.", StringComparison.Ordinal));
}

/// <summary>
/// The page form of a registry entry, built from its content so that every field the API takes has an input: the content
/// is laid out as fields named by their path (every list of items gets one empty item more, to add one; every statement an
/// input for its sources), and the posted fields are put back into a content document (empty fields and items left out),
/// which the registry's own validation then checks, each error naming its path.
/// </summary>
public static partial class RegistryForm
{
    public static string Part(string path) => PartName().Match(path).Value;

    /// <summary>The sections the form folds into, in order, each with the top-level parts of a programme's or agreement's content it holds.</summary>
    private static readonly (string Section, string[] Parts)[] SectionParts =
    [
        ("identity", ["key", "acronym", "name", "title", "kind", "subject", "status", "reference", "parentProgramme", "definition", "text", "history"]),
        ("countries", ["destination", "origin", "territory", "modality", "operators", "streams", "categories", "cap"]),
        ("parties", ["parties", "signed", "place", "amended", "inForce", "implementingAgreement"]),
        ("content", ["summary", "branches"]),
        ("legal", ["legalBasis", "documents"]),
        ("work", ["sectors", "occupations", "duration", "seasonality"]),
        ("recruitment", ["requirements", "recruitment", "workerNeverPays"]),
        ("rights", ["rights", "duties", "socialSecurity"]),
        ("return", ["returnReintegration", "contacts"]),
        ("links", ["relatedAgreements", "relatedProgrammes", "programmes", "textLinks", "demandData", "figures", "gaps"]),
    ];

    /// <summary>The names of the sections in the form's order; a part no section names falls into the last, <c>other</c>.</summary>
    public static IReadOnlyList<string> SectionOrder { get; } = [.. SectionParts.Select(s => s.Section), "other"];

    /// <summary>The section a top-level part of the content is shown in.</summary>
    public static string SectionOf(string part) => SectionParts.FirstOrDefault(s => s.Parts.Contains(part, StringComparer.Ordinal)).Section ?? "other";

    /// <summary>The form's fields for a content (the current draft, the published content, or an empty one made from an entry of the same kind).</summary>
    public static IReadOnlyList<RegistryField> Fields(JsonObject content, IReadOnlyList<string> statementLists, IReadOnlyList<string>? codeLists = null)
    {
        var fields = new List<RegistryField>();
        Lay(content, string.Empty, fields);

        // A list of codes the content leaves out gets its input all the same, so that it can be filled in.
        fields.AddRange((codeLists ?? Array.Empty<string>()).Where(l => RegistryContent.At(content, l) is null).Select(l => new RegistryField(l, RegistryFieldKind.List, string.Empty)));

        // A list of statements the content leaves out or empty gets one empty statement, so that one can be added.
        foreach (var list in statementLists.Where(l => RegistryContent.At(content, l) is not JsonArray { Count: > 0 }))
        {
            fields.RemoveAll(f => f.Path == list);
            Lay(Statement(), $"{list}[0]", fields);
        }

        return fields;
    }

    /// <summary>Bilingual texts that name something rather than state it (a name, a title, a signatory, a sector's label): no sources input.</summary>
    private static readonly string[] Unsourced = ["name", "title", "signatory", "label"];

    private static JsonObject Statement() => new() { ["es"] = string.Empty, ["en"] = string.Empty, ["sources"] = new JsonArray() };

    /// <summary>A content of the same shape as <paramref name="example"/> with every value left empty: the form of a new entry.</summary>
    public static JsonObject Empty(JsonObject example) => (JsonObject)Blank(example)!;

    private static JsonNode? Blank(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Blank(p.Value)))),
        JsonArray a when a.Count > 0 && a[0] is JsonObject first => new JsonArray(Blank(first)),
        JsonArray => new JsonArray(),
        JsonValue v when v.GetValueKind() is JsonValueKind.Number => null,
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => JsonValue.Create(false),
        _ => JsonValue.Create(string.Empty),
    };

    private static void Lay(JsonNode? node, string path, List<RegistryField> fields)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o)
                {
                    Lay(child, Join(path, name), fields);
                }

                if (path.Length > 0 && (o.ContainsKey("es") || o.ContainsKey("text")) && !o.ContainsKey("sources") && !Unsourced.Any(n => path.EndsWith(n, StringComparison.Ordinal)))
                {
                    fields.Add(new RegistryField(Join(path, "sources"), RegistryFieldKind.List, string.Empty));
                }

                break;
            case JsonArray a when a.Count > 0 && a.All(i => i is JsonObject):
                for (var i = 0; i < a.Count; i++)
                {
                    Lay(a[i], $"{path}[{i.ToString(CultureInfo.InvariantCulture)}]", fields);
                }

                // One empty item more, of the shape of the first, to add an item.
                if (a.Count > 0)
                {
                    Lay(Blank(a[0]), $"{path}[{a.Count.ToString(CultureInfo.InvariantCulture)}]", fields);
                }

                break;
            case JsonArray a:
                fields.Add(new RegistryField(path, RegistryFieldKind.List, string.Join(' ', a.Select(Scalar))));
                break;
            case JsonValue v when v.GetValueKind() is JsonValueKind.Number:
                fields.Add(new RegistryField(path, RegistryFieldKind.Number, v.ToJsonString()));
                break;
            case JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                fields.Add(new RegistryField(path, RegistryFieldKind.Flag, v.GetValue<bool>() ? "true" : "false"));
                break;
            default:
                fields.Add(new RegistryField(path, RegistryFieldKind.Text, node is JsonValue s ? Scalar(s) : string.Empty));
                break;
        }
    }

    private static string Scalar(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString() ?? string.Empty;

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    /// <summary>
    /// The content the posted fields make (<c>t:rights[2].es</c>, <c>l:destination</c>...): empty texts, lists and items are
    /// left out, and the errors of what cannot be read (a number that is not one) are named by their path.
    /// </summary>
    public static JsonObject Read(IEnumerable<KeyValuePair<string, string>> posted, IDictionary<string, string[]> errors)
    {
        var root = new JsonObject();
        foreach (var (input, raw) in posted)
        {
            if (input.Length < 3 || input[1] != ':' || !FieldPath().IsMatch(input[2..]))
            {
                continue;
            }

            var path = input[2..];
            var text = raw.Trim();
            JsonNode? value;
            switch (input[0])
            {
                case 'l':
                    var items = text.Split([' ', ',', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
                    value = items.Length == 0 ? null : new JsonArray([.. items.Select(i => JsonValue.Create(i))]);
                    break;
                case 'n' when text.Length == 0:
                    value = null;
                    break;
                case 'n' when decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                    value = JsonValue.Create(number);
                    break;
                case 'n':
                    errors["content." + path] = [$"content.{path} is a number."];
                    continue;
                case 'b':
                    value = text == "true" ? JsonValue.Create(true) : null;
                    break;
                case 't':
                    value = text.Length == 0 ? null : JsonValue.Create(text.ReplaceLineEndings("\n"));
                    break;
                default:
                    continue;
            }

            if (value is not null)
            {
                Set(root, path, value);
            }
        }

        Compact(root);
        return root;
    }

    private static void Set(JsonObject root, string path, JsonNode value)
    {
        JsonNode parent = root;
        var segments = Segment().Matches(path).Select(m => (Name: m.Groups["name"].Value, Index: m.Groups["index"].Success ? int.Parse(m.Groups["index"].Value, CultureInfo.InvariantCulture) : (int?)null)).ToList();
        for (var s = 0; s < segments.Count; s++)
        {
            var (name, index) = segments[s];
            var last = s == segments.Count - 1;
            var o = (JsonObject)parent;
            if (index is null)
            {
                if (last)
                {
                    o[name] = value;
                    return;
                }

                parent = o[name] as JsonObject ?? (JsonNode)(o[name] = new JsonObject());
                continue;
            }

            if (o[name] is not JsonArray array)
            {
                array = [];
                o[name] = array;
            }

            while (array.Count <= index.Value)
            {
                array.Add(null);
            }

            if (last)
            {
                array[index.Value] = value;
                return;
            }

            parent = array[index.Value] as JsonObject ?? (JsonNode)(array[index.Value] = new JsonObject());
        }
    }

    /// <summary>Leaves out the items nobody filled (empty objects, gaps), so the lists are numbered again from 0.</summary>
    private static bool Compact(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var name in o.Select(p => p.Key).ToList())
                {
                    if (!Compact(o[name]))
                    {
                        o.Remove(name);
                    }
                }

                return o.Count > 0;
            case JsonArray a:
                for (var i = a.Count - 1; i >= 0; i--)
                {
                    if (!Compact(a[i]))
                    {
                        a.RemoveAt(i);
                    }
                }

                return a.Count > 0;
            default:
                return node is not null;
        }
    }

    /// <summary>Every value of a content by path, to compare two versions field by field.</summary>
    public static Dictionary<string, string> Flatten(JsonNode? node)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        void Walk(JsonNode? n, string path)
        {
            switch (n)
            {
                case JsonObject o:
                    foreach (var (name, child) in o)
                    {
                        Walk(child, Join(path, name));
                    }

                    break;
                case JsonArray a when a.All(i => i is JsonObject):
                    for (var i = 0; i < a.Count; i++)
                    {
                        Walk(a[i], $"{path}[{i.ToString(CultureInfo.InvariantCulture)}]");
                    }

                    break;
                case JsonArray a:
                    values[path] = string.Join(' ', a.Select(Scalar));
                    break;
                case not null:
                    values[path] = Scalar(n);
                    break;
            }
        }

        Walk(node, string.Empty);
        return values;
    }

    /// <summary>The paths whose values differ between two contents, in order.</summary>
    public static IReadOnlyList<string> Differences(JsonNode? mine, JsonNode? theirs)
    {
        var (a, b) = (Flatten(mine), Flatten(theirs));
        return [.. a.Keys.Union(b.Keys).Where(k => a.GetValueOrDefault(k) != b.GetValueOrDefault(k)).Order(StringComparer.Ordinal)];
    }

    [GeneratedRegex("^[A-Za-z]+")]
    private static partial Regex PartName();

    [GeneratedRegex(@"^[A-Za-z]+(\[[0-9]{1,4}\])?(\.[A-Za-z]+(\[[0-9]{1,4}\])?){0,12}$")]
    private static partial Regex FieldPath();

    [GeneratedRegex(@"(?<name>[A-Za-z]+)(\[(?<index>[0-9]+)\])?")]
    private static partial Regex Segment();
}
