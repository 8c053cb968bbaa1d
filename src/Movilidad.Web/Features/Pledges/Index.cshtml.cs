using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Movilidad.Platform.Data;
using Movilidad.Platform.Pledges;

namespace Movilidad.Web.Features.Pledges;

[AllowAnonymous]
public class IndexModel(MovilidadDb db, TimeProvider clock) : PledgePage
{
    [BindProperty(SupportsGet = true)]
    public PledgeStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public PledgerType? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Gcm { get; set; }

    public IReadOnlyList<PledgeSummary> Pledges { get; private set; } = [];
    public DateOnly Today { get; private set; }

    /// <summary>Whether the reader holds a role that records pledges (whose pledges, the save decides).</summary>
    public bool CanRecord { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var all = await db.PledgeSummariesAsync(User, ct);
        Pledges = all.Where(p => (Status is null || p.Status == Status) && (Type is null || p.PledgerTypes.Contains(Type.Value)) && (Gcm is null || p.GcmObjectives.Contains(Gcm.Value)))
            .OrderByDescending(p => p.Id).ToList();
        CanRecord = PledgePermissions.RecordsPledges(User);
    }
}
