using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Movilidad.Web.Features.Plans;
using Movilidad.Platform.Audit;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Institutions;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Institutions;

public sealed class InstitutionInput
{
    public int Version { get; set; }
    public string? AcronymEs { get; set; }
    public string? AcronymEn { get; set; }
    public string? NameEs { get; set; }
    public string? NameEn { get; set; }
    public string? Url { get; set; }
}

/// <summary>Editing an institution: a member state's by its focal points, any by the Secretariat. A conflict shows the saved version beside this person's.</summary>
public class EditModel(MovilidadDb db, IAuthorizationService authorization, IOutputCacheStore cache, TimeProvider clock) : WritePage
{
    [BindProperty]
    public InstitutionInput Input { get; set; } = new();

    public int Id { get; private set; }
    public string Code { get; private set; } = string.Empty;
    public InstitutionEditing.Snapshot? Theirs { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } institution)
        {
            return Id == 0 ? NotFound() : Forbid();
        }

        Input = new InstitutionInput
        {
            Version = institution.Version,
            AcronymEs = institution.Acronym.Es,
            AcronymEn = institution.Acronym.En,
            NameEs = institution.Name.Es,
            NameEn = institution.Name.En,
            Url = institution.Url,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } institution)
        {
            return Id == 0 ? NotFound() : Forbid();
        }

        var edit = new InstitutionEdit(Input.Version, new Bilingual(Input.AcronymEs ?? string.Empty, Input.AcronymEn ?? string.Empty),
            new Bilingual(Input.NameEs ?? string.Empty, Input.NameEn ?? string.Empty), Input.Url);
        return await PageAfterWriteAsync(await db.SaveAsync(institution, edit, AuditActor.From(HttpContext), clock, ct), async _ =>
        {
            await cache.EvictByTagAsync(PlanCache.Tag, ct);
            return Redirect("/institutions");
        }, conflict: theirs =>
        {
            Theirs = theirs;
            Input.Version = theirs.Version;
        });
    }

    /// <summary>The institution, when it exists (<see cref="Id"/> set) and this person may edit it; null otherwise.</summary>
    private async Task<Institution?> LoadAsync(int id, CancellationToken ct)
    {
        var institution = await db.Institutions.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (institution is null)
        {
            return null;
        }

        Id = institution.Id;
        Code = institution.Code;
        return await authorization.CanAsync(User, InstitutionOperations.Edit, InstitutionEditing.ScopeOf(institution)) ? institution : null;
    }
}
