using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Movilidad.Web.Features.Plans;
using Movilidad.Platform.Data;
using Movilidad.Web.Infrastructure.Web;

namespace Movilidad.Web.Features;

/// <summary>
/// The home page. It was rendered, with two queries (one counting every plan's elements through the visibility
/// filters), for every request, where the plan pages are output-cached: under load it served a fifteenth of what a plan
/// page did. For people not signed in it is now output-cached like the plan pages (evicted with them on every plan or
/// institution write); for the others its figures are kept per database and visibility in the <see cref="ContentCache"/>
/// until the content changes (on any node or by the command line).
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PlanCache.Policy)]
public class IndexModel(MovilidadDb db, ContentCache cache) : PageModel
{
    private sealed record Key(string? Database, string Visibility);

    private sealed record Figures(IReadOnlyList<PlanSummary> Plans, int InstitutionCount);

    public IReadOnlyList<PlanSummary> Plans { get; private set; } = [];
    public int InstitutionCount { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var figures = (await cache.GetOrComputeAsync(new Key(db.Database.GetConnectionString(), db.Visibility),
            async () => new Figures(await db.PlanSummariesAsync(ct), await db.Institutions.CountAsync(ct)), ct))!;
        Plans = figures.Plans;
        InstitutionCount = figures.InstitutionCount;
    }
}
