using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Programmes;
using Movilidad.Platform.Qualifications;
using Movilidad.Platform.Writes;
using Movilidad.Web.Features.Programmes;
using Movilidad.Web.Infrastructure.Api;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.Qualifications;

/// <summary>One line of the list of procedures.</summary>
public sealed record ProcedureSummary(
    int Id, string Key, Bilingual Name, string Kind, string Country, string? Institution, IReadOnlyList<string> Occupations,
    string? LastVerified, bool Stale, bool IsPublished, RegistryStage Stage);

/// <summary>A procedure as the comparison shows it: its steps in order, duration and cost (converted when a figure is sourced).</summary>
public sealed record ComparedProcedure(
    string Key, Bilingual Name, string Kind, string? Institution, IReadOnlyList<Bilingual> Steps, int? TypicalDays, int? MaxDays, Bilingual? DurationText,
    Bilingual? CostText, decimal? CostValue, string? CostCurrency, string? CostAsOf, ConvertedCost? Converted, string? LastVerified, bool Stale);

/// <summary>
/// One country of a comparison: its procedures, or none sourced; for a comparison by occupation, the competency standards
/// and occupational profiles recorded for it (empty: none recorded for the occupation in the country; null when no
/// occupation was asked).
/// </summary>
public sealed record ComparedCountry(string Country, IReadOnlyList<ComparedProcedure> Procedures, IReadOnlyList<StandardSummary>? Standards);

/// <summary>The comparison of countries for one occupation or one kind of procedure, costs in one currency at a stated date.</summary>
/// <summary>The comparison, with the regional standards for the occupation (a region's, such as SICA's, not one country's) after the countries.</summary>
public sealed record Comparison(string? Occupation, string? Kind, string Currency, DateOnly On, IReadOnlyList<ComparedCountry> Countries, IReadOnlyList<StandardSummary>? Regional);

/// <summary>A rate entered by the Secretariat (one US dollar in units of the currency, on a date, with its source).</summary>
public sealed record ExchangeRateView(int Id, string Currency, decimal Rate, DateOnly AsOf, string Source, string? SourceUrl, int Version)
{
    public static ExchangeRateView Of(ExchangeRate r) => new(r.Id, r.Currency, r.Rate, r.AsOf, r.Source, r.SourceUrl, r.Version);
}

/// <summary>A new rate, or a change to one (with the version read).</summary>
public sealed record ExchangeRateChange(int Version, string? Currency, decimal? Rate, DateOnly? AsOf, string? Source, string? SourceUrl);

/// <summary>Who enters the exchange rates of the comparison: the Secretariat only.</summary>
public static class QualificationOperations
{
    public static readonly Operation EditRates = new("qualifications.rates");
}

/// <summary>The Secretariat enters the rates; no other grant does (the procedures' review is the registry's).</summary>
public sealed class QualificationPermissions : OperationRules
{
    public override IReadOnlyCollection<Operation> Operations { get; } = [QualificationOperations.EditRates];

    protected override bool Allows(Grant grant, Operation operation, object? resource) => false;
}

/// <summary>
/// Qualifications and their recognition (action 2.1, issue 14) for machine readers: the procedures by country,
/// occupation (ISCO-08) and kind, the comparison of countries, the exchange rates; and the registry's review of a
/// procedure (propose, submit, publish, return), authorised by the procedure's country.
/// </summary>
public static partial class QualificationsApi
{
    public static IEndpointRouteBuilder MapQualificationsApi(this IEndpointRouteBuilder app)
    {
        StandardsApi.MapStandardsApi(app);
        var procedures = ProgrammesApi.MapRegistry<QualificationProcedure>(app, "/api/qualifications/procedures", "Qualifications", "qualification procedure", withList: false);
        procedures.MapGet("/", async Task<IResult> (string? country, string? occupation, string? kind, HttpContext http, MovilidadDb db, IAuthorizationService auth, IStringLocalizer text, TimeProvider clock, CancellationToken ct) =>
            {
                if (await FilterProblemAsync(db, country, occupation, kind, text, ct) is { } problem)
                {
                    return problem;
                }

                return TypedResults.Ok(await ListAsync(db, http.User, auth, country, occupation, kind, Today(clock), ct));
            })
            .AllowAnonymous()
            .Produces<List<ProcedureSummary>>()
            .ProducesValidationProblem()
            .WithSummary("The published qualification procedures (and the drafts the reader may read), filtered by country (ISO 3166-1 alpha-2), occupation (an ISCO-08 code: a group finds its unit groups) and kind (training, competency-certification, recognition, evaluation); an entry not verified for 12 months is stale.");

        var group = app.MapGroup("/api/qualifications").WithTags("Qualifications").AddEndpointFilter(ApiAntiforgery.RequireForCookies);
        group.MapGet("/compare", async Task<IResult> (string? occupation, string? kind, string? countries, string? currency, string? on, MovilidadDb db, IStringLocalizer text, TimeProvider clock, CancellationToken ct) =>
            {
                var (request, errors) = await CompareRequest.ParseAsync(db, occupation, kind, countries, currency, on, Today(clock), text, ct);
                return request is null
                    ? TypedResults.ValidationProblem(errors, detail: string.Join(" ", errors.Select(e => $"{e.Key}: {e.Value[0]}")))
                    : TypedResults.Ok(await CompareAsync(db, request, Today(clock), ct));
            })
            .AllowAnonymous()
            .Produces<Comparison>()
            .ProducesValidationProblem()
            .WithSummary("Compares countries side by side for one occupation (ISCO-08) or one kind of procedure: steps, duration and cost, converted to one currency (currency=, default USD) at a stated date (on=YYYY-MM-DD, default today) with the Secretariat's rates and their sources; countries=GT,MX (default: the member states). For an occupation, each country also lists the competency standards and occupational profiles recorded for it (an empty list: none recorded).");

        group.MapGet("/rates", async (MovilidadDb db, CancellationToken ct) =>
                TypedResults.Ok((await db.ExchangeRates.AsNoTracking().OrderBy(r => r.Currency).ThenByDescending(r => r.AsOf).ToListAsync(ct)).Select(ExchangeRateView.Of).ToList()))
            .AllowAnonymous()
            .WithSummary("The exchange rates the comparison uses: one US dollar in units of each currency, on a date, with its source.");

        group.MapPost("/rates", async Task<IResult> (ExchangeRateChange change, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
            {
                if (!await auth.CanAsync(http.User, QualificationOperations.EditRates, null))
                {
                    return TypedResults.Forbid();
                }

                return (await CreateRateAsync(db, change, AuditActor.From(http), clock, ct)).ToCreated("exchange rate", r => $"/api/qualifications/rates/{r.Id.ToString(CultureInfo.InvariantCulture)}");
            })
            .RequireAuthorization()
            .ProducesWrite<ExchangeRateView>(StatusCodes.Status201Created)
            .WithSummary("The Secretariat enters an exchange rate (currency ISO 4217, rate = units for one US dollar, asOf, source); one per currency and date.");

        group.MapPut("/rates/{id:int}", async Task<IResult> (int id, ExchangeRateChange change, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
            {
                if (!await auth.CanAsync(http.User, QualificationOperations.EditRates, null))
                {
                    return TypedResults.Forbid();
                }

                return (await EditRateAsync(db, id, change, AuditActor.From(http), clock, ct)).ToHttp("exchange rate", id);
            })
            .RequireAuthorization()
            .ProducesWrite<ExchangeRateView>()
            .WithSummary("The Secretariat corrects an exchange rate. Send the version you read; a stale one gets 409.");
        return app;
    }

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static readonly Editable<ExchangeRate, ExchangeRateView> Rates = new(
        "exchange-rate", (db, id, ct) => db.ExchangeRates.FirstOrDefaultAsync(r => r.Id == id, ct), ExchangeRateView.Of,
        r => $"{r.Currency} {r.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");

    public static async Task<WriteOutcome<ExchangeRateView>> CreateRateAsync(MovilidadDb db, ExchangeRateChange change, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        var errors = await ValidateRateAsync(db, change, null, ct);
        if (errors.Count > 0)
        {
            return new WriteOutcome<ExchangeRateView>.Invalid(errors);
        }

        var rate = new ExchangeRate();
        Apply(rate, change);
        return await db.CreateAsync(Rates, rate, actor, clock, ct);
    }

    public static Task<WriteOutcome<ExchangeRateView>> EditRateAsync(MovilidadDb db, int id, ExchangeRateChange change, AuditActor actor, TimeProvider clock, CancellationToken ct) =>
        db.EditAsync(Rates, id, change.Version, AuditActions.Update, async rate => await ValidateRateAsync(db, change, rate.Id, ct), rate =>
        {
            Apply(rate, change);
            return Task.CompletedTask;
        }, actor, clock, ct);

    private static void Apply(ExchangeRate rate, ExchangeRateChange change)
    {
        rate.Currency = change.Currency!.Trim().ToUpperInvariant();
        rate.Rate = change.Rate!.Value;
        rate.AsOf = change.AsOf!.Value;
        rate.Source = change.Source!.Trim();
        rate.SourceUrl = string.IsNullOrWhiteSpace(change.SourceUrl) ? null : change.SourceUrl.Trim();
    }

    private static async Task<FieldErrors> ValidateRateAsync(MovilidadDb db, ExchangeRateChange change, int? id, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var currency = change.Currency?.Trim().ToUpperInvariant();
        if (currency is null || currency == CostConversion.Dollar || !await db.Currencies.AnyAsync(c => c.Code == currency, ct))
        {
            errors.Add("currency", "currency is required: an ISO 4217 code other than USD (the rates are per US dollar).");
        }

        if (change.Rate is not { } rate || rate <= 0 || rate > 1_000_000_000m)
        {
            errors.Add("rate", "rate is a number above 0: the units of the currency for one US dollar.");
        }

        if (change.AsOf is null)
        {
            errors.Add("asOf", "asOf is required: the date of the rate (YYYY-MM-DD).");
        }

        errors.Text("source", change.Source, ExchangeRate.SourceMaxLength, required: true);
        if (!string.IsNullOrWhiteSpace(change.SourceUrl) && !(Uri.TryCreate(change.SourceUrl.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
        {
            errors.Add("sourceUrl", "sourceUrl is required to be an http or https address.");
        }

        if (errors.Count == 0 && await db.ExchangeRates.AnyAsync(r => r.Currency == currency && r.AsOf == change.AsOf && r.Id != id, ct))
        {
            errors.Add("asOf", $"asOf: a rate of {currency} on this date is already used; correct that one.");
        }

        return errors;
    }

    /// <summary>The procedures the reader may see, filtered.</summary>
    public static async Task<List<ProcedureSummary>> ListAsync(
        MovilidadDb db, ClaimsPrincipal user, IAuthorizationService auth, string? country, string? occupation, string? kind, DateOnly today, CancellationToken ct)
    {
        var visible = (await ProgrammesApi.SummariesAsync<QualificationProcedure>(db, user, auth, country, null, ct)).ToDictionary(s => s.Id);
        var query = db.QualificationProcedures.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(kind))
        {
            query = query.Where(p => p.Kind == kind.Trim());
        }

        var procedures = await query.OrderBy(p => p.Country).ThenBy(p => p.Kind).ThenBy(p => p.Key).ToListAsync(ct);
        return [.. procedures.Where(p => visible.ContainsKey(p.Id) && ProcedureRules.Concerns(p, occupation)).Select(p => new ProcedureSummary(
            p.Id, p.Key, p.Name, p.Kind, p.Country, p.Institution, p.Occupations.Split(' ', StringSplitOptions.RemoveEmptyEntries), p.LastVerified,
            ProcedureRules.IsStale(p.LastVerified, today), visible[p.Id].IsPublished, visible[p.Id].Stage))];
    }

    /// <summary>The ISCO-08 groups the published procedures and standards name, with their names, for the pages' occupation filters.</summary>
    public static async Task<IReadOnlyList<(string Code, Bilingual Name)>> OccupationsNamedAsync(MovilidadDb db, CancellationToken ct)
    {
        var columns = await db.QualificationProcedures.AsNoTracking().Where(p => p.Content != null).Select(p => p.Occupations).ToListAsync(ct);
        columns.AddRange(await db.CompetencyStandards.AsNoTracking().Where(s => s.Content != null).Select(s => s.Occupations).ToListAsync(ct));
        var named = columns.SelectMany(o => o.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);
        return [.. (await db.Occupations.AsNoTracking().Where(o => named.Contains(o.Code)).ToListAsync(ct)).OrderBy(o => o.Code, StringComparer.Ordinal).Select(o => (o.Code, o.Name))];
    }

    /// <summary>A 400 naming the filter that is not a known country, ISCO-08 code or kind, or null.</summary>
    public static async Task<IResult?> FilterProblemAsync(MovilidadDb db, string? country, string? occupation, string? kind, IStringLocalizer text, CancellationToken ct)
    {
        var code = country?.Trim().ToUpperInvariant();
        if (!string.IsNullOrEmpty(code) && !await db.Countries.AnyAsync(c => c.Alpha2 == code, ct))
        {
            return QueryParameter.Invalid("country", text["Qualifications.Error.Country", code]);
        }

        if (!string.IsNullOrWhiteSpace(occupation) && (!IscoCode().IsMatch(occupation.Trim()) || !await db.Occupations.AnyAsync(o => o.Code == occupation.Trim(), ct)))
        {
            return QueryParameter.Invalid("occupation", text["Qualifications.Error.Occupation", occupation]);
        }

        if (!string.IsNullOrWhiteSpace(kind) && !ProcedureRules.Kinds.Contains(kind.Trim(), StringComparer.Ordinal))
        {
            return QueryParameter.Invalid("kind", text["Qualifications.Error.Kind", kind, string.Join(", ", ProcedureRules.Kinds)]);
        }

        return null;
    }

    /// <summary>The published procedures of the request's countries for its occupation or kind, costs converted.</summary>
    public static async Task<Comparison> CompareAsync(MovilidadDb db, CompareRequest request, DateOnly today, CancellationToken ct)
    {
        var query = db.QualificationProcedures.AsNoTracking().Where(p => p.Content != null && request.Countries.Contains(p.Country));
        if (request.Kind is not null)
        {
            query = query.Where(p => p.Kind == request.Kind);
        }

        var procedures = (await query.OrderBy(p => p.Kind).ThenBy(p => p.Key).ToListAsync(ct)).Where(p => ProcedureRules.Concerns(p, request.Occupation)).ToList();
        var conversion = new CostConversion(await db.ExchangeRates.AsNoTracking().ToListAsync(ct));
        var standards = request.Occupation is null ? null : await StandardsApi.PublishedAsync(db, request.Countries, request.Occupation, today, ct);
        return new Comparison(request.Occupation, request.Kind, request.Currency, request.On, [.. request.Countries.Select(c => new ComparedCountry(c,
            [.. procedures.Where(p => p.Country == c).Select(p => Compared(p, conversion, request, today))], standards is null ? null : [.. standards[c]]))],
            standards is null ? null : [.. standards[string.Empty]]);
    }

    private static ComparedProcedure Compared(QualificationProcedure p, CostConversion conversion, CompareRequest request, DateOnly today)
    {
        var content = RegistryContent.Parse(p.Content!);
        var steps = RegistryContent.At(content, "steps") is JsonArray items ? items.Select(i => RegistryContent.Pair(i, string.Empty)).ToList() : [];
        var duration = RegistryContent.At(content, "duration");
        var amount = RegistryContent.At(content, "cost.amount");
        var value = RegistryContent.At(amount, "value") is JsonValue v && v.TryGetValue<decimal>(out var number) ? number : (decimal?)null;
        var currency = RegistryContent.Text(amount, "currency");
        var durationText = RegistryContent.Pair(duration, "text");
        var costText = RegistryContent.Pair(content, "cost.text");
        return new ComparedProcedure(
            p.Key, p.Name, p.Kind, p.Institution, steps, Days(duration, "typicalDays"), Days(duration, "maxDays"), durationText.IsEmpty ? null : durationText,
            costText.IsEmpty ? null : costText, value, currency, RegistryContent.Text(amount, "asOf"),
            value is { } cost && currency is not null ? conversion.Convert(cost, currency, request.Currency, request.On) : null,
            p.LastVerified, ProcedureRules.IsStale(p.LastVerified, today));
    }

    private static int? Days(JsonNode? duration, string name) =>
        RegistryContent.At(duration, name) is JsonValue v && v.TryGetValue<decimal>(out var days) ? (int)days : null;

    [GeneratedRegex("^[0-9]{1,4}$")]
    public static partial Regex IscoCode();
}
