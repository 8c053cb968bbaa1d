using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Infrastructure.Api;

public static class ApiAntiforgery
{
    /// <summary>
    /// A write to the API from a signed-in browser must carry the antiforgery token in <c>X-CSRF-TOKEN</c>; a
    /// machine client with a bearer token sends no cookie and needs none. The refusal names the header in the reader's
    /// language, so a form posted without it is not mistaken for a form whose fields were refused.
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
                var text = http.RequestServices.GetRequiredService<IStringLocalizer>();
                var header = http.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.HeaderName ?? "X-CSRF-TOKEN";
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [header] = [text["Api.Antiforgery", header]] }, title: text["Api.AntiforgeryTitle"]);
            }
        }

        return await next(context);
    }
}
