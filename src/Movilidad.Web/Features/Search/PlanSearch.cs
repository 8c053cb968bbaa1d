using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;

using Movilidad.Platform.Search;

namespace Movilidad.Web.Features.Search;

public sealed record SearchHit(int Id, string PlanKey, Bilingual PlanTitle, string? Code, string Level, Bilingual Title, Bilingual Text);

public static class PlanSearch
{
    /// <summary>
    /// Answers for people not signed in (what anyone may read), kept per query and language while the content's
    /// <see cref="DataVersion"/> stays the same, and at most <see cref="DataVersion.MaximumAge"/> (writes of another process).
    /// </summary>
    public const string CachePolicy = "search";

    public static IServiceCollection AddSearchCache(this IServiceCollection services) =>
        services.AddOutputCache(options => options.AddPolicy(CachePolicy, policy => policy
            .Expire(DataVersion.MaximumAge)
            .SetVaryByQuery("q")
            .VaryByValue(http => new KeyValuePair<string, string>(
                "lang+data", $"{System.Globalization.CultureInfo.CurrentUICulture.Name}+{http.RequestServices.GetRequiredService<DataVersion>().Current}"))));

    /// <summary>Plan elements containing every word of the query, in Spanish or English, ignoring accents and case.</summary>
    public static async Task<List<SearchHit>> SearchElementsAsync(this MovilidadDb db, string? query, int limit, CancellationToken ct)
    {
        var terms = TextSearch.Terms(query);
        if (terms.Count == 0)
        {
            return [];
        }

        var elements = db.PlanElements.AsNoTracking();
        foreach (var term in terms)
        {
            var pattern = $"%{term}%";
            elements = elements.Where(e => EF.Functions.Like(e.SearchText, pattern, "\\"));
        }

        return await elements.OrderBy(e => e.Plan!.SortOrder).ThenBy(e => e.Id).Take(limit)
            .Select(e => new SearchHit(e.Id, e.Plan!.Key, e.Plan.Title, e.Code, e.LevelKey, e.Title, e.Text))
            .ToListAsync(ct);
    }

    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search", async (string? q, MovilidadDb db, CancellationToken ct) => TypedResults.Ok(await db.SearchElementsAsync(q, 100, ct)))
            .WithTags("Search")
            .AllowAnonymous()
            .CacheOutput(CachePolicy)
            .WithSummary("Plan elements matching every word of q, in either language, ignoring accents and case.");
        return app;
    }
}
