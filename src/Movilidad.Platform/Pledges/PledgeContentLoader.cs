using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Plans;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Movilidad.Platform.Pledges;

/// <summary>A plan element named by its plan's key and its own.</summary>
public sealed class ElementRefFile
{
    public string Plan { get; set; } = string.Empty;
    public string Key { get; set; } = string.Empty;
}

/// <summary>One entry of <c>data/pledges.yaml</c>.</summary>
public sealed class PledgeFile
{
    public string Key { get; set; } = string.Empty;
    public string Source { get; set; } = string.Empty;
    public List<string> Pledgers { get; set; } = [];
    public TextPair? Title { get; set; }
    public TextPair? Description { get; set; }
    public List<int> Gcm { get; set; } = [];
    public List<ElementRefFile> Elements { get; set; } = [];

    /// <summary>Plan indicators the pledge contributes to, by plan key and indicator key (as in <c>data/indicators/</c>).</summary>
    public List<ElementRefFile> Indicators { get; set; } = [];
}

/// <summary>
/// Loads <c>data/pledges.yaml</c>: adds the shipped pledges that are not in the database yet (published, matched by
/// key) and leaves the others as they are, so what people edited or reported here is kept. The file lands whole or not at all.
/// </summary>
public sealed class PledgeContentLoader(MovilidadDb db, TimeProvider clock) : IContentLoader
{
    public int Order => 400;

    public const string FileName = "pledges.yaml";

    private static readonly IDeserializer Deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();

    public async Task LoadAsync(string dataFolder, CancellationToken ct = default)
    {
        var path = Path.Combine(dataFolder, FileName);
        if (!File.Exists(path))
        {
            return;
        }

        List<PledgeFile> entries;
        try
        {
            entries = Deserializer.Deserialize<List<PledgeFile>>(await File.ReadAllTextAsync(path, ct)) ?? [];
        }
        catch (YamlException e)
        {
            throw new DataFileException(FileName, $"line {e.Start.Line}, column {e.Start.Column}: {e.InnerException?.Message ?? e.Message}", e);
        }

        var institutions = await db.Institutions.ToDictionaryAsync(i => i.Code, i => i.Id, ct);
        var elements = await db.PlanElements.IgnoreQueryFilters().Select(e => new { Plan = e.Plan!.Key, e.Key, e.Id }).ToListAsync(ct);
        var indicators = await db.Indicators.IgnoreQueryFilters().Select(i => new { Plan = i.Plan!.Key, i.Key, i.Id }).ToListAsync(ct);
        var existing = (await db.Pledges.Where(p => p.Key != null).Select(p => p.Key!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var entry in entries)
        {
            void Fail(string message) => throw new DataFileException(FileName, $"pledge '{entry.Key}': {message}");
            if (string.IsNullOrWhiteSpace(entry.Key) || !keys.Add(entry.Key))
            {
                Fail("every pledge has a key of its own.");
            }

            if (string.IsNullOrWhiteSpace(entry.Source))
            {
                Fail("name the source passage that states the pledge.");
            }

            if (string.IsNullOrWhiteSpace(entry.Title?.Es) || string.IsNullOrWhiteSpace(entry.Title?.En))
            {
                Fail("the title is needed in Spanish and English.");
            }

            var unknown = entry.Pledgers.Where(code => !institutions.ContainsKey(code)).ToList();
            if (entry.Pledgers.Count == 0 || unknown.Count > 0)
            {
                Fail($"name its pledgers by the codes of institutions.yaml (unknown: {string.Join(", ", unknown)}).");
            }

            var objectives = entry.Gcm.Where(o => o is < 1 or > 23).ToList();
            if (objectives.Count > 0)
            {
                Fail($"the Global Compact has objectives 1 to 23, not {string.Join(", ", objectives)}.");
            }

            var ids = entry.Elements.Select(r => elements.FirstOrDefault(e => e.Plan == r.Plan && e.Key == r.Key)?.Id).ToList();
            if (ids.Contains(null))
            {
                Fail($"no plan element {string.Join(", ", entry.Elements.Where((_, i) => ids[i] is null).Select(r => $"{r.Plan}/{r.Key}"))}.");
            }

            var indicatorIds = entry.Indicators.Select(r => indicators.FirstOrDefault(i => i.Plan == r.Plan && i.Key == r.Key)?.Id).ToList();
            if (indicatorIds.Contains(null))
            {
                Fail($"no indicator {string.Join(", ", entry.Indicators.Where((_, i) => indicatorIds[i] is null).Select(r => $"{r.Plan}/{r.Key}"))}.");
            }

            if (existing.Contains(entry.Key))
            {
                continue;
            }

            db.Pledges.Add(new Pledge
            {
                Key = entry.Key,
                Title = new Bilingual(entry.Title!.Es.Trim(), entry.Title.En.Trim()),
                Description = new Bilingual(entry.Description?.Es.Trim() ?? string.Empty, entry.Description?.En.Trim() ?? string.Empty),
                IsPublished = true,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
                Pledgers = [.. entry.Pledgers.Distinct(StringComparer.Ordinal).Select(code => new PledgePledger { InstitutionId = institutions[code] })],
                GcmObjectives = [.. entry.Gcm.Distinct().Select(o => new PledgeGcmObjective { Objective = o })],
                Elements = [.. ids.Distinct().Select(id => new PledgeElement { ElementId = id!.Value })],
                Indicators = [.. indicatorIds.Distinct().Select(id => new PledgeIndicator { IndicatorId = id!.Value })],
            });
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }
}
