using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Mentoring;
using Movilidad.Platform.Writes;
using Movilidad.Web.Infrastructure.Api;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.Mentoring;

/// <summary>An expert as a reader sees them: the contact only for the Secretariat, the expert and the people they mentor.</summary>
public sealed record ExpertView(
    int Id, string Name, string Country, string Kind, IReadOnlyList<string> Areas, IReadOnlyList<string> Languages, int HoursPerMonth, ExpertStatus Status,
    string? Contact, int Version)
{
    public static ExpertView Of(MentoringExpert e, bool withContact = true) =>
        new(e.Id, e.Name, e.Country, e.Kind, e.AreaList, e.LanguageList, e.HoursPerMonth, e.Status, withContact ? e.Contact : null, e.Version);
}

/// <summary>A session as logged.</summary>
public sealed record SessionView(int Id, DateOnly Date, int Minutes, string Topics, string? FollowUps);

/// <summary>
/// A request as one of its people (the mentee, the matched expert) or the Secretariat sees it: contacts once matched,
/// sessions, both sides' feedback and, while it is open, the experts proposed with the reasons of their rank.
/// </summary>
public sealed record RequestView(
    int Id, string MenteeName, string Country, string Topic, Bilingual TopicName, string Language, string Description, MentoringStatus Status,
    int? ExpertId, string? ExpertName, string? MenteeContact, string? ExpertContact, IReadOnlyList<SessionView> Sessions,
    int? MenteeRating, string? MenteeFeedback, int? ExpertRating, string? ExpertFeedback, Ranking? Ranking, int Version);

/// <summary>An expert's registration (their own account).</summary>
public sealed record ExpertRegistration(string? Name, string? Country, string? Kind, List<string>? Areas, List<string>? Languages, int? HoursPerMonth, string? Contact);

/// <summary>An expert's profile as edited by the expert or the Secretariat: the version read and the fields of the registration.</summary>
public sealed record ExpertChange(int Version, string? Name, string? Country, string? Kind, List<string>? Areas, List<string>? Languages, int? HoursPerMonth, string? Contact);

/// <summary>A request for mentoring.</summary>
public sealed record MentoringAsk(string? Country, string? Topic, string? Language, string? Description, string? Contact);

/// <summary>A step that names only the version read (validation of an expert).</summary>
public sealed record MentoringStep(int Version);

/// <summary>The Secretariat or the expert accepts a request for an expert.</summary>
public sealed record MentoringAccept(int Version, int? ExpertId);

/// <summary>A session to log.</summary>
public sealed record SessionLog(int Version, DateOnly? Date, int? Minutes, string? Topics, string? FollowUps);

/// <summary>One side's feedback (1 to 5 and a comment).</summary>
public sealed record MentoringFeedback(int Version, int? Rating, string? Comment);

/// <summary>Requests, matches and sessions by topic and country, for the indicators.</summary>
public sealed record MentoringCount(string Topic, string Country, int Requests, int Matched, int Sessions, int Minutes);

/// <summary>The Secretariat validates experts, matches any request and reads everything; the matched people act on their own request.</summary>
public static class MentoringOperations
{
    public static readonly Operation Manage = new("mentoring.manage");
}

/// <summary>Only the Secretariat manages mentoring; the parties' rights over their own request are checked by account.</summary>
public sealed class MentoringPermissions : OperationRules
{
    public override IReadOnlyCollection<Operation> Operations { get; } = [MentoringOperations.Manage];

    protected override bool Allows(Grant grant, Operation operation, object? resource) => false;
}

/// <summary>
/// Virtual mentoring (action 1.3, issue 14): experts register and the Secretariat validates them; a newly appointed
/// official asks for mentoring on an area and gets experts ranked by topic, language and availability (each rank
/// explained; when nobody covers the area, the nearest, said so); the Secretariat or the expert accepts; sessions and
/// feedback are logged by the matched people. Every write authorised, validated, audited (without contacts) and version-checked.
/// </summary>
public static class MentoringApi
{
    public static readonly string[] Kinds = ["crm-member", "functional-expert"];
    public static readonly string[] Languages = ["es", "en", "fr"];

    private static readonly Editable<MentoringExpert, ExpertView> Experts = new(
        "mentoring-expert", (db, id, ct) => db.MentoringExperts.FirstOrDefaultAsync(e => e.Id == id, ct), e => ExpertView.Of(e), e => e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        e => e.Country, v => v with { Contact = null });

    private static readonly Editable<MentoringRequest, RequestView> Requests = new(
        "mentoring-request", (db, id, ct) => db.MentoringRequests.Include(r => r.Sessions).FirstOrDefaultAsync(r => r.Id == id, ct),
        r => Plain(r), r => r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), r => r.Country);

    /// <summary>The audited form of a request: no contact, no ranking.</summary>
    private static RequestView Plain(MentoringRequest r) => new(
        r.Id, r.MenteeName, r.Country, r.Topic, Bilingual.Empty, r.Language, r.Description, r.Status, r.ExpertId, null, null, null,
        [.. r.Sessions.OrderBy(s => s.Date).ThenBy(s => s.Id).Select(s => new SessionView(s.Id, s.Date, s.Minutes, s.Topics, s.FollowUps))],
        r.MenteeRating, r.MenteeFeedback, r.ExpertRating, r.ExpertFeedback, null, r.Version);

    public static IEndpointRouteBuilder MapMentoringApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/mentoring").WithTags("Mentoring").AddEndpointFilter(ApiAntiforgery.RequireForCookies).RequireAuthorization();

        group.MapGet("/experts", async (string? area, string? language, HttpContext http, MovilidadDb db, IAuthorizationService auth, CancellationToken ct) =>
                TypedResults.Ok(await ExpertsAsync(db, http.User, auth, area, language, ct)))
            .WithSummary("The validated mentoring experts (areas, languages, country, hours a month), filtered by area and language; the Secretariat sees every registration. Contacts only to the Secretariat, the expert and the people they mentor.");

        group.MapPost("/experts", async Task<IResult> (ExpertRegistration body, HttpContext http, MovilidadDb db, TimeProvider clock, CancellationToken ct) =>
                (await RegisterAsync(db, body, AuditActor.From(http), clock, ct)).ToCreated("mentoring expert", e => $"/api/mentoring/experts/{e.Id}"))
            .ProducesWrite<ExpertView>(StatusCodes.Status201Created)
            .WithSummary("Registers the signed-in person as a mentoring expert (areas: keys of the Strategic Plan's pillars and thematic topics and of the Regional Plan's lines); the Secretariat validates the registration.");

        group.MapPost("/experts/{id:int}/validate", async Task<IResult> (int id, MentoringStep step, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
            {
                if (!await auth.CanAsync(http.User, MentoringOperations.Manage, null))
                {
                    return TypedResults.Forbid();
                }

                return (await ValidateAsync(db, id, step.Version, AuditActor.From(http), clock, ct)).ToHttp("mentoring expert", id);
            })
            .ProducesWrite<ExpertView>()
            .WithSummary("The Secretariat validates an expert's registration.");

        group.MapPut("/experts/{id:int}", async Task<IResult> (int id, ExpertChange change, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
                (await EditExpertAsync(db, id, change, http.User, auth, AuditActor.From(http), clock, ct)).ToHttp("mentoring expert", id))
            .ProducesWrite<ExpertView>()
            .WithSummary("The expert edits their own profile (areas, languages, country, hours a month, contact), or the Secretariat does; a validated expert stays validated. Send the version you read; a stale one gets 409.");

        group.MapGet("/requests", async (HttpContext http, MovilidadDb db, IAuthorizationService auth, CancellationToken ct) =>
                TypedResults.Ok(await RequestsAsync(db, http.User, auth, ct)))
            .WithSummary("The mentoring requests of the signed-in person (as mentee or as matched expert); every request for the Secretariat.");

        group.MapGet("/requests/{id:int}", async Task<IResult> (int id, HttpContext http, MovilidadDb db, IAuthorizationService auth, CancellationToken ct) =>
                await RequestAsync(db, id, http.User, auth, ct) is { } view ? (IResult)TypedResults.Ok(view)
                : await db.MentoringRequests.AnyAsync(r => r.Id == id, ct) ? TypedResults.Forbid() : NotFoundProblem.Of("mentoring request", id))
            .ProducesRead<RequestView>()
            .WithSummary("A mentoring request, to its mentee, its matched expert and the Secretariat: while open, the experts proposed with the reasons of their rank. A validated expert proposed for an open request reads it too (without the mentee's contact, with their own rank) so as to accept it.");

        group.MapPost("/requests", async Task<IResult> (MentoringAsk body, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
            {
                var outcome = await AskAsync(db, body, http.User, AuditActor.From(http), clock, ct);
                if (outcome is not WriteOutcome<RequestView>.Saved saved)
                {
                    return outcome.ToCreated("mentoring request", r => $"/api/mentoring/requests/{r.Id}").Result;
                }

                var view = await RequestAsync(db, saved.Value.Id, http.User, auth, ct);
                return TypedResults.Created($"/api/mentoring/requests/{saved.Value.Id}", view);
            })
            .ProducesWrite<RequestView>(StatusCodes.Status201Created)
            .WithSummary("Asks for mentoring on an area (a plan element key) in a language: the answer ranks the experts who cover it by topic, language and availability, or, when nobody does, offers the nearest and says so.");

        group.MapPost("/requests/{id:int}/accept", async Task<IResult> (int id, MentoringAccept body, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
                await RefuseAsync(db, id, http, auth, Party.Secretariat | Party.AnyExpert, ct) ?? (await AcceptAsync(db, id, body, http.User, auth, AuditActor.From(http), clock, ct)).ToHttp("mentoring request", id))
            .ProducesWrite<RequestView>()
            .WithSummary("The Secretariat matches an open request with a validated expert, or an expert accepts it for themselves.");

        group.MapPost("/requests/{id:int}/sessions", async Task<IResult> (int id, SessionLog body, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
                await RefuseAsync(db, id, http, auth, Party.Secretariat | Party.Mentee | Party.Expert, ct) ?? (await LogSessionAsync(db, id, body, AuditActor.From(http), clock, ct)).ToHttp("mentoring request", id))
            .ProducesWrite<RequestView>()
            .WithSummary("Logs a session of a matched request (date, minutes, topics, follow-ups): the mentee, the expert or the Secretariat.");

        group.MapPost("/requests/{id:int}/feedback", async Task<IResult> (int id, MentoringFeedback body, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
                await RefuseAsync(db, id, http, auth, Party.Mentee | Party.Expert, ct) ?? (await FeedbackAsync(db, id, body, AuditActor.From(http), clock, ct)).ToHttp("mentoring request", id))
            .ProducesWrite<RequestView>()
            .WithSummary("The mentee or the expert gives their side's feedback on a matched request (rating 1 to 5 and a comment).");

        group.MapGet("/counts", async Task<IResult> (HttpContext http, MovilidadDb db, IAuthorizationService auth, CancellationToken ct) =>
                await auth.CanAsync(http.User, MentoringOperations.Manage, null) ? TypedResults.Ok(await CountsAsync(db, ct)) : TypedResults.Forbid())
            .Produces<List<MentoringCount>>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Requests, matches, sessions and minutes by topic and country, for the indicators: the Secretariat.");
        return app;
    }

    /// <summary>The areas an expert may name and a request may ask about, with their parent area and name.</summary>
    public static async Task<Dictionary<string, (string? Parent, Bilingual Name)>> AreasAsync(MovilidadDb db, CancellationToken ct)
    {
        var elements = await db.PlanElements.AsNoTracking()
            .Where(e => (e.Plan!.Key == "pe-crm-2023-2026" && (e.LevelKey == "pillar" || e.LevelKey == "thematic-topic")) || (e.Plan!.Key == "prml-2023-2027" && e.LevelKey == "line"))
            .Select(e => new { e.Id, e.Key, e.ParentId, e.LevelKey, e.Title }).ToListAsync(ct);
        var keys = elements.ToDictionary(e => e.Id, e => e.Key);
        return elements.ToDictionary(e => e.Key, e => (e.LevelKey == "thematic-topic" && e.ParentId is { } p && keys.TryGetValue(p, out var parent) ? parent : null, e.Title), StringComparer.Ordinal);
    }

    private static int? AccountOf(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    public static async Task<List<ExpertView>> ExpertsAsync(MovilidadDb db, ClaimsPrincipal user, IAuthorizationService auth, string? area, string? language, CancellationToken ct)
    {
        var manages = await auth.CanAsync(user, MentoringOperations.Manage, null);
        var me = AccountOf(user);
        var mentors = await db.MentoringRequests.AsNoTracking().Where(r => r.MenteeAccountId == me && r.ExpertId != null).Select(r => r.ExpertId!.Value).ToListAsync(ct);
        var experts = await db.MentoringExperts.AsNoTracking().Where(e => manages || e.Status == ExpertStatus.Validated || e.AccountId == me).OrderBy(e => e.Name).ToListAsync(ct);
        return [.. experts
            .Where(e => string.IsNullOrWhiteSpace(area) || e.AreaList.Contains(area.Trim(), StringComparer.Ordinal))
            .Where(e => string.IsNullOrWhiteSpace(language) || e.LanguageList.Contains(language.Trim(), StringComparer.Ordinal))
            .Select(e => ExpertView.Of(e, manages || e.AccountId == me || mentors.Contains(e.Id)))];
    }

    /// <summary>The Secretariat validates a proposed registration (the caller checks that the actor manages mentoring).</summary>
    public static Task<WriteOutcome<ExpertView>> ValidateAsync(MovilidadDb db, int id, int version, AuditActor actor, TimeProvider clock, CancellationToken ct) =>
        db.EditAsync(Experts, id, version, "validate", e => Task.FromResult<IDictionary<string, string[]>>(
            e.Status == ExpertStatus.Proposed ? new FieldErrors() : new FieldErrors { ["status"] = [$"The expert is {e.Status}: only a proposed registration is validated."] }), e =>
            {
                e.Status = ExpertStatus.Validated;
                return Task.CompletedTask;
            }, actor, clock, ct);

    public static async Task<WriteOutcome<ExpertView>> RegisterAsync(MovilidadDb db, ExpertRegistration body, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        var errors = await CheckExpertAsync(db, body, ct);
        if (actor.AccountId is not { } account)
        {
            errors.Add("account", "an expert registers with their own account.");
        }
        else if (await db.MentoringExperts.AnyAsync(e => e.AccountId == account, ct))
        {
            errors.Add("account", "this account is already registered as an expert.");
        }

        if (errors.Count > 0)
        {
            return new WriteOutcome<ExpertView>.Invalid(errors);
        }

        var expert = new MentoringExpert { AccountId = actor.AccountId!.Value, Status = ExpertStatus.Proposed };
        Apply(expert, body);
        return await db.CreateAsync(Experts, expert, actor, clock, ct);
    }

    /// <summary>The expert edits their own profile, or the Secretariat does; the status stays as it is.</summary>
    public static async Task<WriteOutcome<ExpertView>> EditExpertAsync(
        MovilidadDb db, int id, ExpertChange change, ClaimsPrincipal user, IAuthorizationService auth, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        var owner = await db.MentoringExperts.AsNoTracking().Where(e => e.Id == id).Select(e => (int?)e.AccountId).FirstOrDefaultAsync(ct);
        if (owner is null)
        {
            return new WriteOutcome<ExpertView>.NotFound();
        }

        if (owner != actor.AccountId && !await auth.CanAsync(user, MentoringOperations.Manage, null))
        {
            return new WriteOutcome<ExpertView>.Forbidden();
        }

        var body = new ExpertRegistration(change.Name, change.Country, change.Kind, change.Areas, change.Languages, change.HoursPerMonth, change.Contact);
        return await db.EditAsync(Experts, id, change.Version, AuditActions.Update, async _ => await CheckExpertAsync(db, body, ct), expert =>
        {
            Apply(expert, body);
            return Task.CompletedTask;
        }, actor, clock, ct);
    }

    private static void Apply(MentoringExpert expert, ExpertRegistration body)
    {
        expert.Name = body.Name!.Trim();
        expert.Country = body.Country!.Trim().ToUpperInvariant();
        expert.Kind = body.Kind!;
        expert.Areas = Platform.Programmes.RegistryContent.List(body.Areas!);
        expert.Languages = Platform.Programmes.RegistryContent.List(body.Languages!);
        expert.HoursPerMonth = body.HoursPerMonth!.Value;
        expert.Contact = body.Contact!.Trim();
    }

    private static async Task<FieldErrors> CheckExpertAsync(MovilidadDb db, ExpertRegistration body, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Text("name", body.Name, MentoringExpert.NameMaxLength, required: true);
        errors.Text("contact", body.Contact, MentoringExpert.NameMaxLength, required: true);
        await CountryAsync(db, body.Country, errors, ct);
        if (body.Kind is null || !Kinds.Contains(body.Kind, StringComparer.Ordinal))
        {
            errors.Add("kind", $"kind is one of: {string.Join(", ", Kinds)}.");
        }

        var areas = await AreasAsync(db, ct);
        if (body.Areas is not { Count: > 0 } || body.Areas.Count > 50)
        {
            errors.Add("areas", "areas names 1 to 50 areas (keys of the Strategic Plan's pillars and thematic topics and of the Regional Plan's lines).");
        }
        else
        {
            for (var i = 0; i < body.Areas.Count; i++)
            {
                if (body.Areas[i] is not { } area || !areas.ContainsKey(area))
                {
                    errors.Add($"areas[{i}]", $"areas[{i}] is not a key of a pillar, thematic topic or line of the plans.");
                }
            }
        }

        if (body.Languages is not { Count: > 0 } || body.Languages.Any(l => !Languages.Contains(l, StringComparer.Ordinal)))
        {
            errors.Add("languages", $"languages is one or more of: {string.Join(", ", Languages)}.");
        }

        if (body.HoursPerMonth is not (>= 0 and <= 200))
        {
            errors.Add("hoursPerMonth", "hoursPerMonth is a number of hours from 0 to 200.");
        }

        return errors;
    }

    private static async Task CountryAsync(MovilidadDb db, string? country, FieldErrors errors, CancellationToken ct)
    {
        var code = country?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code) || !await db.Countries.AnyAsync(c => c.Alpha2 == code, ct))
        {
            errors.Add("country", "country is required: an ISO 3166-1 alpha-2 code.");
        }
    }

    public static async Task<WriteOutcome<RequestView>> AskAsync(MovilidadDb db, MentoringAsk body, ClaimsPrincipal user, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        await CountryAsync(db, body.Country, errors, ct);
        if (body.Topic is null || !(await AreasAsync(db, ct)).ContainsKey(body.Topic))
        {
            errors.Add("topic", "topic is required: the key of a pillar, thematic topic or line of the plans.");
        }

        if (body.Language is null || !Languages.Contains(body.Language, StringComparer.Ordinal))
        {
            errors.Add("language", $"language is one of: {string.Join(", ", Languages)}.");
        }

        errors.Text("description", body.Description, MentoringExpert.TextMaxLength, required: true);
        errors.Text("contact", body.Contact, MentoringExpert.NameMaxLength, required: true);
        if (actor.AccountId is null)
        {
            errors.Add("account", "a request is made with one's own account.");
        }

        if (errors.Count > 0)
        {
            return new WriteOutcome<RequestView>.Invalid(errors);
        }

        var request = new MentoringRequest
        {
            MenteeAccountId = actor.AccountId!.Value, MenteeName = user.Identity?.Name ?? actor.Name, MenteeContact = body.Contact!.Trim(),
            Country = body.Country!.Trim().ToUpperInvariant(), Topic = body.Topic!, Language = body.Language!, Description = body.Description!.Trim(),
            Status = MentoringStatus.Open, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        return await db.CreateAsync(Requests, request, actor, clock, ct);
    }

    public static async Task<List<RequestView>> RequestsAsync(MovilidadDb db, ClaimsPrincipal user, IAuthorizationService auth, CancellationToken ct)
    {
        var manages = await auth.CanAsync(user, MentoringOperations.Manage, null);
        var me = AccountOf(user);
        var expert = await db.MentoringExperts.AsNoTracking().Where(e => e.AccountId == me).Select(e => new { e.Id, e.Status }).FirstOrDefaultAsync(ct);
        var expertId = expert?.Id;
        var ids = await db.MentoringRequests.AsNoTracking().Where(r => manages || r.MenteeAccountId == me || (expertId != null && r.ExpertId == expertId))
            .Select(r => r.Id).ToListAsync(ct);
        if (!manages && expert is { Status: ExpertStatus.Validated })
        {
            // The open requests this expert is proposed for, so that they may accept one.
            var rank = await RankerAsync(db, ct);
            var open = await db.MentoringRequests.AsNoTracking().Where(r => r.Status == MentoringStatus.Open && r.MenteeAccountId != me).ToListAsync(ct);
            ids.AddRange(open.Where(r => rank(r).Proposals.Any(p => p.ExpertId == expert.Id)).Select(r => r.Id));
        }

        var views = new List<RequestView>();
        foreach (var id in ids.Distinct().OrderDescending())
        {
            views.Add((await RequestAsync(db, id, user, auth, ct, ranked: false))!);
        }

        return views;
    }

    /// <summary>Ranks the validated experts for a request (never the mentee themselves), with the load of each expert as it stands.</summary>
    private static async Task<Func<MentoringRequest, Ranking>> RankerAsync(MovilidadDb db, CancellationToken ct)
    {
        var parents = (await AreasAsync(db, ct)).ToDictionary(a => a.Key, a => a.Value.Parent, StringComparer.Ordinal);
        var experts = await db.MentoringExperts.AsNoTracking().Where(x => x.Status == ExpertStatus.Validated).ToListAsync(ct);
        var mentees = await db.MentoringRequests.AsNoTracking().Where(r => r.Status == MentoringStatus.Matched && r.ExpertId != null)
            .GroupBy(r => r.ExpertId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return request => Matching.Rank(request.Topic, request.Language, experts.Where(x => x.AccountId != request.MenteeAccountId), parents, mentees);
    }

    /// <summary>
    /// A request as the reader may see it, or null when they may not: its people and the Secretariat see it whole (with
    /// the ranking while it is open); a validated expert proposed for an open request sees it without the mentee's
    /// contact and with only their own rank.
    /// </summary>
    public static async Task<RequestView?> RequestAsync(MovilidadDb db, int id, ClaimsPrincipal user, IAuthorizationService auth, CancellationToken ct, bool ranked = true)
    {
        var request = await db.MentoringRequests.AsNoTracking().Include(r => r.Sessions).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
        {
            return null;
        }

        var me = AccountOf(user);
        var expert = request.ExpertId is { } e ? await db.MentoringExperts.AsNoTracking().FirstOrDefaultAsync(x => x.Id == e, ct) : null;
        var manages = await auth.CanAsync(user, MentoringOperations.Manage, null);
        var mentee = request.MenteeAccountId == me;
        var isExpert = expert is not null && expert.AccountId == me;
        var areas = await AreasAsync(db, ct);
        var topicName = areas.TryGetValue(request.Topic, out var area) ? area.Name : Bilingual.Empty;
        if (!manages && !mentee && !isExpert)
        {
            var mine = request.Status == MentoringStatus.Open && me is not null
                ? await db.MentoringExperts.AsNoTracking().FirstOrDefaultAsync(x => x.AccountId == me && x.Status == ExpertStatus.Validated, ct)
                : null;
            var own = mine is null ? null : (await RankerAsync(db, ct))(request).Proposals.FirstOrDefault(p => p.ExpertId == mine.Id);
            return own is null ? null : Plain(request) with { TopicName = topicName, Ranking = new Ranking([own], Nearest: own.Reasons.Contains("near-topic")) };
        }

        var ranking = ranked && request.Status == MentoringStatus.Open && (manages || mentee) ? (await RankerAsync(db, ct))(request) : null;

        // Only the Secretariat and the matched people get this far: contacts are theirs to see.
        return Plain(request) with
        {
            TopicName = topicName,
            ExpertName = expert?.Name,
            MenteeContact = request.MenteeContact,
            ExpertContact = expert?.Contact,
            Ranking = ranking,
        };
    }

    public static Task<WriteOutcome<RequestView>> AcceptAsync(
        MovilidadDb db, int id, MentoringAccept body, ClaimsPrincipal user, IAuthorizationService auth, AuditActor actor, TimeProvider clock, CancellationToken ct) =>
        db.EditAsync(Requests, id, body.Version, "accept", async request =>
        {
            var errors = new FieldErrors();
            var expert = body.ExpertId is { } e ? await db.MentoringExperts.AsNoTracking().FirstOrDefaultAsync(x => x.Id == e, ct) : null;
            if (expert is null || expert.Status != ExpertStatus.Validated)
            {
                errors.Add("expertId", "expertId is required: a validated expert.");
            }
            else if (!await auth.CanAsync(user, MentoringOperations.Manage, null) && expert.AccountId != actor.AccountId)
            {
                errors.Add("expertId", "an expert accepts a request for themselves only; the Secretariat matches anyone.");
            }
            else if (expert.AccountId == request.MenteeAccountId)
            {
                errors.Add("expertId", "an expert does not mentor themselves.");
            }

            if (request.Status != MentoringStatus.Open)
            {
                errors.Add("status", $"The request is {request.Status}: only an open request is accepted.");
            }

            return errors;
        }, request =>
        {
            request.ExpertId = body.ExpertId;
            request.Status = MentoringStatus.Matched;
            request.MatchedAt = clock.GetUtcNow().UtcDateTime;
            return Task.CompletedTask;
        }, actor, clock, ct);

    /// <summary>Who may act on a request.</summary>
    [Flags]
    public enum Party
    {
        Secretariat = 1,
        Mentee = 2,
        Expert = 4,
        AnyExpert = 8,
    }

    /// <summary>404 when there is no such request, 403 when the reader is none of the parties allowed, else null.</summary>
    private static async Task<IResult?> RefuseAsync(MovilidadDb db, int id, HttpContext http, IAuthorizationService auth, Party allowed, CancellationToken ct) =>
        await AllowsAsync(db, id, http, auth, allowed, ct) switch
        {
            null => (IResult?)NotFoundProblem.Of("mentoring request", id),
            true => null,
            false => TypedResults.Forbid(),
        };

    /// <summary>Whether the reader is one of the parties <paramref name="allowed"/> to act on the request; null when there is no such request.</summary>
    public static async Task<bool?> AllowsAsync(MovilidadDb db, int id, HttpContext http, IAuthorizationService auth, Party allowed, CancellationToken ct)
    {
        var request = await db.MentoringRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
        {
            return null;
        }

        var actor = AuditActor.From(http);
        var side = await SideAsync(db, request, actor, ct);
        return (allowed.HasFlag(Party.Secretariat) && await auth.CanAsync(http.User, MentoringOperations.Manage, null))
            || (allowed.HasFlag(Party.Mentee) && side == true)
            || (allowed.HasFlag(Party.Expert) && side == false)
            || (allowed.HasFlag(Party.AnyExpert) && await db.MentoringExperts.AnyAsync(e => e.AccountId == actor.AccountId && e.Status == ExpertStatus.Validated, ct));
    }

    /// <summary>Whether the actor is the request's mentee (true), its expert (false), or neither (null).</summary>
    private static async Task<bool?> SideAsync(MovilidadDb db, MentoringRequest request, AuditActor actor, CancellationToken ct)
    {
        if (request.MenteeAccountId == actor.AccountId)
        {
            return true;
        }

        return request.ExpertId is { } e && await db.MentoringExperts.AnyAsync(x => x.Id == e && x.AccountId == actor.AccountId, ct) ? false : null;
    }

    public static Task<WriteOutcome<RequestView>> LogSessionAsync(MovilidadDb db, int id, SessionLog body, AuditActor actor, TimeProvider clock, CancellationToken ct) =>
        db.EditAsync(Requests, id, body.Version, "log-session", request =>
        {
            var errors = new FieldErrors();
            if (request.Status != MentoringStatus.Matched)
            {
                errors.Add("status", $"The request is {request.Status}: sessions are logged on a matched request.");
            }

            if (body.Date is not { } date || date > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) || date.Year < 2000)
            {
                errors.Add("date", "date is required: the day of the session, not in the future.");
            }

            if (body.Minutes is not (>= 1 and <= 600))
            {
                errors.Add("minutes", "minutes is a number from 1 to 600.");
            }

            errors.Text("topics", body.Topics, MentoringExpert.TextMaxLength, required: true);
            errors.Text("followUps", body.FollowUps, MentoringExpert.TextMaxLength, required: false);
            return Task.FromResult<IDictionary<string, string[]>>(errors);
        }, request =>
        {
            request.Sessions.Add(new MentoringSession
            {
                Date = body.Date!.Value, Minutes = body.Minutes!.Value, Topics = body.Topics!.Trim(), FollowUps = string.IsNullOrWhiteSpace(body.FollowUps) ? null : body.FollowUps.Trim(),
                LoggedById = actor.AccountId!.Value,
            });
            return Task.CompletedTask;
        }, actor, clock, ct);

    public static async Task<WriteOutcome<RequestView>> FeedbackAsync(MovilidadDb db, int id, MentoringFeedback body, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        bool? side = null;
        return await db.EditAsync(Requests, id, body.Version, "feedback", async request =>
        {
            var errors = new FieldErrors();
            side = await SideAsync(db, request, actor, ct);
            if (request.Status != MentoringStatus.Matched)
            {
                errors.Add("status", $"The request is {request.Status}: feedback is given on a matched request.");
            }

            if (body.Rating is not (>= 1 and <= 5))
            {
                errors.Add("rating", "rating is a number from 1 to 5.");
            }

            errors.Text("comment", body.Comment, MentoringExpert.TextMaxLength, required: false);
            return errors;
        }, request =>
        {
            var comment = string.IsNullOrWhiteSpace(body.Comment) ? null : body.Comment.Trim();
            if (side == true)
            {
                request.MenteeRating = body.Rating;
                request.MenteeFeedback = comment;
            }
            else
            {
                request.ExpertRating = body.Rating;
                request.ExpertFeedback = comment;
            }

            return Task.CompletedTask;
        }, actor, clock, ct);
    }

    public static async Task<List<MentoringCount>> CountsAsync(MovilidadDb db, CancellationToken ct)
    {
        var requests = await db.MentoringRequests.AsNoTracking().Include(r => r.Sessions).ToListAsync(ct);
        return [.. requests.GroupBy(r => (r.Topic, r.Country)).OrderBy(g => g.Key.Topic, StringComparer.Ordinal).ThenBy(g => g.Key.Country, StringComparer.Ordinal)
            .Select(g => new MentoringCount(g.Key.Topic, g.Key.Country, g.Count(), g.Count(r => r.Status != MentoringStatus.Open), g.Sum(r => r.Sessions.Count), g.Sum(r => r.Sessions.Sum(s => s.Minutes))))];
    }
}
