using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;

namespace Movilidad.Web.Features.Plans;

[OutputCache(PolicyName = PlanCache.Policy)]
[AllowAnonymous]
public class DetailsModel(MovilidadDb db) : PageModel
{
    public PlanDetail? Plan { get; private set; }
    public IReadOnlyList<TreeNode> Tree { get; private set; } = [];
    public IReadOnlyDictionary<string, Bilingual> LevelNames { get; private set; } = new Dictionary<string, Bilingual>();
    public IReadOnlyList<PlanSummary> ServedBy { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        Plan = await db.PlanDetailAsync(null, key, ct);
        if (Plan is null)
        {
            return NotFound();
        }

        Tree = await db.PlanTreeAsync(Plan.Id, ct) ?? [];
        LevelNames = Plan.Levels.ToDictionary(l => l.Key, l => l.Name);
        ServedBy = (await db.PlanSummariesAsync(ct)).Where(p => p.ParentKey == Plan.Key).ToList();
        return Page();
    }
}
