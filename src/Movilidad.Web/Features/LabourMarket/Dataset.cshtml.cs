using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Movilidad.Platform.Data;

namespace Movilidad.Web.Features.LabourMarket;

/// <summary>One dataset: provenance, totals and mapping report, codes that do not map, and the rows skipped or not counted with why.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = LabourMarketCache.Policy)]
public class DatasetModel(MovilidadDb db, IAuthorizationService auth) : PageModel
{
    public LabourDatasetDetails Dataset { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LabourDatasets.DetailsAsync(await LabourDatasets.VisibleAsync(db, User, auth), db, id, ct) is not { } details)
        {
            return NotFound();
        }

        Dataset = details;
        return Page();
    }
}
