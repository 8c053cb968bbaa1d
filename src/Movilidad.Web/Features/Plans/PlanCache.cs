using Movilidad.Platform.Data;

namespace Movilidad.Web.Features.Plans;

/// <summary>
/// Plan trees and pages change rarely and are read often: cached, evicted by tag on every plan write, and keyed by the
/// content's <see cref="DataVersion"/> so that any other content change (the demonstration data set and its banner, figures
/// on the home page), on this node, on another node or by the command line, is never served stale. Without locking, as
/// the explorer's (<c>LabourMarketCache</c>): with it, a first reader who went away turned into a 500 for every reader
/// waiting on the same address (the load run's 500 × 48 on the plan page).
/// </summary>
public static class PlanCache
{
    public const string Tag = "plans";
    public const string Policy = "plans";

    public static IServiceCollection AddPlanCache(this IServiceCollection services) =>
        services.AddOutputCache(options => options.AddPolicy(Policy, policy => policy
            .Tag(Tag)
            .SetLocking(false)
            .Expire(TimeSpan.FromMinutes(10))
            .SetVaryByRouteValue("id", "key")
            .VaryByValue(http => new KeyValuePair<string, string>(
                "lang+data", $"{System.Globalization.CultureInfo.CurrentUICulture.Name}+{http.RequestServices.GetRequiredService<DataVersion>().Current}"))));
}
