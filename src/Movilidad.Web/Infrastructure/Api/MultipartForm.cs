using Microsoft.AspNetCore.Http.Features;

namespace Movilidad.Web.Infrastructure.Api;

/// <summary>
/// Reads an upload's multipart form up to the endpoint's limit. A malformed body (a boundary that never comes, a truncated
/// part) is a client error like a missing file: the caller answers problem details naming the file field. A body over the
/// limit (<see cref="BadHttpRequestException"/>) goes on to the 413 problem details. A page's form has already been read
/// by the antiforgery check (under the page's <see cref="Microsoft.AspNetCore.Mvc.RequestFormLimitsAttribute"/>): that
/// form is the one answered, since the body cannot be read twice.
/// </summary>
public static class MultipartForm
{
    public static async Task<IFormCollection?> ReadAsync(HttpContext http, long maxBytes, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
        {
            return null;
        }

        if (http.Features.Get<IFormFeature>() is { Form: { } read })
        {
            return read;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = maxBytes;
        }

        http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = maxBytes }));
        try
        {
            return await http.Request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or IOException and not BadHttpRequestException)
        {
            return null;
        }
    }
}
