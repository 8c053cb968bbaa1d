using Microsoft.AspNetCore.Http.HttpResults;

namespace Movilidad.Web.Infrastructure.Api;

/// <summary>The body of a 404: RFC 9457 problem details naming what was not found.</summary>
public sealed record ProblemDetailsBody(string Type, string Title, int Status, string Detail);

public static class NotFoundProblem
{
    public static NotFound<ProblemDetailsBody> Of(string what, object id) =>
        TypedResults.NotFound(new ProblemDetailsBody(
            "https://tools.ietf.org/html/rfc9110#section-15.5.5", "Not Found", StatusCodes.Status404NotFound, $"No {what} has the id {id}."));
}
