using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Movilidad.Web.Features.Indicators;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Institutions;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Pledges;

namespace Movilidad.Web.Features.Pledges;

/// <summary>One line of the pledge list, with what the dashboard counts.</summary>
public sealed record PledgeSummary(
    int Id, Bilingual Title, IReadOnlyList<PledgerView> Pledgers, IReadOnlyList<int> GcmObjectives, PledgeStatus Status, YearQuarter? LastUpdate,
    bool IsPublished, int? MatchingPledgeId, DateTime CreatedAt, int Version)
{
    public IReadOnlyList<PledgerType> PledgerTypes => Pledgers.Select(p => p.Type).Distinct().Order().ToList();

    /// <summary>
    /// True when the last ended quarter has no update: only for pledges still open (not fulfilled or withdrawn) that
    /// existed before that quarter ended.
    /// </summary>
    public bool IsOverdue(DateOnly today)
    {
        var due = YearQuarter.LastEnded(today);
        return Status is not (PledgeStatus.Fulfilled or PledgeStatus.Withdrawn)
            && DateOnly.FromDateTime(CreatedAt) <= due.End
            && (LastUpdate is null || LastUpdate < due);
    }
}

/// <summary>Counts for the pledge dashboard's charts.</summary>
public sealed record PledgeDashboard(
    int Total, IReadOnlyDictionary<int, int> ByObjective, IReadOnlyDictionary<PledgerType, int> ByPledgerType, IReadOnlyDictionary<PledgeStatus, int> ByStatus,
    YearQuarter Due, IReadOnlyList<PledgeSummary> Overdue);

public static class PledgeQueries
{
    /// <summary>The pledges <paramref name="reader"/> may see: published ones, every one for those who read unpublished content, and their own.</summary>
    public static IQueryable<Pledge> VisibleTo(this IQueryable<Pledge> pledges, ClaimsPrincipal reader)
    {
        if (Grants.Of(reader).Any(g => PledgePermissions.Rules.Decides(g, PledgeOperations.ReadUnpublished, null)))
        {
            return pledges;
        }

        var id = int.TryParse(reader.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : -1;
        return pledges.Where(p => p.IsPublished || p.CreatedById == id);
    }

    public static Task<List<PledgeSummary>> PledgeSummariesAsync(this MovilidadDb db, ClaimsPrincipal reader, CancellationToken ct) =>
        db.Pledges.AsNoTracking().VisibleTo(reader).OrderBy(p => p.Id).SummariesAsync(ct);

    /// <summary>
    /// The pledges that match the list's filters, said in SQL: the status is that of the latest quarterly update (not started
    /// without one), the pledger type that of some pledging institution's kind, the objective one of the pledge's.
    /// </summary>
    public static IQueryable<Pledge> Matching(this IQueryable<Pledge> pledges, PledgeStatus? status, PledgerType? type, int? gcm)
    {
        if (status is { } wanted)
        {
            pledges = pledges.Where(p => (p.Updates.OrderByDescending(u => u.Year).ThenByDescending(u => u.Quarter).Select(u => (PledgeStatus?)u.Status).FirstOrDefault()
                ?? PledgeStatus.NotStarted) == wanted);
        }

        if (type is { } pledger)
        {
            var kinds = Enum.GetValues<InstitutionKind>().Where(k => Pledge.TypeOf(k) == pledger).ToList();
            pledges = pledges.Where(p => p.Pledgers.Any(x => kinds.Contains(x.Institution!.Kind)));
        }

        if (gcm is { } objective)
        {
            pledges = pledges.Where(p => p.GcmObjectives.Any(g => g.Objective == objective));
        }

        return pledges;
    }

    /// <summary>The summaries of the pledges of an ordered query, in its order.</summary>
    public static async Task<List<PledgeSummary>> SummariesAsync(this IQueryable<Pledge> ordered, CancellationToken ct)
    {
        var rows = await ordered
            .Select(p => new
            {
                p.Id,
                p.Title,
                Pledgers = p.Pledgers.Select(x => new { x.InstitutionId, x.Institution!.Code, x.Institution.Name, x.Institution.Kind, x.Institution.CountryCode }).ToList(),
                Objectives = p.GcmObjectives.Select(g => g.Objective).ToList(),
                Updates = p.Updates.Select(u => new { u.Year, u.Quarter, u.Status }).ToList(),
                p.IsPublished,
                p.MatchingPledgeId,
                p.CreatedAt,
                p.Version,
            })
            .AsSplitQuery()
            .ToListAsync(ct);
        return rows.Select(p =>
        {
            var latest = p.Updates.OrderByDescending(u => u.Year).ThenByDescending(u => u.Quarter).FirstOrDefault();
            return new PledgeSummary(
                p.Id, p.Title,
                p.Pledgers.OrderBy(x => x.Code, StringComparer.Ordinal).Select(x => new PledgerView(x.InstitutionId, x.Code, x.Name, Pledge.TypeOf(x.Kind), x.CountryCode)).ToList(),
                p.Objectives.Order().ToList(),
                latest?.Status ?? PledgeStatus.NotStarted,
                latest is null ? null : new YearQuarter(latest.Year, latest.Quarter),
                p.IsPublished, p.MatchingPledgeId, p.CreatedAt, p.Version);
        }).ToList();
    }

    public static PledgeDashboard Dashboard(IReadOnlyList<PledgeSummary> pledges, DateOnly today) => new(
        pledges.Count,
        Enumerable.Range(1, 23).ToDictionary(o => o, o => pledges.Count(p => p.GcmObjectives.Contains(o))),
        Enum.GetValues<PledgerType>().ToDictionary(t => t, t => pledges.Count(p => p.PledgerTypes.Contains(t))),
        Enum.GetValues<PledgeStatus>().ToDictionary(s => s, s => pledges.Count(p => p.Status == s)),
        YearQuarter.LastEnded(today),
        pledges.Where(p => p.IsOverdue(today)).ToList());
}

/// <summary>An indicator a pledge contributes to, with its progress over the plan as the indicators dashboard computes it.</summary>
public sealed record LinkedIndicator(int Id, string Code, Bilingual Name, IndicatorProgress? Progress);

public static class LinkedIndicators
{
    /// <summary>The indicators of the ids (those the reader sees), in plan order; with their progress from the dashboard when one is given (to those who read indicators).</summary>
    public static async Task<IReadOnlyList<LinkedIndicator>> LinkedIndicatorsAsync(this MovilidadDb db, IReadOnlyCollection<int> ids, IndicatorDashboard? dashboard, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var indicators = await db.Indicators.AsNoTracking().Where(i => ids.Contains(i.Id)).OrderBy(i => i.Plan!.SortOrder).ThenBy(i => i.SortOrder).ThenBy(i => i.Code)
            .Select(i => new { i.Id, i.Code, i.Name }).ToListAsync(ct);
        var progress = dashboard is null ? new Dictionary<int, IndicatorProgress>() : await dashboard.ProgressAsync(db, ids, ct);

        return indicators.Select(i => new LinkedIndicator(i.Id, i.Code, i.Name, progress.GetValueOrDefault(i.Id))).ToList();
    }
}
