using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Knowledge;

namespace Movilidad.Platform.Training;

/// <summary>The courses of the catalogue counted per country (empty: open to all countries), kind and semester of their start (<c>2025-S1</c>).</summary>
public sealed record CourseCount(string Country, CourseKind Kind, string Period, int Count);

/// <summary>
/// How many courses the catalogue holds per country and semester, counted from their start dates: a course offered in or
/// for several countries counts once in each; one open to all countries counts under none of them.
/// </summary>
public static class CourseCounts
{
    public static async Task<IReadOnlyList<CourseCount>> BySemesterAsync(IQueryable<Course> courses, CancellationToken ct)
    {
        var dated = await courses.AsNoTracking().Where(c => c.StartDate != null).Select(c => new { c.Countries, c.Kind, Start = c.StartDate!.Value }).ToListAsync(ct);
        return dated
            .SelectMany(c => (CodeList.Split(c.Countries) is { Count: > 0 } countries ? countries : [string.Empty]).Select(country => (Country: country, c.Kind, Period: Semester(c.Start))))
            .GroupBy(c => c)
            .Select(g => new CourseCount(g.Key.Country, g.Key.Kind, g.Key.Period, g.Count()))
            .OrderBy(c => c.Period, StringComparer.Ordinal).ThenBy(c => c.Country, StringComparer.Ordinal).ThenBy(c => c.Kind)
            .ToList();
    }

    /// <summary>The SDMX code of the semester of a day: <c>2025-S1</c> for January to June.</summary>
    public static string Semester(DateOnly day) => day.Year.ToString(CultureInfo.InvariantCulture) + (day.Month <= 6 ? "-S1" : "-S2");
}
