using System.Linq.Expressions;
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
        db.Institutions.AsNoTracking().Where(i => kind == null || i.Kind == kind).InKindOrder().Views(db).ToListAsync(ct);

    /// <summary>
    /// By kind in the order the kinds are declared (member states first; stored as text, so said as a CASE in SQL), then by code.
    /// </summary>
    public static IOrderedQueryable<Institution> InKindOrder(this IQueryable<Institution> institutions) => institutions.OrderBy(KindOrder).ThenBy(i => i.Code);

    /// <summary>The institutions as the list shows them, with how many plan elements name each.</summary>
    public static IQueryable<InstitutionView> Views(this IQueryable<Institution> institutions, MovilidadDb db) =>
        institutions.Select(i => new InstitutionView(i.Id, i.Code, i.Kind, i.Acronym, i.Name, i.CountryCode, i.Url,
            db.ElementInstitutions.Where(l => l.InstitutionId == i.Id).Select(l => l.ElementId).Distinct().Count()));

    /// <summary>A kind's place among the declared kinds: <c>i.Kind == MemberState ? 0 : i.Kind == CrmBody ? 1 : ...</c>.</summary>
    private static readonly Expression<Func<Institution, int>> KindOrder = Kinds();

    private static Expression<Func<Institution, int>> Kinds()
    {
        var institution = Expression.Parameter(typeof(Institution), "i");
        var kind = Expression.Property(institution, nameof(Institution.Kind));
        var kinds = Enum.GetValues<InstitutionKind>();
        Expression order = Expression.Constant(kinds.Length);
        for (var n = kinds.Length - 1; n >= 0; n--)
        {
            order = Expression.Condition(Expression.Equal(kind, Expression.Constant(kinds[n])), Expression.Constant(n), order);
        }

        return Expression.Lambda<Func<Institution, int>>(order, institution);
    }

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
