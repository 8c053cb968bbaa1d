using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Accounts;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Institutions;

namespace Movilidad.Web.Features.Onboarding;

/// <summary>
/// One thing the Secretariat has to do before the platform is in use: whether it is done, how far it is (<paramref name="Reached"/>
/// of <paramref name="Total"/>), what is left by code, what waits for an invited person to choose a password, and where to do it.
/// </summary>
public sealed record FirstStep(string Key, bool Done, int Reached, int Total, IReadOnlyList<string> Left, IReadOnlyList<string> Invited, string Href);

/// <summary>
/// The Secretariat's first steps, computed from the data each time: its own two-step verification, a focal point
/// for every member country, targets for the indicators, the plans published. A Secretariat account whose role
/// still waits for two-step verification sees it too, as its first step is the one that turns the role on.
/// </summary>
[Authorize]
public class FirstRunModel(MovilidadDb db, UserManager<Account> users) : PageModel
{
    public IReadOnlyList<FirstStep> Steps { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var account = await users.GetUserAsync(User);
        if (account is null || !(User.Holds(Role.Secretariat) || User.HasClaim(AccountClaims.WaitingClaimType, nameof(Role.Secretariat))))
        {
            return Forbid();
        }

        var members = await db.MemberCountriesAsync(ct);
        var focal = await db.RoleGrants.AsNoTracking().Where(g => g.Role == Role.FocalPoint && g.CountryCode != null)
            .Join(db.Accounts.AsNoTracking(), g => g.AccountId, a => a.Id, (g, a) => new { g.CountryCode, Active = a.PasswordHash != null && a.DeletedAt == null })
            .ToListAsync(ct);
        var active = focal.Where(f => f.Active).Select(f => f.CountryCode!).ToHashSet(StringComparer.Ordinal);
        var invited = focal.Where(f => !f.Active).Select(f => f.CountryCode!).Where(c => !active.Contains(c)).ToHashSet(StringComparer.Ordinal);
        var missing = members.Where(c => !active.Contains(c)).Order(StringComparer.Ordinal).ToList();

        // Counted over every plan, published or not: the steps are about getting them ready.
        var indicators = db.Indicators.IgnoreQueryFilters().Where(i => db.ReportingCalendars.IgnoreQueryFilters().Any(c => c.PlanId == i.PlanId));
        var withoutTarget = await indicators.Where(i => !i.Targets.Any()).Select(i => new { i.Plan!.Key }).ToListAsync(ct);
        var indicatorCount = await indicators.CountAsync(ct);
        var unpublished = await db.Plans.IgnoreQueryFilters().Where(p => !p.IsPublished).OrderBy(p => p.SortOrder).Select(p => p.Number).ToListAsync(ct);
        var planCount = await db.Plans.IgnoreQueryFilters().CountAsync(ct);

        Steps =
        [
            new("TwoFactor", account.TwoFactorEnabled, account.TwoFactorEnabled ? 1 : 0, 1, [], [], "/account/security"),
            new("FocalPoints", missing.Count == 0, members.Count - missing.Count, members.Count, missing.Where(c => !invited.Contains(c)).ToList(),
                missing.Where(invited.Contains).ToList(), "/accounts/users"),
            new("Targets", withoutTarget.Count == 0, indicatorCount - withoutTarget.Count, indicatorCount, [], [],
                withoutTarget.Count == 0 ? "/indicators" : "/indicators?plan=" + Uri.EscapeDataString(withoutTarget[0].Key) + "#pairs"),
            new("Publish", unpublished.Count == 0, planCount - unpublished.Count, planCount, unpublished, [], "/plans"),
        ];
        return Page();
    }
}
