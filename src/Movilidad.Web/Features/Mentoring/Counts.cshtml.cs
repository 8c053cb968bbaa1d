using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Movilidad.Platform.Data;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.Mentoring;

/// <summary>
/// The Secretariat's small dashboard of mentoring (action 1.3): requests, matches, sessions and hours by topic and by
/// country, with the totals, from the same counts as <c>GET /api/mentoring/counts</c>.
/// </summary>
[Authorize]
public class CountsModel(MovilidadDb db, IAuthorizationService auth) : MentoringPage
{
    public IReadOnlyList<MentoringCount> Counts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await auth.CanAsync(User, MentoringOperations.Manage, null))
        {
            return Forbid();
        }

        Counts = await MentoringApi.CountsAsync(db, ct);
        await LoadNamesAsync(db, ct);
        return Page();
    }

    /// <summary>The counts summed by topic or by country.</summary>
    public IReadOnlyList<MentoringCount> By(Func<MentoringCount, string> key, bool topic) =>
        [.. Counts.GroupBy(key).Select(g => new MentoringCount(topic ? g.Key : string.Empty, topic ? string.Empty : g.Key, g.Sum(c => c.Requests), g.Sum(c => c.Matched), g.Sum(c => c.Sessions), g.Sum(c => c.Minutes)))
            .OrderByDescending(c => c.Requests).ThenBy(c => c.Topic + c.Country, StringComparer.Ordinal)];
}
