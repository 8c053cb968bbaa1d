using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Pledges;
using Movilidad.Web.Infrastructure.Pages;

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

    /// <summary>Where the page starts in the list (0-based).</summary>
    [BindProperty(SupportsGet = true)]
    public int Start { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Size { get; set; } = Paging.DefaultSize;

    public Paged<PledgeSummary> Pledges { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    /// <summary>Whether the reader holds a role that records pledges (whose pledges, the save decides).</summary>
    public bool CanRecord { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Pledges = await db.Pledges.AsNoTracking().VisibleTo(User).Matching(Status, Type, Gcm).OrderByDescending(p => p.Id)
            .PageAsync(Start, Size, (page, token) => page.SummariesAsync(token), ct);
        Size = Pledges.Size;
        CanRecord = PledgePermissions.RecordsPledges(User);
    }

    /// <summary>This list with the same filters and page size, starting at <paramref name="start"/>.</summary>
    public string Link(int start) => Paging.Link("/pledges", new Dictionary<string, string?>
    {
        ["status"] = Status?.ToString(), ["type"] = Type?.ToString(), ["gcm"] = Gcm?.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }, Size, start);
}
