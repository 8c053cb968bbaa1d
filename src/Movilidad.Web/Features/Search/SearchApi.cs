using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Movilidad.Platform.Data;
using Movilidad.Platform.Search;
using Movilidad.Web.Infrastructure.Api;

namespace Movilidad.Web.Features.Search;

/// <summary>The platform-wide search: <c>GET /api/search</c> and the page <c>/search</c> read the same request.</summary>
public static class SearchApi
{
    /// <summary>
    /// Answers for people not signed in (what anyone may read), kept per query and language while the content's
    /// <see cref="DataVersion"/> stays the same, and at most <see cref="DataVersion.MaximumAge"/> (writes of another process).
    /// </summary>
    public const string CachePolicy = "search";

    /// <summary>The query parameters, and the facet each filter names (<c>lang</c> is the <c>language</c> facet).</summary>
    public static readonly IReadOnlyDictionary<string, string> FilterParameters = new Dictionary<string, string>
    {
        ["type"] = "type", ["country"] = "country", ["line"] = "line", ["objective"] = "objective", ["topic"] = "topic", ["lang"] = "language", ["year"] = "year",
    };

    public static IServiceCollection AddSearchCache(this IServiceCollection services) =>
        services.AddOutputCache(options => options.AddPolicy(CachePolicy, policy => policy
            .Expire(DataVersion.MaximumAge)
            .SetVaryByQuery(["q", "page", .. FilterParameters.Keys])
            .VaryByValue(http => new KeyValuePair<string, string>(
                "lang+data", $"{CultureInfo.CurrentUICulture.Name}+{http.RequestServices.GetRequiredService<DataVersion>().Current}"))));

    /// <summary>Reads a search from the query string; a value too long or a page out of range is refused naming the parameter.</summary>
    public static bool TryRead(IQueryCollection query, MovilidadDb db, IStringLocalizer text, out SearchRequest request, out ValidationProblem? problem)
    {
        request = new SearchRequest(null, new Dictionary<string, string>(), 1, false, false);
        var q = query["q"].ToString();
        if (q.Length > SearchEngine.MaxQueryLength || q.Any(c => char.IsControl(c) && !char.IsWhiteSpace(c)))
        {
            problem = QueryParameter.Invalid("q", text["Search.TooLong", SearchEngine.MaxQueryLength]);
            return false;
        }

        var filters = new Dictionary<string, string>();
        foreach (var (parameter, facet) in FilterParameters)
        {
            var value = query[parameter].ToString();
            if (value.Length > 100 || value.Any(c => char.IsControl(c) || char.IsSurrogate(c)))
            {
                problem = QueryParameter.Invalid(parameter, text["Search.TooLong", 100]);
                return false;
            }

            if (value.Length > 0)
            {
                filters[facet] = value;
            }
        }

        if (!QueryParameter.TryInt(query["page"], "page", 1, SearchEngine.MaxPage, 1, text, out var page, out problem))
        {
            return false;
        }

        request = new SearchRequest(q, filters, page, db.ShowsUnpublished, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en");
        return true;
    }

    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search", async Task<Results<Ok<SearchAnswer>, ValidationProblem>> (
                string? q, string? type, string? country, string? line, string? objective, string? topic, string? lang, string? year, string? page,
                HttpContext http, MovilidadDb db, SearchCounts counts, IStringLocalizer text, CancellationToken ct) =>
            {
                if (!TryRead(http.Request.Query, db, text, out var request, out var problem))
                {
                    return problem!;
                }

                return TypedResults.Ok(await db.SearchAsync(request, counts, ct));
            })
            .WithTags("Search")
            .AllowAnonymous()
            .CacheOutput(CachePolicy)
            .WithSummary("Full-text search over plan elements, activities, indicators, pledges, practices, programmes and agreements (and what other features index), in Spanish and English.")
            .WithDescription("""
                q: words and "quoted phrases"; accents and case ignored, Spanish and English stems ("trabajadoras migrantes" finds "trabajador migrante"). Filters by facet value: type, country (ISO 3166-1 alpha-2), line (plan element code), objective (GCM number), topic, lang (es, en), year. page: from 1, 20 results each. The answer holds the total, the page's results best first with an HTML snippet (only <mark> is markup), and every facet's values with their counts. Readers who are not signed in find public entries only. On PostgreSQL, a query without matches returns titles similar to it (similar: true).
                """);
        return app;
    }
}
