using Microsoft.Extensions.Options;
using Movilidad.Platform.Data;
using Movilidad.Web.Infrastructure.Localization;
using Movilidad.Platform.Localization;

namespace Movilidad.Web.Features.OpenData;

/// <summary>Open data for everyone: the operational plan in IATI 2.03.</summary>
public static class OpenDataApi
{
    public static IEndpointRouteBuilder MapOpenDataApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/open-data/iati-activities.xml", async Task (HttpContext http, MovilidadDb db, IOptions<OpenDataOptions> options, TextLocalizer texts,
                TimeProvider clock, CancellationToken ct) =>
            {
                var (activities, organisations) = await IatiActivities.LoadAsync(db, ct);
                http.Response.ContentType = IatiActivities.ContentType;
                await IatiActivities.WriteAsync(http.Response.Body, activities, organisations, options.Value,
                    objective => texts.All.TryGetValue("Gcm." + objective.ToString(System.Globalization.CultureInfo.InvariantCulture), out var title) ? title : Bilingual.Empty,
                    clock.GetUtcNow().UtcDateTime, ct);
            })
            .AllowAnonymous()
            .WithTags("Open data")
            .Produces<string>(StatusCodes.Status200OK, "application/xml")
            .WithSummary("The operational plan's activities (of published plans) as an IATI 2.03 activity file.");
        return app;
    }
}
