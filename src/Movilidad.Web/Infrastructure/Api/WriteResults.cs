using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Movilidad.Platform.Writes;

namespace Movilidad.Web.Infrastructure.Api;

/// <summary>
/// The API's answer to every write, in one place: 200 with the item as saved, 400 with the errors by field, 403, 404 or
/// 409 with the item as the other person saved it. Typed, so the OpenAPI document lists each response with its schema.
/// </summary>
public static class WriteResults
{
    public static Results<Ok<T>, ValidationProblem, WriteProblem, ForbidHttpResult> ToHttp<T>(this WriteOutcome<T> outcome, string what, object id) => outcome switch
    {
        WriteOutcome<T>.Saved saved => TypedResults.Ok(saved.Value),
        WriteOutcome<T>.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
        WriteOutcome<T>.Forbidden => TypedResults.Forbid(),
        WriteOutcome<T>.NotFound => WriteProblem.NotFound(what, id),
        WriteOutcome<T>.Conflict conflict => WriteProblem.Conflict(what, id, conflict.Current),
        _ => throw new InvalidOperationException($"Unknown outcome {outcome}."),
    };

    /// <summary>The answer to a create: 201 with the new item and where it is read.</summary>
    public static Results<Created<T>, ValidationProblem, WriteProblem, ForbidHttpResult> ToCreated<T>(this WriteOutcome<T> outcome, string what, Func<T, string> location) =>
        outcome is WriteOutcome<T>.Saved saved
            ? TypedResults.Created(location(saved.Value), saved.Value)
            : outcome.ToHttp(what, "new").Result switch
            {
                ValidationProblem invalid => invalid,
                WriteProblem problem => problem,
                ForbidHttpResult forbid => forbid,
                var other => throw new InvalidOperationException($"Unknown refusal {other}."),
            };
}

/// <summary>
/// What an endpoint that answers through <see cref="WriteResults"/> declares to the OpenAPI document when its handler
/// returns <c>IResult</c> (it also checks things of its own before the write): the item with its schema and the refusals.
/// </summary>
public static class WriteResultsMetadata
{
    public static RouteHandlerBuilder ProducesWrite<T>(this RouteHandlerBuilder builder, int status = StatusCodes.Status200OK) =>
        builder.Produces<T>(status)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>A read that may be refused (403) or find nothing (404).</summary>
    public static RouteHandlerBuilder ProducesRead<T>(this RouteHandlerBuilder builder) =>
        builder.Produces<T>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

    /// <summary>A file download, with the refusals of a read.</summary>
    public static RouteHandlerBuilder ProducesFile(this RouteHandlerBuilder builder, string contentType) =>
        builder.Produces<byte[]>(StatusCodes.Status200OK, contentType).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
}

/// <summary>A write refused with 404 or 409 as RFC 9457 problem details; the 409 carries the current item in <c>current</c>.</summary>
public sealed class WriteProblem : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    private readonly ProblemHttpResult problem;

    private WriteProblem(ProblemHttpResult problem) => this.problem = problem;

    public int? StatusCode => problem.StatusCode;

    public ProblemDetails ProblemDetails => problem.ProblemDetails;

    public static WriteProblem NotFound(string what, object id) => new(NotFoundProblem.Of(what, id));

    public static WriteProblem Conflict(string what, object id, object? current) => new(TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict",
        detail: $"The {what} {id} was saved by someone else since the version you started from. Merge with the current one and send again with its version.",
        extensions: new Dictionary<string, object?> { ["current"] = current }));

    public Task ExecuteAsync(HttpContext httpContext) => problem.ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status404NotFound, typeof(ProblemDetails), ["application/problem+json"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status409Conflict, typeof(ProblemDetails), ["application/problem+json"]));
    }
}
