using System.Text.Json.Nodes;
using Movilidad.Platform.Programmes;
using Movilidad.Platform.Qualifications;
using Movilidad.Platform.Writes;

namespace Movilidad.Platform.SocialSecurity;

/// <summary>Which parts of a convention a change touches: the member states' rows it changes, and whether it changes anything else.</summary>
public sealed record ConventionChange(bool Other, IReadOnlyList<string> Countries);

/// <summary>
/// What an ILO convention's content and a voluntary enrolment option's content must hold beyond what every registry entry
/// does (see <c>data/README.md</c>, "social-security/"), each error naming its field as the API does
/// (<c>content.states[2].status</c>), and the columns read from them.
/// </summary>
public static class ConventionRules
{
    public static readonly string[] StateStatuses = ["ratified", "ratified-not-in-force", "not-ratified", "unknown"];

    /// <summary>At most this many rows, so that the countries' column holds them all.</summary>
    public const int MaxStates = 100;

    public static readonly string[] Branches = ["old-age", "invalidity", "survivors", "health", "work-injury", "unemployment", "family", "maternity"];

    public static void CheckConvention(JsonObject content, IReadOnlySet<string> references, IReadOnlySet<string> countries, FieldErrors errors)
    {
        if (!(content["number"] is JsonValue value && value.TryGetValue<decimal>(out var number) && number is >= 1 and <= 999 && number == decimal.Truncate(number)))
        {
            errors.Add("content.number", "content.number is a number: the convention's number, from 1 to 999.");
        }

        foreach (var (key, i) in RegistryContent.Strings(content, "titleSources").Select((k, i) => (k, i)).Where(k => !references.Contains(k.k)))
        {
            errors.Add($"content.titleSources[{i}]", $"content.titleSources[{i}] is not a key of the references (data/references.yaml): {key}.");
        }

        if (content["states"] is not JsonArray states)
        {
            errors.Add("content.states", "content.states is required: a list of {country, status, sources}.");
            return;
        }

        if (states.Count > MaxStates)
        {
            errors.Add("content.states", $"content.states is longer than {MaxStates} rows.");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < states.Count; i++)
        {
            var path = $"content.states[{i}]";
            var country = RegistryContent.Text(states[i], "country");
            if (country is null || !countries.Contains(country))
            {
                errors.Add($"{path}.country", $"{path}.country is not an ISO 3166-1 alpha-2 country code.");
            }
            else if (!seen.Add(country))
            {
                errors.Add($"{path}.country", $"{path}.country is listed twice: one row for each country code ({country}).");
            }

            if (RegistryContent.Text(states[i], "status") is not { } status || !StateStatuses.Contains(status, StringComparer.Ordinal))
            {
                errors.Add($"{path}.status", $"{path}.status is one of: {string.Join(", ", StateStatuses)}.");
            }
        }
    }

    public static void CheckOption(JsonObject content, IReadOnlySet<string> countries, ProcedureCodes codes, FieldErrors errors)
    {
        var country = RegistryContent.Text(content, "country");
        if (country is null || !countries.Contains(country))
        {
            errors.Add("content.country", "content.country is not an ISO 3166-1 alpha-2 country code.");
        }

        if (RegistryContent.Text(content, "institution") is { } body && !codes.Bodies.Contains(body))
        {
            errors.Add("content.institution", "content.institution is one of the codes of the national bodies (data/bodies.yaml).");
        }

        foreach (var flag in new[] { "selfEmployed", "abroad" })
        {
            if (content[flag] is { } node && !(node is JsonValue v && v.TryGetValue<bool>(out _)))
            {
                errors.Add($"content.{flag}", $"content.{flag} is one of: true, false, null (not known).");
            }
        }

        var branches = RegistryContent.Strings(content, "branches.items");
        for (var i = 0; i < branches.Count; i++)
        {
            if (!Branches.Contains(branches[i], StringComparer.Ordinal))
            {
                errors.Add($"content.branches.items[{i}]", $"content.branches.items[{i}] is one of: {string.Join(", ", Branches)}.");
            }
        }
    }

    /// <summary>Sets the columns of a convention from its content.</summary>
    public static void Describe(IloConvention convention, JsonObject content)
    {
        var states = RegistryContent.At(content, "states") as JsonArray ?? [];
        convention.Key = RegistryContent.Text(content, "key") ?? convention.Key;
        convention.Name = RegistryContent.Pair(content, "title");
        convention.Number = content["number"] is JsonValue v && v.TryGetValue<decimal>(out var number) && number is >= 1 and <= 999 ? (int)number : 0;
        convention.Countries = RegistryContent.List([.. states.Select(s => RegistryContent.Text(s, "country")).OfType<string>()]);
        convention.Ratified = RegistryContent.List([.. states.Where(s => RegistryContent.Text(s, "status") == "ratified").Select(s => RegistryContent.Text(s, "country")).OfType<string>()]);
    }

    /// <summary>Sets the columns of an enrolment option from its content.</summary>
    public static void Describe(EnrolmentOption option, JsonObject content)
    {
        option.Key = RegistryContent.Text(content, "key") ?? option.Key;
        option.Name = RegistryContent.Pair(content, "name");
        option.Country = RegistryContent.Text(content, "country") ?? string.Empty;
        option.Countries = RegistryContent.List(option.Country.Length == 0 ? [] : [option.Country]);
        option.SelfEmployed = Flag(content, "selfEmployed");
        option.Abroad = Flag(content, "abroad");
    }

    private static bool? Flag(JsonObject content, string name) => content[name] is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : null;

    /// <summary>
    /// What a change of a convention touches, compared with what it changes (the draft, else the published content, else
    /// nothing for a new one): the countries whose row it adds, removes or changes, and whether anything outside the
    /// rows (title, summary, dates, gaps) differs.
    /// </summary>
    public static ConventionChange Touched(JsonObject? before, JsonObject after)
    {
        static Dictionary<string, string> Rows(JsonObject? content) =>
            (RegistryContent.At(content, "states") as JsonArray ?? [])
                .GroupBy(s => RegistryContent.Text(s, "country") ?? string.Empty, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => string.Join('\n', g.Select(s => Filled(s)?.ToJsonString(RegistryContent.Json))), StringComparer.Ordinal);

        static JsonNode? Rest(JsonObject? content)
        {
            var rest = (JsonObject?)content?.DeepClone() ?? [];
            rest.Remove("states");
            return Filled(rest);
        }

        var (old, now) = (Rows(before), Rows(after));
        var countries = old.Keys.Union(now.Keys, StringComparer.Ordinal)
            .Where(c => !old.TryGetValue(c, out var a) || !now.TryGetValue(c, out var b) || a != b)
            .Order(StringComparer.Ordinal).ToList();
        return new ConventionChange(before is null || Rest(before)?.ToJsonString(RegistryContent.Json) != Rest(after)?.ToJsonString(RegistryContent.Json), countries);
    }

    /// <summary>
    /// A node without its empty parts (nulls, empty texts, lists and objects), as the edit form leaves them out, its
    /// properties in name order (the form posts its fields section by section, not in the content's order, so that the
    /// same content read back from it would otherwise compare as changed): null when nothing is left.
    /// </summary>
    private static JsonNode? Filled(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                var kept = new JsonObject();
                foreach (var (name, child) in o.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (Filled(child) is { } filled)
                    {
                        kept[name] = filled;
                    }
                }

                return kept.Count == 0 ? null : kept;
            case JsonArray a:
                var items = a.Select(Filled).OfType<JsonNode>().ToList();
                return items.Count == 0 ? null : new JsonArray([.. items]);
            case JsonValue v when v.TryGetValue<string>(out var text):
                return text.Length == 0 ? null : JsonValue.Create(text);
            case JsonValue v:
                return JsonNode.Parse(v.ToJsonString());
            default:
                return null;
        }
    }
}
