using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Programmes;
using YamlDotNet.Core;

namespace Movilidad.Platform.SocialSecurity;

/// <summary>
/// Loads the national bodies of <c>data/bodies.yaml</c>, the ILO conventions of <c>data/social-security/ilo-conventions.yaml</c>
/// and the voluntary enrolment options of <c>data/social-security/voluntary-enrolment.yaml</c> (with the countries where
/// none was read, as gaps). The files are the only source of this content (nobody edits it in the platform), so each
/// start brings the rows up to the files. Every <c>sources</c> must name a reference loaded before (order 500), every
/// country an ISO code: a file that breaks a rule stops the load with the file and the field. All of it lands, or none.
/// </summary>
public sealed class SocialSecurityLoader(MovilidadDb db) : IContentLoader
{
    public const string EnrolmentTopic = "voluntary-enrolment";

    public int Order => 510;

    public async Task LoadAsync(string dataFolder, CancellationToken ct = default)
    {
        var bodiesFile = Path.Combine(dataFolder, "bodies.yaml");
        var conventionsFile = Path.Combine(dataFolder, "social-security", "ilo-conventions.yaml");
        var enrolmentFile = Path.Combine(dataFolder, "social-security", "voluntary-enrolment.yaml");
        if (!File.Exists(bodiesFile) || !File.Exists(conventionsFile) || !File.Exists(enrolmentFile))
        {
            return;
        }

        var bodies = await ReadAsync(bodiesFile, "bodies.yaml", ct) as JsonArray ?? throw new DataFileException("bodies.yaml", "the file is a list of bodies.");
        var conventions = await ReadAsync(conventionsFile, "social-security/ilo-conventions.yaml", ct) as JsonArray
            ?? throw new DataFileException("social-security/ilo-conventions.yaml", "the file is a list of conventions.");
        var enrolment = await ReadAsync(enrolmentFile, "social-security/voluntary-enrolment.yaml", ct) as JsonObject
            ?? throw new DataFileException("social-security/voluntary-enrolment.yaml", "the file has countriesNotRead and options.");
        var references = (await db.SourceReferences.Select(r => r.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var countries = (await db.Countries.Select(c => c.Alpha2).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var check = new Checker(references, countries);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var storedBodies = await db.NationalBodies.ToDictionaryAsync(b => b.Code, StringComparer.Ordinal, ct);
        foreach (var (node, i) in bodies.Select((b, i) => (b, i)))
        {
            var field = $"bodies.yaml [{i}]";
            var code = Checker.Key(node, "code", field);
            if (!storedBodies.TryGetValue(code, out var body))
            {
                body = new NationalBody { Code = code };
                storedBodies[code] = body;
                db.NationalBodies.Add(body);
            }

            check.Sources(node, field);
            body.Country = check.Country(node, "country", field);
            body.Kind = RegistryContent.Text(node, "kind") ?? string.Empty;
            body.Name = Checker.Name(node, "name", field);
            body.Acronym = RegistryContent.Text(node, "acronym");
            body.Url = RegistryContent.Text(node, "url");
            body.Sources = RegistryContent.List(RegistryContent.Strings(node, "sources"));
        }

        var storedConventions = await db.IloConventions.ToDictionaryAsync(c => c.Key, StringComparer.Ordinal, ct);
        foreach (var (node, i) in conventions.Select((c, i) => (c, i)))
        {
            var field = $"social-security/ilo-conventions.yaml [{i}]";
            var key = Checker.Key(node, "key", field);
            if (!storedConventions.TryGetValue(key, out var convention))
            {
                convention = new IloConvention { Key = key };
                storedConventions[key] = convention;
                db.IloConventions.Add(convention);
            }

            check.Sources(node, field);
            var states = RegistryContent.At(node, "states") as JsonArray ?? [];
            foreach (var state in states)
            {
                check.Country(state, "country", field);
            }

            convention.Number = int.TryParse(RegistryContent.Text(node, "number"), out var number) ? number : throw new DataFileException(field, $"'{key}': number is the convention's number.");
            convention.Name = Checker.Name(node, "title", field);
            convention.Ratified = RegistryContent.List([.. states.Where(s => RegistryContent.Text(s, "status") == "ratified").Select(s => RegistryContent.Text(s, "country")!)]);
            convention.Content = node!.ToJsonString(RegistryContent.Json);
        }

        var storedOptions = await db.EnrolmentOptions.ToDictionaryAsync(o => o.Key, StringComparer.Ordinal, ct);
        foreach (var (node, i) in (RegistryContent.At(enrolment, "options") as JsonArray ?? []).Select((o, i) => (o, i)))
        {
            var field = $"social-security/voluntary-enrolment.yaml options[{i}]";
            var key = Checker.Key(node, "key", field);
            if (!storedOptions.TryGetValue(key, out var option))
            {
                option = new EnrolmentOption { Key = key };
                storedOptions[key] = option;
                db.EnrolmentOptions.Add(option);
            }

            check.Sources(node, field);
            option.Country = check.Country(node, "country", field);
            option.Name = Checker.Name(node, "name", field);
            option.SelfEmployed = Flag(node, "selfEmployed");
            option.Abroad = Flag(node, "abroad");
            option.Content = node!.ToJsonString(RegistryContent.Json);
        }

        var storedGaps = await db.CountryGaps.Where(g => g.Topic == EnrolmentTopic).ToDictionaryAsync(g => g.Country, StringComparer.Ordinal, ct);
        var notRead = RegistryContent.At(enrolment, "countriesNotRead") as JsonArray ?? [];
        foreach (var (node, i) in notRead.Select((g, i) => (g, i)))
        {
            var field = $"social-security/voluntary-enrolment.yaml countriesNotRead[{i}]";
            var country = check.Country(node, "country", field);
            if (!storedGaps.TryGetValue(country, out var gap))
            {
                gap = new CountryGap { Topic = EnrolmentTopic, Country = country };
                storedGaps[country] = gap;
                db.CountryGaps.Add(gap);
            }

            gap.Text = Checker.Name(node, "gap", field);
        }

        var listed = notRead.Select(g => RegistryContent.Text(g, "country")).ToHashSet(StringComparer.Ordinal);
        db.CountryGaps.RemoveRange(storedGaps.Values.Where(g => !listed.Contains(g.Country)));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static bool? Flag(JsonNode? node, string name) =>
        RegistryContent.At(node, name) is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : null;

    private static async Task<JsonNode?> ReadAsync(string path, string name, CancellationToken ct)
    {
        try
        {
            return RegistryContent.FromYaml(await File.ReadAllTextAsync(path, ct));
        }
        catch (YamlException e)
        {
            throw new DataFileException(name, $"line {e.Start.Line}, column {e.Start.Column}: {e.Message}", e);
        }
    }

    /// <summary>The rules every row of these files obeys, each failure naming the file, the row and the field.</summary>
    private sealed class Checker(IReadOnlySet<string> references, IReadOnlySet<string> countries)
    {
        public static string Key(JsonNode? node, string name, string field) =>
            RegistryContent.Text(node, name) is { Length: > 0 and <= 80 } key ? key : throw new DataFileException(field, $"{name} is required (at most 80 characters).");

        public string Country(JsonNode? node, string name, string field) =>
            RegistryContent.Text(node, name) is { } code && countries.Contains(code) ? code : throw new DataFileException(field, $"{name} '{RegistryContent.Text(node, name)}' is not an ISO 3166-1 alpha-2 code.");

        public static Bilingual Name(JsonNode? node, string name, string field)
        {
            var pair = RegistryContent.Pair(node, name);
            return pair.Es.Length is > 0 and <= 2000 && pair.En.Length is > 0 and <= 2000 ? pair : throw new DataFileException(field, $"{name} needs es and en (at most 2000 characters each).");
        }

        /// <summary>Every <c>sources</c> list anywhere in the row names known references.</summary>
        public void Sources(JsonNode? node, string field)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (name, child) in o)
                    {
                        if (name is "sources" or "titleSources")
                        {
                            foreach (var key in RegistryContent.Strings(o, name).Where(k => !references.Contains(k)))
                            {
                                throw new DataFileException(field, $"{name}: '{key}' is not a key of data/references.yaml.");
                            }
                        }
                        else
                        {
                            Sources(child, field);
                        }
                    }

                    break;
                case JsonArray a:
                    foreach (var child in a)
                    {
                        Sources(child, field);
                    }

                    break;
            }
        }
    }
}
