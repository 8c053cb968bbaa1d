using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Movilidad.Web.Features.Monitoring;
using Movilidad.Platform.Audit;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Data;
using Movilidad.Web.Infrastructure.Localization;
using Movilidad.Web.Infrastructure.Api;

namespace Movilidad.Web.Features.Matrix;

/// <summary>The follow-up matrix for machine clients: download it, upload it edited.</summary>
public static class MatrixApi
{
    public static IEndpointRouteBuilder MapMatrixApi(this IEndpointRouteBuilder app)
    {
        var matrix = app.MapGroup("/api/matrix").WithTags("Follow-up matrix").RequireAuthorization()
            .AddEndpointFilter(ApiAntiforgery.RequireForCookies);

        matrix.MapGet("/", async Task<IResult> (string? language, string? plan, int? line, HttpContext http, MovilidadDb db, IAuthorizationService auth, TextLocalizer texts,
                TimeProvider clock, CancellationToken ct) =>
            {
                if (!await auth.CanAsync(http.User, MonitoringOperations.Read))
                {
                    return TypedResults.Forbid();
                }

                if (language is not (null or "es" or "en"))
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["language"] = ["The language is es or en."] });
                }

                await MatrixExport.WriteAsync(http, db, texts, clock, language, new MatrixFilter(string.IsNullOrEmpty(plan) ? null : plan, line), ct);
                return TypedResults.Empty;
            })
            .ProducesFile(MatrixFormat.ContentType)
            .WithSummary("The follow-up matrix as an Excel workbook (language es or en; a plan key and a line of action's id narrow it).");

        matrix.MapPost("/", async Task<IResult> (HttpContext http, MovilidadDb db, IAuthorizationService auth, TextLocalizer texts, TimeProvider clock, CancellationToken ct) =>
            {
                if (!await auth.CanAsync(http.User, MatrixOperations.Import))
                {
                    return TypedResults.Forbid();
                }

                if (await UploadedFileAsync(http, ct) is not { } file)
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Send the edited workbook as the multipart field \"file\"."] });
                }

                await using var stream = await MatrixUpload.BufferAsync(file, ct);
                var outcome = await db.ImportAsync(stream, http.User, auth, texts, AuditActor.From(http), clock, ct);
                return outcome switch
                {
                    { Saved: true } => TypedResults.Ok(outcome),
                    { Conflicts.Count: > 0, Errors.Count: 0 } => TypedResults.Conflict(outcome),
                    _ => TypedResults.UnprocessableEntity(outcome),
                };
            })
            .Accepts<IFormFile>("multipart/form-data")

            // A whole matrix is larger than the general request limit: this endpoint raises it for itself.
            .WithBodyLimit(MatrixUpload.MaxBytes)
            .Produces<MatrixOutcome>()
            .Produces<MatrixOutcome>(StatusCodes.Status409Conflict)
            .Produces<MatrixOutcome>(StatusCodes.Status422UnprocessableEntity)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Applies an edited follow-up matrix: all its changed rows or none. 422 lists the errors (sheet, row, column, fix); 409 the rows changed since the export.");
        return app;
    }

    private static async Task<IFormFile?> UploadedFileAsync(HttpContext http, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
        {
            return null;
        }

        http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = MatrixUpload.MaxBytes }));
        try
        {
            return (await http.Request.ReadFormAsync(ct)).Files.GetFile("file");
        }
        catch (Exception e) when (e is InvalidDataException or IOException and not BadHttpRequestException)
        {
            // A malformed multipart body (a boundary that never comes, a truncated part) is a client error like a missing file.
            return null;
        }
    }
}

public static class MatrixUpload
{
    /// <summary>The largest matrix accepted: a 10,000-row matrix is about 2 MB.</summary>
    public const long MaxBytes = 50_000_000;

    /// <summary>The upload in a seekable stream (the package reader needs one): a temporary file, so a large workbook does not sit in memory.</summary>
    public static async Task<Stream> BufferAsync(IFormFile file, CancellationToken ct)
    {
        var buffer = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        await using (var upload = file.OpenReadStream())
        {
            await upload.CopyToAsync(buffer, ct);
        }

        buffer.Position = 0;
        return buffer;
    }
}
