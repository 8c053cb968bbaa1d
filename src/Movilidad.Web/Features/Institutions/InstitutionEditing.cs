using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Movilidad.Web.Features.Plans;
using Movilidad.Web.Infrastructure.Api;
using Movilidad.Platform.Audit;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Institutions;
using Movilidad.Platform.Writes;

namespace Movilidad.Web.Features.Institutions;

/// <summary>What may be changed in an institution, with the version it was read at.</summary>
public sealed record InstitutionEdit(int Version, Bilingual Acronym, Bilingual Name, string? Url);

/// <summary>
/// Editing an institution. A member state's institution belongs to its country: its focal points edit it, the
/// Secretariat edits any. Once edited here, the shipped file no longer overwrites it.
/// </summary>
public static class InstitutionEditing
{
    public const string EntityType = "institution";

    public static object? ScopeOf(Institution i) => i.CountryCode is { } country ? new CountryScope(country) : null;

    public static IEndpointRouteBuilder MapInstitutionEditingApi(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/institutions/{id:int}", async Task<IResult> (int id, InstitutionEdit edit, HttpContext http, MovilidadDb db, IAuthorizationService auth, IOutputCacheStore cache, TimeProvider clock, CancellationToken ct) =>
            {
                var institution = await db.Institutions.SingleOrDefaultAsync(i => i.Id == id, ct);
                if (institution is null)
                {
                    return NotFoundProblem.Of("institution", id);
                }

                if (!await auth.CanAsync(http.User, InstitutionOperations.Edit, ScopeOf(institution)))
                {
                    return TypedResults.Forbid();
                }

                var outcome = await db.SaveAsync(institution, edit, AuditActor.From(http), clock, ct);
                if (outcome is WriteOutcome<Snapshot>.Saved)
                {
                    // Plan pages show institution names.
                    await cache.EvictByTagAsync(PlanCache.Tag, ct);
                }

                return outcome.ToHttp("institution", id);
            })
            .WithTags("Institutions").RequireAuthorization().AddEndpointFilter(ApiAntiforgery.RequireForCookies)
            .ProducesWrite<InstitutionEditing.Snapshot>()
            .WithSummary("Saves an institution's acronym, name and web address. A member state's focal points edit their own country's; send the version you read.");
        return app;
    }

    public sealed record Snapshot(int Version, Bilingual Acronym, Bilingual Name, string? Url);

    public static Snapshot SnapshotOf(Institution i) => new(i.Version, i.Acronym, i.Name, i.Url);

    /// <summary>How an institution is written through the kernel, filed under its country.</summary>
    private static readonly Editable<Institution, Snapshot> Institutions = new(
        EntityType, (db, id, ct) => db.Institutions.SingleOrDefaultAsync(i => i.Id == id, ct), SnapshotOf, i => i.Id.ToString(CultureInfo.InvariantCulture), i => i.CountryCode);

    public static async Task<WriteOutcome<InstitutionEditing.Snapshot>> SaveAsync(this MovilidadDb db, Institution institution, InstitutionEdit edit, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(edit.Name?.Es) || string.IsNullOrWhiteSpace(edit.Name?.En) || edit.Name.Es.Length > 400 || edit.Name.En.Length > 400)
        {
            errors["name"] = ["A name in Spanish and English of at most 400 characters is required."];
        }

        if (string.IsNullOrWhiteSpace(edit.Acronym?.Es) || string.IsNullOrWhiteSpace(edit.Acronym?.En) || edit.Acronym.Es.Length > 64 || edit.Acronym.En.Length > 64)
        {
            errors["acronym"] = ["An acronym in Spanish and English of at most 64 characters is required."];
        }

        if (edit.Url is { Length: > 0 } url && (url.Length > 400 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            errors["url"] = ["The web address must be an absolute http or https address."];
        }

        if (errors.Count > 0)
        {
            return new WriteOutcome<InstitutionEditing.Snapshot>.Invalid(errors);
        }

        if (institution.Version != edit.Version)
        {
            return new WriteOutcome<InstitutionEditing.Snapshot>.Conflict(SnapshotOf(institution));
        }

        var before = SnapshotOf(institution);
        institution.Acronym = new Bilingual(edit.Acronym!.Es.Trim(), edit.Acronym.En.Trim());
        institution.Name = new Bilingual(edit.Name!.Es.Trim(), edit.Name.En.Trim());
        institution.Url = string.IsNullOrWhiteSpace(edit.Url) ? null : edit.Url.Trim();
        institution.EditedAt = clock.GetUtcNow().UtcDateTime;
        institution.Version++;
        return await db.CommitAsync(Institutions, institution.Id, institution, AuditActions.Update, before, actor, clock, ct);
    }
}

