using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Movilidad.Web.Infrastructure.Api;
using Movilidad.Platform.Audit;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Monitoring;

namespace Movilidad.Web.Features.Monitoring;

/// <summary>One line of the activity list.</summary>
public sealed record ActivitySummary(int Id, int ActionId, string? ActionCode, string Code, Bilingual Title, int? WorkingGroupId, ActivityStatus Status, DateOnly? StartDate, DateOnly? EndDate, IReadOnlyList<string> Countries, int Version);

/// <summary>The operational plan's activities, their country shares and concept notes. Every write is authorised, validated, audited and version-checked.</summary>
public static class MonitoringApi
{
    public static IEndpointRouteBuilder MapMonitoringApi(this IEndpointRouteBuilder app)
    {
        var activities = app.MapGroup("/api/activities").WithTags("Monitoring").RequireAuthorization()
            .AddEndpointFilter(ApiAntiforgery.RequireForCookies);

        activities.MapGet("/", async Task<IResult> (int? actionId, string? country, int? workingGroupId, HttpContext http, MovilidadDb db, IAuthorizationService auth, CancellationToken ct) =>
                await auth.CanAsync(http.User, MonitoringOperations.Read)
                    ? TypedResults.Ok(await db.ActivitySummariesAsync(actionId, country, workingGroupId, ct))
                    : TypedResults.Forbid())
            .ProducesRead<List<ActivitySummary>>()
            .WithSummary("The activities, filtered by action, country and working group, in plan order.");

        activities.MapGet("/{id:int}", async Task<IResult> (int id, HttpContext http, MovilidadDb db, IAuthorizationService auth, CancellationToken ct) =>
            {
                if (!await auth.CanAsync(http.User, MonitoringOperations.Read))
                {
                    return TypedResults.Forbid();
                }

                var activity = await db.FindForEditAsync(id, ct);
                return activity is null ? NotFoundProblem.Of("activity", id) : TypedResults.Ok(ActivityEditing.Snapshot(activity));
            })
            .ProducesRead<ActivitySnapshot>()
            .WithSummary("An activity with its institutions, country shares, budget lines, GCM objectives, SDG targets and what its concept note still misses.");

        activities.MapPost("/", async Task<IResult> (ActivityEdit edit, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
            {
                if (!await auth.CanAsync(http.User, MonitoringOperations.EditActivity, await db.ActivityScopeAsync(edit.WorkingGroupId, edit.ActionId, ct)))
                {
                    return TypedResults.Forbid();
                }

                return (await db.CreateAsync(edit, AuditActor.From(http), clock, ct)).ToCreated("activity", created => $"/api/activities/{created.Id.ToString(CultureInfo.InvariantCulture)}");
            })
            .ProducesWrite<ActivitySnapshot>(StatusCodes.Status201Created)
            .WithSummary("Creates an activity under an action (version 0). Its working group, or the action's, must be yours.");

        activities.MapPut("/{id:int}", async Task<IResult> (int id, ActivityEdit edit, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
            {
                if (!await CanEditAsync(id, http, db, auth, ct)
                    || !await auth.CanAsync(http.User, MonitoringOperations.EditActivity, await db.ActivityScopeAsync(edit.WorkingGroupId, edit.ActionId, ct)))
                {
                    return TypedResults.Forbid();
                }

                return WriteResults.ToHttp(await db.SaveAsync(id, edit, AuditActor.From(http), clock, ct), "activity", id);
            })
            .ProducesWrite<ActivitySnapshot>()
            .WithSummary("Saves an activity. Send the version you read; a stale one gets 409 with the current activity.");

        activities.MapDelete("/{id:int}", async Task<IResult> (int id, [FromQuery] int version, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
                await CanEditAsync(id, http, db, auth, ct)
                    ? WriteResults.ToHttp(await db.DeleteAsync(id, version, AuditActor.From(http), clock, ct), "activity", id)
                    : TypedResults.Forbid())
            .ProducesWrite<ActivitySnapshot>()
            .WithSummary("Deletes an activity (soft: the audit trail keeps it).");

        activities.MapPut("/{id:int}/status", async Task<IResult> (int id, StatusChange change, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
            {
                return await CanEditAsync(id, http, db, auth, ct)
                    ? WriteResults.ToHttp(await db.ChangeStatusAsync(id, change, AuditActor.From(http), clock, ct), "activity", id)
                    : TypedResults.Forbid();
            })
            .ProducesWrite<ActivitySnapshot>()
            .WithSummary("Moves an activity along its workflow; approved and in progress need a complete concept note, postponed and cancelled a reason.");

        activities.MapPut("/{id:int}/countries/{country}", async Task<IResult> (int id, string country, CountryShareEdit edit, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
            {
                var code = country.ToUpperInvariant();
                return await auth.CanAsync(http.User, MonitoringOperations.EditCountryShare, new CountryScope(code))
                    ? WriteResults.ToHttp(await db.SaveShareAsync(id, code, edit, AuditActor.From(http), clock, ct), "country share", $"{id}/{code}")
                    : TypedResults.Forbid();
            })
            .ProducesWrite<CountryShareView>()
            .WithSummary("Saves one country's share of an activity: its responsible institution, dates, budget and status. Only that country's focal point.");

        activities.MapGet("/{id:int}/concept-note", async Task<IResult> (int id, HttpContext http, MovilidadDb db, IAuthorizationService auth, CancellationToken ct) =>
            {
                if (!await auth.CanAsync(http.User, MonitoringOperations.Read))
                {
                    return TypedResults.Forbid();
                }

                var activity = await db.FindForEditAsync(id, ct);
                return activity is null ? NotFoundProblem.Of("activity", id) : TypedResults.Ok(ConceptNoteEditing.View(activity));
            })
            .ProducesRead<ConceptNoteView>()
            .WithSummary("The activity's concept note, its results, and the fields still missing for it to be complete.");

        activities.MapPut("/{id:int}/concept-note", async Task<IResult> (int id, ConceptNoteEdit edit, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
            {
                return await CanEditAsync(id, http, db, auth, ct)
                    ? WriteResults.ToHttp(await db.SaveConceptNoteAsync(id, edit, AuditActor.From(http), clock, ct), "activity", id)
                    : TypedResults.Forbid();
            })
            .ProducesWrite<ConceptNoteView>()
            .WithSummary("Saves the concept note and results of an activity. Send the activity's version you read.");

        activities.MapGet("/{id:int}/history", async Task<IResult> (int id, HttpContext http, MovilidadDb db, IAuthorizationService auth, CancellationToken ct) =>
                await auth.CanAsync(http.User, MonitoringOperations.Read)
                    ? TypedResults.Ok(ItemHistory.ForReader(await db.ActivityHistoryAsync(id, ct), await auth.CanAsync(http.User, AuditOperations.Read)))
                    : TypedResults.Forbid())
            .ProducesRead<IReadOnlyList<HistoryEntry>>()
            .WithSummary("Every saved version of an activity, its country shares and its concept note, newest first.");
        return app;
    }

    /// <summary>The versions of an activity, of its country shares and of its concept note, newest first.</summary>
    public static Task<List<HistoryEntry>> ActivityHistoryAsync(this MovilidadDb db, int id, CancellationToken ct)
    {
        var key = AuditTrail.Key(id);
        var shares = key + ":";
        return db.HistoryAsync(e => ((e.EntityType == ActivityEditing.EntityType || e.EntityType == ConceptNoteEditing.EntityType) && e.EntityId == key)
            || (e.EntityType == ActivityEditing.ShareEntityType && e.EntityId.StartsWith(shares)), ct);
    }

    /// <summary>Edits need the activity's current working group: someone cannot take over an activity by naming their own group.</summary>
    private static async Task<bool> CanEditAsync(int id, HttpContext http, MovilidadDb db, IAuthorizationService auth, CancellationToken ct)
    {
        var current = await db.Activities.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.WorkingGroupId, a.ActionId }).SingleOrDefaultAsync(ct);

        // An unknown activity is answered 404 by the write itself, to the people who may edit activities at all.
        return current is null
            ? await auth.CanAsync(http.User, MonitoringOperations.EditActivity, new WorkingGroupScope([]))
            : await auth.CanAsync(http.User, MonitoringOperations.EditActivity, await db.ActivityScopeAsync(current.WorkingGroupId, current.ActionId, ct));
    }

    public static async Task<List<ActivitySummary>> ActivitySummariesAsync(this MovilidadDb db, int? actionId, string? country, int? workingGroupId, CancellationToken ct)
    {
        var query = db.Activities.AsNoTracking();
        if (actionId is { } action)
        {
            query = query.Where(a => a.ActionId == action);
        }

        if (!string.IsNullOrEmpty(country))
        {
            query = query.Where(a => a.Countries.Any(c => c.CountryCode == country));
        }

        if (workingGroupId is { } group)
        {
            query = query.Where(a => a.WorkingGroupId == group);
        }

        return await query
            .OrderBy(a => a.Action!.Plan!.SortOrder).ThenBy(a => a.Action!.SortOrder).ThenBy(a => a.Code).ThenBy(a => a.Id)
            .Select(a => new ActivitySummary(a.Id, a.ActionId, a.Action!.Code, a.Code, a.Title, a.WorkingGroupId, a.Status, a.StartDate, a.EndDate,
                a.Countries.OrderBy(c => c.CountryCode).Select(c => c.CountryCode).ToList(), a.Version))
            .ToListAsync(ct);
    }
}
