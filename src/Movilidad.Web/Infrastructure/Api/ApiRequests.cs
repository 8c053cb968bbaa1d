using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Infrastructure.Api;

/// <summary>
/// How the API reads requests, in every environment: parameters are bound by the framework, and a failed binding, a
/// body of the wrong media type or over the endpoint's size limit is answered by <see cref="BadRequestProblems"/>; an
/// address no endpoint answers gets problem details saying that ids are numeric.
/// </summary>
public static class ApiRequests
{
    public static IServiceCollection AddApiRequests(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestProblems>();

        // Off by default outside Development, where a failed binding is then a bare 400 that names nothing.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>A body limit for one endpoint, other than the platform's <see cref="SecurityOptions.MaxRequestBodyBytes"/>.</summary>
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, long bytes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequestSizeLimitAttribute(bytes));

    /// <summary>
    /// Refuses with 413 a body whose declared length is over the endpoint's limit, before anything reads it. Kestrel
    /// enforces the same limit while reading (routing gives it the endpoint's), for bodies sent without a length.
    /// </summary>
    public static IApplicationBuilder UseApiBodyLimits(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            if (http.Request.Path.StartsWithSegments("/api") && http.Request.ContentLength is { } length)
            {
                var limit = http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
                    ?? http.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.MaxRequestBodyBytes;
                if (length > limit)
                {
                    throw new BadHttpRequestException($"Request body too large. The max request body size is {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
                }
            }

            return next(http);
        });

    /// <summary>
    /// The reader's language for an answer written after the request left the localization middleware (an exception
    /// or a status code on its way out), which restores the culture it found.
    /// </summary>
    public static void UseRequestCulture(HttpContext http)
    {
        if (http.Features.Get<IRequestCultureFeature>() is { } feature)
        {
            CultureInfo.CurrentCulture = feature.RequestCulture.Culture;
            CultureInfo.CurrentUICulture = feature.RequestCulture.UICulture;
        }
    }

    /// <summary>Error statuses without a body (401, 403, 404, 405, 503, 507) as problem details; an address that matches no endpoint says why.</summary>
    public static IApplicationBuilder UseApiStatusProblems(this IApplicationBuilder api) =>
        api.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            UseRequestCulture(http);
            var text = http.RequestServices.GetRequiredService<IStringLocalizer>();
            var details = http.Response.StatusCode switch
            {
                // Routing refuses a body of a media type no endpoint at this address reads.
                StatusCodes.Status415UnsupportedMediaType => new HttpValidationProblemDetails(new Dictionary<string, string[]>
                {
                    [BadRequestProblems.BodyField] = [text["Api.MediaType", http.Request.ContentType ?? string.Empty, text["Api.MediaTypes"]]],
                })
                {
                    Title = text["Api.MediaTypeTitle"],
                },
                StatusCodes.Status404NotFound when http.GetEndpoint() is null => new ProblemDetails { Detail = text["Api.NotFound", http.Request.Path.Value ?? string.Empty] },
                StatusCodes.Status503ServiceUnavailable => new ProblemDetails { Title = text["Api.UnavailableTitle"], Detail = text["Api.Unavailable"] },
                StatusCodes.Status507InsufficientStorage => new ProblemDetails { Title = text["Api.StorageFullTitle"], Detail = text["Api.StorageFull"] },
                _ => new ProblemDetails(),
            };
            details.Status = http.Response.StatusCode;

            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = details });
        });
}
