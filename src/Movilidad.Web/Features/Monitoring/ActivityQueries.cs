using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Institutions;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Monitoring;
using Movilidad.Web.Infrastructure.Localization;

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

public static class ActivityQueries
{
    /// <summary>
    /// The shares still open (neither they nor their activity done or cancelled) whose end (the country's own, else the activity's) is before
    /// <paramref name="until"/>, earliest first; of the given countries, or of all when none are given.
    /// </summary>
    public static async Task<List<DueShare>> DueSharesAsync(this MovilidadDb db, IReadOnlyCollection<string>? countries, DateOnly until, CancellationToken ct)
    {
        // Joined from the shares (not SelectMany from the activities), which SQLite cannot translate; the activities' filter drops deleted ones.
        var shares = db.ActivityCountries.AsNoTracking().Join(db.Activities.AsNoTracking(), c => c.ActivityId, a => a.Id, (c, a) => new
        {
            a.Id,
            a.Code,
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

        var rows = await shares
            .Where(s => s.End != null && s.End < until && s.Status != ActivityStatus.Done && s.Status != ActivityStatus.Cancelled
                && s.ActivityStatus != ActivityStatus.Done && s.ActivityStatus != ActivityStatus.Cancelled)
            .OrderBy(s => s.End).ThenBy(s => s.CountryCode).ThenBy(s => s.Code)
            .ToListAsync(ct);
        return rows.Select(s => new DueShare(s.Id, s.Code, s.Title, s.CountryCode, s.End!.Value, s.Status)).ToList();
    }

    public static async Task<ActivityChoices> ActivityChoicesAsync(this MovilidadDb db, CancellationToken ct)
    {
        var members = await db.MemberCountriesAsync(ct);
        var countries = (await db.Countries.AsNoTracking().Where(c => members.Contains(c.Alpha2)).Select(c => new { c.Alpha2, c.Name }).ToListAsync(ct))
            .Select(c => new Choice(c.Alpha2, c.Name.Current)).OrderBy(c => c.Label, StringComparer.CurrentCulture).ToList();
        var actions = (await db.PlanElements.AsNoTracking().Where(e => e.LevelKey == "action")
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
