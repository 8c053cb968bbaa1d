using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Knowledge;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Meetings;
using Movilidad.Web.Infrastructure.Api;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Meetings;

/// <summary>One line of the meetings list.</summary>
public sealed record MeetingSummary(
    int Id, MeetingKind Kind, Bilingual Title, DateOnly Date, string? Place, bool IsVirtual, MeetingConvener Convener, int? WorkingGroupId, string? Country, string? Table,
    int? ParticipantsTotal, int Agreements);

/// <summary>A page of meetings: those that match, how many in all, where the page starts (0-based) and its size.</summary>
public sealed record MeetingPage(int Total, int Start, int Size, IReadOnlyList<MeetingSummary> Items);

/// <summary>The list's filters, as the address carries them (empty ones ignored).</summary>
public sealed record MeetingFilter(string? Kind, int? WorkingGroup, string? Country, string? Table, int? Year);

/// <summary>Meetings for machine readers: the list, a meeting, recording and changing one, turning an agreement into an activity, attachments, and the meetings held per working group and year.</summary>
public static class MeetingsApi
{
    public const long UploadBodyBytes = RepositoryLimits.FileBytes + (1024 * 1024);

    public static IEndpointRouteBuilder MapMeetingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/meetings").WithTags("Meetings").AddEndpointFilter(ApiAntiforgery.RequireForCookies);

        api.MapGet("/", async (string? kind, int? workingGroup, string? country, string? table, int? year, int? start, int? size, MovilidadDb db, CancellationToken ct) =>
                TypedResults.Ok(await db.Meetings.AsNoTracking().MeetingPageAsync(new MeetingFilter(kind, workingGroup, country, table, year), start ?? 0, size ?? Paging.DefaultSize, ct)))
            .AllowAnonymous()
            .WithSummary("Meetings, newest first, filtered by kind, convening working group (id), country, civil-society table and year; start (0-based) and size (25, 50, 100 or 200) page it. The public and civil society read the civil-society working tables' meetings only.");

        api.MapGet("/{id:int}", async Task<IResult> (int id, MovilidadDb db, CancellationToken ct) =>
                await MeetingEditing.FindAsync(db, id, ct) is { } meeting ? TypedResults.Ok(MeetingEditing.View(meeting)) : NotFoundProblem.Of("meeting", id))
            .AllowAnonymous()
            .ProducesRead<MeetingView>()
            .WithSummary("A meeting with its participants, agreements (each with the activity it became) and attachments.");

        api.MapGet("/per-year", async Task<IResult> (int? workingGroup, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
                await auth.CanAsync(http.User, MeetingOperations.Read)
                    ? TypedResults.Ok(await db.PerWorkingGroupAsync(workingGroup, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct))
                    : TypedResults.Forbid())
            .RequireAuthorization()
            .ProducesRead<IReadOnlyList<WorkingGroupYear>>()
            .WithSummary("Indicator R3 per working group and year (meetings held plus activities done) and the mandate's check: belowTwo when the group held fewer than two meetings that year (soFar: the year has not ended).");

        api.MapPost("/", async Task<IResult> (MeetingInput input, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
                (await MeetingEditing.CreateAsync(db, input, (operation, scope) => auth.CanAsync(http.User, operation, scope), AuditActor.From(http), clock, ct))
                    .ToCreated("meeting", m => "/api/meetings/" + Meeting.IdText(m.Id)))
            .RequireAuthorization()
            .ProducesWrite<MeetingView>(StatusCodes.Status201Created)
            .WithSummary("Records a meeting: the Secretariat any; a working group's members their group's; a focal point their country's national forum.");

        api.MapPut("/{id:int}", async Task<IResult> (int id, MeetingInput input, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
                (await MeetingEditing.EditAsync(db, id, input, (operation, scope) => auth.CanAsync(http.User, operation, scope), AuditActor.From(http), clock, ct)).ToHttp("meeting", id))
            .RequireAuthorization()
            .ProducesWrite<MeetingView>()
            .WithSummary("Changes a meeting (the whole of it; agreements keep their id, and one that became an activity stays). Send the version you read; a stale one gets 409.");

        api.MapPost("/{id:int}/agreements/{agreementId:int}/activity", async Task<IResult> (int id, int agreementId, AgreementActivityInput input, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
                (await MeetingEditing.AgreementToActivityAsync(db, id, agreementId, input, (operation, scope) => auth.CanAsync(http.User, operation, scope), AuditActor.From(http), clock, ct)).ToHttp("meeting", id))
            .RequireAuthorization()
            .ProducesWrite<MeetingView>()
            .WithSummary("Turns an agreement into an activity under an actionable plan element (actionId), its working group the meeting's, its end the agreement's due date; the agreement keeps the activity's id. Send the meeting's version.");

        api.MapPost("/{id:int}/files", async Task<IResult> (int id, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
            {
                var form = await MultipartForm.ReadAsync(http, UploadBodyBytes, ct);
                if (form?.Files.GetFile("file") is not { } file)
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Send the file as the multipart field 'file'."] });
                }

                if (!int.TryParse(form["version"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["version"] = ["Send the meeting's version you read as the multipart field 'version'."] });
                }

                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, ct);
                return (await MeetingEditing.AttachAsync(db, id, version, file.FileName, buffer.ToArray(), (operation, scope) => auth.CanAsync(http.User, operation, scope), AuditActor.From(http), clock, ct))
                    .ToHttp("meeting", id);
            })
            .RequireAuthorization()
            .WithBodyLimit(UploadBodyBytes)
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesWrite<MeetingView>()
            .WithSummary("Attaches a file: multipart 'file' (PDF, DOCX, XLSX, PPTX, ODT, ODS, PNG, JPEG or SVG up to 20 MB, checked by content like the repository's uploads) and 'version'.");

        api.MapGet("/{id:int}/files/{fileId:int}", async Task<IResult> (int id, int fileId, HttpContext http, MovilidadDb db, CancellationToken ct) =>
            {
                if (!await db.Meetings.AnyAsync(m => m.Id == id, ct))
                {
                    return NotFoundProblem.Of("meeting", id);
                }

                var file = await db.MeetingFiles.AsNoTracking().Where(f => f.MeetingId == id && f.Id == fileId)
                    .Select(f => new { f.Name, f.ContentType, f.Sha256, f.Content!.Bytes }).SingleOrDefaultAsync(ct);
                if (file is null)
                {
                    return NotFoundProblem.Of("file", fileId);
                }

                http.Response.Headers["Digest"] = "sha-256=" + Convert.ToBase64String(Convert.FromHexString(file.Sha256));
                http.Response.Headers.XContentTypeOptions = "nosniff";
                return TypedResults.File(file.Bytes, file.ContentType, file.Name);
            })
            .AllowAnonymous()
            .ProducesFile("application/octet-stream")
            .WithSummary("A file of a meeting, as an attachment with its media type and SHA-256 (header Digest).");
        return app;
    }

    /// <summary>The meetings that match the filter, newest first, a page of them.</summary>
    public static async Task<MeetingPage> MeetingPageAsync(this IQueryable<Meeting> meetings, MeetingFilter filter, int start, int size, CancellationToken ct)
    {
        var kind = RepositoryVocabulary.Parse<MeetingKind>(filter.Kind);
        var from = filter.Year is { } y and > 0 and < 10000 ? new DateOnly(y, 1, 1) : DateOnly.MinValue;
        var to = filter.Year is { } z and > 0 and < 10000 ? new DateOnly(z, 12, 31) : DateOnly.MaxValue;
        var page = await meetings
            .Where(m => filter.Kind == null || m.Kind == kind)
            .Where(m => filter.WorkingGroup == null || m.WorkingGroupId == filter.WorkingGroup)
            .Where(m => filter.Country == null || m.CountryCode == filter.Country || m.Participants.Any(p => p.CountryCode == filter.Country))
            .Where(m => filter.Table == null || m.Table == filter.Table)
            .Where(m => m.Date >= from && m.Date <= to)
            .OrderByDescending(m => m.Date).ThenByDescending(m => m.Id)
            .Select(m => new MeetingSummary(m.Id, m.Kind, m.Title, m.Date, m.Place, m.IsVirtual, m.Convener, m.WorkingGroupId, m.CountryCode, m.Table,
                m.ParticipantsTotal, m.Agreements.Count))
            .PageAsync(start, size, ct);
        return new MeetingPage(page.Total, page.Start, page.Size, page.Rows);
    }
}
