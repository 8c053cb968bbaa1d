using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Monitoring;
using Movilidad.Platform.Network;
using Movilidad.Platform.Plans;

namespace Movilidad.Web.Features.Network;

/// <summary>A quarter of a year, as SDMX writes it (<c>2024-Q2</c>).</summary>
public readonly partial record struct NetworkQuarter(int Year, int Number) : IComparable<NetworkQuarter>
{
    public static NetworkQuarter Of(DateOnly day) => new(day.Year, ((day.Month - 1) / 3) + 1);

    public DateOnly Start => new(Year, ((Number - 1) * 3) + 1, 1);

    public DateOnly End => Start.AddMonths(3).AddDays(-1);

    public NetworkQuarter Next => Number == 4 ? new(Year + 1, 1) : new(Year, Number + 1);

    public override string ToString() => Year.ToString("D4", CultureInfo.InvariantCulture) + "-Q" + Number.ToString(CultureInfo.InvariantCulture);

    public int CompareTo(NetworkQuarter other) => Year != other.Year ? Year.CompareTo(other.Year) : Number.CompareTo(other.Number);

    public static bool operator <(NetworkQuarter a, NetworkQuarter b) => a.CompareTo(b) < 0;

    public static bool operator >(NetworkQuarter a, NetworkQuarter b) => a.CompareTo(b) > 0;

    public static bool operator <=(NetworkQuarter a, NetworkQuarter b) => a.CompareTo(b) <= 0;

    public static bool operator >=(NetworkQuarter a, NetworkQuarter b) => a.CompareTo(b) >= 0;

    public static bool TryParse(string? text, out NetworkQuarter quarter)
    {
        var match = Code().Match(text ?? string.Empty);
        quarter = match.Success ? new(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value[0] - '0') : default;
        return match.Success;
    }

    [GeneratedRegex("^([0-9]{4})-Q([1-4])$")]
    private static partial Regex Code();
}

/// <summary>An agency as the follow-up names it: its id, code and acronym.</summary>
public sealed record AgencyRef(int Id, string Code, Bilingual Acronym);

/// <summary>A network plan as the follow-up reads it: its period and co-chairs.</summary>
public sealed record NetworkPlanInfo(int Id, string Key, Bilingual Title, int PeriodStart, int PeriodEnd, bool IsPublished, IReadOnlyList<AgencyRef> CoChairs);

/// <summary>An activity of a network plan (a plan element of its activity level), the priority it is under, the months it runs and its responsible agencies.</summary>
public sealed record NetworkActivityInfo(
    int Id, int PlanId, string? Code, Bilingual Title, string PriorityKey, string? PriorityCode, Bilingual PriorityTitle, DateOnly From, DateOnly To, Bilingual Timeframe, IReadOnlyList<AgencyRef> Responsible);

/// <summary>The latest approved update of an activity.</summary>
public sealed record LatestUpdate(int Id, string Quarter, string Status, int? Percent, Bilingual Milestone, Bilingual Progress, string? EvidenceUrl, DateTime? ApprovedAt);

/// <summary>One activity on the dashboard: its status (that of its latest approved update; planned before any), that update, the ended quarters without an approved update and how many updates wait for the co-chairs.</summary>
public sealed record NetworkActivityRow(
    int Id, string? Code, Bilingual Title, string? PriorityCode, Bilingual PriorityTitle, IReadOnlyList<string> Agencies, string Status, LatestUpdate? Latest,
    IReadOnlyList<string> OverdueQuarters, int Waiting);

/// <summary>Activities of one priority (key: the priority element's, as core and thematic priorities share codes) or one agency (key: its code) by status, and how many of them have an overdue quarter.</summary>
public sealed record StatusCounts(string Key, Bilingual Name, int Activities, IReadOnlyDictionary<string, int> ByStatus, int Overdue);

/// <summary>The network plan's progress: by priority and by agency, each activity with its latest approved update and overdue quarters, and the mid-term review.</summary>
public sealed record NetworkDashboard(
    int PlanId, string PlanKey, Bilingual PlanTitle, IReadOnlyList<AgencyRef> CoChairs, IReadOnlyDictionary<string, int> ByStatus, IReadOnlyList<StatusCounts> ByPriority,
    IReadOnlyList<StatusCounts> ByAgency, IReadOnlyList<NetworkActivityRow> Activities, NetworkReviewView? Review);

/// <summary>
/// What the follow-up reads of the UN Regional Network's work plans: the plans the network owns (<c>003</c>, owner
/// <c>RED-ONU</c>), their co-chairs (the institutions the plan names as co-leading, role coordinator: IOM and ECLAC in
/// <c>003</c>), their activities and the status each has from its approved quarterly updates.
/// </summary>
public static class NetworkQueries
{
    /// <summary>The institution that owns the network's plans (<c>data/institutions.yaml</c>).</summary>
    public const string NetworkCode = "RED-ONU";

    /// <summary>The level of a network plan whose elements are its activities.</summary>
    public const string ActivityLevel = "activity";

    private static IQueryable<Plan> NetworkPlans(MovilidadDb db) => db.Plans.AsNoTracking().Where(p => p.Owner != null && p.Owner.Code == NetworkCode);

    public static Task<List<PlanSummaryRow>> PlansAsync(MovilidadDb db, CancellationToken ct) =>
        NetworkPlans(db).OrderBy(p => p.SortOrder).Select(p => new PlanSummaryRow(p.Key, p.Title, p.PeriodStart, p.PeriodEnd)).ToListAsync(ct);

    /// <summary>A network plan by key (or id), with its co-chairs; null when there is none or it is not the network's.</summary>
    public static async Task<NetworkPlanInfo?> PlanAsync(MovilidadDb db, string plan, CancellationToken ct)
    {
        var id = int.TryParse(plan, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : (int?)null;
        var found = await NetworkPlans(db).Where(p => p.Key == plan || p.Id == id).Select(p => new { p.Id, p.Key, p.Title, p.PeriodStart, p.PeriodEnd, p.IsPublished }).FirstOrDefaultAsync(ct);
        return found is null ? null : new(found.Id, found.Key, found.Title, found.PeriodStart, found.PeriodEnd, found.IsPublished, await CoChairsAsync(db, found.Id, ct));
    }

    public static async Task<IReadOnlyList<AgencyRef>> CoChairsAsync(MovilidadDb db, int planId, CancellationToken ct) =>
        (await db.PlanElements.AsNoTracking().Where(e => e.PlanId == planId).SelectMany(e => e.Institutions).Where(i => i.Role == InstitutionRole.Coordinator)
            .Select(i => new { i.InstitutionId, i.Institution!.Code, AcronymEs = i.Institution.Acronym.Es, AcronymEn = i.Institution.Acronym.En }).ToListAsync(ct))
            .DistinctBy(i => i.InstitutionId).OrderBy(i => i.Code, StringComparer.Ordinal).Select(i => new AgencyRef(i.InstitutionId, i.Code, new Bilingual(i.AcronymEs, i.AcronymEn))).ToList();

    /// <summary>The activities of a network plan (all of them, or one), in the plan's order.</summary>
    public static async Task<List<NetworkActivityInfo>> ActivitiesAsync(MovilidadDb db, int? planId, int? elementId, CancellationToken ct)
    {
        var rows = await db.PlanElements.AsNoTracking()
            .Where(e => e.LevelKey == ActivityLevel && e.Plan!.Owner != null && e.Plan.Owner.Code == NetworkCode)
            .Where(e => planId == null || e.PlanId == planId)
            .Where(e => elementId == null || e.Id == elementId)
            .OrderBy(e => e.SortOrder).ThenBy(e => e.Id)
            .Select(e => new
            {
                e.Id, e.PlanId, e.Code, e.Title, e.StartDate, e.EndDate, e.TimeframeLabel, e.Plan!.PeriodStart, e.Plan.PeriodEnd,
                ParentKey = e.Parent!.Key, ParentCode = e.Parent.Code, ParentEs = e.Parent.Title.Es, ParentEn = e.Parent.Title.En,
                Responsible = e.Institutions.Where(i => i.Role == InstitutionRole.Responsible)
                    .Select(i => new { i.InstitutionId, i.Institution!.Code, AcronymEs = i.Institution.Acronym.Es, AcronymEn = i.Institution.Acronym.En }).ToList(),
            })
            .ToListAsync(ct);
        return rows.Select(r => new NetworkActivityInfo(
            r.Id, r.PlanId, r.Code, r.Title, r.ParentKey ?? string.Empty, r.ParentCode, new Bilingual(r.ParentEs ?? string.Empty, r.ParentEn ?? string.Empty),
            r.StartDate ?? new DateOnly(r.PeriodStart, 1, 1), r.EndDate ?? new DateOnly(r.PeriodEnd, 12, 31), r.TimeframeLabel,
            r.Responsible.Select(i => new AgencyRef(i.InstitutionId, i.Code, new Bilingual(i.AcronymEs, i.AcronymEn))).ToList())).ToList();
    }

    /// <summary>The agencies whose people write an activity's updates: those responsible for it; the co-chairs when the plan names none (003, 4.1: "the relevant agency, depending on the message").</summary>
    public static IReadOnlyList<AgencyRef> Writers(NetworkActivityInfo activity, IReadOnlyList<AgencyRef> coChairs) => activity.Responsible.Count > 0 ? activity.Responsible : coChairs;

    /// <summary>The status an activity has from its approved updates: the latest quarter's; planned before any.</summary>
    public static ActivityStatus CurrentStatus(IEnumerable<NetworkUpdate> updates) =>
        updates.Where(u => u.State == UpdateState.Approved).OrderBy(u => u.Quarter, StringComparer.Ordinal).LastOrDefault()?.Status ?? ActivityStatus.Planned;

    /// <summary>
    /// The quarters an activity ran in that have ended without an approved update: from its first month's quarter to its
    /// last's (the plan's period when it has no dates), up to the last quarter ended by <paramref name="today"/>, and none
    /// after an approved update that ended or cancelled it.
    /// </summary>
    public static IReadOnlyList<string> Overdue(NetworkActivityInfo activity, IReadOnlyCollection<NetworkUpdate> updates, DateOnly today)
    {
        var approved = updates.Where(u => u.State == UpdateState.Approved).ToList();
        var reported = approved.Select(u => u.Quarter).ToHashSet(StringComparer.Ordinal);
        var closed = approved.Where(u => u.Status is ActivityStatus.Done or ActivityStatus.Cancelled)
            .Select(u => NetworkQuarter.TryParse(u.Quarter, out var q) ? q : (NetworkQuarter?)null).OfType<NetworkQuarter>().DefaultIfEmpty(new NetworkQuarter(9999, 4)).Min();
        var overdue = new List<string>();
        for (var q = NetworkQuarter.Of(activity.From); q <= NetworkQuarter.Of(activity.To) && q.End < today && q <= closed; q = q.Next)
        {
            if (!reported.Contains(q.ToString()))
            {
                overdue.Add(q.ToString());
            }
        }

        return overdue;
    }

    /// <summary>The dashboard of a network plan; the updates not approved yet are counted (waiting) only for <paramref name="readsDrafts"/>.</summary>
    public static async Task<NetworkDashboard?> DashboardAsync(MovilidadDb db, string plan, bool readsDrafts, DateOnly today, CancellationToken ct)
    {
        if (await PlanAsync(db, plan, ct) is not { } info)
        {
            return null;
        }

        var activities = await ActivitiesAsync(db, info.Id, null, ct);
        var ids = activities.Select(a => a.Id).ToList();
        var updates = (await db.NetworkUpdates.AsNoTracking().Where(u => ids.Contains(u.ElementId)).Where(u => readsDrafts || u.State == UpdateState.Approved).ToListAsync(ct))
            .ToLookup(u => u.ElementId);
        var rows = activities.Select(a =>
        {
            var mine = updates[a.Id].ToList();
            var latest = mine.Where(u => u.State == UpdateState.Approved).OrderBy(u => u.Quarter, StringComparer.Ordinal).LastOrDefault();
            return new NetworkActivityRow(a.Id, a.Code, a.Title, a.PriorityCode, a.PriorityTitle, a.Responsible.Select(r => r.Code).ToList(),
                ActivityWorkflow.Kebab(CurrentStatus(mine)),
                latest is null ? null : new LatestUpdate(latest.Id, latest.Quarter, ActivityWorkflow.Kebab(latest.Status), latest.Percent, latest.Milestone, latest.Progress, latest.EvidenceUrl, latest.DecidedAt),
                Overdue(a, mine, today), mine.Count(u => u.State == UpdateState.Submitted));
        }).ToList();
        var agencies = activities.SelectMany(a => a.Responsible).DistinctBy(r => r.Id).OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
        var byPriority = activities.GroupBy(a => a.PriorityKey).Select(g => Count(g.Key, g.First().PriorityTitle, rows, g.Select(a => a.Id))).ToList();
        var byAgency = agencies.Select(r => Count(r.Code, r.Acronym, rows, activities.Where(a => a.Responsible.Any(x => x.Id == r.Id)).Select(a => a.Id))).ToList();
        var review = await db.NetworkReviews.AsNoTracking().Where(r => r.PlanId == info.Id).Where(r => readsDrafts || r.Approved).FirstOrDefaultAsync(ct);
        return new NetworkDashboard(info.Id, info.Key, info.Title, info.CoChairs, Statuses(rows), byPriority, byAgency, rows, review is null ? null : NetworkEditing.View(review));
    }

    /// <summary>One activity's follow-up: its status, overdue quarters and updates (newest quarter first; those not approved only for <paramref name="readsDrafts"/>).</summary>
    public static async Task<NetworkActivityView?> ActivityAsync(MovilidadDb db, int id, bool readsDrafts, DateOnly today, CancellationToken ct)
    {
        if ((await ActivitiesAsync(db, null, id, ct)).SingleOrDefault() is not { } activity)
        {
            return null;
        }

        var updates = await db.NetworkUpdates.AsNoTracking().Where(u => u.ElementId == id).Where(u => readsDrafts || u.State == UpdateState.Approved).ToListAsync(ct);
        return new NetworkActivityView(activity, await CoChairsAsync(db, activity.PlanId, ct), ActivityWorkflow.Kebab(CurrentStatus(updates)), Overdue(activity, updates, today),
            updates.OrderByDescending(u => u.Quarter, StringComparer.Ordinal).Select(NetworkEditing.View).ToList());
    }

    private static StatusCounts Count(string key, Bilingual name, IReadOnlyList<NetworkActivityRow> rows, IEnumerable<int> ids)
    {
        var set = ids.ToHashSet();
        var mine = rows.Where(r => set.Contains(r.Id)).ToList();
        return new StatusCounts(key, name, mine.Count, Statuses(mine), mine.Count(r => r.OverdueQuarters.Count > 0));
    }

    private static Dictionary<string, int> Statuses(IEnumerable<NetworkActivityRow> rows) =>
        Enum.GetValues<ActivityStatus>().Select(ActivityWorkflow.Kebab).ToDictionary(s => s, s => rows.Count(r => r.Status == s), StringComparer.Ordinal);
}

/// <summary>One activity's follow-up: the activity, the plan's co-chairs, its status, the ended quarters without an approved update, and its updates.</summary>
public sealed record NetworkActivityView(NetworkActivityInfo Activity, IReadOnlyList<AgencyRef> CoChairs, string Status, IReadOnlyList<string> OverdueQuarters, IReadOnlyList<NetworkUpdateView> Updates);

/// <summary>A network plan in the list of plans followed.</summary>
public sealed record PlanSummaryRow(string Key, Bilingual Title, int PeriodStart, int PeriodEnd);
