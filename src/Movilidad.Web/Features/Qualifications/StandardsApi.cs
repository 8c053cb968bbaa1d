using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Programmes;
using Movilidad.Platform.Qualifications;
using Movilidad.Web.Features.Programmes;

namespace Movilidad.Web.Features.Qualifications;

/// <summary>One line of the list of competency standards and occupational profiles; a regional one has its region (<c>SICA</c>) and no country.</summary>
public sealed record StandardSummary(
    int Id, string Key, Bilingual Name, string Kind, string Country, string? Region, string? Institution, string? Code, IReadOnlyList<string> Occupations,
    IReadOnlyList<string> Procedures, string? Status, string? Published, string? LastVerified, bool Stale, bool IsPublished, RegistryStage Stage)
{
    public static StandardSummary Of(CompetencyStandard s, DateOnly today, bool isPublished, RegistryStage stage) => new(
        s.Id, s.Key, s.Name, s.Kind, s.Country, s.Country.Length > 0 ? null : RegionOf(s), s.Institution, s.Code, s.Occupations.Split(' ', StringSplitOptions.RemoveEmptyEntries),
        s.Procedures.Split(' ', StringSplitOptions.RemoveEmptyEntries), s.StatusCode, s.Published, s.LastVerified, ProcedureRules.IsStale(s.LastVerified, today), isPublished, stage);

    /// <summary>The region of a regional standard (the content shown: published, else the draft), or null.</summary>
    public static string? RegionOf(CompetencyStandard s) =>
        (s.Content ?? s.Draft) is { } json ? RegistryContent.Text(RegistryContent.Parse(json), "region") : null;
}

/// <summary>
/// The competency standards and occupational profiles (action 2.2, issue 14) for machine readers: listed by country and
/// occupation (ISCO-08), read by key, and reviewed exactly like the procedures (the registry's propose, submit, publish,
/// return), authorised by the standard's country.
/// </summary>
public static class StandardsApi
{
    public static void MapStandardsApi(IEndpointRouteBuilder app)
    {
        var standards = ProgrammesApi.MapRegistry<CompetencyStandard>(app, "/api/qualifications/standards", "Qualifications", "competency standard", withList: false);
        standards.MapGet("/", async Task<IResult> (string? country, string? occupation, HttpContext http, MovilidadDb db, IAuthorizationService auth, IStringLocalizer text, TimeProvider clock, CancellationToken ct) =>
            {
                if (await QualificationsApi.FilterProblemAsync(db, country, occupation, null, text, ct) is { } problem)
                {
                    return problem;
                }

                return TypedResults.Ok(await ListAsync(db, http.User, auth, country, occupation, QualificationsApi.Today(clock), ct));
            })
            .AllowAnonymous()
            .Produces<List<StandardSummary>>()
            .ProducesValidationProblem()
            .WithSummary("The published competency standards and occupational profiles (and the drafts the reader may read), filtered by country (ISO 3166-1 alpha-2) and occupation (an ISCO-08 code: a group finds its unit groups and the other way round); each with its issuing body, code, ISCO-08 occupations, status and the procedures that certify against it. A regional standard (region SICA, no country) is listed when no country is asked for.");
    }

    /// <summary>The standards the reader may see, filtered.</summary>
    public static async Task<List<StandardSummary>> ListAsync(
        MovilidadDb db, ClaimsPrincipal user, IAuthorizationService auth, string? country, string? occupation, DateOnly today, CancellationToken ct)
    {
        var visible = (await ProgrammesApi.SummariesAsync<CompetencyStandard>(db, user, auth, country, null, ct)).ToDictionary(s => s.Id);
        var standards = await db.CompetencyStandards.AsNoTracking().OrderBy(s => s.Country).ThenBy(s => s.Key).ToListAsync(ct);
        return [.. standards.Where(s => visible.ContainsKey(s.Id) && ProcedureRules.Concerns(s.Occupations, occupation))
            .Select(s => StandardSummary.Of(s, today, visible[s.Id].IsPublished, visible[s.Id].Stage))];
    }

    /// <summary>The regional bodies' names (data/institutions.yaml), for the regional standards.</summary>
    public static async Task<IReadOnlyDictionary<string, Bilingual>> RegionNamesAsync(MovilidadDb db, CancellationToken ct)
    {
        var regions = Platform.Qualifications.StandardRules.Regions.ToList();
        return await db.Institutions.AsNoTracking().Where(i => regions.Contains(i.Code)).ToDictionaryAsync(i => i.Code, i => i.Name, StringComparer.Ordinal, ct);
    }

    /// <summary>The published standards of some countries for an occupation (the comparison's), by country; the regional ones under the empty code.</summary>
    public static async Task<ILookup<string, StandardSummary>> PublishedAsync(MovilidadDb db, IReadOnlyList<string> countries, string occupation, DateOnly today, CancellationToken ct)
    {
        // A list, not the read-only wrapper a collection expression makes: PostgreSQL's provider maps lists and arrays as parameters.
        var codes = countries.ToList();
        var standards = await db.CompetencyStandards.AsNoTracking().Where(s => s.Content != null && (codes.Contains(s.Country) || s.Country == string.Empty)).OrderBy(s => s.Key).ToListAsync(ct);
        return standards.Where(s => ProcedureRules.Concerns(s.Occupations, occupation))
            .Select(s => StandardSummary.Of(s, today, true, RegistryStage.Published)).ToLookup(s => s.Country, StringComparer.Ordinal);
    }
}
