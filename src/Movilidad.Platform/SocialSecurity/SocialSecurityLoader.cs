using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Programmes;
using Movilidad.Platform.Qualifications;
using YamlDotNet.Core;

namespace Movilidad.Platform.SocialSecurity;

/// <summary>
/// Loads the national bodies of <c>data/bodies.yaml</c>, the ILO conventions of <c>data/social-security/ilo-conventions.yaml</c>
/// and the voluntary enrolment options of <c>data/social-security/voluntary-enrolment.yaml</c> (with the countries where
/// none was read, as gaps). Bodies and gaps are brought up to the files at each start. Conventions and options are
/// entries of the sourced registry, checked as an edit is: new ones are added, published; those nobody changed in the
/// platform are brought up to the files; those changed in the platform (reviewed drafts) keep their edits. Every
/// <c>sources</c> must name a reference loaded before (order 500), every country an ISO code: a file that breaks a rule
/// stops the load with the file and the field. All of it lands, or none.
/// </summary>
public sealed class SocialSecurityLoader(MovilidadDb db, TimeProvider clock) : IContentLoader
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

        var now = clock.GetUtcNow().UtcDateTime;
        var codes = new ProcedureCodes(new HashSet<string>(), new HashSet<string>(), storedBodies.Keys.ToHashSet(StringComparer.Ordinal), new HashSet<string>());
        Keep(await db.IloConventions.ToDictionaryAsync(c => c.Key, StringComparer.Ordinal, ct), conventions, "social-security/ilo-conventions.yaml", RegistryKind.Convention, references, countries, codes, now, ConventionRules.Describe);
        Keep(await db.EnrolmentOptions.ToDictionaryAsync(o => o.Key, StringComparer.Ordinal, ct), RegistryContent.At(enrolment, "options") as JsonArray ?? [],
            "social-security/voluntary-enrolment.yaml options", RegistryKind.EnrolmentOption, references, countries, codes, now, ConventionRules.Describe);

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

    /// <summary>
    /// The entries of a file, each checked as an edit is: a new one is added, published; one nobody changed in the platform
    /// (never written through the review) is brought up to the file; one changed in the platform is left as it is.
    /// </summary>
    private void Keep<T>(
        Dictionary<string, T> stored, JsonArray items, string file, RegistryKind kind, IReadOnlySet<string> references, IReadOnlySet<string> countries,
        ProcedureCodes codes, DateTime now, Action<T, JsonObject> describe)
        where T : RegistryEntry, new()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (node, i) in items.Select((n, i) => (n, i)))
        {
            var field = $"{file}[{i}]";
            if (node is not JsonObject content)
            {
                throw new DataFileException(field, "every entry is a mapping.");
            }

            var errors = RegistryContent.Validate(content, kind, references, countries, codes);
            var key = RegistryContent.Text(content, "key");
            if (errors.Count > 0)
            {
                throw new DataFileException(field, $"'{key}': {string.Join(" ", errors.SelectMany(e => e.Value))}");
            }

            if (!keys.Add(key!))
            {
                throw new DataFileException(field, $"the key '{key}' is used twice.");
            }

            if (!stored.TryGetValue(key!, out var entry))
            {
                entry = new T();
                stored[key!] = entry;
                db.Set<T>().Add(entry);
            }
            else if (entry.Version > 0 || entry.ChangedAt is not null)
            {
                continue;
            }

            entry.Content = content.ToJsonString(RegistryContent.Json);
            entry.Draft = null;
            entry.Stage = RegistryStage.Published;
            entry.PublishedAt ??= now;
            describe(entry, content);
        }
    }

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
