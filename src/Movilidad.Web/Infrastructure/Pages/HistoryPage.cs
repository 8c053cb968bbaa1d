using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Auth;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Infrastructure.Pages;

/// <summary>
/// The history tab of an item, the same for every feature: every saved version newest first, with what changed, any two
/// compared, and the client address only for those who read the whole audit trail. A feature says how its item is found
/// and who may read it (<see cref="OpenAsync"/>) and which audit entries are its versions (<see cref="EntriesAsync"/>).
/// </summary>
public abstract class HistoryPage(IAuthorizationService authorization) : PageModel
{
    public int Id { get; private set; }

    public HistoryView History { get; private set; } = null!;

    protected IAuthorizationService Authorization => authorization;

    /// <summary>Finds the item and checks the reader may see its history: null to go on, else the answer (404, 403).</summary>
    protected abstract Task<IActionResult?> OpenAsync(int id, CancellationToken ct);

    protected abstract Task<List<HistoryEntry>> EntriesAsync(int id, CancellationToken ct);

    public async Task<IActionResult> OnGetAsync(int id, long? from, long? to, CancellationToken ct)
    {
        if (await OpenAsync(id, ct) is { } refused)
        {
            return refused;
        }

        Id = id;
        History = ItemHistory.View(await EntriesAsync(id, ct), from, to, await authorization.CanAsync(User, AuditOperations.Read));
        return Page();
    }
}
