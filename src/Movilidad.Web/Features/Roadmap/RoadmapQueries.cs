using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Institutions;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Monitoring;
using Movilidad.Platform.Plans;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Roadmap;

/// <summary>What the roadmap is narrowed to; every field comes from the page's address.</summary>
public sealed record RoadmapFilter(int? WorkingGroupId, string? Country, ActivityStatus? Status)
{
    /// <summary>Only activities have a status and countries: with either filter, plan elements are drawn only to carry their activities.</summary>
    public bool OnlyActivities => Country is not null || Status is not null;
}

/// <summary>One row of the chart: a plan element (its own dates, or the span of its activities) or an activity under it.</summary>
public sealed record RoadmapRow(
    bool IsActivity, int Id, string? Code, Bilingual Title, DateOnly? Start, DateOnly? End, Bilingual Label, ActivityStatus? Status,
    bool SpansActivities, IReadOnlyList<string> Countries)
{
    public string Href => IsActivity ? $"/monitoring/activities/{Id}" : $"/elements/{Id}";

    public bool IsDated => Start is not null || End is not null;
}

/// <summary>The rows under one line or priority of a plan; a plan's top-level elements form a group with no title.</summary>
public sealed record RoadmapGroup(string PlanKey, Bilingual PlanTitle, Bilingual? GroupTitle, IReadOnlyList<RoadmapRow> Rows);

/// <summary>An element with a term but no dates: listed under the chart, not drawn.</summary>
public sealed record RoadmapUndated(int Id, string? Code, Bilingual Title, Term Term, Bilingual Plan);

public sealed record RoadmapPlan(string Key, Bilingual Title, string? Owner);

public static class RoadmapQueries
{
    private sealed record ElementRow(
        int Id, int? ParentId, string PlanKey, string? Code, Bilingual Title, DateOnly? StartDate, DateOnly? EndDate, Term? Term,
        Bilingual TimeframeLabel, string LevelKey, int SortOrder, List<int> WorkingGroups);

    /// <summary>
    /// The roadmap of the given plans (in their order): their dated elements, except those of narrative levels (a plan's
    /// background), and the activities under their elements, in the plans' tree order, narrowed by the filter.
    /// </summary>
    public static async Task<(IReadOnlyList<RoadmapGroup> Groups, IReadOnlyList<RoadmapUndated> Undated)> RoadmapAsync(
        this MovilidadDb db, IReadOnlyList<RoadmapPlan> plans, RoadmapFilter filter, CancellationToken ct)
    {
        var keys = plans.Select(p => p.Key).ToList();
        // Joins, not correlated collections: SQLite cannot translate the APPLY these would need.
        var groupLinks = (await db.ElementInstitutions.AsNoTracking().Where(i => i.Institution!.Kind == InstitutionKind.WorkingGroup)
                .Join(db.PlanElements.Where(e => keys.Contains(e.Plan!.Key)), i => i.ElementId, e => e.Id, (i, e) => new { i.ElementId, i.InstitutionId })
                .ToListAsync(ct))
            .ToLookup(i => i.ElementId, i => i.InstitutionId);
        var elements = (await db.PlanElements.AsNoTracking()
                .Where(e => keys.Contains(e.Plan!.Key))
                .Select(e => new { e.Id, e.ParentId, PlanKey = e.Plan!.Key, e.Code, e.Title, e.StartDate, e.EndDate, e.Term, e.TimeframeLabel, e.LevelKey, e.SortOrder })
                .ToListAsync(ct))
            .Select(e => new ElementRow(e.Id, e.ParentId, e.PlanKey, e.Code, e.Title, e.StartDate, e.EndDate, e.Term, e.TimeframeLabel ?? Bilingual.Empty, e.LevelKey, e.SortOrder,
                groupLinks[e.Id].ToList()))
            .ToList();
        var narrative = (await db.PlanLevels.AsNoTracking().Where(l => l.Narrative)
                .Join(db.Plans.Where(p => keys.Contains(p.Key)), l => l.PlanId, p => p.Id, (l, p) => new { Plan = p.Key, l.Key })
                .ToListAsync(ct))
            .Select(l => (l.Plan, l.Key)).ToHashSet();

        var activities = db.Activities.AsNoTracking().Where(a => keys.Contains(a.Action!.Plan!.Key));
        if (filter.WorkingGroupId is { } group)
        {
            activities = activities.Where(a => a.WorkingGroupId == group);
        }

        if (filter.Country is { } country)
        {
            activities = activities.Where(a => a.Countries.Any(c => c.CountryCode == country));
        }

        if (filter.Status is { } status)
        {
            activities = activities.Where(a => a.Status == status);
        }

        var byAction = (await activities
                .Select(a => new { a.Id, a.ActionId, a.Code, a.Title, a.StartDate, a.EndDate, a.Status, Countries = a.Countries.Select(c => c.CountryCode).ToList() })
                .ToListAsync(ct))
            .GroupBy(a => a.ActionId)
            .ToDictionary(g => g.Key, g => g.OrderBy(a => a.Code, NaturalOrder.Instance).ThenBy(a => a.Id)
                .Select(a => new RoadmapRow(true, a.Id, a.Code, a.Title, a.StartDate, a.EndDate, Bilingual.Empty, a.Status, false, a.Countries.Order(StringComparer.Ordinal).ToList()))
                .ToList());

        var owners = await db.Institutions.AsNoTracking().Where(i => i.Kind == InstitutionKind.WorkingGroup).Select(i => new { i.Id, i.Code }).ToDictionaryAsync(i => i.Code, i => i.Id, ct);
        bool NamesGroup(ElementRow e) => filter.WorkingGroupId is not { } wanted
            || e.WorkingGroups.Contains(wanted)
            || (plans.First(p => p.Key == e.PlanKey).Owner is { } owner && owners.GetValueOrDefault(owner) == wanted);
        bool Scheduled(ElementRow e) => !filter.OnlyActivities && !narrative.Contains((e.PlanKey, e.LevelKey)) && NamesGroup(e);

        var byId = elements.ToDictionary(e => e.Id);
        var order = plans.Select((p, i) => (p.Key, i)).ToDictionary(p => p.Key, p => p.i);

        // Tree order: the sort orders from the root down, compared position by position.
        List<int> Path(ElementRow e)
        {
            var path = new List<int>();
            for (ElementRow? at = e; at is not null; at = at.ParentId is { } p ? byId[p] : null)
            {
                path.Insert(0, at.SortOrder);
            }

            return path;
        }

        ElementRow Root(ElementRow e)
        {
            var at = e;
            while (at.ParentId is { } p)
            {
                at = byId[p];
            }

            return at;
        }

        var drawn = elements
            .Where(e => byAction.ContainsKey(e.Id) || ((e.StartDate is not null || e.EndDate is not null) && Scheduled(e)))
            .Select(e => (Element: e, Path: Path(e), Root: Root(e)))
            .OrderBy(d => order[d.Element.PlanKey]).ThenBy(d => d.Path, PathOrder.Instance)
            .ToList();
        var titles = plans.ToDictionary(p => p.Key, p => p.Title);
        var groups = drawn
            .GroupBy(d => (d.Element.PlanKey, Root: d.Root.Id == d.Element.Id ? (int?)null : d.Root.Id))
            .Select(g =>
            {
                var root = g.Key.Root is { } id ? byId[id] : null;
                var rows = new List<RoadmapRow>();
                foreach (var (element, _, _) in g)
                {
                    var under = byAction.GetValueOrDefault(element.Id) ?? [];
                    var dated = element.StartDate is not null || element.EndDate is not null;
                    var starts = under.Select(a => a.Start ?? a.End).OfType<DateOnly>().ToList();
                    var ends = under.Select(a => a.End ?? a.Start).OfType<DateOnly>().ToList();
                    rows.Add(dated || starts.Count == 0
                        ? new RoadmapRow(false, element.Id, element.Code, element.Title, element.StartDate, element.EndDate, element.TimeframeLabel, null, false, [])
                        : new RoadmapRow(false, element.Id, element.Code, element.Title, starts.Min(), ends.Max(), Bilingual.Empty, null, true, []));
                    rows.AddRange(under);
                }

                return new RoadmapGroup(g.Key.PlanKey, titles[g.Key.PlanKey],
                    root is null ? null : new Bilingual($"{root.Code} {root.Title.Es}".Trim(), $"{root.Code} {root.Title.En}".Trim()), rows);
            })
            .ToList();

        var undated = elements
            .Where(e => e.StartDate is null && e.EndDate is null && e.Term is not null && !byAction.ContainsKey(e.Id) && Scheduled(e))
            .OrderBy(e => order[e.PlanKey]).ThenBy(e => Path(e), PathOrder.Instance)
            .Select(e => new RoadmapUndated(e.Id, e.Code, e.Title, e.Term!.Value, titles[e.PlanKey]))
            .ToList();
        return (groups, undated);
    }

    private sealed class PathOrder : IComparer<List<int>>
    {
        public static readonly PathOrder Instance = new();

        public int Compare(List<int>? x, List<int>? y)
        {
            for (var i = 0; i < Math.Min(x!.Count, y!.Count); i++)
            {
                if (x[i] != y[i])
                {
                    return x[i].CompareTo(y[i]);
                }
            }

            return x.Count.CompareTo(y.Count);
        }
    }
}
