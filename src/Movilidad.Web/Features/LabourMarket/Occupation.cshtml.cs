using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;

namespace Movilidad.Web.Features.LabourMarket;

/// <summary>Everything known about one ISCO-08 group across sources and countries: each measure by country and by period, and its sub-groups.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = LabourMarketCache.Policy)]
public class OccupationModel(MovilidadDb db, IAuthorizationService auth) : PageModel
{
    public string Code { get; private set; } = string.Empty;
    public string Title { get; private set; } = string.Empty;
    public (string Code, string Title)? Parent { get; private set; }
    public IReadOnlyList<(string Code, string Title)> Children { get; private set; } = [];
    public IReadOnlyList<ObservationGroup> ByCountry { get; private set; } = [];
    public IReadOnlyList<ObservationGroup> ByPeriod { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var occupation = await db.Occupations.AsNoTracking().Where(o => o.Code == code).Select(o => new { o.Code, o.Name, o.ParentCode }).FirstOrDefaultAsync(ct);
        if (occupation is null)
        {
            return NotFound();
        }

        (Code, Title) = (occupation.Code, occupation.Name.Current);
        if (occupation.ParentCode is { } parent)
        {
            var name = await db.Occupations.AsNoTracking().Where(o => o.Code == parent).Select(o => o.Name).FirstAsync(ct);
            Parent = (parent, name.Current);
        }

        var children = await db.Occupations.AsNoTracking().Where(o => o.ParentCode == code).OrderBy(o => o.Code).Select(o => new { o.Code, o.Name }).ToListAsync(ct);
        Children = [.. children.Select(c => (c.Code, c.Name.Current))];
        var visible = await ObservationQuery.VisibleAsync(db, User, auth, ct);
        var filter = new ObservationFilter(null, code, null, null, null, null, null, []);
        ByCountry = (await ObservationQuery.SumAsync(visible, filter with { GroupBy = [ObservationDimension.Measure, ObservationDimension.Country, ObservationDimension.Programme] }, 500, ct)).Rows;
        ByPeriod = [.. (await ObservationQuery.SumAsync(visible, filter with { GroupBy = [ObservationDimension.Measure, ObservationDimension.Period] }, 2_000, ct)).Rows
            .OrderBy(r => r.Measure, StringComparer.Ordinal).ThenBy(r => Records.Period.TryParse(r.Period, out var p) ? p.Start : DateOnly.MinValue)];
        return Page();
    }
}
