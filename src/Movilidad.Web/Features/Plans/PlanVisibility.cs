using Movilidad.Platform.Data;

namespace Movilidad.Web.Features.Plans;

public static class PlanVisibility
{
    /// <summary>
    /// Unpublished plans exist only for the people who may read them: for everyone else every query, page and
    /// API answer behaves as if they were not there (404, not listed, not found by search).
    /// </summary>
    public static IApplicationBuilder UseUnpublishedVisibility(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            http.RequestServices.GetRequiredService<MovilidadDb>().ShowsUnpublished = PlanPermissions.ReadsUnpublished(http.User);
            return next(http);
        });
}
