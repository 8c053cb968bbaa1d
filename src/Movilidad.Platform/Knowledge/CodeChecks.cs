using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Writes;

namespace Movilidad.Platform.Knowledge;

/// <summary>
/// The codes a repository item or a course is classified under, checked against the reference tables and the plans:
/// each one that is not there is named by its place (<c>countries[1]</c>, <c>lines[0]</c>, <c>occupations[2]</c>).
/// </summary>
public static class CodeChecks
{
    /// <summary>ISO 3166 countries, codes of plan elements (lines and actions) and ISCO-08 occupations.</summary>
    public static async Task ReferenceCodesAsync(
        this FieldErrors errors, MovilidadDb db, IReadOnlyList<string> countries, IReadOnlyList<string> lines, IReadOnlyList<string> occupations, CancellationToken ct)
    {
        var known = await db.Countries.Where(c => countries.Contains(c.Alpha2)).Select(c => c.Alpha2).ToListAsync(ct);
        foreach (var (code, i) in countries.Select((c, i) => (c, i)).Where(x => !known.Contains(x.c)))
        {
            errors.Add($"countries[{i}]", $"{code} is not an ISO 3166 country code.");
        }

        var codes = await db.PlanElements.Where(e => e.Code != null && lines.Contains(e.Code)).Select(e => e.Code!).Distinct().ToListAsync(ct);
        foreach (var (code, i) in lines.Select((c, i) => (c, i)).Where(x => !codes.Contains(x.c)))
        {
            errors.Add($"lines[{i}]", $"No plan element has the code {code}.");
        }

        var isco = await db.Occupations.Where(o => occupations.Contains(o.Code)).Select(o => o.Code).ToListAsync(ct);
        foreach (var (code, i) in occupations.Select((c, i) => (c, i)).Where(x => !isco.Contains(x.c)))
        {
            errors.Add($"occupations[{i}]", $"{code} is not an ISCO-08 code.");
        }
    }
}
