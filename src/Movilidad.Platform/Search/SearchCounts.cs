using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Numerics;
using Movilidad.Platform.Data;

namespace Movilidad.Platform.Search;

/// <summary>The total of a search and every facet's values among its results with their counts, most frequent first.</summary>
public sealed record SearchCount(int Total, IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets)
{
    /// <summary>
    /// When more entries match than a search ranks (<see cref="SearchEngine.RankedAtMost"/>), the lowest id it ranks: the
    /// results from it up are the newest that many; otherwise null, every result is ranked.
    /// </summary>
    public long? RankedFrom { get; init; }
}

/// <summary>
/// Counts searches cheaply and keeps the counts, per database and per data version read from the database itself at each
/// query (the stored version every content write moves, <see cref="StoredDataVersion"/>), so that a write on any web node
/// or by the command line is seen by the next query of every node:
/// <list type="bullet">
/// <item>the facet values of every entry, read once per version as bit sets (<see cref="FacetSets"/>): a match is counted
/// by reading its ids only (the full-text index, no facet row) and a few AND and population counts per facet value;</item>
/// <item>the entries each word (or phrase) of a query matches, read once per version as a bit set (<see cref="MatchSets"/>):
/// words repeat across queries far more than queries do, and a query's match is the sets of its words combined;</item>
/// <item>the count of each query (its words, filters, and whether the reader sees entries that are not public: a reader
/// with less access never gets the counts of one with more), kept under that version.</item>
/// </list>
/// Writes that bypass the platform (SQL typed by hand) are not seen: what is kept also expires after
/// <see cref="DataVersion.MaximumAge"/>. One instance per process (a singleton); it keeps the latest version of a few databases.
/// </summary>
public sealed class SearchCounts(TimeProvider clock)
{
    /// <summary>Queries' counts kept per version; past this many the kept ones are dropped (a bound, not a policy).</summary>
    public const int MaxKeptQueries = 20_000;

    private const int MaxDatabases = 8;

    private readonly ConcurrentDictionary<string, Snapshot> databases = new(StringComparer.Ordinal);

    /// <summary>What one query's count depends on, besides the version: the match as sent to the database, who reads, and how many results are ranked.</summary>
    internal sealed record Key(string Match, bool Similar, bool SeesRestricted, string Filters, int RankedAtMost);

    /// <summary>
    /// The count of a query: kept, or counted from the set <paramref name="matched"/> gives (every entry of the match,
    /// whoever may see it and whatever the filters, read with the sets of the current version) against its facet sets.
    /// </summary>
    internal async Task<SearchCount> CountAsync(
        DbConnection connection, Key key, IReadOnlyList<KeyValuePair<string, string>> filters, Func<MatchSets, Task<ulong[]>> matched, CancellationToken ct)
    {
        // The version is read first: whatever is read after it holds at least every change it announces.
        var version = await ReadVersionAsync(connection, ct);
        var snapshot = Current(connection.ConnectionString, version);
        if (snapshot.Counts.TryGetValue(key, out var kept))
        {
            return kept;
        }

        var sets = await snapshot.SetsAsync(connection, ct);
        var count = sets.Count(await matched(new MatchSets(sets, snapshot.Words)), filters, key.SeesRestricted, key.RankedAtMost);
        if (snapshot.Counts.Count >= MaxKeptQueries)
        {
            snapshot.Counts.Clear();
        }

        snapshot.Counts[key] = count;
        return count;
    }

    /// <summary>The snapshot of this version or a newer one, still young; else a new one (its facet sets read at first use).</summary>
    private Snapshot Current(string database, long version)
    {
        var now = clock.GetUtcNow();
        if (!databases.ContainsKey(database) && databases.Count >= MaxDatabases)
        {
            databases.Clear();
        }

        return databases.AddOrUpdate(
            database,
            _ => new Snapshot(version, now),
            (_, old) => old.Version >= version && now - old.Taken < DataVersion.MaximumAge ? old : new Snapshot(version, now));
    }

    private static async Task<long> ReadVersionAsync(DbConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = StoredDataVersion.ReadSql;
        return await command.ExecuteScalarAsync(ct) is { } value and not DBNull ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : -1;
    }

    private sealed class Snapshot(long version, DateTimeOffset taken)
    {
        private readonly Lock gate = new();
        private Task<FacetSets>? sets;

        public long Version { get; } = version;
        public DateTimeOffset Taken { get; } = taken;
        public ConcurrentDictionary<Key, SearchCount> Counts { get; } = new();

        /// <summary>The entries of each word or phrase asked under this version (<see cref="MatchSets"/>).</summary>
        public ConcurrentDictionary<string, MatchSets.Kept> Words { get; } = new(StringComparer.Ordinal);

        /// <summary>The facet sets, read once by the first query that needs them (on its connection) and shared with the others.</summary>
        public async Task<FacetSets> SetsAsync(DbConnection connection, CancellationToken ct)
        {
            while (true)
            {
                Task<FacetSets> reading;
                TaskCompletionSource<FacetSets>? mine = null;
                lock (gate)
                {
                    if (sets is null || sets.IsFaulted || sets.IsCanceled)
                    {
                        mine = new TaskCompletionSource<FacetSets>(TaskCreationOptions.RunContinuationsAsynchronously);
                        sets = mine.Task;
                    }

                    reading = sets;
                }

                if (mine is not null)
                {
                    try
                    {
                        var read = await FacetSets.ReadAsync(connection, ct);
                        mine.SetResult(read);
                        return read;
                    }
                    catch (Exception e)
                    {
                        // The others waiting share the failure; a cancellation is this query's own, and one of them reads again.
                        if (e is OperationCanceledException)
                        {
                            mine.SetCanceled(CancellationToken.None);
                        }
                        else
                        {
                            mine.SetException(e);
                        }

                        throw;
                    }
                }

                try
                {
                    return await reading.WaitAsync(ct);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    // The query that was reading them went away; this one is still here: it reads them.
                }
            }
        }
    }
}

/// <summary>
/// The match of a query as a set over the entries of <see cref="FacetSets"/> (bit i for its i-th entry): the sets of its
/// words and phrases, each read from the full-text index once per data version and kept, combined with AND and OR.
/// What is kept is bounded: past <see cref="MaxKeptBits"/> bits the kept sets are dropped.
/// </summary>
internal sealed class MatchSets
{
    /// <summary>The bits of the words' sets kept per version, at most (32 MB).</summary>
    public const long MaxKeptBits = 256L * 1024 * 1024;

    private readonly FacetSets sets;
    private readonly ConcurrentDictionary<string, Kept> kept;

    internal MatchSets(FacetSets sets, ConcurrentDictionary<string, Kept> kept) => (this.sets, this.kept) = (sets, kept);

    /// <summary>A word's set; null when the word matches whatever the entry (a word the text search ignores, as a stop word).</summary>
    internal sealed record Kept(ulong[]? Entries);

    /// <summary>
    /// The set of a word or phrase, named by <paramref name="key"/> (what the database is asked), kept or read by
    /// <paramref name="read"/> (the ids it matches; null when it places no condition).
    /// </summary>
    public async Task<ulong[]?> WordAsync(string key, Func<Task<List<long>?>> read)
    {
        if (kept.TryGetValue(key, out var known))
        {
            return known.Entries;
        }

        var ids = await read();
        var entries = ids is null ? null : sets.Of(ids);
        if ((kept.Count + 1L) * sets.Length > MaxKeptBits)
        {
            kept.Clear();
        }

        kept[key] = new Kept(entries);
        return entries;
    }

    /// <summary>The set of these ids, not kept.</summary>
    public ulong[] Of(IEnumerable<long> ids) => sets.Of(ids);

    /// <summary>The entries in every set (a null set places no condition); null when every set is null.</summary>
    public static ulong[]? And(IEnumerable<ulong[]?> all)
    {
        ulong[]? result = null;
        foreach (var set in all.OfType<ulong[]>())
        {
            if (result is null)
            {
                result = (ulong[])set.Clone();
                continue;
            }

            for (var i = 0; i < result.Length; i++)
            {
                result[i] &= set[i];
            }
        }

        return result;
    }

    /// <summary>The entries in either set (a null set holds none).</summary>
    public ulong[] Either(ulong[]? a, ulong[]? b)
    {
        var result = new ulong[(sets.Length + 63) / 64];
        foreach (var set in new[] { a, b }.OfType<ulong[]>())
        {
            for (var i = 0; i < result.Length; i++)
            {
                result[i] |= set[i];
            }
        }

        return result;
    }
}

/// <summary>
/// The facet values of every entry of the index, as bit sets over the entries (bit i for the i-th entry in the order of
/// their ids; a value held by fewer than one entry in 32 as the list of its entries instead, which is smaller), and the
/// set of the entries that are not public. The entries are those with facet rows: every entry has its
/// type, and the grouped count counts by type too. Read from the facets' and the visibility's own indexes, never the
/// entries' wide rows, in two statements: a write committed between them moves the data version, so what was read then
/// is replaced at the next query.
/// </summary>
internal sealed class FacetSets
{
    private readonly long[] ids;
    private readonly ulong[] restricted;
    private readonly Dictionary<string, List<(string Value, Members Entries)>> facets;

    private FacetSets(long[] ids, ulong[] restricted, Dictionary<string, List<(string Value, Members Entries)>> facets) =>
        (this.ids, this.restricted, this.facets) = (ids, restricted, facets);

    public static async Task<FacetSets> ReadAsync(DbConnection connection, CancellationToken ct)
    {
        var rows = new List<(long Entry, int Value)>();
        var values = new Dictionary<(string Name, string Value), int>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """SELECT "EntryId", "Name", "Value" FROM "SearchFacets" """;
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var value = (reader.GetString(1), reader.GetString(2));
                if (!values.TryGetValue(value, out var index))
                {
                    values[value] = index = values.Count;
                }

                rows.Add((reader.GetInt64(0), index));
            }
        }

        var ids = rows.Select(r => r.Entry).Distinct().Order().ToArray();
        var words = (ids.Length + 63) / 64;
        var members = new List<int>[values.Count];
        for (var i = 0; i < members.Length; i++)
        {
            members[i] = [];
        }

        foreach (var (entry, value) in rows)
        {
            members[value].Add(Array.BinarySearch(ids, entry));
        }

        var restricted = new ulong[words];
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """SELECT "Id" FROM "SearchEntries" WHERE "IsPublic" = FALSE""";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                if (Array.BinarySearch(ids, reader.GetInt64(0)) is var i and >= 0)
                {
                    Set(restricted, i);
                }
            }
        }

        var facets = new Dictionary<string, List<(string Value, Members Entries)>>(StringComparer.Ordinal);
        foreach (var ((name, value), index) in values)
        {
            if (!facets.TryGetValue(name, out var named))
            {
                facets[name] = named = [];
            }

            named.Add((value, Members.Of(members[index], ids.Length)));
        }

        return new FacetSets(ids, restricted, facets);
    }

    /// <summary>How many entries the sets are over.</summary>
    public int Length => ids.Length;

    /// <summary>The set of these entries' ids (ids the sets do not hold, written after they were read, are left out).</summary>
    public ulong[] Of(IEnumerable<long> matched)
    {
        var set = new ulong[restricted.Length];
        foreach (var id in matched)
        {
            if (Array.BinarySearch(ids, id) is var i and >= 0)
            {
                Set(set, i);
            }
        }

        return set;
    }

    /// <summary>The count of a match (a set over these entries), with the id of its <paramref name="rankedAtMost"/>-th newest entry when it holds more.</summary>
    public SearchCount Count(ulong[] matched, IReadOnlyList<KeyValuePair<string, string>> filters, bool seesRestricted, int rankedAtMost)
    {
        var match = (ulong[])matched.Clone();
        if (!seesRestricted)
        {
            for (var i = 0; i < match.Length; i++)
            {
                match[i] &= ~restricted[i];
            }
        }

        foreach (var (name, value) in filters)
        {
            var chosen = facets.GetValueOrDefault(name)?.FirstOrDefault(v => v.Value == value).Entries;
            if (chosen is null)
            {
                Array.Clear(match);
                break;
            }

            chosen.Keep(match);
        }

        var counted = new Dictionary<string, List<FacetValue>>(StringComparer.Ordinal);
        foreach (var (name, values) in facets)
        {
            var found = values.Select(v => new FacetValue(v.Value, v.Entries.Common(match))).Where(v => v.Count > 0).ToList();
            if (found.Count > 0)
            {
                counted[name] = found;
            }
        }

        var total = match.Sum(w => BitOperations.PopCount(w));
        return new SearchCount(total, SearchEngine.Ordered(counted)) { RankedFrom = total > rankedAtMost ? Newest(match, rankedAtMost) : null };
    }

    /// <summary>The id of the entry of the <paramref name="n"/>-th highest bit of the set (its n-th newest entry), or null when it holds fewer.</summary>
    private long? Newest(ulong[] set, int n)
    {
        var above = 0;
        for (var w = set.Length - 1; w >= 0; w--)
        {
            var word = set[w];
            var bits = BitOperations.PopCount(word);
            if (above + bits < n)
            {
                above += bits;
                continue;
            }

            // The (n - above)-th highest bit of this word: the higher ones cleared.
            for (var k = n - above; k > 1; k--)
            {
                word &= ~(1UL << (63 - BitOperations.LeadingZeroCount(word)));
            }

            return ids[(w * 64) + 63 - BitOperations.LeadingZeroCount(word)];
        }

        return null;
    }

    private static void Set(ulong[] set, int i) => set[i >> 6] |= 1UL << (i & 63);

    /// <summary>The entries of one facet value: a bit set, or the list of their positions when they are few.</summary>
    private sealed class Members
    {
        private readonly ulong[]? bits;
        private readonly int[]? few;

        private Members(ulong[]? bits, int[]? few) => (this.bits, this.few) = (bits, few);

        public static Members Of(List<int> entries, int of)
        {
            if (entries.Count * 32 < of)
            {
                return new Members(null, [.. entries]);
            }

            var bits = new ulong[(of + 63) / 64];
            entries.ForEach(i => Set(bits, i));
            return new Members(bits, null);
        }

        /// <summary>How many of these entries the match holds.</summary>
        public int Common(ulong[] match)
        {
            var count = 0;
            if (bits is not null)
            {
                for (var i = 0; i < match.Length; i++)
                {
                    count += BitOperations.PopCount(match[i] & bits[i]);
                }
            }
            else
            {
                foreach (var i in few!)
                {
                    count += (int)((match[i >> 6] >> (i & 63)) & 1);
                }
            }

            return count;
        }

        /// <summary>Keeps in the match only these entries.</summary>
        public void Keep(ulong[] match)
        {
            var keep = bits;
            if (keep is null)
            {
                keep = new ulong[match.Length];
                foreach (var i in few!)
                {
                    Set(keep, i);
                }
            }

            for (var i = 0; i < match.Length; i++)
            {
                match[i] &= keep[i];
            }
        }
    }
}
