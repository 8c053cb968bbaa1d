using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Movilidad.Web.Features.Plans;
using Movilidad.Platform.Data;

namespace Movilidad.Web.Features;

/// <summary>
/// The home page. It was rendered, with two queries (one counting every plan's elements through the visibility
/// filters), for every request, where the plan pages are output-cached: under load it served a fifteenth of what a plan
/// page did. For people not signed in it is now output-cached like the plan pages (evicted with them on every plan or
/// institution write); for the others its figures are kept in memory per database and visibility while the process's
/// <see cref="DataVersion"/> stays the same (and at most <see cref="DataVersion.MaximumAge"/>, for writes of other processes).
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PlanCache.Policy)]
public class IndexModel(MovilidadDb db) : PageModel
{
    private sealed record Figures(long Version, DateTime At, IReadOnlyList<PlanSummary> Plans, int InstitutionCount);

    private static readonly ConcurrentDictionary<(string? Database, bool ShowsUnpublished), Figures> Kept = new();

    public IReadOnlyList<PlanSummary> Plans { get; private set; } = [];
    public int InstitutionCount { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var version = DataVersion.Current;
        var now = DateTime.UtcNow;
        var key = (db.Database.GetConnectionString(), db.ShowsUnpublished);
        if (!Kept.TryGetValue(key, out var figures) || figures.Version != version || now - figures.At > DataVersion.MaximumAge)
        {
            figures = new Figures(version, now, await db.PlanSummariesAsync(ct), await db.Institutions.CountAsync(ct));
            Kept[key] = figures;
        }

        Plans = figures.Plans;
        InstitutionCount = figures.InstitutionCount;
    }
}
