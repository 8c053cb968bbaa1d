using Movilidad.Platform.Auth;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Movilidad.Web.Infrastructure.Api;
using Movilidad.Platform.Audit;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Pledges;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Pledges;

/// <summary>An evidence file sent through the API, its content in base64.</summary>
public sealed record EvidenceFileRequest(string FileName, string ContentType, byte[] Content);

/// <summary>A quarterly update through the API: the update, and optionally its evidence file.</summary>
public sealed record QuarterlyUpdateRequest(int Version, int Year, int Quarter, PledgeStatus Status, string? Narrative, string? EvidenceUrl, EvidenceFileRequest? EvidenceFile);

/// <summary>Pledges and their quarterly updates. Published pledges are read by everyone; every write is authorised, validated, audited and version-checked.</summary>
public static class PledgesApi
{
    /// <summary>
    /// The body an update may have: its evidence file at the documented maximum, in base64 (a third larger), with room
    /// for the rest of the update. Larger than the platform's default limit, for this endpoint only.
    /// </summary>
    public const long UpdateBodyBytes = (PledgeEditing.MaxEvidenceBytes + 2) / 3 * 4 + 64 * 1024;

    public static IEndpointRouteBuilder MapPledgesApi(this IEndpointRouteBuilder app)
    {
        var pledges = app.MapGroup("/api/pledges").WithTags("Pledges").AddEndpointFilter(ApiAntiforgery.RequireForCookies);

        pledges.MapGet("/", async Task<Results<Ok<ListPage<PledgeSummary>>, ValidationProblem>> (string? status, string? type, int? gcm, int? start, int? size,
                HttpContext http, MovilidadDb db, IStringLocalizer text, CancellationToken ct) =>
            {
                if (!QueryParameter.TryEnum<PledgeStatus>(status, "status", text, out var latest, out var problem)
                    || !QueryParameter.TryEnum<PledgerType>(type, "type", text, out var pledger, out problem))
                {
                    return problem!;
                }

                return TypedResults.Ok(ListPage.Of(await db.Pledges.AsNoTracking().VisibleTo(http.User).Matching(latest, pledger, gcm).OrderBy(p => p.Id)
                    .PageAsync(start ?? 0, size ?? Paging.DefaultSize, (page, token) => page.SummariesAsync(token), ct)));
            })
            .AllowAnonymous()
            .WithSummary("The pledges you may read (published ones, and unpublished ones for those who may read them), oldest first, with their latest status; filtered by that status, pledger type and GCM objective (1-23); start (0-based) and size (25, 50, 100 or 200) page them.");

        pledges.MapGet("/{id:int}", async Task<IResult> (int id, HttpContext http, MovilidadDb db, CancellationToken ct) =>
            {
                if (!await db.Pledges.VisibleTo(http.User).AnyAsync(p => p.Id == id, ct))
                {
                    return NotFoundProblem.Of("pledge", id);
                }

                return TypedResults.Ok(PledgeEditing.Snapshot((await db.FindPledgeAsync(id, ct))!));
            })
            .AllowAnonymous()
            .ProducesRead<PledgeSnapshot>()
            .WithSummary("A pledge with its pledgers, GCM objectives, milestones, links and quarterly updates.");

        pledges.MapPost("/", async Task<IResult> (PledgeEdit edit, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
            {
                var actor = AuditActor.From(http);
                if (!await auth.CanAsync(http.User, PledgeOperations.Edit, await db.PledgeScopeAsync(edit.Pledgers ?? [], actor.AccountId, http.User, ct)))
                {
                    return TypedResults.Forbid();
                }

                return (await db.CreateAsync(edit, actor, clock, ct, await PledgeEditing.SpeaksForAsync(http.User, auth))).ToCreated("pledge", created => $"/api/pledges/{created.Id.ToString(CultureInfo.InvariantCulture)}");
            })
            .RequireAuthorization()
            .ProducesWrite<PledgeSnapshot>(StatusCodes.Status201Created)
            .WithSummary("Records a pledge (version 0): a focal point for their country's state (other states named are proposed co-pledgers until their focal point confirms), observers and civil society for pledgers of their own kind.");

        pledges.MapPut("/{id:int}", async Task<IResult> (int id, PledgeEdit edit, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
            {
                var current = await db.Pledges.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.CreatedById, Pledgers = p.Pledgers.Select(x => x.InstitutionId).ToList() }).SingleOrDefaultAsync(ct);
                if (current is null)
                {
                    return await auth.CanAsync(http.User, PledgeOperations.Edit, await db.PledgeScopeAsync(edit.Pledgers ?? [], AuditActor.From(http).AccountId, http.User, ct))
                        ? NotFoundProblem.Of("pledge", id)
                        : TypedResults.Forbid();
                }

                if (!await auth.CanAsync(http.User, PledgeOperations.Edit, await db.PledgeScopeAsync(current.Pledgers, current.CreatedById, http.User, ct))
                    || !await auth.CanAsync(http.User, PledgeOperations.Edit, await db.PledgeScopeAsync(edit.Pledgers ?? [], current.CreatedById, http.User, ct)))
                {
                    return TypedResults.Forbid();
                }

                return WriteResults.ToHttp(await db.SaveAsync(id, edit, AuditActor.From(http), clock, ct, await PledgeEditing.SpeaksForAsync(http.User, auth)), "pledge", id);
            })
            .RequireAuthorization()
            .ProducesWrite<PledgeSnapshot>()
            .WithSummary("Saves a pledge. Send the version you read; a stale one gets 409 with the current pledge.");

        pledges.MapPost("/{id:int}/updates", async Task<IResult> (int id, QuarterlyUpdateRequest request, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
            {
                if (!await CanEditAsync(id, http, db, auth, ct))
                {
                    return TypedResults.Forbid();
                }

                var file = request.EvidenceFile is { } f ? new EvidenceFile(f.FileName ?? string.Empty, f.ContentType ?? string.Empty, f.Content ?? []) : null;
                var edit = new QuarterlyUpdateEdit(request.Version, request.Year, request.Quarter, request.Status, request.Narrative, request.EvidenceUrl);
                return WriteResults.ToHttp(await db.RecordUpdateAsync(id, edit, file, AuditActor.From(http), clock, ct), "pledge", id);
            })
            .RequireAuthorization()
            .WithBodyLimit(UpdateBodyBytes)
            .ProducesWrite<PledgeSnapshot>()
            .WithSummary("Records a quarter's status, narrative and evidence (a link and/or a file in base64: PDF, PNG, JPEG, DOCX, XLSX up to 800 KB).");

        pledges.MapPost("/{id:int}/pledgers/{institutionId:int}/confirm", async Task<IResult> (int id, int institutionId, CoPledgerConfirmation confirmation, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
                await auth.CanAsync(http.User, PledgeOperations.ConfirmCoPledger, new CountryScope(await db.StateCountryAsync(institutionId, ct) ?? string.Empty))
                    ? WriteResults.ToHttp(await db.ConfirmCoPledgerAsync(id, institutionId, confirmation, AuditActor.From(http), clock, ct), "pledge", id)
                    : TypedResults.Forbid())
            .RequireAuthorization()
            .ProducesWrite<PledgeSnapshot>()
            .WithSummary("Confirms a state proposed as co-pledger by another country's focal point: a focal point of that state's country, or the Secretariat. Send the version you read.");

        pledges.MapPut("/{id:int}/publication", async Task<IResult> (int id, PublicationChange change, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
            {
                return await auth.CanAsync(http.User, PledgeOperations.Publish)
                    ? WriteResults.ToHttp(await db.PublishAsync(id, change, AuditActor.From(http), clock, ct), "pledge", id)
                    : TypedResults.Forbid();
            })
            .RequireAuthorization()
            .ProducesWrite<PledgeSnapshot>()
            .WithSummary("Publishes a pledge or takes it back (the Secretariat).");

        pledges.MapGet("/{id:int}/updates/{updateId:int}/evidence", async Task<IResult> (int id, int updateId, HttpContext http, MovilidadDb db, CancellationToken ct) =>
            {
                var update = await db.PledgeUpdates.AsNoTracking()
                    .Where(u => u.Id == updateId && u.PledgeId == id && u.EvidenceFileName != null && db.Pledges.VisibleTo(http.User).Any(p => p.Id == u.PledgeId))
                    .Select(u => new { u.EvidenceFileName, u.EvidenceContentType }).SingleOrDefaultAsync(ct);
                var content = update is null ? null : await db.PledgeEvidence.AsNoTracking().Where(e => e.UpdateId == updateId).Select(e => e.Content).SingleOrDefaultAsync(ct);
                return update is null || content is null
                    ? NotFoundProblem.Of("evidence file of the update", $"{id}/{updateId}")
                    : TypedResults.File(content, update.EvidenceContentType, update.EvidenceFileName);
            })
            .AllowAnonymous()
            .ProducesFile("application/octet-stream")
            .WithSummary("The evidence file of a quarterly update, as an attachment.");

        return app;
    }

    /// <summary>A write needs the pledge's current pledgers: someone cannot take a pledge over by naming their own institution.</summary>
    public static async Task<bool> CanEditAsync(int id, HttpContext http, MovilidadDb db, IAuthorizationService auth, CancellationToken ct)
    {
        var current = await db.Pledges.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.CreatedById, Pledgers = p.Pledgers.Select(x => x.InstitutionId).ToList() }).SingleOrDefaultAsync(ct);

        // An unknown pledge is answered 404 by the write itself, to the people who may edit some pledge.
        return current is null
            ? await auth.CanAsync(http.User, PledgeOperations.Publish)
            : await auth.CanAsync(http.User, PledgeOperations.Edit, await db.PledgeScopeAsync(current.Pledgers, current.CreatedById, http.User, ct));
    }
}
