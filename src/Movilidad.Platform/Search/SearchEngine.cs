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
    private const int MaxClauses = 12;
    private const int MaxFacetValues = 30;
    private const char MarkStart = '\uE000';
    private const char MarkEnd = '\uE001';

    public static readonly IReadOnlyList<string> FacetNames = ["type", "country", "line", "objective", "topic", "language", "year"];

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

    public static async Task<SearchAnswer> SearchAsync(this MovilidadDb db, SearchRequest request, CancellationToken ct)
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
            var answer = await RunAsync(connection, request, clauses, page, postgres, similar: false, ct);
            if (answer.Total == 0 && postgres && clauses.All(c => c.Count == 1))
            {
                answer = await RunAsync(connection, request, clauses, page, postgres, similar: true, ct);
            }

            return answer;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<SearchAnswer> RunAsync(
        DbConnection connection, SearchRequest request, IReadOnlyList<IReadOnlyList<string>> clauses, int page, bool postgres, bool similar, CancellationToken ct)
    {
        var filters = request.Filters.Where(f => FacetNames.Contains(f.Key) && !string.IsNullOrWhiteSpace(f.Value)).ToList();
        var conditions = new StringBuilder("(e.\"IsPublic\" OR @restricted)");
        for (var i = 0; i < filters.Count; i++)
        {
            conditions.Append(CultureInfo.InvariantCulture,
                $" AND EXISTS (SELECT 1 FROM \"SearchFacets\" f{i} WHERE f{i}.\"EntryId\" = e.\"Id\" AND f{i}.\"Name\" = @fn{i} AND f{i}.\"Value\" = @fv{i})");
        }

        var websearch = string.Join(' ', clauses.Select(c => c.Count == 1 ? c[0] : $"\"{string.Join(' ', c)}\""));
        var hits = postgres
            ? $"""
              WITH q AS (SELECT websearch_to_tsquery('movilidad_es', @query) || websearch_to_tsquery('movilidad_en', @query) AS query),
              hits AS (SELECT e."Id", {(similar
                  ? "GREATEST(word_similarity(@query, e.\"TitleEs\"), word_similarity(@query, e.\"TitleEn\"))"
                  : "ts_rank(e.\"Document\", q.query)")} AS "Rank"
                  FROM "SearchEntries" e CROSS JOIN q
                  WHERE {(similar ? "(@query <% e.\"TitleEs\" OR @query <% e.\"TitleEn\")" : "e.\"Document\" @@ q.query")} AND {conditions})
              """
            : $"""
              WITH hits AS (SELECT e."Id", -bm25("{SearchSql.Fts5Table}", 8.0, 1.0) AS "Rank"
                  FROM "{SearchSql.Fts5Table}" JOIN "SearchEntries" e ON e."Id" = "{SearchSql.Fts5Table}".rowid
                  WHERE "{SearchSql.Fts5Table}" MATCH @query AND {conditions})
              """;
        var query = postgres ? websearch : Fts5Match(clauses);

        void Bind(DbCommand command)
        {
            Add(command, "query", query);
            Add(command, "restricted", request.SeesRestricted);
            for (var i = 0; i < filters.Count; i++)
            {
                Add(command, $"fn{i}", filters[i].Key);
                Add(command, $"fv{i}", filters[i].Value.Trim());
            }
        }

        var facets = new Dictionary<string, List<FacetValue>>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"""
                {hits}
                SELECT f."Name", f."Value", COUNT(*) FROM hits JOIN "SearchFacets" f ON f."EntryId" = hits."Id" GROUP BY f."Name", f."Value"
                """;
            Bind(command);
            await using var reader = await command.ExecuteReaderAsync(ct);
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
        var total = facets.TryGetValue("type", out var types) ? types.Sum(t => t.Count) : 0;
        var results = new List<SearchResultItem>();
        if (total > 0)
        {
            await using var command = connection.CreateCommand();
            var english = request.English;
            var headline = postgres
                ? """
                  , ts_headline(CASE WHEN (@english AND e."TextEn" <> '') OR e."TextEs" = '' THEN 'movilidad_en' ELSE 'movilidad_es' END::regconfig,
                      CASE WHEN (@english AND e."TextEn" <> '') OR e."TextEs" = '' THEN e."TextEn" ELSE e."TextEs" END, q.query, @headline)
                  """
                : string.Empty;
            command.CommandText = $"""
                {hits}
                SELECT e."Kind", e."Key", e."Path", e."TitleEs", e."TitleEn", e."TextEs", e."TextEn", e."IsPublic"{headline}
                FROM hits JOIN "SearchEntries" e ON e."Id" = hits."Id"{(postgres ? " CROSS JOIN q" : "")}
                ORDER BY hits."Rank" DESC, e."Id" LIMIT @take OFFSET @skip
                """;
            Bind(command);
            Add(command, "take", PageSize);
            Add(command, "skip", (page - 1) * PageSize);
            if (postgres)
            {
                Add(command, "english", english);
                Add(command, "headline", $"StartSel={MarkStart}, StopSel={MarkEnd}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \"");
            }

            var words = clauses.SelectMany(c => c).ToList();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var (titleEs, titleEn, textEs, textEn) = (reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6));
                var title = english ? First(titleEn, titleEs) : First(titleEs, titleEn);
                var text = english ? First(textEn, textEs) : First(textEs, textEn);
                var snippet = postgres && !similar ? Marked(reader.GetString(8)) : Highlight(text, words);
                results.Add(new SearchResultItem(reader.GetString(0), reader.GetString(1), reader.GetString(2), title, snippet, reader.GetBoolean(7)));
            }
        }

        return new SearchAnswer(
            request.Query ?? string.Empty, total, page, PageSize, similar, results,
            facets.ToDictionary(f => f.Key, f => (IReadOnlyList<FacetValue>)f.Value.OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal).Take(MaxFacetValues).ToList()));
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
