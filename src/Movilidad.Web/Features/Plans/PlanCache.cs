namespace Movilidad.Web.Features.Plans;

/// <summary>Plan trees and pages change rarely and are read often: cached, and evicted by tag on every plan write.</summary>
public static class PlanCache
{
    public const string Tag = "plans";
    public const string Policy = "plans";

    public static IServiceCollection AddPlanCache(this IServiceCollection services) =>
        services.AddOutputCache(options => options.AddPolicy(Policy, policy => policy
            .Tag(Tag)
            .Expire(TimeSpan.FromMinutes(10))
            .SetVaryByRouteValue("id", "key")
            .VaryByValue(http => new KeyValuePair<string, string>("lang", System.Globalization.CultureInfo.CurrentUICulture.Name))));
}
