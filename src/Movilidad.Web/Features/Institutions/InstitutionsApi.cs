using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Movilidad.Web.Infrastructure.Api;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Institutions;

namespace Movilidad.Web.Features.Institutions;

public sealed record InstitutionView(int Id, string Code, InstitutionKind Kind, Bilingual Acronym, Bilingual Name, string? Country, string? Url, int ElementCount);

public static class InstitutionsApi
{
    public static Task<List<InstitutionView>> InstitutionViewsAsync(this MovilidadDb db, InstitutionKind? kind, CancellationToken ct) =>
        db.Institutions.AsNoTracking()
            .Where(i => kind == null || i.Kind == kind)
            .OrderBy(i => i.Kind).ThenBy(i => i.Code)
            .Select(i => new InstitutionView(i.Id, i.Code, i.Kind, i.Acronym, i.Name, i.CountryCode, i.Url,
                db.ElementInstitutions.Where(l => l.InstitutionId == i.Id).Select(l => l.ElementId).Distinct().Count()))
            .ToListAsync(ct);

    public static IEndpointRouteBuilder MapInstitutionsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/institutions", async Task<Results<Ok<List<InstitutionView>>, ValidationProblem>> (string? kind, MovilidadDb db, IStringLocalizer text, CancellationToken ct) =>
                QueryParameter.TryEnum<InstitutionKind>(kind, "kind", text, out var parsed, out var problem)
                    ? TypedResults.Ok(await db.InstitutionViewsAsync(parsed, ct))
                    : problem!)
            .WithTags("Institutions")
            .AllowAnonymous()
            .WithSummary("Member states, CRM bodies, working groups, UN agencies and other organisations, optionally of one kind.");
        return app;
    }
}
