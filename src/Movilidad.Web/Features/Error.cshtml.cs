using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Movilidad.Web.Infrastructure.Observability;

namespace Movilidad.Web.Features;

/// <summary>The error page: what went wrong in the reader's language and, for an unexpected error, the id that finds its log lines.</summary>
[AllowAnonymous]
public class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public int Code { get; private set; } = 500;

    /// <summary>The request's correlation id, which its log lines and trace carry too: a person quotes it when reporting the error.</summary>
    public string CorrelationId { get; private set; } = string.Empty;

    /// <summary>
    /// A page with a form asked over plain HTTP while cookies are HTTPS-only: antiforgery refuses to issue its cookie.
    /// Not an error of the platform but of how it is reached, so the page says what to do instead of "something went wrong".
    /// </summary>
    public bool NeedsHttps { get; private set; }

    public void OnGet(int? code)
    {
        Code = code is >= 400 and < 600 ? code.Value : 500;
        CorrelationId = ObservabilitySetup.CorrelationId(HttpContext);
        var failure = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        if (failure?.Error is InvalidOperationException { TargetSite.DeclaringType.Namespace: "Microsoft.AspNetCore.Antiforgery" } && !Request.IsHttps)
        {
            NeedsHttps = true;
            Code = StatusCodes.Status400BadRequest;
            Response.StatusCode = Code;
            logger.LogWarning("{Path} was asked over plain HTTP but its form needs HTTPS-only cookies: serve HTTPS or forward the scheme from a TLS proxy (docs/production.md)", failure.Path);
            return;
        }

        if (failure is not null)
        {
            logger.LogError(failure.Error, "Unhandled error on {Method} {Path}, correlation id {CorrelationId}", HttpContext.Request.Method, failure.Path, CorrelationId);
        }
    }
}
