using Microsoft.AspNetCore.Http.HttpResults;

namespace Movilidad.Web.Infrastructure.Api;

public static class NotFoundProblem
{
    /// <summary>A 404 as RFC 9457 problem details naming what was not found.</summary>
    public static ProblemHttpResult Of(string what, object id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"No {what} has the id {id}.");
}
