using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Pledges;

using Movilidad.Platform.Institutions;
using Movilidad.Web.Infrastructure.Pages;
using Movilidad.Web.Infrastructure.Localization;

namespace Movilidad.Web.Features.Pledges;

/// <summary>What the pledge pages offer to choose from: pledging institutions, plan elements, activities, indicators, other pledges.</summary>
public sealed record PledgeChoices(IReadOnlyList<Choice> Institutions, IReadOnlyList<Choice> Elements, IReadOnlyList<Choice> Activities, IReadOnlyList<Choice> Indicators, IReadOnlyList<Choice> Pledges)
{
    public string Label(IReadOnlyList<Choice> list, int value)
    {
        var key = value.ToString(CultureInfo.InvariantCulture);
        return list.FirstOrDefault(c => c.Value == key)?.Label ?? key;
    }
}

/// <summary>What the pledge pages share: errors shown next to their field in the reader's language (keys <c>PledgeError.{field}</c>).</summary>
public abstract class PledgePage : WritePage
{
    public static string MessageKey(string field) => "Pledge" + ErrorKey(field);

    public static string Kebab(PledgeStatus status) => status switch
    {
        PledgeStatus.NotStarted => "not-started",
        PledgeStatus.InProgress => "in-progress",
        PledgeStatus.Fulfilled => "fulfilled",
        PledgeStatus.Withdrawn => "withdrawn",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}

public static class PledgeChoicesQuery
{
    public static async Task<PledgeChoices> PledgeChoicesAsync(this MovilidadDb db, System.Security.Claims.ClaimsPrincipal reader, CancellationToken ct)
    {
        var institutions = await db.Institutions.AsNoTracking().Where(i => i.Kind != InstitutionKind.WorkingGroup).OrderBy(i => i.Kind).ThenBy(i => i.Code)
            .Select(i => new { i.Id, i.Acronym, i.Name }).ToListAsync(ct);
        var elements = await db.PlanElements.AsNoTracking().OrderBy(e => e.Plan!.SortOrder).ThenBy(e => e.SortOrder)
            .Select(e => new { e.Id, e.Code, e.Title, Plan = e.Plan!.Number }).ToListAsync(ct);
        var activities = await db.Activities.AsNoTracking().OrderBy(a => a.Action!.Plan!.SortOrder).ThenBy(a => a.Action!.SortOrder).ThenBy(a => a.Code)
            .Select(a => new { a.Id, a.Code, a.Title }).ToListAsync(ct);
        var indicators = await db.Indicators.AsNoTracking().OrderBy(i => i.Plan!.SortOrder).ThenBy(i => i.SortOrder).ThenBy(i => i.Code)
            .Select(i => new { i.Id, i.Code, i.Name, Plan = i.Plan!.Number }).ToListAsync(ct);
        var pledges = await db.Pledges.AsNoTracking().VisibleTo(reader).OrderBy(p => p.Id).Select(p => new { p.Id, p.Title }).ToListAsync(ct);
        return new PledgeChoices(
            institutions.Select(i => new Choice(PledgePage.Int(i.Id), $"{i.Acronym.Current} · {PageFormats.Shorten(i.Name.Current)}")).ToList(),
            elements.Where(e => !e.Title.IsEmpty).Select(e => new Choice(PledgePage.Int(e.Id), $"{e.Plan} · {e.Code} {PageFormats.Shorten(e.Title.Current)}".Trim())).ToList(),
            activities.Select(a => new Choice(PledgePage.Int(a.Id), $"{a.Code} {PageFormats.Shorten(a.Title.Current)}")).ToList(),
            indicators.Select(i => new Choice(PledgePage.Int(i.Id), $"{i.Plan} · {i.Code} {PageFormats.Shorten(i.Name.Current)}")).ToList(),
            pledges.Select(p => new Choice(PledgePage.Int(p.Id), $"#{PledgePage.Int(p.Id)} {PageFormats.Shorten(p.Title.Current)}")).ToList());
    }
}
