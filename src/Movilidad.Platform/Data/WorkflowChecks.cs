using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Indicators;
using Movilidad.Platform.Monitoring;
using Movilidad.Platform.Practices;

namespace Movilidad.Platform.Data;

/// <summary>
/// The platform's own workflow rules read back over everything stored, whoever wrote it (pages, API, imports, the
/// demonstration and synthetic data sets): an activity or a country's share that is past its concept note has a
/// complete one; nothing is done or in progress before it starts; no indicator value is submitted or approved for a
/// period that has not ended; no pledge update for a quarter that has not started; no practice published before its
/// month or without consent; no semi-annual report submitted or approved before its semester ends. Each problem is one
/// line naming the row.
/// </summary>
public static class WorkflowChecks
{
    public static async Task<IReadOnlyList<string>> ViolationsAsync(MovilidadDb db, DateOnly today, CancellationToken ct)
    {
        var problems = new List<string>();
        var showed = db.ShowsUnpublished;
        db.ShowsUnpublished = true;
        try
        {
            await ActivitiesAsync(db, today, problems, ct);
            await IndicatorReportsAsync(db, today, problems, ct);
            await PledgeUpdatesAsync(db, today, problems, ct);
            await PracticesAsync(db, today, problems, ct);
            await ReportsAsync(db, today, problems, ct);
        }
        finally
        {
            db.ShowsUnpublished = showed;
        }

        return problems;
    }

    /// <summary>Statuses that an activity (or share) reaches only through a complete concept note: the steps that need one and those after them.</summary>
    public static bool IsPastConceptNote(ActivityStatus status) =>
        ActivityWorkflow.NeedsConceptNote(status) || status is ActivityStatus.Done;

    private static async Task ActivitiesAsync(MovilidadDb db, DateOnly today, List<string> problems, CancellationToken ct)
    {
        var activities = await db.Activities.AsNoTracking().Include(a => a.Countries).Include(a => a.ConceptNote).AsSplitQuery().ToListAsync(ct);
        foreach (var a in activities)
        {
            var missing = (a.ConceptNote ?? ConceptNote.Empty(a.Id)).MissingFields();
            var name = $"Activity {a.Code} (id {a.Id})";
            if (IsPastConceptNote(a.Status) && missing.Count > 0)
            {
                problems.Add($"{name} is {ActivityWorkflow.Kebab(a.Status)} without a complete concept note (missing {string.Join(", ", missing)}).");
            }

            Dates(name, a.Status, a.StartDate, a.EndDate);
            foreach (var share in a.Countries)
            {
                var shareName = $"{name}, share of {share.CountryCode}";
                if (IsPastConceptNote(share.Status) && missing.Count > 0)
                {
                    problems.Add($"{shareName} is {ActivityWorkflow.Kebab(share.Status)} without a complete concept note (missing {string.Join(", ", missing)}).");
                }

                Dates(shareName, share.Status, share.StartDate ?? a.StartDate, share.EndDate ?? a.EndDate);
            }
        }

        void Dates(string name, ActivityStatus status, DateOnly? start, DateOnly? end)
        {
            if (status is ActivityStatus.InProgress or ActivityStatus.Done && start > today)
            {
                problems.Add($"{name} is {ActivityWorkflow.Kebab(status)} but starts on {Day(start!.Value)}, after today.");
            }

            if (status is ActivityStatus.Done && end > today)
            {
                problems.Add($"{name} is done but ends on {Day(end!.Value)}, after today.");
            }
        }
    }

    private static async Task IndicatorReportsAsync(MovilidadDb db, DateOnly today, List<string> problems, CancellationToken ct)
    {
        var early = await db.IndicatorReports.AsNoTracking()
            .Where(r => r.Status != ReportStatus.Draft && r.Period!.End >= today)
            .Select(r => new { r.Id, r.CountryCode, r.Status, Plan = r.Period!.Plan!.Key, r.Period.Code, r.Period.End }).ToListAsync(ct);
        problems.AddRange(early.Select(r =>
            $"Indicator report {r.Plan} {r.Code} {r.CountryCode} (id {r.Id}) is {r.Status.ToString().ToLowerInvariant()} but its period ends on {Day(r.End)}, not before today."));
        var locked = await db.ReportingPeriods.AsNoTracking().Where(p => p.LockedAt != null && p.End >= today)
            .Select(p => new { Plan = p.Plan!.Key, p.Code, p.End }).ToListAsync(ct);
        problems.AddRange(locked.Select(p => $"Period {p.Plan} {p.Code} is locked but ends on {Day(p.End)}, not before today."));
    }

    private static async Task PledgeUpdatesAsync(MovilidadDb db, DateOnly today, List<string> problems, CancellationToken ct)
    {
        var updates = await db.PledgeUpdates.AsNoTracking().Select(u => new { u.PledgeId, u.Year, u.Quarter, u.Status, u.RecordedAt }).ToListAsync(ct);
        foreach (var u in updates)
        {
            var start = new DateOnly(u.Year, (u.Quarter * 3) - 2, 1);
            if (start > today)
            {
                problems.Add($"Pledge {u.PledgeId} has an update for {u.Year}-Q{u.Quarter}, a quarter that starts on {Day(start)}, after today.");
            }

            if (DateOnly.FromDateTime(u.RecordedAt) > today)
            {
                problems.Add($"Pledge {u.PledgeId}'s update for {u.Year}-Q{u.Quarter} is recorded on {Day(DateOnly.FromDateTime(u.RecordedAt))}, after today.");
            }
        }

        foreach (var pledge in updates.GroupBy(u => u.PledgeId))
        {
            var withdrawn = pledge.Where(u => u.Status == Pledges.PledgeStatus.Withdrawn).Select(u => (u.Year * 4) + u.Quarter).DefaultIfEmpty(int.MaxValue).Min();
            if (pledge.Any(u => (u.Year * 4) + u.Quarter > withdrawn))
            {
                problems.Add($"Pledge {pledge.Key} has updates after the quarter it was withdrawn in.");
            }
        }
    }

    private static async Task PracticesAsync(MovilidadDb db, DateOnly today, List<string> problems, CancellationToken ct)
    {
        var published = await db.Practices.AsNoTracking().Where(p => p.Status == PracticeStatus.Published)
            .Select(p => new { p.Id, p.ScheduledMonth, p.ConsentGivenOn, p.PublishedAt }).ToListAsync(ct);
        foreach (var p in published)
        {
            if (p.ScheduledMonth is not { } month || month > today)
            {
                problems.Add($"Practice {p.Id} is published but its month ({(p.ScheduledMonth is { } m ? Day(m) : "none")}) has not come.");
            }

            if (p.ConsentGivenOn is null)
            {
                problems.Add($"Practice {p.Id} is published without the institution's consent.");
            }

            if (p.PublishedAt is not { } at || DateOnly.FromDateTime(at) > today)
            {
                problems.Add($"Practice {p.Id} is published without a publication date on or before today.");
            }
        }
    }

    private static async Task ReportsAsync(MovilidadDb db, DateOnly today, List<string> problems, CancellationToken ct)
    {
        var reports = await db.Reports.AsNoTracking().Where(r => r.Status != Reports.ReportStatus.Draft)
            .Select(r => new { r.Id, r.Year, r.Half, r.Status }).ToListAsync(ct);
        problems.AddRange(reports.Where(r => new Reports.Semester(r.Year, r.Half).End >= today)
            .Select(r => $"Semi-annual report {r.Id} ({new Reports.Semester(r.Year, r.Half)}) is {r.Status.ToString().ToLowerInvariant()} before its semester ends."));
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
