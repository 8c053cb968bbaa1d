using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Programmes;
using Movilidad.Platform.SocialSecurity;
using Movilidad.Web.Features.Programmes;
using Movilidad.Web.Infrastructure.Localization;

namespace Movilidad.Web.Features.SocialSecurity;

/// <summary>A party's or a state's status in an instrument.</summary>
public sealed record InstrumentCountry(string Country, string Status, IReadOnlyList<string> Sources);

/// <summary>
/// One instrument of the registry of actions 2.5 and 3.2: an agreement on social security or on academic mobility (by its
/// key in the agreements registry; <see cref="Subject"/> says which) or an ILO convention (subject social-security).
/// </summary>
public sealed record InstrumentView(
    string Key, string Kind, string Subject, int? Number, Bilingual Title, string? Signed, string? Status, IReadOnlyList<string> Branches, IReadOnlyList<InstrumentCountry> Countries, string Page, IReadOnlyList<string> Sources);

/// <summary>
/// The social-security instruments registry and the portability checker for machine readers, public like their pages:
/// <c>GET /api/social-security/instruments</c>, <c>/portability?countries=&amp;status=&amp;years=</c> and the guide of a
/// pair (or three) of countries as PDF.
/// </summary>
public static class SocialSecurityApi
{
    public const string SocialSecuritySubject = "social-security";

    /// <summary>The agreements' subject of the conventions on academic mobility and the recognition of studies (actions 2.5 and 3.2).</summary>
    public const string AcademicMobilitySubject = "academic-mobility";

    public static IEndpointRouteBuilder MapSocialSecurityApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/social-security").WithTags("Social security");

        group.MapGet("/instruments", async (string? country, MovilidadDb db, CancellationToken ct) => TypedResults.Ok(await InstrumentsAsync(db, country?.ToUpperInvariant(), ct)))
            .AllowAnonymous()
            .WithSummary("The instruments of actions 2.5 and 3.2: the social-security and academic-mobility agreements and conventions of the agreements registry (by key, subject social-security or academic-mobility) and the ILO conventions on migrant workers and social security, with each country's status and sources (published content only); country= keeps those that name it.");

        ProgrammesApi.MapRegistry<IloConvention>(app, "/api/social-security/conventions", "Social security", "ILO convention");
        ProgrammesApi.MapRegistry<EnrolmentOption>(app, "/api/social-security/enrolment-options", "Social security", "voluntary enrolment option");

        group.MapGet("/portability", async Task<IResult> (string? countries, string? status, string? years, MovilidadDb db, IStringLocalizer text, TextLocalizer texts, CancellationToken ct) =>
            {
                var (request, errors) = await PortabilityRequest.ParseAsync(countries, status, years, db, text, ct);
                if (request is null)
                {
                    return TypedResults.ValidationProblem(errors, detail: string.Join(" ", errors.Select(e => $"{e.Key}: {e.Value[0]}")));
                }

                var answer = Portability.Answer(await Portability.ReadAsync(db, ct), request.Countries, request.Status, request.Years);
                return TypedResults.Ok(answer with { WhatToDo = answer.Pairs.Any(p => p.Applies.Count == 0) ? texts.All["SocialSecurity.NoInstrumentWhatToDo"] : null });
            })
            .AllowAnonymous()
            .Produces<PortabilityAnswer>()
            .ProducesValidationProblem()
            .WithSummary("Guidance, not a legal decision: for two or three countries worked in (countries=GT,MX), as employee or self-employed (status=employee|self-employed), and optionally the years in each (years=4,6), which branches can be totalised under which agreement, and where none applies, the voluntary enrolment options and what to do (whatToDo, in Spanish and English); every fact with its source keys.");

        group.MapGet("/guide", async Task<IResult> (string? countries, string? status, string? years, string? language, MovilidadDb db, IStringLocalizer text, TextLocalizer texts, TimeProvider clock, CancellationToken ct) =>
            {
                var (request, errors) = await PortabilityRequest.ParseAsync(countries, status, years, db, text, ct);
                if (language is not ("es" or "en"))
                {
                    errors["language"] = [text["SocialSecurity.Error.Language", language ?? string.Empty]];
                }

                if (request is null || errors.Count > 0)
                {
                    return TypedResults.ValidationProblem(errors, detail: string.Join(" ", errors.Select(e => $"{e.Key}: {e.Value[0]}")));
                }

                var pdf = await PortabilityGuide.PdfAsync(db, texts, request, language!, clock, ct);
                return TypedResults.File(pdf, "application/pdf", $"guide-{string.Join('-', request.Countries).ToLowerInvariant()}-{language}.pdf");
            })
            .AllowAnonymous()
            .Produces<byte[]>(StatusCodes.Status200OK, "application/pdf")
            .ProducesValidationProblem()
            .WithSummary("The guide to social-protection rights (action 3.3 of the Regional Plan) for two or three countries, as PDF in Spanish or English (language=es|en), assembled from the registry with its sources.");
        return app;
    }

    public static async Task<List<InstrumentView>> InstrumentsAsync(MovilidadDb db, string? country, CancellationToken ct)
    {
        var agreements = await db.Agreements.AsNoTracking()
            .Where(a => (a.Subject == SocialSecuritySubject || a.Subject == AcademicMobilitySubject) && a.Content != null).OrderBy(a => a.Key).ToListAsync(ct);
        var conventions = await db.IloConventions.AsNoTracking().Where(c => c.Content != null).OrderBy(c => c.Number).ToListAsync(ct);
        var views = agreements.Select(a =>
            {
                var content = RegistryContent.Parse(a.Content!);
                var facts = Portability.Instrument(a.Key, content);
                return new InstrumentView(
                    a.Key, a.Kind, a.Subject, null, a.Name, a.Signed, a.StatusCode, facts.Branches,
                    [.. (RegistryContent.At(content, "parties") as System.Text.Json.Nodes.JsonArray ?? []).Select(p => Country(p, "status"))], $"/agreements/{a.Key}", facts.Sources);
            })
            .Concat(conventions.Select(c =>
            {
                var content = RegistryContent.Parse(c.Content!);
                return new InstrumentView(
                    c.Key, "ilo-convention", SocialSecuritySubject, c.Number, c.Name, RegistryContent.Text(content, "adopted") ?? RegistryContent.Text(content, "adoptedYear"),
                    null, [], [.. (RegistryContent.At(content, "states") as System.Text.Json.Nodes.JsonArray ?? []).Select(s => Country(s, "status"))],
                    $"/social-security/instruments/{c.Key}", [.. Portability.Cited(content).Distinct(StringComparer.Ordinal)]);
            }));
        return [.. views.Where(v => country is null || v.Countries.Any(c => c.Country == country))];
    }

    private static InstrumentCountry Country(System.Text.Json.Nodes.JsonNode? node, string status) =>
        new(RegistryContent.Text(node, "country") ?? string.Empty, RegistryContent.Text(node, status) ?? "unknown", RegistryContent.Strings(node, "sources"));
}
