using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Institutions;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Monitoring;

namespace Movilidad.Web.Features.Meetings;

/// <summary>
/// One working group in one year, as the Strategic Plan counts it: indicator R3 (meetings, workshops and other
/// activities per working group: the meetings it convened and held plus its activities done that year) and the
/// mandate to meet at least twice a year (<see cref="BelowTwo"/>; a year not ended yet is <see cref="SoFar"/>).
/// </summary>
public sealed record WorkingGroupYear(int WorkingGroupId, Bilingual Acronym, int Year, int Meetings, int ActivitiesDone, bool SoFar)
{
    public int R3 => Meetings + ActivitiesDone;

    public bool BelowTwo => Meetings < MeetingCounts.MinimumPerYear;
}

/// <summary>The public query other features (the indicators' page) read R3 and the meetings-per-year check through.</summary>
public static class MeetingCounts
{
    /// <summary>"Se reunirán al menos dos veces al año" (004, the working groups' mandate).</summary>
    public const int MinimumPerYear = 2;

    /// <summary>
    /// Every working group (or the one named) for every year from the first meeting or activity done of any working
    /// group (at the latest this year) to this year: meetings held on or before today, and activities done that ended
    /// in the year.
    /// </summary>
    public static async Task<IReadOnlyList<WorkingGroupYear>> PerWorkingGroupAsync(this MovilidadDb db, int? workingGroupId, DateOnly today, CancellationToken ct)
    {
        var groups = await db.Institutions.AsNoTracking().Where(i => i.Kind == InstitutionKind.WorkingGroup && (workingGroupId == null || i.Id == workingGroupId))
            .OrderBy(i => i.Code).Select(i => new { i.Id, i.Acronym }).ToListAsync(ct);
        var ids = groups.Select(g => g.Id).ToList();
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.WorkingGroupId != null && ids.Contains(m.WorkingGroupId.Value) && m.Date <= today)
            .GroupBy(m => new { Group = m.WorkingGroupId!.Value, m.Date.Year }).Select(g => new { g.Key.Group, g.Key.Year, Count = g.Count() }).ToListAsync(ct);
        var done = await db.Activities.AsNoTracking().Where(a => a.WorkingGroupId != null && ids.Contains(a.WorkingGroupId.Value) && a.Status == ActivityStatus.Done && a.EndDate != null && a.EndDate <= today)
            .GroupBy(a => new { Group = a.WorkingGroupId!.Value, a.EndDate!.Value.Year }).Select(g => new { g.Key.Group, g.Key.Year, Count = g.Count() }).ToListAsync(ct);
        var first = meetings.Select(m => m.Year).Concat(done.Select(d => d.Year)).Append(today.Year).Min();
        return [.. from g in groups
                   from year in Enumerable.Range(first, today.Year - first + 1)
                   select new WorkingGroupYear(
                       g.Id, g.Acronym, year,
                       meetings.Where(m => m.Group == g.Id && m.Year == year).Sum(m => m.Count),
                       done.Where(d => d.Group == g.Id && d.Year == year).Sum(d => d.Count),
                       year == today.Year)];
    }
}
