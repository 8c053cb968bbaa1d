using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Movilidad.Web.Infrastructure.Observability;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features;

/// <summary>The error page: what went wrong in the reader's language and, for an unexpected error, the id that finds its log lines.</summary>
/// <remarks>
/// A failed POST is shown by the same page, re-executed as a POST: its form is not read again (it writes nothing, so no
/// antiforgery check; a form over its page's limit could not be read).
/// </remarks>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
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

    /// <summary>A page's upload refused for its size (413): the page names the field and the largest file it takes.</summary>
    public UploadRefused? Upload { get; private set; }

    /// <summary>A failed POST: the code read from the query alone (binding a parameter would read the form).</summary>
    public void OnPost() => OnGet(int.TryParse(Request.Query["code"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : null);

    public void OnGet(int? code)
    {
        Code = code is >= 400 and < 600 ? code.Value : 500;
        CorrelationId = ObservabilitySetup.CorrelationId(HttpContext);
        Upload = Code == StatusCodes.Status413PayloadTooLarge ? HttpContext.Features.Get<UploadRefused>() : null;
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
