using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Movilidad.Platform.Programmes;

/// <summary>One source of <c>data/references.yaml</c>.</summary>
public sealed class ReferenceFile
{
    public string Key { get; set; } = string.Empty;
    public string Kind { get; set; } = string.Empty;
    public string? Url { get; set; }
    public string Title { get; set; } = string.Empty;
    public string? Publisher { get; set; }
    public string? Reference { get; set; }
    public string? CopyOf { get; set; }
    public string? Accessed { get; set; }
    public string? File { get; set; }
}

/// <summary>
/// Loads the registry's shipped content: the sources of <c>data/references.yaml</c> (brought up to date), the programmes
/// of <c>data/programmes/*.yaml</c> and the agreements of <c>data/agreements/*.yaml</c>, each checked as an edit is
/// (every statement sourced, every code known). A programme or agreement already in the database is left as it is, so
/// what people changed in the platform is kept; new ones are published. All of it lands, or none.
/// </summary>
public sealed class RegistryLoader(MovilidadDb db, TimeProvider clock) : IContentLoader
{
    public int Order => 500;

    private static readonly IDeserializer Deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).IgnoreUnmatchedProperties().Build();

    public async Task LoadAsync(string dataFolder, CancellationToken ct = default)
    {
        var referencesPath = Path.Combine(dataFolder, "references.yaml");
        if (!File.Exists(referencesPath))
        {
            return;
        }

        List<ReferenceFile> references;
        try
        {
            references = Deserializer.Deserialize<List<ReferenceFile>>(await File.ReadAllTextAsync(referencesPath, ct)) ?? [];
        }
        catch (YamlException e)
        {
            throw new DataFileException("references.yaml", $"line {e.Start.Line}, column {e.Start.Column}: {e.InnerException?.Message ?? e.Message}", e);
        }

        var programmes = await ReadAsync(Path.Combine(dataFolder, "programmes"), list: false, ct);
        var agreements = await ReadAsync(Path.Combine(dataFolder, "agreements"), list: true, ct);
        var countries = (await db.Countries.Select(c => c.Alpha2).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var referenceKeys = references.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        if (references.Count != referenceKeys.Count)
        {
            throw new DataFileException("references.yaml", "every source has a key of its own.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var stored = await db.SourceReferences.ToDictionaryAsync(r => r.Key, StringComparer.Ordinal, ct);
        foreach (var file in references)
        {
            if (!stored.TryGetValue(file.Key, out var reference))
            {
                reference = new SourceReference { Key = file.Key };
                db.SourceReferences.Add(reference);
            }

            reference.Kind = file.Kind;
            reference.Url = file.Url;
            reference.Title = file.Title.Trim();
            reference.Publisher = file.Publisher;
            reference.Reference = file.Reference ?? (file.CopyOf is null ? null : $"copy of: {file.CopyOf}");
            reference.Accessed = file.Accessed;
            reference.File = file.File;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var existingProgrammes = (await db.Programmes.Select(p => p.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        foreach (var (_, content) in Checked(programmes, RegistryKind.Programme, referenceKeys, countries))
        {
            if (existingProgrammes.Add(RegistryContent.Text(content, "key")!))
            {
                var programme = new Programme { Content = content.ToJsonString(RegistryContent.Json), Stage = RegistryStage.Published, PublishedAt = now };
                RegistryContent.Describe(programme, content);
                db.Programmes.Add(programme);
            }
        }

        var existingAgreements = (await db.Agreements.Select(a => a.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        foreach (var (_, content) in Checked(agreements, RegistryKind.Agreement, referenceKeys, countries))
        {
            if (existingAgreements.Add(RegistryContent.Text(content, "key")!))
            {
                var agreement = new Agreement { Content = content.ToJsonString(RegistryContent.Json), Stage = RegistryStage.Published, PublishedAt = now };
                RegistryContent.Describe(agreement, content);
                db.Agreements.Add(agreement);
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>The entries of a folder's YAML files (one per file, or a list per file), each with its file name.</summary>
    private static async Task<List<(string File, JsonObject Content)>> ReadAsync(string folder, bool list, CancellationToken ct)
    {
        var entries = new List<(string, JsonObject)>();
        if (!Directory.Exists(folder))
        {
            return entries;
        }

        foreach (var path in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var name = $"{Path.GetFileName(folder)}/{Path.GetFileName(path)}";
            JsonNode? node;
            try
            {
                node = RegistryContent.FromYaml(await File.ReadAllTextAsync(path, ct));
            }
            catch (YamlException e)
            {
                throw new DataFileException(name, $"line {e.Start.Line}, column {e.Start.Column}: {e.Message}", e);
            }

            var items = list ? node as JsonArray : new JsonArray(node);
            if (items is null || items.Any(i => i is not JsonObject))
            {
                throw new DataFileException(name, list ? "the file is a list of entries." : "the file is one entry.");
            }

            entries.AddRange(items.Select(i => (name, (JsonObject)i!.DeepClone())));
        }

        return entries;
    }

    private static IEnumerable<(string File, JsonObject Content)> Checked(
        List<(string File, JsonObject Content)> entries, RegistryKind kind, IReadOnlySet<string> references, IReadOnlySet<string> countries)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (file, content) in entries)
        {
            var errors = RegistryContent.Validate(content, kind, references, countries);
            var key = RegistryContent.Text(content, "key");
            if (errors.Count > 0)
            {
                throw new DataFileException(file, $"'{key}': {string.Join(" ", errors.SelectMany(e => e.Value))}");
            }

            if (!keys.Add(key!))
            {
                throw new DataFileException(file, $"the key '{key}' is used twice.");
            }

            yield return (file, content);
        }
    }
}
