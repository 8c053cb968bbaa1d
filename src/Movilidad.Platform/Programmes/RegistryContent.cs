using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Writes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Movilidad.Platform.Programmes;

/// <summary>Programme, agreement, qualification procedure or competency standard: what differs between the kinds of registry entries.</summary>
public enum RegistryKind
{
    Programme,
    Agreement,
    Procedure,
    Standard,
    Convention,
    EnrolmentOption,
}

/// <summary>
/// The content of a registry entry as a JSON document: read from the YAML files of <c>data/</c> or sent through the API,
/// checked (every statement names its sources, every code exists, no text too long: each error names the field), and
/// the columns a list needs read from it.
/// </summary>
public static partial class RegistryContent
{
    public const int MaxTextLength = 20_000;
    public const int MaxContentLength = 500_000;
    public const int NameMaxLength = 600;
    public const int CommentMaxLength = 2000;

    /// <summary>The lists whose items are statements (a bilingual text with its sources) in a programme.</summary>
    public static readonly string[] ProgrammeStatementLists =
        ["duration", "requirements.workers", "requirements.employers", "documents", "workerNeverPays", "rights", "duties", "socialSecurity", "returnReintegration"];

    public static readonly string[] ProgrammeStatuses = ["active", "suspended", "closed"];
    public static readonly string[] ProgrammeKinds = ["destination-scheme", "origin-placement-service", "border-worker-permit", "bilateral-scheme", "programme-family"];
    public static readonly string[] Modalities = ["bilateral", "regional-free-mobility", "regional-integration", "global"];
    public static readonly string[] AgreementKinds = ["mou", "bilateral-agreement", "multilateral-agreement"];
    public static readonly string[] AgreementSubjects = ["labour-mobility", "social-security", "academic-mobility"];
    public static readonly string[] AgreementStatuses = ["signed", "ratified", "in-force", "applied", "not-in-force", "unknown"];

    public static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>Reads YAML into JSON: plain scalars that are numbers or booleans become them, quoted ones stay text.</summary>
    public static JsonNode? FromYaml(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode);
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value ?? string.Empty, Convert(c.Value)))),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(Convert)]),
        YamlScalarNode { Style: ScalarStyle.Plain } scalar => Plain(scalar.Value),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => null,
    };

    private static JsonValue? Plain(string? value) => value switch
    {
        null or "~" or "null" or "" => null,
        "true" => JsonValue.Create(true),
        "false" => JsonValue.Create(false),
        _ when NumberText().IsMatch(value) && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
        _ => JsonValue.Create(value),
    };

    /// <summary>The entry's content parsed back from its stored JSON.</summary>
    public static JsonObject Parse(string json) => JsonNode.Parse(json) as JsonObject ?? throw new InvalidOperationException("A registry entry's content is not a JSON object.");

    /// <summary>Text at a dotted path (<c>status.code</c>), or null.</summary>
    public static string? Text(JsonNode? node, string path)
    {
        var found = At(node, path);
        return found is JsonValue value && value.TryGetValue<string>(out var text) ? text : found is JsonValue other ? other.ToJsonString() : null;
    }

    public static JsonNode? At(JsonNode? node, string path)
    {
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject o && o.TryGetPropertyValue(part, out var child) ? child : null;
        }

        return node;
    }

    /// <summary>A bilingual pair at a path (<c>name</c>), or empty.</summary>
    public static Bilingual Pair(JsonNode? node, string path)
    {
        var pair = path.Length == 0 ? node : At(node, path);
        return new Bilingual(Text(pair, "es") ?? string.Empty, Text(pair, "en") ?? string.Empty);
    }

    /// <summary>The texts of an array of strings at a path.</summary>
    public static IReadOnlyList<string> Strings(JsonNode? node, string path) =>
        At(node, path) is JsonArray array ? [.. array.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : v.ToJsonString())] : [];

    /// <summary>Checks a content document; errors are named <c>content.rights[2].sources</c>, as the API names the field.</summary>
    public static FieldErrors Validate(JsonObject content, RegistryKind kind, IReadOnlySet<string> references, IReadOnlySet<string> countries, Qualifications.ProcedureCodes? procedureCodes = null)
    {
        var errors = new FieldErrors();
        if (content.ToJsonString(Json).Length > MaxContentLength)
        {
            errors.Add("content", $"content is longer than {MaxContentLength} characters.");
            return errors;
        }

        Walk(content, "content", errors, references);
        var key = Text(content, "key");
        if (key is null || !KeyText().IsMatch(key))
        {
            errors.Add("content.key", "content.key is required: lower-case letters, digits and hyphens, at most 80.");
        }

        var name = kind is RegistryKind.Agreement or RegistryKind.Convention ? "title" : "name";
        errors.Text($"content.{name}.es", Text(content, $"{name}.es"), NameMaxLength, required: true);
        errors.Text($"content.{name}.en", Text(content, $"{name}.en"), NameMaxLength, required: true);
        void OneOf(string path, string[] allowed, bool required)
        {
            var value = Text(content, path);
            if ((value is null && required) || (value is not null && !allowed.Contains(value, StringComparer.Ordinal)))
            {
                errors.Add($"content.{path}", $"content.{path} is one of: {string.Join(", ", allowed)}.");
            }
        }

        void Countries(string path, JsonNode? list)
        {
            if (list is null)
            {
                return;
            }

            if (list is not JsonArray array)
            {
                errors.Add(path, $"{path} is a list of ISO 3166-1 alpha-2 codes.");
                return;
            }

            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is not JsonValue v || !v.TryGetValue<string>(out var code) || !countries.Contains(code))
                {
                    errors.Add($"{path}[{i}]", $"{path}[{i}] is not an ISO 3166-1 alpha-2 country code.");
                }
            }
        }

        if (kind == RegistryKind.Programme)
        {
            OneOf("kind", ProgrammeKinds, required: true);
            OneOf("status.code", ProgrammeStatuses, required: true);
            OneOf("modality.code", Modalities, required: false);
            Countries("content.destination", content["destination"]);
            Countries("content.origin.countries", At(content, "origin.countries"));
            foreach (var list in ProgrammeStatementLists)
            {
                Statements(content, list, errors);
            }
        }
        else if (kind == RegistryKind.Procedure)
        {
            Qualifications.ProcedureRules.Check(content, countries, procedureCodes ?? throw new ArgumentNullException(nameof(procedureCodes)), errors);
        }
        else if (kind == RegistryKind.Standard)
        {
            Qualifications.StandardRules.Check(content, countries, procedureCodes ?? throw new ArgumentNullException(nameof(procedureCodes)), errors);
        }
        else if (kind == RegistryKind.Convention)
        {
            SocialSecurity.ConventionRules.CheckConvention(content, references, countries, errors);
        }
        else if (kind == RegistryKind.EnrolmentOption)
        {
            SocialSecurity.ConventionRules.CheckOption(content, countries, procedureCodes ?? throw new ArgumentNullException(nameof(procedureCodes)), errors);
        }
        else
        {
            OneOf("kind", AgreementKinds, required: true);
            OneOf("subject", AgreementSubjects, required: true);
            if (content["parties"] is not JsonArray parties || parties.Count == 0)
            {
                errors.Add("content.parties", "content.parties names at least one party ({country: XX}).");
            }
            else
            {
                Countries("content.parties", new JsonArray([.. parties.Select(p => At(p, "country")?.DeepClone())]));
            }
        }

        if (errors.Count == 0)
        {
            Columns(content, kind, errors);
        }

        return errors;
    }

    /// <summary>What the list columns hold of the content stays within their widths, each error naming the field it comes from.</summary>
    private static void Columns(JsonObject content, RegistryKind kind, FieldErrors errors)
    {
        void Within(string? value, int max, string field)
        {
            if (value?.Length > max)
            {
                errors.Add(field, $"{field} is longer than {max} characters.");
            }
        }

        if (kind == RegistryKind.Programme)
        {
            var programme = new Programme();
            Describe(programme, content);
            Within(programme.Countries, RegistryConfiguration.ListMaxLength, "content.destination");
            Within(programme.Occupations, RegistryConfiguration.ListMaxLength * 4, "content.occupations.codes");
            Within(programme.Acronym, RegistryConfiguration.CodeMaxLength, "content.acronym");
            Within(programme.DemandDataset, RegistryConfiguration.CodeMaxLength, "content.demandData.dataset");
            Within(programme.DemandStream, RegistryConfiguration.CodeMaxLength * 2, "content.demandData.stream");
        }
        else if (kind == RegistryKind.Procedure)
        {
            Qualifications.ProcedureRules.Columns(content, errors);
        }
        else if (kind == RegistryKind.Standard)
        {
            Qualifications.StandardRules.Columns(content, errors);
        }
        else if (kind == RegistryKind.Agreement)
        {
            var agreement = new Agreement();
            Describe(agreement, content);
            Within(agreement.Countries, RegistryConfiguration.ListMaxLength, "content.parties");
            Within(agreement.Programmes, RegistryConfiguration.ListMaxLength * 4, "content.programmes");
            Within(agreement.Signed, RegistryConfiguration.CodeMaxLength, "content.signed");
            Within(agreement.StatusCode, RegistryConfiguration.CodeMaxLength, "content.status.code");
        }
    }

    /// <summary>Every statement of a list has its text in both languages and names its sources.</summary>
    internal static void Statements(JsonObject content, string list, FieldErrors errors)
    {
        if (At(content, list) is not { } node)
        {
            return;
        }

        if (node is not JsonArray items)
        {
            errors.Add($"content.{list}", $"content.{list} is a list of statements ({{es, en, sources}}).");
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var path = $"content.{list}[{i}]";
            if (string.IsNullOrWhiteSpace(Text(items[i], "es")) || string.IsNullOrWhiteSpace(Text(items[i], "en")))
            {
                errors.Add(path, $"{path} needs its text in Spanish (es) and English (en).");
            }

            if (At(items[i], "sources") is not JsonArray { Count: > 0 })
            {
                errors.Add($"{path}.sources", $"{path}.sources: every statement names its public source (a key of the references).");
            }
        }
    }

    /// <summary>Every text within its length, every <c>sources</c> a list of known reference keys.</summary>
    private static void Walk(JsonNode? node, string path, FieldErrors errors, IReadOnlySet<string> references)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o)
                {
                    if (name == "sources")
                    {
                        Sources(child, $"{path}.sources", errors, references);
                    }
                    else
                    {
                        Walk(child, $"{path}.{name}", errors, references);
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    Walk(a[i], $"{path}[{i}]", errors, references);
                }

                break;
            case JsonValue v when v.TryGetValue<string>(out var text) && text.Length > MaxTextLength:
                errors.Add(path, $"{path} is longer than {MaxTextLength} characters.");
                break;
        }
    }

    private static void Sources(JsonNode? node, string path, FieldErrors errors, IReadOnlySet<string> references)
    {
        if (node is not JsonArray list)
        {
            errors.Add(path, $"{path} is a list of reference keys.");
            return;
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is not JsonValue v || !v.TryGetValue<string>(out var key) || !references.Contains(key))
            {
                errors.Add($"{path}[{i}]", $"{path}[{i}] is not a key of the references (data/references.yaml).");
            }
        }
    }

    /// <summary>Sets the columns of a programme from its content (the published one, or the draft of one never published).</summary>
    public static void Describe(Programme programme, JsonObject content)
    {
        Common(programme, content, Pair(content, "name"));
        programme.Acronym = Text(content, "acronym");
        programme.Kind = Text(content, "kind") ?? string.Empty;
        programme.Modality = Text(content, "modality.code");
        var destinations = Strings(content, "destination");
        var origins = Strings(content, "origin.countries");
        programme.Destinations = List(destinations);
        programme.Origins = List(origins);
        programme.Countries = List([.. destinations, .. origins]);
        programme.Occupations = List(At(content, "occupations.codes") is JsonArray codes
            ? [.. codes.SelectMany(c => Strings(c, "isco08").Concat(Text(content, "occupations.classification") == "ISCO08" && Text(c, "code") is { } own ? [own] : []))]
            : []);
        programme.DemandDataset = Text(content, "demandData.dataset");
        programme.DemandStream = Text(content, "demandData.stream");
    }

    /// <summary>Sets the columns of an agreement from its content.</summary>
    public static void Describe(Agreement agreement, JsonObject content)
    {
        Common(agreement, content, Pair(content, "title"));
        agreement.Kind = Text(content, "kind") ?? string.Empty;
        agreement.Subject = Text(content, "subject") ?? string.Empty;
        agreement.Signed = Text(content, "signed");
        agreement.Countries = List(At(content, "parties") is JsonArray parties ? [.. parties.Select(p => Text(p, "country")).OfType<string>()] : []);
        agreement.Programmes = List(Strings(content, "programmes"));
    }

    private static void Common(RegistryEntry entry, JsonObject content, Bilingual name)
    {
        entry.Key = Text(content, "key") ?? entry.Key;
        entry.Name = name;
        entry.StatusCode = Text(content, "status.code");
    }

    /// <summary>Codes as a column: distinct, ordered, space-separated with a space at each end, so <c>LIKE '% GT %'</c> finds one.</summary>
    public static string List(IEnumerable<string> codes) => " " + string.Join(' ', codes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)) + (codes.Any() ? " " : string.Empty);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,79}$")]
    private static partial Regex KeyText();

    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?$")]
    private static partial Regex NumberText();
}
