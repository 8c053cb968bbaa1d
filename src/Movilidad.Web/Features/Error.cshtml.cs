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

    public void OnGet(int? code)
    {
        Code = code is >= 400 and < 600 ? code.Value : 500;
        CorrelationId = ObservabilitySetup.CorrelationId(HttpContext);
        if (HttpContext.Features.Get<IExceptionHandlerPathFeature>() is { } failure)
        {
            logger.LogError(failure.Error, "Unhandled error on {Method} {Path}, correlation id {CorrelationId}", HttpContext.Request.Method, failure.Path, CorrelationId);
        }
    }
}
