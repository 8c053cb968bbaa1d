using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Programmes;
using Movilidad.Platform.Writes;
using Movilidad.Web.Infrastructure.Api;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.Programmes;

/// <summary>One line of the list of programmes or agreements.</summary>
public sealed record RegistrySummary(int Id, string Key, Bilingual Name, string? Status, IReadOnlyList<string> Countries, bool IsPublished, RegistryStage Stage);

/// <summary>
/// The registry for machine readers: published programmes and agreements for everyone (no account), drafts for those
/// who may read them; and the review the pages offer: propose a change (saved as a draft), submit it, and the
/// Secretariat publishes or returns it. Every write authorised by the entry's countries, validated, audited, version-checked.
/// </summary>
public static class ProgrammesApi
{
    public static IEndpointRouteBuilder MapProgrammesApi(this IEndpointRouteBuilder app)
    {
        MapRegistry<Programme>(app, "/api/programmes", "Programmes", "programme");
        MapRegistry<Agreement>(app, "/api/agreements", "Agreements", "agreement");
        return app;
    }

    /// <summary>
    /// The registry's reads and review steps for one kind of entry under <paramref name="prefix"/>; the list is left to
    /// the caller when <paramref name="withList"/> is false (qualification procedures are listed with their own filters).
    /// </summary>
    public static RouteGroupBuilder MapRegistry<T>(IEndpointRouteBuilder app, string prefix, string tag, string what, bool withList = true)
        where T : RegistryEntry, new()
    {
        var group = app.MapGroup(prefix).WithTags(tag).AddEndpointFilter(ApiAntiforgery.RequireForCookies);

        if (withList)
        {
            group.MapGet("/", async (string? country, string? status, HttpContext http, MovilidadDb db, IAuthorizationService auth, CancellationToken ct) =>
                    TypedResults.Ok(await SummariesAsync<T>(db, http.User, auth, country, status, ct)))
                .AllowAnonymous()
                .WithSummary($"The published {what}s (and the drafts the reader may read), filtered by a country they name (ISO 3166-1 alpha-2) and their status code.");
        }

        // One parameter name with the writes' {id:int}, so the document has one path: it takes the key (us-h2a) or the id.
        group.MapGet("/{id}", async Task<IResult> (string id, HttpContext http, MovilidadDb db, IAuthorizationService auth, CancellationToken ct) =>
                await ReadAsync<T>(db, id, http.User, auth, ct) is { } view ? TypedResults.Ok(view) : NotFoundProblem.Of(what, id))
            .AllowAnonymous()
            .ProducesRead<RegistryEntryView>()
            .WithSummary($"A {what} by its key (us-h2a) or id: its published content, every statement with its sources; the pending change to those who read drafts.");

        group.MapPost("/", async Task<IResult> (RegistryChange change, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
            {
                if (change.Content is { } content && !await RegistryEditing.MayProposeAsync<T>(auth, http.User, null, content))
                {
                    return TypedResults.Forbid();
                }

                return (await db.CreateAsync<T>(change.Content, AuditActor.From(http), clock, ct))
                    .ToCreated(what, created => $"{prefix}/{created.Id.ToString(CultureInfo.InvariantCulture)}");
            })
            .RequireAuthorization()
            .ProducesWrite<RegistryEntryView>(StatusCodes.Status201Created)
            .WithSummary($"Proposes a new {what} (version 0) as a draft: the Secretariat, or a focal point of a country it names. The content is the entry as in data/, in JSON.");

        group.MapPut("/{id:int}", async Task<IResult> (int id, RegistryChange change, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
            {
                if (await db.Set<T>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) is not { } entry)
                {
                    return NotFoundProblem.Of(what, id);
                }

                var allowed = change.Content is { } content
                    ? await RegistryEditing.MayProposeAsync(auth, http.User, entry, content)
                    : await auth.CanAsync(http.User, RegistryOperations.Propose, new RegistryScope(entry.CountryList));
                return allowed ? (await db.ProposeAsync<T>(id, change, AuditActor.From(http), clock, ct)).ToHttp(what, id) : TypedResults.Forbid();
            })
            .RequireAuthorization()
            .ProducesWrite<RegistryEntryView>()
            .WithSummary($"Saves a change to a {what} as its draft (what is published stays until the Secretariat publishes the change). Send the version you read; a stale one gets 409. A focal point changes only the entries of their country (of an ILO convention, their country's row).");
        MapStep<T, RegistryStep>(group, HttpMethods.Post, "/{id:int}/submit", what, RegistryOperations.Propose, (db, id, step, actor, clock, ct) => db.SubmitAsync<T>(id, step.Version, actor, clock, ct))
            .WithSummary($"Sends the draft of a {what} for the Secretariat's review.");
        MapStep<T, RegistryStep>(group, HttpMethods.Post, "/{id:int}/publish", what, RegistryOperations.Review, (db, id, step, actor, clock, ct) => db.PublishAsync<T>(id, step.Version, actor, clock, ct))
            .WithSummary($"The Secretariat publishes the pending change of a {what}.");
        MapStep<T, RegistryReturn>(group, HttpMethods.Post, "/{id:int}/return", what, RegistryOperations.Review,
                (db, id, step, actor, clock, ct) => db.ReturnAsync<T>(id, step.Version, step.Comment, actor, clock, ct))
            .WithSummary($"The Secretariat returns a {what}'s change in review to its author with a comment.");
        return group;
    }

    private static RouteHandlerBuilder MapStep<T, TBody>(
        RouteGroupBuilder group, string method, string pattern, string what, Operation operation,
        Func<MovilidadDb, int, TBody, AuditActor, TimeProvider, CancellationToken, Task<WriteOutcome<RegistryEntryView>>> write)
        where T : RegistryEntry
        where TBody : class =>
        group.MapMethods(pattern, [method], async Task<IResult> (int id, TBody body, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
            {
                var countries = await db.Set<T>().Where(e => e.Id == id).Select(e => e.Countries).FirstOrDefaultAsync(ct);
                if (countries is null)
                {
                    return NotFoundProblem.Of(what, id);
                }

                if (!await auth.CanAsync(http.User, operation, new RegistryScope(countries.Split(' ', StringSplitOptions.RemoveEmptyEntries))))
                {
                    return TypedResults.Forbid();
                }

                return (await write(db, id, body, AuditActor.From(http), clock, ct)).ToHttp(what, id);
            })
            .RequireAuthorization()
            .ProducesWrite<RegistryEntryView>();

    /// <summary>The entries the reader may see: published ones, and the drafts of the entries they may read drafts of.</summary>
    public static async Task<List<RegistrySummary>> SummariesAsync<T>(MovilidadDb db, ClaimsPrincipal user, IAuthorizationService auth, string? country, string? status, CancellationToken ct)
        where T : RegistryEntry
    {
        var query = db.Set<T>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(country))
        {
            var padded = $" {country.Trim().ToUpperInvariant()} ";
            query = query.Where(e => e.Countries.Contains(padded));
        }

        if (!string.IsNullOrWhiteSpace(status))
        {
            query = query.Where(e => e.StatusCode == status.Trim());
        }

        var entries = await query.OrderBy(e => e.Key).ToListAsync(ct);
        var seen = new List<RegistrySummary>();
        foreach (var e in entries)
        {
            var readsDraft = e.Stage != RegistryStage.Published && await auth.CanAsync(user, RegistryOperations.ReadDrafts, new RegistryScope(e.CountryList));
            if (e.IsPublished || readsDraft)
            {
                seen.Add(new RegistrySummary(e.Id, e.Key, e.Name, e.StatusCode, e.CountryList, e.IsPublished, readsDraft ? e.Stage : RegistryStage.Published));
            }
        }

        return seen;
    }

    /// <summary>An entry by key or id as the reader may see it, or null when there is none they may see.</summary>
    public static async Task<RegistryEntryView?> ReadAsync<T>(MovilidadDb db, string key, ClaimsPrincipal user, IAuthorizationService auth, CancellationToken ct)
        where T : RegistryEntry
    {
        var id = int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0;
        var entry = await db.Set<T>().AsNoTracking().FirstOrDefaultAsync(e => e.Key == key || e.Id == id, ct);
        if (entry is null)
        {
            return null;
        }

        var view = RegistryEntryView.Of(entry);
        if (await auth.CanAsync(user, RegistryOperations.ReadDrafts, new RegistryScope(entry.CountryList)))
        {
            return view;
        }

        return entry.IsPublished ? view.Public() : null;
    }
}
