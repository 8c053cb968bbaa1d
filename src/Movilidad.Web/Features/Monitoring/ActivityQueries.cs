using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Institutions;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Monitoring;
using Movilidad.Web.Infrastructure.Localization;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Monitoring;

/// <summary>What the activity pages offer to choose from: actions, member countries, working groups, institutions, currencies.</summary>
public sealed record ActivityChoices(
    IReadOnlyList<Choice> Actions, IReadOnlyList<Choice> Countries, IReadOnlyList<Choice> WorkingGroups, IReadOnlyList<Choice> Institutions, IReadOnlyList<Choice> Currencies)
{
    public string Label(IReadOnlyList<Choice> list, object? value) =>
        value is null ? string.Empty : list.FirstOrDefault(c => c.Value == Convert.ToString(value, CultureInfo.InvariantCulture))?.Label ?? Convert.ToString(value, CultureInfo.InvariantCulture)!;
}

/// <summary>One country's share of an activity that ends soon or has ended without being done or cancelled.</summary>
public sealed record DueShare(int ActivityId, string Code, Bilingual Title, string Country, DateOnly End, ActivityStatus Status)
{
    public bool IsLate(DateOnly today) => End < today;
}

/// <summary>What the activity list is filtered by; every field comes from the page's address.</summary>
public sealed record ActivityFilter(int? PlanId, int? LineId, string? Country, int? WorkingGroupId, ActivityStatus? Status);

public static class ActivityQueries
{
    /// <summary>
    /// The activities that match, ordered by plan, then action code and activity code in natural order (A2 before A10), a
    /// page at a time: the database sorts by the codes' stored <see cref="Movilidad.Platform.Data.NaturalSortKey"/> and reads
    /// one page.
    /// </summary>
    public static Task<Paged<ActivitySummary>> ActivityPageAsync(this MovilidadDb db, ActivityFilter filter, int start, int size, CancellationToken ct)
    {
        var query = db.Activities.AsNoTracking();
        if (filter.PlanId is { } plan)
        {
            query = query.Where(a => a.Action!.PlanId == plan);
        }

        if (filter.LineId is { } line)
        {
            query = query.Where(a => a.Action!.ParentId == line);
        }

        if (!string.IsNullOrEmpty(filter.Country))
        {
            query = query.Where(a => a.Countries.Any(c => c.CountryCode == filter.Country));
        }

        if (filter.WorkingGroupId is { } group)
        {
            query = query.Where(a => a.WorkingGroupId == group);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }

        return query.OrderBy(a => a.Action!.Plan!.SortOrder).ThenBy(a => a.Action!.CodeSortKey).ThenBy(a => a.CodeSortKey).ThenBy(a => a.Id)
            .Select(a => new ActivitySummary(a.Id, a.ActionId, a.Action!.Code, a.Code, a.Title, a.WorkingGroupId, a.Status, a.StartDate, a.EndDate,
                a.Countries.OrderBy(c => c.CountryCode).Select(c => c.CountryCode).ToList(), a.Version))
            .PageAsync(start, size, ct);
    }

    /// <summary>The plans that have actions (where activities hang), and the lines of the chosen one: the elements its actions sit under.</summary>
    public static async Task<(IReadOnlyList<Choice> Plans, IReadOnlyList<Choice> Lines)> ActivityPlanChoicesAsync(this MovilidadDb db, int? planId, CancellationToken ct)
    {
        var plans = await db.Plans.AsNoTracking().Where(p => db.PlanElements.Any(e => e.PlanId == p.Id && e.IsActionable)).OrderBy(p => p.SortOrder)
            .Select(p => new { p.Id, p.Title }).ToListAsync(ct);
        var lines = planId is not { } plan ? [] : (await db.PlanElements.AsNoTracking()
                .Where(e => e.PlanId == plan && db.PlanElements.Any(c => c.ParentId == e.Id && c.IsActionable))
                .Select(e => new { e.Id, e.Code, e.Title }).ToListAsync(ct))
            .OrderBy(e => e.Code, NaturalOrder.Instance)
            .Select(e => new Choice(e.Id.ToString(CultureInfo.InvariantCulture), $"{e.Code} {PageFormats.Shorten(e.Title.Current)}".Trim())).ToList();
        return (plans.Select(p => new Choice(p.Id.ToString(CultureInfo.InvariantCulture), PageFormats.Shorten(p.Title.Current))).ToList(), lines);
    }

    /// <summary>
    /// The shares still open (neither they nor their activity done or cancelled) whose end (the country's own, else the activity's) is on or
    /// after <paramref name="from"/> (when given) and before <paramref name="until"/>, earliest first; of the given countries, or of all when
    /// none are given; a page of them, counted and read by the database.
    /// </summary>
    public static Task<Paged<DueShare>> DueSharePageAsync(this MovilidadDb db, IReadOnlyCollection<string>? countries, DateOnly? from, DateOnly until, int start, int size,
        CancellationToken ct)
    {
        // Joined from the shares (not SelectMany from the activities), which SQLite cannot translate; the activities' filter drops deleted ones.
        var shares = db.ActivityCountries.AsNoTracking().Join(db.Activities.AsNoTracking(), c => c.ActivityId, a => a.Id, (c, a) => new
        {
            a.Id,
            a.Code,
            a.CodeSortKey,
            a.Title,
            c.CountryCode,
            End = c.EndDate ?? a.EndDate,
            c.Status,
            ActivityStatus = a.Status,
        });
        if (countries is { Count: > 0 })
        {
            shares = shares.Where(s => countries.Contains(s.CountryCode));
        }

        if (from is { } first)
        {
            shares = shares.Where(s => s.End >= first);
        }

        return shares
            .Where(s => s.End != null && s.End < until && s.Status != ActivityStatus.Done && s.Status != ActivityStatus.Cancelled
                && s.ActivityStatus != ActivityStatus.Done && s.ActivityStatus != ActivityStatus.Cancelled)
            .OrderBy(s => s.End).ThenBy(s => s.CountryCode).ThenBy(s => s.CodeSortKey).ThenBy(s => s.Id)
            .Select(s => new DueShare(s.Id, s.Code, s.Title, s.CountryCode, s.End!.Value, s.Status))
            .PageAsync(start, size, ct);
    }

    public static async Task<ActivityChoices> ActivityChoicesAsync(this MovilidadDb db, CancellationToken ct)
    {
        var members = await db.MemberCountriesAsync(ct);
        var countries = (await db.Countries.AsNoTracking().Where(c => members.Contains(c.Alpha2)).Select(c => new { c.Alpha2, c.Name }).ToListAsync(ct))
            .Select(c => new Choice(c.Alpha2, c.Name.Current)).OrderBy(c => c.Label, StringComparer.CurrentCulture).ToList();
        var actions = (await db.PlanElements.AsNoTracking().Where(e => e.IsActionable)
                .OrderBy(e => e.Plan!.SortOrder).ThenBy(e => e.SortOrder)
                .Select(e => new { e.Id, e.Code, e.Title, Plan = e.Plan!.Number }).ToListAsync(ct))
            .Select(e => new Choice(e.Id.ToString(CultureInfo.InvariantCulture), $"{e.Plan} · {e.Code} {PageFormats.Shorten(e.Title.Current)}")).ToList();
        var institutions = await db.Institutions.AsNoTracking().OrderBy(i => i.Kind).ThenBy(i => i.Code)
            .Select(i => new { i.Id, i.Kind, i.Acronym, i.Name }).ToListAsync(ct);
        var currencies = await db.Currencies.AsNoTracking().OrderBy(c => c.Code).Select(c => c.Code).ToListAsync(ct);
        return new ActivityChoices(
            actions,
            countries,
            institutions.Where(i => i.Kind == InstitutionKind.WorkingGroup).Select(i => new Choice(i.Id.ToString(CultureInfo.InvariantCulture), $"{i.Acronym.Current} · {i.Name.Current}")).ToList(),
            institutions.Select(i => new Choice(i.Id.ToString(CultureInfo.InvariantCulture), $"{i.Acronym.Current} · {PageFormats.Shorten(i.Name.Current)}")).ToList(),
            currencies.Select(c => new Choice(c, c)).ToList());
    }
}
