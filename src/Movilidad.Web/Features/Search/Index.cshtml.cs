using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Movilidad.Platform.Data;

namespace Movilidad.Web.Features.Search;

[AllowAnonymous]
[OutputCache(PolicyName = PlanSearch.CachePolicy)]
public class IndexModel(MovilidadDb db) : PageModel
{
    public string? Query { get; private set; }
    public IReadOnlyList<SearchHit> Hits { get; private set; } = [];

    public async Task OnGetAsync(string? q, CancellationToken ct)
    {
        Query = q?.Trim();
        Hits = await db.SearchElementsAsync(Query, 200, ct);
    }
}
