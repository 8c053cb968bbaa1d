using Movilidad.Platform.Data;

namespace Movilidad.Web.Features.LabourMarket;

/// <summary>
/// Explorer answers sum up to millions of observations and change only when a dataset is imported, replaced or deleted:
/// anonymous answers are cached by address and language, evicted by tag on every import through the web, and keyed by
/// the content's <see cref="DataVersion"/> so that an import on another node or by the command line is seen at once.
/// Without locking: by default the output cache makes every request for an address that is not cached yet wait for the
/// first one and share its outcome, so when the first reader went away (a client that timed out) its cancelled query
/// became a 500 for everyone waiting on it (<c>bench/load/labour-market.sh</c> saw only 500s); each request now answers
/// for itself.
/// </summary>
public static class LabourMarketCache
{
    public const string Tag = "labour-market";
    public const string Policy = "labour-market";

    public static IServiceCollection AddLabourMarketCache(this IServiceCollection services) =>
        services.AddOutputCache(options => options.AddPolicy(Policy, policy => policy
            .Tag(Tag)
            .SetLocking(false)
            .Expire(TimeSpan.FromMinutes(1))
            .SetVaryByQuery("*")
            .SetVaryByRouteValue("id", "code")
            .VaryByValue(http => new KeyValuePair<string, string>(
                "lang+data", $"{System.Globalization.CultureInfo.CurrentUICulture.Name}+{http.RequestServices.GetRequiredService<DataVersion>().Current}"))));
}
