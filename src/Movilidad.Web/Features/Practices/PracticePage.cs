using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Institutions;
using Movilidad.Web.Infrastructure.Pages;
using Movilidad.Web.Infrastructure.Localization;

namespace Movilidad.Web.Features.Practices;

/// <summary>What the practice pages offer to choose from: institutions, plan elements, countries.</summary>
public sealed record PracticeChoices(IReadOnlyList<Choice> Institutions, IReadOnlyList<Choice> Elements, IReadOnlyList<Choice> Countries)
{
    public string Label(IReadOnlyList<Choice> list, string value) => list.FirstOrDefault(c => c.Value == value)?.Label ?? value;
}

/// <summary>What the practice pages share: errors shown next to their field in the reader's language (keys <c>PracticeError.{field}</c>).</summary>
public abstract class PracticePage : WritePage
{
    public static string MessageKey(string field) => "Practice" + ErrorKey(field);

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string MonthName(DateOnly month) => month.ToString("MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>Plain text to paragraphs: a blank line separates them.</summary>
    public static IEnumerable<string> Paragraphs(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public static class PracticeChoicesQuery
{
    public static async Task<PracticeChoices> PracticeChoicesAsync(this MovilidadDb db, CancellationToken ct)
    {
        var institutions = await db.Institutions.AsNoTracking().Where(i => i.Kind != InstitutionKind.WorkingGroup).OrderBy(i => i.Kind).ThenBy(i => i.Code)
            .Select(i => new { i.Id, i.Acronym, i.Name }).ToListAsync(ct);
        var elements = await db.PlanElements.AsNoTracking().OrderBy(e => e.Plan!.SortOrder).ThenBy(e => e.SortOrder)
            .Select(e => new { e.Id, e.Code, e.Title, Plan = e.Plan!.Number }).ToListAsync(ct);
        var countries = await db.Countries.AsNoTracking().Select(c => new { c.Alpha2, c.Name }).ToListAsync(ct);
        var members = await db.MemberCountriesAsync(ct);
        return new PracticeChoices(
            institutions.Select(i => new Choice(PracticePage.Int(i.Id), $"{i.Acronym.Current} · {PageFormats.Shorten(i.Name.Current)}")).ToList(),
            elements.Where(e => !e.Title.IsEmpty).Select(e => new Choice(PracticePage.Int(e.Id), $"{e.Plan} · {e.Code} {PageFormats.Shorten(e.Title.Current)}".Trim())).ToList(),

            // The CRM's member countries first, then the rest of the world.
            countries.OrderBy(c => members.Contains(c.Alpha2) ? 0 : 1).ThenBy(c => c.Name.Current, StringComparer.Create(CultureInfo.CurrentCulture, CompareOptions.IgnoreNonSpace))
                .Select(c => new Choice(c.Alpha2, c.Name.Current)).ToList());
    }
}
