using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Movilidad.Web.Infrastructure.Api;

/// <summary>
/// Reads a request body so that a value of the wrong kind (text where a number goes, an unknown status) is
/// refused as a validation problem naming the field, as the platform's own rules are, not as a bare 400.
/// </summary>
public static class JsonBody
{
    public sealed record Read<T>(T? Value, IResult? Problem);

    public static async Task<Read<T>> ReadAsync<T>(HttpContext http, CancellationToken ct)
        where T : class
    {
        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(http.Request.Body, options, ct);
            return value is null
                ? new Read<T>(null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["The request has no body."] }))
                : new Read<T>(value, null);
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            return new Read<T>(null, TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [field] = [$"{field} does not have a value of the right kind (a number, a date as yyyy-mm-dd, or one of the listed codes)."],
            }));
        }
    }
}
