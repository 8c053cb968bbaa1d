using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Web.Infrastructure.Observability;

namespace Movilidad.Web.Features.Indicators;

/// <summary>The dashboard of every plan with indicators, computed once at start: its queries and code are compiled and its figures kept.</summary>
public sealed class IndicatorsWarmUp(MovilidadDb db, IndicatorDashboard dashboard) : IWarmUp
{
    public async Task WarmUpAsync(CancellationToken ct)
    {
        var plans = await db.Plans.AsNoTracking().Where(p => db.Indicators.Any(i => i.PlanId == p.Id)).Select(p => p.Key).ToListAsync(ct);
        foreach (var plan in plans)
        {
            await dashboard.ComputeAsync(db, plan, null, approvedOnly: false, ct);
        }
    }
}
