using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Movilidad.Platform.Audit;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Indicators;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Indicators;

/// <summary>Every period of a plan against every country with the report's status; the Secretariat locks and reopens periods here.</summary>
public class ReportsModel(MovilidadDb db, IAuthorizationService auth, IStringLocalizer text, TimeProvider clock) : WritePage
{
    [BindProperty(SupportsGet = true)]
    public string? Plan { get; set; }

    public IReadOnlyList<(string Key, Bilingual Title)> Plans { get; private set; } = [];
    public IReadOnlyList<ReportSummary> Reports { get; private set; } = [];
    public IReadOnlyList<PeriodView> PeriodList { get; private set; } = [];
    public IReadOnlyDictionary<string, Bilingual> CountryNames { get; private set; } = new Dictionary<string, Bilingual>();
    public bool CanLock { get; private set; }
    public bool CanEditIndicators { get; private set; }

    /// <summary>The plan's indicators, each linked to its page of definition and targets.</summary>
    public IReadOnlyList<(int Id, string Code, Bilingual Name)> IndicatorList { get; private set; } = [];
    public string? ErrorPeriod { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ?? Page();

    public Task<IActionResult> OnPostLockAsync(string period, int version, CancellationToken ct) => LockAsync(period, version, null, true, ct);

    public Task<IActionResult> OnPostReopenAsync(string period, int version, string? reason, CancellationToken ct) => LockAsync(period, version, reason, false, ct);

    private async Task<IActionResult> LockAsync(string period, int version, string? reason, bool locking, CancellationToken ct)
    {
        if (!await auth.CanAsync(User, IndicatorOperations.LockPeriods))
        {
            return Forbid();
        }

        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        ErrorPeriod = period;
        var (address, errors) = await db.AddressAsync(Plan!, period, null, text, ct);
        if (address is null)
        {
            return errors is null ? NotFound() : await RefuseAsync(errors);
        }

        db.ChangeTracker.Clear();
        return await PageAfterWriteAsync(await db.LockAsync(address, locking, new PeriodStep(version, reason), text, AuditActor.From(HttpContext), clock, ct),
            $"/indicators/reports?plan={Uri.EscapeDataString(Plan!)}", async () =>
            {
                if (IsConflict)
                {
                    // The periods as they now stand, with a line saying someone changed this one first.
                    Errors = new Dictionary<string, string[]> { ["period"] = [text["Indicators.Conflict"]] };
                    await LoadAsync(ct);
                }

                return Page();
            });
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (!await auth.CanAsync(User, IndicatorOperations.Read))
        {
            return Forbid();
        }

        Plans = (await db.Plans.AsNoTracking().Where(p => db.ReportingCalendars.Any(c => c.PlanId == p.Id) && db.Indicators.Any(i => i.PlanId == p.Id && i.Source == IndicatorSource.Reported))
            .OrderBy(p => p.SortOrder).Select(p => new { p.Key, p.Title }).ToListAsync(ct)).Select(p => (p.Key, p.Title)).ToList();
        Plan = Plans.Any(p => p.Key == Plan) ? Plan : Plans.Count > 0 ? Plans[0].Key : null;
        if (Plan is null)
        {
            return null;
        }

        Reports = await db.ReportSummariesAsync(Plan, null, ct);
        PeriodList = (await db.ReportingPeriods.AsNoTracking().Where(p => p.Plan!.Key == Plan).OrderBy(p => p.Start).ToListAsync(ct)).Select(p => IndicatorReporting.View(Plan, p)).ToList();
        CountryNames = await db.Countries.AsNoTracking().Where(c => Reports.Select(r => r.Country).Contains(c.Alpha2)).ToDictionaryAsync(c => c.Alpha2, c => c.Name, ct);
        CanLock = await auth.CanAsync(User, IndicatorOperations.LockPeriods);
        CanEditIndicators = await auth.CanAsync(User, IndicatorOperations.Edit);
        IndicatorList = (await db.Indicators.AsNoTracking().Where(i => i.Plan!.Key == Plan).OrderBy(i => i.SortOrder).ThenBy(i => i.Code)
            .Select(i => new { i.Id, i.Code, i.Name }).ToListAsync(ct)).Select(i => (i.Id, i.Code, i.Name)).ToList();
        return null;
    }
}
