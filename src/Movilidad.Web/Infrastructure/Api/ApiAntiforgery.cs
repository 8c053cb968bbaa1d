using Microsoft.AspNetCore.Antiforgery;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Infrastructure.Api;

public static class ApiAntiforgery
{
    /// <summary>
    /// A write to the API from a signed-in browser must carry the antiforgery token in <c>X-CSRF-TOKEN</c>; a
    /// machine client with a bearer token sends no cookie and needs none.
    /// </summary>
    public static async ValueTask<object?> RequireForCookies(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
            && http.User.Identity?.AuthenticationType != AuthenticationSchemes.Token)
        {
            var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Antiforgery token missing or invalid",
                    detail: "A write from a signed-in browser needs the X-CSRF-TOKEN header; machine clients use a bearer token.");
            }
        }

        return await next(context);
    }
}
