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

    public async Task LoadAsync(string dataFolder, CancellationToken ct = default)
    {
        const string file = "qualifications/procedures.yaml";
        var path = Path.Combine(dataFolder, "qualifications", "procedures.yaml");
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

        if (RegistryContent.At(document, "procedures") is not JsonArray procedures || procedures.Any(p => p is not JsonObject))
        {
            throw new DataFileException(file, "procedures is a list of entries.");
        }

        var references = (await db.SourceReferences.Select(r => r.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var countries = (await db.Countries.Select(c => c.Alpha2).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var codes = await CodesAsync(db, ct);
        var existing = (await db.QualificationProcedures.Select(p => p.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var content in procedures.Cast<JsonObject>())
        {
            var errors = RegistryContent.Validate(content, RegistryKind.Procedure, references, countries, codes);
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
                var procedure = new QualificationProcedure { Content = content.ToJsonString(RegistryContent.Json), Stage = RegistryStage.Published, PublishedAt = now };
                ProcedureRules.Describe(procedure, content);
                db.QualificationProcedures.Add(procedure);
            }
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>The currencies, ISCO-08 groups and national bodies a procedure may name.</summary>
    public static async Task<ProcedureCodes> CodesAsync(MovilidadDb db, CancellationToken ct) => new(
        (await db.Currencies.Select(c => c.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal),
        (await db.Occupations.Select(o => o.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal),
        (await db.NationalBodies.Select(b => b.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal));
}
