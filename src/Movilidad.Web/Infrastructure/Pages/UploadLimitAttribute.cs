using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Movilidad.Web.Infrastructure.Pages;

/// <summary>A page's upload refused for its size, before anything read it: what the error page names.</summary>
/// <param name="FieldLabel">The text key of the file field's label.</param>
/// <param name="FileBytes">The largest file the field takes.</param>
public sealed record UploadRefused(string FieldLabel, long FileBytes);

/// <summary>
/// A page whose form takes a file: a body declared larger than the page's limit (its <see cref="RequestSizeLimitAttribute"/>)
/// is answered 413 before anything reads it, and the error page names the file field and the largest file it takes, in
/// the reader's language (<see cref="UploadRefused"/>). Without it the automatic antiforgery check, which reads the form
/// first, fails on a body over the limit and answers a bare 400. Nothing is read or written.
/// </summary>
/// <param name="fieldLabel">The text key of the file field's label.</param>
/// <param name="fileBytes">The largest file the field takes.</param>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadLimitAttribute(string fieldLabel, long fileBytes) : Attribute, IAuthorizationFilter, IOrderedFilter
{
    /// <summary>The text key of the file field's label.</summary>
    public string FieldLabel { get; } = fieldLabel;

    /// <summary>The largest file the field takes.</summary>
    public long FileBytes { get; } = fileBytes;

    /// <summary>Before the automatic antiforgery check (1000).</summary>
    public int Order => 950;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        if (HttpMethods.IsPost(http.Request.Method)
            && http.Request.ContentLength is { } length
            && http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize is { } limit
            && length > limit)
        {
            http.Features.Set(new UploadRefused(FieldLabel, FileBytes));
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
        }
    }
}
