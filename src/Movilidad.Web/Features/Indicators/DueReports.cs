using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Indicators;
using Movilidad.Platform.Institutions;

namespace Movilidad.Web.Features.Indicators;

/// <summary>A country's report that must be sent now: its period has ended, is not locked, and the values are not submitted or approved.</summary>
public sealed record DueReport(string Plan, Bilingual PlanTitle, string Period, string Country, DateOnly Due, ReportStatus Status, bool Started)
{
    public bool IsLate(DateOnly today) => Due < today;
}

public static class DueReports
{
    /// <summary>Reports due of the given countries (all member countries when none are given), earliest due first.</summary>
    public static async Task<List<DueReport>> DueReportsAsync(this MovilidadDb db, IReadOnlyCollection<string>? countries, DateOnly today, CancellationToken ct)
    {
        var periods = await db.ReportingPeriods.AsNoTracking()
            .Where(p => p.End < today && p.LockedAt == null && db.Indicators.Any(i => i.PlanId == p.PlanId && i.Source == IndicatorSource.Reported))
            .Select(p => new { p.Id, Plan = p.Plan!.Key, p.Plan.Title, p.Code, p.Due }).ToListAsync(ct);
        if (periods.Count == 0)
        {
            return [];
        }

        var members = (await db.MemberCountriesAsync(ct)).Where(c => countries is not { Count: > 0 } || countries.Contains(c)).ToList();
        var ids = periods.Select(p => p.Id).ToList();
        var reports = await db.IndicatorReports.AsNoTracking().Where(r => ids.Contains(r.PeriodId) && members.Contains(r.CountryCode))
            .Select(r => new { r.PeriodId, r.CountryCode, r.Status }).ToListAsync(ct);
        var byKey = reports.ToDictionary(r => (r.PeriodId, r.CountryCode), r => r.Status);
        return periods.SelectMany(p => members.Select(c => (Period: p, Country: c, Found: byKey.TryGetValue((p.Id, c), out var s), Status: s)))
            .Where(x => !x.Found || x.Status is ReportStatus.Draft or ReportStatus.Returned)
            .Select(x => new DueReport(x.Period.Plan, x.Period.Title, x.Period.Code, x.Country, x.Period.Due, x.Found ? x.Status : ReportStatus.Draft, x.Found))
            .OrderBy(d => d.Due).ThenBy(d => d.Country, StringComparer.Ordinal).ThenBy(d => d.Plan, StringComparer.Ordinal)
            .ToList();
    }
}
