using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Movilidad.Platform.Search;
using Movilidad.Web.Infrastructure.Api;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;

namespace Movilidad.Web.Features.Reference;

public sealed record CountryView(string Alpha2, string Alpha3, string Numeric, Bilingual Name, string? Region, string? Subregion, string? Currency, bool CrmMember);

public sealed record OccupationView(string Code, int Level, string? Parent, Bilingual Name);

public static class ReferenceApi
{
    /// <summary>The eleven member states of the Regional Conference on Migration.</summary>
    public static readonly IReadOnlySet<string> CrmMembers = new HashSet<string>(["BZ", "CA", "CR", "SV", "US", "GT", "HN", "MX", "NI", "PA", "DO"], StringComparer.Ordinal);

    public static IEndpointRouteBuilder MapReferenceApi(this IEndpointRouteBuilder app)
    {
        var reference = app.MapGroup("/api/reference").WithTags("Reference").AllowAnonymous();
        reference.MapGet("/countries", async (MovilidadDb db, CancellationToken ct) =>
            {
                var countries = await db.Countries.AsNoTracking().OrderBy(c => c.Alpha2).ToListAsync(ct);
                return TypedResults.Ok(countries.Select(c => new CountryView(c.Alpha2, c.Alpha3, c.Numeric, c.Name, c.Region, c.Subregion, c.CurrencyCode, CrmMembers.Contains(c.Alpha2))).ToList());
            })
            .WithSummary("ISO 3166-1 countries with Spanish and English names; crmMember marks the eleven CRM member states.");
        reference.MapGet("/currencies", async (MovilidadDb db, CancellationToken ct) =>
                TypedResults.Ok(await db.Currencies.AsNoTracking().OrderBy(c => c.Code).ToListAsync(ct)))
            .WithSummary("ISO 4217 currencies in use.");
        reference.MapGet("/occupations", async Task<Results<Ok<List<OccupationView>>, ValidationProblem>> (string? q, string? level, string? limit, MovilidadDb db, IStringLocalizer text, CancellationToken ct) =>
            {
                if (!QueryParameter.TryInt(level, "level", 1, 4, 0, text, out var depth, out var problem)
                    || !QueryParameter.TryInt(limit, "limit", 1, 1000, 50, text, out var take, out problem))
                {
                    return problem!;
                }

                var query = db.Occupations.AsNoTracking();
                if (depth > 0)
                {
                    query = query.Where(o => o.Level == depth);
                }

                foreach (var term in TextSearch.Terms(q))
                {
                    var pattern = $"%{term}%";
                    query = query.Where(o => o.Code.StartsWith(term) || EF.Functions.Like(o.SearchText, pattern, "\\"));
                }

                return TypedResults.Ok(await query.OrderBy(o => o.Code).Take(take)
                    .Select(o => new OccupationView(o.Code, o.Level, o.ParentCode, o.Name)).ToListAsync(ct));
            })
            .WithSummary("ISCO-08 groups, searched by code or by words of the Spanish or English title (accents and case ignored).");
        return app;
    }
}
