using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;

namespace Movilidad.Platform.Search;

/// <summary>What a reader asks.</summary>
/// <param name="Query">Words and "quoted phrases".</param>
/// <param name="Filters">The facet values chosen, by facet name (<see cref="SearchEngine.FacetNames"/>).</param>
/// <param name="Page">From 1.</param>
/// <param name="SeesRestricted">Whether the reader also finds entries that are not public (see <see cref="SearchEntry.Public"/>).</param>
/// <param name="English">Whether titles and snippets are shown in English first.</param>
public sealed record SearchRequest(string? Query, IReadOnlyDictionary<string, string> Filters, int Page, bool SeesRestricted, bool English);

/// <summary>One result: its title in the reader's language, an HTML snippet where only the marks are markup.</summary>
public sealed record SearchResultItem(string Kind, string Key, string Path, string Title, string Snippet, bool Public);

public sealed record FacetValue(string Value, int Count);

/// <summary>A page of results, the total, and the counts of every facet value over all the results.</summary>
/// <param name="Query">As asked.</param>
/// <param name="Total">How many entries matched.</param>
/// <param name="Page">This page, from 1.</param>
/// <param name="PageSize">Results per page.</param>
/// <param name="Results">This page's results, best first.</param>
/// <param name="Facets">Per facet, its values among all the results with their counts, most frequent first.</param>
/// <param name="Similar">No entry had the words: these are titles similar to them (PostgreSQL's trigrams).</param>
public sealed record SearchAnswer(
    string Query, int Total, int Page, int PageSize, bool Similar, IReadOnlyList<SearchResultItem> Results, IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets);

/// <summary>
/// The platform-wide search over the index (<see cref="IndexedEntry"/>): SQLite FTS5 (bm25 ranking, Spanish stems
/// computed here, porter for English) or PostgreSQL full text (<c>websearch_to_tsquery</c> with the Spanish and English
/// configurations and unaccent, <c>ts_rank</c>, <c>ts_headline</c>, pg_trgm similarity of titles when nothing matches).
/// A query is read as words and "quoted phrases" only, so no operator of either database reaches it.
/// </summary>
public static class SearchEngine
{
    public const int PageSize = 20;
    public const int MaxPage = 500;
    public const int MaxQueryLength = 500;

    /// <summary>
    /// The most entries a query ranks: when more match (visible to the reader and of the values chosen), the newest this
    /// many of them (the highest ids: the entries written last) are ranked, and the older ones follow them newest first.
    /// Ranking reads every ranked entry's full-text data (FTS5's bm25, PostgreSQL's <c>ts_rank</c> of its <c>tsvector</c>):
    /// a query of common words matching a third of 100,000 entries would otherwise rank them all for a page of 20.
    /// </summary>
    public const int RankedAtMost = 2000;
    private const int MaxClauses = 12;
    private const int MaxFacetValues = 30;
    private const char MarkStart = '\uE000';
    private const char MarkEnd = '\uE001';

    public static readonly IReadOnlyList<string> FacetNames = ["type", "country", "line", "objective", "topic", "language", "year"];

    /// <summary>The stages of a search, in order, as <c>stageDone</c> of <see cref="SearchAsync"/> names them when each ends.</summary>
    public static readonly IReadOnlyList<string> Stages = ["count", "page", "snippets"];

    /// <summary>The query as clauses: each a word or a phrase (its words), folded.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Parse(string? query)
    {
        var clauses = new List<IReadOnlyList<string>>();
        var parts = (query ?? string.Empty).Split('"');
        for (var i = 0; i < parts.Length && clauses.Count < MaxClauses; i++)
        {
            var words = TextSearch.Words(parts[i]).Where(w => w.Length <= 64).ToList();
            if (i % 2 == 1 && i < parts.Length - 1 && words.Count > 1)
            {
                clauses.Add(words.Take(MaxClauses).ToList());
                continue;
            }

            clauses.AddRange(words.Distinct().Select(w => (IReadOnlyList<string>)[w]));
        }

        return clauses.Take(MaxClauses).ToList();
    }

    /// <summary>
    /// Searches; the total and the facets' counts come from <paramref name="counts"/> (the process's, kept per data
    /// version) or, without it, from a grouped query over the match's facet rows. <paramref name="stageDone"/>, when
    /// given, is called with the name of each stage (<see cref="Stages"/>) as it ends.
    /// </summary>
    public static Task<SearchAnswer> SearchAsync(this MovilidadDb db, SearchRequest request, SearchCounts? counts, CancellationToken ct, Action<string>? stageDone = null) =>
        SearchCountedAsync(db, request, stageDone ?? (_ => { }), counts, broadCount: null, RankedAtMost, ct);

    /// <summary>
    /// As the public one; <paramref name="broadCount"/> chooses how SQLite counts without <paramref name="counts"/> (null:
    /// by the match's size), and <paramref name="rankedAtMost"/> bounds the ranking (<see cref="RankedAtMost"/>), for tests.
    /// </summary>
    internal static async Task<SearchAnswer> SearchCountedAsync(
        MovilidadDb db, SearchRequest request, Action<string> stageDone, SearchCounts? counts, bool? broadCount, int rankedAtMost, CancellationToken ct)
    {
        var clauses = Parse(request.Query);
        var page = Math.Clamp(request.Page, 1, MaxPage);
        var empty = new SearchAnswer(request.Query ?? string.Empty, 0, page, PageSize, false, [], new Dictionary<string, IReadOnlyList<FacetValue>>());
        if (clauses.Count == 0)
        {
            return empty;
        }

        var postgres = db.Database.IsNpgsql();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var ask = new Asked(request, clauses, page, postgres, rankedAtMost);
            var answer = await RunAsync(connection, ask, similar: false, stageDone, counts, broadCount, ct);
            if (answer.Total == 0 && postgres && clauses.All(c => c.Count == 1))
            {
                answer = await RunAsync(connection, ask, similar: true, stageDone, counts, broadCount, ct);
            }

            return answer;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>A search as read: the request, its clauses, the page, the database, and how many matches are ranked at most.</summary>
    private sealed record Asked(SearchRequest Request, IReadOnlyList<IReadOnlyList<string>> Clauses, int Page, bool Postgres, int RankedAtMost);

    private static async Task<SearchAnswer> RunAsync(
        DbConnection connection, Asked asked, bool similar, Action<string> stageDone, SearchCounts? counts, bool? broadCount, CancellationToken ct)
    {
        var (request, clauses, page, postgres) = (asked.Request, asked.Clauses, asked.Page, asked.Postgres);
        var filters = request.Filters
            .Where(f => FacetNames.Contains(f.Key) && !string.IsNullOrWhiteSpace(f.Value))
            .Select(f => KeyValuePair.Create(f.Key, f.Value.Trim()))
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .ToList();
        // PostgreSQL: each clause as websearch_to_tsquery reads it, a word or a "quoted phrase".
        var terms = clauses.Select(c => c.Count == 1 ? c[0] : $"\"{string.Join(' ', c)}\"").ToList();
        var query = postgres ? string.Join(' ', terms) : Fts5Match(clauses);

        // What a matched entry (its id as `id`) must also be: visible to the reader, and of every facet value chosen. Each
        // is a set the database builds once (the entries not public: few, through their index; the entries of a value),
        // so the match never reads the wide rows of the entries it does not show.
        string Conditions(string id)
        {
            var conditions = new StringBuilder(request.SeesRestricted ? "TRUE" : $"{id} NOT IN (SELECT \"Id\" FROM \"SearchEntries\" WHERE \"IsPublic\" = FALSE)");
            for (var i = 0; i < filters.Count; i++)
            {
                conditions.Append(CultureInfo.InvariantCulture, $" AND {id} IN (SELECT \"EntryId\" FROM \"SearchFacets\" WHERE \"Name\" = @fn{i} AND \"Value\" = @fv{i})");
            }

            return conditions.ToString();
        }

        void Bind(DbCommand command)
        {
            Add(command, "query", query);
            for (var i = 0; postgres && !similar && i < terms.Count; i++)
            {
                Add(command, $"c{i}", terms[i]);
            }

            for (var i = 0; i < filters.Count; i++)
            {
                Add(command, $"fn{i}", filters[i].Key);
                Add(command, $"fv{i}", filters[i].Value);
            }
        }

        var tsquery = Tsquery(terms.Count);
        string Matches(string conditions) => postgres
            ? $"""
              SELECT e."Id" FROM "SearchEntries" e
              WHERE {(similar ? "(@query <% e.\"TitleEs\" OR @query <% e.\"TitleEn\")" : $"e.\"Document\" @@ {tsquery}")} AND {conditions}
              """
            : $"""SELECT rowid AS "Id" FROM "{SearchSql.Fts5Table}" WHERE "{SearchSql.Fts5Table}" MATCH @query AND {conditions}""";

        var id = postgres ? "e.\"Id\"" : "rowid";
        var count = counts is null
            ? await CountAsync(connection, Matches(Conditions(id)), Bind, postgres, query, broadCount, ct)
            : await counts.CountAsync(
                connection,
                new SearchCounts.Key(query, similar, request.SeesRestricted, string.Join('\n', filters.Select(f => $"{f.Key}={f.Value}")), asked.RankedAtMost),
                filters,
                async sets =>
                {
                    // Every entry of the match, whoever may see it and whatever the filters: the facet sets apply both.
                    async Task<List<long>> IdsAsync(string statement, params (string Name, string Value)[] parameters)
                    {
                        await using var command = connection.CreateCommand();
                        command.CommandText = postgres ? ThroughIndexes(statement) : statement;
                        foreach (var (name, value) in parameters)
                        {
                            Add(command, name, value);
                        }

                        var ids = new List<long>();
                        await using var reader = await ReadAsync(command, postgres, ct);
                        while (await reader.ReadAsync(ct))
                        {
                            ids.Add(reader.GetInt64(0));
                        }

                        return ids;
                    }

                    if (similar)
                    {
                        return sets.Of(await IdsAsync(Matches("TRUE"), ("query", query)));
                    }

                    if (!postgres)
                    {
                        // Every clause required: the query's match is the clauses' sets ANDed.
                        var each = new List<ulong[]?>();
                        foreach (var clause in clauses)
                        {
                            var match = Fts5Match([clause]);
                            each.Add(await sets.WordAsync(match, async () => await IdsAsync(Matches("TRUE"), ("query", match))));
                        }

                        return MatchSets.And(each)!;
                    }

                    // Every clause in Spanish, or every clause in English (the tsquery's two sides); a clause that one
                    // configuration ignores (a stop word) places no condition on its side, a side of no clause matches nothing.
                    var sides = new List<ulong[]?>();
                    foreach (var configuration in Configurations)
                    {
                        var each = new List<ulong[]?>();
                        foreach (var word in terms)
                        {
                            each.Add(await sets.WordAsync($"{configuration}\n{word}", async () =>
                            {
                                await using var command = connection.CreateCommand();
                                command.CommandText = $"SELECT numnode(websearch_to_tsquery('{configuration}', @word))";
                                Add(command, "word", word);
                                return Convert.ToInt32(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) == 0
                                    ? null
                                    : await IdsAsync($"""SELECT e."Id" FROM "SearchEntries" e WHERE e."Document" @@ websearch_to_tsquery('{configuration}', @word)""", ("word", word));
                            }));
                        }

                        sides.Add(MatchSets.And(each));
                    }

                    return sets.Either(sides[0], sides[1]);
                },
                ct);
        var total = count.Total;
        var rankedFrom = counts is null && total > asked.RankedAtMost
            ? await RankedFromAsync(connection, Matches(Conditions(id)), Bind, postgres, asked.RankedAtMost, ct)
            : count.RankedFrom;
        stageDone("count");

        var results = new List<SearchResultItem>();
        if (total > 0)
        {
            // The page: ranked and cut in the database (FTS5 sorts its matches by bm25 itself), then only its rows read.
            // When more entries match than are ranked, the page takes what it holds of the ranked newest (from the id
            // rankedFrom up), then of the older ones, newest first.
            var (skip, take) = ((page - 1) * PageSize, PageSize);
            var ranked = rankedFrom is null ? take : Math.Clamp(asked.RankedAtMost - skip, 0, take);
            var rankedMatch = $"{(rankedFrom is null ? string.Empty : $"{id} >= @rankedFrom AND ")}{Conditions(id)}";
            var parts = new List<string>();
            var selects = new List<string>();
            if (ranked > 0)
            {
                parts.Add(postgres
                    ? $"""
                      ranked AS (
                        SELECT e."Id", {(similar
                            ? "GREATEST(word_similarity(@query, e.\"TitleEs\"), word_similarity(@query, e.\"TitleEn\"))"
                            : $"ts_rank(e.\"Document\", {tsquery})")} AS "Rank"
                        FROM "SearchEntries" e
                        WHERE {(similar ? "(@query <% e.\"TitleEs\" OR @query <% e.\"TitleEn\")" : $"e.\"Document\" @@ {tsquery}")} AND {rankedMatch}
                        ORDER BY "Rank" DESC, e."Id" LIMIT @take OFFSET @skip)
                      """
                    : $"""
                      ranked AS (
                        SELECT rowid AS "Id", -rank AS "Rank" FROM "{SearchSql.Fts5Table}"
                        WHERE "{SearchSql.Fts5Table}" MATCH @query AND rank MATCH 'bm25(8.0, 1.0)' AND {rankedMatch}
                        ORDER BY rank, rowid LIMIT @take OFFSET @skip)
                      """);
                selects.Add("""SELECT "Id", "Rank", 0 AS "Part" FROM ranked""");
            }

            if (ranked < take)
            {
                parts.Add($"""
                    older AS (
                      SELECT "Id" FROM ({Matches($"{id} < @rankedFrom AND {Conditions(id)}")}) m
                      ORDER BY "Id" DESC LIMIT @olderTake OFFSET @olderSkip)
                    """);
                selects.Add($"""SELECT "Id", {(postgres ? "0::real" : "0.0")} AS "Rank", 1 AS "Part" FROM older""");
            }

            await using var command = connection.CreateCommand();
            var english = request.English;
            var headline = postgres && !similar
                ? $"""
                  , ts_headline(CASE WHEN (@english AND e."TextEn" <> '') OR e."TextEs" = '' THEN 'movilidad_en' ELSE 'movilidad_es' END::regconfig,
                      CASE WHEN (@english AND e."TextEn" <> '') OR e."TextEs" = '' THEN e."TextEn" ELSE e."TextEs" END, {tsquery}, @headline)
                  """
                : string.Empty;
            command.CommandText = $"""
                {(postgres ? ThroughIndexes(string.Empty) : string.Empty)}
                WITH {string.Join(", ", parts)}, page AS ({string.Join(" UNION ALL ", selects)})
                SELECT e."Kind", e."Key", e."Path", e."TitleEs", e."TitleEn", e."TextEs", e."TextEn", e."IsPublic"{headline}
                FROM page JOIN "SearchEntries" e ON e."Id" = page."Id"
                ORDER BY page."Part", page."Rank" DESC, CASE WHEN page."Part" = 0 THEN page."Id" ELSE -page."Id" END
                """;
            Bind(command);
            if (ranked > 0)
            {
                Add(command, "take", ranked);
                Add(command, "skip", skip);
            }

            if (rankedFrom is { } from)
            {
                Add(command, "rankedFrom", from);
            }

            if (ranked < take)
            {
                Add(command, "olderTake", take - ranked);
                Add(command, "olderSkip", Math.Max(0, skip - asked.RankedAtMost));
            }

            if (headline.Length > 0)
            {
                Add(command, "english", english);
                Add(command, "headline", $"StartSel={MarkStart}, StopSel={MarkEnd}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \"");
            }

            var words = clauses.SelectMany(c => c).ToList();
            var rows = new List<(SearchResultItem Item, string Text, string? Headline)>();
            await using (var reader = await ReadAsync(command, postgres, ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    var (titleEs, titleEn, textEs, textEn) = (reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6));
                    var title = english ? First(titleEn, titleEs) : First(titleEs, titleEn);
                    var text = english ? First(textEn, textEs) : First(textEs, textEn);
                    rows.Add((new SearchResultItem(reader.GetString(0), reader.GetString(1), reader.GetString(2), title, string.Empty, reader.GetBoolean(7)), text, headline.Length > 0 ? reader.GetString(8) : null));
                }
            }

            stageDone("page");
            results.AddRange(rows.Select(r => r.Item with { Snippet = r.Headline is { } marked ? Marked(marked) : Highlight(r.Text, words) }));
        }
        else
        {
            stageDone("page");
        }

        stageDone("snippets");

        return new SearchAnswer(request.Query ?? string.Empty, total, page, PageSize, similar, results, count.Facets);
    }

    /// <summary>
    /// The count without <see cref="SearchCounts"/>: one grouped query over the ids of the match (<paramref name="matches"/>,
    /// the reader's visibility and the filters applied) and their facet rows. SQLite groups by sorting: when the match
    /// holds more than a fifth of the entries, reading every facet row in the order of its (name, value) index and keeping
    /// those of the match is cheaper than sorting the match's facet rows.
    /// </summary>
    private static async Task<SearchCount> CountAsync(DbConnection connection, string matches, Action<DbCommand> bind, bool postgres, string query, bool? broadCount, CancellationToken ct)
    {
        var facets = new Dictionary<string, List<FacetValue>>(StringComparer.Ordinal);
        var broad = !postgres && (broadCount ?? await IsBroadAsync(connection, query, ct));
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = postgres ? ThroughIndexes(string.Empty) : string.Empty;
            command.CommandText += broad
                ? $"""
                  SELECT f."Name", f."Value", COUNT(*) FROM "SearchFacets" f INDEXED BY "IX_SearchFacets_Name_Value_EntryId"
                  WHERE f."EntryId" IN ({matches}) GROUP BY f."Name", f."Value"
                  """
                : $"""
                  WITH m AS ({matches})
                  SELECT f."Name", f."Value", COUNT(*) FROM m JOIN "SearchFacets" f ON f."EntryId" = m."Id" GROUP BY f."Name", f."Value"
                  """;
            bind(command);
            await using var reader = await ReadAsync(command, postgres, ct);
            while (await reader.ReadAsync(ct))
            {
                var name = reader.GetString(0);
                if (!facets.TryGetValue(name, out var values))
                {
                    facets[name] = values = [];
                }

                values.Add(new FacetValue(reader.GetString(1), Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture)));
            }
        }

        // Every entry has exactly one type: the type counts add up to the number of results.
        return new SearchCount(facets.TryGetValue("type", out var types) ? types.Sum(t => t.Count) : 0, Ordered(facets));
    }

    /// <summary>PostgreSQL's text search configurations of the index, Spanish and English (stemming and unaccent).</summary>
    private static readonly string[] Configurations = ["movilidad_es", "movilidad_en"];

    /// <summary>
    /// PostgreSQL: the tsquery of <paramref name="clauses"/> clauses (parameters <c>@c0</c>, <c>@c1</c>...): all of them
    /// in Spanish, or all of them in English. <c>&amp;&amp;</c> and <c>||</c> leave out a side that is empty (a stop word).
    /// </summary>
    private static string Tsquery(int clauses) =>
        "(" + string.Join(" || ", Configurations.Select(c => "(" + string.Join(" && ", Enumerable.Range(0, clauses).Select(i => $"websearch_to_tsquery('{c}', @c{i})")) + ")")) + ")";

    /// <summary>
    /// Without <see cref="SearchCounts"/>, for a match of more than <paramref name="rankedAtMost"/> entries (<paramref name="matches"/>,
    /// the reader's visibility and the filters applied): the id of its <paramref name="rankedAtMost"/>-th newest entry, the
    /// lowest one ranked.
    /// </summary>
    private static async Task<long?> RankedFromAsync(DbConnection connection, string matches, Action<DbCommand> bind, bool postgres, int rankedAtMost, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = (postgres ? ThroughIndexes(string.Empty) : string.Empty) + $"""SELECT "Id" FROM ({matches}) m ORDER BY "Id" DESC LIMIT 1 OFFSET @newest""";
        bind(command);
        Add(command, "newest", rankedAtMost - 1);
        await using var reader = await ReadAsync(command, postgres, ct);
        return await reader.ReadAsync(ct) ? reader.GetInt64(0) : null;
    }

    /// <summary>Each facet's values most frequent first (then by value), at most <see cref="MaxFacetValues"/> of them.</summary>
    internal static IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Ordered(Dictionary<string, List<FacetValue>> facets) =>
        facets.ToDictionary(
            f => f.Key,
            f => (IReadOnlyList<FacetValue>)f.Value.OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal).Take(MaxFacetValues).ToList(),
            StringComparer.Ordinal);

    /// <summary>
    /// PostgreSQL: a statement run with sequential scans ruled out, in the implicit transaction of its batch (the setting
    /// ends with it). For a match of a large part of the entries the planner otherwise reads the whole table and detoasts
    /// every entry's <c>tsvector</c> to test it, where the GIN index gives the match's rows without reading one (a query
    /// of plain words needs no recheck): the count then reads no <c>tsvector</c>, and the page only those it ranks.
    /// </summary>
    internal static string ThroughIndexes(string statement) => $"SELECT set_config('enable_seqscan', 'off', true);\n{statement}";

    /// <summary>Runs a command; on PostgreSQL, past the result of <see cref="ThroughIndexes"/>.</summary>
    private static async Task<DbDataReader> ReadAsync(DbCommand command, bool postgres, CancellationToken ct)
    {
        var reader = await command.ExecuteReaderAsync(ct);
        if (postgres)
        {
            await reader.NextResultAsync(ct);
        }

        return reader;
    }

    /// <summary>SQLite: whether the FTS5 query matches more than a fifth of the entries (their ids' span, read from the key's ends).</summary>
    private static async Task<bool> IsBroadAsync(DbConnection connection, string query, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT (SELECT COUNT(*) FROM "{SearchSql.Fts5Table}" WHERE "{SearchSql.Fts5Table}" MATCH @query) * 5 >
                   COALESCE((SELECT MAX("Id") FROM "SearchEntries") - (SELECT MIN("Id") FROM "SearchEntries") + 1, 0)
            """;
        Add(command, "query", query);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) == 1;
    }

    /// <summary>The FTS5 query of the clauses: each word (or phrase) as its Spanish stem or as written, all of them required.</summary>
    public static string Fts5Match(IReadOnlyList<IReadOnlyList<string>> clauses) =>
        string.Join(" AND ", clauses.Select(c =>
        {
            var written = string.Join(' ', c);
            var stemmed = string.Join(' ', c.Select(SpanishStemmer.Stem));
            return stemmed == written ? $"\"{written}\"" : $"(\"{stemmed}\" OR \"{written}\")";
        }));

    /// <summary>
    /// A snippet of a text with the words of the query marked: a word is marked when its Spanish stem is a query word's
    /// or when it shares most of its beginning with one (English forms: "training", "trained"). HTML-escaped but the marks.
    /// </summary>
    public static string Highlight(string text, IReadOnlyList<string> queryWords)
    {
        const int Window = 30;
        var stems = queryWords.Select(SpanishStemmer.Stem).ToList();
        var tokens = TextSearch.Spans(text).ToList();
        if (tokens.Count == 0)
        {
            return string.Empty;
        }

        var marked = tokens.Select(t => Matches(TextSearch.Fold(text.Substring(t.Start, t.Length)), queryWords, stems)).ToArray();
        var best = 0;
        var bestCount = -1;
        for (var start = 0; start < tokens.Count; start += Math.Max(1, Window / 3))
        {
            var count = marked.Skip(start).Take(Window).Count(m => m);
            if (count > bestCount)
            {
                (best, bestCount) = (start, count);
            }
        }

        var first = tokens[best];
        var last = tokens[Math.Min(tokens.Count, best + Window) - 1];
        var html = new StringBuilder();
        if (best > 0)
        {
            html.Append("… ");
        }

        var position = first.Start;
        for (var i = best; i < Math.Min(tokens.Count, best + Window); i++)
        {
            var token = tokens[i];
            html.Append(WebUtility.HtmlEncode(text[position..token.Start]));
            var word = WebUtility.HtmlEncode(text.Substring(token.Start, token.Length));
            html.Append(marked[i] ? $"<mark>{word}</mark>" : word);
            position = token.Start + token.Length;
        }

        if (last.Start + last.Length < text.Length)
        {
            html.Append(" …");
        }

        return html.ToString();
    }

    private static bool Matches(string word, IReadOnlyList<string> queryWords, List<string> stems)
    {
        var stem = SpanishStemmer.Stem(word);
        for (var i = 0; i < queryWords.Count; i++)
        {
            var q = queryWords[i];
            if (stem == stems[i] || word == q)
            {
                return true;
            }

            var common = 0;
            while (common < word.Length && common < q.Length && word[common] == q[common])
            {
                common++;
            }

            if (common >= Math.Max(4, Math.Min(word.Length, q.Length) - 3))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A headline of PostgreSQL with its private marks: escaped, then the marks made HTML.</summary>
    private static string Marked(string headline) =>
        WebUtility.HtmlEncode(headline).Replace(MarkStart.ToString(), "<mark>", StringComparison.Ordinal).Replace(MarkEnd.ToString(), "</mark>", StringComparison.Ordinal);

    private static string First(string preferred, string other) => string.IsNullOrWhiteSpace(preferred) ? other : preferred;

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
