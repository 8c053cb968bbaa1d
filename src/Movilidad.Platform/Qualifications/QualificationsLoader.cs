using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Programmes;
using YamlDotNet.Core;

namespace Movilidad.Platform.Qualifications;

/// <summary>
/// Loads the qualification procedures of <c>data/qualifications/procedures.yaml</c> (after the registry's sources and the
/// national bodies), each checked as an edit is. A procedure already in the database is left as it is, so what the
/// Secretariat and the focal points changed in the platform is kept; new ones are published. All of it lands, or none.
/// </summary>
public sealed class QualificationsLoader(MovilidadDb db, TimeProvider clock) : IContentLoader
{
    public int Order => 520;

    public Task LoadAsync(string dataFolder, CancellationToken ct = default) =>
        SourcedFile.LoadAsync<QualificationProcedure>(db, clock, dataFolder, "procedures", RegistryKind.Procedure, ProcedureRules.Describe, ct);

    /// <summary>The currencies, ISCO-08 groups, national bodies and procedures' keys a procedure or standard may name.</summary>
    public static async Task<ProcedureCodes> CodesAsync(MovilidadDb db, CancellationToken ct) => new(
        (await db.Currencies.Select(c => c.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal),
        (await db.Occupations.Select(o => o.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal),
        (await db.NationalBodies.Select(b => b.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal),
        (await db.QualificationProcedures.Select(p => p.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal));
}

/// <summary>
/// Loads the competency standards and occupational profiles of <c>data/qualifications/standards.yaml</c> after the
/// procedures they name, each checked as an edit is; like the procedures, a standard already in the database is left as
/// it is (edits are kept, nothing is duplicated), new ones are published, and all of it lands or none.
/// </summary>
public sealed class StandardsLoader(MovilidadDb db, TimeProvider clock) : IContentLoader
{
    public int Order => 530;

    public Task LoadAsync(string dataFolder, CancellationToken ct = default) =>
        SourcedFile.LoadAsync<CompetencyStandard>(db, clock, dataFolder, "standards", RegistryKind.Standard, StandardRules.Describe, ct);
}

/// <summary>One file of <c>data/qualifications/</c> (<c>{list}.yaml</c> with a list under the same name) loaded into the registry.</summary>
internal static class SourcedFile
{
    public static async Task LoadAsync<T>(MovilidadDb db, TimeProvider clock, string dataFolder, string list, RegistryKind kind, Action<T, JsonObject> describe, CancellationToken ct)
        where T : RegistryEntry, new()
    {
        var file = $"qualifications/{list}.yaml";
        var path = Path.Combine(dataFolder, "qualifications", $"{list}.yaml");
        if (!File.Exists(path))
        {
            return;
        }

        JsonNode? document;
        try
        {
            document = RegistryContent.FromYaml(await File.ReadAllTextAsync(path, ct));
        }
        catch (YamlException e)
        {
            throw new DataFileException(file, $"line {e.Start.Line}, column {e.Start.Column}: {e.Message}", e);
        }

        if (RegistryContent.At(document, list) is not JsonArray entries || entries.Any(p => p is not JsonObject))
        {
            throw new DataFileException(file, $"{list} is a list of entries.");
        }

        var references = (await db.SourceReferences.Select(r => r.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var countries = (await db.Countries.Select(c => c.Alpha2).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var codes = await QualificationsLoader.CodesAsync(db, ct);
        var existing = (await db.Set<T>().Select(p => p.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var content in entries.Cast<JsonObject>())
        {
            var errors = RegistryContent.Validate(content, kind, references, countries, codes);
            var key = RegistryContent.Text(content, "key");
            if (errors.Count > 0)
            {
                throw new DataFileException(file, $"'{key}': {string.Join(" ", errors.SelectMany(e => e.Value))}");
            }

            if (!keys.Add(key!))
            {
                throw new DataFileException(file, $"the key '{key}' is used twice.");
            }

            if (existing.Add(key!))
            {
                var entry = new T { Content = content.ToJsonString(RegistryContent.Json), Stage = RegistryStage.Published, PublishedAt = now };
                describe(entry, content);
                db.Set<T>().Add(entry);
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
