using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Movilidad.Platform.Programmes;
using Movilidad.Platform.Writes;

namespace Movilidad.Platform.Qualifications;

/// <summary>The codes a procedure's or standard's content may name: currencies (ISO 4217), ISCO-08 groups, national bodies and (for a standard) the procedures' keys.</summary>
public sealed record ProcedureCodes(IReadOnlySet<string> Currencies, IReadOnlySet<string> Occupations, IReadOnlySet<string> Bodies, IReadOnlySet<string> Procedures);

/// <summary>
/// What a qualification procedure's content must hold beyond what every registry entry does (see <c>data/README.md</c>,
/// "qualifications/procedures.yaml"): its kind and country, its statements sourced, a duration in days that is never
/// negative (the maximum not below the typical), a cost in a known currency and never below zero, known occupations and
/// body, the date it was verified. Each error names its field as the API does (<c>content.duration.typicalDays</c>).
/// </summary>
public static partial class ProcedureRules
{
    public static readonly string[] Kinds = ["training", "competency-certification", "recognition", "evaluation"];

    /// <summary>The lists whose items are statements (a bilingual text with its sources).</summary>
    public static readonly string[] StatementLists = ["steps", "documents", "support", "legalBasis", "notes"];

    /// <summary>The lists of codes a procedure may name: <c>partners</c>, the national bodies that take part beside the responsible one.</summary>
    public static readonly string[] CodeLists = ["partners"];

    /// <summary>An entry not verified for this many months is flagged.</summary>
    public const int StaleMonths = 12;

    public static void Check(JsonObject content, IReadOnlySet<string> countries, ProcedureCodes codes, FieldErrors errors)
    {
        var kind = RegistryContent.Text(content, "kind");
        if (kind is null || !Kinds.Contains(kind, StringComparer.Ordinal))
        {
            errors.Add("content.kind", $"content.kind is one of: {string.Join(", ", Kinds)}.");
        }

        var country = RegistryContent.Text(content, "country");
        if (country is null || !countries.Contains(country))
        {
            errors.Add("content.country", "content.country is not an ISO 3166-1 alpha-2 country code.");
        }

        if (RegistryContent.Text(content, "institution") is { } body && !codes.Bodies.Contains(body))
        {
            errors.Add("content.institution", "content.institution is one of the codes of the national bodies (data/bodies.yaml).");
        }

        Partners(content["partners"], codes.Bodies, errors);
        foreach (var list in StatementLists)
        {
            RegistryContent.Statements(content, list, errors);
        }

        Duration(content["duration"], errors);
        Cost(content["cost"], codes.Currencies, errors);
        Occupations(content["occupations"], codes.Occupations, errors);
        var verified = RegistryContent.Text(content, "lastVerified");
        if (verified is null || !DateOnly.TryParseExact(verified, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            errors.Add("content.lastVerified", "content.lastVerified is required: the date the sources were read (YYYY-MM-DD).");
        }

        if (RegistryContent.Text(content, "url") is { } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
        {
            errors.Add("content.url", "content.url is required to be an http or https address.");
        }
    }

    private static void Partners(JsonNode? node, IReadOnlySet<string> bodies, FieldErrors errors)
    {
        if (node is null)
        {
            return;
        }

        if (node is not JsonArray partners)
        {
            errors.Add("content.partners", "content.partners is a list of codes of the national bodies (data/bodies.yaml).");
            return;
        }

        for (var i = 0; i < partners.Count; i++)
        {
            if (partners[i] is not JsonValue value || !value.TryGetValue<string>(out var code) || !bodies.Contains(code))
            {
                errors.Add($"content.partners[{i}]", $"content.partners[{i}] is not a code of the national bodies (data/bodies.yaml).");
            }
        }
    }

    private static void Duration(JsonNode? node, FieldErrors errors)
    {
        if (node is null)
        {
            return;
        }

        if (node is not JsonObject duration)
        {
            errors.Add("content.duration", "content.duration is required to be {typicalDays, maxDays, text, sources} or null.");
            return;
        }

        var typical = Days(duration["typicalDays"], "content.duration.typicalDays", errors);
        var max = Days(duration["maxDays"], "content.duration.maxDays", errors);
        if (typical is not null && max is not null && max < typical)
        {
            errors.Add("content.duration.maxDays", "content.duration.maxDays is a number of days not below typicalDays.");
        }
    }

    private static decimal? Days(JsonNode? node, string field, FieldErrors errors)
    {
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.TryGetValue<decimal>(out var days) && days >= 0 && days <= 36_500 && days == decimal.Truncate(days))
        {
            return days;
        }

        errors.Add(field, $"{field} is a number of days: a whole number from 0 to 36500.");
        return null;
    }

    private static void Cost(JsonNode? node, IReadOnlySet<string> currencies, FieldErrors errors)
    {
        if (RegistryContent.At(node, "amount") is not { } amount)
        {
            return;
        }

        if (!(RegistryContent.At(amount, "value") is JsonValue v && v.TryGetValue<decimal>(out var value) && value >= 0))
        {
            errors.Add("content.cost.amount.value", "content.cost.amount.value is a number, 0 or more.");
        }

        var currency = RegistryContent.Text(amount, "currency");
        if (currency is null || !currencies.Contains(currency))
        {
            errors.Add("content.cost.amount.currency", "content.cost.amount.currency is one of the ISO 4217 currency codes (MXN, USD...).");
        }

        var asOf = RegistryContent.Text(amount, "asOf");
        if (asOf is null || !DateText().IsMatch(asOf))
        {
            errors.Add("content.cost.amount.asOf", "content.cost.amount.asOf is required: the date of the figure (YYYY, YYYY-MM or YYYY-MM-DD).");
        }
    }

    private static void Occupations(JsonNode? node, IReadOnlySet<string> occupations, FieldErrors errors)
    {
        if (node is null)
        {
            return;
        }

        if (node is not JsonArray items)
        {
            errors.Add("content.occupations", "content.occupations is a list of {isco08, sources}.");
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (RegistryContent.Text(items[i], "isco08") is not { } code || !occupations.Contains(code))
            {
                errors.Add($"content.occupations[{i}].isco08", $"content.occupations[{i}].isco08 is one of the ISCO-08 codes.");
            }

            if (RegistryContent.At(items[i], "sources") is not JsonArray { Count: > 0 })
            {
                errors.Add($"content.occupations[{i}].sources", $"content.occupations[{i}].sources: every statement names its public source (a key of the references).");
            }
        }
    }

    /// <summary>Sets the columns of a procedure from its content.</summary>
    public static void Describe(QualificationProcedure procedure, JsonObject content)
    {
        procedure.Key = RegistryContent.Text(content, "key") ?? procedure.Key;
        procedure.Name = RegistryContent.Pair(content, "name");
        procedure.Kind = RegistryContent.Text(content, "kind") ?? string.Empty;
        procedure.Country = RegistryContent.Text(content, "country") ?? string.Empty;
        procedure.Countries = RegistryContent.List(procedure.Country.Length == 0 ? [] : [procedure.Country]);
        procedure.Institution = RegistryContent.Text(content, "institution");
        procedure.Occupations = RegistryContent.List(OccupationCodes(content));
        procedure.LastVerified = RegistryContent.Text(content, "lastVerified");
    }

    public static IReadOnlyList<string> OccupationCodes(JsonObject content) =>
        RegistryContent.At(content, "occupations") is JsonArray items ? [.. items.Select(i => RegistryContent.Text(i, "isco08")).OfType<string>()] : [];

    /// <summary>
    /// Whether a procedure concerns an ISCO-08 occupation (any when null): it names the group itself, a group within it
    /// (asked for 74, it names 7411) or the group it belongs to (asked for 7411, it names 741).
    /// </summary>
    public static bool Concerns(QualificationProcedure procedure, string? occupation) => Concerns(procedure.Occupations, occupation);

    /// <summary>Whether a column of ISCO-08 codes (<c> 7411 742 </c>) concerns an occupation, as <see cref="Concerns(QualificationProcedure, string?)"/>.</summary>
    public static bool Concerns(string occupations, string? occupation)
    {
        if (string.IsNullOrWhiteSpace(occupation))
        {
            return true;
        }

        var asked = occupation.Trim();
        return occupations.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(code => code.StartsWith(asked, StringComparison.Ordinal) || asked.StartsWith(code, StringComparison.Ordinal));
    }

    /// <summary>Whether a procedure verified on <paramref name="lastVerified"/> is older than <see cref="StaleMonths"/> on <paramref name="today"/>.</summary>
    public static bool IsStale(string? lastVerified, DateOnly today) =>
        !DateOnly.TryParseExact(lastVerified, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var verified) || verified.AddMonths(StaleMonths) < today;

    /// <summary>The column widths, each error naming the field it comes from.</summary>
    public static void Columns(JsonObject content, FieldErrors errors)
    {
        var procedure = new QualificationProcedure();
        Describe(procedure, content);
        if (procedure.Occupations.Length > RegistryConfiguration.ListMaxLength * 4)
        {
            errors.Add("content.occupations", $"content.occupations is longer than {RegistryConfiguration.ListMaxLength * 4} characters.");
        }
    }

    /// <summary>Whether a text is a date as the sourced files write them: <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>.</summary>
    internal static bool IsDateText(string text) => DateText().IsMatch(text);

    [GeneratedRegex(@"^\d{4}(-\d{2}(-\d{2})?)?$")]
    private static partial Regex DateText();
}
