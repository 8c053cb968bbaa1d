using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Knowledge;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Training;
using Movilidad.Web.Infrastructure.Api;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Training;

/// <summary>One line of the catalogue.</summary>
public sealed record CourseSummary(
    int Id, string Kind, string? Modality, Bilingual Title, IReadOnlyList<string> MissingLanguages, Bilingual ProviderName, IReadOnlyList<string> Languages,
    IReadOnlyList<string> Audiences, IReadOnlyList<string> Topics, IReadOnlyList<string> Countries, DateOnly? StartDate, DateOnly? EndDate, decimal? Hours, string? Url);

/// <summary>A page of the catalogue: the courses that match, how many in all, where the page starts (0-based) and its size.</summary>
public sealed record CoursePage(int Total, int Start, int Size, IReadOnlyList<CourseSummary> Items);

/// <summary>The catalogue's filters, as the address carries them (empty ones ignored).</summary>
public sealed record CourseFilter(string? Kind, string? Modality, string? Country, string? Audience, string? Topic, string? Lang);

/// <summary>The training catalogue for machine readers: the list (filtered, paged), a course, recording and changing one.</summary>
public static class CoursesApi
{
    /// <summary>The most events one iCalendar file holds.</summary>
    public const int MaxIcsEvents = 5000;

    public static IEndpointRouteBuilder MapCoursesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/courses").WithTags("Training").AddEndpointFilter(ApiAntiforgery.RequireForCookies);

        api.MapGet("/", async (string? kind, string? modality, string? country, string? audience, string? topic, string? lang, int? start, int? size, MovilidadDb db, CancellationToken ct) =>
                TypedResults.Ok(await db.Courses.AsNoTracking().CoursePageAsync(new CourseFilter(kind, modality, country, audience, topic, lang), start ?? 0, size ?? Paging.DefaultSize, ct)))
            .AllowAnonymous()
            .WithSummary("The training catalogue, newest edition first (courses without dates last), filtered by kind, modality, country, audience, topic and language; start (0-based) and size (25, 50, 100 or 200) page it.");

        api.MapGet("/calendar.ics", async (string? kind, string? modality, string? country, string? audience, string? topic, string? lang, HttpContext http, MovilidadDb db, TimeProvider clock, CancellationToken ct) =>
            {
                var courses = await db.Courses.AsNoTracking().Matching(new CourseFilter(kind, modality, country, audience, topic, lang)).Where(c => c.StartDate != null)
                    .OrderBy(c => c.StartDate).ThenBy(c => c.Id).Take(MaxIcsEvents)
                    .Select(c => new IcsCourse(c.Id, c.Title, c.ProviderName, c.StartDate!.Value, c.EndDate, c.Url)).ToListAsync(ct);
                var site = $"{http.Request.Scheme}://{http.Request.Host}";
                var english = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
                return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(CourseIcs.Write(courses, site, clock.GetUtcNow().UtcDateTime, english)), CourseIcs.ContentType, english ? "courses.ics" : "cursos.ics");
            })
            .AllowAnonymous()
            .ProducesFile("text/calendar")
            .WithSummary("The dated courses that match the catalogue's filters as an iCalendar file (RFC 5545): one all-day event per course, titled in the reader's language (Accept-Language), at most 5,000.");

        api.MapGet("/{id:int}", async Task<IResult> (int id, MovilidadDb db, CancellationToken ct) =>
                await db.Courses.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct) is { } course
                    ? TypedResults.Ok(CourseEditing.View(course))
                    : NotFoundProblem.Of("course", id))
            .AllowAnonymous()
            .ProducesRead<CourseView>()
            .WithSummary("A course with every field of the catalogue and the sources of a shipped one.");

        api.MapPost("/", async Task<IResult> (CourseInput input, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
                (await CourseEditing.CreateAsync(db, input, (operation, scope) => auth.CanAsync(http.User, operation, scope), AuditActor.From(http), clock, ct))
                    .ToCreated("course", c => "/api/courses/" + Course.IdText(c.Id)))
            .RequireAuthorization()
            .ProducesWrite<CourseView>(StatusCodes.Status201Created)
            .WithSummary("Records a course: the Secretariat any; a focal point one of their country's institutions (providerId); an observer (a providing agency) any.");

        api.MapPut("/{id:int}", async Task<IResult> (int id, CourseInput input, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
                (await CourseEditing.EditAsync(db, id, input, (operation, scope) => auth.CanAsync(http.User, operation, scope), AuditActor.From(http), clock, ct)).ToHttp("course", id))
            .RequireAuthorization()
            .ProducesWrite<CourseView>()
            .WithSummary("Changes a course (the whole of it): the Secretariat any; a focal point those of their country's institutions or that they recorded; an observer those it recorded. Send the version you read; a stale one gets 409.");

        api.MapGet("/{id:int}/interest", async Task<IResult> (int id, HttpContext http, MovilidadDb db, IAuthorizationService auth, CancellationToken ct) =>
                await CourseInterests.SeesWhoAsync(db, auth, http.User, id, AuditActor.From(http).AccountId, ct) switch
                {
                    null => NotFoundProblem.Of("course", id),
                    false => TypedResults.Forbid(),
                    true => TypedResults.Ok(await CourseInterests.ViewAsync(db, id, AuditActor.From(http).AccountId, seesWho: true, ct)),
                })
            .RequireAuthorization()
            .ProducesRead<CourseInterestView>()
            .WithSummary("Who said they are interested in a course, and how many: for its provider (the focal point of the provider's country, the person who recorded it) and the Secretariat.");

        api.MapPost("/{id:int}/interest", (int id, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) => SetInterestAsync(id, true, http, db, auth, clock, ct))
            .RequireAuthorization()
            .ProducesWrite<CourseInterestView>()
            .WithSummary("Says the signed-in person is interested in the course (once: saying it again changes nothing). The answer has the count and the people for the course's provider.");

        api.MapDelete("/{id:int}/interest", (int id, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) => SetInterestAsync(id, false, http, db, auth, clock, ct))
            .RequireAuthorization()
            .ProducesWrite<CourseInterestView>()
            .WithSummary("Withdraws the signed-in person's interest in the course (withdrawing it again changes nothing).");
        return app;
    }

    private static async Task<IResult> SetInterestAsync(int id, bool interested, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct)
    {
        if (!await auth.CanAsync(http.User, CourseOperations.Interest))
        {
            return TypedResults.Forbid();
        }

        var actor = AuditActor.From(http);
        var seesWho = await CourseInterests.SeesWhoAsync(db, auth, http.User, id, actor.AccountId, ct) == true;
        return (await CourseInterests.SetAsync(db, id, interested, seesWho, actor, clock, ct)).ToHttp("course", id);
    }

    /// <summary>The courses that match the filter (an unknown kind or modality matches nothing).</summary>
    public static IQueryable<Course> Matching(this IQueryable<Course> courses, CourseFilter filter)
    {
        var kind = CourseVocabulary.Parse<CourseKind>(filter.Kind);
        var modality = CourseVocabulary.Parse<CourseModality>(filter.Modality);
        return courses
            .Where(c => filter.Kind == null || c.Kind == kind)
            .Where(c => filter.Modality == null || c.Modality == modality)
            .Where(c => filter.Country == null || EF.Functions.Like(c.Countries, CodeList.Pattern(filter.Country)))
            .Where(c => filter.Audience == null || EF.Functions.Like(c.Audiences, CodeList.Pattern(filter.Audience)))
            .Where(c => filter.Topic == null || EF.Functions.Like(c.Topics, CodeList.Pattern(filter.Topic)))
            .Where(c => filter.Lang == null || EF.Functions.Like(c.Languages, CodeList.Pattern(filter.Lang)));
    }

    /// <summary>The courses that match the filter, newest edition first, a page of them.</summary>
    public static async Task<CoursePage> CoursePageAsync(this IQueryable<Course> courses, CourseFilter filter, int start, int size, CancellationToken ct)
    {
        var page = await courses.Matching(filter)
            .OrderByDescending(c => c.StartDate != null).ThenByDescending(c => c.StartDate).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Kind, c.Modality, c.Title, c.ProviderName, c.Languages, c.Audiences, c.Topics, c.Countries, c.StartDate, c.EndDate, c.Hours, c.Url })
            .PageAsync(start, size, ct);
        return new CoursePage(page.Total, page.Start, page.Size, page.Rows.Select(c => new CourseSummary(
            c.Id, CourseVocabulary.Kebab(c.Kind), c.Modality is { } m ? CourseVocabulary.Kebab(m) : null, c.Title, CourseEditing.Missing(c.Title), c.ProviderName,
            CodeList.Split(c.Languages), CodeList.Split(c.Audiences), CodeList.Split(c.Topics), CodeList.Split(c.Countries), c.StartDate, c.EndDate, c.Hours, c.Url)).ToList());
    }
}
