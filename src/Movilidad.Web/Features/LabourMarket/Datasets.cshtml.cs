using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.LabourMarket;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.LabourMarket;

/// <summary>The imported datasets with their provenance and the share of each measure that maps to ISCO-08.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = LabourMarketCache.Policy)]
public class DatasetsModel(MovilidadDb db, IAuthorizationService auth) : PageModel
{
    public Paged<LabourDatasetSummary> Datasets { get; private set; } = null!;

    /// <summary>The sources (publication slugs) of the datasets the reader sees, for the filter.</summary>
    public IReadOnlyList<string> Sources { get; private set; } = [];

    public string? Source { get; private set; }

    public async Task OnGetAsync(string? source, int start, int size, CancellationToken ct)
    {
        var visible = await LabourDatasets.VisibleAsync(db, User, auth);
        Sources = await visible.Select(d => d.Source).Distinct().OrderBy(s => s).ToListAsync(ct);
        Source = source is not null && Sources.Contains(source) ? source : null;
        Datasets = await LabourDatasets.PageAsync(visible, Source, start, size, ct);
    }

    /// <summary>The datasets of the same source and page size, starting at <paramref name="start"/>.</summary>
    public string Link(int start) => Paging.Link("/labour-market/datasets", [new("source", Source)], Datasets.Size, start);
}
