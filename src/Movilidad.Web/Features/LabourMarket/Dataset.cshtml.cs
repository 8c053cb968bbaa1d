using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Movilidad.Platform.Data;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.LabourMarket;

/// <summary>
/// One dataset: provenance, totals and mapping report, codes that do not map, the rows skipped or not counted with why,
/// and its observations a page at a time, each with the file's row it came from (<c>row</c> shows one row's).
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = LabourMarketCache.Policy)]
public class DatasetModel(MovilidadDb db, IAuthorizationService auth) : PageModel
{
    public LabourDatasetDetails Dataset { get; private set; } = null!;

    public Paged<LabourObservationView> Observations { get; private set; } = null!;

    /// <summary>The file row whose observations are shown, or null for all.</summary>
    public int? Row { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? row, int start, int size, CancellationToken ct)
    {
        if (await LabourDatasets.DetailsAsync(await LabourDatasets.VisibleAsync(db, User, auth), db, id, ct) is not { } details)
        {
            return NotFound();
        }

        Dataset = details;
        Row = row is > 0 ? row : null;
        Observations = await LabourDatasets.ObservationsAsync(db, id, Row, start, size, ct);
        return Page();
    }

    /// <summary>The dataset's observations of the same row filter and page size, starting at <paramref name="start"/>.</summary>
    public string Link(int start) =>
        Paging.Link($"/labour-market/datasets/{Dataset.Summary.Id}", [new("row", Row?.ToString(System.Globalization.CultureInfo.InvariantCulture))], Observations.Size, start) + "#observations";

    /// <summary>The observations of one row of the file.</summary>
    public string RowLink(int row) => $"/labour-market/datasets/{Dataset.Summary.Id}?row={row.ToString(System.Globalization.CultureInfo.InvariantCulture)}#observations";
}
