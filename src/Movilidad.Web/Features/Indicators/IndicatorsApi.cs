using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Movilidad.Web.Infrastructure.Api;
using Movilidad.Platform.Audit;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Indicators;
using Movilidad.Platform.Institutions;

namespace Movilidad.Web.Features.Indicators;

/// <summary>One country's report of one period in a list.</summary>
public sealed record ReportSummary(string Plan, string Period, string Country, ReportStatus Status, bool Locked, DateOnly Due, int Version);

/// <summary>Indicators, their values and workflow, the dashboard figures and the SDMX-CSV export.</summary>
public static class IndicatorsApi
{
    public static IEndpointRouteBuilder MapIndicatorsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/indicators").WithTags("Indicators").RequireAuthorization()
            .AddEndpointFilter(ApiAntiforgery.RequireForCookies);

        api.MapGet("/", async Task<IResult> (string? plan, HttpContext http, MovilidadDb db, IAuthorizationService auth, CancellationToken ct) =>
                await auth.CanAsync(http.User, IndicatorOperations.Read) ? TypedResults.Ok(await db.IndicatorViewsAsync(plan, null, ct)) : TypedResults.Forbid())
            .ProducesRead<List<IndicatorView>>()
            .WithSummary("The indicators of a plan (or of every plan), with their unit, baseline, targets and rules.");

        api.MapGet("/{id:int}", async Task<IResult> (int id, HttpContext http, MovilidadDb db, IAuthorizationService auth, CancellationToken ct) =>
            {
                if (!await auth.CanAsync(http.User, IndicatorOperations.Read))
                {
                    return TypedResults.Forbid();
                }

                return await db.IndicatorViewsAsync(null, id, ct) is [var view] ? TypedResults.Ok(view) : NotFoundProblem.Of("indicator", id);
            })
            .ProducesRead<IndicatorView>()
            .WithSummary("One indicator with its targets.");

        api.MapPut("/{id:int}", async Task<IResult> (int id, IndicatorEdit edit, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
            {
                return await auth.CanAsync(http.User, IndicatorOperations.Edit)
                    ? WriteResults.ToHttp(await db.SaveIndicatorAsync(id, edit, AuditActor.From(http), clock, ct), "indicator", id)
                    : TypedResults.Forbid();
            })
            .ProducesWrite<IndicatorView>()
            .WithSummary("Edits an indicator's names, unit, baseline and targets (the Secretariat). A reload of the shipped file keeps the edit.");

        api.MapPost("/", async Task<IResult> (IndicatorCreate create, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
            {
                if (!await auth.CanAsync(http.User, IndicatorOperations.Edit))
                {
                    return TypedResults.Forbid();
                }

                return (await db.CreateIndicatorAsync(create, AuditActor.From(http), clock, ct)).ToCreated("indicator", created => $"/api/indicators/{AuditTrail.Key(created.Id)}");
            })
            .ProducesWrite<IndicatorView>(StatusCodes.Status201Created)
            .WithSummary("Creates an indicator of a plan with its definition in both languages, type, unit, baseline, target type, aggregation and targets (the Secretariat).");

        api.MapPut("/{id:int}/targets", async Task<IResult> (int id, TargetsEdit edit, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
            {
                return await auth.CanAsync(http.User, IndicatorOperations.Edit)
                    ? WriteResults.ToHttp(await db.SaveTargetsAsync(id, edit, AuditActor.From(http), clock, ct), "indicator", id)
                    : TypedResults.Forbid();
            })
            .ProducesWrite<IndicatorView>()
            .WithSummary("Replaces every target of an indicator (per country, or the region with no country, and period) at once: all are saved or none (the Secretariat).");

        api.MapGet("/reports", async Task<IResult> (string? plan, string? country, HttpContext http, MovilidadDb db, IAuthorizationService auth, CancellationToken ct) =>
                await auth.CanAsync(http.User, IndicatorOperations.Read) ? TypedResults.Ok(await db.ReportSummariesAsync(plan, country?.ToUpperInvariant(), ct)) : TypedResults.Forbid())
            .ProducesRead<List<ReportSummary>>()
            .WithSummary("Every country and period of the plans with a reporting calendar, with the report's status (draft when nothing is saved).");

        var report = api.MapGroup("/reports/{plan}/{period}/{country}");
        report.MapGet("/", async Task<IResult> (string plan, string period, string country, HttpContext http, MovilidadDb db, IAuthorizationService auth, IStringLocalizer text, CancellationToken ct) =>
            {
                if (!await auth.CanAsync(http.User, IndicatorOperations.Read))
                {
                    return TypedResults.Forbid();
                }

                var (address, errors) = await db.AddressAsync(plan, period, country, text, ct);
                return address is null ? Refused(errors, plan) : TypedResults.Ok(await db.ViewAsync(address, ct));
            })
            .ProducesRead<ReportView>()
            .WithSummary("One country's values for one period: status, version, values by sex and disaggregation, and the automatic ones.");

        report.MapPut("/", async Task<IResult> (string plan, string period, string country, ValuesEdit edit, HttpContext http, MovilidadDb db, IAuthorizationService auth, IStringLocalizer text, TimeProvider clock, CancellationToken ct) =>
            {
                if (!await auth.CanAsync(http.User, IndicatorOperations.EnterValues, new CountryScope(country.ToUpperInvariant())))
                {
                    return TypedResults.Forbid();
                }

                var (address, errors) = await db.AddressAsync(plan, period, country, text, ct);
                return address is null ? Refused(errors, plan) : WriteResults.ToHttp(await db.SaveValuesAsync(address, edit, text, AuditActor.From(http), clock, ct), "report", $"{plan}/{period}/{country}");
            })
            .ProducesWrite<ReportView>()
            .WithSummary("Saves the country's values as a draft. Send the report's version (0 for the first save); every row is checked and nothing is saved if one is wrong.");

        foreach (var (step, operation, summary) in new[]
        {
            (ReportActions.Submit, IndicatorOperations.EnterValues, "Submits the country's values for review; every indicator needs a total."),
            (ReportActions.Approve, IndicatorOperations.Review, "Approves submitted values (the Secretariat)."),
            (ReportActions.Return, IndicatorOperations.Review, "Returns submitted or approved values to the country with a comment saying what to correct (the Secretariat)."),
        })
        {
            report.MapPost("/" + step, async Task<IResult> (string plan, string period, string country, ReportStep edit, HttpContext http, MovilidadDb db, IAuthorizationService auth, IStringLocalizer text, TimeProvider clock, CancellationToken ct) =>
                {
                    if (!await auth.CanAsync(http.User, operation, new CountryScope(country.ToUpperInvariant())))
                    {
                        return TypedResults.Forbid();
                    }

                    var (address, errors) = await db.AddressAsync(plan, period, country, text, ct);
                    return address is null ? Refused(errors, plan) : WriteResults.ToHttp(await db.StepAsync(address, step, edit, text, AuditActor.From(http), clock, ct), "report", $"{plan}/{period}/{country}");
                })
                .ProducesWrite<ReportView>()
                .WithSummary(summary);
        }

        foreach (var locking in new[] { true, false })
        {
            api.MapPost("/periods/{plan}/{period}/" + (locking ? ReportActions.Lock : ReportActions.Reopen), async Task<IResult> (string plan, string period, PeriodStep edit, HttpContext http, MovilidadDb db, IAuthorizationService auth, IStringLocalizer text, TimeProvider clock, CancellationToken ct) =>
                {
                    if (!await auth.CanAsync(http.User, IndicatorOperations.LockPeriods))
                    {
                        return TypedResults.Forbid();
                    }

                    var (address, errors) = await db.AddressAsync(plan, period, null, text, ct);
                    return address is null ? Refused(errors, plan) : WriteResults.ToHttp(await db.LockAsync(address, locking, edit, text, AuditActor.From(http), clock, ct), "period", $"{plan}/{period}");
                })
                .ProducesWrite<PeriodView>()
                .WithSummary(locking ? "Locks a period: none of its values change until it is reopened (the Secretariat)." : "Reopens a locked period, with the reason (the Secretariat); audited.");
        }

        api.MapGet("/dashboard", async Task<IResult> (
                string? plan, int? indicator, HttpContext http, MovilidadDb db, IndicatorDashboard dashboard, IAuthorizationService auth, IOptions<JsonOptions> json, CancellationToken ct) =>
            {
                if (!await auth.CanAsync(http.User, IndicatorOperations.Read))
                {
                    return TypedResults.Forbid();
                }

                return await dashboard.JsonAsync(db, plan, indicator, approvedOnly: false, json.Value.SerializerOptions, ct) is { } body
                    ? TypedResults.Bytes(body, "application/json; charset=utf-8")
                    : NotFoundProblem.Of("plan with indicators", plan ?? "(default)");
            })
            .ProducesRead<IndicatorDashboardData>()
            .WithSummary("The dashboard's figures: progress per indicator, line, country and working group, the trend of one indicator, and the reporting status per period.");

        api.MapGet("/values.sdmx.csv", async Task<IResult> (string? plan, string? country, string? period, HttpContext http, MovilidadDb db, IAuthorizationService auth, CancellationToken ct) =>
            {
                var audience = await auth.CanAsync(http.User, IndicatorOperations.Read) ? SdmxAudience.IndicatorReaders : SdmxAudience.Public;
                return Results.Stream(async stream =>
                {
                    await using var writer = new StreamWriter(stream, new UTF8Encoding(false));
                    await SdmxCsv.WriteAsync(db, writer, audience, plan, country?.ToUpperInvariant(), period, ct);
                }, SdmxCsv.ContentType, "indicator-values.csv");
            })
            .AllowAnonymous()
            .ProducesFile(SdmxCsv.ContentType)
            .WithSummary("Indicator values as SDMX-CSV 1.0 (one observation per sex category), filtered by plan, country and period: for everyone the approved values of "
                + "published plans (and counted values of locked periods); for those who read indicators the submitted ones too.");
        return app;
    }

    private static IResult Refused(Dictionary<string, string[]>? errors, string plan) =>
        errors is null ? NotFoundProblem.Of("plan", plan) : TypedResults.ValidationProblem(errors);

    public static async Task<List<ReportSummary>> ReportSummariesAsync(this MovilidadDb db, string? planKey, string? country, CancellationToken ct)
    {
        var members = (await db.MemberCountriesAsync(ct)).Where(c => country is null || c == country).Order(StringComparer.Ordinal).ToList();
        var periods = await db.ReportingPeriods.AsNoTracking().Where(p => planKey == null || p.Plan!.Key == planKey)
            .OrderBy(p => p.Plan!.SortOrder).ThenBy(p => p.Start).Select(p => new { p.Id, Plan = p.Plan!.Key, p.Code, p.Due, Locked = p.LockedAt != null }).ToListAsync(ct);
        var ids = periods.Select(p => p.Id).ToList();
        var reports = await db.IndicatorReports.AsNoTracking().Where(r => ids.Contains(r.PeriodId) && (country == null || r.CountryCode == country))
            .Select(r => new { r.PeriodId, r.CountryCode, r.Status, r.Version }).ToListAsync(ct);
        var byKey = reports.ToDictionary(r => (r.PeriodId, r.CountryCode));
        return periods.SelectMany(p => members.Select(c => byKey.TryGetValue((p.Id, c), out var r)
            ? new ReportSummary(p.Plan, p.Code, c, r.Status, p.Locked, p.Due, r.Version)
            : new ReportSummary(p.Plan, p.Code, c, ReportStatus.Draft, p.Locked, p.Due, 0))).ToList();
    }
}
