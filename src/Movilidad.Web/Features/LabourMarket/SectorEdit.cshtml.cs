using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.LabourMarket;

public sealed class SectorInput
{
    public int Version { get; set; }
    public string? NameEs { get; set; }
    public string? NameEn { get; set; }
    public string? Groups { get; set; }
    public string? ReasoningEs { get; set; }
    public string? ReasoningEn { get; set; }
}

/// <summary>The Secretariat edits a sector of the outlook's mapping: names, ISCO-08 groups and why. A conflict shows the saved version.</summary>
public class SectorEditModel(MovilidadDb db, IAuthorizationService authorization, IStringLocalizer text, IOutputCacheStore cache, TimeProvider clock) : WritePage
{
    [BindProperty]
    public SectorInput Input { get; set; } = new();

    public string Slug { get; private set; } = string.Empty;
    public OutlookSector? Theirs { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await db.OutlookSectors.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) is not { } sector)
        {
            return NotFound();
        }

        if (!await authorization.CanAsync(User, LabourMarketOperations.EditSectors))
        {
            return Forbid();
        }

        Slug = sector.Slug;
        Input = new SectorInput
        {
            Version = sector.Version, NameEs = sector.Name.Es, NameEn = sector.Name.En, Groups = string.Join(", ", sector.GroupList),
            ReasoningEs = sector.Reasoning.Es, ReasoningEn = sector.Reasoning.En,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await db.OutlookSectors.AsNoTracking().Where(s => s.Id == id).Select(s => s.Slug).SingleOrDefaultAsync(ct) is not { } slug)
        {
            return NotFound();
        }

        if (!await authorization.CanAsync(User, LabourMarketOperations.EditSectors))
        {
            return Forbid();
        }

        Slug = slug;
        var edit = new OutlookSectorEdit(Input.Version, new Bilingual(Input.NameEs ?? string.Empty, Input.NameEn ?? string.Empty),
            (Input.Groups ?? string.Empty).Split([',', ' ', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            new Bilingual(Input.ReasoningEs ?? string.Empty, Input.ReasoningEn ?? string.Empty));
        return await PageAfterWriteAsync(await OutlookSectors.SaveAsync(db, id, edit, text, AuditActor.From(HttpContext), clock, ct), async _ =>
        {
            await cache.EvictByTagAsync(LabourMarketCache.Tag, ct);
            return Redirect("/labour-market/outlook#sectors");
        }, conflict: theirs =>
        {
            Theirs = theirs;
            Input.Version = theirs.Version;
        });
    }
}
