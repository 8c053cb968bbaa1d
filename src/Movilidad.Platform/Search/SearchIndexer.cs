using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Movilidad.Platform.Data;
using Movilidad.Platform.Plans;

namespace Movilidad.Platform.Search;

/// <summary>
/// Keeps the search index in step with the saves of <see cref="ISearchable"/> entities, in the transaction of the save
/// (<see cref="MovilidadDb"/> calls it around every save), and rebuilds it (<c>movilidad search reindex</c>). An entity's
/// entry is computed from a fresh read of the entity with its navigations (two levels of references, one of
/// collections), whatever the saving code had loaded, and ignoring the publication filters of the reader who saved.
/// </summary>
public static class SearchIndexer
{
    private const int Batch = 400;

    /// <summary>The index's tables: derived from the others, rebuilt rather than copied by a portable backup.</summary>
    public static readonly IReadOnlySet<string> DerivedTables = new HashSet<string>(["SearchEntries", "SearchFacets"], StringComparer.Ordinal);

    /// <summary>What a save changes in the index, noted before the save (deleted entities lose their state after it).</summary>
    internal sealed class PendingChanges
    {
        public List<EntityEntry> Saved { get; } = [];
        public List<string> Removed { get; } = [];
        public List<int> PlansRepublished { get; } = [];

        public bool IsEmpty => Saved.Count == 0 && Removed.Count == 0 && PlansRepublished.Count == 0;
    }

    internal static PendingChanges Capture(ChangeTracker tracker)
    {
        var pending = new PendingChanges();
        foreach (var entry in tracker.Entries())
        {
            if (entry.Entity is ISearchable)
            {
                switch (entry.State)
                {
                    case EntityState.Added or EntityState.Modified:
                        pending.Saved.Add(entry);
                        break;
                    case EntityState.Deleted:
                        pending.Removed.Add(Source(entry.Metadata, KeyOf(entry)));
                        break;
                }
            }
            else if (entry is { Entity: Plan plan, State: EntityState.Modified } && entry.Property(nameof(Plan.IsPublished)).IsModified)
            {
                // Whether anyone may find a plan's elements, activities and indicators follows the plan's publication.
                pending.PlansRepublished.Add(plan.Id);
            }
        }

        return pending;
    }

    /// <summary>Writes the index rows of what was saved; the caller holds the transaction of the save.</summary>
    internal static async Task ApplyAsync(MovilidadDb db, PendingChanges pending, CancellationToken ct)
    {
        var byType = new Dictionary<IEntityType, HashSet<int>>();
        foreach (var entry in pending.Saved)
        {
            Ids(byType, entry.Metadata).Add(KeyOf(entry));
        }

        if (pending.PlansRepublished.Count > 0)
        {
            var plans = pending.PlansRepublished;
            Ids(byType, db.Model.FindEntityType(typeof(PlanElement))!).UnionWith(
                await db.PlanElements.IgnoreQueryFilters().Where(e => plans.Contains(e.PlanId)).Select(e => e.Id).ToListAsync(ct));
            Ids(byType, db.Model.FindEntityType(typeof(Monitoring.Activity))!).UnionWith(
                await db.Activities.IgnoreQueryFilters().Where(a => plans.Contains(a.Action!.PlanId)).Select(a => a.Id).ToListAsync(ct));
            Ids(byType, db.Model.FindEntityType(typeof(Indicators.Indicator))!).UnionWith(
                await db.Indicators.IgnoreQueryFilters().Where(i => plans.Contains(i.PlanId)).Select(i => i.Id).ToListAsync(ct));
        }

        await RemoveAsync(db, pending.Removed, ct);
        foreach (var (type, ids) in byType)
        {
            foreach (var chunk in ids.Chunk(Batch))
            {
                await IndexAsync(db, type, chunk, ct);
            }
        }
    }

    /// <summary>
    /// Rebuilds the whole index from the entities, in one transaction; returns the number of entries written. With
    /// <paramref name="announce"/>, the data version moves so that what the web nodes keep of the index is read again; a
    /// restore into a new database, which no node has read, leaves the version it restored.
    /// </summary>
    public static async Task<int> ReindexAsync(MovilidadDb db, bool announce = true, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SearchFacets.ExecuteDeleteAsync(ct);
        await db.SearchEntries.ExecuteDeleteAsync(ct);
        var written = 0;
        foreach (var type in SearchableTypes(db))
        {
            var ids = await (Task<List<int>>)typeof(SearchIndexer).GetMethod(nameof(AllIdsAsync), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(type.ClrType).Invoke(null, [db, type, ct])!;
            foreach (var chunk in ids.Chunk(Batch))
            {
                written += await IndexAsync(db, type, chunk, ct);
            }
        }

        // The rows were written around the change tracker's hook: what is kept of the index (SearchCounts) must see them.
        if (announce)
        {
            db.ContentChanged();
        }

        await transaction.CommitAsync(ct);
        return written;
    }

    /// <summary>Builds the index when it is empty while there is content to find; answers whether it did.</summary>
    public static async Task<bool> ReindexIfEmptyAsync(MovilidadDb db, CancellationToken ct = default)
    {
        if (await db.SearchEntries.AnyAsync(ct) || !await db.PlanElements.IgnoreQueryFilters().AnyAsync(ct))
        {
            return false;
        }

        await ReindexAsync(db, ct: ct);
        return true;
    }

    /// <summary>The row the index keeps of one entry.</summary>
    public static IndexedEntry ToRow(string source, SearchEntry entry)
    {
        var row = new IndexedEntry
        {
            Source = source,
            Kind = Clip(entry.Kind, 40),
            Key = Clip(entry.Key, 200),
            Path = Clip(entry.Path, 400),
            TitleEs = entry.TitleEs,
            TitleEn = entry.TitleEn,
            TextEs = entry.TextEs,
            TextEn = entry.TextEn,
            IsPublic = entry.Public,
            Language = entry.Language is null ? null : Clip(entry.Language, 8),
            Year = entry.Year,
            FtsTitle = TextSearch.SpanishIndexText(entry.TitleEs) + " " + TextSearch.EnglishIndexText(entry.TitleEn),
            FtsBody = TextSearch.SpanishIndexText(entry.TextEs) + " " + TextSearch.EnglishIndexText(entry.TextEn),
        };
        var languages = entry.Language is { } language
            ? [language]
            : new[] { (entry.TitleEs + entry.TextEs).Trim().Length > 0 ? "es" : null, (entry.TitleEn + entry.TextEn).Trim().Length > 0 ? "en" : null };
        var facets = new[] { ("type", (IEnumerable<string?>)[entry.Kind]), ("country", entry.Countries), ("line", entry.Lines), ("objective", entry.Objectives), ("topic", entry.Topics), ("language", languages), ("year", [entry.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture)]) };
        row.Facets = facets
            .SelectMany(f => f.Item2.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => (Name: f.Item1, Value: Clip(v!.Trim(), IndexedEntryConfiguration.FacetValueMaxLength))))
            .Distinct()
            .Select(f => new IndexedFacet { Name = f.Name, Value = f.Value })
            .ToList();
        return row;
    }

    public static IEnumerable<IEntityType> SearchableTypes(MovilidadDb db) =>
        db.Model.GetEntityTypes().Where(t => !t.ClrType.IsAbstract && t.ClrType.IsAssignableTo(typeof(ISearchable)));

    private static string Clip(string value, int length) => value.Length <= length ? value : value[..length];

    private static HashSet<int> Ids(Dictionary<IEntityType, HashSet<int>> byType, IEntityType type)
    {
        if (!byType.TryGetValue(type, out var ids))
        {
            byType[type] = ids = [];
        }

        return ids;
    }

    private static int KeyOf(EntityEntry entry) =>
        Convert.ToInt32(entry.Property(entry.Metadata.FindPrimaryKey()!.Properties.Single().Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture);

    private static string Source(IEntityType type, int id) => $"{type.ClrType.Name}:{id}";

    private static async Task RemoveAsync(MovilidadDb db, List<string> sources, CancellationToken ct)
    {
        if (sources.Count > 0)
        {
            await db.SearchEntries.Where(e => sources.Contains(e.Source)).ExecuteDeleteAsync(ct);
        }
    }

    private static async Task<int> IndexAsync(MovilidadDb db, IEntityType type, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var entities = await (Task<List<ISearchable>>)typeof(SearchIndexer).GetMethod(nameof(LoadAsync), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(type.ClrType).Invoke(null, [db, type, ids, ct])!;
        var key = type.FindPrimaryKey()!.Properties.Single().PropertyInfo!;
        await RemoveAsync(db, ids.Select(id => Source(type, id)).ToList(), ct);
        var rows = entities
            .Select(e => (Entity: e, Entry: e.ToSearchEntry()))
            .Where(e => e.Entry is not null)
            .Select(e => ToRow(Source(type, (int)key.GetValue(e.Entity)!), e.Entry!))
            .ToList();
        if (db.Database.IsNpgsql())
        {
            // The FTS5 columns are SQLite's: on PostgreSQL they would only double the rows the full-text search reads.
            rows.ForEach(row => (row.FtsTitle, row.FtsBody) = (string.Empty, string.Empty));
        }

        if (rows.Count > 0)
        {
            await db.SaveIndexRowsAsync(rows, ct);
        }

        return rows.Count;
    }

    private static async Task<List<int>> AllIdsAsync<T>(MovilidadDb db, IEntityType type, CancellationToken ct)
        where T : class
    {
        var key = type.FindPrimaryKey()!.Properties.Single().Name;
        return await db.Set<T>().IgnoreQueryFilters().Select(e => EF.Property<int>(e, key)).ToListAsync(ct);
    }

    private static async Task<List<ISearchable>> LoadAsync<T>(MovilidadDb db, IEntityType type, IReadOnlyCollection<int> ids, CancellationToken ct)
        where T : class
    {
        var key = type.FindPrimaryKey()!.Properties.Single().Name;
        var query = db.Set<T>().IgnoreQueryFilters().AsNoTracking().AsSplitQuery();
        query = IncludePaths(type).Aggregate(query, (q, path) => q.Include(path));
        var list = await query.Where(e => ids.Contains(EF.Property<int>(e, key))).ToListAsync(ct);
        return list.Cast<ISearchable>().ToList();
    }

    /// <summary>
    /// The navigations an entry may read: every reference and its references; every collection (not of the entity's own
    /// type, nor of other searchable entities) and its items' references.
    /// </summary>
    private static IEnumerable<string> IncludePaths(IEntityType type)
    {
        foreach (var navigation in type.GetNavigations())
        {
            var target = navigation.TargetEntityType;
            if (navigation.IsCollection && (target.ClrType == type.ClrType || target.ClrType.IsAssignableTo(typeof(ISearchable))))
            {
                continue;
            }

            yield return navigation.Name;
            foreach (var next in target.GetNavigations().Where(n => !n.IsCollection))
            {
                yield return $"{navigation.Name}.{next.Name}";
            }
        }
    }
}
