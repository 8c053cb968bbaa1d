using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;

namespace Movilidad.Web.Infrastructure.Api;

/// <summary>
/// The one place where a request the API cannot bind is answered, in every environment: a value of the wrong kind in
/// the route, the query or the JSON body, a missing body, a body of another media type (415) or over the endpoint's
/// limit (413). Minimal APIs bind every parameter and throw <see cref="BadHttpRequestException"/> when one fails
/// (<c>ThrowOnBadRequest</c> is on everywhere); this answers it as RFC 9457 problem details whose <c>errors</c> name the
/// field, in the reader's language, instead of a bare 400 or a 500.
/// </summary>
public sealed partial class BadRequestProblems(IProblemDetailsService problems, IStringLocalizer text) : IExceptionHandler
{
    public const string BodyField = "body";

    /// <summary>The multipart field every upload endpoint reads its file from: what a body over an upload's limit is named by.</summary>
    public const string FileField = "file";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not BadHttpRequestException bad || !httpContext.Request.Path.StartsWithSegments("/api") || httpContext.Response.HasStarted)
        {
            return false;
        }

        ApiRequests.UseRequestCulture(httpContext);
        var (field, message) = Describe(httpContext, bad);
        httpContext.Response.StatusCode = bad.StatusCode;
        var details = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = bad.StatusCode,
            Title = text[bad.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => "Api.TooLargeTitle",
                StatusCodes.Status415UnsupportedMediaType => "Api.MediaTypeTitle",
                _ => "Api.BadRequestTitle",
            }],
            Detail = $"{field}: {message}",
        };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }

    /// <summary>The field a failed binding concerns and what is wrong with it, read from the exception the framework throws.</summary>
    private (string Field, string Message) Describe(HttpContext http, BadHttpRequestException bad)
    {
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (TakesAFile(http) ? FileField : BodyField, text["Api.TooLarge", MaxBytes().Match(bad.Message) is { Success: true } max ? max.Value : "?"]);
        }

        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            var expected = bad.Message.Contains("form", StringComparison.Ordinal) ? "multipart/form-data" : "application/json";
            return (BodyField, text["Api.MediaType", Quoted().Match(bad.Message) is { Success: true } got ? got.Groups[1].Value : string.Empty, expected]);
        }

        if (FindJson(bad) is { } json)
        {
            var path = json.Path?.TrimStart('$').TrimStart('.');
            return string.IsNullOrEmpty(path)
                ? (BodyField, text["Api.BodyNotJson"])
                : (path, text["Api.WrongKind", path]);
        }

        var parameter = Parameter().Match(bad.Message);
        if (!parameter.Success)
        {
            return ("request", text["Api.BadRequest"]);
        }

        var (type, name) = (parameter.Groups["type"].Value, parameter.Groups["name"].Value);
        if (bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase))
        {
            return (BodyField, text["Api.NoBody"]);
        }

        return parameter.Groups["value"].Success
            ? (name, text["Api.NotOfType", parameter.Groups["value"].Value, text[Kind(type)]])
            : (name, text["Api.Required", name]);
    }

    /// <summary>
    /// Whether the endpoint reads an uploaded file (it declares a multipart body of <see cref="IFormFile"/>): the endpoint
    /// the exception came from, which the exception handler keeps in its feature after clearing the request's.
    /// </summary>
    private static bool TakesAFile(HttpContext http) =>
        (http.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? http.GetEndpoint())?.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>().Any(a => a.RequestType == typeof(IFormFile)) == true;

    private static JsonException? FindJson(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is JsonException json)
            {
                return json;
            }
        }

        return null;
    }

    /// <summary>How a parameter's type is named to the reader: the kinds a query or route value can have.</summary>
    private static string Kind(string type) => type.Replace("Nullable<", string.Empty, StringComparison.Ordinal).TrimEnd('?', '>').ToLowerInvariant() switch
    {
        "int" or "long" or "short" or "int32" or "int64" or "int16" => "Api.Kind.Integer",
        "decimal" or "double" or "float" or "single" => "Api.Kind.Number",
        "bool" or "boolean" => "Api.Kind.Boolean",
        "dateonly" or "datetime" or "datetimeoffset" => "Api.Kind.Date",
        "guid" => "Api.Kind.Guid",
        _ => "Api.Kind.Code",
    };

    // "Failed to bind parameter "int? indicator" from "a"." / "Required parameter "int version" was not provided from query string."
    [GeneratedRegex("""parameter "(?<type>[^"]+) (?<name>[^" ]+)"(?: from "(?<value>.*)"\.$)?""")]
    private static partial Regex Parameter();

    [GeneratedRegex("but got \"([^\"]*)\"")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\d+")]
    private static partial Regex MaxBytes();
}
