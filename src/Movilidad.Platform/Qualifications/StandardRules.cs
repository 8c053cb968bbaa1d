using System.Globalization;
using System.Text.Json.Nodes;
using Movilidad.Platform.Programmes;
using Movilidad.Platform.Writes;

namespace Movilidad.Platform.Qualifications;

/// <summary>
/// What a competency standard's or occupational profile's content must hold beyond what every registry entry does (see
/// <c>data/README.md</c>, "qualifications/standards.yaml"): its kind, country (or, for a regional standard, its region),
/// issuing body and the code the body publishes it under (when it has one); its ISCO-08 occupations, each sourced, with the national classification's code when the source gives
/// one; a status (current or withdrawn) and a publication date, each sourced when given; the procedures that certify
/// against it (keys of the procedures); the date it was verified. Each error names its field as the API does.
/// </summary>
public static class StandardRules
{
    public static readonly string[] Kinds = ["competency-standard", "occupational-profile"];

    public static readonly string[] Statuses = ["current", "withdrawn"];

    /// <summary>
    /// The regional bodies (codes of <c>data/institutions.yaml</c>) whose standards are recorded for their region rather
    /// than for one country (<c>region</c> instead of <c>country</c>): the SICA, whose Central American Educational and
    /// Cultural Coordination (CECC) publishes regional labour competency standards. A regional standard names no country,
    /// so it is the Secretariat's to change.
    /// </summary>
    public static readonly string[] Regions = ["SICA"];

    /// <summary>The national classifications an occupation's code may belong to.</summary>
    public static readonly string[] Classifications = ["NOC2011", "NOC2016", "NOC2021", "SOC2010", "SOC2018", "ONET-SOC"];

    /// <summary>The lists whose items are statements (a bilingual text with its sources).</summary>
    public static readonly string[] StatementLists = ["notes"];

    /// <summary>The lists of codes a standard names: the keys of the procedures that certify against it.</summary>
    public static readonly string[] CodeLists = ["procedures"];

    public static void Check(JsonObject content, IReadOnlySet<string> countries, ProcedureCodes codes, FieldErrors errors)
    {
        var kind = RegistryContent.Text(content, "kind");
        if (kind is null || !Kinds.Contains(kind, StringComparer.Ordinal))
        {
            errors.Add("content.kind", $"content.kind is one of: {string.Join(", ", Kinds)}.");
        }

        var country = RegistryContent.Text(content, "country");
        var region = RegistryContent.Text(content, "region");
        if (region is not null && (country is not null || !Regions.Contains(region, StringComparer.Ordinal)))
        {
            errors.Add("content.region", $"content.region is one of: {string.Join(", ", Regions)}, for a regional standard, given instead of country.");
        }
        else if (region is null && (country is null || !countries.Contains(country)))
        {
            errors.Add("content.country", "content.country is not an ISO 3166-1 alpha-2 country code.");
        }

        // A country's standard names its national body; a regional one may (the region's own body is data/institutions.yaml's).
        var body = RegistryContent.Text(content, "institution");
        if ((region is null || body is not null) && (body is null || !codes.Bodies.Contains(body)))
        {
            errors.Add("content.institution", "content.institution is required: one of the codes of the national bodies (data/bodies.yaml).");
        }

        if (RegistryContent.Text(content, "code") is { } code && (code.Trim().Length == 0 || code.Length > RegistryConfiguration.CodeMaxLength))
        {
            errors.Add("content.code", $"content.code is the code the body publishes it under (left out when it has none), at most {RegistryConfiguration.CodeMaxLength} characters.");
        }

        var status = RegistryContent.Text(content, "status.code");
        if (status is not null && !Statuses.Contains(status, StringComparer.Ordinal))
        {
            errors.Add("content.status.code", $"content.status.code is one of: {string.Join(", ", Statuses)}.");
        }

        if (RegistryContent.Text(content, "published.date") is { } published && !ProcedureRules.IsDateText(published))
        {
            errors.Add("content.published.date", "content.published.date is required to be a date (YYYY, YYYY-MM or YYYY-MM-DD).");
        }

        foreach (var part in new[] { "status", "published", "level", "description" })
        {
            if (content[part] is JsonObject sourced && sourced["sources"] is not JsonArray { Count: > 0 })
            {
                errors.Add($"content.{part}.sources", $"content.{part}.sources: every statement names its public source (a key of the references).");
            }
        }

        foreach (var list in StatementLists)
        {
            RegistryContent.Statements(content, list, errors);
        }

        Occupations(content["occupations"], codes.Occupations, errors);
        Procedures(content["procedures"], codes.Procedures, errors);
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

    private static void Occupations(JsonNode? node, IReadOnlySet<string> occupations, FieldErrors errors)
    {
        if (node is not JsonArray { Count: > 0 } items)
        {
            errors.Add("content.occupations", "content.occupations is required: a list of {isco08, national, sources}, at least one.");
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var path = $"content.occupations[{i}]";
            if (RegistryContent.Text(items[i], "isco08") is not { } isco || !occupations.Contains(isco))
            {
                errors.Add($"{path}.isco08", $"{path}.isco08 is one of the ISCO-08 codes.");
            }

            if (RegistryContent.At(items[i], "national") is { } national)
            {
                var classification = RegistryContent.Text(national, "classification");
                if (classification is null || !Classifications.Contains(classification, StringComparer.Ordinal))
                {
                    errors.Add($"{path}.national.classification", $"{path}.national.classification is one of: {string.Join(", ", Classifications)}.");
                }

                if (string.IsNullOrWhiteSpace(RegistryContent.Text(national, "code")))
                {
                    errors.Add($"{path}.national.code", $"{path}.national.code is required: the occupation's code in that classification.");
                }
            }

            if (RegistryContent.At(items[i], "sources") is not JsonArray { Count: > 0 })
            {
                errors.Add($"{path}.sources", $"{path}.sources: every statement names its public source (a key of the references).");
            }
        }
    }

    private static void Procedures(JsonNode? node, IReadOnlySet<string> procedures, FieldErrors errors)
    {
        if (node is null)
        {
            return;
        }

        if (node is not JsonArray keys)
        {
            errors.Add("content.procedures", "content.procedures is a list of keys of the qualification procedures.");
            return;
        }

        for (var i = 0; i < keys.Count; i++)
        {
            if (keys[i] is not JsonValue value || !value.TryGetValue<string>(out var key) || !procedures.Contains(key))
            {
                errors.Add($"content.procedures[{i}]", $"content.procedures[{i}] is not a key of the qualification procedures.");
            }
        }
    }

    /// <summary>Sets the columns of a standard from its content.</summary>
    public static void Describe(CompetencyStandard standard, JsonObject content)
    {
        standard.Key = RegistryContent.Text(content, "key") ?? standard.Key;
        standard.Name = RegistryContent.Pair(content, "name");
        standard.StatusCode = RegistryContent.Text(content, "status.code");
        standard.Kind = RegistryContent.Text(content, "kind") ?? string.Empty;
        standard.Country = RegistryContent.Text(content, "region") is null ? RegistryContent.Text(content, "country") ?? string.Empty : string.Empty;
        standard.Countries = RegistryContent.List(standard.Country.Length == 0 ? [] : [standard.Country]);
        standard.Institution = RegistryContent.Text(content, "institution");
        standard.Code = RegistryContent.Text(content, "code");
        standard.Occupations = RegistryContent.List(ProcedureRules.OccupationCodes(content));
        standard.Procedures = RegistryContent.List(RegistryContent.Strings(content, "procedures"));
        standard.Published = RegistryContent.Text(content, "published.date");
        standard.LastVerified = RegistryContent.Text(content, "lastVerified");
    }

    /// <summary>The column widths, each error naming the field it comes from.</summary>
    public static void Columns(JsonObject content, FieldErrors errors)
    {
        var standard = new CompetencyStandard();
        Describe(standard, content);
        if (standard.Occupations.Length > RegistryConfiguration.ListMaxLength)
        {
            errors.Add("content.occupations", $"content.occupations is longer than {RegistryConfiguration.ListMaxLength} characters.");
        }

        if (standard.Procedures.Length > RegistryConfiguration.ListMaxLength * 4)
        {
            errors.Add("content.procedures", $"content.procedures is longer than {RegistryConfiguration.ListMaxLength * 4} characters.");
        }
    }
}
