using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Recruiters;
using Movilidad.Web.Infrastructure.Api;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.Recruiters;

/// <summary>The anti-abuse token the public fraud form carries; send it back as <c>token</c> 3 s to 2 h later, with <c>website</c> empty.</summary>
public sealed record FraudFormToken(string Token, string HoneypotField, int MinimumSeconds, int MaximumSeconds);

/// <summary>Fraud reports received, by country concerned and month (yyyy-mm): no content, no personal data.</summary>
public sealed record FraudReportCount(string Country, string Month, int Reports);

/// <summary>
/// The recruiters directory, the worker's check and the fraud reports for machine readers. The directory, its licences
/// and sanctions and the check are public; a fraud report is sent without an account (token, honeypot, limit per
/// address) and read only by the focal point of its country and the Secretariat.
/// </summary>
public static class RecruitersApi
{
    public const int MaxResults = 500;

    public static IServiceCollection AddRecruiters(this IServiceCollection services) => services.AddSingleton<FraudReportGuard>();

    public static IEndpointRouteBuilder MapRecruitersApi(this IEndpointRouteBuilder app)
    {
        var recruiters = app.MapGroup("/api/recruiters").WithTags("Recruiters").AddEndpointFilter(ApiAntiforgery.RequireForCookies);

        recruiters.MapGet("/", async Task<IResult> (string? q, string? country, string? status, string? limit, MovilidadDb db, IStringLocalizer text, TimeProvider clock, CancellationToken ct) =>
            {
                if (NameProblem(q, "q", text) is { } tooLong)
                {
                    return tooLong;
                }

                if (!QueryParameter.TryEnum<DirectoryStatus>(status, "status", text, out var filter, out var problem)
                    || !QueryParameter.TryInt(limit, "limit", 1, MaxResults, 100, text, out var rows, out problem))
                {
                    return problem!;
                }

                if (country is not null && (country.Length != 2 || !country.All(char.IsAsciiLetterUpper)))
                {
                    return QueryParameter.Invalid("country", text["Recruiters.Error.Country", country]);
                }

                return TypedResults.Ok(await RecruiterQueries.SearchAsync(db, q, country, filter, Today(clock), rows, ct));
            })
            .AllowAnonymous()
            .ProducesRead<IReadOnlyList<RecruiterSummary>>()
            .WithSummary("The recruiters directory: q (a name, written any way, or a licence number), country (ISO 3166-1 alpha-2), status (sanctioned, licensed, declared), limit (1-500).");

        recruiters.MapGet("/{id:int}", async Task<IResult> (int id, MovilidadDb db, TimeProvider clock, CancellationToken ct) =>
                await RecruiterQueries.FindAsync(db, id, Today(clock), ct) is { } view ? TypedResults.Ok(view) : NotFoundProblem.Of("recruiter", id))
            .AllowAnonymous()
            .ProducesRead<RecruiterView>()
            .WithSummary("One recruiter: its names, licences per country, sanctions with dates and source, and the H-2B cases that declared it (employer, year, occupations). A merged entry answers with the one it was merged into.");

        recruiters.MapGet("/check", async Task<IResult> (string? name, MovilidadDb db, IStringLocalizer text, TimeProvider clock, CancellationToken ct) =>
            {
                if (string.IsNullOrWhiteSpace(name))
                {
                    return QueryParameter.Invalid("name", text["Recruiters.Error.NameRequired"]);
                }

                if (NameProblem(name, "name", text) is { } tooLong)
                {
                    return tooLong;
                }

                return TypedResults.Ok(await RecruiterQueries.CheckAsync(db, name.Trim(), Today(clock), ct));
            })
            .AllowAnonymous()
            .ProducesRead<CheckAnswer>()
            .WithSummary("The worker's check: verdict (unknown, known-without-licence, licensed, sanctioned-before, sanctioned) for a name or licence number, the entries matched and, apart, similar names. Unknown never means legitimate.");

        recruiters.MapGet("/duplicates", async Task<IResult> (string? status, HttpContext http, MovilidadDb db, IAuthorizationService auth, IStringLocalizer text, CancellationToken ct) =>
            {
                if (!await auth.CanAsync(http.User, RecruiterOperations.ReviewDuplicates))
                {
                    return TypedResults.Forbid();
                }

                return !QueryParameter.TryEnum<DuplicateStatus>(status, "status", text, out var filter, out var problem)
                    ? problem!
                    : TypedResults.Ok(await DuplicatesAsync(db, filter, ct));
            })
            .RequireAuthorization()
            .ProducesRead<IReadOnlyList<DuplicateView>>()
            .WithSummary("Directory entries proposed as duplicates (same name once legal forms and punctuation are left out, or a close spelling), for the Secretariat's review.");

        recruiters.MapPost("/duplicates/{id:int}/review", async Task<IResult> (int id, DuplicateReview review, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
                !await auth.CanAsync(http.User, RecruiterOperations.ReviewDuplicates)
                    ? TypedResults.Forbid()
                    : (await RecruiterEditing.ReviewAsync(db, id, review, AuditActor.From(http), clock, ct)).ToHttp("duplicate", id))
            .RequireAuthorization()
            .ProducesWrite<Platform.Recruiters.RecruiterDuplicate>()
            .WithSummary("The Secretariat merges a proposed pair (the second entry then points at the first), keeps it apart, or undoes either (decision: merge, keep-apart, undo). Send the version you read.");

        recruiters.MapPost("/{id:int}/sanctions", async Task<IResult> (int id, SanctionForm form, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
            {
                if (!await auth.CanAsync(http.User, RecruiterOperations.RecordSanctions, new CountryScope(form.Country ?? "")))
                {
                    return TypedResults.Forbid();
                }

                if (await RecruiterEditing.ValidateAsync(db, form, ct) is { Count: > 0 } errors)
                {
                    return TypedResults.ValidationProblem(errors, detail: string.Join(" ", errors.Select(e => $"{e.Key}: {e.Value[0]}")));
                }

                return (await RecruiterEditing.RecordSanctionAsync(db, id, form, AuditActor.From(http), clock, ct))
                    .ToCreated("recruiter", _ => $"/api/recruiters/{id.ToString(CultureInfo.InvariantCulture)}");
            })
            .RequireAuthorization()
            .ProducesWrite<SanctionView>(StatusCodes.Status201Created)
            .WithSummary("Records a sanction (kind: debarment, licence-revoked, licence-suspended, fine, other) with its authority, dates and source: the focal point of the sanction's country or the Secretariat.");

        recruiters.MapPost("/", async Task<IResult> (RecruiterForm form, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
                !await auth.CanAsync(http.User, RecruiterOperations.RecordSanctions, new CountryScope(form.Country ?? ""))
                    ? TypedResults.Forbid()
                    : (await RecruiterRecords.CreateAsync(db, form, AuditActor.From(http), clock, ct))
                        .ToCreated("recruiter", created => $"/api/recruiters/{created.Id.ToString(CultureInfo.InvariantCulture)}"))
            .RequireAuthorization()
            .ProducesWrite<RecruiterRecord>(StatusCodes.Status201Created)
            .WithSummary("Adds a recruiter by hand (kind: not-stated, private-agency, public-employment-service, social-organisation, employer, person): the focal point of its country or the Secretariat. A name already in the directory for the country is refused naming the entry.");

        recruiters.MapPost("/{id:int}/licences", async Task<IResult> (int id, LicenceForm form, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
                !await auth.CanAsync(http.User, RecruiterOperations.RecordSanctions, new CountryScope(form.Country ?? ""))
                    ? TypedResults.Forbid()
                    : (await RecruiterRecords.AddLicenceAsync(db, id, form, AuditActor.From(http), clock, ct)).ToHttp("recruiter", id))
            .RequireAuthorization()
            .ProducesWrite<RecruiterRecord>()
            .WithSummary("Records a recruiter's licence or registration (country that issued it, number, authority, validFrom, validTo, status: active, suspended, revoked, expired, source): the focal point of the issuing country or the Secretariat. Send the recruiter's version you read; a stale one gets 409.");

        recruiters.MapPut("/{id:int}/licences/{licenceId:int}", async Task<IResult> (int id, int licenceId, LicenceForm form, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
            {
                var issuer = await db.RecruiterLicences.Where(l => l.Id == licenceId && l.RecruiterId == id).Select(l => l.Country).FirstOrDefaultAsync(ct);
                if (issuer is null)
                {
                    return NotFoundProblem.Of("licence", licenceId);
                }

                return !await auth.CanAsync(http.User, RecruiterOperations.RecordSanctions, new CountryScope(issuer))
                    || !await auth.CanAsync(http.User, RecruiterOperations.RecordSanctions, new CountryScope(form.Country ?? ""))
                    ? TypedResults.Forbid()
                    : (await RecruiterRecords.EditLicenceAsync(db, id, licenceId, form, AuditActor.From(http), clock, ct)).ToHttp("recruiter", id);
            })
            .RequireAuthorization()
            .ProducesWrite<RecruiterRecord>()
            .WithSummary("Changes a licence (status, dates, authority, source): the focal point of the issuing country or the Secretariat. Send the recruiter's version you read; a stale one gets 409.");

        var reports = app.MapGroup("/api/fraud-reports").WithTags("Fraud reports").AddEndpointFilter(ApiAntiforgery.RequireForCookies);

        reports.MapGet("/token", (FraudReportGuard guard) =>
                TypedResults.Ok(new FraudFormToken(guard.Issue(), FraudReportGuard.HoneypotField, (int)FraudReportGuard.MinimumAge.TotalSeconds, (int)FraudReportGuard.MaximumAge.TotalSeconds)))
            .AllowAnonymous()
            .ProducesRead<FraudFormToken>()
            .WithSummary("A signed time token for one fraud report: send it back as 'token' between 3 seconds and 2 hours later.");

        // Sent without an account, so without a session to forge: no antiforgery token (the form's own token, honeypot and limit keep spam out).
        var publicReports = app.MapGroup("/api/fraud-reports").WithTags("Fraud reports");
        publicReports.MapPost("/", async Task<IResult> (FraudReportForm form, HttpContext http, MovilidadDb db, FraudReportGuard guard, IStringLocalizer text, TimeProvider clock, CancellationToken ct) =>
            {
                if (!guard.TryCount(http))
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: text["Fraud.Error.TooMany", guard.PermitsPerHour]);
                }

                var errors = await RecruiterEditing.ValidateAsync(db, form, ct);
                if (guard.Refusal(form.Token) is { } refusal)
                {
                    errors["token"] = refusal;
                }

                if (errors.Count > 0)
                {
                    var messages = errors.ToDictionary(e => e.Key, e => new[] { text[e.Value, RecruiterNames.MaxLength].Value });
                    return TypedResults.ValidationProblem(messages, detail: string.Join(" ", messages.Select(e => $"{e.Key}: {e.Value[0]}")));
                }

                var receipt = await RecruiterEditing.CreateAsync(db, form, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, clock, ct);
                return TypedResults.Created($"/api/fraud-reports/{receipt.Id.ToString(CultureInfo.InvariantCulture)}", receipt);
            })
            .AllowAnonymous()
            .ProducesWrite<FraudReportReceipt>(StatusCodes.Status201Created)
            .WithSummary("Reports a suspected recruitment fraud, without an account: country concerned, recruiter's name, what happened, optional contact (seen only by that country's focal point and the Secretariat), the token, and 'website' left empty. 429 after the hour's reports from one address.");

        reports.MapGet("/", async Task<IResult> (string? country, HttpContext http, MovilidadDb db, IAuthorizationService auth, CancellationToken ct) =>
            {
                var readable = await ReadableCountriesAsync(http, db, auth, ct);
                if (readable.Count == 0)
                {
                    return TypedResults.Forbid();
                }

                var query = db.FraudReports.AsNoTracking().Where(f => readable.Contains(f.Country));
                if (!string.IsNullOrEmpty(country))
                {
                    query = query.Where(f => f.Country == country);
                }

                return TypedResults.Ok((await query.OrderByDescending(f => f.ReceivedAt).ThenByDescending(f => f.Id).Take(MaxResults).ToListAsync(ct)).Select(RecruiterEditing.View).ToList());
            })
            .RequireAuthorization()
            .ProducesRead<IReadOnlyList<FraudReportView>>()
            .WithSummary("The fraud reports the reader triages: a focal point their country's, the Secretariat all; newest first.");

        reports.MapGet("/{id:int}", async Task<IResult> (int id, HttpContext http, MovilidadDb db, IAuthorizationService auth, CancellationToken ct) =>
            {
                var report = await db.FraudReports.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
                if (report is null)
                {
                    return NotFoundProblem.Of("fraud report", id);
                }

                return await auth.CanAsync(http.User, RecruiterOperations.ReadFraudReports, new CountryScope(report.Country))
                    ? TypedResults.Ok(RecruiterEditing.View(report))
                    : TypedResults.Forbid();
            })
            .RequireAuthorization()
            .ProducesRead<FraudReportView>()
            .WithSummary("One fraud report with the reporter's contact details: the focal point of its country and the Secretariat.");

        reports.MapPost("/{id:int}/triage", async Task<IResult> (int id, FraudTriage triage, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
            {
                var country = await db.FraudReports.Where(f => f.Id == id).Select(f => f.Country).FirstOrDefaultAsync(ct);
                if (country is null)
                {
                    return NotFoundProblem.Of("fraud report", id);
                }

                return await auth.CanAsync(http.User, RecruiterOperations.TriageFraudReports, new CountryScope(country))
                    ? (await RecruiterEditing.TriageAsync(db, id, triage, AuditActor.From(http), clock, ct)).ToHttp("fraud report", id)
                    : TypedResults.Forbid();
            })
            .RequireAuthorization()
            .ProducesWrite<FraudReportView>()
            .WithSummary("The focal point of the report's country (or the Secretariat) triages it: status in-review, referred or closed, with a note. Send the version you read.");

        reports.MapGet("/counts", async (MovilidadDb db, CancellationToken ct) => TypedResults.Ok(await CountsAsync(db, ct)))
            .AllowAnonymous()
            .ProducesRead<IReadOnlyList<FraudReportCount>>()
            .WithSummary("Fraud reports received by country concerned and month: counts only, for the dashboard.");
        return app;
    }

    public static async Task<IReadOnlyList<FraudReportCount>> CountsAsync(MovilidadDb db, CancellationToken ct) =>
        (await db.FraudReports.AsNoTracking().Select(f => new { f.Country, f.ReceivedAt }).ToListAsync(ct))
            .GroupBy(f => (f.Country, Month: f.ReceivedAt.ToString("yyyy-MM", CultureInfo.InvariantCulture)))
            .OrderByDescending(g => g.Key.Month).ThenBy(g => g.Key.Country)
            .Select(g => new FraudReportCount(g.Key.Country, g.Key.Month, g.Count())).ToList();

    /// <summary>The countries whose reports the reader may read: every country for the Secretariat, their own for a focal point.</summary>
    public static async Task<IReadOnlyList<string>> ReadableCountriesAsync(HttpContext http, MovilidadDb db, IAuthorizationService auth, CancellationToken ct)
    {
        var countries = await db.FraudReports.Select(f => f.Country).Distinct().ToListAsync(ct);
        var readable = new List<string>();
        foreach (var country in countries.Union(http.User.FocalCountries()).Union(Platform.Accounts.AccountAdministration.CrmCountries).Distinct())
        {
            if (await auth.CanAsync(http.User, RecruiterOperations.ReadFraudReports, new CountryScope(country)))
            {
                readable.Add(country);
            }
        }

        return readable;
    }

    public static async Task<IReadOnlyList<DuplicateView>> DuplicatesAsync(MovilidadDb db, DuplicateStatus? status, CancellationToken ct)
    {
        var duplicates = db.RecruiterDuplicates.AsNoTracking();
        if (status is { } only)
        {
            duplicates = duplicates.Where(d => d.Status == only);
        }

        return await duplicates.OrderBy(d => d.Status).ThenByDescending(d => d.Similarity).ThenBy(d => d.Id).Take(MaxResults)
            .Join(db.Recruiters, d => d.RecruiterId, r => r.Id, (d, r) => new { d, r })
            .Join(db.Recruiters, x => x.d.OtherId, o => o.Id, (x, o) => new DuplicateView(x.d.Id, x.r.Id, x.r.Name, x.r.Country, o.Id, o.Name, o.Country,
                x.d.Reason, x.d.Similarity, x.d.Status, x.d.ReviewedBy, x.d.ReviewedAt, x.d.Version))
            .ToListAsync(ct);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem? NameProblem(string? name, string field, IStringLocalizer text) =>
        name?.Length > RecruiterNames.MaxLength ? QueryParameter.Invalid(field, text["Recruiters.Error.NameTooLong", RecruiterNames.MaxLength]) : null;

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
