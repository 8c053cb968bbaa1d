using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;

namespace Movilidad.Web.Features.Recruiters;

/// <summary>The recruiters guide (action 1.4): the ILO principles from the checklist, the directory's figures, the programmes.</summary>
[AllowAnonymous]
public class GuideModel(MovilidadDb db) : PageModel
{
    public FairRecruitmentChecklist Checklist { get; } = FairRecruitmentChecklist.Current;
    public int Recruiters { get; private set; }
    public int Sanctioned { get; private set; }
    public int Sanctions { get; private set; }
    public int Declared { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var live = db.Recruiters.AsNoTracking().Where(r => r.MergedIntoId == null);
        Recruiters = await live.CountAsync(ct);
        Sanctioned = await live.CountAsync(r => r.Sanctions.Any(), ct);
        Sanctions = await db.RecruiterSanctions.CountAsync(ct);
        Declared = await live.CountAsync(r => r.Names.Any(n => n.LabourOrganisationId != null), ct);
    }
}
