using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Movilidad.Web.Features.Plans;
using Movilidad.Platform.Audit;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Writes;

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
public class EditModel(MovilidadDb db, IAuthorizationService authorization, IOutputCacheStore cache, TimeProvider clock) : PageModel
{
    [BindProperty]
    public InstitutionInput Input { get; set; } = new();

    public int Id { get; private set; }
    public string Code { get; private set; } = string.Empty;
    public InstitutionEditing.Snapshot? Theirs { get; private set; }
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var institution = await db.Institutions.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (institution is null)
        {
            return NotFound();
        }

        if (!await authorization.CanAsync(User, InstitutionOperations.Edit, InstitutionEditing.ScopeOf(institution)))
        {
            return Forbid();
        }

        Id = institution.Id;
        Code = institution.Code;
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
        var institution = await db.Institutions.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (institution is null)
        {
            return NotFound();
        }

        if (!await authorization.CanAsync(User, InstitutionOperations.Edit, InstitutionEditing.ScopeOf(institution)))
        {
            return Forbid();
        }

        Id = institution.Id;
        Code = institution.Code;
        var edit = new InstitutionEdit(Input.Version, new Bilingual(Input.AcronymEs ?? string.Empty, Input.AcronymEn ?? string.Empty),
            new Bilingual(Input.NameEs ?? string.Empty, Input.NameEn ?? string.Empty), Input.Url);
        switch (await db.SaveAsync(institution, edit, AuditActor.From(HttpContext), clock, ct))
        {
            case WriteOutcome<InstitutionEditing.Snapshot>.Saved:
                await cache.EvictByTagAsync(PlanCache.Tag, ct);
                return Redirect("/institutions");
            case WriteOutcome<InstitutionEditing.Snapshot>.Conflict conflict:
                Theirs = conflict.Current;
                Input.Version = conflict.Current.Version;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            case WriteOutcome<InstitutionEditing.Snapshot>.Invalid invalid:
                Errors = invalid.Errors;
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            default:
                throw new InvalidOperationException("Unknown outcome.");
        }
    }
}
