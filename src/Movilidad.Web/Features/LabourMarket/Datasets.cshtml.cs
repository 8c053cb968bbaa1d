using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Movilidad.Platform.Data;
using Movilidad.Platform.LabourMarket;

namespace Movilidad.Web.Features.LabourMarket;

/// <summary>The imported datasets with their provenance and the share of each measure that maps to ISCO-08.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = LabourMarketCache.Policy)]
public class DatasetsModel(MovilidadDb db, IAuthorizationService auth) : PageModel
{
    public IReadOnlyList<LabourDatasetSummary> Datasets { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Datasets = await LabourDatasets.SummariesAsync(await LabourDatasets.VisibleAsync(db, User, auth), ct);
}
